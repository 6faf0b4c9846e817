package xlsx

import (
	"testing"

	"github.com/example/qpr/pkg/report"
)

func TestCountsSentence(t *testing.T) {
	r := fixtureReport()
	want := "Of the 9 KPIs for 2023/24 Q3, 3 are rated green, 3 amber and 1 red (previous quarter: 4 green, 2 amber and 1 red). " +
		"1 is not rated and 1 has no data. " +
		"The direction of travel is improving for 2, stable for 3 and worsening for 2 (previous quarter: 1, 5 and 1). " +
		"2 have too few points for a direction. " +
		"Of the 1 activity indicator, 0 are above, 1 within and 0 below the expected range."
	if got := countsSentence(r); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCountsSentenceMinutesExample(t *testing.T) {
	// The committee's 2023/24 Q2 figures (contract section 8): every KPI rated, no activity.
	r := &report.Report{Period: q("2023/24 Q2"), Summary: report.Summary{
		KPIs:          38,
		RAG:           report.RAGCounts{Green: 15, Amber: 15, Red: 8},
		RAGPrevious:   report.RAGCounts{Green: 16, Amber: 11, Red: 11},
		Trend:         report.TrendCounts{Improving: 7, Stable: 19, Worsening: 12},
		TrendPrevious: report.TrendCounts{Improving: 4, Stable: 24, Worsening: 10},
	}}
	want := "Of the 38 KPIs for 2023/24 Q2, 15 are rated green, 15 amber and 8 red (previous quarter: 16 green, 11 amber and 11 red). " +
		"The direction of travel is improving for 7, stable for 19 and worsening for 12 (previous quarter: 4, 24 and 10)."
	if got := countsSentence(r); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCountsSentenceWithoutKPIs(t *testing.T) {
	r := &report.Report{Period: q("2023/24 Q2"), Summary: report.Summary{
		ActivityCount: 2, Activity: report.ActivityCounts{Above: 1, NoData: 1},
	}}
	want := "There are no KPIs in this report for 2023/24 Q2. " +
		"Of the 2 activity indicators, 1 is above, 0 within and 0 below the expected range; 1 has no data."
	if got := countsSentence(r); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
