package present

import (
	"fmt"
	"strings"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/report"
)

// Explain is `qpr rag CODE --explain`: what the indicator is, the thresholds used, and the
// rule that gave its rating with the numbers, in sentences, one to a line.
func Explain(r *report.Report, in *report.Indicator) []string {
	lines := []string{in.Code + " " + in.Name + ", " + Label(r.Period) + "."}
	lines = append(lines, About(in)...)
	if len(About(in)) == 0 {
		lines = append(lines, "The catalogue gives no definition.")
	}
	if IsActivity(in) {
		lines = append(lines, activityRule(r, in))
		return lines
	}
	if t := thresholdsUsed(r, in); t != "" {
		lines = append(lines, t)
	}
	lines = append(lines, ratingRule(r, in))
	if in.Recovery != nil && in.Recovery.Text != "" {
		lines = append(lines, in.Recovery.Text)
	}
	return lines
}

// About is "About this indicator": the catalogue's definition and the rest of the meaning,
// a sentence each, in the order a reader asks: what it counts, from where, why the target,
// how far to trust it. Empty when the catalogue gives none.
func About(in *report.Indicator) []string {
	m := in.Meaning
	var out []string
	add := func(label string, s *string) {
		if s != nil {
			out = append(out, label+": "+sentence(*s))
		}
	}
	add("Definition", m.Definition)
	add("Numerator", m.Numerator)
	add("Denominator", m.Denominator)
	add("Source", m.Source)
	add("Why this target", m.TargetRationale)
	if dq := m.DataQuality; dq != nil {
		s := "Data quality: " + QualityWord(dq.Rating) + "."
		if dq.Note != nil {
			s += " " + sentence(*dq.Note)
		}
		out = append(out, s)
	}
	return out
}

// AboutHeading heads the indicator's meaning beside its chart.
const AboutHeading = "About this indicator"

// QualityWord is a data-quality rating as shown: "Good", "Adequate", "Poor".
func QualityWord(r catalogue.QualityRating) string {
	s := string(r)
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// sentence ends s with a full stop unless it ends a sentence already.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// thresholdsUsed says which thresholds rated the quarter: "The thresholds used are those set
// for 2023/24 Q2 in the profile of 2023/24: target 56%, floor 54%."
func thresholdsUsed(r *report.Report, in *report.Indicator) string {
	if in.Target == nil {
		return "No target applies in " + r.Period.YearLabel() + ", so the indicator is not rated."
	}
	figures := "target " + Threshold(in, in.Target).Text
	if in.Floor != nil {
		figures += ", floor " + Threshold(in, in.Floor).Text
	} else {
		figures += ", no floor"
	}
	if p := PolarityWords(in); p != "" {
		figures += " (" + strings.ToLower(p) + ")"
	}
	from := in.ThresholdsFrom
	switch {
	case from == nil || from.Year == nil:
		return "The thresholds used are the same for every year: " + figures + "."
	case from.Profile:
		return fmt.Sprintf("The thresholds used are those the profile of %s sets for %s: %s.", *from.Year, Label(r.Period), figures)
	case *from.Year != r.Period.YearLabel():
		return fmt.Sprintf("The thresholds used are %s's, carried into %s, which sets none of its own: %s.", *from.Year, r.Period.YearLabel(), figures)
	}
	return fmt.Sprintf("The thresholds used are %s's: %s.", *from.Year, figures)
}

// ratingRule is the rule that gave the rating, with the numbers: "80% is below the target of
// 85% but at or above the floor of 75%, so it is rated Amber."
func ratingRule(r *report.Report, in *report.Indicator) string {
	word := StatusOf(in).Word()
	if in.Value == nil {
		return fmt.Sprintf("There is no value for %s, so it is rated %s.", Label(r.Period), word)
	}
	v := Value(in).Text
	if in.Stale && in.ValuePeriod != nil {
		v = fmt.Sprintf("%s (the value for %s, standing in for %s)", v, Label(*in.ValuePeriod), Label(r.Period))
	}
	if in.Target == nil {
		return v + " is not rated, as no target applies."
	}
	target := "the target of " + Threshold(in, in.Target).Text
	floor := ""
	if in.Floor != nil {
		floor = "the floor of " + Threshold(in, in.Floor).Text
	}
	atOrBetter, worse := "at or above", "below"
	if in.Polarity != nil && *in.Polarity == catalogue.Lower {
		atOrBetter, worse = "at or below", "above"
	}
	var rule string
	switch {
	case in.RAG != nil && *in.RAG == report.Green:
		rule = fmt.Sprintf("%s is %s %s", v, atOrBetter, target)
	case in.RAG != nil && *in.RAG == report.Amber:
		rule = fmt.Sprintf("%s is %s %s but %s %s", v, worse, target, atOrBetter, floor)
	case floor != "":
		rule = fmt.Sprintf("%s is %s %s", v, worse, floor)
	default:
		rule = fmt.Sprintf("%s is %s %s, and no floor is set", v, worse, target)
	}
	return rule + ", so it is rated " + word + "."
}

// activityRule places an activity indicator's value against its expected range.
func activityRule(r *report.Report, in *report.Indicator) string {
	word := StatusOf(in).Word()
	if in.Value == nil {
		return fmt.Sprintf("There is no value for %s, so its status is %s.", Label(r.Period), word)
	}
	if in.Expected == nil {
		return Value(in).Text + " is not compared with an expected range: none is set for " + r.Period.YearLabel() + "."
	}
	v := Value(in).Text
	lower, upper := in.Expected.Lower, in.Expected.Upper
	switch {
	case upper != nil && *in.Value > *upper:
		return fmt.Sprintf("%s is above the expected range's upper end of %s, so its status is %s.", v, Threshold(in, upper).Text, word)
	case lower != nil && *in.Value < *lower:
		return fmt.Sprintf("%s is below the expected range's lower end of %s, so its status is %s.", v, Threshold(in, lower).Text, word)
	}
	return fmt.Sprintf("%s is within the expected range (%s), so its status is %s.", v, ExpectedRange(in), word)
}
