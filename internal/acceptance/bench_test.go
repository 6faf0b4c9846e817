package acceptance_test

import (
	"bytes"
	"fmt"
	"io"
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

// BenchmarkStages times each stage of a pack on its own at 1,000 and 10,000 indicators × 20
// quarters: every stage should take at most eleven times as long at ten times the size
// (issue 10). Compare the pairs: go test ./internal/acceptance -run '^$' -bench Stages.
func BenchmarkStages(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		syn := newSynthetic(n, 20)
		store, problems := data.Match(syn.ds, syn.cat)
		if err := problems.Err(); err != nil {
			b.Fatalf("the synthetic data does not match its catalogue: %v", err)
		}
		opts := report.Options{Catalogue: syn.cat, Store: store, Pack: syn.cat.Packs[0]}
		r, err := report.Build(opts)
		if err != nil {
			b.Fatal(err)
		}
		tmpl := templates.Default()
		stages := []struct {
			name string
			run  func() error
		}{
			{"report", func() error { _, err := report.Build(opts); return err }},
			{"pdf", func() error { return pdf.Render(io.Discard, r, tmpl) }},
			{"xlsx", func() error { return xlsx.Render(io.Discard, r, tmpl) }},
			{"json", func() error { marshalReport(b, r); return nil }},
		}
		for _, s := range stages {
			b.Run(fmt.Sprintf("%s-%dx20", s.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := s.run(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
