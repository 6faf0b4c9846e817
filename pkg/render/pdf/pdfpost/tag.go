package pdfpost

import (
	"fmt"
	"strconv"
)

// Role is a standard structure type of PDF 1.7 (ISO 32000-1, 14.8.4).
type Role string

// The structure types qpr's documents use.
const (
	Document Role = "Document"
	Sect     Role = "Sect"
	P        Role = "P"
	H1       Role = "H1"
	H2       Role = "H2"
	H3       Role = "H3"
	H4       Role = "H4"
	H5       Role = "H5"
	H6       Role = "H6"
	L        Role = "L"
	LI       Role = "LI"
	Lbl      Role = "Lbl"
	LBody    Role = "LBody"
	Table    Role = "Table"
	TR       Role = "TR"
	TH       Role = "TH"
	TD       Role = "TD"
	Figure   Role = "Figure"
	Caption  Role = "Caption"
	TOC      Role = "TOC"
	TOCI     Role = "TOCI"
	Link     Role = "Link"
	Note     Role = "Note"
	Span     Role = "Span"
)

// Heading is the heading role of a level from 1 to 6 (outside that, the nearest).
func Heading(level int) Role {
	return Role("H" + strconv.Itoa(min(max(level, 1), 6)))
}

// Scope says which cells a table header cell heads.
type Scope string

const (
	NoScope Scope = ""
	Column  Scope = "Column"
	Row     Scope = "Row"
)

// Attr are an element's attributes: Alt is a figure's alternative text (required on a
// Figure); ActualText the words its content stands for (a cell's "G" is "Green"); Scope a
// header cell's, ColSpan the columns a cell spans when more than one.
type Attr struct {
	Alt        string
	ActualText string
	Scope      Scope
	ColSpan    int
}

// Elem is a structure element being recorded. A long report records hundreds of thousands,
// held until the document is written, so an element is kept small: most have no attributes
// and share noAttr.
type Elem struct {
	role   Role
	attr   *Attr
	parent *Elem
	kids   []kid
	num    int // object number, given when written
}

var noAttr Attr

// kid is one child of an element: another element, a marked-content sequence on a page
// (page counted from 1), or a link annotation (the page's annot'th).
type kid struct {
	elem  *Elem
	page  int32
	mcid  int32
	annot int32 // -1 for none
}

// Page is what the tagger needs of the PDF being drawn: fpdf.Fpdf is one.
type Page interface {
	PageNo() int
	RawWriteStr(string)
}

// Tagger records the document's structure while the painter draws it, writing the
// marked-content operators into the page as it goes; pdfpost.Tagged writes the structure
// tree from what it recorded. Every mark on a page must be drawn inside Content or
// Artifact.
type Tagger struct {
	w    Page
	root *Elem
	cur  *Elem
	// mcs lists per page (index page-1) the element each MCID belongs to, in MCID order.
	mcs [][]*Elem
	// annots lists per page the element and alternative text of each link annotation.
	annots [][]annot
	// outline is the bookmarks in document order.
	outline []bookmark
	open    *openMark // the marked-content sequence open now, if any
	// paused is the sequence PageEnd closed at an automatic page break, reopened by PageStart.
	paused *openMark
	buf    []byte // an operator being written
	err    error
}

type annot struct {
	elem *Elem
	alt  string
	to   *Dest // nil: the destination fpdf wrote stands
}

// Dest is a place in the whole document, where a link or bookmark goes: a page counted from
// 1 over every part, and the height to show at the top of the window, in points up from the
// page's foot. The painter may fill it in after the link is drawn, once its target is laid
// out; a Dest still on page 0 when the document is written leaves fpdf's destination as it
// was.
type Dest struct {
	Page int
	Top  float64
}

type bookmark struct {
	title string
	level int
	to    *Dest
}

type openMark struct {
	elem     *Elem // nil for an artifact
	artifact bool
}

// NewTagger starts recording a document drawn on w.
func NewTagger(w Page) *Tagger {
	root := &Elem{role: Document, attr: &noAttr}
	return &Tagger{w: w, root: root, cur: root}
}

func (t *Tagger) fail(format string, args ...any) {
	if t.err == nil {
		t.err = fmt.Errorf("pdfpost: "+format, args...)
	}
}

// Err is the first misuse recorded (an element left open, content drawn in content).
func (t *Tagger) Err() error {
	if t.err == nil && t.cur != t.root {
		return fmt.Errorf("pdfpost: structure element %s left open", t.cur.role)
	}
	return t.err
}

// Begin opens an element of role as the next child of the one open now; End closes it.
func (t *Tagger) Begin(role Role, a Attr) *Elem {
	e := &Elem{role: role, attr: &noAttr, parent: t.cur}
	if a != noAttr {
		e.attr = &a
	}
	t.cur.kids = append(t.cur.kids, kid{elem: e, annot: -1})
	t.cur = e
	return e
}

// End closes the element Begin opened last.
func (t *Tagger) End() {
	if t.cur == t.root {
		t.fail("End without Begin")
		return
	}
	t.cur = t.cur.parent
}

// Tag draws an element of role holding what draw draws.
func (t *Tagger) Tag(role Role, a Attr, draw func()) *Elem {
	e := t.Begin(role, a)
	t.Content(draw)
	t.End()
	return e
}

// Content marks what draw draws as content of the element open now.
func (t *Tagger) Content(draw func()) { t.ContentOf(t.cur, draw) }

// ContentOf marks what draw draws as content of e, which may have been closed already: for
// what is drawn later into a page gone back to (the contents' page numbers).
func (t *Tagger) ContentOf(e *Elem, draw func()) {
	if e == t.root {
		t.fail("content outside any element")
	}
	t.mark(&openMark{elem: e}, draw)
}

// Artifact marks what draw draws as an artifact: running heads, rules, page numbers,
// decoration that a reader of the text does not need.
func (t *Tagger) Artifact(draw func()) { t.mark(&openMark{artifact: true}, draw) }

func (t *Tagger) mark(m *openMark, draw func()) {
	// While a sequence is paused the header and footer draw their artifacts.
	if t.open != nil {
		t.fail("marked content inside marked content")
		draw()
		return
	}
	t.begin(m)
	draw()
	if t.open == m {
		t.w.RawWriteStr("EMC")
		t.open = nil
	} else if t.paused == m {
		t.fail("page started without PageStart")
	}
}

func (t *Tagger) begin(m *openMark) {
	t.open = m
	if m.artifact {
		t.w.RawWriteStr("/Artifact BMC")
		return
	}
	page := t.w.PageNo()
	for len(t.mcs) < page {
		t.mcs = append(t.mcs, nil)
	}
	mcid := len(t.mcs[page-1])
	t.mcs[page-1] = append(t.mcs[page-1], m.elem)
	m.elem.kids = append(m.elem.kids, kid{page: int32(page), mcid: int32(mcid), annot: -1})
	b := append(t.buf[:0], '/')
	b = append(b, m.elem.role...)
	b = append(b, " <</MCID "...)
	b = strconv.AppendInt(b, int64(mcid), 10)
	b = append(b, ">> BDC"...)
	t.buf = b
	if w, ok := t.w.(bytesPage); ok {
		w.RawWriteBytes(b)
		return
	}
	t.w.RawWriteStr(string(b))
}

// bytesPage is a Page that takes what it is written as bytes, which it does not keep: the
// tagger writes a sequence's opening so without making a string of it.
type bytesPage interface {
	RawWriteBytes([]byte)
}

// PageEnd is to be called first in the page footer: a sequence open at an automatic page
// break is closed on the page it began on.
func (t *Tagger) PageEnd() {
	if t.open != nil {
		t.w.RawWriteStr("EMC")
		t.paused, t.open = t.open, nil
	}
}

// PageStart is to be called last in the page header: a sequence PageEnd closed goes on,
// under a new MCID on the new page.
func (t *Tagger) PageStart() {
	if m := t.paused; m != nil {
		t.paused = nil
		t.begin(m)
	}
}

// Annot records that the link annotation just drawn on this page belongs to the element open
// now (a Link), with alt as its description, going to to (nil: where fpdf's link goes).
// Call it once for each annotation fpdf makes (each CellFormat or Link call with a link),
// after drawing it, in the order drawn.
func (t *Tagger) Annot(alt string, to *Dest) { t.AnnotOf(t.cur, alt, to) }

// AnnotOf is Annot for an element that may have been closed already.
func (t *Tagger) AnnotOf(e *Elem, alt string, to *Dest) {
	page := t.w.PageNo()
	for len(t.annots) < page {
		t.annots = append(t.annots, nil)
	}
	t.annots[page-1] = append(t.annots[page-1], annot{e, alt, to})
	e.kids = append(e.kids, kid{page: int32(page), annot: int32(len(t.annots[page-1]) - 1)})
}

// Bookmark adds an entry to the document's outline (its bookmarks), at level (0 for the top)
// under the last entry a level up, going to to. Levels go down one at a time.
func (t *Tagger) Bookmark(title string, level int, to *Dest) {
	t.outline = append(t.outline, bookmark{title, level, to})
}
