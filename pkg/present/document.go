package present

import (
	"iter"
	"strconv"
	"time"

	"github.com/example/qpr/pkg/report"
)

// Document is a pack's report as every edition shows it: its cover, contents and sections,
// each section a heading over blocks (paragraphs, lists, tables, figures, notes) and parts.
// The words, the cells, the columns, the order and the ids are decided here, once; an edition
// (pkg/render/...) only paints them in its own medium, and may choose only how things look:
// fonts, widths, page breaks, markup.
//
// A directorate's blocks and indicators are built each time an edition asks for them
// (Section.Blocks, Section.Parts) and are not kept, so a pack of 20,000 indicators is held
// one indicator at a time.
type Document struct {
	Lang     string // the language tag, "en-GB" when the catalogue gives none
	Title    string // the document's own title: the window or tab title, the PDF's Title
	Author   string
	Subject  string
	Keywords string
	Date     time.Time // the date the report carries (its "as at"), zero when unknown
	// Marking is the document's status shown on its cover and on every page ("Draft"), or ""
	// for a report with none.
	Marking string
	Cover   Cover
	// RunningHead is what each page after the cover names at its head (left and right), and
	// PageFoot what it names at its foot beside the page number.
	RunningHead [2]string
	PageFoot    string
	// Colophon is the closing line of an edition that has no pages.
	Colophon string

	ContentsTitle string
	Contents      []Entry
	Sections      []*Section
}

// Cover is the front page's facts.
type Cover struct {
	Organisation string
	Title        string
	Subtitle     string // the pack's title, "" when it repeats the report's
	Period       string // "2023/24 Q2: data to the end of September 2023"
	AsAt         string // "Data as at 30 September 2023"
	// HeadlineIntro introduces Headline, the quarter's counts of KPIs by rating; both are
	// empty for a pack without KPIs.
	HeadlineIntro string
	Headline      []Headline
}

// Headline is a number of indicators with a status: 4 "rated Green".
type Headline struct {
	Status Status
	N      int
	Text   string
}

// Entry is a line of the contents: a section's id and heading, and the entries under it.
// A Minor entry (an indicator) is left off a printed contents page, whose length would grow
// with the pack; bookmarks and a web page's contents list it.
type Entry struct {
	ID, Title string
	Level     int
	Minor     bool
	Children  []Entry
}

// SectionKind says what a section is, for an edition that draws kinds differently.
type SectionKind int

// The kinds of section.
const (
	KindPart      SectionKind = iota // a part of the report or of an indicator
	KindIndicator                    // one indicator: its code, name, facts, chart and parts
	KindItem                         // an entry of a list of indicators (a red KPI and its action)
)

// Section is a heading and what it heads. Level 1 sections are the report's parts (the
// key, the executive summary, each directorate), level 2 their sections and indicators,
// level 3 the parts of those; heading levels never skip.
type Section struct {
	ID      string // unique in the document; "" for a section nothing links to
	Kind    SectionKind
	Level   int
	Code    string // shown before the heading, set apart: an indicator's code
	Heading string
	Mark    Status // a mark before the heading, "" for none
	Link    string // the id the heading refers to, "" for none
	Outline bool   // listed in the contents and bookmarks
	NewPage bool   // a paged edition starts it on a new page

	blocks func(yield func(Block) bool)
	parts  func(yield func(*Section) bool)
	// outline is the contents' entries for parts made on demand, known without making them.
	outline []Entry
}

// Title is the section's heading with its code: "FN01 Invoices paid within 30 days".
func (s *Section) Title() string {
	if s.Code == "" {
		return s.Heading
	}
	return s.Code + " " + s.Heading
}

// Blocks are the section's content before its parts, made afresh at each call.
func (s *Section) Blocks() iter.Seq[Block] {
	return func(yield func(Block) bool) {
		if s.blocks != nil {
			s.blocks(yield)
		}
	}
}

// Parts are the sections under this one, made afresh at each call.
func (s *Section) Parts() iter.Seq[*Section] {
	return func(yield func(*Section) bool) {
		if s.parts != nil {
			s.parts(yield)
		}
	}
}

// LeadsToFigure reports whether blocks[i], of s's blocks, belongs on the page of a figure
// that follows it, so that no edition leaves it at the foot of the page before: in an
// indicator's section every block before its chart (statuses, facts, description), elsewhere
// a paragraph directly before a figure (a comparator group's sentence).
func LeadsToFigure(s *Section, blocks []Block, i int) bool {
	if s.Kind == KindIndicator {
		for _, b := range blocks[i+1:] {
			if _, ok := b.(*Figure); ok {
				return true
			}
		}
		return false
	}
	if _, ok := blocks[i].(*Paragraph); !ok || i+1 >= len(blocks) {
		return false
	}
	_, ok := blocks[i+1].(*Figure)
	return ok
}

// BlockList is the section's blocks as a slice, for an edition that measures them before
// drawing (the PDF keeps an indicator's blocks together).
func (s *Section) BlockList() []Block {
	var out []Block
	for b := range s.Blocks() {
		out = append(out, b)
	}
	return out
}

// SetBlocks makes list the section's blocks, for a section built whole (and a painter's tests).
func (s *Section) SetBlocks(list ...Block) {
	s.blocks = func(yield func(Block) bool) {
		for _, b := range list {
			if !yield(b) {
				return
			}
		}
	}
}

// SetParts makes list the section's parts, each in the contents if it is Outline.
func (s *Section) SetParts(list ...*Section) {
	s.parts = func(yield func(*Section) bool) {
		for _, p := range list {
			if !yield(p) {
				return
			}
		}
	}
	s.outline = nil
	for _, p := range list {
		if p.Outline {
			s.outline = append(s.outline, p.entry())
		}
	}
}

func (s *Section) entry() Entry {
	return Entry{ID: s.ID, Title: s.Title(), Level: s.Level, Minor: s.Kind == KindIndicator, Children: s.outline}
}

// Block is one piece of a section's content: *Paragraph, *List, *Table, *Figure, *StatusLine
// or *Notes.
type Block interface{ block() }

// Role is what a paragraph is, for an edition that sets each kind apart.
type Role int

// The paragraphs' roles.
const (
	RoleBody        Role = iota
	RoleFacts            // an indicator's facts line
	RoleDescription      // an indicator's description: quieter than the body
	RoleAbsent           // says something is not there ("No earlier quarters are available.")
	RoleLabel            // a run-in label over the paragraphs that follow ("Management action")
)

// Paragraph is one paragraph of text.
type Paragraph struct {
	Text string
	Role Role
	// ForShortForms marks a paragraph that explains the short forms of narrow columns: an
	// edition that writes every cell in full leaves it out.
	ForShortForms bool
}

// List is a list of items, each with an optional mark.
type List struct {
	Items []ListItem
}

// ListItem is one item of a list: the text after a status's mark ("" for none).
type ListItem struct {
	Mark Status
	Text string
}

// StatusLine is an indicator's statuses under its heading: "Rating: Green", "Direction of
// travel: Improving".
type StatusLine struct {
	Items []LabelledStatus
}

// LabelledStatus is a status with what it is: "Rating" and Green.
type LabelledStatus struct {
	Label  string
	Status Status
}

// Notes are footnotes to what is above them: a revision or data-quality note, each with the
// mark ("[r]") that refers to it.
type Notes struct {
	Items []Note
}

// Note is one footnote.
type Note struct {
	Mark string
	Text string
}

// Figure is a chart with its text alternative and its figures as a table. The text and the
// table are made when an edition asks for them (Alt, Data), so one that shows neither does
// not pay for them.
type Figure struct {
	ID        string
	Chart     Chart
	DataTitle string // the heading of the figures' table: "FN01: the chart's figures as a table"
	alt       func() (string, string)
	data      func() *Table
}

// Alt is the chart's accessible name ("Chart of FN01 ..., quarter by quarter, 2021/22 Q3 to
// 2023/24 Q2") and its text alternative: what is drawn, the latest value against its
// thresholds with its status, and the direction-of-travel sentence.
func (f *Figure) Alt() (title, description string) {
	if f.alt == nil {
		return "", ""
	}
	return f.alt()
}

// Data is the chart's figures as a table, one row per charted period.
func (f *Figure) Data() *Table {
	if f.data == nil {
		return nil
	}
	return f.data()
}

// Table is a data table: columns with their headings, rows of typed cells. The first
// RowHeads cells of each row head it (the indicator's name, the status counted).
type Table struct {
	ID       string
	Caption  string // what the table is, with its quarter
	Columns  []Column
	RowHeads int
	Rows     []Row
}

// Column is a table's column.
type Column struct {
	Head string
	// ShortHead is the heading in a narrow column's short form ("23/24\nQ2"); set when the
	// column's cells have short forms too, which an edition with little room uses (the key
	// explains them); "" for a column always written in full.
	ShortHead string
	Numeric   bool // figures, read and aligned as numbers
	Centred   bool // short codes (a basis), centred in their column
}

// Row is a table row, or the start of a group of rows under its own heading when Group is
// set. Total marks the row of totals.
type Row struct {
	Group string
	Cells []Cell
	Total bool
}

// CellKind is what a cell holds.
type CellKind int

// The kinds of cell.
const (
	CellText   CellKind = iota
	CellStatus          // a status: its mark (Status.Shape, Status.Tone) and word
	CellValue           // a number: Value shown to Places, Text its shown form with the unit
	CellPeriod          // a period: Period, Text its label
)

// Cell is a table cell. Text is what every edition reads; the other fields say what it is,
// for an edition that keeps numbers as numbers or draws marks.
type Cell struct {
	Kind   CellKind
	Text   string
	Short  string // the short form for a narrow column (Column.ShortHead); "" when none
	Status Status
	Value  float64
	Places int
	Period report.Period
	Note   string // a qualifier beneath the text: "(2023/24 Q1)", "from 2023/24 Q1"
	Mark   string // a footnote mark after the text: "[r]"
	Link   string // the id of the section the cell refers to, "" for none
}

// Line is the cell's text with its footnote mark: "82% [r]".
func (c Cell) Line() string {
	if c.Mark == "" {
		return c.Text
	}
	return c.Text + " " + c.Mark
}

// ShortLine is the cell's short form with its footnote mark, or Line when it has none.
func (c Cell) ShortLine() string {
	if c.Short == "" {
		return c.Line()
	}
	if c.Mark == "" {
		return c.Short
	}
	return c.Short + " " + c.Mark
}

// TextCell is a cell of text.
func TextCell(s string) Cell { return Cell{Text: s} }

// StatusCell is a cell showing a status's mark and word.
func StatusCell(s Status) Cell { return Cell{Kind: CellStatus, Status: s, Text: s.Word()} }

// ValueCell is a cell showing a number as the report shows it; a missing number is text.
func ValueCell(v Shown) Cell {
	if !v.OK {
		return Cell{Text: v.Text}
	}
	return Cell{Kind: CellValue, Text: v.Text, Value: v.Value, Places: v.Places}
}

// CountCell is a cell showing a count.
func CountCell(n int) Cell {
	return Cell{Kind: CellValue, Text: strconv.Itoa(n), Value: float64(n)}
}

// PeriodCell is a cell naming a period.
func PeriodCell(p report.Period) Cell { return Cell{Kind: CellPeriod, Text: Label(p), Period: p} }

func (*Paragraph) block()  {}
func (*List) block()       {}
func (*StatusLine) block() {}
func (*Notes) block()      {}
func (*Figure) block()     {}
func (*Table) block()      {}
