// Package inputfile opens the files qpr reads (data, the catalogue, qpr.yaml, templates) in
// one way: only a regular file, or a link to one, within a size limit. A FIFO named as an
// input would block the open or the read, and a device such as /dev/zero never ends, so the
// kind of file is checked before it is opened, and again on what was opened.
package inputfile

import (
	"fmt"
	"io"
	"io/fs"
	"os"
)

// NotRegularError is an input that is not a regular file: a directory, a FIFO, a device.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s: is %s, not a regular file", e.Path, Describe(e.Mode))
}

// What names the kind of file, as Describe does.
func (e *NotRegularError) What() string { return Describe(e.Mode) }

// TooLargeError is an input larger than its limit.
type TooLargeError struct {
	Path        string
	Size, Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s: is %d bytes, more than the %d allowed", e.Path, e.Size, e.Limit)
}

// Check looks at path without opening it: a regular file (or a link to one) of at most limit
// bytes (no limit when limit <= 0). Its errors are the os package's, *NotRegularError and
// *TooLargeError.
func Check(path string, limit int64) (fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	return info, within(path, info, limit)
}

func within(path string, info fs.FileInfo, limit int64) error {
	if !info.Mode().IsRegular() {
		return &NotRegularError{Path: path, Mode: info.Mode()}
	}
	if limit > 0 && info.Size() > limit {
		return &TooLargeError{Path: path, Size: info.Size(), Limit: limit}
	}
	return nil
}

// Open opens path for reading once Check allows it, without waiting on a FIFO put there in
// between, and checks again what was opened.
func Open(path string, limit int64) (*os.File, fs.FileInfo, error) {
	if _, err := Check(path, limit); err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(path, openFlags, 0)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err == nil {
		err = within(path, info, limit)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// ReadAll reads the whole of path through Open; a file that grows past limit while it is read
// is refused as well (limit must be > 0).
func ReadAll(path string, limit int64) ([]byte, error) {
	f, info, err := Open(path, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Memory for the file's size when opened and a byte more, to see the end (or that it
	// grew) without a copy: io.ReadAll's doubling took and copied twice a catalogue's size.
	src := make([]byte, 0, min(info.Size(), limit)+1)
	r := io.LimitReader(f, limit+1)
	for {
		if len(src) == cap(src) {
			src = append(src, 0)[:len(src)] // it grew, or its size is not known (a /proc file)
		}
		n, err := r.Read(src[len(src):cap(src)])
		src = src[:len(src)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(src)) > limit {
		return nil, &TooLargeError{Path: path, Size: int64(len(src)), Limit: limit}
	}
	return src, nil
}

// Describe names a kind of file that is not a regular file: "a directory", "a named pipe
// (FIFO)".
func Describe(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}
