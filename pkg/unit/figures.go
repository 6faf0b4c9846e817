package unit

import (
	"math"
	"strconv"
	"strings"
)

// MaxPlaces bounds the decimal places any figure is shown with; beyond it digits are noise.
const MaxPlaces = 6

// SignificantPlaces is the decimal places that show v to digits significant figures, at least
// atLeast and at most MaxPlaces: 88.95 to four figures needs 2, 0.007551 to two needs 4.
func SignificantPlaces(v float64, digits, atLeast int) int {
	atLeast = min(max(atLeast, 0), MaxPlaces)
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return atLeast
	}
	mag := int(math.Floor(math.Log10(math.Abs(v)))) // 88.95 -> 1, 0.0076 -> -3
	return min(max(digits-1-mag, atLeast), MaxPlaces)
}

// Figure is v to digits significant figures and at least atLeast places, rounded half away
// from zero as Round does, trailing zeros beyond atLeast dropped and thousands grouped: the
// one form of every fitted figure, statistic and probability in qpr's text. Figure(0.9917, 2,
// 0) is "0.99", Figure(2, 2, 0) is "2", Figure(0.125, 2, 0) is "0.13".
func Figure(v float64, digits, atLeast int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	atLeast = min(max(atLeast, 0), MaxPlaces)
	places := SignificantPlaces(v, digits, atLeast)
	s := Round(v, places)
	if v != 0 && strings.Trim(s, "-0.") == "" {
		// smaller than MaxPlaces can show: never show a non-zero figure as 0
		return strconv.FormatFloat(v, 'g', digits, 64)
	}
	return Group(TrimZeros(s, atLeast))
}

// TrimZeros drops trailing zeros after the point beyond keep places, and the point itself
// when nothing is left after it.
func TrimZeros(s string, keep int) string {
	whole, frac, ok := strings.Cut(s, ".")
	if !ok {
		return s
	}
	for len(frac) > keep && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	if frac == "" {
		return whole
	}
	return whole + "." + frac
}

// PDigits is the significant figures a probability is shown to.
const PDigits = 2

// P writes a probability as every sentence and figures line gives it: "p < 0.001" below a
// thousandth, else to two significant figures, with more where two would put the shown
// number on the other side of alpha from the real one (0.0496 must not read "p = 0.05"
// beside a significant trend). alpha 0 means no test level to keep.
func P(p, alpha float64) string {
	if p < 0.001 {
		return "p < 0.001"
	}
	s := Figure(p, PDigits, 0)
	for digits := PDigits + 1; digits <= MaxPlaces && alpha > 0; digits++ {
		shown, err := strconv.ParseFloat(s, 64)
		if err != nil || (shown < alpha) == (p < alpha) {
			break
		}
		s = Figure(p, digits, 0)
	}
	return "p = " + s
}
