// Package check finds what would mislead a reader of the report even though the inputs are
// valid: percentages typed as fractions, red KPIs without actions, indicators with no data.
package check

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/rag"
	"github.com/example/qpr/pkg/report"
)

// fractionCeiling: a percent series whose values all sit at or below this, against a target
// above it, was almost certainly typed as fractions (0.87 for 87%).
const fractionCeiling = 1.5

// Warnings lists the misleading things in valid inputs, for the report quarter of r. passed are
// the later quarters with data that the default choice of quarter passed over.
func Warnings(cat *catalogue.Catalogue, store *data.Store, r *report.Report, passed []report.Passed) []diag.Problem {
	q := r.Period.Quarter
	return inOrder([]func() []diag.Problem{
		func() []diag.Problem { return PastQuarter(cat.Calendar, q, passed) },
		func() []diag.Problem { return emptyPacks(cat) },
		func() []diag.Problem { return fractionLikePercents(cat, store, q) },
		func() []diag.Problem { return scaleBreaks(cat, store, q) },
		func() []diag.Problem { return ratioDisagreements(cat, store, q) },
		func() []diag.Problem { return seriesGaps(cat, store, q) },
		func() []diag.Problem { return fractionAmongPercents(cat, store, q) },
		func() []diag.Problem { return indicatorWarnings(cat, r) },
	})
}

// indicatorWarnings are those about each indicator's line of the report: no value, a stale
// or part-quarter value, SPC limits, its meaning, a red KPI without an action.
func indicatorWarnings(cat *catalogue.Catalogue, r *report.Report) []diag.Problem {
	var out []diag.Problem
	q := r.Period.Quarter
	catPlace := func(ind *catalogue.Indicator) diag.Place { return diag.Place{File: cat.File, Line: ind.Line} }
	for i := range r.Indicators {
		ri := &r.Indicators[i]
		ind, _ := cat.Indicator(ri.Code)
		quarter := r.Period.String()
		switch {
		case ri.Value == nil:
			out = append(out, warn(catPlace(ind), "%s has no value for %s%s: it will show as no data", ri.Code, r.Period, lookedBack(ind.MaxLag)).About(ri.Code, quarter))
		case ri.Stale:
			out = append(out, warn(catPlace(ind), "%s has no value for %s: the report shows its %s value, marked stale", ri.Code, r.Period, *ri.ValuePeriod).About(ri.Code, quarter))
		}
		if ri.Partial && ind.Aggregate == catalogue.Sum && ri.ValuePeriod != nil {
			out = append(out, warn(catPlace(ind), "%s has %d of the 3 months of %s, and its quarter value is their sum: it is rated against a whole quarter's thresholds", ri.Code, ri.Months, *ri.ValuePeriod).About(ri.Code, ri.ValuePeriod.String()))
		}
		for _, p := range spcLimits(catPlace(ind), ri) {
			out = append(out, p.About(ri.Code, quarter))
		}
		for _, p := range meaningWarnings(cat, ind, q) {
			out = append(out, p.About(ri.Code, quarter))
		}
		if ri.RAG != nil && *ri.RAG == rag.Red && (ri.Commentary == nil || ri.Commentary.Actions == "") {
			out = append(out, warn(catPlace(ind), "%s is red at %s but has no management action: add a commentary row (code, period, actions) saying what is being done", ri.Code, r.Period).About(ri.Code, quarter))
		}
	}
	return out
}

func warn(at diag.Place, format string, args ...any) diag.Problem {
	return diag.Problem{Place: at, Message: fmt.Sprintf(format, args...), Severity: diag.Warning}
}

func fractionLikePercents(cat *catalogue.Catalogue, store *data.Store, q period.Quarter) []diag.Problem {
	var out []diag.Problem
	for _, ind := range cat.Indicators {
		if ind.Unit != catalogue.Percent {
			continue
		}
		th, ok := ind.ThresholdsFor(q.Year)
		if !ok || th.Target == nil || *th.Target <= fractionCeiling {
			continue
		}
		var latest data.Value
		n := 0
		allSmall := true
		for _, v := range store.Series(ind.Code).All() { // in period order: the last is the latest
			if v.Missing {
				continue
			}
			n++
			if v.V > fractionCeiling || v.V < 0 {
				allSmall = false
				break
			}
			latest = v
		}
		if n == 0 || !allSmall {
			continue
		}
		out = append(out, warn(latest.Place, "%s values look like fractions (%s) while its target is %s: write a percentage as %s or %s%%, or as %s in a cell formatted as a percentage",
			ind.Code, fmtNum(latest.V), fmtNum(*th.Target), fmtNum(latest.V*100), fmtNum(latest.V*100), fmtNum(latest.V)).About(ind.Code, ""))
	}
	return out
}

func fmtNum(v float64) string { return strconv.FormatFloat(data.Round10(v), 'f', -1, 64) }

// lookedBack says which earlier quarters were searched for a stand-in value.
func lookedBack(maxLag int) string {
	switch maxLag {
	case 0:
		return ""
	case 1:
		return " or the quarter before"
	default:
		return fmt.Sprintf(" or the %d quarters before", maxLag)
	}
}

// BuildWarnings are the warnings worth a build's stderr even under --quiet: the ones that
// mean the report itself may be the wrong one (data past the quarter chosen, a pack that
// selects nothing), or shows a value a hundred times too small (a percentage typed as a
// fraction, 0.67 shown as "1%" and rated red).
func BuildWarnings(cat *catalogue.Catalogue, store *data.Store, q period.Quarter, passed []report.Passed) []diag.Problem {
	out := append(PastQuarter(cat.Calendar, q, passed), emptyPacks(cat)...)
	if !q.IsZero() {
		out = append(out, fractionLikePercents(cat, store, q)...)
	}
	return out
}

// PastQuarter says in one line that the data run past the report quarter q, which was chosen
// by default, and why each later quarter was left out.
func PastQuarter(cal period.Calendar, q period.Quarter, passed []report.Passed) []diag.Problem {
	if len(passed) == 0 {
		return nil
	}
	var why []string
	for _, p := range passed {
		switch {
		case p.NotOver:
			why = append(why, fmt.Sprintf("%s (%s a value, but it was not over at the as-at date)", cal.Label(p.Quarter), indicatorsHave(p.With)))
		default:
			why = append(why, fmt.Sprintf("%s (only %d of the %d indicators with a value for %s have one yet)", cal.Label(p.Quarter), p.With, p.Of, cal.Label(p.Against)))
		}
	}
	return []diag.Problem{warn(passed[0].First, "the data run past %s, the report quarter; left out: %s; give --period to report a later quarter",
		cal.Label(q), strings.Join(why, "; "))}
}

// emptyPacks warns of a pack that selects no indicator: its report would be empty.
func emptyPacks(cat *catalogue.Catalogue) []diag.Problem {
	var out []diag.Problem
	for _, p := range cat.Packs {
		if len(cat.Members(p)) == 0 {
			out = append(out, warn(diag.Place{File: cat.File}, "pack %s selects no indicators, so its report would be empty; check its include", p.ID))
		}
	}
	return out
}

func indicatorsHave(n int) string {
	if n == 1 {
		return "1 indicator has"
	}
	return fmt.Sprintf("%d indicators have", n)
}
