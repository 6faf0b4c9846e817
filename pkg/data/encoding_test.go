package data

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
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

// lineFeeds8 takes exactly the words plainASCII8 finds plain with a line feed and no carriage
// return, with the same count, over the words TestPlainASCII8 tries.
func TestLineFeeds8(t *testing.T) {
	check := func(b []byte) {
		w := binary.LittleEndian.Uint64(b)
		lf, ok := lineFeeds8(w)
		wantLF, cr, plain := plainASCII8(w)
		if want := plain && wantLF > 0 && cr == 0; ok != want || ok && lf != wantLF {
			t.Fatalf("% x: %d, %v; plainASCII8 gives %d, %d, %v", b, lf, ok, wantLF, cr, plain)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	b := make([]byte, 8)
	for v := range 256 {
		for pos := range 8 {
			for i := range b {
				b[i] = byte(0x20 + rng.IntN(0x5F))
				if rng.IntN(3) == 0 {
					b[i] = '\n'
				}
			}
			b[pos] = byte(v)
			check(b)
			for i := range b {
				if i != pos {
					b[i] = []byte{0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xFF, '\n', '\r', '\n', 0x0B, 0x0A, 0x09, 0x8A, 0x2A}[rng.IntN(14)]
				}
			}
			check(b)
		}
	}
	for range 100_000 {
		binary.LittleEndian.PutUint64(b, rng.Uint64())
		check(b)
		for i := range b {
			b[i] = byte(0x20 + rng.IntN(0x5F))
			if rng.IntN(4) == 0 {
				b[i] = '\n'
			}
		}
		check(b)
	}
}

// printableASCII8 agrees with a byte-by-byte test in the same way.
func TestPrintableASCII8(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 3))
	b := make([]byte, 8)
	check := func() {
		want := true
		for _, c := range b {
			want = want && 0x20 <= c && c <= 0x7E
		}
		if got := printableASCII8(binary.LittleEndian.Uint64(b)); got != want {
			t.Fatalf("% x: %v, want %v", b, got, want)
		}
	}
	for v := range 256 {
		for pos := range 8 {
			for i := range b {
				b[i] = byte(0x20 + rng.IntN(0x5F))
			}
			b[pos] = byte(v)
			check()
			for i := range b {
				if i != pos {
					b[i] = []byte{0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xFF, 0x00, 0x21}[rng.IntN(8)]
				}
			}
			check()
		}
	}
}

// detectEncoding decides as it did when it looked at one byte at a time (the function below,
// as it was), on generated texts of every kind, read as a stream and held whole: the same
// encoding, or the same error at the same line.
func TestDetectEncodingAgreesWithByteByByte(t *testing.T) {
	pieces := []string{
		"code,period,value\n", "CS01,2023/24 Q2,85\n", "abcdefgh", "x", " ", "\n", "\r", "\r\n", "\t", "\f",
		"\x7f", "\x01", "\x1b[2J", "\x00", "é", "Ŵ", "–", "😀", "\xe9", "\x82", "\x9c5", "caf\xe9 ", "M\x84dchen ",
		"\x81", "\x8d", "\xd2q\xd3", "\xef\xbb", "\xff", "\xc3", "Caf\x82 ", "\x93a\x94",
	}
	rng := rand.New(rand.NewPCG(4, 4))
	for n := range 3000 {
		var b strings.Builder
		if rng.IntN(8) == 0 {
			b.WriteString("\xEF\xBB\xBF")
		}
		size := rng.IntN(60)
		if n%100 == 0 {
			size = 8000 // past a 64 KB chunk
		}
		controls := rng.IntN(3) == 0 // a text with many control characters, which may be binary
		for range size {
			p := pieces[rng.IntN(len(pieces))]
			switch {
			case controls && rng.IntN(4) == 0:
				p = pieces[10+rng.IntN(3)] // DEL, a control character, an escape sequence
			case rng.IntN(3) > 0:
				p = pieces[rng.IntN(10)] // mostly plain text
			}
			b.WriteString(p)
		}
		text := b.String()
		for _, fromUTF16 := range []bool{false, true} {
			enc, err := detectEncoding(strings.NewReader(text), fromUTF16)
			wantEnc, wantErr := detectEncodingByteByByte(strings.NewReader(text), fromUTF16)
			if enc != wantEnc || describeEncodingError(err) != describeEncodingError(wantErr) {
				t.Fatalf("%q (from UTF-16 %v): %v, %s; want %v, %s", text, fromUTF16, enc, describeEncodingError(err), wantEnc, describeEncodingError(wantErr))
			}
			// The same text held whole, as a small file is.
			enc, err = detectEncodingText([]byte(text), fromUTF16)
			if enc != wantEnc || describeEncodingError(err) != describeEncodingError(wantErr) {
				t.Fatalf("%q held whole (from UTF-16 %v): %v, %s; want %v, %s", text, fromUTF16, enc, describeEncodingError(err), wantEnc, describeEncodingError(wantErr))
			}
		}
	}
}

func describeEncodingError(err error) string {
	var ee *encodingError
	if errors.As(err, &ee) {
		return fmt.Sprintf("line %d: %s", ee.line, ee.msg)
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

// detectEncodingByteByByte is detectEncoding as it was before it read eight bytes at a time:
// every character through step, none passed over by the word tests.
func detectEncodingByteByByte(r io.Reader, fromUTF16 bool) (textEncoding, error) {
	br, enc, bom, known := encodingHead(r)
	if known {
		return enc, nil
	}
	e := newEncodingEvidence()
	buf := make([]byte, 64<<10)
	carry := 0
	for eof := false; !eof; {
		n, err := io.ReadFull(br, buf[carry:])
		n += carry
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			eof = true
		} else if err != nil {
			return 0, err
		}
		chunk := buf[:n]
		i := 0
		for i < len(chunk) {
			next := e.step(chunk, i, eof)
			if next == i {
				break
			}
			i = next
		}
		carry = copy(buf, chunk[i:])
		e.total += int64(i)
	}
	return e.verdict(bom, fromUTF16)
}
