//go:build unix

package inputfile

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
)

// A FIFO is refused without opening it: opening it would wait until something wrote to it.
func TestFIFOIsRefusedWithoutWaiting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadAll(path, 100)
	var nr *NotRegularError
	if !errors.As(err, &nr) || nr.What() != "a named pipe (FIFO)" {
		t.Errorf("error = %v; want a NotRegularError naming a FIFO", err)
	}
	_, err = ReadAll("/dev/zero", 100)
	if !errors.As(err, &nr) || nr.What() != "a character device" {
		t.Errorf("/dev/zero: error = %v; want a NotRegularError naming a character device", err)
	}
}
