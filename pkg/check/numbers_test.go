package check

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/report"
)

// quarters fills an indicator's quarterly series ending at 2023/24 Q2, one value a quarter,
// each at its own csv line (line = 100 + position) so a warning's place can be checked.
func quarters(values ...float64) map[int]data.Value {
	out := map[int]data.Value{}
	last := period.Quarter{Year: 2023, Q: 2}
	for i, v := range values {
		idx := last.Add(i - len(values) + 1).Index()
		out[idx] = data.Value{V: v, Place: diag.Place{File: "d.csv", Line: 100 + i}}
	}
	return out
}

func warningsFor(t *testing.T, inds []*catalogue.Indicator, values map[string]map[int]data.Value) []string {
	t.Helper()
	cat := &catalogue.Catalogue{File: "catalogue.yaml", Calendar: period.DefaultCalendar, Trend: catalogue.DefaultTrend,
		Directorates: []catalogue.Directorate{{Code: "D", Name: "D"}}, Indicators: inds}
	store := data.StoreOf(values)
	store.Latest = period.Quarter{Year: 2023, Q: 2}
	r, err := report.Build(report.Options{Catalogue: cat, Store: store, Pack: catalogue.Pack{ID: "all"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range Warnings(cat, store, r, nil) {
		if s := p.Error(); !strings.Contains(s, "management action") {
			got = append(got, s)
		}
	}
	return got
}

func TestScaleBreaks(t *testing.T) {
	inds := []*catalogue.Indicator{
		kpi("FRAC", catalogue.Percent, 60, 50), // 0.61 among values around 63
		kpi("X100", catalogue.Number, 80, 70),  // 8600 among values around 85
		kpi("OVER", catalogue.Percent, 90, 80), // 101% in a series that stays below 100
		kpi("HIGH", catalogue.Percent, 90, 80), // a measure that runs over 100 most of the time
		kpi("VOL", catalogue.Number, 10, 5),    // a volatile count: no warning
		kpi("RAMP", catalogue.Number, 10, 5),   // growing tenfold over two years: no warning
	}
	got := warningsFor(t, inds, map[string]map[int]data.Value{
		"FRAC": quarters(62, 64, 63, 0.61, 65, 63, 64),
		"X100": quarters(85, 84, 86, 8600, 85, 87),
		"OVER": quarters(95, 97, 101, 96, 98),
		"HIGH": quarters(104, 99, 103, 107, 102),
		"VOL":  quarters(2, 0, 1, 80, 3, 14, 1),
		"RAMP": quarters(10, 20, 40, 80, 160, 320, 640),
	})
	want := []string{
		// 0.61 against the median of 62, 64, 63, 65, 63, 64 (63.5): a hundredth of it.
		"d.csv:103: FRAC 2022/23 Q3: 0.61 is about a hundredth of the values around it (about 63.5): a percentage typed as a fraction? write 61 or 61%",
		// 8600 against the median of 85, 84, 86, 85, 87 (85): a hundred and one times.
		"d.csv:103: X100 2022/23 Q4: 8600 is about a hundred times the values around it (about 85); check its unit",
		"d.csv:102: OVER 2022/23 Q4: 101% is above 100% while the rest of its series is not; check the value",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRatioDisagreement(t *testing.T) {
	ind := kpi("RT", catalogue.Percent, 60, 50)
	ind.Aggregate = catalogue.Ratio
	stated := func(v, n, d float64, line int) data.Value {
		r := &data.Ratio{Numerator: n, Denominator: d, Stated: v, StatedGiven: true}
		x, _ := r.Of(100)
		return data.Value{V: x, Ratio: r, Place: diag.Place{File: "d.csv", Line: line}}
	}
	q2 := period.Quarter{Year: 2023, Q: 2}
	got := warningsFor(t, []*catalogue.Indicator{ind}, map[string]map[int]data.Value{"RT": {
		q2.Add(-2).Index(): stated(63, 631, 1000, 1),   // 63.1 shown as 63: rounding
		q2.Add(-1).Index(): stated(63.4, 630, 1000, 2), // 63.0 is not 63.4 to one place
		q2.Index():         stated(63, 634, 1000, 3),   // 63.4 rounds to 63
	}})
	want := []string{"d.csv:2: RT 2023/24 Q1: the value 63.4 is not its numerator over its denominator (630 / 1000 = 63.00%); the report uses the ratio, so check the value or the counts"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSPCShiftAndProvisionalWarnings(t *testing.T) {
	shifted := kpi("SHIFT", catalogue.Percent, 85, 75)
	// Six quarters about 90, then seven about 80, ending 2023/24 Q2: the seven (from 2021/22
	// Q4) are all below the mean of the thirteen (about 84.5).
	shifted.Trend.Method, shifted.Trend.Window = "spc", 13
	short := kpi("SHORT", catalogue.Percent, 85, 75)
	short.Trend.Method = "spc"
	got := warningsFor(t, []*catalogue.Indicator{shifted, short}, map[string]map[int]data.Value{
		"SHIFT": quarters(90, 91, 89, 90, 92, 90, 80, 79, 81, 80, 78, 80, 79),
		"SHORT": quarters(80, 82, 81, 83, 82),
	})
	want := []string{
		`catalogue.yaml:10: SHIFT: the last 7 quarters are all below the SPC average, a sustained shift, so limits computed across it describe neither process (the assurance is not judged); recalculate them from 2021/22 Q4 with spc: {rebase: ["2021/22 Q4"]}`,
		"catalogue.yaml:10: SHORT: the SPC limits rest on 5 quarters (from 2022/23 Q2), fewer than the 12 needed, so they are provisional",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Real, volatile series must not set the scale-break detector off: the A&E attendance and
// performance series of NHSRplotthedots' published cases (15 series, 24 to 36 months each).
func TestScaleBreaksQuietOnRealSeries(t *testing.T) {
	var all []struct {
		ID     string    `json:"id"`
		Values []float64 `json:"values"`
	}
	for _, name := range []string{"ptd_pkgdown_facets_decrease.json", "ptd_integration_snapshot_pr99.json"} {
		raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "oracle", "spc", name))
		if err != nil {
			t.Fatal(err)
		}
		var file struct {
			Cases []struct {
				ID     string    `json:"id"`
				Values []float64 `json:"values"`
			} `json:"cases"`
		}
		if err := json.Unmarshal(raw, &file); err != nil {
			t.Fatal(err)
		}
		for _, c := range file.Cases {
			all = append(all, struct {
				ID     string    `json:"id"`
				Values []float64 `json:"values"`
			}(c))
		}
	}
	if len(all) != 15 {
		t.Fatalf("%d series, want 15", len(all))
	}
	for _, c := range all {
		unit := catalogue.Number
		if strings.Contains(c.ID, "performance") {
			unit = catalogue.Percent
		}
		ind := kpi("AE", unit, 1, 0)
		if got := warningsFor(t, []*catalogue.Indicator{ind}, map[string]map[int]data.Value{"AE": quarters(c.Values...)}); len(got) > 0 {
			t.Errorf("%s: %v", c.ID, got)
		}
	}
}
