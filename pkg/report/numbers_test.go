package report

import (
	"strings"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
)

func parsedCatalogue(t *testing.T, indicators string) *catalogue.Catalogue {
	t.Helper()
	cat, err := catalogue.Parse("c.yaml", []byte("directorates: [{code: D, name: D}]\nindicators:\n"+indicators))
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func buildOne(t *testing.T, cat *catalogue.Catalogue, values map[int]data.Value, at string) Indicator {
	t.Helper()
	code := cat.Indicators[0].Code
	store := data.StoreOf(map[string]map[int]data.Value{code: values})
	r, err := Build(Options{Catalogue: cat, Store: store, Pack: catalogue.Pack{ID: "p"}, Period: q(at)})
	if err != nil {
		t.Fatal(err)
	}
	return r.Indicators[0]
}

// Three months of calls: 45 of 60, 50 of 80 and 30 of 40 answered. The quarter is 125 of 180,
// 69.44%; the mean of the monthly percentages (75, 62.5, 75) would say 70.83%.
func TestRatioQuarterValue(t *testing.T) {
	cat := parsedCatalogue(t, "  - {code: RT01, name: R, directorate: D, polarity: higher, unit: percent, frequency: monthly, aggregate: ratio, basis: MS, target: 70}\n")
	part := func(n, d float64) data.Value {
		r := &data.Ratio{Numerator: n, Denominator: d}
		v, _ := r.Of(100)
		return data.Value{V: v, Ratio: r}
	}
	ind := buildOne(t, cat, map[int]data.Value{
		m("2023-04").Index(): part(45, 60), m("2023-05").Index(): part(50, 80), m("2023-06").Index(): part(30, 40),
	}, "2023/24 Q1")
	if ind.Value == nil || *ind.Value != 69.44444444 {
		t.Fatalf("quarter value %v, want 125/180 x 100 = 69.44444444 (10 significant figures)", ind.Value)
	}
	if *ind.RAG != "red" { // below a target of 70 with no floor: red
		t.Errorf("rag %s", *ind.RAG)
	}
	if ind.Basis != "MS" || ind.Aggregate != "ratio" {
		t.Errorf("basis %q aggregate %q", ind.Basis, ind.Aggregate)
	}
}

func TestProjectionNeedsMinPoints(t *testing.T) {
	cat := parsedCatalogue(t, "  - {code: K, name: K, directorate: D, polarity: higher, unit: currency, target: 1000}\n")
	vals := quarterly(map[string]float64{"2023/24 Q1": 1200, "2023/24 Q2": 900, "2023/24 Q3": 2500})
	ind := buildOne(t, cat, vals, "2023/24 Q3")
	if ind.Projection != nil || ind.ProjectionWithheld == nil {
		t.Fatalf("projection %+v withheld %+v, want none for 3 values", ind.Projection, ind.ProjectionWithheld)
	}
	w := ind.ProjectionWithheld
	if w.Points != 3 || w.Needs != 6 || w.Sentence != "No projection: the window has values for 3 quarters, and a projection needs at least 6." {
		t.Errorf("withheld %+v", w)
	}
	if ind.Trend.Sentence != "Stable: no clear trend over the last 3 quarters" {
		t.Errorf("trend sentence %q", ind.Trend.Sentence)
	}
	// min_points: 3 lets the same series project.
	cat = parsedCatalogue(t, "  - {code: K, name: K, directorate: D, polarity: higher, unit: currency, target: 1000, projection: {min_points: 3}}\n")
	if ind := buildOne(t, cat, vals, "2023/24 Q3"); ind.Projection == nil || ind.Projection.Points != 3 {
		t.Errorf("with min_points 3: %+v", ind.Projection)
	}
}

// Counts falling 50, 40, 30, 20, 10, 5 over the last six quarters of an 8-quarter window
// (positions 2 to 7): x̄ = 4.5, ȳ = 155/6, Sxx = 17.5, Sxy = -162.5, slope -65/7, so at
// position 8 the line is at 155/6 - 3.5 x 65/7 = -20/3, and the whole 95% interval lies below
// 0. A count cannot be negative: value and both ends are cut to 0.
func TestProjectionCutToNaturalRange(t *testing.T) {
	cat := parsedCatalogue(t, "  - {code: K, name: K, directorate: D, polarity: higher, unit: number, target: 10}\n")
	vals := quarterly(map[string]float64{"2022/23 Q2": 50, "2022/23 Q3": 40, "2022/23 Q4": 30, "2023/24 Q1": 20, "2023/24 Q2": 10, "2023/24 Q3": 5})
	p := buildOne(t, cat, vals, "2023/24 Q3").Projection
	if p == nil {
		t.Fatal("no projection")
	}
	if p.Value != 0 || !p.ValueCut || p.Lower != 0 || !p.LowerCut || !p.UpperCut || p.Upper != 0 {
		t.Errorf("projection %+v, want value and both ends cut to 0", p)
	}
	if p.Note != "Fitted to 6 quarters; the interval is cut at 0, the least the value can be." {
		t.Errorf("note %q", p.Note)
	}
	// A percentage heading past 100 is cut there.
	cat = parsedCatalogue(t, "  - {code: P, name: P, directorate: D, polarity: higher, unit: percent, target: 95}\n")
	vals = quarterly(map[string]float64{"2022/23 Q2": 90, "2022/23 Q3": 93, "2022/23 Q4": 96, "2023/24 Q1": 98, "2023/24 Q2": 99, "2023/24 Q3": 99.5})
	p = buildOne(t, cat, vals, "2023/24 Q3").Projection
	if p == nil || p.Upper != 100 || !p.UpperCut || p.LowerCut {
		t.Errorf("percent projection %+v, want the upper end cut at 100", p)
	}
	if !strings.Contains(p.Note, "cut at 100%, the most the value can be") {
		t.Errorf("note %q", p.Note)
	}
}

// A monthly spc indicator rebased at January 2023, reported for 2023/24 Q1 over a 5-quarter
// window (April 2022 to June 2023): two segments, April to December and January to June.
func TestSPCRebaseFromCatalogue(t *testing.T) {
	cat := parsedCatalogue(t, `  - {code: S, name: S, directorate: D, polarity: higher, unit: percent, frequency: monthly,
     trend: {method: spc, window: 5}, spc: {rebase: ["2022/23 Q4"]}, target: 85}
`)
	vals := map[int]data.Value{}
	start := m("2022-04")
	for i, v := range []float64{90, 91, 89, 90, 92, 90, 91, 89, 90, 80, 81, 79, 80, 81} {
		vals[start.Add(i).Index()] = data.Value{V: v}
	}
	tr := buildOne(t, cat, vals, "2023/24 Q1").Trend
	if len(tr.Segments) != 2 || tr.Segments[0].From.String() != "2022-04" || tr.Segments[0].To.String() != "2022-12" || tr.Segments[1].From.String() != "2023-01" || tr.Segments[1].Points != 5 {
		t.Fatalf("segments %+v", tr.Segments)
	}
	// Latest segment 80, 81, 79, 80, 81: mean 80.2, moving ranges 1, 2, 1, 1 (mean 1.25), so
	// limits 80.2 ± 3.325; the target of 85 is above them: consistently missed, provisionally.
	if *tr.Mean != 80.2 || *tr.Assurance != "fail" || !tr.Provisional {
		t.Errorf("mean %v assurance %v provisional %v", *tr.Mean, *tr.Assurance, tr.Provisional)
	}
	assertNear(t, *tr.UPL, 80.2+3.325)
}

func assertNear(t *testing.T, got, want float64) {
	t.Helper()
	if d := got - want; d > 1e-9 || d < -1e-9 {
		t.Errorf("got %v, want %v", got, want)
	}
}
