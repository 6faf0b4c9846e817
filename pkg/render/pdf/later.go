package pdf

import (
	"strconv"

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
	if l := d.laters[d.pdf]; l != nil {
		d.pdf.RawWriteStr(pdfpost.LaterMark)
		l.Write(d.pdf.PageNo(), content)
		return
	}
	d.pdf.RawWriteStr(string(content))
}

// keepString is keep of a string.
func (d *doc) keepString(content string) {
	if l := d.laters[d.pdf]; l != nil {
		d.pdf.RawWriteStr(pdfpost.LaterMark)
		l.WriteString(d.pdf.PageNo(), content)
		return
	}
	d.pdf.RawWriteStr(content)
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
	if d.laters[d.pdf] == nil {
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
	if t.part != d.pdf || d.laters[d.pdf] == nil {
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
