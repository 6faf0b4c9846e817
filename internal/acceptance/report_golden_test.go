package acceptance_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/example/qpr/pkg/report"
)

// TestExampleReportGolden pins the whole JSON of the example's corporate pack and CED
// dashboard, and checks by name the figures a committee member would quote.
//
// Checked independently before the golden files were first written, by a Python script
// (testdata/golden/check_example.py) that reads the example's xlsx and csv files with its
// own XML reader and the catalogue with PyYAML, and shares no code with qpr:
//   - for every one of the 38 KPIs of the qpr pack: the quarter value (stale and part-quarter
//     rules, monthly mean/sum/last, 10 significant figures), value_period, stale, target,
//     floor, rag, rag_previous, all five history points (value and rag) and, for the 37
//     KPIs trended by regression, the direction at 2023/24 Q2 and Q1 (its own OLS and t-test);
//     CS02's spc direction was the one figure taken from the report rather than recomputed;
//   - the summary counts that follow: 15/15/8, 16/11/11, 7/19/12, 4/24/10, which are also the
//     published counts of the real report the example models;
//   - the seven activity indicators' statuses (1 above, 5 within, 1 below);
//   - the ced pack's members, in catalogue order, and its 2/2/2 ratings.
//
// The figures asserted below were worked out by hand from the raw files.
func TestExampleReportGolden(t *testing.T) {
	ex := loadExample(t)

	qpr := ex.build(t, "qpr")
	checkCorporateFigures(t, qpr)
	compareGolden(t, "example-qpr-2023-24-Q2.json", marshalReport(t, qpr))

	ced := ex.build(t, "ced")
	checkCEDFigures(t, ced)
	compareGolden(t, "example-ced-2023-24-Q2.json", marshalReport(t, ced))
}

func checkCorporateFigures(t *testing.T, r *report.Report) {
	t.Helper()
	if r.Schema != "qpr.report/v1" || r.Period.String() != "2023/24 Q2" || r.PreviousPeriod.String() != "2023/24 Q1" {
		t.Errorf("schema %q, period %q, previous %q; want qpr.report/v1, 2023/24 Q2 (the latest quarter with data), 2023/24 Q1",
			r.Schema, r.Period, r.PreviousPeriod)
	}
	// Without SOURCE_DATE_EPOCH the report carries the last day of its quarter.
	if r.AsAt != "2023-09-30" {
		t.Errorf("as_at = %q, want 2023-09-30", r.AsAt)
	}
	wantPeriods := []string{"2022/23 Q2", "2022/23 Q3", "2022/23 Q4", "2023/24 Q1", "2023/24 Q2"}
	var periods []string
	for _, p := range r.HistoryPeriods {
		periods = append(periods, p.String())
	}
	if !slices.Equal(periods, wantPeriods) {
		t.Errorf("history_periods = %v, want %v (five quarters, oldest first)", r.HistoryPeriods, wantPeriods)
	}

	s := r.Summary
	if s.KPIs != 38 || s.ActivityCount != 7 {
		t.Errorf("%d KPIs and %d activity indicators, want 38 and 7", s.KPIs, s.ActivityCount)
	}
	if want := (report.RAGCounts{Green: 15, Amber: 15, Red: 8}); s.RAG != want {
		t.Errorf("summary rag = %+v, want %+v", s.RAG, want)
	}
	if want := (report.RAGCounts{Green: 16, Amber: 11, Red: 11}); s.RAGPrevious != want {
		t.Errorf("summary rag_previous = %+v, want %+v", s.RAGPrevious, want)
	}
	if want := (report.TrendCounts{Improving: 7, Stable: 19, Worsening: 12}); s.Trend != want {
		t.Errorf("summary trend = %+v, want %+v", s.Trend, want)
	}
	if want := (report.TrendCounts{Improving: 4, Stable: 24, Worsening: 10}); s.TrendPrevious != want {
		t.Errorf("summary trend_previous = %+v, want %+v", s.TrendPrevious, want)
	}
	if want := (report.ActivityCounts{Above: 1, Within: 5, Below: 1}); s.Activity != want {
		t.Errorf("summary activity = %+v, want %+v", s.Activity, want)
	}
	var dirs []string
	for _, d := range r.Directorates {
		dirs = append(dirs, d.Code)
	}
	if want := []string{"CED", "DCED", "GET", "ASCH", "CYPE", "PH"}; !slices.Equal(dirs, want) {
		t.Errorf("directorates %v, want %v in catalogue order", dirs, want)
	}

	// WM01 (get.xlsx, "Waste and Planning"): 2023/24 Q2 is "n/a", so 2023/24 Q1's 50.3 stands
	// in (max_lag 1), rated against 2023/24's target 50 and floor 45: green. Its history has
	// no stand-in: Q2 is null and rated no_data; 2022/23 Q4's 49.7 is amber.
	wm01 := indicatorNamed(t, r, "WM01")
	checkHeadline(t, wm01, headline{value: 50.3, period: "2023/24 Q1", stale: true, target: 50, floor: 45, rag: "green"})
	checkHistory(t, wm01, []historyWant{
		{"2022/23 Q2", ptr(50.3), "green"}, {"2022/23 Q3", ptr(50.6), "green"}, {"2022/23 Q4", ptr(49.7), "amber"},
		{"2023/24 Q1", ptr(50.3), "green"}, {"2023/24 Q2", nil, "no_data"},
	})
	if wm01.Commentary == nil || wm01.Commentary.Context == "" {
		t.Errorf("WM01 has no commentary; the Commentary sheet of get.xlsx gives context for 2023/24 Q2")
	}

	// HT01 (get-highways-works-monthly.csv, aggregate mean): July 78.1 and August 78.7, no
	// September, so the quarter is their mean 78.4 from two months, partial, and red (below
	// the floor of 80). 2023/24 Q1 is the mean of 79.7, 81.7 and 81.6 = 81: amber.
	ht01 := indicatorNamed(t, r, "HT01")
	checkHeadline(t, ht01, headline{value: 78.4, period: "2023/24 Q2", partial: true, target: 90, floor: 80, rag: "red"})
	if ht01.Months != 2 {
		t.Errorf("HT01 months = %d, want 2 (July and August 2023)", ht01.Months)
	}
	checkHistory(t, ht01, []historyWant{
		{"2022/23 Q2", ptr(87.9), "amber"}, {"2022/23 Q3", ptr(88.0), "amber"}, {"2022/23 Q4", ptr(83.7), "amber"},
		{"2023/24 Q1", ptr(81.0), "amber"}, {"2023/24 Q2", ptr(78.4), "red"},
	})
}

func checkCEDFigures(t *testing.T, r *report.Report) {
	t.Helper()
	if r.Pack.ID != "ced" || r.Pack.Title != "Performance Dashboard - Chief Executive's Department" {
		t.Errorf("pack %+v, want ced, Performance Dashboard - Chief Executive's Department", r.Pack)
	}
	var codes []string
	for _, ind := range r.Indicators {
		codes = append(codes, ind.Code)
	}
	// FN10, council tax collected, is on the dashboard only (not tagged qpr)
	if want := []string{"FN01", "FN02", "FN05", "FN06", "GL01", "GL03", "FN10"}; !slices.Equal(codes, want) {
		t.Errorf("ced pack indicators %v, want %v (directorate CED, catalogue order)", codes, want)
	}
	if len(r.Directorates) != 1 || r.Directorates[0].Code != "CED" {
		t.Errorf("ced pack directorates %+v, want only CED", r.Directorates)
	}
	// FN10's 55.6% is amber against its Q2 profile of 56 and 54.5
	if want := (report.RAGCounts{Green: 2, Amber: 3, Red: 2}); r.Summary.RAG != want {
		t.Errorf("ced rag = %+v, want %+v", r.Summary.RAG, want)
	}

	// FN01 (ced.xlsx, sheet KPIs, a wide table): 2023/24 Q2 is 90.6 against the catalogue's
	// target 90 and floor 85, higher is better: green. The row's 2022/23 Q2 to 2023/24 Q1
	// cells are 83.9 (below the floor: red), 85.4, 87.6 and 89 (amber).
	fn01 := indicatorNamed(t, r, "FN01")
	checkHeadline(t, fn01, headline{value: 90.6, period: "2023/24 Q2", target: 90, floor: 85, rag: "green"})
	checkHistory(t, fn01, []historyWant{
		{"2022/23 Q2", ptr(83.9), "red"}, {"2022/23 Q3", ptr(85.4), "amber"}, {"2022/23 Q4", ptr(87.6), "amber"},
		{"2023/24 Q1", ptr(89.0), "amber"}, {"2023/24 Q2", ptr(90.6), "green"},
	})
}

type headline struct {
	value          float64
	period         string
	stale, partial bool
	target, floor  float64
	rag            string
}

func checkHeadline(t *testing.T, ind *report.Indicator, want headline) {
	t.Helper()
	if ind.Value == nil || *ind.Value != want.value {
		t.Errorf("%s value = %v, want %v", ind.Code, deref(ind.Value), want.value)
	}
	if ind.ValuePeriod == nil || ind.ValuePeriod.String() != want.period {
		t.Errorf("%s value_period = %v, want %s", ind.Code, derefString(ind.ValuePeriod), want.period)
	}
	if ind.Stale != want.stale || ind.Partial != want.partial {
		t.Errorf("%s stale %v partial %v, want stale %v partial %v", ind.Code, ind.Stale, ind.Partial, want.stale, want.partial)
	}
	if ind.Target == nil || *ind.Target != want.target || ind.Floor == nil || *ind.Floor != want.floor {
		t.Errorf("%s target %v floor %v, want %v and %v", ind.Code, deref(ind.Target), deref(ind.Floor), want.target, want.floor)
	}
	if ind.RAG == nil || string(*ind.RAG) != want.rag {
		t.Errorf("%s rag = %v, want %s", ind.Code, derefString(ind.RAG), want.rag)
	}
}

type historyWant struct {
	period string
	value  *float64
	rag    string
}

func checkHistory(t *testing.T, ind *report.Indicator, want []historyWant) {
	t.Helper()
	if len(ind.History) != len(want) {
		t.Errorf("%s has %d history points, want %d", ind.Code, len(ind.History), len(want))
		return
	}
	for i, w := range want {
		h := ind.History[i]
		valueOK := (h.Value == nil && w.value == nil) || (h.Value != nil && w.value != nil && *h.Value == *w.value)
		if h.Period.String() != w.period || !valueOK || h.RAG == nil || string(*h.RAG) != w.rag {
			t.Errorf("%s history[%d] = %s %v %v, want %s %v %s", ind.Code, i, h.Period, deref(h.Value), derefString(h.RAG), w.period, deref(w.value), w.rag)
		}
	}
}

func indicatorNamed(t *testing.T, r *report.Report, code string) *report.Indicator {
	t.Helper()
	for i := range r.Indicators {
		if r.Indicators[i].Code == code {
			return &r.Indicators[i]
		}
	}
	t.Fatalf("no indicator %s in pack %s", code, r.Pack.ID)
	return nil
}

func ptr(v float64) *float64 { return &v }

// deref shows an optional number in a message: its value, or nil.
func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func derefString[T any](p *T) string {
	if p == nil {
		return "<nil>"
	}
	return fmt.Sprint(*p)
}
