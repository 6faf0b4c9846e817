package pdf

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"github.com/example/qpr/pkg/render/pdf/pdfpost"
)

// What the painter writes most, the lines, the rectangles, the marks placed and the tags, is
// kept out of fpdf (pdfpost.Later): fpdf holds every byte of a page's content in a buffer
// grown by doubling and copies all of it twice more as it writes the file, only for pdfpost
// to compress it. The page gets a mark of one byte instead, which pdfpost replaces with the
// content as it compresses the page, formatted here as fpdf formats it: the file is the same
// byte for byte (TestKeptContentIsFpdfs).

// keepLater is whether parts keep content out of fpdf; the tests that compare the painter's
// file with fpdf's own turn it off.
var keepLater = true

// keep writes content, whole lines of page content without the last newline, into the page
// being drawn as fpdf's RawWriteStr would, kept out of fpdf where the page is a part's (not
// a template's).
func (d *doc) keep(content []byte) {
	if l := d.later(); l != nil {
		d.pdf.RawWriteStr(pdfpost.LaterMark)
		l.Write(d.pdf.PageNo(), content)
		return
	}
	d.pdf.RawWriteStr(string(content))
}

// keepString is keep of a string.
func (d *doc) keepString(content string) {
	if l := d.later(); l != nil {
		d.pdf.RawWriteStr(pdfpost.LaterMark)
		l.WriteString(d.pdf.PageNo(), content)
		return
	}
	d.pdf.RawWriteStr(content)
}

// later is where the page being drawn keeps content out of fpdf, nil where it keeps none:
// a template's page, or no page begun.
func (d *doc) later() *pdfpost.Later {
	if d.pdf.PageNo() < 1 {
		return nil
	}
	return d.laters[d.pdf]
}

// path is path operators formatted as fpdf formats them, in page coordinates from the
// painter's (mm from the top left), for keep; or, where nothing is kept (a template, or
// keepLater off), drawn by fpdf itself.
type path struct {
	b    []byte
	k, h float64
	fpdf *fpdf.Fpdf // non-nil: fpdf draws
}

// path starts a path on the page being drawn; draw writes it. One path is reused.
func (d *doc) path() *path {
	p := &d.scratch
	p.b = p.b[:0]
	p.fpdf = nil
	if d.later() == nil {
		p.fpdf = d.pdf
		return p
	}
	p.k = d.pdf.GetConversionRatio()
	_, p.h = d.pdf.GetPageSize()
	return p
}

func (p *path) num(v float64) {
	p.b = strconv.AppendFloat(p.b, v, 'f', 2, 64)
}

func (p *path) next() {
	if len(p.b) > 0 {
		p.b = append(p.b, '\n')
	}
}

// line is fpdf's Line.
func (p *path) line(x1, y1, x2, y2 float64) {
	if p.fpdf != nil {
		p.fpdf.Line(x1, y1, x2, y2)
		return
	}
	p.next()
	p.num(x1 * p.k)
	p.b = append(p.b, ' ')
	p.num((p.h - y1) * p.k)
	p.b = append(p.b, " m "...)
	p.num(x2 * p.k)
	p.b = append(p.b, ' ')
	p.num((p.h - y2) * p.k)
	p.b = append(p.b, " l S"...)
}

// rect is fpdf's Rect, filled for style "F", stroked for "D".
func (p *path) rect(x, y, w, h float64, style string) {
	if p.fpdf != nil {
		p.fpdf.Rect(x, y, w, h, style)
		return
	}
	op := "S"
	if style == "F" {
		op = "f"
	}
	p.next()
	p.num(x * p.k)
	p.b = append(p.b, ' ')
	p.num((p.h - y) * p.k)
	p.b = append(p.b, ' ')
	p.num(w * p.k)
	p.b = append(p.b, ' ')
	p.num(-h * p.k)
	p.b = append(p.b, " re "...)
	p.b = append(p.b, op...)
}

// circle is fpdf's Circle, filled for style "F", stroked for "D", both for "FD": fpdf's arc
// of six Bézier curves, worked out and formatted as fpdf works them out.
func (p *path) circle(x, y, r float64, style string) {
	if p.fpdf != nil {
		p.fpdf.Circle(x, y, r, style)
		return
	}
	op := style // as fpdf's fillDrawOp
	switch style {
	case "F":
		op = "f"
	case "D", "":
		op = "S"
	case "FD", "DF":
		op = "B"
	}
	k, h := p.k, p.h
	x *= k
	y = (h - y) * k
	rx, ry := r*k, r*k
	const segments = 6
	angleStart := 0 * math.Pi / 180
	angleEnd := 360 * math.Pi / 180
	dt := (angleEnd - angleStart) / float64(segments)
	dtm := dt / 3
	t := angleStart
	a0 := x + rx*math.Cos(t)
	b0 := y + ry*math.Sin(t)
	c0 := -rx * math.Sin(t)
	d0 := ry * math.Cos(t)
	p.next()
	sx, sy := a0/k, h-(b0/k)
	p.num(sx * k)
	p.b = append(p.b, ' ')
	p.num((h - sy) * k)
	p.b = append(p.b, " m\n"...)
	for j := 1; j <= segments; j++ {
		t = (float64(j) * dt) + angleStart
		a1 := x + rx*math.Cos(t)
		b1 := y + ry*math.Sin(t)
		c1 := -rx * math.Sin(t)
		d1 := ry * math.Cos(t)
		p.curve((a0+(c0*dtm))/k, h-((b0+(d0*dtm))/k), (a1-(c1*dtm))/k, h-((b1-(d1*dtm))/k), a1/k, h-(b1/k))
		a0, b0, c0, d0 = a1, b1, c1, d1
	}
	p.b = append(p.b, op...)
}

// curve is fpdf's curve: a Bézier segment from the current point, its numbers to five places.
func (p *path) curve(cx0, cy0, cx1, cy1, x, y float64) {
	for i, v := range [6]float64{cx0 * p.k, (p.h - cy0) * p.k, cx1 * p.k, (p.h - cy1) * p.k, x * p.k, (p.h - y) * p.k} {
		if i > 0 {
			p.b = append(p.b, ' ')
		}
		p.b = strconv.AppendFloat(p.b, v, 'f', 5, 64)
	}
	p.b = append(p.b, " c\n"...)
}

// circle draws a circle as fpdf's Circle does, style "F", "D" or "FD".
func (d *doc) circle(x, y, r float64, style string) {
	p := d.path()
	p.circle(x, y, r, style)
	d.draw(p)
}

// draw writes the path into the page.
func (d *doc) draw(p *path) {
	if len(p.b) > 0 {
		d.keep(p.b)
	}
}

// line draws a line as fpdf's Line does.
func (d *doc) line(x1, y1, x2, y2 float64) {
	p := d.path()
	p.line(x1, y1, x2, y2)
	d.draw(p)
}

// rect draws a rectangle as fpdf's Rect does, style "F" or "D".
func (d *doc) rect(x, y, w, h float64, style string) {
	p := d.path()
	p.rect(x, y, w, h, style)
	d.draw(p)
}

// place draws template t, size mm square, with its top left corner at (x, y), as fpdf's
// UseTemplateScaled does, once t is in the part's resources: fpdf's first use of it put it
// there.
func (d *doc) place(t stampTemplate, x, y, size float64) {
	if t.part != d.pdf || d.later() == nil {
		d.pdf.UseTemplateScaled(t, fpdf.PointType{X: x, Y: y}, fpdf.SizeType{Wd: size, Ht: size})
		return
	}
	_, tplSize := t.Size()
	p := d.path()
	k := p.k
	p.b = append(p.b, "q "...)
	p.b = strconv.AppendFloat(p.b, size/tplSize.Wd, 'f', 4, 64)
	p.b = append(p.b, " 0 0 "...)
	p.b = strconv.AppendFloat(p.b, size/tplSize.Ht, 'f', 4, 64)
	p.b = append(p.b, ' ')
	p.b = strconv.AppendFloat(p.b, x*k, 'f', 4, 64)
	p.b = append(p.b, ' ')
	p.b = strconv.AppendFloat(p.b, (pageH-y-size)*k, 'f', 4, 64)
	p.b = append(p.b, " cm\n/TPL"...)
	p.b = append(p.b, t.id...)
	p.b = append(p.b, " Do Q"...)
	d.draw(p)
}

// cell draws text as fpdf's CellFormat(w, h, text, "", ln, align, false, 0, "") does (no
// border, fill or link; ln 0 or 2; align "L", "C" or "R"), kept out of fpdf where it can be:
// on a part's page, with no page break to make, and every character of text already in the
// font's subset, which only fpdf's own drawing of text puts it in. Text is most of a page's
// content, and fpdf formats each cell with fmt.
func (d *doc) cell(w, h float64, text string, ln int, align string) {
	if !d.keepCell(w, h, text, ln, align) {
		d.pdf.CellFormat(w, h, text, "", ln, align, false, 0, "")
		d.drawn(text)
	}
}

// fontRunes are the characters fpdf has drawn in each style of the body font in a part, so
// that its subset of the font holds them.
type fontRunes struct {
	style [4]runeSet
}

type runeSet struct {
	latin [256]bool
	more  map[rune]bool
}

func styleIndex(style string) int {
	switch style {
	case "":
		return 0
	case "B":
		return 1
	case "I":
		return 2
	case "BI":
		return 3
	}
	return -1
}

// runes is the set of characters fpdf has drawn in the current font of the current part,
// nil where none is kept.
func (d *doc) runes() *runeSet {
	fr := d.fontRunes[d.pdf]
	if fr == nil || d.pdf.GetFontFamily() != fontFamily {
		return nil
	}
	i := styleIndex(d.pdf.GetFontStyle())
	if i < 0 {
		return nil
	}
	return &fr.style[i]
}

// drawn notes that fpdf has drawn text in the current font.
func (d *doc) drawn(text string) {
	s := d.runes()
	if s == nil {
		return
	}
	for _, r := range text {
		if r < 256 {
			s.latin[r] = true
			continue
		}
		if s.more == nil {
			s.more = map[rune]bool{}
		}
		s.more[r] = true
	}
}

// keepCell is cell kept out of fpdf, or false where fpdf must draw it.
func (d *doc) keepCell(w, h float64, text string, ln int, align string) bool {
	p := d.pdf
	if text == "" || w <= 0 || (ln != 0 && ln != 2) || (align != "L" && align != "C" && align != "R") ||
		d.later() == nil || p.Err() {
		return false
	}
	x, y := p.GetXY()
	_, pageHeight := p.GetPageSize()
	if auto, margin := p.GetAutoPageBreak(); auto && y+h > pageHeight-margin {
		return false // fpdf's page break
	}
	s := d.runes()
	if s == nil {
		return false
	}
	for _, r := range text {
		if r == utf8.RuneError || r > 0xFFFF {
			return false // as fpdf writes them: not as UTF-16
		}
		if r < 256 && !s.latin[r] || r >= 256 && !s.more[r] {
			return false
		}
	}
	k := p.GetConversionRatio()
	_, fontSize := p.GetFontSize()
	var dx float64
	switch align {
	case "R":
		dx = w - p.GetCellMargin() - p.GetStringWidth(text)
	case "C":
		dx = (w - p.GetStringWidth(text)) / 2
	default:
		dx = p.GetCellMargin()
	}
	b := d.scratch.b[:0]
	tr, tg, tb := p.GetTextColor()
	fr, fg, fb := p.GetFillColor()
	colour := tr != fr || tg != fg || tb != fb // fpdf's colorFlag: the text colour set apart
	if colour {
		b = append(b, "q "...)
		b = appendColour(b, tr, tg, tb)
		b = append(b, ' ')
	}
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, (x+dx)*k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (pageHeight-(y+.5*h+.3*fontSize))*k, 'f', 2, 64)
	b = append(b, " Td ("...)
	for _, r := range text {
		b = appendEscaped(b, byte(r>>8))
		b = appendEscaped(b, byte(r))
	}
	b = append(b, ")Tj ET"...)
	if colour {
		b = append(b, " Q"...)
	}
	d.scratch.b = b
	d.keep(b)
	if ln == 0 {
		p.SetX(x + w)
	} else {
		p.SetXY(x, y+h)
	}
	return true
}

// appendColour is a text colour as fpdf writes it: a grey level, or red, green and blue.
func appendColour(b []byte, r, g, bl int) []byte { return appendColourOp(b, r, g, bl, "g", "rg") }

// appendColourOp is a colour as fpdf writes it with the operator for a grey level (gray) or
// for red, green and blue (full): "g" and "rg" fill, "G" and "RG" stroke.
func appendColourOp(b []byte, r, g, bl int, gray, full string) []byte {
	if r == g && g == bl {
		b = strconv.AppendFloat(b, float64(r)/255, 'f', 3, 64)
		b = append(b, ' ')
		return append(b, gray...)
	}
	for _, c := range []int{r, g, bl} {
		b = strconv.AppendFloat(b, float64(c)/255, 'f', 3, 64)
		b = append(b, ' ')
	}
	return append(b, full...)
}

// appendEscaped is a byte of a string in page content as fpdf escapes it.
func appendEscaped(b []byte, c byte) []byte {
	switch c {
	case '\\', '(', ')':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}

// multiCell draws text as fpdf's MultiCell(w, h, text, "", "L", false) does: the text broken
// into lines where fpdf breaks it, each line drawn as MultiCell draws it (CellFormat with ln
// 2), by cell, so that a line is kept out of fpdf where cell can keep it; then back to the
// left margin. Paragraphs are most of a page's text. fpdf draws the paragraph itself where
// nothing is kept, or where the font's widths are not known here as MultiCell knows them.
func (d *doc) multiCell(w, h float64, text string) {
	p := d.pdf
	widths := d.widths()
	if d.later() == nil || w <= 0 || p.Err() || widths == nil {
		p.MultiCell(w, h, text, "", "L", false)
		return
	}
	s := []rune(strings.ReplaceAll(text, "\r", ""))
	for _, r := range s {
		if r > 0xFFFF {
			p.MultiCell(w, h, text, "", "L", false) // fpdf's error: outside its widths
			return
		}
	}
	nb := len(s)
	for nb > 0 && s[nb-1] == '\n' {
		nb--
	}
	_, fontSize := p.GetFontSize()
	wmax := int(math.Ceil((w - 2*p.GetCellMargin()) * 1000 / fontSize))
	sep, i, j, l := -1, 0, 0, 0
	for i < nb {
		c := s[i]
		if c == '\n' {
			d.cell(w, h, string(s[j:i]), 2, "L")
			i++
			sep, j, l = -1, i, 0
			continue
		}
		if c == ' ' || c >= 0x4e00 && c <= 0x9fa5 { // a space, or a Chinese character (fpdf's isChinese)
			sep = i
		}
		l += widths.of(p, c)
		if l > wmax {
			if sep == -1 {
				if i == j {
					i++
				}
				d.cell(w, h, string(s[j:i]), 2, "L")
			} else {
				d.cell(w, h, string(s[j:sep]), 2, "L")
				i = sep + 1
			}
			sep, j, l = -1, i, 0
		} else {
			i++
		}
	}
	d.cell(w, h, string(s[j:i]), 2, "L")
	left, _, _, _ := p.GetMargins()
	p.SetX(left)
}

// glyphWidths are a font style's character widths in glyph units, as MultiCell adds them up,
// learnt from fpdf a character at a time.
type glyphWidths struct {
	latin [256]int32 // -1: not yet learnt
	more  map[rune]int
}

// widths are the current font's widths, nil where they cannot be learnt as MultiCell uses
// them: GetStringSymbolWidth gives a character the font lacks 500 units where MultiCell
// gives it the font's missing width, when that is 0.
func (d *doc) widths() *glyphWidths {
	p := d.pdf
	if p.GetFontFamily() != fontFamily {
		return nil
	}
	i := styleIndex(p.GetFontStyle())
	if i < 0 {
		return nil
	}
	g := d.glyphs[i]
	if g == nil {
		if p.GetFontDesc("", "").MissingWidth == 0 {
			return nil
		}
		g = &glyphWidths{}
		for c := range g.latin {
			g.latin[c] = -1
		}
		d.glyphs[i] = g
	}
	return g
}

func (g *glyphWidths) of(p *fpdf.Fpdf, c rune) int {
	if c < 256 {
		if w := g.latin[c]; w >= 0 {
			return int(w)
		}
		w := p.GetStringSymbolWidth(string(c))
		g.latin[c] = int32(w)
		return w
	}
	if w, ok := g.more[c]; ok {
		return w
	}
	if g.more == nil {
		g.more = map[rune]int{}
	}
	w := p.GetStringSymbolWidth(string(c))
	g.more[c] = w
	return w
}
