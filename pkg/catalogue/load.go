package catalogue

import (
	"errors"
	"io/fs"
	"os"

	"github.com/example/qpr/pkg/diag"
)

// DefaultTitle is the report title when the catalogue gives none.
const DefaultTitle = "Quarterly Performance Report"

// DefaultPackID is the id of the one pack a catalogue without packs: has.
const DefaultPackID = "qpr"

var topKeys = []string{"organisation", "title", "year_start", "trend", "projection", "directorates", "indicators", "packs"}

// Load reads and checks the catalogue at path. Every problem found is returned at once, as a
// *diag.Errors whose places name path and the line.
func Load(path string) (*Catalogue, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, &diag.Errors{Problems: []diag.Problem{{
			Place:   diag.Place{File: path},
			Message: readFailure(err),
		}}}
	}
	return Parse(path, src)
}

func readFailure(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "catalogue file not found; check the path (qpr init DIR writes a starter catalogue)"
	case errors.Is(err, fs.ErrPermission):
		return "catalogue file cannot be read: permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return "catalogue file cannot be read: " + pe.Err.Error()
	}
	return "catalogue file cannot be read: " + err.Error()
}

// Parse checks the catalogue held in src; file names it in messages.
func Parse(file string, src []byte) (*Catalogue, error) {
	p := &parser{file: file}
	root := p.document(src)
	if root == nil {
		return nil, p.err()
	}
	cat := p.catalogue(root)
	if err := p.err(); err != nil {
		return nil, err
	}
	return cat, nil
}

// err returns the problems in file order, so a user reads them top to bottom. A problem in a
// mapping merged into several others (<<: *base) is found once per merge but told once.
func (p *parser) err() error {
	err := p.list.Err()
	var errs *diag.Errors
	if !errors.As(err, &errs) {
		return err
	}
	diag.SortByPlace(errs.Problems)
	told := map[diag.Problem]bool{}
	kept := errs.Problems[:0]
	for _, pr := range errs.Problems {
		if !told[pr] {
			told[pr] = true
			kept = append(kept, pr)
		}
	}
	errs.Problems = kept
	return errs
}
