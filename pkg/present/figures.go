package present

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/pkg/trend"
	"github.com/example/qpr/pkg/unit"
)

// figureDigits is the significant figures a fitted figure is shown to: enough to check a
// value against a limit or to repeat a calculation, never so many that noise shows.
const figureDigits = 4

// TrendFigures is the line of a trend method's own figures that `qpr trend` prints above its
// sentence: "mean 88.95%, process limits 86.09% to 91.82%, assurance withheld (sustained
// shift)", or "slope -0.5912 points a month, intercept 93.3%, standard error 0.08, p <
// 0.001". Figures on the indicator's scale carry its unit and at least its decimals; test
// statistics are shown to four significant figures; "" when the method found none.
func TrendFigures(in *report.Indicator) string {
	t := in.Trend
	if t == nil {
		return ""
	}
	per := strings.ToLower(ValueNoun(in))
	level := func(v *float64) string { return figure(*v, in.Unit, in.Decimals) }
	// a slope as the sentence below the figures gives it, so the two never disagree
	rate := func(v *float64) string { return amountPer(*v, in.Unit, in.Decimals, per) }
	stat := func(v *float64) string { return Statistic(*v) }
	switch t.Method {
	case trend.Regression:
		if t.Slope != nil && t.Intercept != nil && t.StdErr != nil && t.PValue != nil {
			return fmt.Sprintf("slope %s, intercept %s, standard error %s, %s", rate(t.Slope), level(t.Intercept), stat(t.StdErr), PValue(*t.PValue, t.Alpha))
		}
	case trend.MannKendall:
		if t.S != nil && t.VarS != nil && t.Z != nil && t.PValue != nil && t.Tau != nil && t.SenSlope != nil {
			return fmt.Sprintf("S = %d, var(S) = %s, z = %s, %s, tau = %s, Sen's slope %s", *t.S, stat(t.VarS), stat(t.Z), PValue(*t.PValue, t.Alpha), stat(t.Tau), rate(t.SenSlope))
		}
	case trend.SPC:
		if t.Mean == nil {
			return ""
		}
		// the mean and its limits to the same places, so that they read as one scale
		places := max(clamp(in.Decimals), sigPlaces(*t.Mean, in.Decimals))
		at := func(v *float64) string { return Format(*v, in.Unit, places) }
		s := "mean " + at(t.Mean)
		if t.LPL != nil && t.UPL != nil {
			s += ", process limits " + at(t.LPL) + " to " + at(t.UPL)
		}
		if t.Assurance != nil {
			s += ", assurance " + strings.ReplaceAll(string(*t.Assurance), "_", " ")
		} else if t.AssuranceWithheld != "" {
			s += ", assurance withheld (" + strings.ReplaceAll(string(t.AssuranceWithheld), "_", " ") + ")"
		}
		if n := len(t.Segments); n > 1 {
			s += fmt.Sprintf(" (latest of %d segments, from %s)", n, Label(t.Segments[n-1].From))
		}
		return s
	case trend.LastChange, trend.YearOnYear:
		if t.Change != nil && t.ReferencePeriod != nil {
			return fmt.Sprintf("change %s since %s", signed(change(math.Abs(*t.Change), in.Unit, in.Decimals), *t.Change), Label(*t.ReferencePeriod))
		}
	}
	return ""
}

// PValue is a probability as the trend sentences give it (unit.P): "p < 0.001" below a
// thousandth, else two significant figures, more where two would cross alpha.
func PValue(p, alpha float64) string { return unit.P(p, alpha) }

// Statistic is a test statistic to four significant figures (a whole part in full), never in
// exponent form: 0.0076, 16,168, -2.346.
func Statistic(v float64) string {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return unit.Group(unit.TrimZeros(unit.Round(v, unit.SignificantPlaces(v, figureDigits, 0)), 0))
}

// figure is a fitted figure on the indicator's scale with its unit: its decimals, or more
// up to four significant figures (a mean of 88.95% on a whole-number indicator).
func figure(v float64, u catalogue.Unit, decimals int) string {
	return unit.Attach(numberAt(v, decimals), string(u))
}

// change is a size of change or slope in the indicator's unit, as the trend sentence gives
// it (trend.SentenceDigits significant figures, at least the indicator's decimals): points
// of a percentage, pounds, days or a plain number.
func change(v float64, u catalogue.Unit, decimals int) string {
	n := unit.Figure(v, trend.SentenceDigits, clamp(decimals))
	switch u {
	case catalogue.Percent:
		if n == "1" || n == "-1" {
			return n + " point"
		}
		return n + " points"
	case catalogue.Currency, catalogue.Days:
		return unit.Attach(n, string(u))
	}
	return n
}

// amountPer is a signed change per period: "-0.59 points a month".
func amountPer(v float64, u catalogue.Unit, decimals int, per string) string {
	return signed(change(math.Abs(v), u, decimals), v) + " a " + per
}

func signed(s string, v float64) string {
	if v < 0 {
		return "-" + s
	}
	return s
}

// numberAt shows v with at least decimals places and up to four significant figures,
// trailing zeros beyond decimals dropped, thousands grouped.
func numberAt(v float64, decimals int) string {
	decimals = clamp(decimals)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return unit.Group(unit.TrimZeros(unit.Round(v, sigPlaces(v, decimals)), decimals))
}

// sigPlaces is the places that show v to four significant figures (at most MaxPlaces).
func sigPlaces(v float64, atLeast int) int { return unit.SignificantPlaces(v, figureDigits, atLeast) }
