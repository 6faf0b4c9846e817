package pdf

import (
	"regexp"
	"strings"
	"time"

	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/pkg/unit"
)

// formatNumber writes v with places decimals and thousands separators: 1234.5 -> "1,234.5".
func formatNumber(v float64, places int) string {
	return unit.Group(unit.Round(v, max(places, 0)))
}

// withUnit puts the unit on a formatted number: percent "82%", currency "£1,234",
// days "12.3 days"; number and rate are bare.
func withUnit(num, unitName string) string { return unit.Attach(num, unitName) }

func formatValue(v float64, unit string, places int) string {
	return withUnit(formatNumber(v, places), unit)
}

var plainNumber = regexp.MustCompile(`^-?[0-9,]*(\.([0-9]+))?$`)

// shownValue is the indicator's value as the report shows it. Display is the engine's
// rating-consistent form (contract section 5); it may carry more places than Decimals, so
// its places are kept and the unit and separators added. A Display that is not a plain
// number is shown as given.
func shownValue(value *float64, display *string, unit string, decimals int) string {
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
	return formatValue(*value, unit, places)
}

func indicatorValue(in *report.Indicator) string {
	return shownValue(in.Value, in.Display, in.Unit, in.Decimals)
}

// threshold formats a target, floor or range end with the indicator's precision.
func threshold(v *float64, unit string, decimals int) string {
	if v == nil {
		return "–"
	}
	return formatValue(*v, unit, decimals)
}

var quarterLabel = regexp.MustCompile(`^(.+?)\s+Q([1-4])$`)

// quarterWords turns "2023/24 Q2" into "Quarter 2, 2023/24".
func quarterWords(label string) string {
	if m := quarterLabel.FindStringSubmatch(strings.TrimSpace(label)); m != nil {
		return "Quarter " + m[2] + ", " + m[1]
	}
	return label
}

// monthWords turns "2023-09" into "September 2023".
func monthWords(ym string) string {
	t, err := time.Parse("2006-01", strings.TrimSpace(ym))
	if err != nil {
		return ym
	}
	return t.Format("January 2006")
}

// periodLine is the cover's "Quarter 2, 2023/24: data to the end of September 2023".
func periodLine(r *report.Report) string {
	s := quarterWords(r.Period)
	if r.PeriodEnd != "" {
		s += ": data to the end of " + monthWords(r.PeriodEnd)
	}
	return s
}

// asAtDate is the report date; an unreadable one yields the zero time and ok false.
func asAtDate(r *report.Report) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(r.AsAt))
	return t, err == nil
}

func asAtWords(r *report.Report) string {
	if t, ok := asAtDate(r); ok {
		return t.Format("2 January 2006")
	}
	return r.AsAt
}

var monthLabel = regexp.MustCompile(`^(\d{4})-(\d{2})$`)

// axisLabel is a chart's two-line period label: "Q2" over "2023/24", or "Sep" over "2023".
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

// shortQuarter is a table column's two-line label: "Q1" over "23/24".
func shortQuarter(p string) (string, string) {
	q, year := axisLabel(p)
	if len(year) == 7 && year[4] == '/' {
		year = year[2:]
	}
	return q, year
}

func unitAxisTitle(unit string) string {
	switch unit {
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
