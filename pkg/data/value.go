package data

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/example/qpr/pkg/data/internal/decimal"
)

// valueHint is the "what would be valid" of every unreadable value.
const valueHint = "write a number such as 85 or 85%, or n/a for missing"

// missingMarkers are the texts that mean "given, but no value". The en and em dashes are what
// Excel's autocorrect turns a typed "-" into.
var missingMarkers = map[string]bool{
	"n/a": true, "na": true, "-": true, "..": true, "*": true,
	"\u2013": true, "\u2014": true,
}

// excelErrors are the error values a formula cell can hold; a csv saved from Excel holds them
// as text.
var excelErrors = map[string]bool{
	"#DIV/0!": true, "#N/A": true, "#VALUE!": true, "#REF!": true, "#NAME?": true,
	"#NUM!": true, "#NULL!": true, "#SPILL!": true, "#CALC!": true, "#GETTING_DATA": true,
	"#FIELD!": true, "#BLOCKED!": true, "#CONNECT!": true, "#BUSY!": true, "#UNKNOWN!": true,
}

// plainNumber reports decimal notation only, [+-]digits[.digits][e[+-]digits] with digits on
// at least one side of the point: strconv.ParseFloat alone would also take hex floats, "Inf"
// and "NaN", none of which a person means as a value. It also returns how many significant
// digits the number has, as far as that matters (up to 11). It is the check a regular
// expression made, by hand: it runs once per value, millions of times in a national return.
func plainNumber(s string) (ok bool, digits int) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	intDigits, fracDigits := 0, 0
	significant := false
	for ; i < len(s) && isDigit(s[i]); i++ {
		intDigits++
		if s[i] != '0' || significant {
			significant = true
			digits++
		}
	}
	if i < len(s) && s[i] == '.' {
		i++
		for ; i < len(s) && isDigit(s[i]); i++ {
			fracDigits++
			if s[i] != '0' || significant {
				significant = true
				digits++
			}
		}
	}
	if intDigits == 0 && fracDigits == 0 {
		return false, 0
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		expDigits := 0
		for ; i < len(s) && isDigit(s[i]); i++ {
			expDigits++
		}
		if expDigits == 0 {
			return false, 0
		}
		digits = 11 // an exponent can take the value anywhere: round it as always
	}
	return i == len(s), min(digits, 11)
}

// shortDecimal reads the commonest values at once (see decimal.Short), with the significant
// digits as plainNumber counts them.
func shortDecimal(s string) (f float64, digits int, ok bool) { return decimal.Short(s) }

// groupedNumber reports a number with thousands separators in the right places:
// [+-]d{1,3}(,ddd)+[.digits].
func groupedNumber(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	lead := 0
	for ; i < len(s) && isDigit(s[i]); i++ {
		lead++
	}
	if lead < 1 || lead > 3 {
		return false
	}
	groups := 0
	for i < len(s) && s[i] == ',' {
		if i+4 > len(s) || !isDigit(s[i+1]) || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
			return false
		}
		i += 4
		groups++
	}
	if groups == 0 {
		return false
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && isDigit(s[i]); i++ {
		}
	}
	return i == len(s)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// ParseValue reads a value written as text: a number, which may carry a leading currency sign,
// thousands separators (1,234) or a trailing % (85% is 85); or a missing marker (n/a, na, -,
// .., *), for which missing is true. The value is rounded to 10 significant figures. Anything
// else, including a blank, NaN and Inf, is an error saying what would be valid.
func ParseValue(s string) (v float64, missing bool, err error) {
	return parseValueText(s, nil)
}

// parseValueText is ParseValue in a file whose numbers are written by the convention nc; nil
// is the usual one, a comma between thousands and a point before decimals. While nc is
// surveying a file, a number is only looked at: the value returned means nothing.
func parseValueText(s string, nc *numberConvention) (float64, bool, error) {
	t := cell{text: s}.trimmed()
	if t == "" {
		return 0, false, fmt.Errorf("the value is blank; %s", valueHint)
	}
	if nc == nil {
		// Most values are plain numbers, which no marker, error, sign or separator below can
		// be: read them at once (an error falls through, to be described the same way).
		if f, digits, ok := shortDecimal(t); ok {
			if digits <= 10 {
				return f, false, nil
			}
			return Round10(f), false, nil
		}
		if ok, digits := plainNumber(t); ok {
			if f, err := strconv.ParseFloat(t, 64); err == nil && !math.IsInf(f, 0) {
				if digits <= 10 {
					return f, false, nil
				}
				return Round10(f), false, nil
			}
		}
	}
	if missingMarkers[strings.ToLower(t)] {
		return 0, true, nil
	}
	if excelErrors[strings.ToUpper(t)] {
		return 0, false, errorValue(strings.ToUpper(t))
	}
	num := strings.TrimSpace(strings.TrimSuffix(t, "%"))
	num = strings.TrimSpace(trimCurrency(num))
	if nc != nil {
		if nc.surveying {
			nc.observe(s, num)
			return 0, false, nil
		}
		var err error
		if num, err = nc.normalise(s, num); err != nil {
			return 0, false, err
		}
	} else if strings.Contains(num, ",") {
		if !groupedNumber(num) {
			return 0, false, fmt.Errorf("%q is not a number: a comma must separate thousands (1,234); %s", clip(s), valueHint)
		}
		num = strings.ReplaceAll(num, ",", "")
	}
	ok, digits := plainNumber(num)
	if !ok {
		return 0, false, fmt.Errorf("%q is not a number; %s", clip(s), valueHint)
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, false, fmt.Errorf("%q is too large to be a value; %s", clip(s), valueHint)
	}
	if digits <= 10 {
		// The nearest double to a number of ten significant figures or fewer is already what
		// Round10 would give.
		return f, false, nil
	}
	return Round10(f), false, nil
}

// trimCurrency drops one leading currency sign, after an optional minus sign.
func trimCurrency(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		sign, s = s[:1], s[1:]
	}
	for _, c := range []string{"£", "$", "€"} {
		if strings.HasPrefix(s, c) {
			return sign + strings.TrimSpace(strings.TrimPrefix(s, c))
		}
	}
	// Much of Europe writes the euro sign after the number: 35.123 €.
	if t, ok := strings.CutSuffix(s, "€"); ok {
		return sign + strings.TrimSpace(t)
	}
	return sign + s
}

func errorValue(code string) error {
	return fmt.Errorf("cell holds the error %s; correct the formula, or write n/a if the value is missing", code)
}

// Round10 rounds x to 10 significant figures, so that a value that went through binary
// floating point (0.57 × 100 = 56.99999999999999) compares equal to the number a person wrote.
func Round10(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	if r, ok := round10Quick(x); ok {
		return r
	}
	return round10Text(x)
}

// round10Text is Round10 by way of the text of x to 10 significant figures: the definition.
func round10Text(x float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 10, 64), 64)
	if err != nil {
		return x
	}
	return r
}

// round10Quick is Round10 without text for the values data holds, from 1e-5 to 1e15 in size:
// x scaled by a power of ten 10^k to between 1e9 and 1e10 and rounded to a whole number m is
// x to 10 significant figures, and m / 10^k (both held exactly) is the double nearest that
// decimal, as strconv.ParseFloat gives. The scaling rounds once, by at most 2e-6 at that size,
// so m is the exact rounding unless the scaled value is within that of a half: then it is not
// ok, for round10Text.
func round10Quick(x float64) (float64, bool) {
	a := math.Abs(x)
	if !(a >= 1e-5 && a < 1e15) {
		return 0, false
	}
	e := 0 // 10^e <= a < 10^(e+1), or one off where a is next to a power of ten
	for e < 14 && a >= decimal.Pow10[e+1] {
		e++
	}
	for e <= 0 && e > -5 && a < 1/decimal.Pow10[-e] {
		e--
	}
	k := 9 - e
	scale := func(k int) float64 {
		if k >= 0 {
			return a * decimal.Pow10[k]
		}
		return a / decimal.Pow10[-k]
	}
	y := scale(k)
	if y < 1e9 {
		k++
		y = scale(k)
	} else if y >= 1e10 {
		k--
		y = scale(k)
	}
	if y < 1e9 || y >= 1e10 {
		return 0, false
	}
	m := math.Floor(y)
	switch frac := y - m; {
	case math.Abs(frac-0.5) < 1e-4:
		return 0, false
	case frac > 0.5:
		m++
	}
	r := m
	if k >= 0 {
		r /= decimal.Pow10[k]
	} else {
		r *= decimal.Pow10[-k]
	}
	return math.Copysign(r, x), true
}

// clipLength bounds how much of a user's text a message quotes: enough to recognise it, never
// a two-megabyte cell echoed back.
const clipLength = 60

// clip shortens s for quoting in a message, marking what was cut.
func clip(s string) string {
	r := []rune(s)
	if len(r) <= clipLength {
		return s
	}
	return string(r[:clipLength]) + fmt.Sprintf("… (%d characters)", len(r))
}
