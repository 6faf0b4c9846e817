package xlsx

import (
	"fmt"
	"strings"

	"github.com/example/qpr/pkg/report"
)

// countsSentence is the Summary's paragraph when no narrative is supplied: the headline
// counts in plain words, as an officer would read them out to committee.
func countsSentence(r *report.Report) string {
	s := r.Summary
	var parts []string
	if s.KPIs == 0 {
		parts = append(parts, fmt.Sprintf("There are no KPIs in this report for %s.", r.Period))
	} else {
		parts = append(parts, fmt.Sprintf("Of the %s for %s, %d %s rated green, %d amber and %d red (previous quarter: %d green, %d amber and %d red).",
			plural(s.KPIs, "KPI", "KPIs"), r.Period, s.RAG.Green, isAre(s.RAG.Green), s.RAG.Amber, s.RAG.Red,
			s.RAGPrevious.Green, s.RAGPrevious.Amber, s.RAGPrevious.Red))
		var unrated []string
		if s.RAG.NotRated > 0 {
			unrated = append(unrated, fmt.Sprintf("%d %s not rated", s.RAG.NotRated, isAre(s.RAG.NotRated)))
		}
		if s.RAG.NoData > 0 {
			unrated = append(unrated, fmt.Sprintf("%d %s no data", s.RAG.NoData, hasHave(s.RAG.NoData)))
		}
		if len(unrated) > 0 {
			parts = append(parts, capitalise(strings.Join(unrated, " and "))+".")
		}
		parts = append(parts, fmt.Sprintf("The direction of travel is improving for %d, stable for %d and worsening for %d (previous quarter: %d, %d and %d).",
			s.Trend.Improving, s.Trend.Stable, s.Trend.Worsening,
			s.TrendPrevious.Improving, s.TrendPrevious.Stable, s.TrendPrevious.Worsening))
		if s.Trend.Insufficient > 0 {
			parts = append(parts, fmt.Sprintf("%d %s too few points for a direction.", s.Trend.Insufficient, hasHave(s.Trend.Insufficient)))
		}
	}
	if s.ActivityCount > 0 {
		a := s.Activity
		sentence := fmt.Sprintf("Of the %s, %d %s above, %d within and %d below the expected range",
			plural(s.ActivityCount, "activity indicator", "activity indicators"), a.Above, isAre(a.Above), a.Within, a.Below)
		if a.NotRated > 0 {
			sentence += fmt.Sprintf("; %d %s no expected range", a.NotRated, hasHave(a.NotRated))
		}
		if a.NoData > 0 {
			sentence += fmt.Sprintf("; %d %s no data", a.NoData, hasHave(a.NoData))
		}
		parts = append(parts, sentence+".")
	}
	return strings.Join(parts, " ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func hasHave(n int) string {
	if n == 1 {
		return "has"
	}
	return "have"
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
