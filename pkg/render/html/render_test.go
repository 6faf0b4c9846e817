package html

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/example/qpr/internal/golden"
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// exampleReport is one pack of the example project, built as qpr build does.
func exampleReport(t *testing.T, pack string) *report.Report {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "testdata", "example")
	cat, err := catalogue.Load(filepath.Join(dir, "catalogue.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	_, store, problems := data.Load([]string{filepath.Join(dir, "data")}, cat)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	p, ok := cat.Pack(pack)
	if !ok {
		t.Fatalf("no pack %s", pack)
	}
	r, err := report.Build(report.Options{Catalogue: cat, Store: store, Pack: p})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func render(t *testing.T, r *report.Report, set *templates.Set) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, r, set); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// The document stands alone: nothing it refers to is outside it, and it has no script.
func TestSelfContained(t *testing.T) {
	doc := render(t, exampleReport(t, "ced"), nil)
	for _, bad := range []string{"<script", "src=\"http", "href=\"http", "url(", "@import", "//"} {
		if bad == "//" {
			// a protocol-relative reference in an attribute
			if m := regexp.MustCompile(`(src|href)="//`).FindString(doc); m != "" {
				t.Errorf("the document refers outside itself: %s", m)
			}
			continue
		}
		if strings.Contains(doc, bad) {
			t.Errorf("the document contains %q", bad)
		}
	}
	if !strings.HasPrefix(doc, "<!DOCTYPE html>\n<html lang=\"en-GB\">") {
		t.Errorf("the document starts %q; want the doctype and lang en-GB (the example's catalogue gives no language)", doc[:min(60, len(doc))])
	}
}

// Every id is used once, and every reference to an id (href="#…", aria-labelledby,
// aria-describedby) names one that is there.
func TestIDsAndReferences(t *testing.T) {
	doc := render(t, exampleReport(t, "qpr"), nil)
	ids := map[string]int{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(doc, -1) {
		ids[m[1]]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q is used %d times", id, n)
		}
	}
	refs := regexp.MustCompile(`(href="#|aria-labelledby="|aria-describedby=")([^"]+)"`)
	for _, m := range refs.FindAllStringSubmatch(doc, -1) {
		for _, id := range strings.Fields(m[2]) {
			if ids[id] == 0 {
				t.Errorf("%s%s\" refers to no element", m[1], m[2])
			}
		}
	}
}

// Words from the data are escaped, the catalogue's language is the document's, and the same
// report gives the same bytes.
func TestEscapingLanguageAndDeterminism(t *testing.T) {
	r := exampleReport(t, "ced")
	r.Language = "cy"
	r.Indicators[0].Name = `Invoices <b>paid</b> & "settled" <script>alert(1)</script>`
	first := render(t, r, nil)
	if first != render(t, r, nil) {
		t.Error("two renderings of the same report differ")
	}
	if !strings.Contains(first, `<html lang="cy">`) {
		t.Error(`no <html lang="cy"> for a catalogue in Welsh`)
	}
	if strings.Contains(first, "<script>") || strings.Contains(first, "<b>paid") {
		t.Error("markup in an indicator's name reached the document unescaped")
	}
	if !strings.Contains(first, "Invoices &lt;b&gt;paid&lt;/b&gt; &amp; &#34;settled&#34;") {
		t.Error("the indicator's name is not in the document, escaped")
	}
}

// writeDefaults writes the built-in templates into dir, as qpr init does.
func writeDefaults(t *testing.T, dir string) {
	t.Helper()
	for _, f := range templates.Defaults() {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// A user's templates apply to the HTML as to the PDF: their narrative wording and their
// colours.
func TestUserTemplatesApply(t *testing.T) {
	dir := t.TempDir()
	writeDefaults(t, dir)
	narrative, err := os.ReadFile(filepath.Join(dir, templates.NarrativeFile))
	if err != nil {
		t.Fatal(err)
	}
	narrative = append([]byte("{{define \"directorate\"}}This directorate's own wording.{{end}}"), bytes.Replace(narrative, []byte(`{{- define "directorate" -}}`), []byte(`{{- define "unused" -}}`), 1)...)
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(templates.NarrativeFile, narrative)
	write(templates.StyleFile, []byte("colours:\n  red: \"#A00000\"\n"))
	set, err := templates.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	doc := render(t, exampleReport(t, "ced"), set)
	if !strings.Contains(doc, "<p>This directorate&#39;s own wording.</p>") {
		t.Error("the user's directorate narrative is not in the document")
	}
	if !strings.Contains(doc, "--red: #A00000;") {
		t.Error("the user's red is not the document's")
	}
}

// An error in a user's template stops the rendering with the template's place.
func TestTemplateErrorIsPlaced(t *testing.T) {
	dir := t.TempDir()
	writeDefaults(t, dir)
	key, err := os.ReadFile(filepath.Join(dir, templates.KeyFile))
	if err != nil {
		t.Fatal(err)
	}
	bad := bytes.Replace(key, []byte(`{{define "green"}}Green:`), []byte(`{{define "green"}}{{.NoSuchField}}:`), 1)
	if bytes.Equal(bad, key) {
		t.Fatal("the built-in key.tmpl has no green entry to break")
	}
	if err := os.WriteFile(filepath.Join(dir, templates.KeyFile), bad, 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := templates.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	err = Render(&buf, exampleReport(t, "ced"), set)
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, templates.KeyFile)+":") {
		t.Errorf("error %v; want one placed in %s", err, templates.KeyFile)
	}
}

// TestChartSVGGolden pins the markup of one chart (FN01: thresholds, a fitted trend line and
// a projection); review a change with the browser screenshots before -update.
func TestChartSVGGolden(t *testing.T) {
	r := exampleReport(t, "ced")
	var fn01 *report.Indicator
	for i := range r.Indicators {
		if r.Indicators[i].Code == "FN01" {
			fn01 = &r.Indicators[i]
		}
	}
	if fn01 == nil {
		t.Fatal("no FN01 in the ced pack")
	}
	svg := newSVGChart(present.ChartOf(fn01), "ind-FN01-chart", "title", "desc").svg()
	got := []byte(strings.ReplaceAll(string(svg), "><", ">\n<") + "\n")
	golden.Check(t, filepath.Join("testdata", "FN01.svg"), got)
}

// The painter's arithmetic, worked by hand: tick labels of up to 4 characters leave the
// plot from x = 60 to 628 (640 less a right margin of 12), 4 slots of 142 units with centres
// at 131, 273, 415, 557; values 0 to 100 over y = 188 (bottom) to 24 (top), 1.64 units a
// point.
func TestChartGeometry(t *testing.T) {
	c := present.Chart{Slots: 4, Axis: present.Axis{Min: 0, Max: 100, Step: 50,
		Ticks: []present.Tick{{Value: 0, Label: "0%"}, {Value: 50, Label: "50%"}, {Value: 100, Label: "100%"}}}}
	s := newSVGChart(c, "c", "", "")
	for _, k := range []struct{ got, want float64 }{
		{s.left, 60}, {s.x(0), 131}, {s.x(3), 557}, {s.slotW(), 142}, {s.y(0), 188}, {s.y(100), 24}, {s.y(50), 106},
	} {
		if k.got != k.want {
			t.Errorf("got %v, want %v", k.got, k.want)
		}
	}
	// a target of 80 over two slots, none in the third, 90 in the fourth: two runs; then a
	// floor stepping from 70 to 75 between adjacent slots
	target := present.Step{Kind: present.StepTarget, Levels: []present.StepLevel{{Slot: 0, Value: 80}, {Slot: 1, Value: 80}, {Slot: 3, Value: 90}}}
	if got, want := s.steps(target), `<path class="target" d="M60 56.8H202H344M486 40.4H628"/>`; got != want {
		t.Errorf("target\n got %s\nwant %s", got, want)
	}
	floor := present.Step{Kind: present.StepFloor, Levels: []present.StepLevel{{Slot: 0, Value: 70}, {Slot: 1, Value: 75, Join: true, From: 70}}}
	if got, want := s.steps(floor), `<path class="floor" d="M60 73.2H202V65H344"/>`; got != want {
		t.Errorf("floor\n got %s\nwant %s", got, want)
	}
	// a projection whose upper end runs on past the axis: an arrowhead there, no cap
	s.c.Projection = &present.ProjectionMark{Slot: 3, Value: 90, Lower: 80, Upper: 100, UpperClipped: true}
	got := s.projection(s.c.Projection)
	for _, want := range []string{`<line x1="557" y1="56.8" x2="557" y2="24"/>`, `<line x1="552" y1="56.8" x2="562" y2="56.8"/>`, `<path class="arrow" d="M557 21.2L552 28.2L562 28.2Z"/>`, `<circle cx="557" cy="40.4" r="4.5"/>`} {
		if !strings.Contains(got, want) {
			t.Errorf("projection %s\nhas no %s", got, want)
		}
	}
}

// Odd reports render whole: a pack with nothing in it, an indicator with no value, no chart,
// no trend and no commentary, a flat series, and a huge value.
func TestOddReports(t *testing.T) {
	empty := exampleReport(t, "ced")
	empty.Directorates, empty.Indicators = nil, nil
	empty.Summary = report.Summary{}
	doc := render(t, empty, nil)
	if !strings.Contains(doc, "</html>") || strings.Contains(doc, "rated Green") {
		t.Error("an empty pack did not render whole, or claims ratings")
	}

	r := exampleReport(t, "ced")
	bare := &r.Indicators[0]
	bare.Value, bare.Display, bare.ValuePeriod, bare.Trend, bare.Projection, bare.Commentary = nil, nil, nil, nil, nil, nil
	bare.Chart, bare.History = nil, nil
	flat := &r.Indicators[1]
	for i := range flat.Chart {
		v := 5.0
		flat.Chart[i].Value = &v
	}
	huge := &r.Indicators[2]
	v := 1e15
	huge.Value = &v
	huge.Chart[len(huge.Chart)-1].Value = &v
	doc = render(t, r, nil)
	for _, want := range []string{
		`<p class="none">No values to chart for this indicator.</p>`,
		"Value No data",
		"£1,000,000,000,000,000",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the document has no %q", want)
		}
	}
	if m := regexp.MustCompile(`(^|[^A-Za-z])(NaN|[+-]?Inf)($|[^A-Za-z])`).FindString(doc); m != "" {
		t.Error("a number came out as NaN or Inf")
	}
}
