//go:build unix

package data

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestOnlyRegularFilesAreRead(t *testing.T) {
	dir := t.TempDir()
	writeAt(t, filepath.Join(dir, "a.csv"), "code,period,value\nCS01,2023/24 Q2,85\n")
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.csv"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.csv")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.csv", filepath.Join(dir, "link.csv")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.csv"), 0o755); err != nil {
		t.Fatal(err)
	}
	// The folder is not in the directory's listing (subfolders are not read), but named
	// directly it is read as a directory: it has no data files.
	ds, msgs := readWithin(t, DefaultLimits(), dir, filepath.Join(dir, "fifo.csv"), filepath.Join(dir, "zero.xlsx"))
	assertMessages(t, msgs, []string{
		"fifo.csv: this is a named pipe (FIFO), not a data file; qpr reads only regular files (or links to them)",
		"zero.csv: this is a character device, not a data file; qpr reads only regular files (or links to them)",
		"zero.xlsx: cannot read the data: no such file or directory",
	})
	// a.csv and the link to it are one file by name but two paths: each is read.
	if ds.Len() != 2 {
		t.Errorf("%d observations, want 2 (a.csv and link.csv)", ds.Len())
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.xlsx")); err != nil {
		t.Fatal(err)
	}
	_, msgs = readWithin(t, DefaultLimits(), filepath.Join(dir, "zero.xlsx"), filepath.Join(dir, "folder.csv"))
	assertMessages(t, msgs, []string{
		"zero.xlsx: this is a character device, not a data file; qpr reads only regular files (or links to them)",
		"folder.csv: the directory holds no .xlsx or .csv files",
	})
}
