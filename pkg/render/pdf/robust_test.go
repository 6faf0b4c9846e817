package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// A report with nothing in it, and one with every optional part missing, still renders.
func TestSparseReportsRender(t *testing.T) {
	sparse := &report.Report{
		AsAt:         "not a date",
		Directorates: []report.Directorate{{Code: "X", Name: "Empty directorate"}, {Code: "Y", Name: "Y"}},
		Indicators: []report.Indicator{
			{Code: "Y1", Directorate: "Y", Type: "kpi", History: []report.HistoryPoint{{}}, Chart: []report.ChartPoint{{}}},
			{Code: "Y2", Directorate: "Y", Type: "activity", Projection: &report.Projection{}, Chart: []report.ChartPoint{{Period: q("2023-09"), Value: f(5)}}},
			{Code: "Z1", Directorate: "not listed"},
		},
	}
	for _, r := range []*report.Report{{}, sparse} {
		var buf bytes.Buffer
		if err := Render(&buf, r, nil); err != nil {
			t.Fatalf("Render: %v", err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
			t.Fatal("not a PDF")
		}
	}
	if err := Render(&bytes.Buffer{}, nil, nil); err == nil {
		t.Error("a nil report should be an error")
	}
}

func TestTemplateErrorStopsRender(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, templates.NarrativeFile), []byte("{{.Summary.Nope}}{{define \"directorate\"}}{{end}}"), 0o644)
	set, err := templates.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	err = Render(&bytes.Buffer{}, fixtureReport(), set)
	if err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, templates.NarrativeFile)+":1:") {
		t.Fatalf("error = %v, want it to name the narrative file and line 1", err)
	}
}

func TestLogoOnCover(t *testing.T) {
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for x := range 40 {
		for y := range 20 {
			img.Set(x, y, color.RGBA{0x1D, 0x4F, 0x91, 0xFF})
		}
	}
	var logo bytes.Buffer
	if err := png.Encode(&logo, img); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, templates.LogoFile), logo.Bytes(), 0o644)
	set, err := templates.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var with, without bytes.Buffer
	if err := Render(&with, fixtureReport(), set); err != nil {
		t.Fatal(err)
	}
	if err := Render(&without, fixtureReport(), nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(with.Bytes(), []byte("/Subtype /Image")) || bytes.Contains(without.Bytes(), []byte("/Subtype /Image")) {
		t.Error("the logo should be embedded as an image only when logo.png is given")
	}
}

// An emoji (outside the fonts' Basic Multilingual Plane) in a name costs that character, not
// the document.
func TestCharactersBeyondTheFontsArePrintedAsQuestionMarks(t *testing.T) {
	r := fixtureReport()
	r.Indicators[0].Name = "Calls answered 📞 – é ’"
	var buf bytes.Buffer
	if err := Render(&buf, r, templates.Default()); err != nil {
		t.Fatalf("render with an emoji: %v", err)
	}
	if got := printable("Calls 📞 – é ’"); got != "Calls ? – é ’" {
		t.Errorf("printable = %q", got)
	}
	if r.Indicators[0].Name != "Calls answered 📞 – é ’" {
		t.Error("rendering changed the caller's report")
	}
}
