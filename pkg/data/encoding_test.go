package data

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
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
// as it was), on generated texts of every kind: the same encoding, or the same error at the
// same line.
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

// detectEncodingByteByByte is detectEncoding as it was before it read eight bytes at a time.
func detectEncodingByteByByte(r io.Reader, fromUTF16 bool) (textEncoding, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return encUTF16LE, nil
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return encUTF16BE, nil
	}
	bom := bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	if bom {
		br.Discard(3)
	}

	// Lines are counted both ways the csv reader may end them: at a line feed, or, in a file
	// with no line feed at all (Excel for Mac), at a carriage return. Which applies is known
	// only at the end, so each place found is kept both ways.
	var (
		line        = textLine{lf: 1, cr: 1}
		total       int64
		controls    int64
		multiByte   int64    // valid UTF-8 sequences of two bytes or more
		firstBad    textLine // line of the first byte that is not UTF-8; zero = none
		badByte     byte
		undefined   textLine // line of the first byte Windows-1252 leaves undefined; zero = none
		undefByte   byte
		firstNUL    textLine
		buf         = make([]byte, 64<<10)
		carry       int // bytes of an incomplete sequence kept from the last chunk
		eof         bool
		firstCtl    textLine
		firstCtlVal byte
		prev        byte // the byte before chunk[i]
		win, dos    singleByteEvidence
	)
	for !eof {
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
			c := chunk[i]
			if 0x20 <= c && c < 0x7F {
				// Printable ASCII, most of any file, has nothing to count: pass the run at once.
				j := i + 1
				for j < len(chunk) && 0x20 <= chunk[j] && chunk[j] < 0x7F {
					j++
				}
				prev, i = chunk[j-1], j
				continue
			}
			if c < utf8.RuneSelf {
				switch {
				case c == '\n':
					line.lf++
				case c == '\r':
					line.cr++
				case c == 0:
					if firstNUL.none() {
						firstNUL = line
					}
					controls++
				case c < 0x20 && c != '\t' && c != '\r' && c != '\f', c == 0x7F:
					if firstCtl.none() {
						firstCtl, firstCtlVal = line, c
					}
					controls++
				}
				prev = c
				i++
				continue
			}
			if !eof && len(chunk)-i < utf8.UTFMax && !utf8.FullRune(chunk[i:]) {
				break // an incomplete sequence at the end of the chunk: read on first
			}
			switch c {
			case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
				if undefined.none() {
					undefined, undefByte = line, c
				}
			}
			r, size := utf8.DecodeRune(chunk[i:])
			if r == utf8.RuneError && size == 1 {
				if firstBad.none() {
					firstBad, badByte = line, c
				}
				var next byte
				if i+1 < len(chunk) {
					next = chunk[i+1]
				}
				win.weigh(charmap.Windows1252, prev, c, next, line)
				dos.weigh(charmap.CodePage850, prev, c, next, line)
				prev = c
				i++
				continue
			}
			multiByte++
			prev = chunk[i+size-1]
			i += size
		}
		carry = copy(buf, chunk[i:])
		total += int64(i)
	}

	crOnly := line.lf == 1 && line.cr > 1
	switch {
	case !firstNUL.none():
		return 0, &encodingError{firstNUL.in(crOnly), "the file holds NUL bytes, so it is not csv text: it is binary, or UTF-16 text without a byte-order mark; " + saveAsUTF8}
	case controls >= minBinaryControls && controls*100 > total:
		return 0, &encodingError{firstCtl.in(crOnly), fmt.Sprintf("the file is mostly not text (control character 0x%02X here, and %d in all); is it a csv file? If it is, %s", firstCtlVal, controls, saveAsUTF8)}
	case firstBad.none():
		return encUTF8, nil
	case fromUTF16:
		return 0, &encodingError{firstBad.in(crOnly), "the file is UTF-16 text (it starts with a byte-order mark), but this line holds half of a character (an unpaired surrogate) that no text can hold, so the file was damaged; correct the line, or " + saveAsUTF8}
	case bom:
		return 0, &encodingError{firstBad.in(crOnly), fmt.Sprintf("the file says it is UTF-8 (it starts with a byte-order mark), but byte 0x%02X on this line is not UTF-8; the file was damaged or pieced together from files in two encodings: correct the line, or %s", badByte, saveAsUTF8)}
	case multiByte > 0:
		return 0, &encodingError{firstBad.in(crOnly), fmt.Sprintf("the file is UTF-8 text, but byte 0x%02X on this line is not UTF-8 (perhaps pasted from a file in another encoding); correct the line, or %s", badByte, saveAsUTF8)}
	case crOnly:
		return encMacRoman, nil
	case !undefined.none() && dos.score > 0:
		return encCP850, nil // no Windows-1252 text holds the byte
	case !undefined.none():
		return 0, &encodingError{undefined.in(crOnly), fmt.Sprintf("byte 0x%02X on this line is neither UTF-8 nor Windows-1252 text, so the file's encoding is unknown; %s", undefByte, saveAsUTF8)}
	case dos.score > 0 && dos.score >= 2*win.score:
		return encCP850, nil
	case win.score > 0 && dos.score > 0 && win.score < 2*dos.score:
		first := min(win.line.lf, dos.line.lf)
		return 0, &encodingError{first, fmt.Sprintf("the file is not UTF-8, and its letters that are not plain ASCII read as well in Windows-1252 (Excel's \"CSV\") as in DOS code page 850 (Excel's \"CSV (MS-DOS)\"), so which it is is unclear (Windows-1252 would read line %d as %s, code page 850 line %d as %s); %s", win.line.lf, win.example, dos.line.lf, dos.example, saveAsUTF8)}
	}
	return encWin1252, nil
}
