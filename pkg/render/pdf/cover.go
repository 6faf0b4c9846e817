package pdf

import (
	"bytes"
	"fmt"
	"image/png"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/example/qpr/pkg/render/pdf/pdfpost"
)

func (d *doc) cover() {
	d.newPage()
	cv := d.doc.Cover
	c := d.st.Colours
	// a band of the accent colour across the top, as printed covers have
	d.artifact(func() {
		d.fillColour(c.Accent)
		d.rect(0, 0, pageW, 12, "F")
	})

	// The logo is decoration: the organisation's name follows in words.
	if logo := d.t.Logo(); logo != nil {
		d.artifact(func() { d.logo(logo) })
	}
	if m := d.doc.Marking; m != "" {
		d.font("B", d.st.Fonts.Heading)
		d.textColour(c.Red)
		d.drawColour(c.Red)
		d.lineWidth(0.8)
		w := d.pdf.GetStringWidth(strings.ToUpper(m)) + 8
		d.pdf.SetXY(marginL, 40)
		d.tag(pdfpost.P, func() { d.pdf.CellFormat(w, 11, strings.ToUpper(m), "1", 0, "C", false, 0, "") })
	}
	y := 70.0
	d.pdf.SetXY(marginL, y)
	d.font("B", d.st.Fonts.Subheading+2)
	d.textColour(c.Muted)
	d.tag(pdfpost.P, func() { d.multiCell(contentW, lineH(d.st.Fonts.Subheading+2), cv.Organisation) })
	d.pdf.Ln(4)
	d.font("B", d.st.Fonts.Title)
	d.textColour(c.Accent)
	d.tag(pdfpost.H1, func() { d.multiCell(contentW, lineH(d.st.Fonts.Title)*0.95, cv.Title) })
	if cv.Subtitle != "" {
		d.pdf.Ln(2)
		d.font("", d.st.Fonts.Heading)
		d.tag(pdfpost.P, func() { d.multiCell(contentW, lineH(d.st.Fonts.Heading), cv.Subtitle) })
	}
	d.pdf.Ln(6)
	d.artifact(func() {
		d.drawColour(c.Accent)
		d.lineWidth(0.8)
		d.line(marginL, d.pdf.GetY(), marginL+40, d.pdf.GetY())
	})
	d.pdf.Ln(6)
	d.font("B", d.st.Fonts.Subheading)
	d.textColour(c.Text)
	d.tag(pdfpost.P, func() { d.multiCell(contentW, lineH(d.st.Fonts.Subheading), cv.Period) })
	d.pdf.Ln(1)
	d.font("", d.st.Fonts.Body+1)
	d.tag(pdfpost.P, func() { d.multiCell(contentW, lineH(d.st.Fonts.Body+1), cv.AsAt) })

	d.coverCounts()
}

// coverCounts puts the quarter's headline ratings on the cover.
func (d *doc) coverCounts() {
	cv := d.doc.Cover
	if len(cv.Headline) == 0 {
		return
	}
	y := 200.0
	d.font("", d.st.Fonts.Body)
	d.textColour(d.st.Colours.Muted)
	d.pdf.SetXY(marginL, y)
	d.tag(pdfpost.P, func() { d.pdf.CellFormat(contentW, lineH(d.st.Fonts.Body), cv.HeadlineIntro, "", 1, "L", false, 0, "") })
	y += 9
	boxW := 40.0
	// The counts are a list, each item in a box beside its status's mark.
	d.tags.Begin(pdfpost.L, pdfpost.Attr{})
	defer d.tags.End()
	for i, it := range cv.Headline {
		x := marginL + float64(i)*(boxW+6)
		d.artifact(func() {
			d.drawColour(d.st.Colours.Rule)
			d.lineWidth(0.3)
			d.rect(x, y, boxW, 24, "D")
			d.mark(it.Status, x+8, y+9, 6)
		})
		d.tags.Begin(pdfpost.LI, pdfpost.Attr{})
		// drawn as two pieces, read as one phrase: "15 rated Green"
		d.tags.Tag(pdfpost.LBody, pdfpost.Attr{ActualText: fmt.Sprint(it.N) + " " + it.Text}, func() {
			d.font("B", 22)
			d.textColour(d.st.Colours.Text)
			d.pdf.SetXY(x+13, y+3)
			d.cell(boxW-14, 12, fmt.Sprint(it.N), 0, "L")
			d.font("", d.st.Fonts.Body)
			d.pdf.SetXY(x+3, y+16)
			d.cell(boxW-6, 6, it.Text, 0, "L")
		})
		d.tags.End()
	}
	d.textColour(d.st.Colours.Text)
}

// logo sits at the top right of the cover, at most 50 by 25 mm, keeping its proportions.
func (d *doc) logo(data []byte) {
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width == 0 || cfg.Height == 0 {
		d.fail(fmt.Errorf("%s: is not a PNG image the PDF can use", d.t.LogoFile()))
		return
	}
	w, h := 50.0, 50.0*float64(cfg.Height)/float64(cfg.Width)
	if h > 25 {
		w, h = 25*float64(cfg.Width)/float64(cfg.Height), 25
	}
	opt := fpdf.ImageOptions{ImageType: "PNG", ReadDpi: false}
	d.pdf.RegisterImageOptionsReader("logo", opt, bytes.NewReader(data))
	if err := d.pdf.Error(); err != nil {
		d.fail(fmt.Errorf("%s: cannot be placed in the PDF: %v; save it as an 8-bit PNG", d.t.LogoFile(), err))
		return
	}
	d.pdf.ImageOptions("logo", pageW-marginR-w, 22, w, h, false, opt, 0, "")
}
