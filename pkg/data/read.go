package data

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
)

// Read reads every data file named by paths. A path is a file or a directory; a directory
// contributes each .xlsx and .csv file directly inside it (not in subdirectories), in name
// order, leaving out hidden files and the "~$" lock files Excel leaves beside an open
// workbook. A file named directly must be .xlsx, .xlsm or .csv. A file reached twice is read
// once.
//
// Every problem is collected, each with its place; the Dataset holds whatever could be read.
func Read(paths []string, cal period.Calendar) (*Dataset, *diag.List) {
	ds := &Dataset{}
	probs := &diag.List{}
	seen := map[string]bool{}
	for _, p := range paths {
		for _, file := range expandPath(p, probs) {
			key := file
			if abs, err := filepath.Abs(file); err == nil {
				key = abs
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			ds.Files = append(ds.Files, file)
			readFile(file, cal, ds, probs)
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

func readFile(path string, cal period.Calendar, ds *Dataset, probs *diag.List) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".xlsx", ".xlsm":
		readXLSX(path, cal, DefaultLimits(), ds, probs)
	case ".csv":
		readCSV(path, cal, ds, probs)
	case ".xls":
		probs.Errorf(diag.Place{File: path}, "this is an old-style .xls workbook, which qpr cannot read; open it in Excel and save it as .xlsx (Excel Workbook) or .csv")
	case "":
		probs.Errorf(diag.Place{File: path}, "the file name has no extension; data files are .xlsx workbooks or .csv files")
	default:
		probs.Errorf(diag.Place{File: path}, "unsupported file type %q; data files are .xlsx workbooks or .csv files", ext)
	}
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
	ds, problems := Read(paths, cat.Calendar)
	store, matchProblems := Match(ds, cat)
	problems.AddAll(matchProblems.Problems())
	return ds, store, problems
}
