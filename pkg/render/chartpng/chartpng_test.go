package chartpng

import (
	"bytes"
	"encoding/json"
	"image/color"
	"os"
	"testing"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// exampleReport is the example project's corporate report, as its golden JSON holds it.
func exampleReport(t testing.TB) *report.Report {
	t.Helper()
	b, err := os.ReadFile("../../../testdata/golden/example-qpr-2023-24-Q2.json")
	if err != nil {
		t.Fatal(err)
	}
	var r report.Report
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	return &r
}

func style(t *testing.T) templates.Style {
	t.Helper()
	return templates.Default().Style()
}

// TestSameChartSameBytes: a picture is pure computation, so the Word edition stays
// byte-identical from run to run.
func TestSameChartSameBytes(t *testing.T) {
	r := exampleReport(t)
	st := style(t)
	for i := range r.Indicators[:6] {
		c := present.ChartOf(&r.Indicators[i])
		var a, b bytes.Buffer
		if err := Encode(&a, c, st); err != nil {
			t.Fatal(err)
		}
		if err := Encode(&b, c, st); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("%s: two paintings differ", r.Indicators[i].Code)
		}
		if os.Getenv("CHARTPNG_OUT") != "" {
			os.WriteFile(os.Getenv("CHARTPNG_OUT")+"/"+r.Indicators[i].Code+".png", a.Bytes(), 0o644)
		}
	}
}

// TestLinesLandWhereTheScaleSays: the indicator's own line is drawn in the accent colour at
// the place its first value maps to, and the picture outside the plot's marks stays white.
func TestLinesLandWhereTheScaleSays(t *testing.T) {
	st := style(t)
	c := present.Chart{
		Slots:  4,
		Axis:   present.Axis{Min: 0, Max: 100, Step: 50},
		Lines:  [][]present.Point{{{Slot: 0, Value: 50}, {Slot: 3, Value: 50}}},
		Points: []present.Point{{Slot: 0, Value: 50}},
	}
	img, err := Paint(c, st)
	if err != nil {
		t.Fatal(err)
	}
	// Slot 1.5 is the plot's middle across; the value 50 is the plot's middle down.
	plotW := WidthMM - plotLeft - plotRight
	x := (plotLeft + plotW/2) * PxPerMM
	y := (plotTop + plotH/2) * PxPerMM
	want := color.RGBA{st.Colours.Accent.R, st.Colours.Accent.G, st.Colours.Accent.B, 255}
	if got := img.RGBAAt(int(x), int(y)); got != want {
		t.Errorf("pixel on the value line = %v, want the accent %v", got, want)
	}
	if got := img.RGBAAt(int(x), int((plotTop+5)*PxPerMM)); got != (color.RGBA{255, 255, 255, 255}) {
		t.Errorf("pixel above the line = %v, want white", got)
	}
}

func BenchmarkEncodeChart(b *testing.B) {
	bb, err := os.ReadFile("../../../testdata/golden/example-qpr-2023-24-Q2.json")
	if err != nil {
		b.Fatal(err)
	}
	var r report.Report
	if err := json.Unmarshal(bb, &r); err != nil {
		b.Fatal(err)
	}
	st := templates.Default().Style()
	c := present.ChartOf(&r.Indicators[0])
	b.ReportAllocs()
	for b.Loop() {
		var out bytes.Buffer
		if err := Encode(&out, c, st); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEventsAreMarked: an event is drawn as a line at its slot down the plot, in the muted
// colour, where the chart without it is white.
func TestEventsAreMarked(t *testing.T) {
	st := style(t)
	c := present.Chart{Slots: 4, Axis: present.Axis{Min: 0, Max: 100, Step: 50}}
	plotW := WidthMM - plotLeft - plotRight
	x := int((plotLeft + plotW*(2.5/4)) * PxPerMM) // slot 2's centre
	y := int((plotTop + plotH*0.5) * PxPerMM)
	before, err := Paint(c, st)
	if err != nil {
		t.Fatal(err)
	}
	c.Events = []present.ChartEvent{{Number: 1, Slot: 2}}
	after, err := Paint(c, st)
	if err != nil {
		t.Fatal(err)
	}
	white := color.RGBA{255, 255, 255, 255}
	if got := before.RGBAAt(x, y); got != white {
		t.Fatalf("without the event the plot at slot 2 is %v, want white", got)
	}
	found := false
	for dx := -2; dx <= 2; dx++ {
		for dy := 0; dy < 6; dy++ { // the line is dotted: one of a few pixels down is drawn
			if after.RGBAAt(x+dx, y+dy) != white {
				found = true
			}
		}
	}
	if !found {
		t.Error("no event line at slot 2")
	}
}
