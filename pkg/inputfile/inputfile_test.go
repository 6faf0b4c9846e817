package inputfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestReadAllWithinTheLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.yaml")
	if err := os.WriteFile(path, []byte("12345"), 0o644); err != nil {
		t.Fatal(err)
	}
	if src, err := ReadAll(path, 5); err != nil || string(src) != "12345" {
		t.Errorf("ReadAll(limit 5) = %q, %v; want the 5 bytes", src, err)
	}
	_, err := ReadAll(path, 4)
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Size != 5 || tl.Limit != 4 {
		t.Errorf("ReadAll(limit 4) error = %v; want a TooLargeError of 5 bytes over 4", err)
	}
}

func TestOpenRefusesADirectoryAndKeepsNotExist(t *testing.T) {
	dir := t.TempDir()
	_, _, err := Open(dir, 0)
	var nr *NotRegularError
	if !errors.As(err, &nr) || nr.What() != "a directory" {
		t.Errorf("Open(dir) error = %v; want a NotRegularError naming a directory", err)
	}
	if _, _, err := Open(filepath.Join(dir, "none"), 0); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open(missing) error = %v; want one that is fs.ErrNotExist", err)
	}
}
