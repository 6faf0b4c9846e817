package inputfile

import (
	"bytes"
	"errors"
	"os"
	"testing"
)

// A file in /proc is regular but says it holds 0 bytes, so ReadAll reads on past the size it
// was opened with, as it does for a file that grew; and refuses it past the limit.
func TestReadAllReadsPastTheSizeItWasOpenedWith(t *testing.T) {
	const path = "/proc/self/cmdline" // the test binary's arguments, the same for the whole run
	want, err := os.ReadFile(path)
	if err != nil || len(want) < 2 {
		t.Skip("no /proc/self/cmdline to read:", err)
	}
	if info, err := os.Stat(path); err != nil || info.Size() != 0 {
		t.Skipf("%s does not say it holds 0 bytes", path)
	}
	got, err := ReadAll(path, 1<<20)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("ReadAll = %q, %v; want %q", got, err, want)
	}
	limit := int64(len(want) - 1)
	_, err = ReadAll(path, limit)
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Size != limit+1 || tl.Limit != limit {
		t.Errorf("ReadAll with a limit of %d: error = %v; want a TooLargeError of %d bytes over %d", limit, err, limit+1, limit)
	}
}
