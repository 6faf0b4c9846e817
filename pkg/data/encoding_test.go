package data

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// plainASCII8 agrees with a byte-by-byte test: every byte value in every position of a word
// otherwise printable, beside the edges of the ranges and line ends, and random words.
func TestPlainASCII8(t *testing.T) {
	byByte := func(b []byte) (lf, cr int, ok bool) {
		for _, c := range b {
			switch {
			case c == '\n':
				lf++
			case c == '\r':
				cr++
			case c < 0x20 || c > 0x7E:
				return 0, 0, false
			}
		}
		return lf, cr, true
	}
	check := func(b []byte) {
		lf, cr, ok := plainASCII8(binary.LittleEndian.Uint64(b))
		wantLF, wantCR, wantOK := byByte(b)
		if lf != wantLF || cr != wantCR || ok != wantOK {
			t.Fatalf("% x: %d, %d, %v, want %d, %d, %v", b, lf, cr, ok, wantLF, wantCR, wantOK)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, 8)
	for v := range 256 {
		for pos := range 8 {
			for i := range b {
				b[i] = byte(0x20 + rng.IntN(0x5F))
			}
			b[pos] = byte(v)
			check(b)
			for i := range b { // the neighbours at the edges of the range, too
				if i != pos {
					b[i] = []byte{0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xFF, '\n', '\r', '\n', '\r', 0x0B, 0x0C, 0x09, 0x8A, 0x8D}[rng.IntN(15)]
				}
			}
			check(b)
		}
	}
	for range 100_000 {
		binary.LittleEndian.PutUint64(b, rng.Uint64())
		check(b)
		for i := range b { // printable words with line ends here and there
			b[i] = byte(0x20 + rng.IntN(0x5F))
			if rng.IntN(4) == 0 {
				b[i] = "\n\r"[rng.IntN(2)]
			}
		}
		check(b)
	}
}
