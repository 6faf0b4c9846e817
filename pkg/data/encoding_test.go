package data

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// printableASCII8 agrees with a byte-by-byte test: every byte value in every position of a
// word otherwise printable, and random words.
func TestPrintableASCII8(t *testing.T) {
	byByte := func(b []byte) bool {
		for _, c := range b {
			if c < 0x20 || c > 0x7E {
				return false
			}
		}
		return true
	}
	check := func(b []byte) {
		if got, want := printableASCII8(binary.LittleEndian.Uint64(b)), byByte(b); got != want {
			t.Fatalf("% x: %v, want %v", b, got, want)
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
					b[i] = []byte{0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xFF}[rng.IntN(6)]
				}
			}
			check(b)
		}
	}
	for range 100_000 {
		binary.LittleEndian.PutUint64(b, rng.Uint64())
		check(b)
	}
}
