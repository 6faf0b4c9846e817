package check

import (
	"strings"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/period"
)

func TestMeaningWarnings(t *testing.T) {
	undefined := kpi("UNDEF", catalogue.Percent, 60, 50)
	undefined.Meaning = catalogue.Meaning{}
	// set for 2021/22 and 2022/23 only: 2023/24 (the report's year) takes 2022/23's, the
	// latest earlier year, and the warning names that year once, not 2021/22 as well
	carried := kpi("CARRY", catalogue.Percent, 60, 50)
	carried.Thresholds = map[int]catalogue.Thresholds{2021: {Target: f(70)}, 2022: {Target: f(75), Floor: f(70)}}
	// a target at indicator level is meant for every year: nothing inherited
	everyYear := kpi("EVERY", catalogue.Percent, 60, 50)
	everyYear.Thresholds = map[int]catalogue.Thresholds{catalogue.EveryYear: {Target: f(75)}}
	// an activity indicator needs no definition to be read (a count of calls is a count)
	activity := &catalogue.Indicator{Code: "ACT", Name: "ACT", Directorate: "D", Type: catalogue.Activity, Unit: catalogue.Number,
		Frequency: catalogue.Quarterly, Aggregate: catalogue.Last, MaxLag: 1, Trend: catalogue.DefaultTrend, Line: 10}
	values := map[string]map[int]data.Value{}
	for _, code := range []string{"UNDEF", "CARRY", "EVERY", "ACT"} {
		values[code] = quarters(70, 72, 74)
	}
	var got []string
	for _, w := range warningsFor(t, []*catalogue.Indicator{undefined, carried, everyYear, activity}, values) {
		if strings.Contains(w, "definition") || strings.Contains(w, "thresholds for") {
			got = append(got, w)
		}
	}
	want := []string{
		`catalogue.yaml:10: UNDEF is a kpi without a definition: add definition: saying what is counted and how, for the report's "About this indicator"`,
		`catalogue.yaml:10: CARRY has no thresholds for 2023/24, so it is rated against 2022/23's (target 75%, floor 70%); add 2023/24 under thresholds, repeating the figures if they are unchanged, or null to stop rating it`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRebaseWithoutAReasonIsWarnedOf(t *testing.T) {
	ind := kpi("RB", catalogue.Percent, 60, 50)
	ind.SPC = catalogue.SPCSpec{Rebase: []int{2022*4 + 2, 2023 * 4}, Points: []catalogue.RebasePoint{
		{Index: 2022*4 + 2, Period: period.Period{Kind: period.KindMonth, Month: period.Month{Year: 2022, Month: 10}}, Line: 14},
		{Index: 2023 * 4, Period: period.Period{Kind: period.KindMonth, Month: period.Month{Year: 2023, Month: 4}}, Reason: "new system", Line: 15},
	}}
	var got []string
	for _, w := range warningsFor(t, []*catalogue.Indicator{ind}, map[string]map[int]data.Value{"RB": quarters(70, 72, 74)}) {
		if strings.Contains(w, "rebased") {
			got = append(got, w)
		}
	}
	want := `catalogue.yaml:14: RB is rebased at 2022-10 without a reason: write it as {at: "2022-10", reason: ...} saying what changed; the reason is shown on the chart as an event`
	if len(got) != 1 || got[0] != want {
		t.Errorf("warnings %q, want only\n%s", got, want)
	}
}
