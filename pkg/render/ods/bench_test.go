package ods

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/example/qpr/pkg/render/xlsx"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// generated is the fixture's indicators repeated to n, spread over ten directorates.
func generated(n int) *report.Report {
	r := fixture()
	base := r.Indicators
	r.Directorates = nil
	for d := 0; d < 10; d++ {
		r.Directorates = append(r.Directorates, report.Directorate{Code: fmt.Sprintf("D%02d", d), Name: fmt.Sprintf("Directorate %d", d)})
	}
	r.Indicators = make([]report.Indicator, n)
	for i := range r.Indicators {
		ind := base[i%len(base)]
		ind.Code = fmt.Sprintf("K%05d", i)
		ind.Directorate = r.Directorates[i%10].Code
		r.Indicators[i] = ind
	}
	return r
}

// The ods beside the xlsx of the same report, for comparing the two writers.
func BenchmarkWorkbook5000(b *testing.B) {
	r := generated(5000)
	for _, f := range []struct {
		name   string
		render func(io.Writer, *report.Report, *templates.Set) error
	}{{"ods", Render}, {"xlsx", xlsx.Render}} {
		b.Run(f.name, func(b *testing.B) {
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := f.render(&buf, r, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len())/1024, "KiB/file")
		})
	}
}
