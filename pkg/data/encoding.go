package data

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math/bits"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"

	"github.com/example/qpr/pkg/data/internal/utf16text"
)

// textEncoding is how a csv file's bytes are to be read.
type textEncoding int

const (
	encUTF8     textEncoding = iota // UTF-8, with or without a byte-order mark
	encWin1252                      // Windows-1252: Excel's plain "CSV" in the UK
	encUTF16LE                      // UTF-16 with a little-endian byte-order mark: Excel's "Unicode Text"
	encUTF16BE                      // UTF-16 with a big-endian byte-order mark
	encMacRoman                     // Mac OS Roman: Excel for Mac's "CSV (Macintosh)", with CR line ends
	encCP850                        // DOS code page 850: Excel's "CSV (MS-DOS)"
)

// encodingError is a file whose text cannot be read as any encoding qpr takes; line is where
// the evidence is (0 for the whole file).
type encodingError struct {
	line int
	msg  string
}

func (e *encodingError) Error() string { return e.msg }

// saveAsUTF8 is the remedy for every encoding problem.
const saveAsUTF8 = `save it from Excel as "CSV UTF-8 (Comma delimited)"`

// minBinaryControls keeps a short csv with a stray escape character or two from being taken
// for a binary file.
const minBinaryControls = 16

// detectEncoding decides a csv file's encoding from the evidence of the whole file, read once
// as a stream:
//   - a byte-order mark says UTF-8 or UTF-16, and the rest must agree;
//   - text that is valid UTF-8 throughout is UTF-8;
//   - text with a valid UTF-8 sequence of two or more bytes and also bytes that are not UTF-8
//     is UTF-8 damaged in places: an error naming the first bad line, since reading it all
//     as Windows-1252 would turn every accented letter in it into two wrong ones;
//   - text with no multi-byte UTF-8 sequence at all is a single-byte encoding: Mac OS Roman
//     when its lines end with a carriage return alone (Excel for Mac's "CSV (Macintosh)"
//     writes both); otherwise Windows-1252 (Excel's plain "CSV") or DOS code page 850
//     ("CSV (MS-DOS)"), told apart by which reading makes words of the bytes that are not
//     ASCII (see singleByteEvidence): the one with twice the evidence of the other, else an
//     error naming both; with no evidence either way, Windows-1252;
//   - a NUL byte, or control characters in more than 1 byte in 100 (and at least
//     minBinaryControls of them), is not text at all (a binary file, or UTF-16 without a
//     byte-order mark). A few stray control characters in text are let through: messages
//     quoting them escape them.
//
// Text decoded from UTF-16 (fromUTF16) is checked again the same way: its only bytes that
// are not UTF-8 are an unpaired surrogate's, which utf16text keeps rather than read as U+FFFD.
func detectEncoding(r io.Reader, fromUTF16 bool) (textEncoding, error) {
	enc, _, err := surveyEncoding(r, fromUTF16)
	return enc, err
}

// textSurvey is what the encoding pass learns of a text on the way.
type textSurvey struct {
	lines int  // as the csv reader counts them
	ascii bool // every byte after any byte-order mark is ASCII
}

// surveyEncoding is detectEncoding, with what it learnt of the text (nothing when a
// byte-order mark settles the encoding, and the text is not read).
func surveyEncoding(r io.Reader, fromUTF16 bool) (textEncoding, textSurvey, error) {
	br, enc, bom, known := encodingHead(r)
	if known {
		return enc, textSurvey{}, nil
	}
	e := newEncodingEvidence()
	buf := make([]byte, 64<<10)
	carry := 0 // bytes of an incomplete sequence kept from the last chunk
	for eof := false; !eof; {
		n, err := io.ReadFull(br, buf[carry:])
		n += carry
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			eof = true
		} else if err != nil {
			return 0, textSurvey{}, err
		}
		i := e.scan(buf[:n], eof)
		carry = copy(buf, buf[i:n])
	}
	enc, err := e.verdict(bom, fromUTF16)
	return enc, textSurvey{lines: e.line.in(e.line.lf == 1 && e.line.cr > 1), ascii: e.multiByte == 0 && e.firstBad.none()}, err
}

// detectEncodingText is detectEncoding of text held whole.
func detectEncodingText(text []byte, fromUTF16 bool) (textEncoding, error) {
	enc, bom, known := byteOrderMark(text)
	if known {
		return enc, nil
	}
	if bom {
		text = text[3:]
	}
	e := newEncodingEvidence()
	e.scan(text, true)
	return e.verdict(bom, fromUTF16)
}

// scan weighs the characters of chunk, the next part of the text (its last when eof), and
// returns how many bytes it took: all of them, unless chunk ends in the middle of a UTF-8
// sequence and more of the text is to come, which is then to be scanned again with it.
func (e *encodingEvidence) scan(chunk []byte, eof bool) int {
	i := 0
	for i < len(chunk) {
		// Printable ASCII and line ends, most of any file, have only the lines to count:
		// pass them eight bytes at a time.
		for i+8 <= len(chunk) {
			w := binary.LittleEndian.Uint64(chunk[i:])
			if printableASCII8(w) {
				i += 8 // no line end to count: the test below, at less cost
				continue
			}
			if lf, ok := lineFeeds8(w); ok {
				e.line.lf += lf // as most words with a line end are
				i += 8
				continue
			}
			lf, cr, ok := plainASCII8(w)
			if !ok {
				break
			}
			e.line.lf += lf
			e.line.cr += cr
			i += 8
		}
		if i > 0 {
			e.prev = chunk[i-1]
		}
		if i == len(chunk) {
			break
		}
		next := e.step(chunk, i, eof)
		if next == i {
			break // an incomplete sequence at the end of the chunk: read on first
		}
		i = next
	}
	e.total += int64(i)
	return i
}

// encodingHead reads r's byte-order mark, if any: known when it settles the encoding (UTF-16);
// bom when it says UTF-8, and br then reads on past it.
func encodingHead(r io.Reader) (br *bufio.Reader, enc textEncoding, bom, known bool) {
	br = bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(3)
	enc, bom, known = byteOrderMark(head)
	if bom {
		br.Discard(3)
	}
	return br, enc, bom, known
}

// byteOrderMark reads the byte-order mark at the start of head, if any: known when it settles
// the encoding (UTF-16); bom when it says UTF-8 (three bytes).
func byteOrderMark(head []byte) (enc textEncoding, bom, known bool) {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return encUTF16LE, false, true
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return encUTF16BE, false, true
	}
	return encUTF8, bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}), false
}

// encodingEvidence is what detectEncoding gathers as it reads a file. Lines are counted both
// ways the csv reader may end them: at a line feed, or, in a file with no line feed at all
// (Excel for Mac), at a carriage return. Which applies is known only at the end, so each
// place found is kept both ways.
type encodingEvidence struct {
	line        textLine
	total       int64
	controls    int64
	multiByte   int64    // valid UTF-8 sequences of two bytes or more
	firstBad    textLine // line of the first byte that is not UTF-8; zero = none
	badByte     byte
	undefined   textLine // line of the first byte Windows-1252 leaves undefined; zero = none
	undefByte   byte
	firstNUL    textLine
	firstCtl    textLine
	firstCtlVal byte
	prev        byte // the byte before the one step looks at
	win, dos    singleByteEvidence
}

func newEncodingEvidence() *encodingEvidence {
	return &encodingEvidence{line: textLine{lf: 1, cr: 1}}
}

// step weighs the character at chunk[i] and returns the index past it, or i when chunk ends
// in the middle of a UTF-8 sequence and more of the file is to come (eof false).
func (e *encodingEvidence) step(chunk []byte, i int, eof bool) int {
	c := chunk[i]
	if 0x20 <= c && c < 0x7F {
		// Printable ASCII has nothing to count: pass the run at once.
		j := i + 1
		for j < len(chunk) && 0x20 <= chunk[j] && chunk[j] < 0x7F {
			j++
		}
		e.prev = chunk[j-1]
		return j
	}
	if c < utf8.RuneSelf {
		switch {
		case c == '\n':
			e.line.lf++
		case c == '\r':
			e.line.cr++
		case c == 0:
			if e.firstNUL.none() {
				e.firstNUL = e.line
			}
			e.controls++
		case c < 0x20 && c != '\t' && c != '\r' && c != '\f', c == 0x7F:
			if e.firstCtl.none() {
				e.firstCtl, e.firstCtlVal = e.line, c
			}
			e.controls++
		}
		e.prev = c
		return i + 1
	}
	if !eof && len(chunk)-i < utf8.UTFMax && !utf8.FullRune(chunk[i:]) {
		return i
	}
	switch c {
	case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
		if e.undefined.none() {
			e.undefined, e.undefByte = e.line, c
		}
	}
	r, size := utf8.DecodeRune(chunk[i:])
	if r == utf8.RuneError && size == 1 {
		if e.firstBad.none() {
			e.firstBad, e.badByte = e.line, c
		}
		var next byte
		if i+1 < len(chunk) {
			next = chunk[i+1]
		}
		e.win.weigh(charmap.Windows1252, e.prev, c, next, e.line)
		e.dos.weigh(charmap.CodePage850, e.prev, c, next, e.line)
		e.prev = c
		return i + 1
	}
	e.multiByte++
	e.prev = chunk[i+size-1]
	return i + size
}

// verdict is the encoding the evidence shows, or why there is none (see detectEncoding).
func (e *encodingEvidence) verdict(bom, fromUTF16 bool) (textEncoding, error) {
	crOnly := e.line.lf == 1 && e.line.cr > 1
	win, dos := e.win, e.dos
	switch {
	case !e.firstNUL.none():
		return 0, &encodingError{e.firstNUL.in(crOnly), "the file holds NUL bytes, so it is not csv text: it is binary, or UTF-16 text without a byte-order mark; " + saveAsUTF8}
	case e.controls >= minBinaryControls && e.controls*100 > e.total:
		return 0, &encodingError{e.firstCtl.in(crOnly), fmt.Sprintf("the file is mostly not text (control character 0x%02X here, and %d in all); is it a csv file? If it is, %s", e.firstCtlVal, e.controls, saveAsUTF8)}
	case e.firstBad.none():
		return encUTF8, nil
	case fromUTF16:
		return 0, &encodingError{e.firstBad.in(crOnly), "the file is UTF-16 text (it starts with a byte-order mark), but this line holds half of a character (an unpaired surrogate) that no text can hold, so the file was damaged; correct the line, or " + saveAsUTF8}
	case bom:
		return 0, &encodingError{e.firstBad.in(crOnly), fmt.Sprintf("the file says it is UTF-8 (it starts with a byte-order mark), but byte 0x%02X on this line is not UTF-8; the file was damaged or pieced together from files in two encodings: correct the line, or %s", e.badByte, saveAsUTF8)}
	case e.multiByte > 0:
		return 0, &encodingError{e.firstBad.in(crOnly), fmt.Sprintf("the file is UTF-8 text, but byte 0x%02X on this line is not UTF-8 (perhaps pasted from a file in another encoding); correct the line, or %s", e.badByte, saveAsUTF8)}
	case crOnly:
		return encMacRoman, nil
	case !e.undefined.none() && dos.score > 0:
		return encCP850, nil // no Windows-1252 text holds the byte
	case !e.undefined.none():
		return 0, &encodingError{e.undefined.in(crOnly), fmt.Sprintf("byte 0x%02X on this line is neither UTF-8 nor Windows-1252 text, so the file's encoding is unknown; %s", e.undefByte, saveAsUTF8)}
	case dos.score > 0 && dos.score >= 2*win.score:
		return encCP850, nil
	case win.score > 0 && dos.score > 0 && win.score < 2*dos.score:
		first := min(win.line.lf, dos.line.lf)
		return 0, &encodingError{first, fmt.Sprintf("the file is not UTF-8, and its letters that are not plain ASCII read as well in Windows-1252 (Excel's \"CSV\") as in DOS code page 850 (Excel's \"CSV (MS-DOS)\"), so which it is is unclear (Windows-1252 would read line %d as %s, code page 850 line %d as %s); %s", win.line.lf, win.example, dos.line.lf, dos.example, saveAsUTF8)}
	}
	return encWin1252, nil
}

const asciiOnes, asciiLows, asciiHighs = 0x0101010101010101, 0x7F7F7F7F7F7F7F7F, 0x8080808080808080

// printableASCII8 reports whether all eight bytes of w are printable ASCII, 0x20 to 0x7E: it
// is plainASCII8 for a word with no line end, in fewer steps. A byte of 0x80 or more has its
// top bit set; a byte below 0x20, and only such a byte, borrows when 0x20 is taken from it; a
// byte of 0x7F, and only such a byte, becomes zero when xored with 0x7F, and so borrows when 1
// is taken from it (a borrow may set the top bit of a byte above too, but only when there is
// one below it to find).
func printableASCII8(w uint64) bool {
	below := (w - 0x20*asciiOnes) &^ w
	del := w ^ 0x7F*asciiOnes
	del = (del - asciiOnes) &^ del
	return (w|below|del)&asciiHighs == 0
}

// plainASCII8 reports whether the eight bytes of w are all printable ASCII (0x20 to 0x7E) or
// line ends, and how many line feeds and carriage returns they hold, testing the bytes at once.
// Each test leaves the top bit of each byte set where the byte is what it looks for, exactly:
// a byte of 0x80 or more has its top bit set already; the low seven bits of a byte plus 0x60
// reach 0x80 when they are 0x20 or more, with no carry into the next byte; and a byte equal
// to b is one that becomes zero when xored with b, and a zero byte is the only one whose low
// seven bits plus 0x7F, ored with itself, leave the top bit clear.
// lineFeeds8 reports whether the eight bytes of w are all printable ASCII or line feeds, with
// at least one line feed, and how many: plainASCII8 for the commonest word it is given, in
// fewer steps. Each line feed is made a space (0x0A + 0x16, with no carry out of the byte)
// and the word tested as printableASCII8 tests it.
func lineFeeds8(w uint64) (int, bool) {
	lf := zeroBytes(w ^ '\n'*asciiOnes)
	return bits.OnesCount64(lf), lf != 0 && printableASCII8(w+(lf>>7)*(' '-'\n'))
}

// zeroBytes has the top bit of each byte of x set where the byte is zero, and no other bit: a
// byte's low seven bits plus 0x7F reach the top bit unless they are zero, with no carry out
// of the byte, and its own top bit is the byte's.
func zeroBytes(x uint64) uint64 { return ^((x&asciiLows + asciiLows) | x | asciiLows) }

func plainASCII8(w uint64) (lf, cr int, ok bool) {
	const ones, lows, highs = asciiOnes, asciiLows, asciiHighs
	isZero := func(x uint64) uint64 { return ^((x&lows + lows) | x | lows) }
	control := ^(w&lows + 0x60*ones) & highs
	newline := isZero(w ^ '\n'*ones)
	ret := isZero(w ^ '\r'*ones)
	del := isZero(w ^ 0x7F*ones)
	if w&highs|control&^(newline|ret)|del != 0 {
		return 0, 0, false
	}
	return bits.OnesCount64(newline), bits.OnesCount64(ret), true
}

// singleByteEvidence weighs how well one single-byte encoding reads a file's bytes that are
// not ASCII: a byte counts for it when it reads as something people write where it stands, a
// letter beside letters of the same case, a currency sign before a digit, a quote or dash
// where quotes and dashes go. Windows-1252 and code page 850 put different characters on the
// same bytes (0x82 is é in one and a low quote in the other; 0x9C is £ in one and œ in the
// other), so the right one makes words where the wrong one makes noise.
type singleByteEvidence struct {
	score   int
	line    textLine // of the first byte that counted
	example string   // how it reads there
}

func (e *singleByteEvidence) weigh(cm *charmap.Charmap, prev, c, next byte, at textLine) {
	r := cm.DecodeByte(c)
	lower := func(b byte) bool { return 'a' <= b && b <= 'z' }
	upper := func(b byte) bool { return 'A' <= b && b <= 'Z' }
	letter := func(b byte) bool { return lower(b) || upper(b) }
	ok := false
	switch {
	case unicode.IsLower(r):
		// Inside or at the end of a word: few words start with an accented small letter,
		// and a quote or dash read wrongly often stands before one.
		ok = lower(prev) || upper(prev) && lower(next)
	case unicode.IsUpper(r):
		// A capital starts a word, or stands among capitals.
		ok = !lower(prev) && letter(next) || upper(prev) && !lower(next)
	case r == '£' || r == '€':
		ok = isDigit(next) || next == ' '
	case r == '\u2019': // ’, as in don’t
		ok = letter(prev) && (letter(next) || next == ' ')
	case r == '\u2018' || r == '\u201C': // ‘ “ open a quotation
		ok = (prev == ' ' || prev == '"' || prev == ',' || prev == 0) && letter(next)
	case r == '\u201D': // ” closes one
		ok = (letter(prev) || prev == '.' || prev == '!' || prev == '?') && !letter(next)
	case r == '\u2013' || r == '\u2014': // – —
		ok = prev == ' ' && next == ' ' || isDigit(prev) && isDigit(next)
	case r == '\u2026': // …
		ok = letter(prev) && !letter(next)
	}
	if !ok {
		return
	}
	if e.score == 0 {
		e.line = at
		e.example = fmt.Sprintf("%q", string([]rune{cm.DecodeByte(prev), r, cm.DecodeByte(next)}))
	}
	e.score++
}

// textLine is a line number counted at line feeds (lf) and at carriage returns (cr).
type textLine struct{ lf, cr int }

func (t textLine) none() bool { return t.lf == 0 }

// in is the line as the csv reader counts it: at carriage returns in a file that has no line
// feed (read by crToLF), else at line feeds.
func (t textLine) in(crOnly bool) int {
	if crOnly {
		return t.cr
	}
	return t.lf
}

// decodingReader reads r (from its start) as UTF-8 text, converted from enc, without a
// byte-order mark.
func decodingReader(r io.Reader, enc textEncoding) io.Reader {
	switch enc {
	case encWin1252:
		return transform.NewReader(r, charmap.Windows1252.NewDecoder())
	case encMacRoman:
		return transform.NewReader(r, charmap.Macintosh.NewDecoder())
	case encCP850:
		return transform.NewReader(r, charmap.CodePage850.NewDecoder())
	case encUTF16LE:
		return transform.NewReader(r, &utf16text.Decoder{})
	case encUTF16BE:
		return transform.NewReader(r, &utf16text.Decoder{BigEndian: true})
	}
	return &bomSkipper{r: r}
}

// bomSkipper drops a UTF-8 byte-order mark from the start of r.
type bomSkipper struct {
	r       io.Reader
	checked bool
	head    []byte
}

func (b *bomSkipper) Read(p []byte) (int, error) {
	if !b.checked {
		b.checked = true
		head := make([]byte, 3)
		n, err := io.ReadFull(b.r, head)
		head = head[:n]
		if !bytes.Equal(head, []byte{0xEF, 0xBB, 0xBF}) {
			b.head = head
		}
		if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
			return 0, err
		}
	}
	if len(b.head) > 0 {
		n := copy(p, b.head)
		b.head = b.head[n:]
		return n, nil
	}
	return b.r.Read(p)
}
