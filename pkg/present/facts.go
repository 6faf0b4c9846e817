package present

import (
	"fmt"

	"github.com/example/qpr/pkg/report"
)

// Headings of the columns tables give an indicator's thresholds. A KPI has a target and a
// floor; an activity indicator has an expected range, under a heading of its own, never in
// the Target and Floor columns.
const (
	TargetHeading   = "Target"
	FloorHeading    = "Floor"
	ExpectedHeading = "Expected range"
)

// ThresholdHeadings are the threshold columns of a table of KPIs or of activity indicators.
func ThresholdHeadings(activity bool) []string {
	if activity {
		return []string{ExpectedHeading}
	}
	return []string{TargetHeading, FloorHeading}
}

// ThresholdCells are in's entries under ThresholdHeadings: its target and floor, or its
// expected range.
func ThresholdCells(in *report.Indicator) []string {
	if IsActivity(in) {
		return []string{ExpectedRange(in)}
	}
	return []string{Threshold(in, in.Target).Text, Threshold(in, in.Floor).Text}
}

// ExpectedRange is an activity indicator's expected range in words: "28,000 to 37,000",
// "at least 28,000", "at most 37,000", or "none set".
func ExpectedRange(in *report.Indicator) string {
	if in.Expected == nil {
		return "none set"
	}
	return rangeText(in, in.Expected.Lower, in.Expected.Upper)
}

// RangeText is an expected range in words for the ends given, as ExpectedRange says the
// current one: for a chart's earlier periods.
func RangeText(in *report.Indicator, lower, upper *float64) string {
	return rangeText(in, lower, upper)
}

func rangeText(in *report.Indicator, lower, upper *float64) string {
	switch {
	case lower != nil && upper != nil:
		return Threshold(in, lower).Text + " to " + Threshold(in, upper).Text
	case lower != nil:
		return "at least " + Threshold(in, lower).Text
	case upper != nil:
		return "at most " + Threshold(in, upper).Text
	}
	return "none set"
}

// AgainstThresholds is "against a target of 85% and a floor of 75%" for the thresholds
// given, or "" when there is no target.
func AgainstThresholds(in *report.Indicator, target, floor *float64) string {
	switch {
	case target != nil && floor != nil:
		return "against a target of " + Threshold(in, target).Text + " and a floor of " + Threshold(in, floor).Text
	case target != nil:
		return "against a target of " + Threshold(in, target).Text
	}
	return ""
}

// PolarityWords is "Higher is better" or "Lower is better", or "" for an indicator without
// a polarity.
func PolarityWords(in *report.Indicator) string {
	switch {
	case in.Polarity == nil:
		return ""
	case LowerIsBetter(in):
		return "Lower is better"
	}
	return "Higher is better"
}

// ValueQualifier is the short note a table puts under a value that is not this quarter's
// whole value: the quarter a stale value is from, "(2023/24 Q1)", or "(2 of 3 months)" for a
// part quarter.
func ValueQualifier(in *report.Indicator) string {
	switch {
	case in.Stale && in.ValuePeriod != nil:
		return "(" + Label(*in.ValuePeriod) + ")"
	case in.Stale:
		return "(earlier quarter)"
	case in.Partial && in.Months > 0:
		return fmt.Sprintf("(%d of 3 months)", in.Months)
	case in.Partial:
		return "(part quarter)"
	}
	return ""
}

// FactsLine is an indicator's one-line summary under its heading, the value's basis beside
// it: "Value 82% (2023/24 Q2) · Basis Q · Target 85% · Floor 75% · Higher is better", or for
// an activity indicator "Value 31,200 (2023/24 Q2) · Basis Q · Expected range 28,000 to
// 37,000".
func FactsLine(in *report.Indicator) string {
	v := Value(in)
	s := "Value " + v.Text
	if in.ValuePeriod != nil {
		s += " (" + Label(*in.ValuePeriod)
		if in.Stale {
			s += ", latest available"
		}
		if in.Partial {
			if in.Months > 0 {
				s += fmt.Sprintf(", %d of 3 months", in.Months)
			} else {
				s += ", part quarter"
			}
		}
		s += ")"
	}
	if v.OK {
		s += " · " + BasisHeading + " " + Basis(in)
	}
	if IsActivity(in) {
		if in.Expected != nil {
			s += " · " + ExpectedHeading + " " + ExpectedRange(in)
		}
		return s
	}
	if in.Target != nil {
		s += " · Target " + Threshold(in, in.Target).Text
	}
	if in.Floor != nil {
		s += " · Floor " + Threshold(in, in.Floor).Text
	}
	if p := PolarityWords(in); p != "" {
		s += " · " + p
	}
	return s
}

// ProjectionSentence is "Projected for 2023/24 Q3: 80% (95% prediction interval 76% to 84%),
// which would be rated Amber against a target of 85% and a floor of 75%.", followed by the
// engine's note of what it rests on and where it was cut. Figures are shown to the
// indicator's decimals, as its value is. Without a projection it is the engine's reason for
// withholding one, or "".
func ProjectionSentence(in *report.Indicator) string {
	pr := in.Projection
	if pr == nil {
		if in.ProjectionWithheld != nil {
			return in.ProjectionWithheld.Sentence
		}
		return ""
	}
	// the value to the places that keep its rating, as a table shows a value: 75.09 against
	// a floor of 75, lower being better, is not "75"
	value := Format(pr.Value, in.Unit, DisplayPlaces(in.Decimals, pr.Places))
	s := fmt.Sprintf("Projected for %s: %s (95%% prediction interval %s)", Label(pr.Period), value, IntervalText(in, pr))
	if st := RatingStatus(pr.RAG); pr.RAG != nil && pr.RAG.Rated() {
		s += ", which would be rated " + st.Word()
		if t := AgainstThresholds(in, pr.Target, pr.Floor); t != "" {
			s += " " + t
		}
	} else if !IsActivity(in) {
		s += "; no thresholds are set for that quarter"
	}
	s += "."
	if pr.Note != "" {
		s += " " + pr.Note
	}
	return s
}

// IntervalText is a projection's 95% prediction interval: "76% to 84%" to the indicator's
// decimals, or where cutting it to the unit's range has left no width, that it lies beyond
// the range ("entirely below 0, the least the value can be").
func IntervalText(in *report.Indicator, pr *report.Projection) string {
	cut := pr.LowerCut || pr.UpperCut
	places := clamp(in.Decimals)
	f := func(v float64) string { return Format(v, in.Unit, places) }
	// A cut end beside one a little inside the range would read "0% to 0%": show the places
	// that tell them apart.
	for cut && pr.Lower != pr.Upper && f(pr.Lower) == f(pr.Upper) && places < MaxPlaces {
		places++
	}
	if cut && f(pr.Lower) == f(pr.Upper) {
		// cut to one point: the least a value can be is 0 (or no bound at all), so a point
		// above 0 is the most it can be
		if pr.Lower > 0 {
			return "lies entirely above " + f(pr.Upper) + ", the most the value can be"
		}
		return "lies entirely below " + f(pr.Lower) + ", the least the value can be"
	}
	return f(pr.Lower) + " to " + f(pr.Upper)
}

// ValueNote says why a value is not a whole quarter's, for the list of stale and partial
// values: "No value for 2023/24 Q2; the latest available value is shown. Part quarter: 2 of
// 3 months."
func ValueNote(r *report.Report, in *report.Indicator) string {
	var s string
	if in.Stale {
		s = "No value for " + Label(r.Period) + "; the latest available value is shown."
	}
	if in.Partial {
		if s != "" {
			s += " "
		}
		if in.Months > 0 {
			s += fmt.Sprintf("Part quarter: %d of 3 months.", in.Months)
		} else {
			s += "Part quarter: fewer than 3 months."
		}
	}
	return s
}

// RedLine is a red KPI's line in the list of red KPIs: "82% against a target of 85% and a
// floor of 75%; direction of travel Worsening."
func RedLine(in *report.Indicator) string {
	s := Value(in).Text
	if t := AgainstThresholds(in, in.Target, in.Floor); t != "" {
		s += " " + t
	}
	if in.Trend != nil && in.Trend.Direction != "" {
		s += "; direction of travel " + DirectionOf(in).Word()
	}
	return s + "."
}

// NoActionText is said of a red KPI with no management action recorded.
const NoActionText = "No management action has been recorded for this quarter."
