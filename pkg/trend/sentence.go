package trend

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/example/qpr/pkg/unit"
)

// Sentence says the result in one line a committee can read, e.g. "Worsening: down 1.2 points
// a quarter over the last 8 quarters (p = 0.01)". unit is the catalogue's unit (percent,
// number, days, currency, rate) and decimals its display precision.
func (r Result) Sentence(unit string, decimals int) string {
	if r.Direction == Insufficient {
		return "Insufficient data: " + r.insufficientReason()
	}
	head := headline(r.Direction)
	switch r.Method {
	case Regression:
		return r.slopeSentence(head, r.Slope, unit, decimals)
	case MannKendall:
		return r.slopeSentence(head, r.SenSlope, unit, decimals)
	case SPC:
		return head + ": " + r.spcClause() + r.rebaseClause() + r.shiftClause() + r.assuranceClause() + r.provisionalClause()
	case LastChange, YearOnYear:
		return head + ": " + r.changeClause(unit, decimals)
	}
	return head
}

func headline(direction string) string {
	if direction == "" {
		return "Unknown"
	}
	return strings.ToUpper(direction[:1]) + direction[1:]
}

func (r Result) insufficientReason() string {
	if r.insufficiency != "" {
		return r.insufficiency
	}
	switch r.Method {
	case Regression:
		return fmt.Sprintf("%s, regression needs %d", count(r.Points, "point"), regressionNeeds)
	case MannKendall:
		return fmt.Sprintf("%s, Mann-Kendall needs %d", count(r.Points, "point"), mannKendallNeeds)
	case SPC:
		return fmt.Sprintf("%s, SPC needs %d", count(r.Points, "point"), spcNeeds)
	case LastChange, YearOnYear:
		var missing []string
		if r.currentValue == nil {
			missing = append(missing, labelOr(r.currentLabel, "this quarter"))
		}
		if r.ReferenceValue == nil {
			missing = append(missing, labelOr(r.ReferencePeriod, r.referenceDescription()))
		}
		if len(missing) == 2 {
			return "no values for " + missing[0] + " and " + missing[1]
		}
		if len(missing) == 1 {
			return "no value for " + missing[0]
		}
	}
	return count(r.Points, "point")
}

func (r Result) slopeSentence(head string, slope *float64, unit string, decimals int) string {
	over := r.span()
	p := ""
	if r.PValue != nil {
		p = " (" + formatP(*r.PValue, r.alpha) + ")"
	}
	if r.Direction == Stable || slope == nil {
		return fmt.Sprintf("%s: no clear trend over %s", head, over)
	}
	if *slope == 0 {
		// Mann-Kendall can find more rises than falls (or the reverse) among many ties while
		// the median change is nil: say what the test found, and that the typical change is 0.
		way := "higher"
		if r.S != nil && *r.S < 0 {
			way = "lower"
		}
		return fmt.Sprintf("%s: later values are %s than earlier ones more often than not over %s%s, though the median change a %s is 0",
			head, way, over, p, r.noun())
	}
	return fmt.Sprintf("%s: %s %s a %s over %s%s",
		head, upOrDown(*slope), amount(math.Abs(*slope), unit, decimals), r.noun(), over, p)
}

// span names the points the result rests on: "the last 8 quarters" when they are every period
// up to the latest, else "7 months from October 2021 to August 2023", so a sentence never
// claims the latest period when it has no value, nor a run without gaps when it has some.
func (r Result) span() string {
	n := count(r.Points, r.noun())
	switch {
	case r.Points == 0:
		return n
	case r.Points == r.spanPeriods && r.endsAtLatest:
		return "the last " + n
	case r.Points == 1:
		return n + ", " + r.name(r.firstLabel)
	}
	return n + " from " + r.name(r.firstLabel) + " to " + r.name(r.lastLabel)
}

// latest names the latest point: "the latest quarter", or where the window's latest period
// has no value "the latest quarter with a value (2023/24 Q1)".
func (r Result) latest() string {
	if r.endsAtLatest || r.lastLabel == "" {
		return "the latest " + r.noun()
	}
	return "the latest " + r.noun() + " with a value (" + r.name(r.lastLabel) + ")"
}

func (r Result) spcClause() string {
	latest := r.latest()
	switch r.specialCause {
	case outsideLimits:
		if r.specialSide > 0 {
			return latest + " is above the upper process limit"
		}
		return latest + " is below the lower process limit"
	case trendRun:
		if r.specialSide > 0 {
			return fmt.Sprintf("a run of %s each higher than the one before", count(r.runLength, r.noun()))
		}
		return fmt.Sprintf("a run of %s each lower than the one before", count(r.runLength, r.noun()))
	case twoOfThree:
		limit := "lower"
		if r.specialSide > 0 {
			limit = "upper"
		}
		return fmt.Sprintf("%d of the last 3 %s close to the %s process limit", r.runLength, plural(r.noun()), limit)
	case shiftRun:
		side := "below"
		if r.specialSide > 0 {
			side = "above"
		}
		return fmt.Sprintf("a run of %s %s the average", count(r.runLength, r.noun()), side)
	case noVariation:
		return "every " + r.noun() + " has the same value"
	}
	return latest + " is within normal (common-cause) variation"
}

// shiftClause names a sustained shift that the latest point's own clause does not already
// describe, so a reader sees why the limits no longer fit.
func (r Result) shiftClause() string {
	if r.Shift == nil || r.specialCause == shiftRun {
		return ""
	}
	return fmt.Sprintf(", and the last %s are all %s the average", count(r.Shift.Points, r.noun()), r.Shift.Side)
}

// rebaseClause says the limits are the latest segment's, so a reader comparing the chart's
// earlier points with them knows why they step.
func (r Result) rebaseClause() string {
	if len(r.Segments) < 2 {
		return ""
	}
	return " (limits recalculated from " + r.name(r.Segments[len(r.Segments)-1].From) + ")"
}

func (r Result) provisionalClause() string {
	if !r.Provisional || len(r.Segments) == 0 {
		return ""
	}
	n := r.Segments[len(r.Segments)-1].Points
	return fmt.Sprintf("; the limits are provisional, resting on %s (%d are needed)", count(n, r.noun()), ProvisionalBelow)
}

func (r Result) assuranceClause() string {
	switch {
	case r.AssuranceWithheld == WithheldSustainedShift && r.Shift != nil:
		return fmt.Sprintf("; whether the target will be met cannot be judged until the limits are recalculated from %s, where the shift began", r.name(r.Shift.From))
	case r.AssuranceWithheld == WithheldSpecialCause:
		return "; whether the target will be met cannot be judged while " + r.latest() + " shows special-cause variation of " + r.causeWord() + ", as the limits may no longer describe the process"
	case r.AssuranceWithheld == WithheldLatestPoint && r.withheldAssurance == AssurancePass:
		return "; the limits lie beyond the target, but " + r.latest() + " missed it, so it cannot be said the target will consistently be met"
	case r.AssuranceWithheld == WithheldLatestPoint && r.withheldAssurance == AssuranceFail:
		return "; the limits lie short of the target, but " + r.latest() + " met it, so it cannot be said the target will consistently be missed"
	}
	if r.Assurance == nil {
		return ""
	}
	switch *r.Assurance {
	case AssurancePass:
		return "; the process will consistently meet the target"
	case AssuranceFail:
		return "; the process will consistently miss the target"
	case AssuranceHitAndMiss:
		return "; the target will be hit and miss"
	}
	return ""
}

// causeWord is the kind of the latest point's special cause: "concern" or "improvement".
func (r Result) causeWord() string {
	if n := len(r.Series); n > 0 && r.Series[n-1].Type == SpecialCauseImprovement {
		return "improvement"
	}
	return "concern"
}

func (r Result) changeClause(unit string, decimals int) string {
	against := r.referenceDescription()
	if r.ReferencePeriod != "" {
		against += " (" + r.ReferencePeriod + ")"
	}
	if r.Change == nil || *r.Change == 0 {
		return "no change from " + against
	}
	clause := fmt.Sprintf("%s %s on %s", upOrDown(*r.Change), amount(math.Abs(*r.Change), unit, decimals), against)
	if r.Direction == Stable {
		clause += ", within the tolerance of " + amount(r.tolerance, unit, decimals)
	}
	return clause
}

func (r Result) referenceDescription() string {
	if r.Method == YearOnYear {
		return "the same quarter a year earlier"
	}
	return "the previous quarter"
}

// name is a period as the sentences say it.
func (r Result) name(label string) string {
	if r.periodName == nil {
		return label
	}
	return r.periodName(label)
}

func (r Result) noun() string {
	if r.periodNoun == "" {
		return "quarter"
	}
	return r.periodNoun
}

func upOrDown(v float64) string {
	if v < 0 {
		return "down"
	}
	return "up"
}

func labelOr(label, fallback string) string {
	if label != "" {
		return label
	}
	return fallback
}

func plural(noun string) string { return noun + "s" }

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + plural(noun)
}

// amount writes a non-negative quantity in the indicator's unit: percentage points, pounds,
// days, or a plain number.
func amount(v float64, unit string, decimals int) string {
	number := formatNumber(v, decimals)
	switch strings.ToLower(unit) {
	case "percent":
		if number == "1" {
			return "1 point"
		}
		return number + " points"
	case "currency":
		return "£" + number
	case "days":
		if number == "1" {
			return "1 day"
		}
		return number + " days"
	}
	return number
}

// SentenceDigits is the significant figures a sentence gives a slope or change to, where the
// indicator's own decimals would hide its size.
const SentenceDigits = 2

// formatNumber shows at least decimals places, and up to two significant figures where fewer
// places would hide the size of a small number: a slope of 0.34 a quarter on a whole-number
// indicator reads "0.34", not "0". Extra places that only add trailing zeros are dropped, so a
// change of exactly 2 stays "2". Whole parts are grouped in thousands. It is unit.Figure, the
// one rounding rule (half away from zero) of every table and sentence.
func formatNumber(v float64, decimals int) string {
	return unit.Figure(math.Abs(v), SentenceDigits, decimals)
}

// formatP is unit.P: two significant figures, more where two would cross alpha.
func formatP(p, alpha float64) string { return unit.P(p, alpha) }

// Alpha is the significance level the result was tested at, for showing its p-value as the
// sentence does.
func (r Result) Alpha() float64 { return r.alpha }
