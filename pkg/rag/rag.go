// Package rag rates a value against a target and floor (KPIs) or an expected range (activity
// indicators), and chooses how to show the value so the shown number never contradicts its
// rating.
package rag

import (
	"math"
	"strconv"
	"strings"

	"github.com/example/qpr/pkg/unit"
)

// Status words are fixed by the contract; scripts match on them.
const (
	Green    = "green"
	Amber    = "amber"
	Red      = "red"
	NotRated = "not_rated"
	NoData   = "no_data"

	Above  = "above"
	Within = "within"
	Below  = "below"
)

// Thresholds of a KPI for one financial year. A nil Target means the KPI is not rated.
type Thresholds struct {
	Target *float64
	Floor  *float64
	Lower  bool // true when lower values are better
}

// Rate returns the KPI status of value; a nil value is no_data whatever the thresholds.
func Rate(value *float64, th *Thresholds) string {
	if value == nil {
		return NoData
	}
	if th == nil || th.Target == nil {
		return NotRated
	}
	v, target := *value, *th.Target
	if th.Lower {
		switch {
		case v <= target:
			return Green
		case th.Floor != nil && v <= *th.Floor:
			return Amber
		default:
			return Red
		}
	}
	switch {
	case v >= target:
		return Green
	case th.Floor != nil && v >= *th.Floor:
		return Amber
	default:
		return Red
	}
}

// Range is an activity indicator's expected range; either end may be open.
type Range struct {
	Lower *float64
	Upper *float64
}

// RateActivity returns above, within or below; no_data without a value, not_rated without a range.
func RateActivity(value *float64, r *Range) string {
	if value == nil {
		return NoData
	}
	if r == nil || (r.Lower == nil && r.Upper == nil) {
		return NotRated
	}
	switch {
	case r.Upper != nil && *value > *r.Upper:
		return Above
	case r.Lower != nil && *value < *r.Lower:
		return Below
	default:
		return Within
	}
}

// maxPlaces bounds the search for a faithful display; beyond it the value is shown in full.
const maxPlaces = 10

// Display formats value with at least decimals places, adding places until the shown number
// gets the same status as the exact one (89.96 against a target of 90 shows as 89.96, not 90).
// status is the rating function to keep; nil means plain rounding.
func Display(value float64, decimals int, status func(float64) string) string {
	if math.IsNaN(value) || math.IsInf(value, 0) {
		return strconv.FormatFloat(value, 'f', -1, 64)
	}
	return unit.Round(value, Places(value, decimals, status))
}

// Places is the places Display shows value to: at least decimals, more until the shown number
// keeps the exact one's status, and failing that all the places of its shortest form.
func Places(value float64, decimals int, status func(float64) string) int {
	if decimals < 0 {
		decimals = 0
	}
	if status == nil || math.IsNaN(value) || math.IsInf(value, 0) {
		return decimals
	}
	want := status(value)
	var shown [40]byte
	for places := decimals; places <= maxPlaces; places++ {
		parsed, err := strconv.ParseFloat(string(unit.AppendRound(shown[:0], value, places)), 64)
		if err == nil && status(parsed) == want {
			return places
		}
	}
	_, frac, _ := strings.Cut(strconv.FormatFloat(value, 'f', -1, 64), ".")
	return max(len(frac), decimals)
}

// PlacesKPI is Places keeping the KPI rating.
func PlacesKPI(value float64, decimals int, th *Thresholds) int {
	return Places(value, decimals, func(v float64) string { return Rate(&v, th) })
}

// PlacesActivity is Places keeping the activity status.
func PlacesActivity(value float64, decimals int, r *Range) int {
	return Places(value, decimals, func(v float64) string { return RateActivity(&v, r) })
}

// DisplayKPI is Display keeping the KPI rating.
func DisplayKPI(value float64, decimals int, th *Thresholds) string {
	return Display(value, decimals, func(v float64) string { return Rate(&v, th) })
}

// DisplayActivity is Display keeping the activity status.
func DisplayActivity(value float64, decimals int, r *Range) string {
	return Display(value, decimals, func(v float64) string { return RateActivity(&v, r) })
}
