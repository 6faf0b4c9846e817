package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/period"
)

func TestEventsInTheChartedSpan(t *testing.T) {
	spc := catalogue.DefaultTrend
	spc.Method = "spc"
	ind := &catalogue.Indicator{Code: "K", Name: "K", Directorate: "A", Type: catalogue.KPI, Polarity: catalogue.Higher,
		Unit: catalogue.Percent, Frequency: catalogue.Quarterly, Aggregate: catalogue.Last, MaxLag: 1, Trend: spc,
		SPC: catalogue.SPCSpec{Rebase: []int{q("2022/23 Q3").Index()}, Points: []catalogue.RebasePoint{
			{Index: q("2022/23 Q3").Index(), Period: period.Period{Kind: period.KindQuarter, Quarter: q("2022/23 Q3")}, Reason: "new triage process"}}}}
	other := &catalogue.Indicator{Code: "O", Name: "O", Directorate: "A", Type: catalogue.Activity, Unit: catalogue.Number,
		Frequency: catalogue.Quarterly, Aggregate: catalogue.Last, MaxLag: 1, Trend: catalogue.DefaultTrend}
	month := func(s string) period.Period { return period.Period{Kind: period.KindMonth, Month: m(s)} }
	cat := &catalogue.Catalogue{File: "c.yaml", Calendar: cal, Trend: catalogue.DefaultTrend,
		Directorates: []catalogue.Directorate{{Code: "A", Name: "Alpha"}}, Indicators: []*catalogue.Indicator{ind, other},
		Events: []catalogue.Event{
			{Code: "K", Period: month("2023-08"), Text: "Staff sickness"},
			{Code: "all", Period: month("2022-09"), Text: "Period of national mourning"},
			{Code: "k", Period: month("2021-06"), Text: "Before the window"},        // window is 2021/22 Q3 to 2023/24 Q2
			{Code: "K", Period: month("2023-10"), Text: "After the report quarter"}, // data after it is ignored too
			{Code: "O", Period: month("2023-01"), Text: "Another indicator's"},
		}}
	vals := quarterly(map[string]float64{"2023/24 Q1": 80, "2023/24 Q2": 81})
	r, err := Build(Options{Catalogue: cat, Store: storeAt(map[string]map[int]data.Value{"K": vals, "O": vals}, q("2023/24 Q2")), Pack: catalogue.Pack{ID: "p"}})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(r.Indicators[0].Events)
	want := `[{"period":"2022-09","text":"Period of national mourning"},{"period":"2022/23 Q3","text":"SPC limits recalculated: new triage process","rebase":true},{"period":"2023-08","text":"Staff sickness"}]`
	if string(got) != want {
		t.Errorf("events\n got %s\nwant %s", got, want)
	}
	// an activity indicator is not SPC here: no rebase events, and [] rather than null
	got, _ = json.Marshal(r.Indicators[1].Events)
	if !strings.Contains(string(got), "Another indicator's") || strings.Contains(string(got), "Staff") {
		t.Errorf("O's events %s", got)
	}
}
