package xlsxread

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/example/qpr/pkg/data/internal/decimal"
	"github.com/example/qpr/pkg/data/internal/utf16text"
)

// CellType is what a cell's type attribute and content say it holds.
type CellType uint8

// The cell types. A blank cell (no value, no formula) is not reported at all.
const (
	Number     CellType = iota // t="n" or no t: Num holds the number, Text its stored text
	Text                       // a shared, inline or formula string (t="s", "inlineStr", "str")
	Bool                       // t="b": Text is TRUE or FALSE
	ErrorValue                 // t="e": a formula's error, such as #N/A
	ISODate                    // t="d": Text is an ISO 8601 date and time
	NoResult                   // a formula whose result was never saved
)

// Cell is one non-blank cell.
type Cell struct {
	Col  int // 0-based
	Type CellType
	// Formula is set for a cell that holds a formula: its value is the result the writer
	// saved, which Workbook.RecalcOnOpen may say is not to be trusted.
	Formula bool
	Text    string
	Num     float64
	Style   int // index into Workbook.NumFmts; 0 is the default style
}

// Excel's grid: no real writer goes past it, and a reference beyond it is damage.
const (
	maxRow = 1 << 20 // 1,048,576
	maxCol = 1 << 14 // 16,384 (XFD)
)

// SortingWeight is what each cell counts against the cells limit in a sheet read sorted,
// whose cells are all held in memory at once.
const SortingWeight = 10

// ErrRowsOutOfOrder is returned by ReadSheet, unsorted, for a sheet whose rows are not
// stored in increasing order: read it again with sorted set.
var ErrRowsOutOfOrder = errors.New("the rows are not stored in order")

// ReadSheet calls fn with each row that has a non-blank cell: its 1-based number and its
// cells in column order. The slice is reused; fn must copy what it keeps. fn returns false to
// stop early.
//
// Rows are normally streamed as stored. If they are stored out of order, ReadSheet stops with
// ErrRowsOutOfOrder; with sorted set it instead keeps every row and calls fn once all are
// read, in row order, so out-of-order rows cost memory in proportion to the sheet.
func (wb *Workbook) ReadSheet(sheet int, sorted bool, fn func(row int, cells []Cell) bool) error {
	part := wb.Sheets[sheet].Part
	s, c, err := wb.scan(part)
	if err != nil {
		return err
	}
	defer c.Close()
	r := &sheetReader{wb: wb, s: s, part: part, cellWeight: 1}
	wb.merges = wb.merges[:0]
	defer func() { wb.merges = r.merges }()
	if sorted {
		r.cellWeight = SortingWeight
	}
	if !sorted {
		err = r.read(func(row int, cells []Cell) (bool, error) {
			if row <= r.emitted {
				return false, ErrRowsOutOfOrder
			}
			r.emitted = row
			return fn(row, cells), nil
		})
		return r.wrap(err)
	}
	type keptRow struct {
		n     int
		cells []Cell
	}
	var rows []keptRow
	err = r.read(func(row int, cells []Cell) (bool, error) {
		rows = append(rows, keptRow{row, slices.Clone(cells)})
		return true, nil
	})
	if err != nil {
		return r.wrap(err)
	}
	slices.SortStableFunc(rows, func(a, b keptRow) int { return a.n - b.n })
	for i, row := range rows {
		if i > 0 && rows[i-1].n == row.n {
			return &Error{Part: part, At: rowAt(row.n), Msg: "the row is stored twice"}
		}
		if !fn(row.n, row.cells) {
			return nil
		}
	}
	return nil
}

// sheetReader is the state of one pass over a worksheet part.
type sheetReader struct {
	wb    *Workbook
	s     *scanner
	part  string
	rows  int   // row elements read
	cells int64 // cells counted against the limit
	// cellWeight is what one cell counts against the limit: more when every row is held to
	// be sorted, so that a sheet out of order cannot hold more in memory than a tenth of the
	// cells an ordinary sheet may stream past.
	cellWeight int64
	lastRow    int // number of the last row element read
	emitted    int // number of the last row passed on
	row        []Cell
	text       []byte            // the current cell's text
	strs       map[string]string // recent number texts, so a repeated number is one string
	merges     []Range           // merged ranges listed after the sheet's data
}

// wrap gives an error from the scanner or zip layer its part (and a limit error its limit).
func (r *sheetReader) wrap(err error) error {
	if err == nil || err == ErrRowsOutOfOrder {
		return err
	}
	return r.wb.damaged(r.part, err)
}

// read scans the part and calls emit at the end of each row with cells. Once emit has said
// to stop, the rest of the rows are only checked for order: a row stored out of order further
// on may be the one that should have come first (the header), so stopping early must not hide
// it.
func (r *sheetReader) read(emit func(row int, cells []Cell) (bool, error)) error {
	s := r.s
	inData, stopped := false, false
	for {
		k, err := s.next()
		if err != nil {
			return err
		}
		switch {
		case k == tokEOF:
			if inData {
				return s.unexpectedEnd("<sheetData>")
			}
			return nil
		case k == tokStart && s.is("sheetData"):
			if s.empty {
				r.readMerges()
				return nil
			}
			inData = true
		case k == tokEnd && s.is("sheetData"):
			r.readMerges()
			return nil
		case k == tokStart && inData && s.is("row") && stopped:
			n, err := r.rowNumber()
			if err != nil {
				return err
			}
			if n <= r.lastRow {
				return ErrRowsOutOfOrder
			}
			r.lastRow = n
			if err := s.skipElement(); err != nil {
				return err
			}
		case k == tokStart && inData && s.is("row"):
			n, err := r.readRow()
			if err != nil {
				return err
			}
			if len(r.row) == 0 {
				continue
			}
			more, err := emit(n, r.row)
			if err != nil {
				return err
			}
			stopped = !more
		}
	}
}

// maxMerges bounds the merged ranges kept of a sheet: they only make messages clearer, and a
// sheet listing more is read without the rest.
const maxMerges = 10000

// readMerges reads the merged ranges that follow the sheet's data (<mergeCells>). What follows
// the data says nothing about values, so a fault in it is no reason to refuse the sheet: the
// ranges read until then are kept.
func (r *sheetReader) readMerges() {
	s := r.s
	for len(r.merges) < maxMerges {
		k, err := s.next()
		if err != nil || k == tokEOF {
			return
		}
		if k != tokStart || !s.is("mergeCell") {
			continue
		}
		ref, ok, err := rawAttr(s, "ref")
		if err != nil || !ok {
			continue
		}
		if rg, ok := parseRange(ref); ok {
			r.merges = append(r.merges, rg)
		}
	}
}

// Range is a rectangle of cells, such as a merged range: columns 0-based, rows 1-based,
// both ends included.
type Range struct {
	FromCol, FromRow, ToCol, ToRow int
}

// Contains reports whether the cell at col (0-based), row (1-based) is in the range.
func (g Range) Contains(col, row int) bool {
	return col >= g.FromCol && col <= g.ToCol && row >= g.FromRow && row <= g.ToRow
}

// String is the range as Excel writes it: A2:A4.
func (g Range) String() string {
	return cellRef(g.FromCol, g.FromRow) + ":" + cellRef(g.ToCol, g.ToRow)
}

// parseRange reads an A1:B2 reference.
func parseRange(ref []byte) (Range, bool) {
	from, to, ok := bytes.Cut(ref, []byte(":"))
	if !ok {
		return Range{}, false
	}
	c1, r1, ok1 := parseRef(from)
	c2, r2, ok2 := parseRef(to)
	if !ok1 || !ok2 || c2 < c1 || r2 < r1 {
		return Range{}, false
	}
	return Range{c1, r1, c2, r2}, true
}

// rowNumber is the number of the row whose start tag was just read: its r attribute, or the
// row after the last.
func (r *sheetReader) rowNumber() (int, error) {
	v, ok, err := rawAttr(r.s, "r")
	if err != nil || !ok {
		return r.lastRow + 1, err
	}
	num, err := strconv.Atoi(string(bytes.TrimSpace(v)))
	if err != nil || num < 1 || num > maxRow {
		return 0, &Error{Part: r.part, Msg: fmt.Sprintf("row number %q is not a row of a worksheet (1 to %d)", v, maxRow)}
	}
	return num, nil
}

// readRow reads one <row> element after its start tag into r.row and returns its number.
func (r *sheetReader) readRow() (int, error) {
	s := r.s
	r.rows++
	if lim := r.wb.lim.Rows; lim > 0 && r.rows > lim {
		return 0, &LimitError{Limit: LimitRows, Max: int64(lim), Part: r.part}
	}
	n, err := r.rowNumber()
	if err != nil {
		return 0, err
	}
	r.lastRow = n
	r.row = r.row[:0]
	if s.empty {
		return n, nil
	}
	col := -1
	for {
		k, err := s.next()
		if err != nil {
			return 0, err
		}
		switch {
		case k == tokEOF:
			return 0, s.unexpectedEnd("<row>")
		case k == tokEnd && s.is("row"):
			return n, r.finishRow(n)
		case k == tokStart && s.is("c"):
			if col, err = r.readCell(n, col); err != nil {
				return 0, err
			}
		case k == tokStart:
			if err := s.skipElement(); err != nil {
				return 0, err
			}
		}
	}
}

// finishRow puts the row's cells in column order, refuses a cell stored twice and counts the
// row against the cell limit.
func (r *sheetReader) finishRow(n int) error {
	cells := r.row
	width := 0
	if len(cells) > 0 {
		if !slices.IsSortedFunc(cells, byCol) {
			slices.SortStableFunc(cells, byCol)
		}
		for i := 1; i < len(cells); i++ {
			if cells[i].Col == cells[i-1].Col {
				return &Error{Part: r.part, At: cellAt(cells[i].Col, n), Msg: "the cell is stored twice"}
			}
		}
		width = cells[len(cells)-1].Col + 1
	}
	r.cells += int64(width) * r.cellWeight
	if lim := r.wb.lim.Cells; lim > 0 && r.cells > lim {
		return &LimitError{Limit: LimitCells, Max: lim, Part: r.part, Sorting: r.cellWeight > 1}
	}
	return nil
}

func byCol(a, b Cell) int { return a.Col - b.Col }

// readCell reads one <c> element after its start tag, appending it to r.row unless it is
// blank, and returns its column.
func (r *sheetReader) readCell(row, prevCol int) (int, error) {
	s := r.s
	col := prevCol + 1
	var typ cellTypeAttr
	style := 0
	for a := s.attrs; ; {
		key, val, rest, err := nextAttr(a)
		if err != nil {
			return 0, err
		}
		if key == nil {
			break
		}
		a = rest
		switch string(key) {
		case "r":
			c, rr, ok := parseRef(val)
			if !ok {
				return 0, &Error{Part: r.part, At: cellAt(col, row), Msg: fmt.Sprintf("the cell reference %q is not a cell of a worksheet (A1 to XFD%d)", val, maxRow)}
			}
			if rr != row {
				return 0, &Error{Part: r.part, At: cellAt(c, rr), Msg: fmt.Sprintf("the cell is stored in row %d", row)}
			}
			col = c
		case "t":
			// The attribute points into the scanner's buffer, which reading the cell's
			// content may overwrite: keep what it says, not the slice.
			if typ, err = readTypeAttr(val); err != nil {
				return 0, &Error{Part: r.part, At: cellAt(col, row), Msg: err.Error()}
			}
		case "s":
			n, ok := digitsOnly(val)
			if !ok {
				var err error
				if n, err = strconv.Atoi(string(val)); err != nil {
					n = -1
				}
			}
			if n < 0 {
				return 0, &Error{Part: r.part, At: cellAt(col, row), Msg: fmt.Sprintf("the cell's style %q is not a style number", val)}
			}
			style = n
		}
	}
	if col >= maxCol {
		return 0, &Error{Part: r.part, At: rowAt(row), Msg: "a cell is beyond Excel's last column (XFD)"}
	}
	if style > 0 && style >= len(r.wb.NumFmts) {
		return 0, &Error{Part: r.part, At: cellAt(col, row), Msg: fmt.Sprintf("the cell's style %d is not one of the workbook's %d cell styles", style, len(r.wb.NumFmts))}
	}
	if s.empty {
		return col, nil
	}
	if text, n, ok := s.plainValue(r.wb.maxText()); ok {
		r.text = append(r.text[:0], text...)
		s.r += n
		return col, r.addCell(col, row, style, typ, false, true, false)
	}
	formula, hasValue, inline := false, false, false
	r.text = r.text[:0]
	for {
		k, err := s.next()
		if err != nil {
			return 0, r.cellErr(err, col, row)
		}
		switch {
		case k == tokEOF:
			return 0, s.unexpectedEnd("<c>")
		case k == tokEnd && s.is("c"):
			return col, r.addCell(col, row, style, typ, formula, hasValue, inline)
		case k != tokStart:
		case s.is("v"):
			if hasValue {
				return 0, &Error{Part: r.part, At: cellAt(col, row), Msg: "the cell has two values"}
			}
			hasValue = true
			if !s.empty {
				if r.text, err = s.text(r.text, r.wb.maxText()); err != nil {
					return 0, r.cellErr(err, col, row)
				}
			}
		case s.is("f"):
			formula = true
			if err := s.skipElement(); err != nil {
				return 0, err
			}
		case s.is("is"):
			inline = true
			if !s.empty {
				if r.text, err = s.richText(r.text, r.wb.maxText(), "is"); err != nil {
					return 0, r.cellErr(err, col, row)
				}
				r.text = unescapeXstring(r.text)
			}
		default:
			if err := s.skipElement(); err != nil {
				return 0, err
			}
		}
	}
}

func (r *sheetReader) cellErr(err error, col, row int) error {
	var tm *tooMuchText
	if errors.As(err, &tm) {
		return &LimitError{Limit: LimitCellBytes, Max: int64(r.wb.lim.CellBytes), Part: r.part, At: cellAt(col, row)}
	}
	var me *errMalformed
	if errors.As(err, &me) {
		return &Error{Part: r.part, At: cellAt(col, row), Msg: me.Error()}
	}
	return err
}

// addCell turns the cell just read into a Cell by its type, refusing what it cannot read.
func (r *sheetReader) addCell(col, row, style int, typ cellTypeAttr, formula, hasValue, inline bool) error {
	text := r.text
	bad := func(format string, args ...any) error {
		return &Error{Part: r.part, At: cellAt(col, row), Msg: fmt.Sprintf(format, args...)}
	}
	c := Cell{Col: col, Style: style, Formula: formula}
	if inline && typ == typeNone {
		typ = typeInline // an inline string whose writer left out its type
	}
	isString := typ == typeStr || typ == typeShared || typ == typeInline
	if formula && (!hasValue || len(text) == 0 && !isString) {
		c.Type = NoResult
		return r.keep(c, row)
	}
	if !hasValue && !inline {
		return nil // blank: a style without a value
	}
	switch typ {
	case typeShared:
		i, err := sharedIndex(text)
		if err != nil {
			return bad("the shared string number %q is not a number", clip(text))
		}
		if i < 0 || i >= r.wb.strings.len() {
			return bad("the cell refers to shared string %d, but the workbook has %d shared strings", i, r.wb.strings.len())
		}
		if len(r.wb.strings.bad) > 0 && r.wb.strings.invalid(i) {
			return bad("the cell's text (shared string %d) %s", i, textProblem(r.wb.strings.at(i)))
		}
		c.Type, c.Text = Text, r.wb.strings.at(i)
	case typeStr, typeInline:
		if !utf8.Valid(text) {
			return bad("the cell's text %s", textProblem(string(text)))
		}
		c.Type, c.Text = Text, string(text)
	case typeBool:
		switch string(bytes.TrimSpace(text)) {
		case "1", "true":
			c.Type, c.Text = Bool, "TRUE"
		case "0", "false":
			c.Type, c.Text = Bool, "FALSE"
		default:
			return bad("the cell is a TRUE/FALSE cell but holds %q", clip(text))
		}
	case typeError:
		if !utf8.Valid(text) {
			return bad("the cell's text %s", textProblem(string(text)))
		}
		c.Type, c.Text = ErrorValue, string(bytes.TrimSpace(text))
	case typeDate:
		if !utf8.Valid(text) {
			return bad("the cell's text %s", textProblem(string(text)))
		}
		c.Type, c.Text = ISODate, string(bytes.TrimSpace(text))
	default:
		if len(bytes.TrimSpace(text)) == 0 {
			return nil // <v></v> without a formula: blank
		}
		num, err := numberText(text)
		if err != nil {
			return bad("the cell is a number cell but holds %q, which is not a number", clip(text))
		}
		c.Type, c.Text, c.Num = Number, r.intern(text), num
	}
	if c.Type == Text && len(c.Text) == 0 {
		return nil
	}
	return r.keep(c, row)
}

// sharedIndex reads a shared string cell's number: digits alone, as every writer gives it,
// at once, anything else as strconv.Atoi reads it.
func sharedIndex(text []byte) (int, error) {
	if i, ok := digitsOnly(text); ok {
		return i, nil
	}
	return strconv.Atoi(string(bytes.TrimSpace(text)))
}

// digitsOnly reads one to nine digits, as strconv.Atoi would; it is not ok for anything else.
func digitsOnly(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	i := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		i = i*10 + int(c-'0')
	}
	return i, true
}

// numberText reads a number cell's value: a short decimal (most are) at once, anything else
// as strconv.ParseFloat reads it, out of range numbers as the infinity or zero it gives. Go
// reads hexadecimal floats (0x1p3) and digits grouped with _ too, which no spreadsheet
// writes: such a cell is damaged, not a number.
func numberText(text []byte) (float64, error) {
	if f, _, ok := decimal.Short(text); ok {
		return f, nil
	}
	num, err := strconv.ParseFloat(string(bytes.TrimSpace(text)), 64)
	if err == nil && bytes.ContainsAny(text, "xX_") {
		err = strconv.ErrSyntax
	}
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, err
	}
	return num, nil
}

// keep adds a cell to the row. A row holds at most one cell a column: more can only be cells
// stored twice, refused when the row ends, and must not fill memory before then.
func (r *sheetReader) keep(c Cell, row int) error {
	if len(r.row) >= maxCol {
		return &Error{Part: r.part, At: rowAt(row), Msg: fmt.Sprintf("the row holds more cells than a worksheet has columns (%d)", maxCol)}
	}
	r.row = append(r.row, c)
	return nil
}

// cellTypeAttr is a cell's t attribute.
type cellTypeAttr uint8

const (
	typeNone cellTypeAttr = iota // no t, or t="n": a number
	typeShared
	typeStr
	typeInline
	typeBool
	typeError
	typeDate
)

func readTypeAttr(v []byte) (cellTypeAttr, error) {
	switch string(v) {
	case "n":
		return typeNone, nil
	case "s":
		return typeShared, nil
	case "str":
		return typeStr, nil
	case "inlineStr":
		return typeInline, nil
	case "b":
		return typeBool, nil
	case "e":
		return typeError, nil
	case "d":
		return typeDate, nil
	}
	return typeNone, fmt.Errorf("the cell's type t=%q is not one a spreadsheet writes (s, str, inlineStr, n, b, e or d)", clip(v))
}

// maxInterned bounds the strings intern keeps.
const maxInterned = 4096

// intern returns b as a string, reusing the string of an earlier equal text: a column of
// numbers repeats the same few texts, and a string each would be most of what a sheet
// allocates.
func (r *sheetReader) intern(b []byte) string {
	if s, ok := r.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	if r.strs == nil {
		r.strs = make(map[string]string)
	}
	if len(r.strs) < maxInterned {
		r.strs[s] = s
	}
	return s
}

// clip shortens raw text for quoting in a message, cutting between characters.
func clip(b []byte) string {
	if len(b) > 40 {
		cut := 40
		for cut > 36 && !utf8.RuneStart(b[cut]) {
			cut--
		}
		return string(b[:cut]) + "…"
	}
	return string(b)
}

// textProblem says, after "the cell's text" or the like, what is wrong with text that is not
// valid UTF-8: the first bad byte and the valid text before it. A part that declares UTF-8 (or
// declares nothing) and holds such bytes was written in another encoding, and reading them as
// they are would misspell the text. A lone UTF-16 surrogate (from a UTF-16 part or an _xHHHH_
// escape, kept as bytes that are not UTF-8 by utf16text) is half a character: it is
// named as such, since guessing the missing half would be a misread.
func textProblem(text string) string {
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	if i == len(text) {
		return "is not valid UTF-8: its bytes are not UTF-8"
	}
	before := text[:i]
	if len(before) > 20 {
		cut := len(before) - 20
		for cut < len(before) && !utf8.RuneStart(before[cut]) {
			cut++
		}
		before = "…" + before[cut:]
	}
	if r, ok := utf16text.Surrogate(text[i:]); ok {
		return fmt.Sprintf("holds half of a UTF-16 surrogate pair (U+%04X) after %q, with no other half to make a character", r, before)
	}
	return fmt.Sprintf("is not valid UTF-8: byte 0x%02X after %q; a workbook's text is UTF-8, so this was written in another encoding", text[i], before)
}

// rawAttr is the raw value of the last start tag's attribute key.
func rawAttr(s *scanner, key string) ([]byte, bool, error) {
	for a := s.attrs; ; {
		k, v, rest, err := nextAttr(a)
		if err != nil || k == nil {
			return nil, false, err
		}
		if string(k) == key {
			return v, true, nil
		}
		a = rest
	}
}

// nextAttr splits the first attribute off raw attribute text: its local name and raw value.
// At the end it returns a nil key.
func nextAttr(a []byte) (key, val, rest []byte, err error) {
	// Attributes are a few bytes long: plain loops beat calls to bytes.IndexByte here.
	i := 0
	for i < len(a) && isSpace(a[i]) {
		i++
	}
	if i == len(a) {
		return nil, nil, nil, nil
	}
	start := i
	for i < len(a) && a[i] != '=' {
		i++
	}
	if i == len(a) || i == start {
		return nil, nil, nil, malformed("an attribute has no value")
	}
	key = a[start:i]
	for len(key) > 0 && isSpace(key[len(key)-1]) {
		key = key[:len(key)-1]
	}
	for j := range key {
		if key[j] == ':' {
			key = key[j+1:]
			break
		}
	}
	i++
	for i < len(a) && isSpace(a[i]) {
		i++
	}
	if i == len(a) || (a[i] != '"' && a[i] != '\'') {
		return nil, nil, nil, malformed("an attribute value is not in quotes")
	}
	quote := a[i]
	i++
	start = i
	for i < len(a) && a[i] != quote {
		i++
	}
	if i == len(a) {
		return nil, nil, nil, malformed("an attribute value is not closed")
	}
	return key, a[start:i], a[i+1:], nil
}

// parseRef reads an A1 reference: its 0-based column and 1-based row.
func parseRef(ref []byte) (col, row int, ok bool) {
	i := 0
	for ; i < len(ref) && i < 4; i++ {
		c := ref[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a') + 1
	}
	if i == 0 || i == len(ref) || col > maxCol {
		return 0, 0, false
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		row = row*10 + int(c-'0')
		if row > maxRow {
			return 0, 0, false
		}
	}
	if row < 1 {
		return 0, 0, false
	}
	return col - 1, row, true
}

// At is where in a sheet a problem is: a cell, a whole row (Col < 0), or the sheet as a
// whole (Row 0).
type At struct {
	Row int // 1-based
	Col int // 0-based
}

func cellAt(col, row int) At { return At{Row: row, Col: col} }
func rowAt(row int) At       { return At{Row: row, Col: -1} }

// IsCell reports whether a is one cell.
func (a At) IsCell() bool { return a.Row > 0 && a.Col >= 0 }

func (a At) String() string {
	switch {
	case a.IsCell():
		return cellRef(a.Col, a.Row)
	case a.Row > 0:
		return "row " + strconv.Itoa(a.Row)
	}
	return ""
}

// cellRef is the A1 reference of a 0-based column and 1-based row.
func cellRef(col, row int) string {
	return ColumnName(col) + strconv.Itoa(row)
}

// ColumnName is the letters of a 0-based column: 0 = A, 26 = AA.
func ColumnName(col int) string {
	var b [4]byte
	i := len(b)
	for n := col + 1; n > 0 && i > 0; n = (n - 1) / 26 {
		i--
		b[i] = byte('A' + (n-1)%26)
	}
	return string(b[i:])
}
