package present

import (
	"time"

	"github.com/example/qpr/pkg/report"
)

// Label is a period's canonical label, the one style used throughout a document:
// "2023/24 Q2" for a quarter, "Sep 2023" for a month.
func Label(p report.Period) string {
	if p.IsMonth() {
		top, bottom := ShortLines(p)
		return top + " " + bottom
	}
	return p.String()
}

// ShortLines is the documented short form for narrow columns and chart axes, as two lines:
// "23/24" over "Q2" (the canonical order, the century dropped from a two-year label), or
// "Sep" over "2023" for a month.
func ShortLines(p report.Period) (string, string) {
	if p.IsMonth() {
		return time.Month(p.Month.Month).String()[:3], p.Month.String()[:4]
	}
	year := p.YearLabel()
	if len(year) == 7 && year[4] == '/' {
		year = year[2:]
	}
	return year, "Q" + string(rune('0'+p.Quarter.Q))
}

// MonthName is a month as a reader says it: "September 2023".
func MonthName(p report.Period) string { return p.Month.Name() }

// PeriodLine is the cover's line: "2023/24 Q2: data to the end of September 2023".
func PeriodLine(r *report.Report) string {
	s := Label(r.Period)
	if r.PeriodEnd.IsMonth() {
		s += ": data to the end of " + MonthName(r.PeriodEnd)
	}
	return s
}

// AsAt is the date the report carries and whether it could be read.
func AsAt(r *report.Report) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", r.AsAt)
	return t, err == nil
}

// AsAtWords is the report date as written in text: "30 September 2023".
func AsAtWords(r *report.Report) string {
	if t, ok := AsAt(r); ok {
		return t.Format("2 January 2006")
	}
	return r.AsAt
}

// ValueNoun is what one of an indicator's own periods is called: "Quarter" or "Month".
func ValueNoun(in *report.Indicator) string {
	if IsMonthly(in) {
		return "Month"
	}
	return "Quarter"
}

// MonthsCovered is the months a report quarter covers in words: "October to December 2023",
// or "December 2023 to February 2024" across a calendar year; "" when unknown.
func MonthsCovered(r *report.Report) string {
	from, to := r.PeriodStart, r.PeriodEnd
	if !from.IsMonth() || !to.IsMonth() {
		return ""
	}
	first := time.Month(from.Month.Month).String()
	if from.Month.Year != to.Month.Year {
		first = MonthName(from)
	}
	return first + " to " + MonthName(to)
}
