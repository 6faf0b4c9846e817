package app

import (
	"fmt"
	"os"
	"path/filepath"
)

// writeAtomically puts data at path whole or not at all: it is written to a temporary file in
// the same folder and renamed into place, so a reader (or a failed build) never sees half a
// file under the final name.
func writeAtomically(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("%s: cannot write: %v", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("%s: cannot write: %v", path, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("%s: cannot write: %v", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("%s: cannot write: %v", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: cannot write: %v", path, err)
	}
	return nil
}
