package app

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/example/qpr/pkg/diag"
)

// warningsShown is how many warnings build prints in full; past it, build prints their number
// and the command that lists them, so the files it wrote stay visible.
const warningsShown = 10

// reportWarnings prints build's warnings. The urgent ones (the report may be the wrong one)
// are always printed in full; the others (validate's) too while there are few, else one line
// counts them and says how to see them (always that line under --quiet).
func reportWarnings(s Streams, urgent, all []diag.Problem, quiet bool) {
	rest := slices.DeleteFunc(slices.Clone(all), func(p diag.Problem) bool { return slices.Contains(urgent, p) })
	printWarnings(s, urgent)
	if len(rest) == 0 {
		return
	}
	if !quiet && len(urgent)+len(rest) <= warningsShown {
		diag.SortByPlace(rest)
		printWarnings(s, rest)
		return
	}
	more := ""
	if len(urgent) > 0 {
		more = " more"
	}
	fmt.Fprintf(s.Err, "qpr: %d%s %s; run qpr validate (with the same --catalogue, --data and --period) to see them\n",
		len(rest), more, pluralWord(len(rest), "warning"))
}

// strictly is every warning of ps made an error, as --strict (or qpr.yaml strict: true) asks.
func strictly(ps []diag.Problem) []diag.Problem {
	out := slices.Clone(ps)
	for i := range out {
		out[i].Severity = diag.Error
	}
	return out
}

// failStrictly lists the warnings as errors on stderr and fails the command (exit 1): under
// strict, a build or validate with any warning is a failure.
func failStrictly(s Streams, ws []diag.Problem) error {
	ws = strictly(ws)
	diag.SortByPlace(ws)
	for _, p := range ws {
		fmt.Fprintln(s.Err, ProblemLine(p))
	}
	fmt.Fprintf(s.Err, "qpr: %d %s, each an error under strict (--strict or qpr.yaml strict: true)\n", len(ws), pluralWord(len(ws), "warning"))
	return &ExitError{Code: ExitFailure, Err: errAlreadyReported}
}

func pluralWord(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func printWarnings(s Streams, ws []diag.Problem) {
	for _, w := range ws {
		fmt.Fprintln(s.Err, withProgram(w, w.Warning()))
	}
}

// ProblemLine is p as a line on stderr: `place: message`, or `qpr: message` for a problem
// with no place in the inputs (a --period with no data), so every line starts with where.
func ProblemLine(p diag.Problem) string { return withProgram(p, p.Error()) }

func withProgram(p diag.Problem, line string) string {
	if p.Place.File == "" {
		return "qpr: " + line
	}
	return line
}

// problemJSON is one problem as validate --json and every --json failure give it. Absent
// parts of the place are null, so a script can test for them.
type problemJSON struct {
	Severity string  `json:"severity"`
	File     *string `json:"file"`
	Line     *int    `json:"line"`
	Sheet    *string `json:"sheet"`
	Cell     *string `json:"cell"`
	Message  string  `json:"message"`
	Hint     *string `json:"hint"`
	// The indicator and period the problem concerns; null when it concerns none.
	Code   *string `json:"code"`
	Period *string `json:"period"`
}

// problemsDoc is the JSON document: {"problems": [...]} and, from validate, the quarter.
type problemsDoc struct {
	Period     *string       `json:"period,omitempty"`
	Problems   []problemJSON `json:"problems"`
	ExitStatus *int          `json:"exit_status,omitempty"`
}

func problemsJSON(ps []diag.Problem, quarter string) problemsDoc {
	doc := problemsDoc{Problems: []problemJSON{}}
	if quarter != "" {
		doc.Period = &quarter
	}
	for _, p := range ps {
		doc.Problems = append(doc.Problems, toJSON(p))
	}
	return doc
}

// placedMessage is a message that starts with its own place, as the template and YAML loaders
// write them: "templates/key.tmpl:12: ...".
var placedMessage = regexp.MustCompile(`^([^\s:][^:]*):(\d+)(?::\d+)?: (.+)$`)

func toJSON(p diag.Problem) problemJSON {
	out := problemJSON{Severity: "error", Message: p.Message}
	if p.Severity == diag.Warning {
		out.Severity = "warning"
	}
	place := p.Place
	if place.File == "" {
		if m := placedMessage.FindStringSubmatch(p.Message); m != nil {
			n, _ := strconv.Atoi(m[2])
			place = diag.Place{File: m[1], Line: n}
			out.Message = m[3]
		}
	}
	if place.File != "" {
		out.File = &place.File
	}
	// In a workbook Line is the cell's row, given as part of the cell, not as a line.
	if place.Line > 0 && place.Sheet == "" {
		out.Line = &place.Line
	}
	if place.Sheet != "" {
		out.Sheet = &place.Sheet
	}
	if cell := place.Cell(); cell != "" {
		out.Cell = &cell
	}
	if p.Code != "" {
		out.Code = &p.Code
	}
	if p.Period != "" {
		out.Period = &p.Period
	}
	// What would be valid follows the first "; " in every qpr message.
	if msg, hint, ok := strings.Cut(out.Message, "; "); ok {
		out.Message, out.Hint = msg, &hint
	}
	return out
}

// problemOf turns any error into a problem.
func problemOf(err error) diag.Problem {
	var p diag.Problem
	if errors.As(err, &p) {
		return p
	}
	return diag.Problem{Message: err.Error(), Severity: diag.Error}
}

// problemsOf lists the problems an error carries.
func problemsOf(err error) []diag.Problem {
	var list *diag.Errors
	if errors.As(err, &list) {
		return list.Problems
	}
	return []diag.Problem{problemOf(err)}
}

// WriteErrorJSON reports a failure as JSON, the form every command given --json uses on
// stderr: {"problems": [...], "exit_status": N}.
func WriteErrorJSON(w io.Writer, err error) {
	code := ExitCode(err)
	doc := problemsJSON(problemsOf(err), "")
	doc.ExitStatus = &code
	if encodeJSON(w, doc) != nil {
		fmt.Fprintf(w, "qpr: %v\n", err)
	}
}
