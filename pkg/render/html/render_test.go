package html

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

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

// A user's templates apply to the HTML as to the PDF: their narrative wording and their
// colours.
func TestUserTemplatesApply(t *testing.T) {
	dir := t.TempDir()
	if err := templates.WriteDefaults(dir); err != nil {
		t.Fatal(err)
	}
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
	if err := templates.WriteDefaults(dir); err != nil {
		t.Fatal(err)
	}
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
	c := chartOf(fn01, "ind-FN01-chart")
	c.Title, c.Desc = "title", "desc"
	got := []byte(strings.ReplaceAll(string(c.svg()), "><", ">\n<") + "\n")
	path := filepath.Join("testdata", "FN01.svg")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/render/html -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the chart drawn now; if the change is deliberate, run go test ./pkg/render/html -update and review the diff", path)
	}
}

// The painter's arithmetic, worked by hand: a plot from x = 60 to 628 (640 less a right
// margin of 12) holding 4 slots of 142 units, centres at 131, 273, 415, 557; values 0 to 100
// over y = 188 (bottom) to 24 (top), 1.64 units a point.
func TestChartGeometry(t *testing.T) {
	c := &chart{ID: "c", Lo: 0, Hi: 100, Slots: 4, Left: 60}
	for _, k := range []struct{ got, want float64 }{
		{c.x(0), 131}, {c.x(3), 557}, {c.slotW(), 142}, {c.y(0), 188}, {c.y(100), 24}, {c.y(50), 106},
	} {
		if k.got != k.want {
			t.Errorf("got %v, want %v", k.got, k.want)
		}
	}
	// a target of 80 over two slots, none in the third, 90 in the fourth: two runs
	var b strings.Builder
	c.paintSteps(&b, steps{Class: "target", Values: []*float64{ptr(80), ptr(80), nil, ptr(90)}})
	if want := `<path class="target" d="M60 56.8H202V56.8H344M486 40.4H628"/>`; b.String() != want {
		t.Errorf("steps\n got %s\nwant %s", b.String(), want)
	}
	// values in slots 0, 1 and 3: the line breaks at the gap
	c.Values = []point{{Slot: 0, V: 10}, {Slot: 1, V: 20}, {Slot: 3, V: 30}}
	b.Reset()
	c.paintValues(&b)
	if want := `<path class="series" d="M131 171.6L273 155.2M557 138.8"/>`; !strings.HasPrefix(b.String(), want) {
		t.Errorf("values\n got %s\nwant it to start %s", b.String(), want)
	}
}

func ptr(v float64) *float64 { return &v }

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
