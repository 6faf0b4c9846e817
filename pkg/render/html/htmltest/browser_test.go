package htmltest

import (
	"os"
	"slices"
	"testing"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// The harness must see what it is there to catch: a page that asks for a stylesheet and an
// image elsewhere, overflows a 320-pixel viewport and has an image without a text
// alternative. A harness that saw nothing would pass every report.
func TestHarnessCatchesWhatItChecks(t *testing.T) {
	b := Shared(t)
	doc := []byte(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="https://cdn.example.com/a.css"></head>
<body><main><h1>One</h1><h3 id="skip">Three</h3><img src="chart.png"><div style="width:500px">wide</div></main></body></html>`)
	p, err := b.Open(doc, 320)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()

	w, err := p.Widths()
	if err != nil {
		t.Fatal(err)
	}
	if w.Viewport != 320 || w.Document < 500 {
		t.Errorf("widths %+v; want a 320-pixel viewport and a document at least 500 wide", w)
	}
	h, err := p.Headings()
	if err != nil {
		t.Fatal(err)
	}
	if want := []Heading{{1, "One", ""}, {3, "Three", "skip"}}; !slices.Equal(h, want) {
		t.Errorf("headings %+v, want %+v", h, want)
	}
	v, err := p.Axe(b, AxeTags)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(v, func(v Violation) bool { return v.ID == "image-alt" }) {
		t.Errorf("axe found %v; want image-alt among them", v)
	}
	out := p.Outside()
	for _, want := range []string{"https://cdn.example.com/a.css", "http://qpr.test/chart.png"} {
		if !slices.Contains(out, want) {
			t.Errorf("requests outside the document %v; want %s among them", out, want)
		}
	}
	if slices.Contains(out, DocURL) {
		t.Errorf("the document itself %s was counted as outside", DocURL)
	}
}
