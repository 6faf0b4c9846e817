package data

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"strings"

	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
)

// maxCSVSyntaxErrors bounds the report on a file that is not csv at all, where every line
// would otherwise be reported.
const maxCSVSyntaxErrors = 20

// readCSV reads one csv file: a single table. The separator is a comma, or a semicolon or tab
// when the header row only makes sense split that way (Excel in much of Europe writes ;).
func readCSV(path string, cal period.Calendar, ds *Dataset, probs *diag.List) {
	raw, err := os.ReadFile(path)
	if err != nil {
		probs.Errorf(diag.Place{File: path}, "cannot read the file: %s", describeOSError(err))
		return
	}
	readCSVBytes(path, raw, cal, ds, probs)
}

// readCSVBytes reads the content of the csv file named path.
func readCSVBytes(path string, raw []byte, cal period.Calendar, ds *Dataset, probs *diag.List) {
	text, err := decodeText(raw)
	if err != nil {
		probs.Errorf(diag.Place{File: path}, "cannot decode the text (%v); save it from Excel as \"CSV UTF-8\"", err)
		return
	}
	sep := detectSeparator(text, cal)
	t := &table{file: path, cal: cal, ds: ds, probs: probs, commaIsThousands: sep != ';'}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sep
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	var cells []cell
	syntaxErrors := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				probs.Errorf(diag.Place{File: path}, "cannot read the file: %v", err)
				return
			}
			probs.Errorf(diag.Place{File: path, Line: pe.Line}, "the line is not valid csv (%v); a field that contains a quote or %s must be in quotes, with each quote inside doubled", pe.Err, separatorName(sep))
			if syntaxErrors++; syntaxErrors >= maxCSVSyntaxErrors {
				probs.Errorf(diag.Place{File: path}, "stopped reading after %d lines that are not valid csv; is this a csv file?", syntaxErrors)
				return
			}
			continue
		}
		line, _ := r.FieldPos(0)
		cells = cells[:0]
		for _, f := range rec {
			cells = append(cells, cell{text: f})
		}
		if t.started() && !allBlank(cells) && !fitsHeader(t, line, cells, sep) {
			continue
		}
		if !t.add(line, cells) {
			return
		}
	}
	if !t.started() {
		probs.Errorf(diag.Place{File: path}, "the file is empty; a data file starts with a header row such as code,period,value")
	}
}

// fitsHeader reports a row with a different number of fields from the header, where the
// columns would be out of line. Extra fields are tolerated when they are empty, as some
// editors add trailing separators.
func fitsHeader(t *table, line int, cells []cell, sep rune) bool {
	n := len(t.header)
	if len(cells) >= n && allBlank(cells[n:]) {
		return true
	}
	// A row may stop short of trailing header cells that are blank (a header written with a
	// trailing separator) or of trailing columns it leaves empty anyway (a note column).
	if len(cells) < n && len(cells) >= t.requiredFields() {
		return true
	}
	t.probs.Errorf(diag.Place{File: t.file, Line: line}, "the line has %d fields but the header (line %d) has %d; check for a missing or extra %s", len(cells), t.headerRow, n, separatorName(sep))
	return false
}

// detectSeparator picks the separator under which the first non-empty line is a known
// header, trying comma first; a file whose header fits none is read as comma-separated.
func detectSeparator(text string, cal period.Calendar) rune {
	for _, sep := range []rune{',', ';', '\t'} {
		r := csv.NewReader(strings.NewReader(text))
		r.Comma = sep
		r.FieldsPerRecord = -1
		for {
			rec, err := r.Read()
			if err != nil {
				break
			}
			cells := make([]cell, len(rec))
			for i, f := range rec {
				cells[i] = cell{text: f}
			}
			if allBlank(cells) {
				continue
			}
			if l, _ := detectLayout(cells, cal); l.kind != layoutNone {
				return sep
			}
			break
		}
	}
	return ','
}

func separatorName(sep rune) string {
	switch sep {
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	}
	return "comma"
}
