package data

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/suggest"
)

// table turns the rows of one csv file or one worksheet into observations and comments. The
// first non-empty row is the header; rows are fed in order with their line or row number. A
// row's text is valid only while the row is fed (the csv reader reads the next rows into the
// same memory): whatever is kept of it is a copy.
type table struct {
	file  string
	sheet string // empty for a csv file
	cal   period.Calendar
	ds    *Dataset
	probs *diag.List
	// numbers is how a ;-separated csv writes its numbers; nil for the usual way.
	numbers *numberConvention
	// formulas, shared by a workbook's sheets, is what has been told of its formulas.
	formulas *formulaNotes

	header    []cell
	headerRow int
	layout    layout
	periods   *periodCache // made on first use

	// A first row that is no header may be a title above the table, as files people send
	// often have it: the rows below it are looked at for the header. titleLike is whether
	// every non-empty row so far could be a title; notTitle is the first that could not.
	lookedAt                int
	lastLooked              int
	titleLike               bool
	notTitle, notTitleCells int
	// skip, once set, is why the table was skipped: the file's reader tells it, as an error
	// when the file gave no data at all, else as a warning.
	skip string

	index indexColumn

	// asciiRow says that the row being added is ASCII text throughout, as a csv reader may
	// know at no cost: then no cell of it holds a no-break space.
	asciiRow bool
	// quickWidth is how many cells a row needs for quickRow to read it, or 0 when the
	// table's layout is not one quickRow reads (settled with the header).
	quickWidth int
	// part is where addValue last stored a value, and partTable the table's index there.
	part      *part
	partTable uint32
}

// headerSearchRows is how many non-empty rows below a first row that is no header are looked
// at for the real header.
const headerSearchRows = 10

// Title rows: at most maxTitleRows rows, each with at most maxTitleCells filled cells, above
// a header are a title, read past with a note. Anything more above a header is a table or a
// page of notes, never guessed past.
const (
	maxTitleRows  = 5
	maxTitleCells = 2
)

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
		if t.skipped() {
			t.titleLike = isTitleRow(cells)
			if !t.titleLike {
				t.notTitle, t.notTitleCells = row, filledCells(cells)
			}
		}
		return true
	}
	t.addBelow(row, cells)
	return true
}

// addBelow feeds a row below the header of a table that is not skipped, with a cell that is
// not blank: add, for a reader that knows as much already.
func (t *table) addBelow(row int, cells []cell) {
	if t.numbers != nil {
		t.numbers.line = row
		if t.numbers.surveying {
			t.surveyRow(cells)
			return
		}
	}
	if t.layout.index >= 0 {
		t.checkIndex(row, cells)
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
}

func (t *table) setHeader(row int, cells []cell) {
	// Copies, kept for the table's messages: a csv row's text is valid only while it is fed.
	t.header = t.header[:0]
	for _, c := range cells {
		c.text = strings.Clone(c.text)
		t.header = append(t.header, c)
	}
	t.headerRow = row
	l, probs := detectLayout(t.header, t.cal)
	t.layout = l
	t.quickWidth = 0 // quickRow takes no row of this table
	if !noQuickRows && t.numbers == nil && (l.numerator < 0 || l.denominator < 0) && l.context < 0 && l.actions < 0 && min(l.code, l.period, l.value) >= 0 {
		t.quickWidth = max(l.code, l.period, l.value, l.note) + 1
	}
	for _, p := range probs {
		t.probs.Errorf(t.place(row, p.col), "%s", p.msg)
	}
}

// isTitleRow reports a row that may be (part of) a title: a few filled cells.
func isTitleRow(cells []cell) bool { return filledCells(cells) <= maxTitleCells }

func filledCells(cells []cell) int {
	n := 0
	for _, c := range cells {
		if !c.blank() {
			n++
		}
	}
	return n
}

// lookForHeader looks at a row below a first row that is no header. A header under rows that
// are a title is the table's header, read with a note; under anything else the table is
// skipped, saying why. It returns false when the reader may stop.
func (t *table) lookForHeader(row int, cells []cell) bool {
	if t.skip != "" {
		return false
	}
	if allBlank(cells) {
		return true
	}
	if l, _ := detectLayout(cells, t.cal); l.kind != layoutNone {
		titleRow, title := t.headerRow, headerList(t.header)
		if t.titleLike && t.lookedAt < maxTitleRows {
			rows := fmt.Sprintf("%s %d", t.rowWord(), titleRow)
			if t.lookedAt > 0 {
				rows = fmt.Sprintf("%ss %d to %d", t.rowWord(), titleRow, t.lastLooked)
			}
			t.setHeader(row, cells)
			t.probs.Warnf(t.tablePlace(), "read the table whose header is %s %d (%s), below the title %q (%s)", t.rowWord(), row, clip(headerList(cells)), clip(title), rows)
			return true
		}
		why := fmt.Sprintf("%s %d has %d filled cells, and a title row at most %d", t.rowWord(), t.notTitle, t.notTitleCells, maxTitleCells)
		if t.titleLike {
			why = fmt.Sprintf("there are more than %d of them", maxTitleRows)
		}
		t.skip = fmt.Sprintf("%s %d looks like the header (%s), but the rows above it are not a title (%s): delete the rows above the header", t.rowWord(), row, clip(headerList(cells)), why)
		return false
	}
	if t.titleLike && !isTitleRow(cells) {
		t.titleLike, t.notTitle, t.notTitleCells = false, row, filledCells(cells)
	}
	t.lastLooked = row
	if t.lookedAt++; t.lookedAt >= headerSearchRows {
		t.finish()
		return false
	}
	return true
}

// rowWord is what a row is called: a line of a csv file, a row of a sheet.
func (t *table) rowWord() string {
	if t.sheet == "" {
		return "line"
	}
	return "row"
}

// finish ends the table: it settles why a table without a header is skipped, if that is not
// settled yet, and tells of a row-number column that was left out.
func (t *table) finish() {
	if t.layout.index >= 0 && !t.index.broken && t.index.rows > 0 {
		t.probs.Warnf(t.tablePlace(), "column A has no header and holds the row numbers %d to %d, as pandas writes its index (index=True): it was left out", t.index.first, t.index.next-1)
		t.index.rows = 0
	}
	if !t.skipped() || t.skip != "" {
		return
	}
	msg := fmt.Sprintf("no table with code, period and value headers; %s %d has %s", t.rowWord(), t.headerRow, clip(headerList(t.header)))
	if hint := meantHeaders(t.header, t.cal); hint != "" {
		msg += "; " + hint
	}
	t.skip = msg
}

// indexColumn follows a first column with a blank header that may be a row index, as pandas
// writes one beside its table: 0, 1, 2, ... (or from 1), one a row.
type indexColumn struct {
	first, next int64
	rows        int
	broken      bool
}

// surveyRow shows the numbers of a row's value cells to t.numbers, which is surveying.
func (t *table) surveyRow(cells []cell) {
	l := t.layout
	look := func(col int) {
		if c := cellAt(cells, col); !c.blank() {
			c.value(t.numbers)
		}
	}
	switch l.kind {
	case layoutLong:
		look(l.value)
		look(l.numerator)
		look(l.denominator)
	case layoutWide:
		for _, p := range l.periods {
			look(p.col)
		}
	}
}

// checkIndex checks a row's cell in the possible index column.
func (t *table) checkIndex(row int, cells []cell) {
	if t.index.broken {
		return
	}
	n, ok := cellAt(cells, t.layout.index).wholeNumber()
	if ok && t.index.rows == 0 && (n == 0 || n == 1) {
		t.index.first, t.index.next = n, n
	}
	if !ok || n != t.index.next || t.index.rows == 0 && n != 0 && n != 1 {
		t.index.broken = true
		if t.layout.kind == layoutWide {
			t.probs.Errorf(t.place(row, t.layout.index), "column A has no header, so it has no period, and it is no row index either (pandas writes 0, 1, 2, ... there, one a row); give the column a header, or delete it")
		}
		return
	}
	t.index.rows++
	t.index.next++
}

// headerNames are the column names a header may hold, for suggestions.
var headerNames = []string{"code", "period", "value", "note", "context", "actions", "numerator", "denominator"}

// headerSynonyms are other names people give the columns, for suggestions.
var headerSynonyms = map[string]string{
	"month": "period", "quarter": "period", "date": "period",
	"indicator": "code", "kpi": "code", "measure": "code", "indicator code": "code", "pi": "code",
	"result": "value", "actual": "value", "figure": "value", "amount": "value", "outturn": "value",
}

// meantHeaders suggests, for header cells that are a slip from a column name (kode, vaule,
// perod) or another name for one (Month), the name meant: did you mean "code" for "kode"?
// Only when the names meant make a header qpr reads, so that a sheet of lookups headed
// "Notes" is not told it meant "note".
func meantHeaders(header []cell, cal period.Calendar) string {
	var pairs []string
	fixed := slices.Clone(header)
	for i, c := range header {
		name := c.trimmed()
		if name == "" || slices.Contains(headerNames, strings.ToLower(name)) {
			continue
		}
		s := headerSynonyms[strings.ToLower(name)]
		if s == "" {
			s = suggest.Nearest(name, headerNames)
		}
		if s != "" {
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
	if t.quickRow(row, cells) {
		return
	}
	l := &t.layout
	val := cellAt(cells, l.value)
	ratio, okRatio := t.ratioCells(row, cells)
	if val.blank() && ratio == nil {
		if l.context >= 0 || l.actions >= 0 {
			t.commentRow(row, cells)
		}
		return // a blank cell is not a value at all
	}
	code, okCode := t.code(row, cells, l.code)
	p, okPeriod := t.period(row, cells, l.period)
	okNote := l.note < 0 || t.calculated(row, cells, l.note)
	var v float64
	var missing bool
	if !val.blank() {
		var err error
		if v, missing, err = val.value(t.numbers); err != nil {
			t.cellError(row, l.value, err)
			return
		}
		t.zeroFormula(row, l.value, val, v, missing)
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
	if l.context >= 0 || l.actions >= 0 {
		t.commentRow(row, cells) // a long table with commentary columns (a return's) gives both
	}
}

// quickRow reads the commonest row of a long table, as longRow would, in fewer steps: a
// table with no ratio or commentary columns and numbers written the usual way, whose code
// and period cells are text with nothing to trim, the value a plain number (as text, or a
// worksheet's number or percentage cell that is no formula's result), the period one that
// reads. It reports whether it read the row; it does nothing with any other row, for
// longRow to read (and to report what is wrong with it). quickrow_test.go checks that it
// reads every row it takes as longRow does.
func (t *table) quickRow(row int, cells []cell) bool {
	if t.quickWidth == 0 || len(cells) < t.quickWidth {
		return false
	}
	l := &t.layout
	code, per, val := &cells[l.code], &cells[l.period], &cells[l.value]
	if !t.untrimmedText(code) || !t.untrimmedText(per) {
		return false
	}
	var v float64
	switch {
	case val.kind == kindNumber && !val.formula: // a worksheet's number, typed in
		if math.IsNaN(val.num) || math.IsInf(val.num, 0) {
			return false
		}
		v = Round10(val.num)
	case val.kind == kindPercent && !val.formula: // a fraction, shown as a percentage
		if v = val.num * 100; math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
		v = Round10(v)
	case t.untrimmedText(val):
		var digits int
		var ok bool
		if v, digits, ok = shortDecimal(val.text); !ok {
			return false
		}
		if digits > 10 {
			v = Round10(v)
		}
	default:
		return false
	}
	if t.periods == nil {
		t.periods = newPeriodCache(t.cal)
	}
	key, ok := t.periods.key(per.text)
	if !ok {
		return false
	}
	note := ""
	if l.note >= 0 {
		c := &cells[l.note]
		if c.kind != kindText {
			return false
		}
		if note = c.text; !t.untrimmedText(c) {
			note = c.trimmed()
		}
	}
	col := 0 // t.place's column: none in a csv file
	if t.sheet != "" {
		col = l.value + 1
	}
	t.addValue(code.text, note, key, v, row, col)
	return true
}

// noQuickRows turns quickRow off, for tests that compare it with longRow.
var noQuickRows = false

// untrimmedText reports a text cell that is no formula's result and has nothing to trim: it
// starts and ends with a printable ASCII character and holds no no-break space.
func (t *table) untrimmedText(c *cell) bool {
	n := len(c.text)
	return c.kind == kindText && !c.formula && n > 0 && asciiNonSpace(c.text[0]) && asciiNonSpace(c.text[n-1]) &&
		(t.asciiRow || strings.IndexByte(c.text, 0xC2) < 0)
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
			code, okCode = t.code(row, cells, t.layout.code)
			codeRead = true
		}
		v, missing, err := val.value(t.numbers)
		if err != nil {
			t.cellError(row, wp.col, err)
			continue
		}
		t.zeroFormula(row, wp.col, val, v, missing)
		if okCode {
			t.ds.addObservation(Observation{Code: code, Period: wp.period, Value: v, Missing: missing, Place: t.place(row, wp.col)})
		}
	}
	t.blankHeaderValues(row, cells)
}

// blankHeaderValues reports values under a blank header of a wide table: without a period
// they would otherwise be lost without a word.
func (t *table) blankHeaderValues(row int, cells []cell) {
	for i := t.layout.code + 1; i < len(cells); i++ {
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
	switch cellAt(cells, col).kind {
	case kindUncalculated:
		t.cellError(row, col, errUncalculated)
		return false
	case kindNoResult:
	default:
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
		t.cellError(row, col, err)
		return period.Period{}, false
	}
	return p, true
}

// cellError reports a cell that cannot be read. A formula whose result cannot be trusted is
// told at the first such cell of the workbook only: every formula in it is in the same state,
// and the remedy, the same for all, is given once.
func (t *table) cellError(row, col int, err error) {
	if !errors.Is(err, errUncalculated) {
		t.probs.Errorf(t.place(row, col), "column %q: %s", t.name(col), err)
		return
	}
	if t.formulas != nil {
		if t.formulas.uncalculated {
			return
		}
		t.formulas.uncalculated = true
	}
	t.probs.Errorf(t.place(row, col), "column %q: cell holds a formula whose saved result cannot be trusted: the workbook asks to be recalculated when opened (fullCalcOnLoad), as files written by Python's openpyxl, xlsxwriter and pandas do, and such a writer saves a formula without calculating it (xlsxwriter saves 0); %s; no formula cell of this workbook was read", t.name(col), recalculate)
}

// recalculate is how to give a workbook's formulas true saved results.
const recalculate = "open the workbook in Excel and save it (Excel recalculates it on opening), or in LibreOffice choose Data > Calculate > Recalculate Hard and save it (LibreOffice does not recalculate such a file by itself), or paste the values over the formulas"

// formulaNotes is what has been told of a workbook's formulas: each thing once a workbook.
type formulaNotes struct {
	uncalculated bool // a formula whose result cannot be trusted
	zero         bool // a formula whose saved result is 0
}

// zeroFormula warns, once a workbook, of a value that is a formula's saved result of 0: what
// every formula of a workbook written by openpyxl or xlsxwriter holds once LibreOffice or
// Gnumeric has saved it without recalculating (dropping fullCalcOnLoad on the way), and
// nothing in the file tells that 0 from a true one.
func (t *table) zeroFormula(row, col int, c cell, v float64, missing bool) {
	if !c.formula || v != 0 || missing || t.formulas == nil || t.formulas.zero {
		return
	}
	t.formulas.zero = true
	t.probs.Warnf(t.place(row, col), "column %q: the value is a formula's saved result of 0; if the workbook was written by a program that does not calculate formulas (Python's openpyxl, xlsxwriter or pandas) and saved since without recalculating, every formula in it reads 0: %s; if 0 is right, ignore this", t.name(col), recalculate)
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
	for i := range cells {
		if c := &cells[i]; len(c.text) > 0 && asciiNonSpace(c.text[0]) || !c.blank() {
			return false // the first test is blank's own, without copying the cell
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
