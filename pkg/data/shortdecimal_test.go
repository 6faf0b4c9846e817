package data

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// shortDecimal gives what strconv.ParseFloat gives, bit for bit, and plainNumber's count of
// significant digits, for every number it takes; it takes every plain number of up to 15
// digits, and nothing that is not a plain number.
func TestShortDecimalAgreesWithParseFloat(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	digits := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(byte('0' + rng.IntN(10)))
		}
		return b.String()
	}
	cases := []string{"0", "-0", "+0", "0.0", "-0.0", "1.", ".5", "-.5", "007.50", "0.1", "0.3", "2.675", "1e5", "1.2.3", "", ".", "-", "+", "1,5", " 1", "1 ", "0x10", "Inf", "123456789012345", "1234567890123456", "9007199254740993", "0.000000000000001", "99999999999999.9"}
	for range 200_000 {
		s := []string{"", "-", "+"}[rng.IntN(3)]
		whole, frac := rng.IntN(12), rng.IntN(12)
		s += digits(whole)
		if rng.IntN(3) > 0 {
			s += "." + digits(frac)
		}
		cases = append(cases, s)
	}
	for _, s := range cases {
		f, n, ok := shortDecimal(s)
		plain, wantDigits := plainNumber(s)
		hasExp := strings.ContainsAny(s, "eE")
		digitCount := 0
		for _, c := range s {
			if '0' <= c && c <= '9' {
				digitCount++
			}
		}
		if plain && !hasExp && strings.Count(s, ".") <= 1 && len(strings.Trim(s, "+-.0123456789")) == 0 && digitCount <= 15 && !ok {
			t.Errorf("shortDecimal(%q) not ok, but it is a plain number of %d digits", s, digitCount)
		}
		if !ok {
			continue
		}
		if !plain {
			t.Errorf("shortDecimal(%q) ok, but plainNumber refuses it", s)
			continue
		}
		want, err := strconv.ParseFloat(s, 64)
		if err != nil || math.Float64bits(f) != math.Float64bits(want) {
			t.Errorf("shortDecimal(%q) = %v (%x), strconv %v (%x, %v)", s, f, math.Float64bits(f), want, math.Float64bits(want), err)
		}
		if min(n, 11) != wantDigits {
			t.Errorf("shortDecimal(%q) counts %d significant digits, plainNumber %d", s, n, wantDigits)
		}
	}
}
