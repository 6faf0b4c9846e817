package report

import (
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/trend"
)

// MDC is the Making Data Count summary of an spc indicator: the variation icon (the latest
// point's type, with the rule that made it special cause) and the assurance icon (how the
// process limits sit against the target). It is read from the same spc result as the chart's
// points and lines, so the summary table can never disagree with a chart.
type MDC struct {
	Variation string  `json:"variation"`
	Rule      *string `json:"rule"`
	Assurance *string `json:"assurance"`
	// Reason says why the variation or assurance is insufficient: "too_few_points",
	// "rebased_at_latest_point" or "sustained_shift"; absent otherwise.
	Reason string `json:"reason,omitempty"`
}

// The variation and assurance words of the JSON's mdc.
const (
	VariationCommonCause  = "common_cause"
	VariationImprovement  = "special_cause_improvement"
	VariationConcern      = "special_cause_concern"
	VariationNeither      = "special_cause_neither" // an activity indicator: no better way
	VariationInsufficient = "insufficient"

	MDCMeets        = "consistently_meets"
	MDCHitAndMiss   = "hit_and_miss"
	MDCFails        = "consistently_fails"
	MDCInsufficient = "insufficient"

	ReasonTooFewPoints    = "too_few_points"
	ReasonRebasedAtLatest = "rebased_at_latest_point"
	ReasonSustainedShift  = "sustained_shift"
)

// mdcOf is the summary of an spc result r for an indicator of type kind, hasTarget saying
// whether the report quarter has a target to assure against; nil for any other method.
func mdcOf(r trend.Result, kind catalogue.Type, hasTarget bool) *MDC {
	if r.Method != trend.SPC {
		return nil
	}
	out := &MDC{Variation: VariationInsufficient}
	word := func(s string) *string { return &s }
	if r.Direction != trend.Insufficient && len(r.Series) > 0 {
		switch r.Series[len(r.Series)-1].Type {
		case trend.CommonCause:
			out.Variation = VariationCommonCause
		case trend.SpecialCauseImprovement:
			out.Variation = VariationImprovement
		case trend.SpecialCauseConcern:
			out.Variation = VariationConcern
		default:
			out.Variation = VariationNeither
		}
		if rule := r.Rule(); rule != "" {
			out.Rule = word(rule)
		}
	} else {
		out.Reason = ReasonTooFewPoints
		if len(r.Segments) > 1 {
			out.Reason = ReasonRebasedAtLatest
		}
	}
	if kind != catalogue.KPI || !hasTarget {
		return out // nothing to assure against: null
	}
	switch {
	case r.Assurance != nil && *r.Assurance == trend.AssurancePass:
		out.Assurance = word(MDCMeets)
	case r.Assurance != nil && *r.Assurance == trend.AssuranceFail:
		out.Assurance = word(MDCFails)
	case r.Assurance != nil:
		out.Assurance = word(MDCHitAndMiss)
	default:
		out.Assurance = word(MDCInsufficient)
		if r.AssuranceWithheld == trend.WithheldSustainedShift {
			out.Reason = ReasonSustainedShift
		}
	}
	return out
}
