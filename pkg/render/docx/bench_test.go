package docx

import (
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/example/qpr/pkg/report"
)

// copiesOf is the example report with its indicators copied until there are at least n, each
// copy's code made its own, for measuring a larger document of the example's real charts.
func copiesOf(r *report.Report, n int) *report.Report {
	out := *r
	out.Indicators = nil
	for k := 0; len(out.Indicators) < n; k++ {
		for _, in := range r.Indicators {
			if k > 0 {
				in.Code = fmt.Sprintf("%s-%d", in.Code, k)
			}
			out.Indicators = append(out.Indicators, in)
		}
	}
	return &out
}

// countingWriter counts what it is given and keeps none of it.
type countingWriter struct{ n int64 }

func (c *countingWriter) Write(b []byte) (int, error) { c.n += int64(len(b)); return len(b), nil }

var _ io.Writer = (*countingWriter)(nil)

// BenchmarkRender300 renders the example's indicators copied to about 300: on one worker and
// on a worker a core, to show what painting the pictures side by side gives.
// go test ./pkg/render/docx -run '^$' -bench Render300 -benchmem
func BenchmarkRender300(b *testing.B) {
	r := copiesOf(exampleReport(b), 300)
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			var w countingWriter
			b.ReportAllocs()
			for b.Loop() {
				w.n = 0
				if err := renderOn(&w, r, nil, workers); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(r.Indicators)), "indicators")
			b.ReportMetric(float64(w.n)/1024, "KiB/file")
		})
	}
}
