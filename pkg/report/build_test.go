package report

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/period"
)

func f(v float64) *float64 { return &v }

var cal = period.DefaultCalendar

func q(label string) period.Quarter {
	qq, err := cal.ParseQuarter(label)
	if err != nil {
		panic(err)
	}
	return qq
}

func m(label string) period.Month {
	mm, err := period.ParseMonth(label)
	if err != nil {
		panic(err)
	}
	return mm
}

// testCatalogue: two directorates, a higher-is-better KPI with thresholds that change in
// 2023/24, a lower-is-better monthly KPI, an activity indicator, a KPI without thresholds.
func testCatalogue() *catalogue.Catalogue {
	trendSpec := catalogue.DefaultTrend
	return &catalogue.Catalogue{
		File: "catalogue.yaml", Organisation: "Test Council", Title: "QPR", Calendar: cal, Trend: trendSpec,
		Directorates: []catalogue.Directorate{{Code: "A", Name: "Alpha"}, {Code: "B", Name: "Beta"}, {Code: "C", Name: "Empty"}},
		Indicators: []*catalogue.Indicator{
			{Code: "K1", Name: "Calls answered", Directorate: "A", Type: catalogue.KPI, Polarity: catalogue.Higher, Unit: catalogue.Percent,
				Decimals: 0, Frequency: catalogue.Quarterly, Aggregate: catalogue.Last, MaxLag: 1, Trend: trendSpec,
				Thresholds: map[int]catalogue.Thresholds{2022: {Target: f(85), Floor: f(80)}, 2023: {Target: f(85), Floor: f(75)}}},
			{Code: "K2", Name: "Days to pay", Directorate: "B", Type: catalogue.KPI, Polarity: catalogue.Lower, Unit: catalogue.Days,
				Decimals: 1, Frequency: catalogue.Monthly, Aggregate: catalogue.Mean, MaxLag: 1, Trend: trendSpec,
				Thresholds: map[int]catalogue.Thresholds{2020: {Target: f(10), Floor: f(12)}}},
			{Code: "A1", Name: "Calls received", Directorate: "A", Type: catalogue.Activity, Unit: catalogue.Number,
				Frequency: catalogue.Quarterly, Aggregate: catalogue.Last, MaxLag: 1, Trend: trendSpec,
				Expected: map[int]catalogue.Expected{2023: {Lower: f(100), Upper: f(130)}}},
			{Code: "K3", Name: "Unrated", Directorate: "B", Type: catalogue.KPI, Polarity: catalogue.Higher, Unit: catalogue.Number,
				Frequency: catalogue.Quarterly, Aggregate: catalogue.Last, MaxLag: 0, Trend: trendSpec,
				Thresholds: map[int]catalogue.Thresholds{2022: {Target: f(1)}, 2023: {Null: true}}},
		},
		Packs: []catalogue.Pack{{ID: "qpr", Title: "QPR"}},
	}
}

func quarterly(vals map[string]float64) map[int]data.Value {
	out := map[int]data.Value{}
	for label, v := range vals {
		out[q(label).Index()] = data.Value{V: v}
	}
	return out
}

func monthly(vals map[string]float64) map[int]data.Value {
	out := map[int]data.Value{}
	for label, v := range vals {
		out[m(label).Index()] = data.Value{V: v}
	}
	return out
}

// storeAt is a store of the values given whose latest quarter with data is latest.
func storeAt(values map[string]map[int]data.Value, latest period.Quarter) *data.Store {
	s := data.StoreOf(values)
	s.Latest = latest
	return s
}

func build(t *testing.T, store *data.Store, at string) *Report {
	t.Helper()
	var pq period.Quarter
	if at != "" {
		pq = q(at)
	}
	r, err := Build(Options{Catalogue: testCatalogue(), Store: store, Pack: catalogue.Pack{ID: "qpr", Title: "QPR"}, Period: pq})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func find(r *Report, code string) *Indicator {
	for i := range r.Indicators {
		if r.Indicators[i].Code == code {
			return &r.Indicators[i]
		}
	}
	return nil
}

func str[T any](p *T) string {
	if p == nil {
		return "<nil>"
	}
	return fmt.Sprint(*p)
}

func TestThresholdsOfTheReportYearAndStaleValues(t *testing.T) {
	// K1 is 78 in 2022/23 Q4 and has no 2023/24 Q1 value: Q1 shows the Q4 value, stale, rated
	// with 2023/24's floor of 75, so amber, though it was red (floor 80) in its own quarter.
	store := storeAt(map[string]map[int]data.Value{
		"K1": quarterly(map[string]float64{"2022/23 Q3": 86, "2022/23 Q4": 78}),
	}, q("2022/23 Q4"))
	r := build(t, store, "2023/24 Q1")
	k1 := find(r, "K1")
	if str(k1.RAG) != "amber" || !k1.Stale || str(k1.ValuePeriod) != "2022/23 Q4" || *k1.Value != 78 {
		t.Errorf("K1 at 2023/24 Q1 = rag %s stale %v from %s value %v; want amber, stale from 2022/23 Q4, 78",
			str(k1.RAG), k1.Stale, str(k1.ValuePeriod), *k1.Value)
	}
	if *k1.Target != 85 || *k1.Floor != 75 {
		t.Errorf("thresholds = %v/%v, want 2023/24's 85/75", *k1.Target, *k1.Floor)
	}
	// Previous quarter (2022/23 Q4) rated with its own year's floor of 80: red.
	if str(k1.RAGPrevious) != "red" {
		t.Errorf("rag_previous = %s, want red", str(k1.RAGPrevious))
	}
	// History has no stale stand-in: Q1 itself is null and no_data; Q4 is red under 2022/23.
	h := k1.History
	if len(h) != 5 || h[4].Period.String() != "2023/24 Q1" || h[4].Value != nil || str(h[4].RAG) != "no_data" {
		t.Errorf("history last = %+v", h[len(h)-1])
	}
	if h[3].Period.String() != "2022/23 Q4" || str(h[3].RAG) != "red" || h[2].Period.String() != "2022/23 Q3" || str(h[2].RAG) != "green" {
		t.Errorf("history = %+v %+v", h[2], h[3])
	}
	if h[0].Period.String() != "2022/23 Q1" {
		t.Errorf("history starts at %s, want 2022/23 Q1", h[0].Period)
	}

	// Two quarters on, the Q4 value is beyond max_lag 1: no data.
	r = build(t, store, "2023/24 Q2")
	if k1 := find(r, "K1"); str(k1.RAG) != "no_data" || k1.Value != nil || k1.ValuePeriod != nil {
		t.Errorf("K1 at 2023/24 Q2 = %s, want no_data with null value", str(k1.RAG))
	}
}

func TestMonthlyMeanPartialAndLowerPolarity(t *testing.T) {
	// K2 (mean, lower is better, target 10, floor 12): Jul 10, Aug 12.5 -> mean 11.25, amber,
	// partial (two of three months).
	store := storeAt(map[string]map[int]data.Value{
		"K2": monthly(map[string]float64{"2023-07": 10, "2023-08": 12.5, "2023-04": 9, "2023-05": 9.5, "2023-06": 13}),
	}, q("2023/24 Q2"))
	r := build(t, store, "")
	if r.Period.String() != "2023/24 Q2" || r.PreviousPeriod.String() != "2023/24 Q1" {
		t.Fatalf("period = %s / %s", r.Period, r.PreviousPeriod)
	}
	k2 := find(r, "K2")
	if *k2.Value != 11.25 || !k2.Partial || k2.Months != 2 || str(k2.RAG) != "amber" {
		t.Errorf("K2 = %v partial %v months %d rag %s; want 11.25, partial, 2, amber", *k2.Value, k2.Partial, k2.Months, str(k2.RAG))
	}
	// Q1: mean(9, 9.5, 13) = 10.5, amber; full quarter.
	if str(k2.RAGPrevious) != "amber" || k2.History[3].Partial || *k2.History[3].Value != 10.5 {
		t.Errorf("Q1 = %+v, previous %s", k2.History[3], str(k2.RAGPrevious))
	}
	// Charts of a monthly indicator are monthly: 8 quarters = 24 months ending 2023-09.
	if n := len(k2.Chart); n != 24 || k2.Chart[23].Period.String() != "2023-09" || k2.Chart[0].Period.String() != "2021-10" {
		t.Errorf("chart has %d points, last %s first %s", n, k2.Chart[len(k2.Chart)-1].Period, k2.Chart[0].Period)
	}
}

func TestActivityAndNotRated(t *testing.T) {
	store := storeAt(map[string]map[int]data.Value{
		"A1": quarterly(map[string]float64{"2023/24 Q2": 131, "2023/24 Q1": 100}),
		"K3": quarterly(map[string]float64{"2023/24 Q2": 5, "2023/24 Q1": 0.5}),
	}, q("2023/24 Q2"))
	r := build(t, store, "")
	a1 := find(r, "A1")
	if str(a1.Activity) != "above" || a1.RAG != nil || a1.Target != nil || a1.Expected == nil || *a1.Expected.Upper != 130 {
		t.Errorf("A1 = activity %s rag %v expected %+v", str(a1.Activity), a1.RAG, a1.Expected)
	}
	if r.Summary.Activity.Above != 1 || r.Summary.ActivityPrevious.Within != 1 {
		t.Errorf("activity counts = %+v previous %+v", r.Summary.Activity, r.Summary.ActivityPrevious)
	}
	// K3's thresholds year 2023/24 is null: not rated from then on, though 2022/23 had a target.
	k3 := find(r, "K3")
	if str(k3.RAG) != "not_rated" {
		t.Errorf("K3 = %s, want not_rated", str(k3.RAG))
	}
	// Summary: K1 no data, K2 no data, K3 not rated; KPIs counted, activity not.
	want := RAGCounts{NotRated: 1, NoData: 2}
	if r.Summary.RAG != want || r.Summary.KPIs != 3 || r.Summary.ActivityCount != 1 {
		t.Errorf("summary = %+v kpis %d", r.Summary.RAG, r.Summary.KPIs)
	}
	// Directorate C has no indicators, so the pack does not list it.
	if len(r.Directorates) != 2 || r.Directorates[0].Code != "A" || r.Directorates[1].Code != "B" {
		t.Errorf("directorates = %+v", r.Directorates)
	}
	if r.Directorates[1].RAG != (RAGCounts{NotRated: 1, NoData: 1}) {
		t.Errorf("directorate B counts = %+v", r.Directorates[1].RAG)
	}
}

func TestMissingMarkerIsNoValue(t *testing.T) {
	vals := quarterly(map[string]float64{"2023/24 Q1": 90})
	vals[q("2023/24 Q2").Index()] = data.Value{Missing: true}
	store := storeAt(map[string]map[int]data.Value{"K1": vals}, q("2023/24 Q2"))
	k1 := find(build(t, store, ""), "K1")
	if !k1.Stale || str(k1.ValuePeriod) != "2023/24 Q1" || str(k1.RAG) != "green" {
		t.Errorf("a missing marker should let the Q1 value stand in: %+v", k1)
	}
}

func TestRegressionTrendAndProjection(t *testing.T) {
	// K1 falls by exactly 1 a quarter from 90 over eight quarters: an exact line, p = 0,
	// worsening; projected next quarter 82 (the line continued), interval of zero width.
	vals := map[string]float64{}
	start := q("2021/22 Q3")
	for i := 0; i < 8; i++ {
		vals[cal.Label(start.Add(i))] = 90 - float64(i)
	}
	store := storeAt(map[string]map[int]data.Value{"K1": quarterly(vals)}, q("2023/24 Q2"))
	k1 := find(build(t, store, ""), "K1")
	if k1.Trend == nil || k1.Trend.Direction != "worsening" || !near(*k1.Trend.Slope, -1) || !near(*k1.Trend.Intercept, 90) {
		t.Fatalf("trend = %+v", k1.Trend)
	}
	if k1.Projection == nil || k1.Projection.Period.String() != "2023/24 Q3" || !near(k1.Projection.Value, 82) || str(k1.Projection.RAG) != "amber" {
		t.Errorf("projection = %+v", k1.Projection)
	}
	// The previous quarter's window ends at 2023/24 Q1 and holds 7 points of the same line.
	if str(k1.TrendPrevious) != "worsening" {
		t.Errorf("trend_previous = %s", str(k1.TrendPrevious))
	}
	b, err := json.Marshal(k1.Trend)
	if err != nil || !strings.Contains(string(b), `"p_value":0`) || strings.Contains(string(b), "assurance") {
		t.Errorf("trend JSON = %s, %v", b, err)
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestNoDataAnywhere(t *testing.T) {
	_, err := Build(Options{Catalogue: testCatalogue(), Store: data.NewStore(), Pack: catalogue.Pack{ID: "qpr"}})
	if err != ErrNoData {
		t.Errorf("err = %v, want ErrNoData", err)
	}
}

func TestMonthlySumChartHasNoQuarterlyThresholds(t *testing.T) {
	cat := testCatalogue()
	k2 := cat.Indicators[1]
	k2.Aggregate = catalogue.Sum
	store := storeAt(map[string]map[int]data.Value{"K2": monthly(map[string]float64{"2023-07": 3, "2023-08": 4, "2023-09": 2.5})}, q("2023/24 Q2"))
	r, err := Build(Options{Catalogue: cat, Store: store, Pack: catalogue.Pack{ID: "qpr"}})
	if err != nil {
		t.Fatal(err)
	}
	got := find(r, "K2")
	// 3 + 4 + 2.5 = 9.5 days against a target of 10 (lower is better): green.
	if *got.Value != 9.5 || str(got.RAG) != "green" {
		t.Errorf("K2 sum = %v %s, want 9.5 green", *got.Value, str(got.RAG))
	}
	for _, p := range got.Chart {
		if p.Target != nil || p.Floor != nil {
			t.Fatalf("monthly point %s of a summed indicator carries quarterly thresholds", p.Period)
		}
	}
}

// A July year: 2023/24 Q3 is January to March 2024, and 2023/24's thresholds apply to it
// though the months are in calendar 2024.
func TestJulyYear(t *testing.T) {
	cat := testCatalogue()
	cat.Calendar = period.Calendar{YearStart: 7}
	k2 := cat.Indicators[1] // monthly mean, lower is better
	k2.Thresholds = map[int]catalogue.Thresholds{2022: {Target: f(10), Floor: f(12)}, 2023: {Target: f(8), Floor: f(9)}}
	jan := period.Month{Year: 2024, Month: 1}
	store := storeAt(map[string]map[int]data.Value{"K2": {
		jan.Index():         {V: 8.5},
		jan.Add(1).Index():  {V: 9},
		jan.Add(2).Index():  {V: 9.5}, // mean 9: amber against 2023/24's 8 / 9
		jan.Add(-1).Index(): {V: 9.9}, // December 2023: 2023/24 Q2
	}}, period.Quarter{Year: 2023, Q: 3})
	r, err := Build(Options{Catalogue: cat, Store: store, Pack: catalogue.Pack{ID: "qpr"}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Period.String() != "2023/24 Q3" || r.PeriodStart.String() != "2024-01" || r.PeriodEnd.String() != "2024-03" || r.AsAt != "2024-03-31" {
		t.Errorf("period = %s %s..%s as at %s", r.Period, r.PeriodStart, r.PeriodEnd, r.AsAt)
	}
	k := find(r, "K2")
	if *k.Value != 9 || str(k.RAG) != "amber" || *k.Target != 8 {
		t.Errorf("K2 = %v %s target %v; want 9 amber against 8", *k.Value, str(k.RAG), *k.Target)
	}
	// 2023/24 Q2 (Oct-Dec 2023) has only December: partial, 9.9 red against 2023/24's floor 9.
	if h := k.History[3]; h.Period.String() != "2023/24 Q2" || !h.Partial || *h.Value != 9.9 || str(h.RAG) != "red" {
		t.Errorf("history Q2 = %+v", h)
	}
}
