package present

import (
	"strings"
	"testing"

	"github.com/example/qpr/pkg/benchmark"
)

// With B2 compared (the good() position: joint 2nd of 4, second quartile, a year behind), the
// document gains the summary's grid, the key's part, a Comparison column in B's KPI table and
// B2's "How we compare" part; without, none of them.
func TestDocumentComparisons(t *testing.T) {
	r := docReport(t)
	r.Indicators[1].Benchmark = []benchmark.Position{good()}
	d := docOf(t, r)

	contents := flatten(d.Contents)
	if !strings.Contains(contents, "  summary-quartiles Rating against comparator quartile\n") {
		t.Errorf("contents lack the grid:\n%s", contents)
	}
	var keyParts []string
	for p := range d.Sections[0].Parts() {
		keyParts = append(keyParts, p.Heading)
	}
	if last := keyParts[len(keyParts)-1]; last != CompareKeyTitle {
		t.Errorf("key parts %v", keyParts)
	}

	var grid *Section
	for p := range d.Sections[1].Parts() {
		if p.ID == IDQuartileGrid {
			grid = p
		}
	}
	if grid == nil {
		t.Fatal("no grid in the summary")
	}
	gt := tables(grid)[0]
	// B2 is amber in the second quartile; B1, red, is not compared and not in the grid.
	if heads(gt) != "Rating | Top quartile | Second quartile | Third quartile | Bottom quartile | Not in quartiles" ||
		len(gt.Rows) != 1 || gt.Rows[0].Cells[0].Status != Amber || gt.Rows[0].Cells[2].Text != "B2" || gt.Rows[0].Cells[1].Text != "none" {
		t.Errorf("grid %s: %+v", heads(gt), gt.Rows)
	}

	kpis := tables(d.Sections[2])[0]
	if !strings.HasSuffix(heads(kpis), " | "+ComparisonHeading) {
		t.Errorf("KPI table heads %s", heads(kpis))
	}
	last := func(row Row) string { return row.Cells[len(row.Cells)-1].Text }
	if last(kpis.Rows[0]) != "–" || last(kpis.Rows[1]) != "joint 2nd of 4 (second quartile)" {
		t.Errorf("comparison cells %q, %q", last(kpis.Rows[0]), last(kpis.Rows[1]))
	}

	var b2 *Section
	for p := range d.Sections[2].Parts() {
		if p.Code == "B2" {
			b2 = p
		}
	}
	var part *Section
	for p := range b2.Parts() {
		if p.Heading == ComparisonPartHeading {
			part = p
		}
	}
	if part == nil {
		t.Fatal("B2 has no comparison part")
	}
	blocks := part.BlockList()
	if len(blocks) != 3 {
		t.Fatalf("%d blocks", len(blocks))
	}
	if p, ok := blocks[0].(*Paragraph); !ok || !strings.HasPrefix(p.Text, "Joint 2nd of 4 CIPFA nearest neighbours in 2022/23") {
		t.Errorf("first block %+v", blocks[0])
	}
	if fig, ok := blocks[1].(*Figure); !ok {
		t.Errorf("second block %+v", blocks[1])
	} else if _, alt := fig.Alt(); fig.ID != "cmp-B2--cipfa" || !strings.HasPrefix(alt, "Dot plot of") || len(fig.Chart.Points) != 4 {
		t.Errorf("figure %+v", fig)
	}
	if tb, ok := blocks[2].(*Table); !ok || heads(tb) != "Rank | Area | Value" || len(tb.Rows) != 5 || tb.Rows[1].Cells[1].Text != "Example (us)" {
		t.Errorf("figures table %+v", blocks[2])
	}

	// B's activity table has nothing compared, so no Comparison column.
	if act := tables(d.Sections[2])[1]; strings.Contains(heads(act), ComparisonHeading) {
		t.Errorf("activity table heads %s", heads(act))
	}

	plain := docOf(t, docReport(t))
	if strings.Contains(flatten(plain.Contents), IDQuartileGrid) || strings.Contains(heads(tables(plain.Sections[2])[0]), ComparisonHeading) {
		t.Errorf("a report with nothing compared has comparisons")
	}
}
