package pack_test

import (
	"bytes"
	"testing"

	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/render/pdf"
	"github.com/example/qpr/pkg/render/xlsx"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// BenchmarkFullPack is one whole pack of a large council: 1,000 indicators with 20 quarters
// of data, built into a report and rendered as PDF, XLSX and JSON, as qpr build does for a
// pack (one after another here, where qpr build renders them in parallel).
func BenchmarkFullPack(b *testing.B) {
	syn := newSynthetic(1000, 20)
	store, problems := data.Match(syn.ds, syn.cat)
	if err := problems.Err(); err != nil {
		b.Fatalf("the synthetic data does not match its catalogue: %v", err)
	}
	pack := syn.cat.Packs[0]
	tmpl := templates.Default()
	var pdfBytes, xlsxBytes, jsonBytes int
	b.ReportAllocs()
	for b.Loop() {
		r, err := report.Build(report.Options{Catalogue: syn.cat, Store: store, Pack: pack})
		if err != nil {
			b.Fatal(err)
		}
		var doc, book bytes.Buffer
		if err := pdf.Render(&doc, r, tmpl); err != nil {
			b.Fatal(err)
		}
		if err := xlsx.Render(&book, r, tmpl); err != nil {
			b.Fatal(err)
		}
		pdfBytes, xlsxBytes, jsonBytes = doc.Len(), book.Len(), len(marshalReport(b, r))
	}
	b.ReportMetric(float64(pdfBytes), "pdf-bytes")
	b.ReportMetric(float64(xlsxBytes), "xlsx-bytes")
	b.ReportMetric(float64(jsonBytes), "json-bytes")
}
