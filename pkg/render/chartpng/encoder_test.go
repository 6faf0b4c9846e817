package chartpng

import (
	"bytes"
	"image/png"
	"slices"
	"testing"

	"github.com/example/qpr/pkg/present"
)

// TestEncoderCarriesNothingOver: one Encoder painting the example's charts in turn, in one
// order and then the other, gives each the very bytes of a picture painted alone, and each
// picture decodes at the chart's size: nothing of one chart (its colours, its palette, its
// pixels) is left in the next.
func TestEncoderCarriesNothingOver(t *testing.T) {
	r := exampleReport(t)
	st := style(t)
	var charts []present.Chart
	var codes []string
	for i := range r.Indicators {
		if c := present.ChartOf(&r.Indicators[i]); !c.Empty {
			charts = append(charts, c)
			codes = append(codes, r.Indicators[i].Code)
		}
	}
	if len(charts) < 10 {
		t.Fatalf("only %d charts in the example", len(charts))
	}
	alone := make([][]byte, len(charts))
	for i, c := range charts {
		var b bytes.Buffer
		if err := Encode(&b, c, st); err != nil {
			t.Fatal(err)
		}
		alone[i] = b.Bytes()
	}
	order := make([]int, len(charts))
	for i := range order {
		order[i] = i
	}
	var e Encoder
	reversed := slices.Clone(order)
	slices.Reverse(reversed)
	for _, pass := range [][]int{order, reversed} {
		for _, i := range pass {
			var b bytes.Buffer
			if err := e.Encode(&b, charts[i], st); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b.Bytes(), alone[i]) {
				t.Fatalf("%s: the reused encoder's picture differs from one painted alone", codes[i])
			}
			img, err := png.Decode(bytes.NewReader(b.Bytes()))
			if err != nil {
				t.Fatalf("%s: %v", codes[i], err)
			}
			if got, want := img.Bounds().Dx(), int(WidthMM*PxPerMM); got != want {
				t.Fatalf("%s: %d pixels wide, want %d", codes[i], got, want)
			}
		}
	}
}
