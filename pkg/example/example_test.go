package example

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/report"
)

// committed is the example project as checked in, which `qpr init` and `make demo` use.
const committed = "../../testdata/example"

// The published summary of the real report the example reproduces (2023/24 Q2, 38 KPIs).
var (
	wantRAG           = report.RAGCounts{Green: 15, Amber: 15, Red: 8}
	wantRAGPrevious   = report.RAGCounts{Green: 16, Amber: 11, Red: 11}
	wantTrend         = report.TrendCounts{Improving: 7, Stable: 19, Worsening: 12}
	wantTrendPrevious = report.TrendCounts{Improving: 4, Stable: 24, Worsening: 10}
)

// load reads the committed example through the same loaders `qpr build` uses.
func load(t *testing.T) (*catalogue.Catalogue, *data.Dataset, *data.Store) {
	t.Helper()
	cat, err := catalogue.Load(filepath.Join(committed, "catalogue.yaml"))
	if err != nil {
		t.Fatalf("catalogue: %v", err)
	}
	ds, store, probs := data.Load([]string{filepath.Join(committed, "data")}, cat)
	for _, p := range probs.Problems() {
		t.Errorf("reading data: %v", p)
	}
	if t.Failed() {
		t.FailNow()
	}
	return cat, ds, store
}

func build(t *testing.T, cat *catalogue.Catalogue, store *data.Store, packID string) *report.Report {
	t.Helper()
	pack, ok := cat.Pack(packID)
	if !ok {
		t.Fatalf("no pack %q in the example catalogue", packID)
	}
	r, err := report.Build(report.Options{Catalogue: cat, Store: store, Pack: pack})
	if err != nil {
		t.Fatalf("build %s: %v", packID, err)
	}
	return r
}

func TestExampleCounts(t *testing.T) {
	cat, _, store := load(t)
	r := build(t, cat, store, "qpr")
	s := r.Summary
	if r.Period.String() != "2023/24 Q2" || r.PreviousPeriod.String() != "2023/24 Q1" {
		t.Errorf("period %s, previous %s; want 2023/24 Q2 and 2023/24 Q1 (the latest quarter with data)", r.Period, r.PreviousPeriod)
	}
	if s.KPIs != 38 {
		t.Errorf("kpis = %d, want 38", s.KPIs)
	}
	if s.RAG != wantRAG {
		t.Errorf("rag = %+v, want %+v", s.RAG, wantRAG)
	}
	if s.RAGPrevious != wantRAGPrevious {
		t.Errorf("rag_previous = %+v, want %+v", s.RAGPrevious, wantRAGPrevious)
	}
	if s.Trend != wantTrend {
		t.Errorf("trend = %+v, want %+v", s.Trend, wantTrend)
	}
	if s.TrendPrevious != wantTrendPrevious {
		t.Errorf("trend_previous = %+v, want %+v", s.TrendPrevious, wantTrendPrevious)
	}
	wantActivity := report.ActivityCounts{Above: 1, Within: 5, Below: 1}
	if s.Activity != wantActivity {
		t.Errorf("activity = %+v, want %+v", s.Activity, wantActivity)
	}
	if len(r.Directorates) != 6 {
		t.Errorf("%d directorates in the qpr pack, want all 6", len(r.Directorates))
	}
}

// TestExampleShowsEachFeature checks the cases the example is there to demonstrate.
func TestExampleShowsEachFeature(t *testing.T) {
	cat, _, store := load(t)
	r := build(t, cat, store, "qpr")
	byCode := map[string]report.Indicator{}
	for _, ind := range r.Indicators {
		byCode[ind.Code] = ind
	}

	wm01 := byCode["WM01"]
	if !wm01.Stale || wm01.ValuePeriod == nil || wm01.ValuePeriod.String() != "2023/24 Q1" {
		t.Errorf("WM01 should show 2023/24 Q1's value as stale; stale=%v period=%v", wm01.Stale, wm01.ValuePeriod)
	}
	ht01 := byCode["HT01"]
	if !ht01.Partial || ht01.Months != 2 {
		t.Errorf("HT01 should be partial with 2 months; partial=%v months=%d", ht01.Partial, ht01.Months)
	}
	for code, freq := range map[string]string{"CS01": "monthly", "HR13": "monthly", "HT01": "monthly", "CS04": "monthly", "FN01": "quarterly"} {
		if string(byCode[code].Frequency) != freq {
			t.Errorf("%s frequency = %s, want %s", code, byCode[code].Frequency, freq)
		}
	}
	if tr := byCode["CS02"].Trend; tr == nil || tr.Method != "spc" {
		t.Errorf("CS02 should be trended by spc, got %+v", tr)
	}
	for _, ind := range r.Indicators {
		if ind.RAG != nil && *ind.RAG == "red" && (ind.Commentary == nil || ind.Commentary.Context == "" || ind.Commentary.Actions == "") {
			t.Errorf("%s is red at 2023/24 Q2 but has no context and actions", ind.Code)
		}
	}
	// CS01's floor was lowered for 2023/24: the 2022/23 history is rated against 80.
	for _, h := range byCode["CS01"].History {
		if h.Period.String() == "2022/23 Q4" && h.Value != nil && *h.Value < 80 && (h.RAG == nil || *h.RAG != "red") {
			t.Errorf("CS01 2022/23 Q4 = %v should be red against the 2022/23 floor of 80", *h.Value)
		}
	}

	for _, d := range directorates {
		dash := build(t, cat, store, d.Pack)
		if dash.Pack.Title != "Performance Dashboard - "+d.Name {
			t.Errorf("pack %s title %q", d.Pack, dash.Pack.Title)
		}
		if len(dash.Directorates) != 1 || dash.Directorates[0].Code != d.Code {
			t.Errorf("pack %s lists directorates %+v, want only %s", d.Pack, dash.Directorates, d.Code)
		}
	}
}

// TestExampleRAGWithoutTheEngine rates the committed data with this test's own arithmetic,
// straight from the observations read, so the counts do not rest on the report engine alone.
func TestExampleRAGWithoutTheEngine(t *testing.T) {
	cat, ds, _ := load(t)
	q2 := reportQuarter
	q1 := q2.Add(-1)
	count := func(q period.Quarter) map[string]int {
		out := map[string]int{}
		qpr, _ := cat.Pack("qpr")
		for _, ind := range cat.Members(qpr) { // the published summary is the corporate report's
			if ind.Type != catalogue.KPI {
				continue
			}
			v, ok := quarterValueByHand(ds, cat, ind, q.Index())
			if !ok { // one quarter's lag is allowed
				v, ok = quarterValueByHand(ds, cat, ind, q.Index()-1)
			}
			if !ok {
				out["no_data"]++
				continue
			}
			th, _ := ind.ThresholdsFor(q.Year)
			target, floor := *th.Target, *th.Floor
			switch {
			case ind.Polarity == catalogue.Higher && v >= target, ind.Polarity == catalogue.Lower && v <= target:
				out["green"]++
			case ind.Polarity == catalogue.Higher && v >= floor, ind.Polarity == catalogue.Lower && v <= floor:
				out["amber"]++
			default:
				out["red"]++
			}
		}
		return out
	}
	if got := count(q2); got["green"] != 15 || got["amber"] != 15 || got["red"] != 8 || len(got) != 3 {
		t.Errorf("2023/24 Q2 by hand: %v, want green 15, amber 15, red 8", got)
	}
	if got := count(q1); got["green"] != 16 || got["amber"] != 11 || got["red"] != 11 || len(got) != 3 {
		t.Errorf("2023/24 Q1 by hand: %v, want green 16, amber 11, red 11", got)
	}
}

// quarterValueByHand is the value of ind for the quarter with index qi: the quarter's own
// observation, or the mean or last of its months.
func quarterValueByHand(ds *data.Dataset, cat *catalogue.Catalogue, ind *catalogue.Indicator, qi int) (float64, bool) {
	var months []float64
	for o := range ds.All() {
		if o.Code != ind.Code || o.Missing || cat.Calendar.QuarterOfPeriod(o.Period).Index() != qi {
			continue
		}
		if ind.Frequency == catalogue.Quarterly {
			return o.Value, true
		}
		months = append(months, o.Value) // rows are in month order in the example's files
	}
	if len(months) == 0 {
		return 0, false
	}
	if ind.Aggregate == catalogue.Last {
		return months[len(months)-1], true
	}
	sum := 0.0
	for _, v := range months {
		sum += v
	}
	return sum / float64(len(months)), true
}

// TestRegeneratingGivesTheCommittedBytes guards both determinism and a stale commit: the
// generator must reproduce every committed file exactly, and write nothing else.
func TestRegeneratingGivesTheCommittedBytes(t *testing.T) {
	dir := t.TempDir()
	if err := Generate(dir); err != nil {
		t.Fatal(err)
	}
	fresh := readTree(t, dir)
	onDisk := readTree(t, committed)
	for name, body := range fresh {
		old, ok := onDisk[name]
		switch {
		case !ok:
			t.Errorf("%s is generated but not committed (run make example)", name)
		case !bytes.Equal(old, body):
			t.Errorf("%s differs from the committed file (run make example, or the generator is not deterministic)", name)
		}
	}
	for name := range onDisk {
		if _, ok := fresh[name]; !ok {
			t.Errorf("%s is committed but no longer generated", name)
		}
	}
}

func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "out" { // what a demo build writes, not part of the example
				return filepath.SkipDir
			}
			return nil
		}
		body, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		out[filepath.ToSlash(rel)] = body
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestOutlooksAddUpToThePublishedSummary checks the table of wanted outlooks itself.
func TestOutlooksAddUpToThePublishedSummary(t *testing.T) {
	counts := map[string]int{}
	for _, k := range kpis {
		counts["Q1 "+k.Want.RAGQ1]++
		counts["Q2 "+k.Want.RAGQ2]++
		counts["Q1 "+k.Want.TrendQ1]++
		counts["Q2 "+k.Want.TrendQ2]++
	}
	want := map[string]int{
		"Q2 green": 15, "Q2 amber": 15, "Q2 red": 8, "Q1 green": 16, "Q1 amber": 11, "Q1 red": 11,
		"Q2 improving": 7, "Q2 stable": 19, "Q2 worsening": 12, "Q1 improving": 4, "Q1 stable": 24, "Q1 worsening": 10,
	}
	if len(kpis) != 38 {
		t.Errorf("%d KPIs, want 38", len(kpis))
	}
	for k, n := range want {
		if counts[k] != n {
			t.Errorf("%s: %d KPIs want it, the published report has %d", k, counts[k], n)
		}
	}
}

// Every KPI of the example is defined, and nothing is defined that is not a KPI of it.
func TestEveryKPIHasAMeaning(t *testing.T) {
	codes := map[string]bool{}
	for _, k := range kpis {
		codes[k.Code] = true
		if meanings[k.Code].Definition == "" {
			t.Errorf("%s has no definition", k.Code)
		}
	}
	for code := range meanings {
		if !codes[code] {
			t.Errorf("a meaning is given for %s, which is not a KPI of the example", code)
		}
	}
}

// The year-to-date council tax KPI, on the CED dashboard only, is rated against the profile
// for its quarter: 55.6% against Q2's 56 and 54.5 is amber, where the year's 97.5 would make
// it red; and like with like, 0.3 below last year's 55.9.
func TestCouncilTaxIsRatedAgainstItsProfile(t *testing.T) {
	cat, _, store := load(t)
	r := build(t, cat, store, "ced")
	for i := range r.Indicators {
		in := &r.Indicators[i]
		if in.Code != "FN10" {
			continue
		}
		if *in.Value != 55.6 || *in.Target != 56 || *in.Floor != 54.5 || string(*in.RAG) != "amber" {
			t.Errorf("FN10: %v against %v/%v is %s, want 55.6 amber against 56/54.5", *in.Value, *in.Target, *in.Floor, *in.RAG)
		}
		if in.Recovery == nil || in.Recovery.Period != nil || !strings.Contains(in.Recovery.Text, "0.3 points below") {
			t.Errorf("FN10 recovery %+v", in.Recovery)
		}
		if len(in.Profile) != 4 || len(in.Events) != 2 {
			t.Errorf("FN10: %d profile quarters, %d events; want 4 and 2", len(in.Profile), len(in.Events))
		}
		return
	}
	t.Fatal("no FN10 in the ced pack")
}
