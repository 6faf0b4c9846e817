//go:build unix

package catalogue

import (
	"path/filepath"
	"syscall"
	"testing"
)

func TestCatalogueMustBeARegularFile(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "c.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(fifo) // must not block
	if want := fifo + ": the catalogue is a named pipe (FIFO), not a file; give the path of the catalogue's YAML file"; err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant  %s", err, want)
	}
	_, err = Load("/dev/zero")
	if want := "/dev/zero: the catalogue is a character device, not a file; give the path of the catalogue's YAML file"; err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant  %s", err, want)
	}
}
