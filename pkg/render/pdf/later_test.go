package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/render/pdf/pdfpost"
	"github.com/example/qpr/templates"
)

// A cell kept out of fpdf (keepCell) is written as fpdf's CellFormat writes it: each case is
// drawn twice on a page, the first time by fpdf (which puts its characters in the font's
// subset), the second kept; the file must be the one written with fpdf drawing both.
// The cases cover what the report's pages may not: text in a colour apart from the fill
// colour (grey and not), every alignment and line ending, and characters whose UTF-16
// bytes fpdf escapes: "(", ")", "\" themselves, Ĩ (U+0128, a byte "("), 尉 (U+5C09, a byte
// "\") and ഍ (U+0D0D, a carriage return).
func TestKeptCellIsFpdfs(t *testing.T) {
	type look struct{ text, fill templates.Colour }
	grey, muted := templates.Colour{R: 80, G: 80, B: 80}, templates.Colour{R: 80, G: 90, B: 95}
	white := templates.Colour{R: 255, G: 255, B: 255}
	cases := []struct {
		text, align string
		ln          int
		look        look
		style       string
	}{
		{"Plain words", "L", 0, look{muted, muted}, ""},
		{"Centred (in brackets) \\ back", "C", 0, look{muted, muted}, "B"},
		{"Right, 12.5%", "R", 2, look{grey, white}, ""},
		{"Apart – ‘quoted’ £4", "L", 2, look{muted, white}, "I"},
		{"Ĩ 尉 ഍ escaped", "R", 0, look{grey, muted}, "BI"},
	}
	given, kept := drawnBothWays(t, func(d *doc, keep bool) {
		cellsKept := 0
		d.tags.Begin(pdfpost.P, pdfpost.Attr{})
		d.tags.Content(func() {
			for _, c := range cases {
				d.font(c.style, 9)
				d.pdf.SetTextColor(int(c.look.text.R), int(c.look.text.G), int(c.look.text.B))
				d.fillColour(c.look.fill)
				for range 2 {
					d.pdf.SetXY(marginL+10, d.pdf.GetY()+6)
					if keep && d.keepCell(80, 5, c.text, c.ln, c.align) {
						cellsKept++
						continue
					}
					d.cell(80, 5, c.text, c.ln, c.align)
				}
			}
		})
		d.tags.End()
		if keep && cellsKept != len(cases) {
			t.Errorf("%d cells kept out of fpdf, want %d (each case's second)", cellsKept, len(cases))
		}
	})
	if !bytes.Equal(given, kept) {
		t.Errorf("the page with cells kept out of fpdf differs from fpdf's (%d bytes against %d)", len(kept), len(given))
	}
}

// A paragraph drawn by multiCell is the one fpdf's MultiCell draws: the same lines, broken at
// the same places, on the same pages. Each case is drawn three times from the foot of a
// page, so that fpdf draws the characters first met and a page break falls within the
// paragraph; the file must be the one written with MultiCell drawing every paragraph. The
// cases cover what MultiCell treats apart: explicit and trailing line feeds, carriage
// returns (dropped), a word longer than the line, Chinese characters (each a place to
// break), spaces at a break, an empty paragraph and characters fpdf escapes.
func TestKeptParagraphIsFpdfs(t *testing.T) {
	long := strings.Repeat("Supercalifragilistic", 12)
	cases := []struct {
		text  string
		width float64
		style string
	}{
		{"Plain words in a paragraph long enough to wrap onto a second line and then a third line of words at this width.", 80, ""},
		{"First line\nSecond line after a line feed\n\nafter an empty line\n\n", 60, "B"},
		{"Carriage\r\nreturns are\rdropped", 60, "I"},
		{"A " + long + " word longer than the line", 50, ""},
		{long, 40, "BI"},
		{"中文字符每个都可以断行中文字符每个都可以断行中文字符每个都可以断行", 30, ""},
		{"Spaces   at    the     break    point     where      the       line        ends", 35, ""},
		{"", 60, ""},
		{"\n", 60, ""},
		{"Brackets (and) \\ back-slashes, Ĩ 尉 ഍ – ‘quoted’ £4 and 12.5%", 45, "B"},
	}
	given, kept := drawnBothWays(t, func(d *doc, keep bool) {
		d.tags.Begin(pdfpost.P, pdfpost.Attr{})
		d.tags.Content(func() {
			for _, c := range cases {
				d.font(c.style, 9)
				d.textColour(d.st.Colours.Text)
				for range 3 {
					d.pdf.SetXY(marginL+10, pageH-marginBottom-12)
					d.multiCell(c.width, 5, c.text)
				}
			}
		})
		d.tags.End()
	})
	if !bytes.Equal(given, kept) {
		t.Errorf("the paragraphs kept out of fpdf differ from fpdf's (%d bytes against %d)", len(kept), len(given))
	}
	if len(given) == 0 {
		t.Fatal("nothing drawn")
	}
}

// A circle kept out of fpdf is the one fpdf's Circle draws, to the last of its five places,
// filled, stroked or both, at sizes and places chosen to round both ways.
func TestKeptCircleIsFpdfs(t *testing.T) {
	given, kept := drawnBothWays(t, func(d *doc, keep bool) {
		d.artifact(func() {
			for i, style := range []string{"F", "D", "FD"} {
				for j, r := range []float64{0.3, 1.25, 2.4, 7.777} {
					d.circle(marginL+float64(j)*23.3+0.017*float64(i), 40+float64(i)*31.7+r, r, style)
				}
			}
		})
		if keep && d.later() == nil {
			t.Fatal("the page keeps nothing out of fpdf")
		}
	})
	if !bytes.Equal(given, kept) {
		t.Errorf("the circles kept out of fpdf differ from fpdf's (%d bytes against %d)", len(kept), len(given))
	}
}

// A colour or line width set again unchanged is kept out of fpdf as fpdf writes it, grey and
// not, stroke and fill, after a page break as before one.
func TestKeptSettingsAreFpdfs(t *testing.T) {
	grey, teal := templates.Colour{R: 80, G: 80, B: 80}, templates.Colour{R: 0, G: 110, B: 127}
	given, kept := drawnBothWays(t, func(d *doc, keep bool) {
		d.artifact(func() {
			for page := range 2 {
				if page > 0 {
					d.newPage()
				}
				for i := range 3 {
					for _, c := range []templates.Colour{grey, grey, teal, teal} {
						d.drawColour(c)
						d.fillColour(c)
						d.lineWidth(0.35)
						d.lineWidth(0.35)
						d.line(marginL, 50+float64(i)*10, marginL+40, 50+float64(i)*10)
						d.rect(marginL+50, 50+float64(i)*10, 5, 5, "F")
					}
					d.lineWidth(0.123)
				}
			}
		})
	})
	if !bytes.Equal(given, kept) {
		t.Errorf("the settings kept out of fpdf differ from fpdf's (%d bytes against %d)", len(kept), len(given))
	}
}

// drawnBothWays draws a page with paint twice, first with fpdf drawing everything, then with
// what can be kept out of fpdf kept (keep says which), and returns the two files.
func drawnBothWays(t *testing.T, paint func(d *doc, keep bool)) (given, kept []byte) {
	t.Helper()
	document, err := present.DocumentOf(fixtureReport(), templates.Default())
	if err != nil {
		t.Fatal(err)
	}
	defer func(keep bool) { keepLater = keep }(keepLater)
	draw := func(keep bool) []byte {
		keepLater = keep
		d := newDoc(document, templates.Default())
		d.pdf.AddPage()
		paint(d, keep)
		later := d.laters[d.first]
		first, last, err := d.finish()
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := d.parts.WriteLater(&out, first, last, later, nil, d.tags); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	return draw(false), draw(true)
}
