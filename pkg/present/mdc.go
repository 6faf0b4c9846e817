package present

import (
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/pkg/trend"
)

// MDCHeading heads the pack's Making Data Count summary in every format.
const MDCHeading = "Making Data Count summary"

// The Making Data Count icons are statuses, so that every edition draws them as it draws a
// rating: a word, a shape and a colour. Variation is blue for improvement and amber for
// concern, as the charts mark special-cause points; purple for special cause in an activity
// indicator, where no way is better; grey for common cause and for too few points. The
// triangle points the way the latest point lies from the mean.
const (
	MDCCommonCause      Status = "mdc_common_cause"
	MDCImprovementHigh  Status = "mdc_improvement_high"
	MDCImprovementLow   Status = "mdc_improvement_low"
	MDCConcernHigh      Status = "mdc_concern_high"
	MDCConcernLow       Status = "mdc_concern_low"
	MDCNeitherHigh      Status = "mdc_neither_high"
	MDCNeitherLow       Status = "mdc_neither_low"
	MDCNotEnough        Status = "mdc_not_enough"
	MDCMeets            Status = "mdc_meets"
	MDCHitAndMiss       Status = "mdc_hit_and_miss"
	MDCFails            Status = "mdc_fails"
	MDCCannotBeJudged   Status = "mdc_cannot_be_judged"
	MDCNoTarget         Status = "mdc_no_target"
	MDCNoTargetActivity Status = "mdc_no_target_activity"
)

func init() {
	for s, l := range map[Status]statusLook{
		MDCCommonCause:      {"Common cause", "CC", "●", ShapeCircle, ToneGrey},
		MDCImprovementHigh:  {"Special cause: improvement (high)", "SI+", "▲", ShapeTriangleUp, ToneActivity},
		MDCImprovementLow:   {"Special cause: improvement (low)", "SI-", "▼", ShapeTriangleDown, ToneActivity},
		MDCConcernHigh:      {"Special cause: concern (high)", "SC+", "▲", ShapeTriangleUp, ToneAmber},
		MDCConcernLow:       {"Special cause: concern (low)", "SC-", "▼", ShapeTriangleDown, ToneAmber},
		MDCNeitherHigh:      {"Special cause: neither (high)", "SN+", "▲", ShapeTriangleUp, TonePurple},
		MDCNeitherLow:       {"Special cause: neither (low)", "SN-", "▼", ShapeTriangleDown, TonePurple},
		MDCNotEnough:        {"Not enough points", "NE", "–", ShapeShortDash, ToneGrey},
		MDCMeets:            {"Consistently meets the target", "P", "■", ShapeSquare, ToneActivity},
		MDCHitAndMiss:       {"Hit and miss", "?", "◆", ShapeDiamond, ToneGrey},
		MDCFails:            {"Consistently fails the target", "F", "■", ShapeSquare, ToneAmber},
		MDCCannotBeJudged:   {"Cannot be judged", "CJ", "○", ShapeHollowCircle, ToneGrey},
		MDCNoTarget:         {"No target", "NT", "–", ShapeDash, ToneGrey},
		MDCNoTargetActivity: {"No target (activity)", "NT", "–", ShapeDash, TonePurple},
	} {
		looks[s] = l
	}
}

// VariationIcon is the variation icon of an spc indicator's summary, with the rule in words
// ("" without special cause); ok is false for an indicator without one.
func VariationIcon(in *report.Indicator) (icon Status, rule string, ok bool) {
	m := in.MDC
	if m == nil {
		return "", "", false
	}
	if m.Rule != nil {
		rule = RuleWords(*m.Rule)
	}
	return variationLook(m.Variation, latestHigh(in)), rule, true
}

// variationLook is the icon of a variation word; high says which way special cause lies.
func variationLook(variation string, high bool) Status {
	pick := func(hi, lo Status) Status {
		if high {
			return hi
		}
		return lo
	}
	switch variation {
	case report.VariationCommonCause:
		return MDCCommonCause
	case report.VariationImprovement:
		return pick(MDCImprovementHigh, MDCImprovementLow)
	case report.VariationConcern:
		return pick(MDCConcernHigh, MDCConcernLow)
	case report.VariationNeither:
		return pick(MDCNeitherHigh, MDCNeitherLow)
	}
	return MDCNotEnough
}

// latestHigh reports whether the latest point lies above its segment's mean.
func latestHigh(in *report.Indicator) bool {
	tr := in.Trend
	if tr == nil || tr.Mean == nil || len(tr.Series) == 0 {
		return false
	}
	return tr.Series[len(tr.Series)-1].Value > *tr.Mean
}

// AssuranceIcon is the assurance icon of an spc indicator's summary with why it cannot be
// judged ("" when it can); ok is false for an indicator without one.
func AssuranceIcon(in *report.Indicator) (icon Status, why string, ok bool) {
	m := in.MDC
	if m == nil {
		return "", "", false
	}
	if m.Assurance == nil {
		if IsActivity(in) {
			return MDCNoTargetActivity, "", true
		}
		return MDCNoTarget, "", true
	}
	switch *m.Assurance {
	case report.MDCMeets:
		return MDCMeets, "", true
	case report.MDCFails:
		return MDCFails, "", true
	case report.MDCHitAndMiss:
		return MDCHitAndMiss, "", true
	}
	why = "too few points"
	switch m.Reason {
	case report.ReasonSustainedShift:
		why = "the process has shifted; recalculate the limits"
	case report.ReasonRebasedAtLatest:
		why = "the limits were recalculated at the latest point"
	}
	return MDCCannotBeJudged, why, true
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
func ChartVariationIcon(c Chart) Status {
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
	Variation Status
	Rule      string // the rule in words, "" without special cause
	Assurance Status
	Why       string // why the assurance cannot be judged, "" when it can
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
			a, why, _ := AssuranceIcon(in)
			col.Rows = append(col.Rows, MDCRow{Indicator: in, Variation: v, Rule: rule, Assurance: a, Why: why})
		}
		if len(col.Rows) > 0 {
			out = append(out, col)
		}
	}
	return out
}
