//go:build unix

package project

import (
	"path/filepath"
	"syscall"
	"testing"
)

func TestLoadRefusesAFIFOWithoutWaiting(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, FileName), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(dir)
	if want := filepath.Join(dir, FileName) + ": this is a named pipe (FIFO), not a regular file; qpr.yaml must be a YAML text file"; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}
