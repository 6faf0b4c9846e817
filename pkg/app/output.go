package app

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/example/qpr/pkg/diag"
)

// staged is an output written whole under a temporary name in its final folder, waiting to
// be renamed into place.
type staged struct {
	tmp, path string
}

// stage writes data to a temporary file beside path.
func stage(path string, data []byte) (staged, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return staged{}, cannotWrite(path, err)
	}
	s := staged{tmp: tmp.Name(), path: path}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(s.tmp)
		return staged{}, cannotWrite(path, err)
	}
	return s, nil
}

// publish renames every staged file into place. Every file was written in full before any is
// renamed, so a reader (or a failed build) never sees half a file under its final name, and a
// build that fails while writing leaves the earlier outputs as they were.
func publish(files []staged) error {
	for i, f := range files {
		if err := os.Rename(f.tmp, f.path); err != nil {
			discard(files[i:])
			return cannotWrite(f.path, err)
		}
	}
	return nil
}

func discard(files []staged) {
	for _, f := range files {
		os.Remove(f.tmp)
	}
}

// writeAtomically puts data at path whole or not at all.
func writeAtomically(path string, data []byte) error {
	s, err := stage(path, data)
	if err != nil {
		return err
	}
	return publish([]staged{s})
}

func cannotWrite(path string, err error) error {
	return diag.Problem{Place: diag.Place{File: path}, Message: "cannot write: " + osReason(err)}
}

// osReason is what went wrong, without the path the place already gives.
func osReason(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}
