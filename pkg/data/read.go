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
	"github.com/example/qpr/pkg/inputfile"
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
		if !checkDataFile(path, lim, probs) {
			return
		}
		readXLSX(path, cal, lim, ds, probs)
	case ".csv":
		f, size, ok := openDataFile(path, lim, probs)
		if !ok {
			return
		}
		defer f.Close()
		readCSV(f, size, path, cal, lim, ds, probs)
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
func checkDataFile(path string, lim Limits, probs *diag.List) bool {
	_, err := inputfile.Check(path, lim.FileSize)
	return reportOpen(path, err, lim, probs)
}

// openDataFile opens a data file for reading once it is known to be a regular file within the
// size limit (inputfile checks again on what was opened, in case the name was changed), and
// its size.
func openDataFile(path string, lim Limits, probs *diag.List) (*os.File, int64, bool) {
	f, info, err := inputfile.Open(path, lim.FileSize)
	if !reportOpen(path, err, lim, probs) {
		return nil, 0, false
	}
	return f, info.Size(), true
}

// reportOpen words inputfile's refusal of a data file; it returns whether there was none.
func reportOpen(path string, err error, lim Limits, probs *diag.List) bool {
	var notRegular *inputfile.NotRegularError
	var tooLarge *inputfile.TooLargeError
	switch {
	case err == nil:
		return true
	case errors.As(err, &notRegular):
		probs.Errorf(diag.Place{File: path}, "this is %s, not a data file; qpr reads only regular files (or links to them)", notRegular.What())
	case errors.As(err, &tooLarge):
		probs.Errorf(diag.Place{File: path}, "the file is %s, more than a data file may be; %s", describeSize(tooLarge.Size), lim.exceeded("file_size"))
	default:
		probs.Errorf(diag.Place{File: path}, "cannot read the file: %s", describeOSError(err))
	}
	return false
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
