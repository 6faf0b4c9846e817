package docx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/xml"
	"fmt"
	"hash/crc32"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/example/qpr/templates"
)

// wordDoc writes a WordprocessingML package as it is painted, in memory that does not grow
// with the pictures: the fixed parts (properties, styles, numbering, header, footer) first;
// each picture as its own entry as soon as it is painted, stored as it is (a PNG is already
// compressed); the body compressed as it is painted, and written whole after the pictures
// (a zip's entries follow one another, and the pictures are written while the body grows);
// then the body's relationships, which name every picture. It knows OOXML and nothing of
// reports; the painter in render.go decides what goes in.
type wordDoc struct {
	title    string
	subject  string
	creator  string
	language string
	modified time.Time
	head     string // the running head, on every page
	marking  string // a marking such as "Draft", on every page beside the running head
	foot     string // what each page names at its foot, before its number
	style    templates.Style

	zip       *zip.Writer
	when      time.Time     // every entry's date
	body      *bufio.Writer // the body's XML, to bodyZ
	bodyZ     compressed
	pictures  int // pictures the body shows
	stored    int // pictures written to the package
	bookmarks int
}

// compressed is a part deflated into memory as it is written, with what its zip entry's
// header needs.
type compressed struct {
	deflated bytes.Buffer
	fw       *flate.Writer
	crc      uint32
	size     uint64
}

func (c *compressed) Write(b []byte) (int, error) {
	c.crc = crc32.Update(c.crc, crc32.IEEETable, b)
	c.size += uint64(len(b))
	return c.fw.Write(b)
}

// run is a stretch of text with one look. Link is a bookmark in the document to go to.
type run struct {
	Text    string
	Bold    bool
	Italic  bool
	Colour  *templates.Colour
	Link    string
	Small   bool
	NoBreak bool // the text is one unit (a code, a number): it never breaks across lines
}

// cell is a table cell: its paragraph's runs, its alignment, and a shade behind it.
type cell struct {
	Runs   []run
	Right  bool
	Header bool // a header cell (in a header row, or the row's header)
}

// table is a table with its caption (also its alternative-text title in Word), header rows
// that repeat on every page, and column widths in parts of the page's width.
type table struct {
	Caption string
	Header  [][]cell
	Rows    [][]cell
	Widths  []float64
}

const (
	// A4 in twentieths of a point, with 2 cm margins.
	pageWTwips   = 11906
	pageHTwips   = 16838
	marginTwips  = 1134
	contentTwips = pageWTwips - 2*marginTwips
	emuPerMM     = 36000
)

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) //nolint:errcheck // a strings.Builder does not fail
	return b.String()
}

func attr(s string) string {
	return strings.ReplaceAll(esc(s), `"`, "&quot;")
}

// bookmarkName is an anchor id made safe for Word: letters, digits and underscores, starting
// with a letter, at most 40 characters.
func bookmarkName(id string) string {
	var b strings.Builder
	b.WriteString("s_")
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
		if b.Len() >= 40 {
			break
		}
	}
	return b.String()
}

// unbreakable keeps a code or a number whole: non-breaking hyphens and spaces.
var unbreakable = strings.NewReplacer("-", "\u2011", " ", "\u00a0")

func (d *wordDoc) runXML(r run) string {
	var b strings.Builder
	text := r.Text
	if r.NoBreak {
		text = unbreakable.Replace(text)
	}
	rpr := ""
	if r.Link != "" {
		rpr += `<w:rStyle w:val="Hyperlink"/>`
	}
	if r.Bold {
		rpr += "<w:b/>"
	}
	if r.Italic {
		rpr += "<w:i/>"
	}
	if r.Colour != nil {
		rpr += `<w:color w:val="` + r.Colour.Hex()[1:] + `"/>`
	}
	if r.Small {
		rpr += `<w:sz w:val="` + halfPoints(d.style.Fonts.Small) + `"/>`
	}
	if rpr != "" {
		rpr = "<w:rPr>" + rpr + "</w:rPr>"
	}
	lines := strings.Split(text, "\n")
	b.WriteString("<w:r>" + rpr)
	for i, l := range lines {
		if i > 0 {
			b.WriteString("<w:br/>")
		}
		b.WriteString(`<w:t xml:space="preserve">` + esc(l) + "</w:t>")
	}
	b.WriteString("</w:r>")
	if r.Link != "" {
		return `<w:hyperlink w:anchor="` + attr(bookmarkName(r.Link)) + `" w:history="1">` + b.String() + "</w:hyperlink>"
	}
	return b.String()
}

func halfPoints(pt float64) string { return strconv.Itoa(int(pt*2 + 0.5)) }

// paragraph writes one paragraph in the named style ("" for Normal) with its runs.
func (d *wordDoc) paragraph(style string, keepNext bool, runs ...run) {
	d.body.WriteString(d.paragraphXML(style, keepNext, "", runs...))
}

func (d *wordDoc) paragraphXML(style string, keepNext bool, extraPPr string, runs ...run) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	ppr := ""
	if style != "" {
		ppr += `<w:pStyle w:val="` + style + `"/>`
	}
	if keepNext {
		ppr += "<w:keepNext/>"
	}
	ppr += extraPPr
	if ppr != "" {
		b.WriteString("<w:pPr>" + ppr + "</w:pPr>")
	}
	for _, r := range runs {
		b.WriteString(d.runXML(r))
	}
	b.WriteString("</w:p>")
	return b.String()
}

// heading writes a real Word heading (Heading1 to Heading4, so the navigation pane and a
// table of contents find it), bookmarked as anchor when one is given, and a link to the
// bookmark link when one is given.
func (d *wordDoc) heading(level int, text, anchor, link string) {
	level = min(max(level, 1), 4)
	d.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="Heading` + strconv.Itoa(level) + `"/></w:pPr>`)
	if anchor != "" {
		d.bookmarks++
		id := strconv.Itoa(d.bookmarks)
		d.body.WriteString(`<w:bookmarkStart w:id="` + id + `" w:name="` + attr(bookmarkName(anchor)) + `"/>`)
		d.body.WriteString(d.runXML(run{Text: text, Link: link}))
		d.body.WriteString(`<w:bookmarkEnd w:id="` + id + `"/>`)
	} else {
		d.body.WriteString(d.runXML(run{Text: text, Link: link}))
	}
	d.body.WriteString("</w:p>")
}

// title writes the document's title paragraph (Word's Title style).
func (d *wordDoc) titlePara(text string) { d.paragraph("Title", true, run{Text: text}) }

// bullet writes a list item of the one bulleted list style.
func (d *wordDoc) bullet(runs ...run) {
	d.body.WriteString(d.paragraphXML("ListBullet", false, `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`, runs...))
}

// pageBreak starts a new page.
func (d *wordDoc) pageBreak() { d.body.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`) }

// table writes t with its caption above it; header rows repeat on each page and no row
// breaks across pages.
func (d *wordDoc) table(t table) {
	if t.Caption != "" {
		d.paragraph("Caption", true, run{Text: t.Caption})
	}
	cols := len(t.Widths)
	if cols == 0 {
		for _, r := range append(append([][]cell{}, t.Header...), t.Rows...) {
			cols = max(cols, len(r))
		}
	}
	widths := make([]int, cols)
	for i := range widths {
		if i < len(t.Widths) && t.Widths[i] > 0 {
			widths[i] = int(t.Widths[i] * contentTwips)
		} else {
			widths[i] = contentTwips / max(cols, 1)
		}
	}
	b := d.body
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="ReportTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/>`)
	b.WriteString(`<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>`)
	if t.Caption != "" {
		b.WriteString(`<w:tblCaption w:val="` + attr(t.Caption) + `"/>`)
	}
	b.WriteString(`</w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	row := func(cells []cell, header bool) {
		b.WriteString("<w:tr><w:trPr><w:cantSplit/>")
		if header {
			b.WriteString("<w:tblHeader/>")
		}
		b.WriteString("</w:trPr>")
		for i := range cols {
			var c cell
			if i < len(cells) {
				c = cells[i]
			}
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(widths[i]) + `" w:type="dxa"/>`)
			if header || c.Header {
				b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + d.style.Colours.Fill.Hex()[1:] + `"/>`)
			}
			b.WriteString("</w:tcPr>")
			ppr := `<w:spacing w:before="20" w:after="20"/>`
			if c.Right {
				ppr += `<w:jc w:val="right"/>`
			}
			runs := c.Runs
			if header || c.Header {
				runs = boldRuns(runs)
			}
			b.WriteString(d.paragraphXML("TableText", false, ppr, runs...))
			b.WriteString("</w:tc>")
		}
		b.WriteString("</w:tr>")
	}
	for _, h := range t.Header {
		row(h, true)
	}
	for _, r := range t.Rows {
		row(r, false)
	}
	b.WriteString("</w:tbl>")
	// Word needs a paragraph between two tables, and one after a table reads better.
	d.paragraph("", false)
}

func boldRuns(rs []run) []run {
	out := make([]run, len(rs))
	for i, r := range rs {
		r.Bold = true
		out[i] = r
	}
	return out
}

// picture shows the package's next picture inline, widthMM by heightMM, named and described
// for assistive technology (Word's alternative text is docPr's descr); putPicture writes it.
func (d *wordDoc) picture(widthMM, heightMM float64, name, alt string) {
	d.pictures++
	n := strconv.Itoa(d.pictures)
	rid := "rIdPic" + n
	cx, cy := strconv.Itoa(int(widthMM*emuPerMM)), strconv.Itoa(int(heightMM*emuPerMM))
	fmt.Fprintf(d.body, `<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">`+
		`<wp:extent cx="%s" cy="%s"/><wp:docPr id="%s" name="%s" descr="%s"/>`+
		`<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>`+
		`<pic:nvPicPr><pic:cNvPr id="%s" name="%s" descr="%s"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%s" cy="%s"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
		`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`,
		cx, cy, n, attr(name), attr(alt), n, attr(name), attr(alt), rid, cx, cy)
}

// putPicture writes the next picture's PNG into the package, stored as it is.
func (d *wordDoc) putPicture(png []byte) error {
	if d.stored >= d.pictures {
		return fmt.Errorf("word edition: picture %d written before the body shows it", d.stored+1)
	}
	d.stored++
	f, err := d.zip.CreateHeader(&zip.FileHeader{Name: "word/media/chart" + strconv.Itoa(d.stored) + ".png", Method: zip.Store, Modified: d.when})
	if err != nil {
		return err
	}
	_, err = f.Write(png)
	return err
}

// begin starts the package on w: its fixed parts, and the body's opening. Entries are dated
// the report's date (as the workbook's are) and come in a fixed order, so that the same
// document gives the same bytes.
func (d *wordDoc) begin(w io.Writer) error {
	d.zip = zip.NewWriter(w)
	d.when = d.modified.UTC()
	if d.when.Before(fixedZipTime) {
		d.when = fixedZipTime
	}
	for _, p := range d.fixedParts() {
		f, err := d.zip.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: d.when})
		if err != nil {
			return err
		}
		if _, err := f.Write(p.data); err != nil {
			return err
		}
	}
	// level 5, as archive/zip's own Deflate entries
	fw, err := flate.NewWriter(&d.bodyZ.deflated, 5)
	if err != nil {
		return err
	}
	d.bodyZ.fw = fw
	d.body = bufio.NewWriterSize(&d.bodyZ, 32<<10)
	d.body.WriteString(xmlPI + `<w:document ` + nsW + ` ` + nsR + ` ` + nsWP + ` ` + nsA + ` ` + nsPic + `><w:body>`)
	return nil
}

// finish ends the body and writes it, then its relationships, and closes the package.
func (d *wordDoc) finish() error {
	if d.stored != d.pictures {
		return fmt.Errorf("word edition: the body shows %d pictures but %d were written", d.pictures, d.stored)
	}
	fmt.Fprintf(d.body, `<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/>`+
		`<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`,
		pageWTwips, pageHTwips, marginTwips, marginTwips, marginTwips, marginTwips)
	d.body.WriteString(`</w:body></w:document>`)
	if err := d.body.Flush(); err != nil {
		return err
	}
	if err := d.bodyZ.fw.Close(); err != nil {
		return err
	}
	h := &zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, Modified: d.when,
		CRC32: d.bodyZ.crc, CompressedSize64: uint64(d.bodyZ.deflated.Len()), UncompressedSize64: d.bodyZ.size}
	datedRaw(h)
	f, err := d.zip.CreateRaw(h)
	if err != nil {
		return err
	}
	if _, err := d.bodyZ.deflated.WriteTo(f); err != nil {
		return err
	}
	f, err = d.zip.CreateHeader(&zip.FileHeader{Name: "word/_rels/document.xml.rels", Method: zip.Deflate, Modified: d.when})
	if err != nil {
		return err
	}
	if _, err := f.Write(d.documentRels()); err != nil {
		return err
	}
	return d.zip.Close()
}

// datedRaw dates h, an entry for zip.Writer.CreateRaw, as CreateHeader dates its entries
// from Modified (CreateRaw takes the header as it is): the MS-DOS date and time, and the
// extended timestamp.
func datedRaw(h *zip.FileHeader) {
	t := h.Modified
	//lint:ignore SA1019 CreateRaw writes the header as given: the MS-DOS fields must be set here
	h.ModifiedDate = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	//lint:ignore SA1019 as above
	h.ModifiedTime = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	var x [9]byte
	binary.LittleEndian.PutUint16(x[0:], 0x5455) // extended timestamp
	binary.LittleEndian.PutUint16(x[2:], 5)
	x[4] = 1 // the modification time alone
	binary.LittleEndian.PutUint32(x[5:], uint32(t.Unix()))
	h.Extra = append(h.Extra, x[:]...)
}

// part is one file of the package.
type part struct {
	name string
	data []byte
}

// fixedZipTime is the earliest time a zip entry can carry (DOS time starts in 1980), used
// when the report has no date.
var fixedZipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

const (
	nsW   = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	nsR   = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	nsWP  = `xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"`
	nsA   = `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"`
	nsPic = `xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"`
	xmlPI = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	relNS = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
)

// fixedParts are the parts that do not grow with the report, in the order written.
func (d *wordDoc) fixedParts() []part {
	ps := []part{
		{"[Content_Types].xml", d.contentTypes()},
		{"_rels/.rels", []byte(xmlPI + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + relNS + `/officeDocument" Target="word/document.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
			`<Relationship Id="rId3" Type="` + relNS + `/extended-properties" Target="docProps/app.xml"/>` +
			`</Relationships>`)},
		{"docProps/core.xml", d.coreProps()},
		{"docProps/app.xml", []byte(xmlPI + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>qpr</Application></Properties>`)},
		{"word/styles.xml", d.stylesXML()},
		{"word/numbering.xml", []byte(xmlPI + `<w:numbering ` + nsW + `><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>` +
			`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>` +
			`<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`)},
		{"word/settings.xml", []byte(xmlPI + `<w:settings ` + nsW + `><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>` +
			`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
			`<w:themeFontLang w:val="` + attr(d.language) + `"/></w:settings>`)},
		{"word/header1.xml", d.headerXML()},
		{"word/footer1.xml", d.footerXML()},
	}
	return ps
}

func (d *wordDoc) contentTypes() []byte {
	var b strings.Builder
	b.WriteString(xmlPI + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	b.WriteString(`<Default Extension="png" ContentType="image/png"/>`)
	for _, o := range []struct{ part, typ string }{
		{"/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"},
		{"/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"},
		{"/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"},
		{"/word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"},
		{"/word/header1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"},
		{"/word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
		{"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
	} {
		b.WriteString(`<Override PartName="` + o.part + `" ContentType="` + o.typ + `"/>`)
	}
	b.WriteString(`</Types>`)
	return []byte(b.String())
}

func (d *wordDoc) coreProps() []byte {
	when := d.modified.UTC().Format("2006-01-02T15:04:05Z")
	return []byte(xmlPI + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(d.title) + `</dc:title><dc:subject>` + esc(d.subject) + `</dc:subject>` +
		`<dc:creator>` + esc(d.creator) + `</dc:creator><dc:language>` + esc(d.language) + `</dc:language>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + when + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + when + `</dcterms:modified>` +
		`</cp:coreProperties>`)
}

func (d *wordDoc) documentRels() []byte {
	var b strings.Builder
	b.WriteString(xmlPI + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	b.WriteString(`<Relationship Id="rIdStyles" Type="` + relNS + `/styles" Target="styles.xml"/>`)
	b.WriteString(`<Relationship Id="rIdNumbering" Type="` + relNS + `/numbering" Target="numbering.xml"/>`)
	b.WriteString(`<Relationship Id="rIdSettings" Type="` + relNS + `/settings" Target="settings.xml"/>`)
	b.WriteString(`<Relationship Id="rIdHeader" Type="` + relNS + `/header" Target="header1.xml"/>`)
	b.WriteString(`<Relationship Id="rIdFooter" Type="` + relNS + `/footer" Target="footer1.xml"/>`)
	for i := range d.pictures {
		fmt.Fprintf(&b, `<Relationship Id="rIdPic%d" Type="%s/image" Target="media/chart%d.png"/>`, i+1, relNS, i+1)
	}
	b.WriteString(`</Relationships>`)
	return []byte(b.String())
}

func (d *wordDoc) headerXML() []byte {
	runs := []run{{Text: d.head, Small: true, Colour: &d.style.Colours.Muted}}
	if d.marking != "" {
		runs = append([]run{{Text: d.marking + " — ", Bold: true, Small: true, Colour: &d.style.Colours.Red}}, runs...)
	}
	return []byte(xmlPI + `<w:hdr ` + nsW + ` ` + nsR + `>` + d.paragraphXML("Header", false, "", runs...) + `</w:hdr>`)
}

func (d *wordDoc) footerXML() []byte {
	muted := d.style.Colours.Muted.Hex()[1:]
	sz := halfPoints(d.style.Fonts.Small)
	rpr := `<w:rPr><w:color w:val="` + muted + `"/><w:sz w:val="` + sz + `"/></w:rPr>`
	field := func(instr, shown string) string {
		return `<w:fldSimple w:instr=" ` + instr + ` "><w:r>` + rpr + `<w:t>` + shown + `</w:t></w:r></w:fldSimple>`
	}
	text := func(s string) string { return `<w:r>` + rpr + `<w:t xml:space="preserve">` + esc(s) + `</w:t></w:r>` }
	lead := ""
	if d.foot != "" {
		lead = text(d.foot + " · ")
	}
	return []byte(xmlPI + `<w:ftr ` + nsW + ` ` + nsR + `><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="right"/></w:pPr>` +
		lead + text("Page ") + field("PAGE", "1") + text(" of ") + field("NUMPAGES", "1") + `</w:p></w:ftr>`)
}

func (d *wordDoc) stylesXML() []byte {
	c := d.style.Colours
	f := d.style.Fonts
	font := `<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>`
	para := func(id, name string, pPr, rPr string, extra string) string {
		return `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
			extra + `<w:qFormat/><w:pPr>` + pPr + `</w:pPr><w:rPr>` + rPr + `</w:rPr></w:style>`
	}
	heading := func(level int, size float64) string {
		id := "Heading" + strconv.Itoa(level)
		return para(id, "heading "+strconv.Itoa(level),
			`<w:keepNext/><w:keepLines/><w:spacing w:before="`+strconv.Itoa(360-60*level)+`" w:after="120"/><w:outlineLvl w:val="`+strconv.Itoa(level-1)+`"/>`,
			`<w:b/><w:color w:val="`+c.Accent.Hex()[1:]+`"/><w:sz w:val="`+halfPoints(size)+`"/>`, "")
	}
	var b strings.Builder
	b.WriteString(xmlPI + `<w:styles ` + nsW + `>`)
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr>` + font + `<w:color w:val="` + c.Text.Hex()[1:] + `"/><w:sz w:val="` + halfPoints(f.Body) + `"/>` +
		`<w:lang w:val="` + attr(d.language) + `" w:eastAsia="` + attr(d.language) + `" w:bidi="` + attr(d.language) + `"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	b.WriteString(para("Title", "Title", `<w:spacing w:before="0" w:after="240"/>`, `<w:b/><w:color w:val="`+c.Accent.Hex()[1:]+`"/><w:sz w:val="`+halfPoints(f.Title)+`"/>`, ""))
	b.WriteString(heading(1, f.Heading))
	b.WriteString(heading(2, f.Subheading+1))
	b.WriteString(heading(3, f.Subheading))
	b.WriteString(heading(4, f.Body+0.5))
	b.WriteString(para("Caption", "caption", `<w:keepNext/><w:spacing w:before="120" w:after="60"/>`, `<w:b/><w:sz w:val="`+halfPoints(f.Table+0.5)+`"/>`, ""))
	b.WriteString(para("TableText", "Table Text", `<w:spacing w:after="0"/>`, `<w:sz w:val="`+halfPoints(f.Table)+`"/>`, ""))
	b.WriteString(para("ListBullet", "List Bullet", `<w:spacing w:after="60"/>`, ``, ""))
	b.WriteString(para("Note", "Note", ``, `<w:color w:val="`+c.Muted.Hex()[1:]+`"/><w:sz w:val="`+halfPoints(f.Small+0.5)+`"/>`, ""))
	b.WriteString(para("Header", "header", `<w:spacing w:after="0"/>`, ``, ""))
	b.WriteString(para("Footer", "footer", `<w:spacing w:after="0"/>`, ``, ""))
	b.WriteString(`<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="` + c.Accent.Hex()[1:] + `"/><w:u w:val="single"/></w:rPr></w:style>`)
	b.WriteString(`<w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:tblPr><w:tblBorders>` +
		`<w:top w:val="single" w:sz="4" w:space="0" w:color="` + c.Rule.Hex()[1:] + `"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="` + c.Rule.Hex()[1:] + `"/>` +
		`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="` + c.Rule.Hex()[1:] + `"/></w:tblBorders>` +
		`<w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	b.WriteString(`</w:styles>`)
	return []byte(b.String())
}
