// Package pdf paints a report's present.Document as an A4 PDF laid out like a council's
// published Quarterly Performance Report: cover, contents, then each section of the
// document, a directorate's indicators each with its statuses, chart and commentary. It
// decides how things look (fonts, widths from the content, page breaks); the words, cells,
// columns and order are the document's.
package pdf

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/render/pdf/pdfpost"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

const (
	pageW, pageH = 210.0, 297.0
	marginL      = 18.0
	marginR      = 18.0
	marginTop    = 24.0
	marginBottom = 20.0
	contentW     = pageW - marginL - marginR
	fontFamily   = "go"
	ptToMM       = 25.4 / 72
)

// Render writes r as a PDF to w, worded and styled by t (templates.Default() when nil).
// The same report gives byte-identical output.
func Render(w io.Writer, r *report.Report, t *templates.Set) error {
	if r == nil {
		return errors.New("pdf: no report to render")
	}
	if t == nil {
		t = templates.Default()
	}
	document, err := present.DocumentOf(printableReport(r), t)
	if err != nil {
		return err
	}
	raw, tags, err := draw(document, t)
	if err != nil {
		return err
	}
	// fpdf makes the whole document before writing any of it, so a failure leaves w as it was.
	return pdfpost.Tagged(w, raw, tags)
}

// draw lays the document out and has fpdf write it, uncompressed, returning fpdf's output
// and the structure recorded. Once it returns nothing refers to fpdf's pages, so they can be
// freed while pdfpost compresses their copies in the output.
func draw(document *present.Document, t *templates.Set) ([]byte, *pdfpost.Tagger, error) {
	d, err := layout(document, t)
	if err != nil {
		return nil, nil, err
	}
	// fpdf holds every page's content until its file is written; written uncompressed, the
	// file is a second copy as large, which a long document cannot afford: there fpdf
	// compresses. The bytes are the same either way (TestCompressionIsFpdfs).
	if d.pdf.PageCount() > plainPagesMax {
		d.pdf.SetCompression(true)
	}
	var out pdfpost.Output
	if err := d.pdf.Output(&out); err != nil {
		return nil, nil, fmt.Errorf("pdf: %w", err)
	}
	return out.Bytes(), d.tags, nil
}

// plainPagesMax is the longest document fpdf writes uncompressed for pdfpost to compress:
// about 6,000 indicators. The uncompressed way takes half the CPU of fpdf's compressor per
// page (over a megabyte each to allocate and zero), but holds the whole file uncompressed
// beside the pages: past this length that copy would take a 10,000-indicator pack past
// 600 MiB, so fpdf compresses and memory comes first.
var plainPagesMax = 4000

// doc is the document being laid out.
type doc struct {
	pdf    *fpdf.Fpdf
	doc    *present.Document
	t      *templates.Set
	st     templates.Style
	pageOf map[string]int // the page each section starts on
	yOf    map[string]float64
	links  map[string]int
	// sections are the ids of the document's sections, each of which is anchored where it
	// is drawn: a table's cell links to one of them.
	sections map[string]bool
	// numbers are the contents' page numbers, drawn once every section has its page.
	numbers []pageNumber
	// fontOn is the font last selected through font and the page it was written on, so that
	// selecting it again there writes nothing (fpdf writes every SetFont into the page).
	fontOn fontChoice
	// stamps are the marks drawn so far, each once, placed wherever they appear again.
	stamps map[stampKey]fpdf.Template
	// indent is how far right of the margin blocks are set (an item's paragraphs).
	indent float64
	// tags records the document's structure as it is drawn.
	tags *pdfpost.Tagger
	// contentsLinks are the contents' Link elements by section id, which the page numbers
	// written in later join.
	contentsLinks map[string]contentsLink
	// wrapped are the lines of the paragraphs being measured and drawn, nil when none are.
	wrapped map[*present.Paragraph][]string
	err     error
}

// fontChoice is a font style and size on one page; page 0 is none.
type fontChoice struct {
	style string
	size  float64
	page  int
}

// layout lays the document out in one pass: the contents are drawn in place with room left
// for their page numbers, which are written into that room once the sections are laid out.
func layout(document *present.Document, t *templates.Set) (*doc, error) {
	d := newDoc(document, t)
	steps := []func(){d.cover, d.contents}
	for _, s := range document.Sections {
		steps = append(steps, func() { d.section(s) })
	}
	steps = append(steps, d.backfill)
	for _, step := range steps {
		step()
		if d.err != nil {
			return nil, d.err
		}
		if err := d.pdf.Error(); err != nil {
			return nil, fmt.Errorf("pdf: %w", err)
		}
	}
	if err := d.tags.Err(); err != nil {
		return nil, err
	}
	return d, nil
}

// newDoc is an empty PDF set up for document.
func newDoc(document *present.Document, t *templates.Set) *doc {
	d := &doc{doc: document, t: t, st: t.Style(), pageOf: map[string]int{}, yOf: map[string]float64{}, links: map[string]int{},
		sections: map[string]bool{}, stamps: map[stampKey]fpdf.Template{}}
	var note func(es []present.Entry)
	note = func(es []present.Entry) {
		for _, e := range es {
			d.sections[e.ID] = true
			note(e.Children)
		}
	}
	note(document.Contents)
	d.setup()
	return d
}

func (d *doc) fail(err error) {
	if d.err == nil && err != nil {
		d.err = err
	}
}

func (d *doc) setup() {
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: pageW, Ht: pageH}})
	d.pdf = p
	// pdfpost compresses the pages, with one compressor reused where fpdf would make one per
	// page (most of a build's allocation), and adds the structure tree d.tags records.
	p.SetCompression(false)
	d.tags = pdfpost.NewTagger(p)
	d.contentsLinks = map[string]contentsLink{}
	p.SetMargins(marginL, marginTop, marginR)
	p.SetAutoPageBreak(true, marginBottom)
	p.SetCellMargin(1.2)
	p.AddUTF8FontFromBytes(fontFamily, "", goregular.TTF)
	p.AddUTF8FontFromBytes(fontFamily, "B", gobold.TTF)
	p.AddUTF8FontFromBytes(fontFamily, "I", goitalic.TTF)
	p.AddUTF8FontFromBytes(fontFamily, "BI", gobolditalic.TTF)

	m := d.doc
	p.SetTitle(m.Title, true)
	p.SetAuthor(m.Author, true)
	p.SetSubject(m.Subject, true)
	p.SetKeywords(m.Keywords, true)
	p.SetCreator("qpr", true)
	p.SetProducer("qpr", true)
	p.SetLang(m.Lang)
	p.SetDisplayMode("fullwidth", "continuous")
	// Determinism: fixed dates from the report's own date and sorted resource catalogues;
	// fpdf writes no file ID for an unencrypted document.
	stamp := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if !m.Date.IsZero() {
		stamp = m.Date
	}
	p.SetCreationDate(stamp)
	p.SetModificationDate(stamp)
	p.SetXmpMetadata(pdfpost.XMP(pdfpost.Meta{Title: m.Title, Author: m.Author, Subject: m.Subject,
		Keywords: m.Keywords, Creator: "qpr", Producer: "qpr", Lang: m.Lang, Date: stamp}))
	p.SetCatalogSort(true)
	p.SetHeaderFunc(d.header)
	p.SetFooterFunc(d.footer)
}

// header draws the running head as an artifact, then carries on the tagged content a page
// break interrupted.
func (d *doc) header() {
	if d.pdf.PageNo() > 1 {
		d.artifact(d.runningHead)
	}
	d.pdf.SetXY(marginL, marginTop)
	d.tags.PageStart()
}

func (d *doc) runningHead() {
	p := d.pdf
	d.font("", d.st.Fonts.Small)
	d.textColour(d.st.Colours.Muted)
	head := d.doc.RunningHead
	p.SetXY(marginL, 10)
	p.CellFormat(contentW*0.7, 5, head[0], "", 0, "L", false, 0, "")
	p.SetXY(marginL+contentW*0.7, 10)
	p.CellFormat(contentW*0.3, 5, head[1], "", 0, "R", false, 0, "")
	if m := d.doc.Marking; m != "" {
		d.font("B", d.st.Fonts.Small+1)
		d.textColour(d.st.Colours.Red)
		p.SetXY(marginL+contentW*0.35, 10)
		p.CellFormat(contentW*0.3, 5, strings.ToUpper(m), "", 0, "C", false, 0, "")
	}
	d.drawColour(d.st.Colours.Accent)
	p.SetLineWidth(0.4)
	p.Line(marginL, 16, pageW-marginR, 16)
	d.textColour(d.st.Colours.Text)
}

// footer closes the tagged content a page break interrupts, then draws the foot as an
// artifact.
func (d *doc) footer() {
	d.tags.PageEnd()
	if d.pdf.PageNo() > 1 {
		d.artifact(d.pageFoot)
	}
}

func (d *doc) pageFoot() {
	p := d.pdf
	d.drawColour(d.st.Colours.Rule)
	p.SetLineWidth(0.2)
	p.Line(marginL, pageH-14, pageW-marginR, pageH-14)
	d.font("", d.st.Fonts.Small)
	d.textColour(d.st.Colours.Muted)
	p.SetXY(marginL, pageH-13)
	p.CellFormat(contentW*0.7, 5, d.doc.PageFoot, "", 0, "L", false, 0, "")
	d.textColour(d.st.Colours.Text)
}

// backfill goes back to write what was known only once every page was laid out: the
// contents' page numbers and each footer's "Page n of N". Writing them into the pages, rather
// than through fpdf's aliases, spares a copy of every page's content at output.
func (d *doc) backfill() {
	p := d.pdf
	last := p.PageNo()
	// Everything written here has its place already: nothing may start a page.
	p.SetAutoPageBreak(false, marginBottom)
	defer p.SetAutoPageBreak(true, marginBottom)
	defer func() {
		p.SetPage(last)
		d.fontOn = fontChoice{}
	}()
	d.contentsNumbers()
	for n := 2; n <= last; n++ {
		p.SetPage(n)
		d.freshState()
		d.font("", d.st.Fonts.Small)
		d.textColour(d.st.Colours.Muted)
		d.artifact(func() {
			p.SetXY(marginL+contentW*0.7, pageH-13)
			p.CellFormat(contentW*0.3, 5, fmt.Sprintf("Page %d of %d", n, last), "", 0, "R", false, 0, "")
		})
	}
}

// freshState makes fpdf write the fill colour afresh on a page gone back to: that page's
// content ended with whatever it last set, not with what fpdf remembers from the last page.
// The font is forgotten likewise. (fpdf writes the text colour with each cell.)
func (d *doc) freshState() {
	d.fillColour(templates.Colour{R: 255, G: 255, B: 255})
	d.fontOn = fontChoice{}
}

// font selects the body family in style at size points. Selecting again the font already in
// force on this page writes nothing: a table selects its font for every cell, and each
// selection was a line of the page's content, a sixth of a large report's page bytes. fpdf's
// own font must match too, since a page break writes the font fpdf remembers (after the
// header has set its own).
func (d *doc) font(style string, size float64) {
	p := d.pdf
	now := fontChoice{style, size, p.PageNo()}
	if now == d.fontOn && p.GetFontStyle() == style && p.GetFontFamily() == fontFamily {
		if pt, _ := p.GetFontSize(); pt == size {
			return
		}
	}
	p.SetFont(fontFamily, style, size)
	d.fontOn = now
}

// textColour sets the colour text is drawn in. PDF paints text in the fill colour, and fpdf
// wraps each cell in "q <colour> rg ... Q" when its text and fill colours differ: a seventh
// of a long report's page bytes. So the fill colour follows the text colour; whatever is
// filled sets its own fill colour first.
func (d *doc) textColour(c templates.Colour) {
	r, g, b := int(c.R), int(c.G), int(c.B)
	d.pdf.SetTextColor(r, g, b)
	if fr, fg, fb := d.pdf.GetFillColor(); fr != r || fg != g || fb != b {
		d.pdf.SetFillColor(r, g, b)
	}
}

func (d *doc) drawColour(c templates.Colour) {
	d.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B))
}

func (d *doc) fillColour(c templates.Colour) {
	d.pdf.SetFillColor(int(c.R), int(c.G), int(c.B))
}

// lineH is the line height in mm for a font size in points.
func lineH(size float64) float64 { return size * ptToMM * 1.4 }

// room is the height left on the page above the bottom margin.
func (d *doc) room() float64 { return pageH - marginBottom - d.pdf.GetY() }

// ensure starts a new page unless h mm fit on this one.
func (d *doc) ensure(h float64) {
	if d.room() < h {
		d.pdf.AddPage()
	}
}

// anchor marks where a contents entry starts: its page, its bookmark and the target of
// the contents' link.
func (d *doc) anchor(id, title string, level int) {
	d.pageOf[id] = d.pdf.PageNo()
	d.yOf[id] = d.pdf.GetY()
	d.pdf.Bookmark(title, level, -1)
	if link, ok := d.links[id]; ok {
		d.pdf.SetLink(link, d.pdf.GetY(), -1)
	}
}

// linkTo is fpdf's link to section id, made on first use (0 for an id that is no section
// of the document): set now when the section is drawn already, else when anchor draws it.
func (d *doc) linkTo(id string) int {
	if id == "" || !d.sections[id] {
		return 0
	}
	if link, ok := d.links[id]; ok {
		return link
	}
	link := d.pdf.AddLink()
	d.links[id] = link
	if page, ok := d.pageOf[id]; ok {
		d.pdf.SetLink(link, d.yOf[id], page)
	}
	return link
}

// heading writes a section heading and registers it for contents and bookmarks.
func (d *doc) heading(id, title string, level int) {
	size := d.st.Fonts.Heading
	if level > 0 {
		size = d.st.Fonts.Subheading
	}
	d.ensure(lineH(size)*2 + 25) // never strand a heading at the foot of a page
	if level > 0 {
		d.pdf.Ln(3)
	}
	d.anchor(id, title, level)
	d.font("B", size)
	d.textColour(d.st.Colours.Accent)
	d.tag(pdfpost.Heading(level+1), func() { d.pdf.MultiCell(contentW, lineH(size), title, "", "L", false) })
	d.pdf.Ln(1.5)
	d.textColour(d.st.Colours.Text)
}
