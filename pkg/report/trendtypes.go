package report

import "github.com/example/qpr/pkg/trend"

// Assurance is an spc chart's assurance against the target, as Making Data Count names its
// icons: the contract's words.
type Assurance string

const (
	AssurancePass       Assurance = trend.AssurancePass
	AssuranceFail       Assurance = trend.AssuranceFail
	AssuranceHitAndMiss Assurance = trend.AssuranceHitAndMiss
)

// Withheld is why an spc assurance is null although there is a target.
type Withheld string

const (
	WithheldSustainedShift Withheld = trend.WithheldSustainedShift
	WithheldSpecialCause   Withheld = trend.WithheldSpecialCause
	WithheldLatestPoint    Withheld = trend.WithheldLatestPoint
)

// PointType is an spc point's type, as NHSRplotthedots names it.
type PointType string

const (
	CommonCause             PointType = trend.CommonCause
	SpecialCauseImprovement PointType = trend.SpecialCauseImprovement
	SpecialCauseConcern     PointType = trend.SpecialCauseConcern
	SpecialCauseNeutralHigh PointType = trend.SpecialCauseNeutralHigh
	SpecialCauseNeutralLow  PointType = trend.SpecialCauseNeutralLow
)

// periodIndex finds the report period of a trend point's label among the window's points,
// so the model carries periods, never labels to be matched.
type periodIndex []point

func (w periodIndex) of(label string) Period {
	for _, p := range w {
		if p.label == label {
			return p.at
		}
	}
	return Period{}
}
