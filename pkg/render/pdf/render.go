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
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

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
	cellMargin   = 1.2
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
	d, err := layout(document, t)
	if err != nil {
		return err
	}
	// Nothing is written before every part is laid out, so a failure leaves w as it was.
	firstLater, lastLater := d.laters[d.first], d.laters[d.pdf]
	first, last, err := d.finish()
	if err != nil {
		return err
	}
	if last == nil {
		lastLater = nil
	}
	return d.parts.WriteLater(w, first, last, firstLater, lastLater, d.tags)
}

// finish has fpdf write the first part and the last (nil when they are one), uncompressed,
// for pdfpost to join with the middle parts it holds already.
func (d *doc) finish() (first, last []byte, err error) {
	if d.pdf != d.first {
		if last, err = output(d.pdf); err != nil {
			return nil, nil, err
		}
		d.pdf = d.first
	}
	first, err = output(d.first)
	d.first, d.pdf, d.laters, d.fontRunes = nil, nil, nil, nil // let the pages go
	return first, last, err
}

// output is the document fpdf writes, uncompressed.
func output(p *fpdf.Fpdf) ([]byte, error) {
	var out pdfpost.Output
	if err := p.Output(&out); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return out.Bytes(), nil
}

// partPages is how many pages a part of the document holds at least before the next page
// the layout starts explicitly begins a new part: fpdf holds every page of a document until
// it writes it, so a long report is written in parts, each finished, compressed and its
// pages let go once the next begins (pdfpost joins them). A report of fewer pages is one
// part. At least 10, so that the first part's page feet use every digit.
var partPages = 1000

// doc is the document being laid out.
type doc struct {
	// pdf is the part being drawn, first the first part, which stays open for what is
	// written into it last (the contents' page numbers); offset is how many pages the parts
	// before pdf hold. Page numbers are the whole document's unless called local.
	pdf    *fpdf.Fpdf
	first  *fpdf.Fpdf
	offset int
	// parts holds the middle parts, finished; split is whether an explicit page break may
	// start a new part (not in the contents, which are numbered in place later).
	parts  *pdfpost.Parts
	split  bool
	doc    *present.Document
	t      *templates.Set
	st     templates.Style
	pageOf map[string]int // the page each section starts on
	// dests are where each section linked to or anchored so far starts (page 0 until it is
	// drawn), for pdfpost to write into the links to it and the outline.
	dests map[string]*pdfpost.Dest
	// link is the current part's one fpdf link, which every link drawn in the part uses:
	// pdfpost writes each annotation's destination from dests (0 until made).
	link int
	// measure is a document of no pages, measuring the middle parts' page feet.
	measure *fpdf.Fpdf
	// sections are the ids of the document's sections, each of which is anchored where it
	// is drawn: a table's cell links to one of them.
	sections map[string]bool
	// numbers are the contents' page numbers, drawn once every section has its page.
	numbers []pageNumber
	// fontOn is the font last selected through font and the page it was written on, so that
	// selecting it again there writes nothing (fpdf writes every SetFont into the page).
	fontOn fontChoice
	// stamps are the marks drawn so far, each once, placed wherever they appear again.
	stamps map[stampKey]stampTemplate
	// indent is how far right of the margin blocks are set (an item's paragraphs).
	indent float64
	// tags records the document's structure as it is drawn.
	tags *pdfpost.Tagger
	// contentsLinks are the contents' Link elements by section id, which the page numbers
	// written in later join.
	contentsLinks map[string]contentsLink
	// wrapped are the lines of the paragraphs being measured and drawn, nil when none are.
	wrapped map[*present.Paragraph][]string
	// laters are the content each part keeps out of fpdf (keep), by part; scratch is the
	// path being formatted.
	laters    map[*fpdf.Fpdf]*pdfpost.Later
	fontRunes map[*fpdf.Fpdf]*fontRunes
	scratch   path
	ops       []byte // a colour or line width being formatted
	// glyphs are each style's character widths, learnt as paragraphs are broken into lines.
	glyphs [4]*glyphWidths
	// measuredCells are the lines of each cell of the table row rowHeight measured last, the
	// row whose first cell is measuredRow.
	measuredRow   *present.Cell
	measuredCells []wrappedCell
	err           error
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
	// A part may begin anywhere after the contents, whose page numbers are written in later.
	steps := []func(){d.cover, d.contents, func() { d.split = true }}
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
	d := &doc{doc: document, t: t, st: t.Style(), pageOf: map[string]int{}, dests: map[string]*pdfpost.Dest{},
		sections: map[string]bool{}, contentsLinks: map[string]contentsLink{}, laters: map[*fpdf.Fpdf]*pdfpost.Later{}, fontRunes: map[*fpdf.Fpdf]*fontRunes{}}
	var note func(es []present.Entry)
	note = func(es []present.Entry) {
		for _, e := range es {
			d.sections[e.ID] = true
			note(e.Children)
		}
	}
	note(document.Contents)
	d.setup(true)
	d.first = d.pdf
	d.tags = pdfpost.NewTagger(tagPage{d})
	d.parts = &pdfpost.Parts{FootFontName: "utf8" + fontFamily, Foot: d.footContent}
	return d
}

// tagPage is the document being drawn as the tagger sees it: the current part, its pages
// numbered over the whole document.
type tagPage struct{ d *doc }

func (p tagPage) PageNo() int          { return p.d.pageNo() }
func (p tagPage) RawWriteStr(s string) { p.d.keepString(s) }

// RawWriteBytes is RawWriteStr of bytes, which it does not keep.
func (p tagPage) RawWriteBytes(b []byte) { p.d.keep(b) }

// pageNo is the page being drawn, counted over the whole document.
func (d *doc) pageNo() int { return d.offset + d.pdf.PageNo() }

func (d *doc) fail(err error) {
	if d.err == nil && err != nil {
		d.err = err
	}
}

// setup starts a part: an fpdf document of its own, set up as every part is; the first
// part carries the document's XMP metadata (the others' catalogues are dropped).
func (d *doc) setup(first bool) {
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: pageW, Ht: pageH}})
	d.pdf = p
	if keepLater {
		d.laters[p] = &pdfpost.Later{}
		d.fontRunes[p] = &fontRunes{}
	}
	// The templates and link belong to the part's document; the font is selected afresh.
	d.stamps = map[stampKey]stampTemplate{}
	d.link = 0
	d.fontOn = fontChoice{}
	// pdfpost compresses the pages, with one compressor reused where fpdf would make one per
	// page (most of a build's allocation), and adds the structure tree d.tags records.
	p.SetCompression(false)
	p.SetMargins(marginL, marginTop, marginR)
	p.SetAutoPageBreak(true, marginBottom)
	p.SetCellMargin(cellMargin)
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
	if first {
		p.SetXmpMetadata(pdfpost.XMP(pdfpost.Meta{Title: m.Title, Author: m.Author, Subject: m.Subject,
			Keywords: m.Keywords, Creator: "qpr", Producer: "qpr", Lang: m.Lang, Date: stamp}))
	}
	p.SetCatalogSort(true)
	p.SetHeaderFunc(d.header)
	p.SetFooterFunc(d.footer)
}

// header draws the running head as an artifact, then carries on the tagged content a page
// break interrupted.
func (d *doc) header() {
	if d.pageNo() > 1 {
		d.artifact(d.runningHead)
	}
	d.pdf.SetXY(marginL, marginTop)
	d.tags.PageStart()
}

func (d *doc) runningHead() {
	d.font("", d.st.Fonts.Small)
	d.textColour(d.st.Colours.Muted)
	head := d.doc.RunningHead
	d.pdf.SetXY(marginL, 10)
	d.cell(contentW*0.7, 5, head[0], 0, "L")
	d.pdf.SetXY(marginL+contentW*0.7, 10)
	d.cell(contentW*0.3, 5, head[1], 0, "R")
	if m := d.doc.Marking; m != "" {
		d.font("B", d.st.Fonts.Small+1)
		d.textColour(d.st.Colours.Red)
		d.pdf.SetXY(marginL+contentW*0.35, 10)
		d.cell(contentW*0.3, 5, strings.ToUpper(m), 0, "C")
	}
	d.drawColour(d.st.Colours.Accent)
	d.lineWidth(0.4)
	d.line(marginL, 16, pageW-marginR, 16)
	d.textColour(d.st.Colours.Text)
}

// footer closes the tagged content a page break interrupts, then draws the foot as an
// artifact.
func (d *doc) footer() {
	d.tags.PageEnd()
	if d.pageNo() > 1 {
		d.artifact(d.pageFoot)
	}
}

func (d *doc) pageFoot() {
	d.drawColour(d.st.Colours.Rule)
	d.lineWidth(0.2)
	d.line(marginL, pageH-14, pageW-marginR, pageH-14)
	d.font("", d.st.Fonts.Small)
	d.textColour(d.st.Colours.Muted)
	d.pdf.SetXY(marginL, pageH-13)
	d.cell(contentW*0.7, 5, d.doc.PageFoot, 0, "L")
	d.textColour(d.st.Colours.Text)
}

// backfill goes back to write what was known only once every page was laid out: the
// contents' page numbers and each footer's "Page n of N", in the first part and the last
// (pdfpost writes the middle parts' feet). Writing them into the pages, rather than through
// fpdf's aliases, spares a copy of every page's content at output.
func (d *doc) backfill() {
	total := d.pageNo()
	last, lastOffset := d.pdf, d.offset
	d.pdf, d.offset = d.first, 0
	d.backfillPart(total, d.contentsNumbers)
	if last != d.first {
		d.pdf, d.offset = last, lastOffset
		d.backfillPart(total, func() {})
	}
}

// backfillPart writes the current part's feet, after what first writes, and leaves the part
// on its last page.
func (d *doc) backfillPart(total int, first func()) {
	p := d.pdf
	last := p.PageNo()
	// Everything written here has its place already: nothing may start a page.
	p.SetAutoPageBreak(false, marginBottom)
	defer p.SetAutoPageBreak(true, marginBottom)
	defer func() {
		p.SetPage(last)
		d.fontOn = fontChoice{}
	}()
	first()
	for n := max(2, d.offset+1); n <= d.offset+last; n++ {
		p.SetPage(n - d.offset)
		d.freshState()
		d.font("", d.st.Fonts.Small)
		d.textColour(d.st.Colours.Muted)
		d.artifact(func() {
			p.SetXY(footX, footY)
			p.CellFormat(footW, footH, pageOf(n, total), "", 0, "R", false, 0, "")
		})
	}
}

// Where a page's number is written in its foot, right-aligned in the box.
const (
	footX, footY = marginL + contentW*0.7, pageH - 13
	footW, footH = contentW * 0.3, 5.0
)

// pageOf is the words of a page's number in its foot.
func pageOf(n, total int) string { return fmt.Sprintf("Page %d of %d", n, total) }

// footContent is the content drawing page n's number of total in its foot, as backfillPart
// draws it, in the first part's regular font: for a page of a middle part, finished before
// the document's length is known.
func (d *doc) footContent(n, total int) []byte {
	m := d.measure
	if m == nil {
		m = fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: pageW, Ht: pageH}})
		m.AddUTF8FontFromBytes(fontFamily, "", goregular.TTF)
		m.SetFont(fontFamily, "", d.st.Fonts.Small)
		m.SetCellMargin(cellMargin)
		d.measure = m
	}
	text := pageOf(n, total)
	// as fpdf's CellFormat places right-aligned text (its 0.5 and 0.3: the baseline)
	k := m.GetConversionRatio()
	size, _ := m.GetFontSize()
	fontH := size / k
	x := (footX + footW - m.GetCellMargin() - m.GetStringWidth(text)) * k
	y := (pageH - (footY + .5*footH + .3*fontH)) * k
	c := d.st.Colours.Muted
	var b strings.Builder
	fmt.Fprintf(&b, "/Artifact BMC\nq\nBT /%s %.2f Tf ET\n%.3f %.3f %.3f rg\nBT %.2f %.2f Td (", pdfpost.FootFont, size,
		float64(c.R)/255, float64(c.G)/255, float64(c.B)/255, x, y)
	// as fpdf writes text in its UTF-8 fonts: UTF-16BE code units, escaped
	for _, u := range utf16.Encode([]rune(text)) {
		for _, ch := range []byte{byte(u >> 8), byte(u)} {
			switch ch {
			case '\\', '(', ')':
				b.WriteByte('\\')
			case '\r':
				b.WriteString(`\r`)
				continue
			}
			b.WriteByte(ch)
		}
	}
	b.WriteString(")Tj ET\nQ\nEMC\n")
	return []byte(b.String())
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
	now := fontChoice{style, size, d.pageNo()}
	if now == d.fontOn && d.pdf.GetFontStyle() == style && d.pdf.GetFontFamily() == fontFamily {
		if pt, _ := d.pdf.GetFontSize(); pt == size {
			return
		}
	}
	d.pdf.SetFont(fontFamily, style, size)
	d.fontOn = now
}

// textColour sets the colour text is drawn in. PDF paints text in the fill colour, and fpdf
// wraps each cell in "q <colour> rg ... Q" when its text and fill colours differ: a seventh
// of a long report's page bytes. So the fill colour follows the text colour; whatever is
// filled sets its own fill colour first.
func (d *doc) textColour(c templates.Colour) {
	r, g, b := int(c.R), int(c.G), int(c.B)
	// fpdf formats the colour afresh on every call, and writes nothing: once is enough.
	if tr, tg, tb := d.pdf.GetTextColor(); tr != r || tg != g || tb != b {
		d.pdf.SetTextColor(r, g, b)
	}
	if fr, fg, fb := d.pdf.GetFillColor(); fr != r || fg != g || fb != b {
		d.pdf.SetFillColor(r, g, b)
	}
}

// drawColour sets the colour lines are drawn in. fpdf writes the colour into the page at
// every call, changed or not; where it is unchanged the same operator is kept out of fpdf
// instead (keep), the page the same. So with the fill colour and the line width.
func (d *doc) drawColour(c templates.Colour) {
	r, g, b := int(c.R), int(c.G), int(c.B)
	if d.later() != nil {
		if pr, pg, pb := d.pdf.GetDrawColor(); pr == r && pg == g && pb == b {
			d.ops = appendColourOp(d.ops[:0], r, g, b, "G", "RG")
			d.keep(d.ops)
			return
		}
	}
	d.pdf.SetDrawColor(r, g, b)
}

func (d *doc) fillColour(c templates.Colour) {
	r, g, b := int(c.R), int(c.G), int(c.B)
	if d.later() != nil {
		if pr, pg, pb := d.pdf.GetFillColor(); pr == r && pg == g && pb == b {
			d.ops = appendColourOp(d.ops[:0], r, g, b, "g", "rg")
			d.keep(d.ops)
			return
		}
	}
	d.pdf.SetFillColor(r, g, b)
}

// lineWidth sets the width lines are drawn at, in mm, as fpdf's SetLineWidth does.
func (d *doc) lineWidth(w float64) {
	if d.later() != nil && d.pdf.GetLineWidth() == w {
		d.ops = strconv.AppendFloat(d.ops[:0], w*d.pdf.GetConversionRatio(), 'f', 2, 64)
		d.ops = append(d.ops, " w"...)
		d.keep(d.ops)
		return
	}
	d.pdf.SetLineWidth(w)
}

// lineH is the line height in mm for a font size in points.
func lineH(size float64) float64 { return size * ptToMM * 1.4 }

// room is the height left on the page above the bottom margin.
func (d *doc) room() float64 { return pageH - marginBottom - d.pdf.GetY() }

// ensure starts a new page unless h mm fit on this one.
func (d *doc) ensure(h float64) {
	if d.room() < h {
		d.newPage()
	}
}

// newPage starts a new page: every page break the layout makes itself comes here (fpdf's
// own, inside a paragraph, stay in the part). Once the part holds partPages pages the new
// page begins a new part, in the state the page would have begun in within the part.
func (d *doc) newPage() {
	if d.split && d.pdf.PageNo() >= partPages {
		d.nextPart()
	}
	d.pdf.AddPage()
}

// nextPart finishes the current part (its last page's foot drawn as fpdf would at the page
// break; the first part stays open, a middle one is written and compressed in the
// background) and starts the next with fpdf's remembered font, colours
// and line width, which fpdf writes at the top of a page.
func (d *doc) nextPart() {
	old := d.pdf
	family, style := old.GetFontFamily(), old.GetFontStyle()
	size, _ := old.GetFontSize()
	tr, tg, tb := old.GetTextColor()
	fr, fg, fb := old.GetFillColor()
	dr, dg, db := old.GetDrawColor()
	lw := old.GetLineWidth()
	pages := old.PageNo()
	// The part's last foot is drawn now, as fpdf would draw it when it writes the part: the
	// first part is written at the end, a middle part in the background, while the next
	// part is drawn with what the foot uses (the tagger, the renderer's state).
	old.SetAutoPageBreak(false, marginBottom)
	d.footer()
	old.SetAutoPageBreak(true, marginBottom)
	old.SetFooterFunc(func() {})
	if old != d.first {
		d.parts.AddFrom(func() ([]byte, error) { return output(old) }, d.laters[old])
		delete(d.laters, old)
		delete(d.fontRunes, old)
	}
	d.offset += pages
	d.setup(false)
	p := d.pdf
	if family != "" {
		p.SetFont(family, style, size)
	}
	p.SetDrawColor(dr, dg, db)
	p.SetFillColor(fr, fg, fb)
	p.SetTextColor(tr, tg, tb)
	p.SetLineWidth(lw)
}

// anchor marks where a contents entry starts: its page, its bookmark and the destination of
// the links to it.
func (d *doc) anchor(id, title string, level int) {
	d.pageOf[id] = d.pageNo()
	to := d.destOf(id)
	to.Page = d.pageNo()
	to.Top = pageH*d.pdf.GetConversionRatio() - d.pdf.GetY()*d.pdf.GetConversionRatio()
	d.tags.Bookmark(title, level, to)
}

// destOf is where section id starts, on page 0 until it is drawn.
func (d *doc) destOf(id string) *pdfpost.Dest {
	to, ok := d.dests[id]
	if !ok {
		to = &pdfpost.Dest{}
		d.dests[id] = to
	}
	return to
}

// partLink is the current part's fpdf link, which every link in it uses (pdfpost writes
// each one's destination).
func (d *doc) partLink() int {
	if d.link == 0 {
		d.link = d.pdf.AddLink()
	}
	return d.link
}

// linkTo is the link to section id, with its destination (0 and nil for an id that is no
// section of the document).
func (d *doc) linkTo(id string) (int, *pdfpost.Dest) {
	if id == "" || !d.sections[id] {
		return 0, nil
	}
	return d.partLink(), d.destOf(id)
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
	d.tag(pdfpost.Heading(level+1), func() { d.multiCell(contentW, lineH(size), title) })
	d.pdf.Ln(1.5)
	d.textColour(d.st.Colours.Text)
}
