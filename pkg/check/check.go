// Package check finds what would mislead a reader of the report even though the inputs are
// valid: percentages typed as fractions, red KPIs without actions, indicators with no data.
package check

import (
	"fmt"
	"strconv"

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

// Warnings lists the misleading things in valid inputs, for the report quarter of r.
// latestByDefault says the quarter was not asked for but taken as the latest with data.
func Warnings(cat *catalogue.Catalogue, store *data.Store, r *report.Report, latestByDefault bool) []diag.Problem {
	var out []diag.Problem
	q := r.Period.Quarter
	if latestByDefault {
		out = append(out, thinLatestQuarter(cat, store, q)...)
	}
	out = append(out, emptyPacks(cat)...)
	out = append(out, fractionLikePercents(cat, store, q)...)
	out = append(out, scaleBreaks(cat, store, q)...)
	out = append(out, ratioDisagreements(cat, store, q)...)
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
// mean the report itself may be the wrong one, or shows a value a hundred times too small
// (a percentage typed as a fraction, 0.67 shown as "1%" and rated red).
func BuildWarnings(cat *catalogue.Catalogue, store *data.Store, asked period.Quarter) []diag.Problem {
	var out []diag.Problem
	if asked.IsZero() && !store.Latest.IsZero() {
		out = append(out, thinLatestQuarter(cat, store, store.Latest)...)
	}
	out = append(out, emptyPacks(cat)...)
	q := asked
	if q.IsZero() {
		q = store.Latest
	}
	if !q.IsZero() {
		out = append(out, fractionLikePercents(cat, store, q)...)
	}
	return out
}

// thinLatestQuarter warns when the latest quarter with data, which a build reports by
// default, rests on a few values while most of the data ends earlier: the mark of a mistyped
// period (2033/34 for 2023/24) that would otherwise produce a report of nothing but gaps.
func thinLatestQuarter(cat *catalogue.Catalogue, store *data.Store, q period.Quarter) []diag.Problem {
	cal := cat.Calendar
	perQuarter := map[int]int{} // how many indicators have a value in each quarter
	var here []diag.Problem     // the values in q, to point at the first
	for code, values := range store.All() {
		ind, ok := cat.Indicator(code)
		if !ok {
			continue
		}
		last := -1 << 62 // the quarter last counted for this indicator: its values come in order
		for idx, v := range values.All() {
			if v.Missing {
				continue
			}
			qi := idx
			if ind.Frequency == catalogue.Monthly {
				qi = cal.QuarterOf(period.MonthFromIndex(idx)).Index()
			}
			if qi != last {
				perQuarter[qi]++
				last = qi
			}
			if qi == q.Index() {
				here = append(here, diag.Problem{Place: v.Place})
			}
		}
	}
	latest := perQuarter[q.Index()]
	busiest := 0
	for qi, codes := range perQuarter {
		if qi < q.Index() {
			busiest = max(busiest, codes)
		}
	}
	if latest == 0 || latest*4 > busiest {
		return nil
	}
	// Where most of the data ends: the latest earlier quarter with at least half the values
	// of the busiest one.
	usual, usualQ := 0, -1<<62
	for qi, codes := range perQuarter {
		if qi < q.Index() && codes*2 >= busiest && qi > usualQ {
			usual, usualQ = codes, qi
		}
	}
	diag.SortByPlace(here)
	return []diag.Problem{warn(here[0].Place, "%s is the latest quarter with data, so the report is for it by default, but only %s a value for it (%d have one for %s); check the period written here, or build with --period",
		cal.Label(q), indicatorsHave(latest), usual, cal.Label(period.FromIndex(usualQ)))}
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
