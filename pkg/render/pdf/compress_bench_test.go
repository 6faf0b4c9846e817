package pdf

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/render/pdf/pdfpost"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// fixtureReport1000 is the fixture's report with its indicators repeated to 1,000, each
// with a code of its own.
func fixtureReport1000() *report.Report {
	r := fixtureReport()
	base := r.Indicators
	r.Indicators = nil
	for i := 0; len(r.Indicators) < 1000; i++ {
		ind := base[i%len(base)]
		ind.Code = fmt.Sprintf("%s-%03d", ind.Code, i)
		r.Indicators = append(r.Indicators, ind)
	}
	return r
}

// BenchmarkCompression1000 renders a 1,000-indicator report (the fixture's indicators
// repeated) three ways side by side: fpdf compressing each page with a new compressor (as
// before pdfpost); fpdf writing the pages plain for pdfpost to compress with pooled ones,
// untagged (the same bytes: TestCompressionIsFpdfs); and Render, compressed and tagged.
func BenchmarkCompression1000(b *testing.B) {
	r := fixtureReport1000()
	tmpl := templates.Default()
	document, err := present.DocumentOf(printableReport(r), tmpl)
	if err != nil {
		b.Fatal(err)
	}
	defer func(keep bool) { keepLater = keep }(keepLater)
	keepLater = false // the first two write fpdf's file themselves
	b.Run("fpdf-compresses", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			d, err := layout(document, tmpl)
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
			d, err := layout(document, tmpl)
			if err != nil {
				b.Fatal(err)
			}
			var raw, out bytes.Buffer
			if err := d.pdf.Output(&raw); err != nil {
				b.Fatal(err)
			}
			if err := pdfpost.Compress(&out, raw.Bytes()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("pdfpost-compresses-and-tags", func(b *testing.B) {
		keepLater = true
		b.ReportAllocs()
		var out bytes.Buffer
		for b.Loop() {
			out.Reset()
			if err := Render(&out, r, tmpl); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(out.Len())/1024, "KiB/file")
	})
}

// BenchmarkKept1000 renders the 1,000-indicator report of BenchmarkCompression1000 with the
// lines, marks and tags kept out of fpdf (keep) and with fpdf given them, as before: the
// same bytes (TestKeptContentIsFpdfs).
func BenchmarkKept1000(b *testing.B) {
	r := fixtureReport1000()
	tmpl := templates.Default()
	defer func(keep bool) { keepLater = keep }(keepLater)
	for _, keep := range []bool{false, true} {
		b.Run(fmt.Sprintf("kept=%v", keep), func(b *testing.B) {
			keepLater = keep
			b.ReportAllocs()
			var out bytes.Buffer
			for b.Loop() {
				out.Reset()
				if err := Render(&out, r, tmpl); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
