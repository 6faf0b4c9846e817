package check

import (
	"strings"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/report"
)

func f(v float64) *float64 { return &v }

func kpi(code string, unit catalogue.Unit, target, floor float64) *catalogue.Indicator {
	return &catalogue.Indicator{
		Code: code, Name: code, Directorate: "D", Type: catalogue.KPI, Polarity: catalogue.Higher, Unit: unit,
		Frequency: catalogue.Quarterly, Aggregate: catalogue.Last, MaxLag: 1, Trend: catalogue.DefaultTrend, Line: 10,
		Thresholds: map[int]catalogue.Thresholds{2023: {Target: f(target), Floor: f(floor)}},
		Meaning:    catalogue.Meaning{Definition: "What " + code + " counts."},
	}
}

func TestWarnings(t *testing.T) {
	cal := period.DefaultCalendar
	q2 := period.Quarter{Year: 2023, Q: 2}
	cat := &catalogue.Catalogue{
		File: "catalogue.yaml", Calendar: cal, Trend: catalogue.DefaultTrend,
		Directorates: []catalogue.Directorate{{Code: "D", Name: "D"}},
		Indicators: []*catalogue.Indicator{
			kpi("FRAC", catalogue.Percent, 87, 80), // typed as fractions
			kpi("REDX", catalogue.Percent, 90, 80), // red, no actions
			kpi("REDA", catalogue.Percent, 90, 80), // red, with actions
			kpi("OLD", catalogue.Number, 5, 4),     // only last quarter: stale
			kpi("NONE", catalogue.Number, 5, 4),    // nothing at all
			kpi("SMALL", catalogue.Rate, 0.5, 0.4), // small values, but not a percent
		},
	}
	at := diag.Place{File: "q2.csv", Line: 7}
	store := data.StoreOf(map[string]map[int]data.Value{
		"FRAC":  {q2.Index(): {V: 0.87, Place: at}, q2.Add(-1).Index(): {V: 0.85}},
		"REDX":  {q2.Index(): {V: 50}},
		"REDA":  {q2.Index(): {V: 50}},
		"OLD":   {q2.Add(-1).Index(): {V: 5}},
		"SMALL": {q2.Index(): {V: 0.45}},
	})
	store.SetComment("REDA", q2, data.Comment{Actions: "Recruiting."})
	store.Latest = q2
	r, err := report.Build(report.Options{Catalogue: cat, Store: store, Pack: catalogue.Pack{ID: "all"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range Warnings(cat, store, r, true) {
		if p.Severity != diag.Warning {
			t.Errorf("%s is not a warning", p.Error())
		}
		got = append(got, p.Error())
	}
	want := []string{
		// FRAC: 0.87 is red against 87 too, and has no actions.
		"q2.csv:7: FRAC values look like fractions (0.87) while its target is 87: write a percentage as 87 or 87%, or as 0.87 in a cell formatted as a percentage",
		"catalogue.yaml:10: FRAC is red at 2023/24 Q2 but has no management action: add a commentary row (code, period, actions) saying what is being done",
		"catalogue.yaml:10: REDX is red at 2023/24 Q2 but has no management action: add a commentary row (code, period, actions) saying what is being done",
		"catalogue.yaml:10: OLD has no value for 2023/24 Q2: the report shows its 2023/24 Q1 value, marked stale",
		"catalogue.yaml:10: NONE has no value for 2023/24 Q2 or the quarter before: it will show as no data",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestThinLatestQuarterAndEmptyPack(t *testing.T) {
	cal := period.DefaultCalendar
	q1 := period.Quarter{Year: 2023, Q: 1}
	typo := period.Quarter{Year: 2033, Q: 2} // 2033/34 typed for 2023/24
	cat := &catalogue.Catalogue{
		File: "catalogue.yaml", Calendar: cal, Trend: catalogue.DefaultTrend,
		Directorates: []catalogue.Directorate{{Code: "D", Name: "D"}, {Code: "E", Name: "Empty"}},
		Packs:        []catalogue.Pack{{ID: "qpr"}, {ID: "e", Include: &catalogue.Include{Directorates: []string{"E"}}}},
	}
	store := data.NewStore()
	store.Latest = typo
	for _, code := range []string{"K1", "K2", "K3", "K4"} {
		cat.Indicators = append(cat.Indicators, kpi(code, catalogue.Number, 5, 4))
		store.Set(code, q1.Index(), data.Value{V: 5, Place: diag.Place{File: "q1.csv", Line: 2}})
	}
	store.Set("K1", typo.Index(), data.Value{V: 6, Place: diag.Place{File: "q2.csv", Line: 9}})
	r, err := report.Build(report.Options{Catalogue: cat, Store: store, Pack: catalogue.Pack{ID: "all"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range Warnings(cat, store, r, true) {
		if strings.Contains(p.Message, "latest quarter") || strings.Contains(p.Message, "pack") {
			got = append(got, p.Error())
		}
	}
	want := []string{
		"q2.csv:9: 2033/34 Q2 is the latest quarter with data, so the report is for it by default, but only 1 indicator has a value for it (4 have one for 2023/24 Q1); check the period written here, or build with --period",
		"catalogue.yaml: pack e selects no indicators, so its report would be empty; check its include",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Asked for explicitly, the quarter is what the user meant: no warning about it.
	for _, p := range Warnings(cat, store, r, false) {
		if strings.Contains(p.Message, "latest quarter") {
			t.Errorf("warned about an asked-for quarter: %s", p.Error())
		}
	}
}

func TestPartialSumWarning(t *testing.T) {
	cal := period.DefaultCalendar
	q2 := period.Quarter{Year: 2023, Q: 2}
	m := kpi("CALLS", catalogue.Number, 300, 250)
	m.Frequency, m.Aggregate = catalogue.Monthly, catalogue.Sum
	cat := &catalogue.Catalogue{File: "catalogue.yaml", Calendar: cal, Trend: catalogue.DefaultTrend,
		Directorates: []catalogue.Directorate{{Code: "D"}}, Indicators: []*catalogue.Indicator{m}}
	july := cal.Months(q2)[0]
	store := data.StoreOf(map[string]map[int]data.Value{"CALLS": {july.Index(): {V: 100}}})
	store.Latest = q2
	r, err := report.Build(report.Options{Catalogue: cat, Store: store, Pack: catalogue.Pack{ID: "all"}})
	if err != nil {
		t.Fatal(err)
	}
	want := "catalogue.yaml:10: CALLS has 1 of the 3 months of 2023/24 Q2, and its quarter value is their sum: it is rated against a whole quarter's thresholds"
	found := false
	for _, p := range Warnings(cat, store, r, false) {
		found = found || p.Error() == want
	}
	if !found {
		t.Errorf("no partial-sum warning; want %q", want)
	}
}
