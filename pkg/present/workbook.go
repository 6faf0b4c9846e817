package present

import (
	"errors"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/pkg/unit"
	"github.com/example/qpr/templates"
)

// Workbook is the report as a spreadsheet, decided once for every spreadsheet format (the
// xlsx and ods renderers only paint it): its sheets in order, each with its title, lines of
// explanation and tables, every cell typed, worded and formatted. It is laid out as the
// Analysis Function's guidance for releasing statistics in spreadsheets asks (docs/workbook.md).
type Workbook struct {
	Title, Subject, Creator, Identifier, Language string
	// AsAt dates the file, so the same report gives the same bytes.
	AsAt   time.Time
	Sheets []Sheet
}

// Sheet is one worksheet: its title in A1, lines of explanation in column A below it, then
// its parts in order, with no blank row anywhere (space above a heading is the row's height).
// Column widths are in the width of the digit 0, as spreadsheets measure. Every sheet prints
// landscape on A4, one page wide and as many pages down as it needs.
type Sheet struct {
	Name      string
	Title     string
	Lines     []string
	WrapLines bool // the lines wrap in column A (which is wide); otherwise they run on across the empty cells beside
	Widths    []float64
	Parts     []Part
	// FreezeCols is how many columns stay in view beside the frozen header row, on a sheet
	// that holds one table. Such a sheet also repeats its header row on every printed page.
	FreezeCols int
}

// Part is a table, with a heading above it on a sheet of several tables, or, where a table
// would have no rows, a sentence saying so.
type Part struct {
	Heading  string
	Table    *SheetTable
	Sentence string
}

// OneTable is the sheet's table when it holds exactly one and nothing else, else nil: such
// a sheet freezes and repeats its header row, and may be streamed.
func (s *Sheet) OneTable() *SheetTable {
	if len(s.Parts) == 1 && s.Parts[0].Table != nil && s.Parts[0].Heading == "" {
		return s.Parts[0].Table
	}
	return nil
}

// SheetTable is one table: a single header row and Len rows below it. Rows yields each row's
// cells, one per column; the slice may be reused from one row to the next, so that a large
// table is never held whole.
type SheetTable struct {
	Name    string // unique in the workbook, a valid Excel table name
	Columns []SheetColumn
	Len     int
	Rows    iter.Seq[[]SheetCell]
}

// SheetColumn is a table column's header and look.
type SheetColumn struct {
	Header  string
	Width   float64
	Wrap    bool // long text wraps
	Numeric bool // holds figures: its header is aligned right above them
	Links   bool // its cells link to other sheets
}

// SheetCellKind is what a cell holds.
type SheetCellKind uint8

// The kinds of cell.
const (
	// Empty is a blank cell: only on the Data sheet, where it stands for the JSON's null
	// (the sheet's notes say why a cell is blank).
	Empty SheetCellKind = iota
	Text
	Number
	Bool
	Date
	// Marker is [x] (not available) or [z] (not applicable) in place of a figure or text,
	// aligned right as the numbers around it.
	Marker
)

// SheetCell is one table cell, typed: text, a number with the form it is shown in, a boolean, a
// date or a marker. Status, when set, fills the cell with that status's colour (a rating
// word, or a count of that rating).
type SheetCell struct {
	Kind   SheetCellKind
	Text   string // Text and Marker: the words
	Number float64
	Format NumberFormat
	Bool   bool
	Date   time.Time
	Status Status
	Bold   bool
	Link   string // Text: the name of the sheet this cell links to
}

// Shorthand for a table cell with nothing to show, as the Analysis Function's guidance asks:
// a reader's table has no blank cells, and each marker is explained on the Cover and Notes.
const (
	NotAvailable  = "[x]" // no figure or text was supplied
	NotApplicable = "[z]" // the column does not apply to this indicator
)

// NumberKind is how a number is shown.
type NumberKind uint8

// The ways numbers are shown.
const (
	// CountNumber is a whole number shown as it is.
	CountNumber NumberKind = iota
	// MeasureNumber is a value or threshold in its unit to Places decimals: 82.4%, £1,250, 3 days.
	// A percentage is held as 82.4 meaning 82.4%, never scaled.
	MeasureNumber
	// ChangeNumber is a count's change from the previous quarter: +2, -1, and 0 reads "no change",
	// as Change words it.
	ChangeNumber
)

// NumberFormat is the form a number cell is shown in; each spreadsheet format writes its
// Pattern in its own syntax.
type NumberFormat struct {
	Kind   NumberKind
	Unit   catalogue.Unit
	Places int
}

// NoChange is how a change of nought reads.
const NoChange = "no change"

// NumberPattern is how a spreadsheet shows a number cell, the same as the report's text shows
// the number (pkg/unit): decided here, so that the xlsx's format codes and the ODS's number
// styles only spell it.
type NumberPattern struct {
	// Before and After are literal text around the figure: "£", "%", " days".
	Before, After string
	// AfterOne, when set, replaces After for a figure shown as 1: "1 day".
	AfterOne string
	Places   int
	Grouped  bool // thousands separated: 1,250
	// Signed is a change: a rise shows "+", a fall "-", and nought reads Zero.
	Signed bool
	Zero   string
}

// Pattern is the form's pattern; false for a count, which a spreadsheet shows as it is
// (General).
func (nf NumberFormat) Pattern() (NumberPattern, bool) {
	switch nf.Kind {
	case MeasureNumber:
		a := unit.AffixesOf(string(nf.Unit))
		p := NumberPattern{Before: a.Before, After: a.After, Places: min(max(nf.Places, 0), MaxPlaces), Grouped: true}
		if p.Places == 0 {
			p.AfterOne = a.AfterOne // "1.0 days" keeps its plural
		}
		return p, true
	case ChangeNumber:
		return NumberPattern{Signed: true, Zero: NoChange}, true
	}
	return NumberPattern{}, false
}

// SheetCell constructors. A table row is built from these so that the kinds stay consistent.
func textCell(s string) SheetCell       { return SheetCell{Kind: Text, Text: s} }
func boolCell(b bool) SheetCell         { return SheetCell{Kind: Bool, Bool: b} }
func markerCell(applies bool) SheetCell { return SheetCell{Kind: Marker, Text: marker(applies)} }
func countCell(n int) SheetCell         { return SheetCell{Kind: Number, Number: float64(n)} }
func changeCell(n int) SheetCell {
	return SheetCell{Kind: Number, Number: float64(n), Format: NumberFormat{Kind: ChangeNumber}}
}

// marker is [x] where the column applies but nothing was supplied, [z] where it does not apply.
func marker(applies bool) string {
	if applies {
		return NotAvailable
	}
	return NotApplicable
}

// orText is a text cell, or the marker when s is blank.
func orText(s string, applies bool) SheetCell {
	if strings.TrimSpace(s) == "" {
		return markerCell(applies)
	}
	return textCell(s)
}

// shownCell is a shown number as a cell in its unit and places, or the marker when there is none.
func shownCell(s Shown, u catalogue.Unit, applies bool) SheetCell {
	if !s.OK {
		return markerCell(applies)
	}
	return SheetCell{Kind: Number, Number: s.Value, Format: NumberFormat{Kind: MeasureNumber, Unit: u, Places: s.Places}}
}

// statusCell is a status word filled with its colour.
func statusCell(s Status) SheetCell { return SheetCell{Kind: Text, Text: s.Word(), Status: s} }

// FillColours are the colours of a cell filled for status s in style st: the status's colour,
// and white or the style's text colour on it, whichever contrasts more, so that a user's
// lighter shade still gets legible text.
func FillColours(st templates.Style, s Status) (fill, text templates.Colour) {
	fill = s.Colour(st)
	text = templates.White
	if templates.Contrast(fill, st.Colours.Text) > templates.Contrast(fill, templates.White) {
		text = st.Colours.Text
	}
	return fill, text
}

// Sheet names the workbook always has, and the Data table's fixed name, which scripts use.
const (
	CoverSheet        = "Cover"
	NotesSheet        = "Notes"
	SummarySheet      = "Summary"
	DirectoratesSheet = "Directorates"
	// HistorySheet is not called "History": Excel reserves that name for change tracking.
	HistorySheet = "KPI_history"
	DataSheet    = "Data"
	DataTable    = "QPRData"
)

// WorkbookOf is r's workbook, worded by t (templates.Default() when nil): the Summary opens
// with t's narrative and the Notes are t's key.
func WorkbookOf(r *report.Report, t *templates.Set) (*Workbook, error) {
	if t == nil {
		t = templates.Default()
	}
	if r == nil {
		return nil, errors.New("no report")
	}
	narrative, err := t.Narrative(r)
	if err != nil {
		return nil, err
	}
	return WorkbookWith(r, t, narrative)
}

// WorkbookWith is WorkbookOf with the narrative already worded.
func WorkbookWith(r *report.Report, t *templates.Set, narrative string) (*Workbook, error) {
	if r == nil {
		return nil, errors.New("no report")
	}
	if t == nil {
		t = templates.Default()
	}
	asAt, err := time.Parse("2006-01-02", r.AsAt)
	if err != nil {
		return nil, fmt.Errorf("report as_at %q is not a date written as 2006-01-02", r.AsAt)
	}
	notes, err := workbookNotes(t, r)
	if err != nil {
		return nil, err
	}
	notes = append(notes, revisionNote(r)...)
	b := &workbookBuilder{r: r, tables: newTableNamer()}
	b.tables.used[strings.ToLower(DataTable)] = true
	namer := newSheetNamer(CoverSheet, NotesSheet, SummarySheet, DirectoratesSheet, HistorySheet, DataSheet, DefinitionsSheet, MDCSheet, ComparatorsSheet)
	b.groups = groupByDirectorate(r, namer)

	sheets := []Sheet{
		{}, // the Cover, made last: it lists the others
		b.notes(notes),
		b.summary(templates.Paragraphs(narrative)),
		b.directorates(),
	}
	for _, g := range b.groups {
		sheets = append(sheets, b.directorate(g))
	}
	if s, ok := b.comparators(); ok {
		sheets = append(sheets, s)
	}
	sheets = append(sheets, b.history())
	sheets = append(sheets, b.meaningSheets()...)
	sheets = append(sheets, b.data())
	sheets[0] = b.cover(asAt, b.contents())
	markWorkbook(r, sheets)

	title := strings.TrimSpace(r.Title + " " + Label(r.Period))
	return &Workbook{
		Title: title, Subject: r.Pack.Title, Creator: r.Organisation,
		Identifier: r.Pack.ID + "-" + r.FileLabel, Language: "en-GB",
		AsAt: asAt, Sheets: sheets,
	}, nil
}

// workbookBuilder makes the sheets, handing out table names as it goes.
type workbookBuilder struct {
	r      *report.Report
	tables *tableNamer
	groups []*directorateGroup
}

// directorateGroup is one directorate's indicators and the sheet they go on.
type directorateGroup struct {
	directorate report.Directorate
	sheet       string
	indicators  []*report.Indicator
}

// groupByDirectorate keeps the report's directorate order. An indicator whose directorate
// the report does not list still gets a sheet, after the listed ones, rather than vanishing.
func groupByDirectorate(r *report.Report, namer *sheetNamer) []*directorateGroup {
	var groups []*directorateGroup
	byCode := map[string]*directorateGroup{}
	add := func(d report.Directorate) *directorateGroup {
		g := &directorateGroup{directorate: d}
		groups = append(groups, g)
		byCode[d.Code] = g
		return g
	}
	for _, d := range r.Directorates {
		if _, dup := byCode[d.Code]; !dup {
			add(d)
		}
	}
	for i := range r.Indicators {
		ind := &r.Indicators[i]
		g, ok := byCode[ind.Directorate]
		if !ok {
			g = add(report.Directorate{Code: ind.Directorate, Name: ind.Directorate})
		}
		g.indicators = append(g.indicators, ind)
	}
	for i, g := range groups {
		g.sheet = namer.name(fmt.Sprintf("Directorate_%d", i+1), g.directorate.Code, g.directorate.Name)
	}
	return groups
}

// sliceRows is a table's rows from a list of rows already made (the small tables).
func sliceRows(rows [][]SheetCell) iter.Seq[[]SheetCell] {
	return func(yield func([]SheetCell) bool) {
		for _, x := range rows {
			if !yield(x) {
				return
			}
		}
	}
}

// newTable is a table of rows already made.
func (b *workbookBuilder) newTable(name, part string, cols []SheetColumn, rows [][]SheetCell) *SheetTable {
	return &SheetTable{Name: b.tables.name(name, part), Columns: uniqueHeaders(cols), Len: len(rows), Rows: sliceRows(rows)}
}

// uniqueHeaders makes the columns' headers unique as Excel requires of a table's (compared
// ignoring case) by numbering a repeat.
func uniqueHeaders(cols []SheetColumn) []SheetColumn {
	seen := map[string]bool{}
	out := make([]SheetColumn, len(cols))
	for i, c := range cols {
		h := strings.TrimSpace(c.Header)
		if h == "" {
			h = fmt.Sprintf("Column %d", i+1)
		}
		name := h
		for n := 2; seen[strings.ToLower(name)]; n++ {
			name = fmt.Sprintf("%s (%d)", h, n)
		}
		seen[strings.ToLower(name)] = true
		c.Header = name
		out[i] = c
	}
	return out
}

// widths are the columns' widths, for a sheet of one table.
func widths(cols []SheetColumn) []float64 {
	out := make([]float64, len(cols))
	for i, c := range cols {
		out[i] = c.Width
	}
	return out
}
