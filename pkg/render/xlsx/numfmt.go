package xlsx

import (
	"math"
	"strconv"
	"strings"
)

// maxPlaces bounds the places a format may carry; beyond it a number is noise to a reader.
const maxPlaces = 6

// numberFormat is the Excel format code for a value of the given unit shown with places
// decimal places. Percent values are held as 82.4 meaning 82.4%, so the % is a literal and
// the number is never scaled.
func numberFormat(unit string, places int) string {
	places = clampPlaces(places)
	fraction := ""
	if places > 0 {
		fraction = "." + strings.Repeat("0", places)
	}
	switch unit {
	case "percent":
		return `0` + fraction + `"%"`
	case "currency":
		return `"£"#,##0` + fraction
	case "days":
		return `0` + fraction + ` "days"`
	default: // number, rate and any unit a newer catalogue adds
		return `#,##0` + fraction
	}
}

func clampPlaces(places int) int {
	if places < 0 {
		return 0
	}
	if places > maxPlaces {
		return maxPlaces
	}
	return places
}

// displayPlaces is how many places a value is shown with: the indicator's decimals, or more
// when the engine's shown form needs more so that the shown number keeps its rating
// (contract section 5: 89.96 against a target of 90 shows as 89.96). Without a shown form
// the value keeps all its own places (up to maxPlaces), which can never contradict its
// rating, rather than being rounded across a threshold.
func displayPlaces(decimals int, display *string, value *float64) int {
	if display != nil {
		return clampPlaces(max(decimals, fractionDigits(*display)))
	}
	if value != nil {
		return exactPlaces(decimals, *value)
	}
	return clampPlaces(decimals)
}

// fractionDigits counts the digits after the decimal point of a shown number such as
// "89.96", "1,234.5" or "82.4%".
func fractionDigits(shown string) int {
	dot := strings.IndexByte(shown, '.')
	if dot < 0 {
		return 0
	}
	n := 0
	for _, c := range shown[dot+1:] {
		if c < '0' || c > '9' {
			break
		}
		n++
	}
	return n
}

// exactPlaces shows v with the indicator's decimals, or with as many places as v itself
// has, so that a target of 57.5 is not shown as 58.
func exactPlaces(decimals int, v float64) int {
	places := clampPlaces(decimals)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return places
	}
	if p := fractionDigits(strconv.FormatFloat(v, 'f', -1, 64)); p > places {
		places = clampPlaces(p)
	}
	return places
}
