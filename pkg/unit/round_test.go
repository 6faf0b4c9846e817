package unit

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// roundByStrings is Round as first written, on strings: the reference AppendRound's digit
// buffer must agree with.
func roundByStrings(v float64, places int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	digits := strconv.FormatFloat(v, 'f', -1, 64)
	neg := strings.HasPrefix(digits, "-")
	digits = strings.TrimPrefix(digits, "-")
	intPart, frac, _ := strings.Cut(digits, ".")
	signed := func(intPart, frac string) string {
		out := intPart
		if frac != "" {
			out += "." + frac
		}
		if neg && strings.Trim(intPart+frac, "0") != "" {
			return "-" + out
		}
		return out
	}
	if len(frac) <= places {
		return signed(intPart, frac+strings.Repeat("0", places-len(frac)))
	}
	kept := []byte(intPart + frac[:places])
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
			kept = append([]byte{'1'}, kept...)
		}
	}
	n := len(kept) - places
	return signed(string(kept[:n]), string(kept[n:]))
}

func TestAppendRoundAgreesWithTheStringForm(t *testing.T) {
	values := []float64{0, math.Copysign(0, -1), 0.5, -0.5, 9.5, 99.95, -99.95, 0.0049, -0.0049,
		999.9999, 1e21, -1e21, 1e-7, 123456789.987654321, math.MaxFloat64, -math.SmallestNonzeroFloat64,
		math.NaN(), math.Inf(1), math.Inf(-1), 2.675, 0.125, 86.5}
	r := rand.New(rand.NewPCG(19, 6))
	for range 20000 {
		scale := math.Pow(10, float64(r.IntN(12)-5))
		v := math.Round(r.NormFloat64()*1e6) / 1e6 * scale
		values = append(values, v, -v, math.Round(v*100)/100+0.005)
	}
	for _, v := range values {
		for places := 0; places <= 7; places++ {
			want := roundByStrings(v, places)
			if got := Round(v, places); got != want {
				t.Fatalf("Round(%v, %d) = %q, the string form gives %q", v, places, got, want)
			}
			if got := string(AppendRound([]byte("x"), v, places)); got != "x"+want {
				t.Fatalf("AppendRound(x, %v, %d) = %q, want %q", v, places, got, "x"+want)
			}
		}
	}
}

func FuzzAppendRound(f *testing.F) {
	f.Add(86.5, uint8(0))
	f.Add(-0.004, uint8(2))
	f.Add(9.999, uint8(2))
	f.Fuzz(func(t *testing.T, v float64, places uint8) {
		p := int(places % 20)
		if got, want := Round(v, p), roundByStrings(v, p); got != want {
			t.Fatalf("Round(%v, %d) = %q, the string form gives %q", v, p, got, want)
		}
	})
}
