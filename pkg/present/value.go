package present

import (
	"math"
	"strconv"
	"strings"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/rag"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/pkg/unit"
)

// MaxPlaces bounds the decimal places a number is shown with; beyond it digits are noise.
const MaxPlaces = unit.MaxPlaces

// Shown is a number as the report shows it: the figure, the places it is shown to and the
// text with its unit. A renderer that keeps numbers as numbers (a workbook cell) takes Value
// and Places; one that writes text takes Text.
type Shown struct {
	Value  float64
	Places int
	Text   string
	OK     bool // false: there is no number; Text says so
}

// IsActivity reports whether in is compared with an expected range rather than rated.
func IsActivity(in *report.Indicator) bool { return in.Type == catalogue.Activity }

// IsMonthly reports whether in's own periods are months.
func IsMonthly(in *report.Indicator) bool { return in.Frequency == catalogue.Monthly }

// Format shows v with places decimals, thousands separators and the unit: 82%, £1,234.50,
// 12.5 days, 1,234.
func Format(v float64, u catalogue.Unit, places int) string {
	return unit.Attach(unit.Group(unit.Round(v, clamp(places))), string(u))
}

func clamp(places int) int { return min(max(places, 0), MaxPlaces) }

// DisplayPlaces is the places a value is shown to (contract section 5): the indicator's
// decimals, or more where the engine's rating-faithful form needs more so that the shown
// number keeps its rating (89.96 against a target of 90 is shown as 89.96, not 90). places is
// the report model's Places for the value.
func DisplayPlaces(decimals, places int) int { return clamp(max(decimals, places)) }

// ExactPlaces is the places a threshold is shown to: the indicator's decimals, or as many as
// the figure itself has, so that a target of 57.5 is never shown as 58.
func ExactPlaces(decimals int, v float64) int {
	places := decimals
	if !math.IsNaN(v) && !math.IsInf(v, 0) {
		_, frac, _ := strings.Cut(strconv.FormatFloat(v, 'f', -1, 64), ".")
		places = max(places, len(frac))
	}
	return clamp(places)
}

// Value is the indicator's headline value as shown: "82%", or "No data".
func Value(in *report.Indicator) Shown {
	return shownValue(in.Value, in.Display != nil, in.Places, in.Unit, in.Decimals)
}

// HistoryValue is one history quarter's value as shown.
func HistoryValue(in *report.Indicator, h *report.HistoryPoint) Shown {
	return shownValue(h.Value, h.Display != nil, h.Places, in.Unit, in.Decimals)
}

// shownValue is v as shown: to the places the report model gives it when it has a
// rating-faithful form (rated), else with all its own places.
func shownValue(v *float64, rated bool, modelPlaces int, u catalogue.Unit, decimals int) Shown {
	if v == nil || math.IsNaN(*v) || math.IsInf(*v, 0) {
		return Shown{Text: NoData.Word()}
	}
	places := DisplayPlaces(decimals, modelPlaces)
	if !rated {
		// no rating-faithful form given: all the value's own places can never contradict
		// its rating, where rounding to decimals might
		places = ExactPlaces(decimals, *v)
	}
	return Shown{Value: *v, Places: places, Text: Format(*v, u, places), OK: true}
}

// Threshold is a target, floor or range end as shown; "–" when there is none.
func Threshold(in *report.Indicator, v *float64) Shown {
	if v == nil || math.IsNaN(*v) || math.IsInf(*v, 0) {
		return Shown{Text: "–"}
	}
	places := ExactPlaces(in.Decimals, *v)
	return Shown{Value: *v, Places: places, Text: Format(*v, in.Unit, places), OK: true}
}

// PointValue is a chart point's value shown as the report would show it in that period: the
// indicator's decimals, with more places where rounding would carry the value across the
// thresholds that applied then.
func PointValue(in *report.Indicator, p report.ChartPoint) Shown {
	if p.Value == nil {
		return Shown{Text: "–"}
	}
	return shownValue(p.Value, true, pointPlaces(in, p), in.Unit, in.Decimals)
}

// UnitSymbol is a unit's short form for a unit column: %, £, days, number, rate.
func UnitSymbol(u catalogue.Unit) string {
	switch u {
	case catalogue.Percent:
		return "%"
	case catalogue.Currency:
		return "£"
	}
	return string(u)
}

// AxisTitle is the title of a chart's value axis for a unit.
func AxisTitle(u catalogue.Unit) string {
	switch u {
	case catalogue.Percent:
		return "Per cent"
	case catalogue.Currency:
		return "£"
	case catalogue.Days:
		return "Days"
	case catalogue.Rate:
		return "Rate"
	}
	return "Number"
}

// TickLabel is a value-axis label: the unit's sign for percent and money, bare otherwise.
func TickLabel(v float64, u catalogue.Unit, places int) string {
	n := unit.Group(unit.Round(v, clamp(places)))
	switch u {
	case catalogue.Percent, catalogue.Currency:
		return unit.Attach(n, string(u))
	}
	return n
}

// pointPlaces are the places of the rating-faithful shown form of a chart point against its
// own period's thresholds (plain rounding where none are charted).
func pointPlaces(in *report.Indicator, p report.ChartPoint) int {
	if IsActivity(in) {
		var r *rag.Range
		if p.Lower != nil || p.Upper != nil {
			r = &rag.Range{Lower: p.Lower, Upper: p.Upper}
		}
		return rag.PlacesActivity(*p.Value, in.Decimals, r)
	}
	var th *rag.Thresholds
	if p.Target != nil {
		th = &rag.Thresholds{Target: p.Target, Floor: p.Floor, Lower: LowerIsBetter(in)}
	}
	return rag.PlacesKPI(*p.Value, in.Decimals, th)
}

// LowerIsBetter reports whether lower values of in are better.
func LowerIsBetter(in *report.Indicator) bool {
	return in.Polarity != nil && *in.Polarity == catalogue.Lower
}

// BasisHeading is the heading of the column that gives each value's basis code.
const BasisHeading = "Basis"

// Bases are the basis codes with what each says a value covers, for the key: a table prints
// the code in a Basis column of its own, as councils' reports do, rather than after the value.
func Bases() []Abbreviation {
	return []Abbreviation{
		{string(catalogue.BasisQuarter), "the quarter"},
		{string(catalogue.BasisMonthSnapshot), "a snapshot at the end of a month"},
		{string(catalogue.BasisYearToDate), "the financial year to date"},
		{string(catalogue.BasisRolling12), "the rolling 12 months to the period"},
		{string(catalogue.BasisAnnual), "a whole year"},
	}
}

// Basis is the code of what in's value covers: Q, MS, YTD, R12M or A (Q when the report
// does not say).
func Basis(in *report.Indicator) string {
	if in.Basis == "" {
		return string(catalogue.BasisQuarter)
	}
	return string(in.Basis)
}
