package pdf

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/example/qpr/templates"
)

// BenchmarkCompression1000 renders a 1,000-indicator report (the fixture's indicators
// repeated) both ways side by side: fpdf compressing each page with a new compressor, and
// fpdf writing the pages plain for pdfpost to compress with pooled ones (what Render does).
// Both give the same bytes (TestCompressionIsFpdfs).
func BenchmarkCompression1000(b *testing.B) {
	r := fixtureReport()
	base := r.Indicators
	r.Indicators = nil
	for i := 0; len(r.Indicators) < 1000; i++ {
		ind := base[i%len(base)]
		ind.Code = fmt.Sprintf("%s-%03d", ind.Code, i)
		r.Indicators = append(r.Indicators, ind)
	}
	r = printableReport(r)
	tmpl := templates.Default()
	b.Run("fpdf-compresses", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			d, err := layout(r, tmpl)
			if err != nil {
				b.Fatal(err)
			}
			d.pdf.SetCompression(true)
			var out bytes.Buffer
			if err := d.pdf.Output(&out); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("pdfpost-compresses", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var out bytes.Buffer
			if err := Render(&out, r, tmpl); err != nil {
				b.Fatal(err)
			}
		}
	})
}
