package present

import (
	"strconv"

	"github.com/example/qpr/pkg/report"
)

// IndicatorsOf lists the report's indicators of one directorate, in report order.
func IndicatorsOf(r *report.Report, directorate string) []*report.Indicator {
	var out []*report.Indicator
	for i := range r.Indicators {
		if r.Indicators[i].Directorate == directorate {
			out = append(out, &r.Indicators[i])
		}
	}
	return out
}

// inDirectorateOrder lists the indicators for which keep is true, directorate by directorate.
func inDirectorateOrder(r *report.Report, keep func(*report.Indicator) bool) []*report.Indicator {
	var out []*report.Indicator
	for _, d := range r.Directorates {
		for _, in := range IndicatorsOf(r, d.Code) {
			if keep(in) {
				out = append(out, in)
			}
		}
	}
	return out
}

// RedKPIs are the KPIs rated Red this quarter, directorate by directorate: the list shown
// with their management actions.
func RedKPIs(r *report.Report) []*report.Indicator {
	return inDirectorateOrder(r, func(in *report.Indicator) bool { return in.RAG != nil && *in.RAG == report.Red })
}

// StaleOrPartial are the indicators whose value is from an earlier quarter or covers part of
// the quarter, directorate by directorate.
func StaleOrPartial(r *report.Report) []*report.Indicator {
	return inDirectorateOrder(r, func(in *report.Indicator) bool { return in.Stale || in.Partial })
}

// Actions is a red KPI's management action, "" when none is recorded.
func Actions(in *report.Indicator) string {
	if in.Commentary == nil {
		return ""
	}
	return in.Commentary.Actions
}

// Change is a count's change from the previous quarter: "+2", "-1" or "no change".
func Change(now, before int) string {
	switch {
	case now > before:
		return "+" + strconv.Itoa(now-before)
	case now < before:
		return "-" + strconv.Itoa(before-now)
	}
	return "no change"
}

// CountLine is one status's count this quarter and last, for the summary's comparison tables.
// Always marks the main statuses, shown even when nought in both quarters.
type CountLine struct {
	Status    Status
	Now, Prev int
	Always    bool
}

// CountTable is one comparison table of the summary: its first heading and lines.
type CountTable struct {
	Heading string
	Lines   []CountLine
}

// Shown are the lines a table shows: the main statuses and any other that is not nought in
// both quarters.
func (t CountTable) Shown() []CountLine {
	var out []CountLine
	for _, l := range t.Lines {
		if l.Always || l.Now != 0 || l.Prev != 0 {
			out = append(out, l)
		}
	}
	return out
}

// CountTables are the summary's comparison tables: ratings and directions of KPIs, and the
// activity indicators' places against their ranges, each left out when the report has none.
func CountTables(s report.Summary) []CountTable {
	var out []CountTable
	if s.KPIs > 0 {
		out = append(out, CountTable{Heading: "Rating (" + Count(s.KPIs, "KPI", "KPIs") + ")", Lines: []CountLine{
			{Green, s.RAG.Green, s.RAGPrevious.Green, true},
			{Amber, s.RAG.Amber, s.RAGPrevious.Amber, true},
			{Red, s.RAG.Red, s.RAGPrevious.Red, true},
			{NotRated, s.RAG.NotRated, s.RAGPrevious.NotRated, false},
			{NoData, s.RAG.NoData, s.RAGPrevious.NoData, false},
		}}, CountTable{Heading: "Direction of travel (KPIs)", Lines: []CountLine{
			{Improving, s.Trend.Improving, s.TrendPrevious.Improving, true},
			{Stable, s.Trend.Stable, s.TrendPrevious.Stable, true},
			{Worsening, s.Trend.Worsening, s.TrendPrevious.Worsening, true},
			{Insufficient, s.Trend.Insufficient, s.TrendPrevious.Insufficient, false},
		}})
	}
	if s.ActivityCount > 0 {
		out = append(out, CountTable{Heading: "Activity (" + Count(s.ActivityCount, "indicator", "indicators") + ")", Lines: []CountLine{
			{Above, s.Activity.Above, s.ActivityPrevious.Above, true},
			{Within, s.Activity.Within, s.ActivityPrevious.Within, true},
			{Below, s.Activity.Below, s.ActivityPrevious.Below, true},
			{NotRated, s.Activity.NotRated, s.ActivityPrevious.NotRated, false},
			{NoData, s.Activity.NoData, s.ActivityPrevious.NoData, false},
		}})
	}
	return out
}

// Count is n with its noun in the right number: "1 KPI", "2 KPIs", "0 KPIs".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
