package utf16text

import (
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"

	"golang.org/x/text/transform"
)

func encode(units []uint16, bigEndian bool) string {
	var b []byte
	for _, u := range units {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return string(b)
}

// Decoding a byte at a time splits every pair and every code unit across reads: the text
// must come out whole, as the standard library's utf16 package encodes it.
func TestDecodesWholeTextReadAByteAtATime(t *testing.T) {
	text := strings.Repeat("Ŵyddgrug 😀 café £5 \U0010FFFF;", 50)
	for _, bigEndian := range []bool{false, true} {
		for _, bom := range []bool{false, true} {
			units := utf16.Encode([]rune(text))
			if bom {
				units = append([]uint16{0xFEFF}, units...)
			}
			r := transform.NewReader(iotest.OneByteReader(strings.NewReader(encode(units, bigEndian))), &Decoder{BigEndian: bigEndian})
			got, err := io.ReadAll(r)
			if err != nil || string(got) != text {
				t.Errorf("big-endian %v, bom %v: error %v, text differs: %v", bigEndian, bom, err, string(got) != text)
			}
		}
	}
}

// A byte-order mark overrides the order the decoder was given.
func TestByteOrderMarkSetsTheOrder(t *testing.T) {
	got, _, err := transform.String(&Decoder{BigEndian: false}, encode([]uint16{0xFEFF, 'h', 'i'}, true))
	if err != nil || got != "hi" {
		t.Errorf("got %q, error %v", got, err)
	}
}

// Each unpaired surrogate comes out as bytes that are not UTF-8, from which Surrogate gets
// the surrogate back; its neighbours are decoded as usual.
func TestUnpairedSurrogates(t *testing.T) {
	cases := []struct {
		units []uint16
		want  []rune // the surrogates found, in order
		rest  string // the text with them removed
	}{
		{[]uint16{'a', 0xD83D, 'b'}, []rune{0xD83D}, "ab"},
		{[]uint16{'a', 0xDE00}, []rune{0xDE00}, "a"},
		{[]uint16{0xD83D}, []rune{0xD83D}, ""},
		{[]uint16{0xD83D, 0xD83D, 0xDE00}, []rune{0xD83D}, "😀"},
		{[]uint16{0xDE00, 0xD83D, 'x'}, []rune{0xDE00, 0xD83D}, "x"},
	}
	for _, c := range cases {
		out, _, err := transform.String(&Decoder{}, encode(c.units, false))
		if err != nil {
			t.Fatalf("%04X: %v", c.units, err)
		}
		var found []rune
		var rest strings.Builder
		for i := 0; i < len(out); {
			if r, ok := Surrogate(out[i:]); ok {
				found = append(found, r)
				i += 3
				continue
			}
			rest.WriteByte(out[i])
			i++
		}
		if !slices.Equal(found, c.want) || rest.String() != c.rest {
			t.Errorf("%04X: surrogates %U, rest %q; want %U, %q", c.units, found, rest.String(), c.want, c.rest)
		}
	}
}

func TestOddLength(t *testing.T) {
	if _, _, err := transform.String(&Decoder{}, encode([]uint16{'a'}, false)+"b"); err != ErrOddLength {
		t.Errorf("error %v, want ErrOddLength", err)
	}
}
