// Package unit shows numbers the way a report reader expects for each unit: 82%, £1,234,
// 12.5 days, 1,234.
package unit

import (
	"strconv"
	"strings"
)

// Show formats a number already rounded to its shown form (e.g. "1234.5") with thousands
// separators and the unit's sign or word.
func Show(number string, unit string) string {
	n := Group(number)
	switch unit {
	case "percent":
		return n + "%"
	case "currency":
		if strings.HasPrefix(n, "-") {
			return "-£" + n[1:]
		}
		return "£" + n
	case "days":
		if n == "1" {
			return n + " day"
		}
		return n + " days"
	default:
		return n
	}
}

// Format rounds v to decimals places and shows it with its unit.
func Format(v float64, decimals int, unit string) string {
	if decimals < 0 {
		decimals = 0
	}
	return Show(strconv.FormatFloat(v, 'f', decimals, 64), unit)
}

// FormatShortest shows v with as many places as it has, up to max (thresholds typed as 85 or
// 2.5 are shown as typed).
func FormatShortest(v float64, max int, unit string) string {
	s := strconv.FormatFloat(v, 'f', max, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return Show(s, unit)
}

// Group puts thousands separators into the integer part of a plain decimal number.
func Group(number string) string {
	sign := ""
	if strings.HasPrefix(number, "-") {
		sign, number = "-", number[1:]
	}
	intPart, frac := number, ""
	if i := strings.IndexByte(number, '.'); i >= 0 {
		intPart, frac = number[:i], number[i:]
	}
	if len(intPart) <= 3 {
		return sign + intPart + frac
	}
	var b strings.Builder
	lead := len(intPart) % 3
	if lead > 0 {
		b.WriteString(intPart[:lead])
	}
	for i := lead; i < len(intPart); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(intPart[i : i+3])
	}
	return sign + b.String() + frac
}
