package app

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/example/qpr/pkg/cleanup"
	"github.com/example/qpr/pkg/diag"
)

// staged is an output written whole under a temporary name in its final folder, waiting to
// be renamed into place: a file, or a folder of files (folder). With tmp "" it is an earlier
// output to be removed as the others are published (the same report, written before in the
// other form: one file where now a folder, or the other way round).
type staged struct {
	tmp, path string
	folder    bool
}

// stageFolder writes an output that is a folder of files into a temporary folder beside
// path, through write, which makes each file with create. As with stageWith, a failure
// removes the temporary folder and returns write's error.
func stageFolder(path string, write func(create fileCreator) error) (staged, error) {
	tmp, err := cleanup.MkdirTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return staged{}, cannotWrite(path, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		cleanup.Remove(tmp)
		return staged{}, cannotWrite(path, err)
	}
	if err := write(fileCreator{dir: tmp, path: path}); err != nil {
		cleanup.Remove(tmp)
		return staged{}, err
	}
	return staged{tmp: tmp, path: path, folder: true}, nil
}

// fileCreator makes the files of a staged folder; a failure to write one is placed at the
// file's final path.
type fileCreator struct{ dir, path string }

func (c fileCreator) Create(name string) (io.WriteCloser, error) {
	if name != filepath.Base(name) || name == "." || name == ".." {
		return nil, fmt.Errorf("a folder's file name %q is not a plain name", name)
	}
	f, err := os.OpenFile(filepath.Join(c.dir, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, cannotWrite(filepath.Join(c.path, name), err)
	}
	return &stagedFile{f: f, path: filepath.Join(c.path, name), buf: bufio.NewWriterSize(f, 256<<10)}, nil
}

type stagedFile struct {
	f    *os.File
	path string
	buf  *bufio.Writer
}

func (s *stagedFile) Write(p []byte) (int, error) {
	n, err := s.buf.Write(p)
	if err != nil {
		return n, cannotWrite(s.path, err)
	}
	return n, nil
}

func (s *stagedFile) Close() error {
	err := s.buf.Flush()
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return cannotWrite(s.path, err)
	}
	return nil
}

// removal is the earlier output at path, to be removed as the new ones are published.
func removal(path string, folder bool) staged { return staged{path: path, folder: folder} }

// stage writes data to a temporary file beside path.
func stage(path string, data []byte) (staged, error) {
	return stageWith(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// stageWith writes an output to a temporary file beside path through write, which may fail
// part way: the temporary file is then removed and write's error returned as it is (a
// failure to write the file itself is returned placed at path). The temporary file is
// removed, too, if the process is stopped by a signal before it is published.
func stageWith(path string, write func(io.Writer) error) (staged, error) {
	tmp, err := cleanup.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return staged{}, cannotWrite(path, err)
	}
	s := staged{tmp: tmp.Name(), path: path}
	fw := &failedWriter{w: tmp}
	buf := bufio.NewWriterSize(fw, 256<<10)
	err = write(buf)
	if err == nil {
		err = buf.Flush()
	}
	if fw.err != nil { // the file failed, whatever the renderer made of that
		err = cannotWrite(path, fw.err)
	}
	if err == nil {
		if cerr := tmp.Chmod(0o644); cerr != nil {
			err = cannotWrite(path, cerr)
		}
	}
	if cerr := tmp.Close(); err == nil && cerr != nil {
		err = cannotWrite(path, cerr)
	}
	if err != nil {
		cleanup.Remove(s.tmp)
		return staged{}, err
	}
	return s, nil
}

// failedWriter remembers the file's own write error, to tell it from a renderer's failure.
type failedWriter struct {
	w   io.Writer
	err error
}

func (f *failedWriter) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	if err != nil && f.err == nil {
		f.err = err
	}
	return n, err
}

// publish renames every staged file into place, as a whole: every file was written in full
// before any is renamed, each destination's earlier file is kept under a second name until
// all are renamed, and a rename that fails puts the earlier files back, so the outputs are
// never a mix of two builds. A signal that arrives meanwhile waits until it is done.
func publish(files []staged) error {
	return cleanup.Hold(func() error {
		kept := make([]string, len(files))
		for i, f := range files {
			k, err := keepEarlier(f.path, f.folder, f.tmp == "")
			if err != nil {
				cleanup.Remove(kept[:i]...)
				discard(files)
				if errors.Is(err, errFolderInTheWay) {
					return diag.Problem{Place: diag.Place{File: f.path}, Message: "is a folder, so this output cannot be written there; move the folder away, or choose another --out"}
				}
				return cannotWrite(f.path, err)
			}
			kept[i] = k
		}
		for i, f := range files {
			if f.tmp == "" {
				continue // an earlier output in the other form, now set aside
			}
			if err := os.Rename(f.tmp, f.path); err != nil {
				putBack(files[:i], kept[:i])
				cleanup.Remove(kept[i:]...)
				discard(files[i:])
				return cannotWrite(f.path, err)
			}
			cleanup.Forget(f.tmp)
		}
		cleanup.Remove(kept...)
		return nil
	})
}

// errFolderInTheWay is a folder where an output file is to go. Renaming the file onto it would
// fail with the system's "file exists", which does not say what to do.
var errFolderInTheWay = errors.New("a folder of that name is in the way")

// keepEarlier gives the file at path, if there is one, a second name beside it, so it can be
// put back; "" when there is none. A destination that is a folder is refused here, before
// any output is renamed, unless the output is a folder itself: the earlier folder is then
// moved aside whole, as an earlier output that is only to be removed (remove) is.
func keepEarlier(path string, folder, remove bool) (string, error) {
	st, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	if st.IsDir() != folder {
		if st.IsDir() {
			return "", errFolderInTheWay
		}
		return "", fmt.Errorf("a file of that name is in the way of the folder")
	}
	if folder || remove {
		return cleanup.Rename(path, "."+filepath.Base(path)+".*.tmp")
	}
	dir, pattern := filepath.Dir(path), "."+filepath.Base(path)+".*.tmp"
	if kept, err := cleanup.Link(path, dir, pattern); err == nil {
		return kept, nil
	}
	// No hard links here (some network and FAT file systems): keep a copy instead.
	in, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer in.Close()
	s, err := stageWith(path, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
	return s.tmp, err
}

// putBack undoes the renames of files: each destination gets its earlier file back, or is
// removed where it had none.
func putBack(files []staged, kept []string) {
	for i, f := range files {
		if kept[i] == "" {
			if f.tmp != "" {
				os.RemoveAll(f.path)
			}
			continue
		}
		if os.Rename(kept[i], f.path) == nil {
			cleanup.Forget(kept[i])
		}
	}
}

func discard(files []staged) {
	for _, f := range files {
		cleanup.Remove(f.tmp)
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
