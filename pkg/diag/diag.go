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
	Error   Severity = iota // stops the build: the input cannot be read as meant
	Warning                 // told, and the build goes on
)

// Problem is one finding about the inputs.
type Problem struct {
	Place    Place
	Message  string
	Severity Severity
	// Code and Period name the indicator and the period (canonical label) the problem
	// concerns, where it concerns one, so a script need not parse the message.
	Code, Period string
	// Unlisted, on a problem a List made, counts the problems of its file that were left out
	// of the list; added to another List, it is added to that list's count.
	Unlisted Unlisted
}

// About is p concerning indicator code and period (either may be "").
func (p Problem) About(code, period string) Problem {
	p.Code, p.Period = code, period
	return p
}

// Unlisted counts the problems of one file a List left out.
type Unlisted struct{ Errors, Warnings int }

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

// MaxPerFile is how many problems of one file a List keeps. A file with a column of the wrong
// thing in a million rows would otherwise hold a million messages in memory (over a gigabyte)
// and print them all; the rest are counted, and told as one more problem of the file.
const MaxPerFile = 1000

// List collects every problem of a run, so a user fixes them all at once rather than one per
// run; of one file, the first MaxPerFile.
type List struct {
	items    []Problem
	kept     map[string]int // problems kept, by file
	unlisted map[string]Unlisted
}

// Add records p, or only counts it when its file already has MaxPerFile problems kept. A
// problem carrying an Unlisted count adds that count instead.
func (l *List) Add(p Problem) {
	file := p.Place.File
	if p.Unlisted != (Unlisted{}) {
		l.leaveOut(file, p.Unlisted)
		return
	}
	if file != "" {
		if l.kept[file] >= MaxPerFile {
			u := Unlisted{Warnings: 1}
			if p.Severity == Error {
				u = Unlisted{Errors: 1}
			}
			l.leaveOut(file, u)
			return
		}
		if l.kept == nil {
			l.kept = map[string]int{}
		}
		l.kept[file]++
	}
	l.items = append(l.items, p)
}

func (l *List) leaveOut(file string, u Unlisted) {
	if l.unlisted == nil {
		l.unlisted = map[string]Unlisted{}
	}
	sum := l.unlisted[file]
	l.unlisted[file] = Unlisted{sum.Errors + u.Errors, sum.Warnings + u.Warnings}
}

// Errorf records an error at a place, formatting its message as fmt.Sprintf does.
func (l *List) Errorf(at Place, format string, args ...any) {
	if at.File != "" && l.kept[at.File] >= MaxPerFile {
		l.leaveOut(at.File, Unlisted{Errors: 1}) // without formatting a message never kept
		return
	}
	l.Add(Problem{Place: at, Message: fmt.Sprintf(format, args...), Severity: Error})
}

// Warnf records a warning at a place, formatting its message as fmt.Sprintf does.
func (l *List) Warnf(at Place, format string, args ...any) {
	if at.File != "" && l.kept[at.File] >= MaxPerFile {
		l.leaveOut(at.File, Unlisted{Warnings: 1})
		return
	}
	l.Add(Problem{Place: at, Message: fmt.Sprintf(format, args...), Severity: Warning})
}

// unlistedProblems tells, one problem per file in file order, what was left out: an error
// if any error was.
func (l *List) unlistedProblems() []Problem {
	files := make([]string, 0, len(l.unlisted))
	for f := range l.unlisted {
		files = append(files, f)
	}
	sort.Strings(files)
	out := make([]Problem, 0, len(files))
	for _, f := range files {
		u := l.unlisted[f]
		sev, what := Error, plural(u.Errors, "error")
		switch {
		case u.Errors == 0:
			sev, what = Warning, plural(u.Warnings, "warning")
		case u.Warnings > 0:
			what += " and " + strings.Replace(plural(u.Warnings, "warning"), " more", "", 1)
		}
		out = append(out, Problem{
			Place:    Place{File: f},
			Message:  fmt.Sprintf("%s in this file %s not listed (only the first %s problems of a file are); correct those listed and run again", what, map[bool]string{true: "is", false: "are"}[u.Errors+u.Warnings == 1], thousands(MaxPerFile)),
			Severity: sev,
			Unlisted: u,
		})
	}
	return out
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 more " + what
	}
	return thousands(n) + " more " + what + "s"
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Merge appends another list's problems, or a plain error as a placeless problem.
func (l *List) Merge(err error) {
	if err == nil {
		return
	}
	var other *Errors
	if errors.As(err, &other) {
		l.AddAll(other.Problems)
		return
	}
	var p Problem
	if errors.As(err, &p) {
		l.Add(p)
		return
	}
	l.Add(Problem{Message: err.Error(), Severity: Error})
}

// AddAll records each of ps in order, as Add does.
func (l *List) AddAll(ps []Problem) {
	for _, p := range ps {
		l.Add(p)
	}
}

// HasErrors reports whether any error was recorded, kept or only counted.
func (l *List) HasErrors() bool {
	for _, p := range l.items {
		if p.Severity == Error {
			return true
		}
	}
	for _, u := range l.unlisted {
		if u.Errors > 0 {
			return true
		}
	}
	return false
}

// Problems returns every problem kept in the order found, then one for each file whose
// problems were not all kept.
func (l *List) Problems() []Problem {
	return append(append([]Problem(nil), l.items...), l.unlistedProblems()...)
}

// Errors returns the errors of Problems, in the same order.
func (l *List) Errors() []Problem { return l.filter(Error) }

// Warnings returns the warnings of Problems, in the same order.
func (l *List) Warnings() []Problem { return l.filter(Warning) }

func (l *List) filter(s Severity) []Problem {
	var out []Problem
	for _, p := range l.Problems() {
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
