package cleanup

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTrackedFilesAreRemovedWhenStopped(t *testing.T) {
	dir := t.TempDir()
	kept, err := CreateTemp(dir, ".a.pdf.*.tmp")
	if err != nil {
		t.Fatal(err)
	}
	kept.Close()
	Forget(kept.Name()) // renamed into place, say
	gone, err := CreateTemp(dir, ".a.xlsx.*.tmp")
	if err != nil {
		t.Fatal(err)
	}
	gone.Close()
	if !strings.HasPrefix(filepath.Base(gone.Name()), ".a.xlsx.") || !strings.HasSuffix(gone.Name(), ".tmp") {
		t.Errorf("temporary file named %s, want .a.xlsx.N.tmp", gone.Name())
	}
	second, err := Link(gone.Name(), dir, ".a.xlsx.*.old")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(filepath.Base(second), ".a.xlsx.") || !strings.HasSuffix(second, ".old") || second == gone.Name() {
		t.Errorf("link named %s", second)
	}

	removeAll()
	defer func() { mu.Lock(); stopping = false; mu.Unlock() }()
	for _, p := range []string{gone.Name(), second} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s outlived the stop (%v)", p, err)
		}
	}
	if _, err := os.Stat(kept.Name()); err != nil {
		t.Errorf("a forgotten file was removed: %v", err)
	}
	if _, err := CreateTemp(dir, "x*"); err != ErrStopped {
		t.Errorf("CreateTemp while stopping: %v, want ErrStopped", err)
	}
}
