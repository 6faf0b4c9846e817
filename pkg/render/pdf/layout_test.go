package pdf

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// exampleReport is the example project's corporate pack, built as qpr build does.
func exampleReport(t *testing.T) *report.Report {
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
	p, _ := cat.Pack("qpr")
	r, err := report.Build(report.Options{Catalogue: cat, Store: store, Pack: p})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Every table of the example is fitted so that no code, number, status or qualifier is
// broken across lines, and text wraps only between words: each cell's lines, read together,
// are its words in order.
func TestTablesSplitNothing(t *testing.T) {
	r := exampleReport(t)
	document, err := present.DocumentOf(r, templates.Default())
	if err != nil {
		t.Fatal(err)
	}
	d := newDoc(document, templates.Default())
	d.pdf.AddPage()
	whole := func(where, text string, lines []string) {
		t.Helper()
		if !slices.Equal(strings.Fields(text), strings.Fields(strings.Join(lines, " "))) {
			t.Errorf("%s: %q is split within a word: %q", where, text, lines)
		}
	}
	checked := 0
	var walk func(*present.Section)
	walk = func(s *present.Section) {
		for b := range s.Blocks() {
			tb, ok := b.(*present.Table)
			if !ok {
				continue
			}
			lt := d.fitTable(tb)
			for i, c := range tb.Columns {
				d.font("B", lt.size)
				whole(tb.ID+" heading", lt.head(c), d.wrap(lt.head(c), lt.widths[i]))
			}
			for _, row := range tb.Rows {
				for i, c := range row.Cells {
					if row.Group != "" {
						continue
					}
					text, note := d.cellLines(lt, row, i)
					shown, _ := lt.text(c)
					whole(tb.ID, shown, text)
					if c.Kind != present.CellText && !strings.Contains(shown, "\n") && len(text) != 1 {
						t.Errorf("%s: %q is on %d lines", tb.ID, shown, len(text))
					}
					if c.Note != "" && len(note) != 1 {
						t.Errorf("%s: the note %q is on %d lines", tb.ID, c.Note, len(note))
					}
					checked++
				}
			}
		}
		for p := range s.Parts() {
			if p.Kind != present.KindIndicator {
				walk(p)
			}
		}
	}
	for _, s := range document.Sections {
		walk(s)
	}
	if checked < 500 {
		t.Errorf("only %d cells checked; the example's tables have more", checked)
	}
}

// Read as pages, the example's PDF never ends a page with a part's label (its paragraph
// is on the next page), and never splits a trend or projection sentence across pages.
func TestPagesKeepLabelsAndSentences(t *testing.T) {
	r := exampleReport(t)
	var buf bytes.Buffer
	if err := Render(&buf, r, templates.Default()); err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimSuffix(pdftotext(t, buf.Bytes()), "\f"), "\f")
	labels := []string{present.DirectionHeading, present.ProjectionHeading, present.ContextHeading, present.ActionsHeading}
	joined := make([]string, len(pages))
	for i, p := range pages {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "Page ") && !strings.Contains(l, "· data as at") {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 && slices.Contains(labels, lines[len(lines)-1]) {
			t.Errorf("page %d ends with the label %q", i+1, lines[len(lines)-1])
		}
		joined[i] = strings.Join(strings.Fields(p), " ")
	}
	sentences := 0
	for i := range r.Indicators {
		in := &r.Indicators[i]
		for _, s := range []string{present.ProjectionSentence(in), trendSentence(in)} {
			if s == "" {
				continue
			}
			s = strings.Join(strings.Fields(s), " ")
			sentences++
			if !slices.ContainsFunc(joined, func(p string) bool { return strings.Contains(p, s) }) {
				t.Errorf("%s: %q is not whole on any page", in.Code, s)
			}
		}
	}
	if sentences < 40 {
		t.Errorf("only %d sentences checked", sentences)
	}
}

func trendSentence(in *report.Indicator) string {
	if in.Trend == nil {
		return ""
	}
	return in.Trend.Sentence
}

// A document's marking is on the cover and at the head of every page.
func TestMarkingOnEveryPage(t *testing.T) {
	defer func(keep bool) { keepLater = keep }(keepLater)
	keepLater = false // fpdf writes the file here, so it must be given all the text itself
	document, err := present.DocumentOf(fixtureReport(), templates.Default())
	if err != nil {
		t.Fatal(err)
	}
	document.Marking = "Draft"
	d, err := layout(document, templates.Default())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimSuffix(pdftotext(t, buf.Bytes()), "\f"), "\f")
	for i, p := range pages {
		if !strings.Contains(p, "DRAFT") {
			t.Errorf("page %d of %d has no DRAFT marking", i+1, len(pages))
		}
	}
}

// TestSentenceKeptWithItsChart: a part whose sentence introduces a chart (a comparator
// group's), begun with room for its label and sentence but not the chart, starts on the
// next page whole rather than leaving the sentence behind.
func TestSentenceKeptWithItsChart(t *testing.T) {
	defer func(keep bool) { keepLater = keep }(keepLater)
	keepLater = false // fpdf writes the file here, so it must be given all the text itself
	r := fixtureReport()
	document, err := present.DocumentOf(r, templates.Default())
	if err != nil {
		t.Fatal(err)
	}
	d := newDoc(document, templates.Default())
	d.pdf.AddPage()
	const sentence = "3rd of 7 counties in the region in 2022/23 (second quartile)."
	part := &present.Section{Level: 3, Heading: "How we compare"}
	part.SetBlocks(&present.Paragraph{Text: sentence}, &present.Figure{Chart: present.ChartOf(&r.Indicators[0])})
	d.pdf.SetY(pageH - marginBottom - 3*lineH(d.st.Fonts.Body))
	d.labelled(part)
	if err := d.pdf.Error(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(pdftotext(t, buf.Bytes()), "\f")
	if len(pages) < 2 || strings.Contains(pages[0], "3rd of 7") || !strings.Contains(pages[1], "3rd of 7") || !strings.Contains(pages[1], r.Indicators[0].Code+" value") {
		t.Errorf("the sentence and its chart are not together on page 2:\n%q", pages)
	}
}
