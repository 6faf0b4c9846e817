package chartpng

import (
	"testing"

	"github.com/example/qpr/templates"

	"github.com/example/qpr/pkg/present"
)

// BenchmarkEncoder paints every chart of the example's corporate report in turn on one
// Encoder, as a Word edition's worker does; ns/op is one picture.
// go test ./pkg/render/chartpng -run '^$' -bench Encoder -benchmem
func BenchmarkEncoder(b *testing.B) {
	r := exampleReport(b)
	st := templates.Default().Style()
	var charts []present.Chart
	for i := range r.Indicators {
		if c := present.ChartOf(&r.Indicators[i]); !c.Empty {
			charts = append(charts, c)
		}
	}
	var e Encoder
	var w discard
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := e.Encode(&w, charts[i%len(charts)], st); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// discard is io.Discard without its ReadFrom, as the Word edition's buffer is a plain writer.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
