package xlsxread

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// numberText, sharedIndex and digitsOnly (when it is ok) read as the strconv calls they stand in front of, over awkward
// texts (signs, points, leading zeros, spaces, exponents, hexadecimal, grouping, too many
// digits, out of range) and many random ones.
func TestNumberTextAndSharedIndexAsStrconv(t *testing.T) {
	texts := []string{"0", "-0", "+0", "00", "007", "1.", ".5", "-.5", ".", "-", "+", "", " ", " 12", "12 ", "1e5", "1E-3", "0x10", "0x1p3", "1_000", "Inf", "NaN", "1e400", "-1e400", "1e-400",
		"123456789", "1234567890", "999999999", "123456789012345", "1234567890123456", "9007199254740993", "0.000000000000001", "2.675", "0.1", "1.2.3", "1,5", "\t7\n", "٣"}
	rng := rand.New(rand.NewPCG(4, 2))
	for range 100_000 {
		var b []byte
		for range rng.IntN(18) {
			b = append(b, "0123456789.-+e x"[rng.IntN(16)])
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		text := []byte(s)
		got, err := numberText(text)
		want, werr := strconv.ParseFloat(string(bytes.TrimSpace(text)), 64)
		if werr == nil && bytes.ContainsAny(text, "xX_") {
			werr = strconv.ErrSyntax
		}
		if errors.Is(werr, strconv.ErrRange) {
			werr = nil
		}
		if (err == nil) != (werr == nil) || err == nil && math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("numberText(%q) = %v, %v; strconv %v, %v", s, got, err, want, werr)
		}
		if n, ok := digitsOnly(text); ok {
			if want, err := strconv.Atoi(s); err != nil || n != want {
				t.Fatalf("digitsOnly(%q) = %d; strconv %d, %v", s, n, want, err)
			}
		}
		gotI, err := sharedIndex(text)
		wantI, werr := strconv.Atoi(string(bytes.TrimSpace(text)))
		if (err == nil) != (werr == nil) || gotI != wantI {
			t.Fatalf("sharedIndex(%q) = %v, %v; strconv %v, %v", s, gotI, err, wantI, werr)
		}
	}
}
