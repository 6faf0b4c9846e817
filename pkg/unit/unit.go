// Package unit shows numbers the way a report reader expects for each unit: 82%, £1,234,
// 12.5 days, 1,234.
package unit

import (
	"bytes"
	"math"
	"strconv"
	"strings"
)

// Show formats a number already rounded to its shown form (e.g. "1234.5") with thousands
// separators and the unit's sign or word.
func Show(number string, unit string) string {
	return Attach(Group(number), unit)
}

// Affixes is the text a unit puts around a shown number: before it ("£"), after it ("%",
// " days"), and after a number shown as exactly 1 where that differs (" day"). It is decided
// here once, for the report's text (Attach) and for the spreadsheets' number formats.
type Affixes struct {
	Before, After, AfterOne string
}

// AffixesOf is the unit's affixes; a unit without a sign or word (number, rate, and any a
// newer catalogue adds) has none.
func AffixesOf(unit string) Affixes {
	switch unit {
	case "percent":
		return Affixes{After: "%"}
	case "currency":
		return Affixes{Before: "£"}
	case "days":
		return Affixes{After: " days", AfterOne: " day"}
	}
	return Affixes{}
}

// Attach puts the unit's sign or word on an already formatted number: 82%, £1,234, -£5,
// 12.5 days, 1 day.
func Attach(n string, unit string) string {
	a := AffixesOf(unit)
	after := a.After
	if n == "1" && a.AfterOne != "" {
		after = a.AfterOne
	}
	if a.Before != "" && strings.HasPrefix(n, "-") {
		return "-" + a.Before + n[1:] + after
	}
	return a.Before + n + after
}

// Format rounds v to decimals places and shows it with its unit.
func Format(v float64, decimals int, unit string) string {
	if decimals < 0 {
		decimals = 0
	}
	return Show(Round(v, decimals), unit)
}

// FormatShortest shows v with as many places as it has, up to max (thresholds typed as 85 or
// 2.5 are shown as typed).
func FormatShortest(v float64, max int, unit string) string {
	s := Round(v, max)
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

// Round shows v with the given number of decimal places, rounding half away from zero on the
// number as written (86.5 shows as 87 and 0.125 as 0.13, as Excel shows them), where binary
// rounding would give 86 and 0.12. A value that rounds to zero is shown without a minus sign.
func Round(v float64, places int) string {
	var buf [32]byte
	return string(AppendRound(buf[:0], v, places))
}

// AppendRound appends Round(v, places) to dst, for callers that would only parse or copy the
// string: the digits are worked out in a buffer of its own, not in strings.
func AppendRound(dst []byte, v float64, places int) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.AppendFloat(dst, v, 'f', -1, 64)
	}
	var shortest, keptBuf [40]byte
	digits := strconv.AppendFloat(shortest[:0], v, 'f', -1, 64) // shortest form that reads back as v
	neg := digits[0] == '-'
	if neg {
		digits = digits[1:]
	}
	intPart, frac := digits, digits[:0]
	if i := bytes.IndexByte(digits, '.'); i >= 0 {
		intPart, frac = digits[:i], digits[i+1:]
	}
	places = max(places, 0)
	kept := append(keptBuf[:0], intPart...)
	if len(frac) <= places {
		kept = append(kept, frac...)
		for range places - len(frac) {
			kept = append(kept, '0')
		}
	} else {
		kept = append(kept, frac[:places]...)
		if frac[places] >= '5' {
			i := len(kept) - 1
			for ; i >= 0; i-- {
				if kept[i] == '9' {
					kept[i] = '0'
					continue
				}
				kept[i]++
				break
			}
			if i < 0 {
				kept = append(kept, 0)
				copy(kept[1:], kept)
				kept[0] = '1'
			}
		}
	}
	if neg && bytes.ContainsFunc(kept, func(r rune) bool { return r != '0' }) {
		dst = append(dst, '-')
	}
	n := len(kept) - places
	dst = append(dst, kept[:n]...)
	if places > 0 {
		dst = append(dst, '.')
		dst = append(dst, kept[n:]...)
	}
	return dst
}
