package check

import (
	"fmt"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/unit"
)

// meaningWarnings are the catalogue's gaps a reader would trip over at quarter q: a kpi with
// no definition ("what does this count?"), and a kpi rated in q's year against a target set
// for an earlier year, which carries forward without anyone having decided it should.
func meaningWarnings(cat *catalogue.Catalogue, ind *catalogue.Indicator, q period.Quarter) []diag.Problem {
	var out []diag.Problem
	// an SPC recalculation point says the process changed: a reader needs to know how
	for _, rb := range ind.SPC.Points {
		if rb.Reason == "" {
			label := cat.Calendar.PeriodLabel(rb.Period)
			out = append(out, warn(diag.Place{File: cat.File, Line: rb.Line}, "%s is rebased at %s without a reason: write it as {at: %q, reason: ...} saying what changed; the reason is shown on the chart as an event",
				ind.Code, label, label))
		}
	}
	if ind.Type != catalogue.KPI {
		return out
	}
	at := diag.Place{File: cat.File, Line: ind.Line}
	if ind.Meaning.Definition == "" {
		out = append(out, warn(at, "%s is a kpi without a definition: add definition: saying what is counted and how, for the report's \"About this indicator\"", ind.Code))
	}
	if from, th, ok := ind.InheritedThresholds(q.Year); ok {
		out = append(out, warn(at, "%s has no thresholds for %s, so it is rated against %s's (%s); add %s under thresholds, repeating the figures if they are unchanged, or null to stop rating it",
			ind.Code, cat.Calendar.YearLabel(q.Year), cat.Calendar.YearLabel(from), thresholdsWords(ind, th), cat.Calendar.YearLabel(q.Year)))
	}
	return out
}

func thresholdsWords(ind *catalogue.Indicator, th catalogue.Thresholds) string {
	s := "target " + unit.FormatShortest(*th.Target, 6, string(ind.Unit))
	if th.Floor != nil {
		s += fmt.Sprintf(", floor %s", unit.FormatShortest(*th.Floor, 6, string(ind.Unit)))
	}
	return s
}
