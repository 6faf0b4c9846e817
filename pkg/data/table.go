package data

import (
	"fmt"
	"slices"
	"strings"

	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/suggest"
)

// table turns the rows of one csv file or one worksheet into observations and comments. The
// first non-empty row is the header; rows are fed in order with their line or row number.
type table struct {
	file  string
	sheet string // empty for a csv file
	cal   period.Calendar
	ds    *Dataset
	probs *diag.List
	// commaIsThousands is false in a ;-separated csv, where a comma may be a decimal comma.
	commaIsThousands bool

	header    []cell
	headerRow int
	layout    layout
	periods   *periodCache // made on first use

	// A table whose first row is no header is skipped, but the rows below it are looked at
	// first for one that is (under a title row, as files people send often have it), to say
	// so in the warning, told by finish.
	lookedAt int
	warned   bool
}

// headerSearchRows is how many non-empty rows below a first row that is no header are looked
// at for the real header.
const headerSearchRows = 10

// place is where a cell is: file:line for csv, file:sheet!B7 for a workbook. col is 0-based.
func (t *table) place(row, col int) diag.Place {
	if t.sheet == "" {
		return diag.Place{File: t.file, Line: row}
	}
	return diag.CellAt(t.file, t.sheet, row, col+1)
}

func (t *table) started() bool { return t.header != nil }

// skipped reports whether the table has a header that is none of the known layouts.
func (t *table) skipped() bool { return t.started() && t.layout.kind == layoutNone }

// add feeds one row. It returns false once the table is known to be skipped, so a reader can
// stop early.
func (t *table) add(row int, cells []cell) bool {
	if t.skipped() {
		return t.lookForHeader(row, cells)
	}
	if allBlank(cells) {
		return true
	}
	if !t.started() {
		t.setHeader(row, cells)
		return true
	}
	switch t.layout.kind {
	case layoutLong:
		t.longRow(row, cells)
	case layoutWide:
		t.wideRow(row, cells)
	case layoutCommentary:
		t.commentRow(row, cells)
	case layoutComparator:
		t.comparatorRow(row, cells)
	}
	return true
}

func (t *table) setHeader(row int, cells []cell) {
	t.header = append([]cell(nil), cells...)
	t.headerRow = row
	l, probs := detectLayout(t.header, t.cal)
	t.layout = l
	for _, p := range probs {
		t.probs.Errorf(t.place(row, p.col), "%s", p.msg)
	}
}

// lookForHeader looks at a row below a first row that is no header, and tells the warning
// once a row is a header or enough rows are not; it returns false when the reader may stop.
func (t *table) lookForHeader(row int, cells []cell) bool {
	if t.warned {
		return false
	}
	if allBlank(cells) {
		return true
	}
	if l, _ := detectLayout(cells, t.cal); l.kind != layoutNone {
		what := "row"
		if t.sheet == "" {
			what = "line"
		}
		t.warnSkipped(fmt.Sprintf("%s %d looks like the header (%s); the header must be the first non-empty row: delete the rows above it", what, row, clip(headerList(cells))))
		return false
	}
	if t.lookedAt++; t.lookedAt >= headerSearchRows {
		t.finish()
		return false
	}
	return true
}

// finish tells, at the end of the table's rows, that a table without a header was skipped,
// if that was not told already.
func (t *table) finish() {
	if !t.skipped() || t.warned {
		return
	}
	msg := fmt.Sprintf("no code/period/value, wide or commentary header found (headers were: %s)", clip(headerList(t.header)))
	if hint := meantHeaders(t.header, t.cal); hint != "" {
		msg += "; " + hint
	}
	t.warnSkipped(msg)
}

func (t *table) warnSkipped(msg string) {
	what := "skipped"
	if t.sheet == "" {
		what = "file skipped"
	}
	t.probs.Warnf(t.tablePlace(), "%s: %s", what, msg)
	t.warned = true
}

// headerNames are the column names a header may hold, for suggestions.
var headerNames = []string{"code", "period", "value", "note", "context", "actions", "numerator", "denominator"}

// meantHeaders suggests, for header cells that are a slip from a column name (kode, vaule,
// perod), the name meant: did you mean "code" for "kode"? Only when the names meant make a
// header qpr reads, so that a sheet of lookups headed "Notes" is not told it meant "note".
func meantHeaders(header []cell, cal period.Calendar) string {
	var pairs []string
	fixed := slices.Clone(header)
	for i, c := range header {
		name := c.trimmed()
		if name == "" || slices.Contains(headerNames, strings.ToLower(name)) {
			continue
		}
		if s := suggest.Nearest(name, headerNames); s != "" {
			pairs = append(pairs, fmt.Sprintf("%q for %q", s, clip(name)))
			fixed[i] = cell{text: s}
		}
	}
	if len(pairs) == 0 {
		return ""
	}
	if l, _ := detectLayout(fixed, cal); l.kind == layoutNone {
		return ""
	}
	last := len(pairs) - 1
	if last == 0 {
		return "did you mean " + pairs[0] + "?"
	}
	return "did you mean " + strings.Join(pairs[:last], ", ") + " and " + pairs[last] + "?"
}

// tablePlace names the whole table: the file, or the file and sheet.
func (t *table) tablePlace() diag.Place {
	return diag.Place{File: t.file, Sheet: t.sheet}
}

func (t *table) longRow(row int, cells []cell) {
	l := t.layout
	val := cellAt(cells, l.value)
	ratio, okRatio := t.ratioCells(row, cells)
	if val.blank() && ratio == nil {
		return // a blank cell is not a value at all
	}
	code, okCode := t.code(row, cells, l.code)
	p, okPeriod := t.period(row, cells, l.period)
	okNote := l.note < 0 || t.calculated(row, cells, l.note)
	var v float64
	var missing bool
	if !val.blank() {
		var err error
		if v, missing, err = val.value(t.commaIsThousands); err != nil {
			t.probs.Errorf(t.place(row, l.value), "column %q: %s", t.name(l.value), err)
			return
		}
		if missing {
			ratio = nil // a value marked missing is missing, whatever stands beside it
		} else if ratio != nil {
			ratio.Stated, ratio.StatedGiven = v, true
		}
	}
	if !okCode || !okPeriod || !okRatio || !okNote {
		return
	}
	obs := Observation{Code: code, Period: p, Value: v, Missing: missing, Ratio: ratio, Place: t.place(row, l.value)}
	if l.note >= 0 {
		obs.Note = cellAt(cells, l.note).trimmed()
	}
	t.ds.addObservation(obs)
}

func (t *table) wideRow(row int, cells []cell) {
	var code string
	codeRead, okCode := false, false
	for _, wp := range t.layout.periods {
		val := cellAt(cells, wp.col)
		if val.blank() {
			continue
		}
		if !codeRead {
			code, okCode = t.code(row, cells, 0)
			codeRead = true
		}
		v, missing, err := val.value(t.commaIsThousands)
		if err != nil {
			t.probs.Errorf(t.place(row, wp.col), "column %q: %s", t.name(wp.col), err)
			continue
		}
		if okCode {
			t.ds.addObservation(Observation{Code: code, Period: wp.period, Value: v, Missing: missing, Place: t.place(row, wp.col)})
		}
	}
	t.blankHeaderValues(row, cells)
}

// blankHeaderValues reports values under a blank header of a wide table: without a period
// they would otherwise be lost without a word.
func (t *table) blankHeaderValues(row int, cells []cell) {
	for i := 1; i < len(cells); i++ {
		if !cells[i].blank() && cellAt(t.header, i).blank() {
			t.probs.Errorf(t.place(row, i), "this cell is under a blank header, so it has no period; give column %s a period header or clear it", columnLetter(i))
		}
	}
}

func (t *table) commentRow(row int, cells []cell) {
	l := t.layout
	if !t.calculated(row, cells, l.context) || !t.calculated(row, cells, l.actions) {
		return
	}
	context, actions := cellAt(cells, l.context).trimmed(), cellAt(cells, l.actions).trimmed()
	if context == "" && actions == "" {
		return
	}
	code, okCode := t.code(row, cells, l.code)
	p, okPeriod := t.period(row, cells, l.period)
	if !okCode || !okPeriod {
		return
	}
	// Copies, so that the comment does not keep the whole line it was read from.
	t.ds.Comments = append(t.ds.Comments, Comment{Code: strings.Clone(code), Period: p, Context: strings.Clone(context), Actions: strings.Clone(actions), Place: t.place(row, l.code)})
}

// code reads the code cell of a row that has something to say.
func (t *table) code(row int, cells []cell, col int) (string, bool) {
	c := cellAt(cells, col)
	if c.blank() {
		t.probs.Errorf(t.place(row, col), "column %q is blank; give the indicator code this row is for", t.name(col))
		return "", false
	}
	if !t.calculated(row, cells, col) {
		return "", false
	}
	return c.trimmed(), true
}

// calculated reports whether a cell of a text column (code, note, context, actions) has text
// to give, reporting one that does not: a formula that was never calculated, which read as
// blank would be lost unseen.
func (t *table) calculated(row int, cells []cell, col int) bool {
	if cellAt(cells, col).kind != kindNoResult {
		return true
	}
	t.probs.Errorf(t.place(row, col), "column %q: cell holds a formula with no saved result; open the workbook in Excel and save it, or type the text", t.name(col))
	return false
}

func (t *table) period(row int, cells []cell, col int) (period.Period, bool) {
	c := cellAt(cells, col)
	if c.blank() {
		t.probs.Errorf(t.place(row, col), "column %q is blank; give the quarter (%s) or month (2023-09) this row is for", t.name(col), exampleQuarter(t.cal))
		return period.Period{}, false
	}
	if t.periods == nil {
		t.periods = newPeriodCache(t.cal)
	}
	p, err := c.periodCached(t.periods)
	if err != nil {
		t.probs.Errorf(t.place(row, col), "column %q: %s", t.name(col), err)
		return period.Period{}, false
	}
	return p, true
}

// name is a column's header as written, for messages.
func (t *table) name(col int) string {
	if h := cellAt(t.header, col).trimmed(); h != "" {
		return h
	}
	return columnLetter(col)
}

func cellAt(cells []cell, i int) cell {
	if i < 0 || i >= len(cells) {
		return cell{}
	}
	return cells[i]
}

func allBlank(cells []cell) bool {
	for _, c := range cells {
		if !c.blank() {
			return false
		}
	}
	return true
}

// requiredFields is how many fields a csv row must have for its table's layout: up to the
// last column the layout needs, so a row may leave off trailing optional or blank-headed
// columns.
func (t *table) requiredFields() int {
	l := t.layout
	switch l.kind {
	case layoutLong:
		return max(l.code, l.period, l.value) + 1
	case layoutCommentary:
		return max(l.code, l.period) + 1
	case layoutComparator:
		c := l.comparator
		return max(c.area, c.metric, c.period, c.value) + 1
	case layoutWide:
		last := l.code
		for _, p := range l.periods {
			last = max(last, p.col)
		}
		return last + 1
	}
	return len(t.header)
}
