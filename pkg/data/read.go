package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
)

// Read reads every data file named by paths within the default limits; see ReadWithin.
func Read(paths []string, cal period.Calendar) (*Dataset, *diag.List) {
	return ReadWithin(paths, cal, DefaultLimits())
}

// ReadWithin reads every data file named by paths. A path is a file or a directory; a
// directory contributes each .xlsx and .csv file directly inside it (not in subdirectories),
// in name order, leaving out hidden files and the "~$" lock files Excel leaves beside an open
// workbook. A file named directly must be .xlsx, .xlsm or .csv. A file reached twice is read
// once. Only regular files are read (or links to them), each within the limits lim.
//
// Files are read at the same time, as many as there are processors, but the result is as if
// they were read one after another: observations, comments and problems come in file and row
// order. Every problem is collected, each with its place; the Dataset holds whatever could be
// read.
func ReadWithin(paths []string, cal period.Calendar, lim Limits) (*Dataset, *diag.List) {
	// steps is the work in order: a path's listing problems, then each of its files.
	type step struct {
		file  string // "" for a step that only carries problems
		ds    *Dataset
		probs *diag.List
	}
	var steps []*step
	seen := map[string]bool{}
	for _, p := range paths {
		listing := &diag.List{}
		files := expandPath(p, listing)
		steps = append(steps, &step{probs: listing})
		for _, file := range files {
			key := file
			if abs, err := filepath.Abs(file); err == nil {
				key = abs
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			steps = append(steps, &step{file: file, ds: &Dataset{}, probs: &diag.List{}})
		}
	}

	work := make(chan *step)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(steps), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range work {
				readFileSafely(s.file, cal, lim, s.ds, s.probs)
			}
		}()
	}
	for _, s := range steps {
		if s.file != "" {
			work <- s
		}
	}
	close(work)
	wg.Wait()

	ds := &Dataset{}
	probs := &diag.List{}
	for _, s := range steps {
		probs.AddAll(s.probs.Problems())
		if s.file != "" {
			ds.Files = append(ds.Files, s.file)
			ds.append(s.ds)
		}
	}
	return ds, probs
}

// expandPath lists the data files a path names.
func expandPath(p string, probs *diag.List) []string {
	info, err := os.Stat(p)
	if err != nil {
		probs.Errorf(diag.Place{File: p}, "cannot read the data: %s", describeOSError(err))
		return nil
	}
	if !info.IsDir() {
		return []string{p}
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		probs.Errorf(diag.Place{File: p}, "cannot list the directory: %s", describeOSError(err))
		return nil
	}
	var files []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
			continue
		}
		switch strings.ToLower(filepath.Ext(name)) {
		case ".xlsx", ".xlsm", ".csv":
			files = append(files, filepath.Join(p, name))
		case ".xls":
			// Read it to give its own message: a late return saved in the old format must not
			// vanish from the report unnoticed.
			files = append(files, filepath.Join(p, name))
		default:
			probs.Warnf(diag.Place{File: filepath.Join(p, name)}, "skipped: not a data file (data files are .xlsx workbooks or .csv files)")
		}
	}
	sort.Strings(files)
	if len(files) == 0 {
		probs.Errorf(diag.Place{File: p}, "the directory holds no .xlsx or .csv files")
	}
	return files
}

// readFileSafely is readFile in a goroutine of its own, where a panic would end the process
// with a stack trace rather than reach main's handler: it becomes a message naming the file.
func readFileSafely(path string, cal period.Calendar, lim Limits, ds *Dataset, probs *diag.List) {
	defer func() {
		if r := recover(); r != nil {
			*ds = Dataset{}
			probs.Errorf(diag.Place{File: path}, "cannot read the file: qpr failed on it (%v); please report this, with the file if you can", r)
		}
	}()
	readFile(path, cal, lim, ds, probs)
}

func readFile(path string, cal period.Calendar, lim Limits, ds *Dataset, probs *diag.List) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".xlsx", ".xlsm":
		if _, ok := checkDataFile(path, lim, probs); !ok {
			return
		}
		readXLSX(path, cal, lim, ds, probs)
	case ".csv":
		f, ok := openDataFile(path, lim, probs)
		if !ok {
			return
		}
		defer f.Close()
		readCSV(f, path, cal, lim, ds, probs)
	case ".xls":
		probs.Errorf(diag.Place{File: path}, "this is an old-style .xls workbook, which qpr cannot read; open it in Excel and save it as .xlsx (Excel Workbook) or .csv")
	case "":
		probs.Errorf(diag.Place{File: path}, "the file name has no extension; data files are .xlsx workbooks or .csv files")
	default:
		probs.Errorf(diag.Place{File: path}, "unsupported file type %q; data files are .xlsx workbooks or .csv files", ext)
	}
}

// checkDataFile reports whether path is a regular file (or a link to one) within the size
// limit, without opening it: opening a FIFO could wait for ever, and a device such as
// /dev/zero never ends.
func checkDataFile(path string, lim Limits, probs *diag.List) (os.FileInfo, bool) {
	info, err := os.Stat(path)
	if err != nil {
		probs.Errorf(diag.Place{File: path}, "cannot read the file: %s", describeOSError(err))
		return nil, false
	}
	return info, regularWithin(path, info, lim, probs)
}

func regularWithin(path string, info os.FileInfo, lim Limits, probs *diag.List) bool {
	if !info.Mode().IsRegular() {
		probs.Errorf(diag.Place{File: path}, "this is %s, not a data file; qpr reads only regular files (or links to them)", describeMode(info.Mode()))
		return false
	}
	if info.Size() > lim.FileSize {
		probs.Errorf(diag.Place{File: path}, "the file is %s, more than a data file may be; %s", describeSize(info.Size()), lim.exceeded("file_size"))
		return false
	}
	return true
}

// openDataFile opens a data file for reading once it is known to be a regular file within the
// size limit. It checks before opening, and again on what was opened, in case the name was
// changed in between.
func openDataFile(path string, lim Limits, probs *diag.List) (*os.File, bool) {
	if _, ok := checkDataFile(path, lim, probs); !ok {
		return nil, false
	}
	f, err := os.OpenFile(path, openFlags, 0)
	if err != nil {
		probs.Errorf(diag.Place{File: path}, "cannot read the file: %s", describeOSError(err))
		return nil, false
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		probs.Errorf(diag.Place{File: path}, "cannot read the file: %s", describeOSError(err))
		return nil, false
	}
	if !regularWithin(path, info, lim, probs) {
		f.Close()
		return nil, false
	}
	return f, true
}

// describeMode names a kind of file that is not a regular file.
func describeMode(m fs.FileMode) string {
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

// describeSize is a file size as a person reads it.
func describeSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// describeOSError says what went wrong without repeating the path, which the place already
// gives.
func describeOSError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Load reads the data files and matches them to the catalogue: what every command that
// reads data does. Problems of both steps come back together, reading's first.
func Load(paths []string, cat *catalogue.Catalogue) (*Dataset, *Store, *diag.List) {
	return LoadWithin(paths, cat, DefaultLimits())
}

// LoadWithin is Load within the limits lim.
func LoadWithin(paths []string, cat *catalogue.Catalogue, lim Limits) (*Dataset, *Store, *diag.List) {
	ds, problems := ReadWithin(paths, cat.Calendar, lim)
	store, matchProblems := Match(ds, cat)
	problems.AddAll(matchProblems.Problems())
	return ds, store, problems
}
