// Package diag carries problems found in the user's inputs, each with the place it was found,
// so that every message a user sees can be traced to a file, line or cell.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Place is where in the inputs a problem was found. Only File is required.
type Place struct {
	File  string
	Line  int    // 1-based; 0 = unknown (YAML and csv)
	Sheet string // workbook sheet name
	Cell  string // A1-style reference within Sheet
}

// String renders the place as the contract asks: file, file:line or file:sheet!cell.
func (p Place) String() string {
	switch {
	case p.Sheet != "" && p.Cell != "":
		return fmt.Sprintf("%s:%s!%s", p.File, quoteSheet(p.Sheet), p.Cell)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return p.File
	}
}

// quoteSheet follows Excel's own convention so a reference can be pasted into a formula.
func quoteSheet(name string) string {
	if strings.ContainsAny(name, " '!-()&,;") {
		return "'" + strings.ReplaceAll(name, "'", "''") + "'"
	}
	return name
}

// Severity separates what stops a build from what a reader should be told about.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Problem is one finding about the inputs.
type Problem struct {
	Place    Place
	Message  string
	Severity Severity
}

func (p Problem) Error() string {
	if p.Place.File == "" {
		return p.Message
	}
	if p.Place.Sheet != "" && p.Place.Cell == "" {
		// A problem with a whole sheet has the file as its place and names the sheet first,
		// keeping to the contract's three forms of place.
		return fmt.Sprintf("%s: sheet %q: %s", p.Place.File, p.Place.Sheet, p.Message)
	}
	return p.Place.String() + ": " + p.Message
}

// List collects every problem of a run, so a user fixes them all at once rather than one per run.
type List struct {
	items []Problem
}

func (l *List) Add(p Problem) { l.items = append(l.items, p) }

func (l *List) Errorf(at Place, format string, args ...any) {
	l.items = append(l.items, Problem{Place: at, Message: fmt.Sprintf(format, args...), Severity: Error})
}

func (l *List) Warnf(at Place, format string, args ...any) {
	l.items = append(l.items, Problem{Place: at, Message: fmt.Sprintf(format, args...), Severity: Warning})
}

// Merge appends another list's problems, or a plain error as a placeless problem.
func (l *List) Merge(err error) {
	if err == nil {
		return
	}
	var other *Errors
	if errors.As(err, &other) {
		l.items = append(l.items, other.Problems...)
		return
	}
	var p Problem
	if errors.As(err, &p) {
		l.items = append(l.items, p)
		return
	}
	l.items = append(l.items, Problem{Message: err.Error(), Severity: Error})
}

func (l *List) AddAll(ps []Problem) { l.items = append(l.items, ps...) }

func (l *List) HasErrors() bool {
	for _, p := range l.items {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// Problems returns every problem in the order found.
func (l *List) Problems() []Problem { return append([]Problem(nil), l.items...) }

func (l *List) Errors() []Problem   { return l.filter(Error) }
func (l *List) Warnings() []Problem { return l.filter(Warning) }

func (l *List) filter(s Severity) []Problem {
	var out []Problem
	for _, p := range l.items {
		if p.Severity == s {
			out = append(out, p)
		}
	}
	return out
}

// Err returns nil when there are no errors, else an *Errors holding the errors only.
func (l *List) Err() error {
	errs := l.Errors()
	if len(errs) == 0 {
		return nil
	}
	return &Errors{Problems: errs}
}

// Errors is the error form of a set of problems: one per line when printed.
type Errors struct {
	Problems []Problem
}

func (e *Errors) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// SortByPlace orders problems by file, sheet, line and cell so output does not depend on the
// order in which concurrent readers finished.
func SortByPlace(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Place, ps[j].Place
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Sheet != b.Sheet {
			return a.Sheet < b.Sheet
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return cellLess(a.Cell, b.Cell)
	})
}

// cellLess orders A1 references by row, then column, as a reader scans a sheet.
func cellLess(a, b string) bool {
	ca, ra := splitCell(a)
	cb, rb := splitCell(b)
	if ra != rb {
		return ra < rb
	}
	if len(ca) != len(cb) {
		return len(ca) < len(cb)
	}
	return ca < cb
}

func splitCell(ref string) (col string, row int) {
	i := 0
	for i < len(ref) && (ref[i] < '0' || ref[i] > '9') {
		i++
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			break
		}
		row = row*10 + int(c-'0')
	}
	return ref[:i], row
}
