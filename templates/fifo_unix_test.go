//go:build unix

package templates

import (
	"path/filepath"
	"syscall"
	"testing"
)

// A FIFO in the templates folder is refused at once; reading it would wait for a writer.
func TestLoadRefusesAFIFOWithoutWaiting(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, StyleFile), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(dir)
	want := filepath.Join(dir, StyleFile) + ": this is a named pipe (FIFO), not a file; a templates folder holds narrative.tmpl, key.tmpl, style.yaml and logo.png as plain files"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant  %s", err, want)
	}
}
