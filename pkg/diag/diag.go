// Package diag carries problems found in the user's inputs, each with the place it was found,
// so that every message a user sees can be traced to a file, line or cell.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Place is where in the inputs a problem was found. Only File is required. It holds numbers,
// not a formatted reference, so the million places a large dataset keeps cost no strings: the
// A1 reference is made only when a message is printed.
type Place struct {
	File  string
	Sheet string // workbook sheet name
	Line  int    // 1-based line of a text file, or row of the cell in Sheet; 0 = unknown
	Col   int    // 1-based column of the cell in Sheet; 0 = no cell (the whole sheet)
}

// CellAt is the place of a workbook cell; row and col are 1-based.
func CellAt(file, sheet string, row, col int) Place {
	return Place{File: file, Sheet: sheet, Line: row, Col: col}
}

// Cell is the A1-style reference of a workbook cell's place, or "" when the place is no cell.
func (p Place) Cell() string {
	if p.Sheet == "" || p.Col <= 0 || p.Line <= 0 {
		return ""
	}
	return ColumnName(p.Col) + strconv.Itoa(p.Line)
}

// ColumnName is the spreadsheet name of a 1-based column: 1 = A, 27 = AA.
func ColumnName(col int) string {
	var b [16]byte
	i := len(b)
	for n := col; n > 0 && i > 0; n = (n - 1) / 26 {
		i--
		b[i] = byte('A' + (n-1)%26)
	}
	return string(b[i:])
}

// String renders the place as the contract asks: file, file:line or file:sheet!cell. Names
// are shown with any control characters escaped, as the file and sheet names come from
// whoever made the files.
func (p Place) String() string {
	file := Sanitize(p.File)
	switch {
	case p.Cell() != "":
		return fmt.Sprintf("%s:%s!%s", file, quoteSheet(Sanitize(p.Sheet)), p.Cell())
	case p.Sheet == "" && p.Line > 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	default:
		return file
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

func (p Problem) Error() string { return p.format("") }

// Warning is the problem as a warning line: "place: warning: message".
func (p Problem) Warning() string { return p.format("warning: ") }

// format is the one place a problem becomes a line of text: the place, then the message, each
// with control characters escaped so that nothing read from a file can move the cursor,
// recolour the terminal or forge a line of its own.
func (p Problem) format(label string) string {
	msg := label + Sanitize(p.Message)
	if p.Place.File == "" {
		return msg
	}
	if p.Place.Sheet != "" && p.Place.Cell() == "" {
		// A problem with a whole sheet has the file as its place and names the sheet first,
		// keeping to the contract's three forms of place.
		return fmt.Sprintf("%s: %ssheet %s: %s", Sanitize(p.Place.File), label, strconv.Quote(p.Place.Sheet), Sanitize(p.Message))
	}
	return p.Place.String() + ": " + msg
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
		// Rows, then columns, as a reader scans a sheet.
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}
