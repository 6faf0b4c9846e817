package present

import (
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/pkg/trend"
)

// MDCHeading heads the pack's Making Data Count summary in every format.
const MDCHeading = "Making Data Count summary"

// MDCShape is the form of a Making Data Count icon, so that no icon rests on colour alone.
type MDCShape string

// The icons' shapes.
const (
	MDCShapeCircle       MDCShape = "circle"        // common cause
	MDCShapeTriangleUp   MDCShape = "triangle-up"   // special cause, the latest point high
	MDCShapeTriangleDown MDCShape = "triangle-down" // special cause, low
	MDCShapeTick         MDCShape = "tick"          // consistently meets the target
	MDCShapeCross        MDCShape = "cross"         // consistently fails it
	MDCShapeQuestion     MDCShape = "question"      // hit and miss
	MDCShapeDash         MDCShape = "dash"          // cannot be judged, or nothing to judge
)

// The icons' colours, as Making Data Count draws them: blue for improvement and for a target
// consistently met, orange for concern and a target consistently failed, purple for special
// cause in an activity indicator (no way is better), grey otherwise.
const (
	MDCBlue   = "#1D70B8"
	MDCOrange = "#B35900"
	MDCPurple = "#5B2C86"
	MDCGrey   = "#505A5F"
)

// MDCIcon is one icon: the word that says it, its shape and its colour.
type MDCIcon struct {
	Key    string // the JSON's word: "special_cause_concern", "consistently_meets", ...
	Word   string
	Shape  MDCShape
	Colour string
}

// VariationIcon is the variation icon of an spc indicator's summary, with the rule in words
// ("" without special cause); ok is false for an indicator without one.
func VariationIcon(in *report.Indicator) (icon MDCIcon, rule string, ok bool) {
	m := in.MDC
	if m == nil {
		return MDCIcon{}, "", false
	}
	if m.Rule != nil {
		rule = RuleWords(*m.Rule)
	}
	return variationLook(m.Variation, latestHigh(in)), rule, true
}

// variationLook is the icon of a variation word; high says which way special cause points.
func variationLook(variation string, high bool) MDCIcon {
	side := MDCShapeTriangleDown
	word := " (low)"
	if high {
		side, word = MDCShapeTriangleUp, " (high)"
	}
	switch variation {
	case report.VariationCommonCause:
		return MDCIcon{variation, "Common cause", MDCShapeCircle, MDCGrey}
	case report.VariationImprovement:
		return MDCIcon{variation, "Special cause: improvement" + word, side, MDCBlue}
	case report.VariationConcern:
		return MDCIcon{variation, "Special cause: concern" + word, side, MDCOrange}
	case report.VariationNeither:
		return MDCIcon{variation, "Special cause: neither" + word, side, MDCPurple}
	}
	return MDCIcon{report.VariationInsufficient, "Not enough points", MDCShapeDash, MDCGrey}
}

// latestHigh reports whether the latest point lies above its segment's mean.
func latestHigh(in *report.Indicator) bool {
	tr := in.Trend
	if tr == nil || tr.Mean == nil || len(tr.Series) == 0 {
		return false
	}
	return tr.Series[len(tr.Series)-1].Value > *tr.Mean
}

// AssuranceIcon is the assurance icon of an spc indicator's summary; ok is false for an
// indicator without one.
func AssuranceIcon(in *report.Indicator) (MDCIcon, bool) {
	m := in.MDC
	if m == nil {
		return MDCIcon{}, false
	}
	if m.Assurance == nil {
		if IsActivity(in) {
			return MDCIcon{"", "No target (activity)", MDCShapeDash, MDCPurple}, true
		}
		return MDCIcon{"", "No target", MDCShapeDash, MDCGrey}, true
	}
	switch *m.Assurance {
	case report.AssuranceMeets:
		return MDCIcon{*m.Assurance, "Consistently meets the target", MDCShapeTick, MDCBlue}, true
	case report.AssuranceFails:
		return MDCIcon{*m.Assurance, "Consistently fails the target", MDCShapeCross, MDCOrange}, true
	case report.AssuranceHitAndMiss:
		return MDCIcon{*m.Assurance, "Hit and miss", MDCShapeQuestion, MDCGrey}, true
	}
	why := "too few points"
	switch m.Reason {
	case report.ReasonSustainedShift:
		why = "the process has shifted; recalculate the limits"
	case report.ReasonRebasedAtLatest:
		why = "the limits were recalculated at the latest point"
	}
	return MDCIcon{*m.Assurance, "Cannot be judged: " + why, MDCShapeDash, MDCGrey}, true
}

// RuleWords is a Making Data Count rule as a reader says it.
func RuleWords(rule string) string {
	switch rule {
	case trend.RuleOutsideLimits:
		return "a point beyond a process limit"
	case trend.RuleTrend:
		return "a run of points rising or falling"
	case trend.RuleTwoOfThree:
		return "two of three points near a limit"
	case trend.RuleShift:
		return "a run of points on one side of the mean"
	}
	return rule
}

// ChartVariationIcon is the variation icon a chart shows: its latest point's mark, measured
// against the latest segment's mean; "not enough points" without SPC lines. The summary
// table's icon (VariationIcon) must always equal it.
func ChartVariationIcon(c Chart) MDCIcon {
	// no lines, or a latest segment of one point (recalculated at it): nothing to judge by
	if len(c.SPC) == 0 || len(c.Points) == 0 || c.SPC[len(c.SPC)-1].FirstSlot == c.SPC[len(c.SPC)-1].LastSlot {
		return variationLook(report.VariationInsufficient, false)
	}
	last := c.Points[len(c.Points)-1]
	high := last.Value > c.SPC[len(c.SPC)-1].Mean
	switch last.Mark {
	case MarkImprovement:
		return variationLook(report.VariationImprovement, high)
	case MarkConcern:
		return variationLook(report.VariationConcern, high)
	case MarkNeutralHigh, MarkNeutralLow:
		return variationLook(report.VariationNeither, high)
	}
	return variationLook(report.VariationCommonCause, high)
}

// MDCRow is one indicator's line of the summary.
type MDCRow struct {
	Indicator *report.Indicator // for its code, name and the link to its chart
	Variation MDCIcon
	Rule      string // the rule in words, "" without special cause
	Assurance MDCIcon
}

// MDCColumn is one directorate's column of the summary: its spc indicators in catalogue order.
type MDCColumn struct {
	Code, Name string
	Rows       []MDCRow
}

// MDCSummary is the pack's Making Data Count summary: a column per directorate that has spc
// indicators, each listing them with their icons; nil when the pack has none.
func MDCSummary(r *report.Report) []MDCColumn {
	var out []MDCColumn
	for _, d := range r.Directorates {
		col := MDCColumn{Code: d.Code, Name: d.Name}
		for _, in := range IndicatorsOf(r, d.Code) {
			v, rule, ok := VariationIcon(in)
			if !ok {
				continue
			}
			a, _ := AssuranceIcon(in)
			col.Rows = append(col.Rows, MDCRow{Indicator: in, Variation: v, Rule: rule, Assurance: a})
		}
		if len(col.Rows) > 0 {
			out = append(out, col)
		}
	}
	return out
}
