package html

// INTERIM SEAM. The presentation rules below are the PDF renderer's (pkg/render/pdf), copied
// word for word so that the HTML shows what the PDF shows until pkg/present, the one
// presentation layer, is merged. Then this file is deleted and view.go asks pkg/present
// instead; nothing else in the package decides how a value, status or sentence is shown.

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"time"

	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/pkg/unit"
)

var statusWords = map[string]string{
	"green": "Green", "amber": "Amber", "red": "Red", "not_rated": "Not rated", "no_data": "No data",
	"above": "Above", "within": "Within", "below": "Below",
	"improving": "Improving", "stable": "Stable", "worsening": "Worsening",
	"rising": "Rising", "falling": "Falling", "insufficient": "Too few values",
}

func statusWord(s string) string {
	if w, ok := statusWords[s]; ok {
		return w
	}
	return s
}

func deref(s *string, none string) string {
	if s == nil || *s == "" {
		return none
	}
	return *s
}

func ragOrActivity(rag, activity *string) string {
	if rag != nil && *rag != "" {
		return *rag
	}
	if activity != nil && *activity != "" {
		return *activity
	}
	return "no_data"
}

func direction(in *report.Indicator) string {
	if in.Trend != nil && in.Trend.Direction != "" {
		return in.Trend.Direction
	}
	return "insufficient"
}

func formatValue(v float64, u string, places int) string {
	return unit.Attach(unit.Group(unit.Round(v, max(places, 0))), u)
}

var plainNumber = regexp.MustCompile(`^-?[0-9,]*(\.([0-9]+))?$`)

func shownValue(value *float64, display *string, u string, decimals int) string {
	if value == nil {
		if display != nil && *display != "" {
			return *display
		}
		return "No data"
	}
	places := decimals
	if display != nil {
		m := plainNumber.FindStringSubmatch(strings.TrimSpace(*display))
		if m == nil {
			return *display
		}
		places = len(m[2])
	}
	return formatValue(*value, u, places)
}

func indicatorValue(in *report.Indicator) string {
	return shownValue(in.Value, in.Display, in.Unit, in.Decimals)
}

func threshold(v *float64, u string, decimals int) string {
	if v == nil {
		return "–"
	}
	return formatValue(*v, u, decimals)
}

var quarterLabel = regexp.MustCompile(`^(.+?)\s+Q([1-4])$`)

func quarterWords(label string) string {
	if m := quarterLabel.FindStringSubmatch(strings.TrimSpace(label)); m != nil {
		return "Quarter " + m[2] + ", " + m[1]
	}
	return label
}

func monthWords(ym string) string {
	t, err := time.Parse("2006-01", strings.TrimSpace(ym))
	if err != nil {
		return ym
	}
	return t.Format("January 2006")
}

func periodLine(r *report.Report) string {
	s := quarterWords(r.Period)
	if r.PeriodEnd != "" {
		s += ": data to the end of " + monthWords(r.PeriodEnd)
	}
	return s
}

func asAtWords(r *report.Report) string {
	if t, err := time.Parse("2006-01-02", strings.TrimSpace(r.AsAt)); err == nil {
		return t.Format("2 January 2006")
	}
	return r.AsAt
}

var monthLabel = regexp.MustCompile(`^(\d{4})-(\d{2})$`)

func axisLabel(p string) (string, string) {
	if monthLabel.MatchString(p) {
		if t, err := time.Parse("2006-01", p); err == nil {
			return t.Format("Jan"), t.Format("2006")
		}
	}
	if m := quarterLabel.FindStringSubmatch(p); m != nil {
		return "Q" + m[2], m[1]
	}
	return p, ""
}

func unitAxisTitle(u string) string {
	switch u {
	case "percent":
		return "Per cent"
	case "currency":
		return "£"
	case "days":
		return "Days"
	case "rate":
		return "Rate"
	}
	return "Number"
}

func historyStatus(in *report.Indicator, period string) string {
	for _, h := range in.History {
		if h.Period == period {
			return ragOrActivity(h.RAG, h.Activity)
		}
	}
	return "no_data"
}

func change(now, before int) string {
	switch {
	case now > before:
		return fmt.Sprintf("+%d", now-before)
	case now < before:
		return fmt.Sprintf("-%d", before-now)
	}
	return "no change"
}

func indicatorsOf(r *report.Report, code string) []*report.Indicator {
	var out []*report.Indicator
	for i := range r.Indicators {
		if r.Indicators[i].Directorate == code {
			out = append(out, &r.Indicators[i])
		}
	}
	return out
}

func redKPIs(r *report.Report) []*report.Indicator {
	var out []*report.Indicator
	for _, dir := range r.Directorates {
		for _, in := range indicatorsOf(r, dir.Code) {
			if in.RAG != nil && *in.RAG == "red" {
				out = append(out, in)
			}
		}
	}
	return out
}

func staleOrPartial(r *report.Report) []*report.Indicator {
	var out []*report.Indicator
	for _, dir := range r.Directorates {
		for _, in := range indicatorsOf(r, dir.Code) {
			if in.Stale || in.Partial {
				out = append(out, in)
			}
		}
	}
	return out
}

func againstThresholds(in *report.Indicator) string {
	s := indicatorValue(in)
	switch {
	case in.Target != nil && in.Floor != nil:
		s += " against a target of " + threshold(in.Target, in.Unit, in.Decimals) + " and a floor of " + threshold(in.Floor, in.Unit, in.Decimals)
	case in.Target != nil:
		s += " against a target of " + threshold(in.Target, in.Unit, in.Decimals)
	}
	return s
}

func valueNote(in *report.Indicator, period string) string {
	var s string
	if in.Stale {
		s = "No value for " + period + "; the latest available value is shown."
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

func factsLine(in *report.Indicator) string {
	s := "Value " + indicatorValue(in)
	if in.ValuePeriod != nil {
		s += " (" + *in.ValuePeriod
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
	if in.Type == "activity" {
		if in.Expected != nil {
			s += " · Expected range " + threshold(in.Expected.Lower, in.Unit, in.Decimals) + " to " + threshold(in.Expected.Upper, in.Unit, in.Decimals)
		}
	} else {
		if in.Target != nil {
			s += " · Target " + threshold(in.Target, in.Unit, in.Decimals)
		}
		if in.Floor != nil {
			s += " · Floor " + threshold(in.Floor, in.Unit, in.Decimals)
		}
		if in.Polarity != nil {
			if *in.Polarity == "lower" {
				s += " · Lower is better"
			} else {
				s += " · Higher is better"
			}
		}
	}
	return s
}

func projectionSentence(in *report.Indicator) string {
	pr := in.Projection
	f := func(v float64) string { return formatValue(v, in.Unit, in.Decimals) }
	s := fmt.Sprintf("Projected for %s: %s (95%% prediction interval %s to %s)", pr.Period, f(pr.Value), f(pr.Lower), f(pr.Upper))
	if pr.RAG != nil && *pr.RAG != "" && *pr.RAG != "not_rated" && *pr.RAG != "no_data" {
		s += ", which would be rated " + statusWord(*pr.RAG)
		switch {
		case pr.Target != nil && pr.Floor != nil:
			s += " against a target of " + threshold(pr.Target, in.Unit, in.Decimals) + " and a floor of " + threshold(pr.Floor, in.Unit, in.Decimals)
		case pr.Target != nil:
			s += " against a target of " + threshold(pr.Target, in.Unit, in.Decimals)
		}
	} else if in.Type != "activity" {
		s += "; no thresholds are set for that quarter"
	}
	return s + "."
}

// The chart's scale, as the PDF's chart decides it.

func projectionSlot(in *report.Indicator) int {
	n := len(in.Chart)
	if in.Frequency == "monthly" {
		return n - 1 + 3
	}
	return n
}

func chartValues(in *report.Indicator) []float64 {
	var vs []float64
	add := func(p *float64) {
		if p != nil && !math.IsNaN(*p) && !math.IsInf(*p, 0) {
			vs = append(vs, *p)
		}
	}
	for _, c := range in.Chart {
		add(c.Value)
		add(c.Target)
		add(c.Floor)
		add(c.Lower)
		add(c.Upper)
	}
	if tr := in.Trend; tr != nil && tr.Method == "spc" {
		add(tr.Mean)
		add(tr.LPL)
		add(tr.UPL)
	}
	if pr := in.Projection; pr != nil {
		add(&pr.Lower)
		add(&pr.Upper)
		add(&pr.Value)
		add(pr.Target)
		add(pr.Floor)
	}
	if a, b, ok := fittedLine(in); ok && len(in.Chart) > 0 {
		first, last := a, a+b*float64(len(in.Chart)-1)
		add(&first)
		add(&last)
	}
	return vs
}

func fittedLine(in *report.Indicator) (intercept, slope float64, ok bool) {
	tr := in.Trend
	if tr == nil || tr.Direction == "insufficient" || tr.Direction == "" {
		return 0, 0, false
	}
	switch tr.Method {
	case "regression":
		if tr.Intercept != nil && tr.Slope != nil {
			return *tr.Intercept, *tr.Slope, true
		}
	case "mann-kendall":
		if tr.SenIntercept != nil && tr.SenSlope != nil {
			return *tr.SenIntercept, *tr.SenSlope, true
		}
	}
	return 0, 0, false
}

func niceScale(lo, hi float64) (float64, float64, float64) {
	if hi < lo {
		lo, hi = hi, lo
	}
	minSpan := math.Max(math.Abs(lo), math.Abs(hi)) * 0.1
	if minSpan == 0 {
		minSpan = 1
	}
	if hi-lo < minSpan {
		nonNegative := lo >= 0
		mid := (hi + lo) / 2
		lo, hi = mid-minSpan/2, mid+minSpan/2
		if nonNegative && lo < 0 {
			lo, hi = 0, minSpan
		}
	}
	if lo >= 0 && lo < 0.35*hi {
		lo = 0
	}
	raw := (hi - lo) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	return math.Floor(lo/step) * step, math.Ceil(hi/step) * step, step
}

func tickPlaces(step float64) int {
	places := 0
	for places < 6 && math.Abs(step*math.Pow(10, float64(places))-math.Round(step*math.Pow(10, float64(places)))) > 1e-9 {
		places++
	}
	return places
}

func tickLabel(v float64, u string, places int) string {
	n := unit.Group(unit.Round(v, max(places, 0)))
	switch u {
	case "percent":
		return n + "%"
	case "currency":
		return unit.Attach(n, u)
	}
	return n
}
