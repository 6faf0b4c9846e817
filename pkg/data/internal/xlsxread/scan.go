package xlsxread

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/transform"

	"github.com/example/qpr/pkg/data/internal/utf16text"
)

// The parts a data table is read from (worksheets, shared strings, styles, the workbook and
// its relationships) use a small, regular subset of XML. encoding/xml spends most of its time
// allocating a token per element, which made it the larger half of reading a big sheet, so
// this scanner works on the bytes in place. It is not a validating parser: it checks what it
// needs to read every value right (tags closed, entities known, no DTD) and skips the rest.
// It keeps no stack of open elements, so hostile nesting costs nothing but the bytes it takes.

type tokenKind uint8

const (
	tokEOF tokenKind = iota
	tokStart
	tokEnd
	tokText // character data, CDATA, comments and processing instructions are not tokens: see text
)

// scanner reads the tags of one XML part. The slices it returns point into its buffer and
// are valid until the next call.
type scanner struct {
	src    io.Reader
	buf    []byte
	r, w   int // unread bytes are buf[r:w]
	srcErr error
	maxTag int // longest tag accepted, and the buffer's largest size

	kind  tokenKind
	name  []byte // local name of the last tag, namespace prefix removed
	attrs []byte // raw attribute text of the last start tag
	empty bool   // the last start tag closes itself
}

func newScanner(src io.Reader, maxTag int) *scanner {
	s := &scanner{src: src, buf: make([]byte, 64<<10), maxTag: maxTag}
	s.detectEncoding()
	return s
}

// detectEncoding reads the start of the part and settles its encoding. A part is UTF-8 or
// UTF-16, as the format allows; UTF-16 (with its byte-order mark, or told by the NUL bytes
// of "<?" without one) is decoded to UTF-8 as it is read, and any other encoding a
// declaration names is refused rather than misread.
func (s *scanner) detectEncoding() {
	n, err := io.ReadFull(s.src, s.buf[:512])
	head := s.buf[:n]
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		s.srcErr = err
	}
	utf16, bigEndian := false, false
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{'<', 0, '?', 0}):
		utf16 = true
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}), bytes.HasPrefix(head, []byte{0, '<', 0, '?'}):
		utf16, bigEndian = true, true
	}
	if utf16 && s.srcErr == nil {
		raw := io.MultiReader(bytes.NewReader(append([]byte(nil), head...)), s.src)
		s.src = transform.NewReader(raw, &utf16text.Decoder{BigEndian: bigEndian})
		return
	}
	s.w = n
	if enc := declaredEncoding(head); enc != "" && !strings.EqualFold(enc, "UTF-8") && !strings.EqualFold(enc, "UTF8") {
		s.srcErr = malformed("the part declares the encoding %q; a workbook's XML is UTF-8 or UTF-16", enc)
		s.w = 0
	}
}

// declaredEncoding is the encoding named by an XML declaration at the start of head, if any.
func declaredEncoding(head []byte) string {
	if bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
		head = head[3:]
	}
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(head, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := head[:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '=' {
		return ""
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) < 2 || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	if j := bytes.IndexByte(rest[1:], rest[0]); j >= 0 {
		return string(rest[1 : 1+j])
	}
	return ""
}

// errMalformed is a part that is not the XML it should be.
type errMalformed struct{ msg string }

func (e *errMalformed) Error() string { return "the XML is not well-formed: " + e.msg }

func malformed(format string, args ...any) error {
	return &errMalformed{msg: fmt.Sprintf(format, args...)}
}

// fill reads more input, keeping buf[r:w]. It returns false at the end of the input or on an
// error (left in srcErr).
func (s *scanner) fill() bool {
	if s.srcErr != nil {
		return false
	}
	if s.r > 0 {
		n := copy(s.buf, s.buf[s.r:s.w])
		s.r, s.w = 0, n
	}
	if s.w == len(s.buf) {
		if len(s.buf) >= s.maxTag {
			s.srcErr = &tooLong{}
			return false
		}
		bigger := make([]byte, min(2*len(s.buf), s.maxTag))
		copy(bigger, s.buf[:s.w])
		s.buf = bigger
	}
	for tries := 0; tries < 100; tries++ {
		n, err := s.src.Read(s.buf[s.w:])
		s.w += n
		if errors.Is(err, utf16text.ErrOddLength) {
			err = malformed("the UTF-16 part ends in the middle of a character")
		}
		if err != nil {
			s.srcErr = err
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
	s.srcErr = io.ErrNoProgress
	return false
}

// tooLong is a single tag longer than the scanner accepts.
type tooLong struct{}

func (*tooLong) Error() string { return "a tag is too long" }

// readErr is why the input ended: nil at a clean end of input.
func (s *scanner) readErr() error {
	if s.srcErr == io.EOF {
		return nil
	}
	return s.srcErr
}

// unexpectedEnd is the error for input that stops inside something.
func (s *scanner) unexpectedEnd(inside string) error {
	if err := s.readErr(); err != nil {
		return err
	}
	return malformed("the part ends inside %s", inside)
}

// next moves to the next start or end tag, skipping character data, comments, CDATA and
// processing instructions. At the end of the input it returns tokEOF.
func (s *scanner) next() (tokenKind, error) {
	for {
		i := 0
		if s.r >= s.w || s.buf[s.r] != '<' { // tags usually follow one another directly
			i = bytes.IndexByte(s.buf[s.r:s.w], '<')
		}
		if i < 0 {
			s.r = s.w
			if !s.fill() {
				if err := s.readErr(); err != nil {
					return tokEOF, err
				}
				s.kind = tokEOF
				return tokEOF, nil
			}
			continue
		}
		s.r += i
		skipped, err := s.skipSpecial()
		if err != nil {
			return tokEOF, err
		}
		if skipped {
			continue
		}
		return s.readTag()
	}
}

// skipSpecial skips a comment, CDATA section, processing instruction or XML declaration at
// buf[r] == '<'. A DTD is refused: Office Open XML forbids them, and one could define the
// entities of a "billion laughs".
func (s *scanner) skipSpecial() (bool, error) {
	if s.w-s.r < 2 && !s.fill() {
		return false, s.unexpectedEnd("a tag")
	}
	if c := s.buf[s.r+1]; c != '?' && c != '!' {
		return false, nil // a tag: by far the most common case
	}
	for s.w-s.r < 9 && s.fill() {
	}
	rest := s.buf[s.r:s.w]
	switch {
	case bytes.HasPrefix(rest, []byte("<?")):
		return true, s.skipPast("?>", "a processing instruction")
	case bytes.HasPrefix(rest, []byte("<!--")):
		return true, s.skipPast("-->", "a comment")
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		return true, s.skipPast("]]>", "a CDATA section")
	}
	return false, malformed("the part has a document type declaration (<!DOCTYPE>), which a workbook may not have")
}

// skipPast consumes input up to and including marker.
func (s *scanner) skipPast(marker, what string) error {
	m := []byte(marker)
	s.r += 2
	for {
		if i := bytes.Index(s.buf[s.r:s.w], m); i >= 0 {
			s.r += i + len(m)
			return nil
		}
		// Keep the last bytes in case the marker straddles the refill.
		if keep := s.w - s.r; keep > len(m) {
			s.r = s.w - len(m)
		}
		if !s.fill() {
			return s.unexpectedEnd(what)
		}
	}
}

// tagMarkup are the bytes that matter in a tag outside its attribute values.
var tagMarkup = [256]bool{'"': true, '\'': true, '<': true, '>': true}

// readTag reads the tag at buf[r] == '<'. A '>' may appear inside a quoted attribute value.
func (s *scanner) readTag() (tokenKind, error) {
	start := s.r + 1
	i := start
	var quote byte
	for {
		// A '>' ends the tag only outside an attribute value. Tags are short: a plain loop
		// beats calls to bytes.IndexByte here.
		buf := s.buf[:s.w]
		for i < len(buf) {
			if quote != 0 {
				// Inside an attribute value only its closing quote counts.
				for i < len(buf) && buf[i] != quote {
					i++
				}
				if i == len(buf) {
					break
				}
				quote = 0
				i++
				continue
			}
			for i < len(buf) && !tagMarkup[buf[i]] {
				i++
			}
			if i == len(buf) {
				break
			}
			switch c := buf[i]; c {
			case '"', '\'':
				quote = c
			case '<':
				return tokEOF, malformed("a tag is not closed with >")
			case '>':
				goto closed
			}
			i++
		}
		off := i - s.r
		if !s.fill() {
			if _, ok := s.srcErr.(*tooLong); ok {
				return tokEOF, s.srcErr
			}
			return tokEOF, s.unexpectedEnd("a tag")
		}
		start = s.r + 1
		i = s.r + off
	}
closed:
	tag := s.buf[start:i]
	s.r = i + 1
	s.kind = tokStart
	if len(tag) > 0 && tag[0] == '/' {
		s.kind = tokEnd
		tag = tag[1:]
	}
	s.empty = false
	if s.kind == tokStart && len(tag) > 0 && tag[len(tag)-1] == '/' {
		s.empty = true
		tag = tag[:len(tag)-1]
	}
	// The name ends at the first space; a prefix ("x:c") ends at its first colon. Names are
	// a few letters, too short for bytes.IndexByte's call to pay.
	n, local := 0, 0
	for n < len(tag) && !isSpace(tag[n]) {
		if tag[n] == ':' && local == 0 {
			local = n + 1
		}
		n++
	}
	s.name = tag[local:n]
	s.attrs = tag[n:]
	if len(s.name) == 0 {
		return tokEOF, malformed("a tag has no name")
	}
	return s.kind, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// is reports whether the last tag has the local name name.
func (s *scanner) is(name string) bool { return string(s.name) == name }

// eachAttr calls fn with each attribute of the last start tag: its local name (prefix
// removed) and raw value (entities not yet decoded).
func (s *scanner) eachAttr(fn func(key, raw []byte) error) error {
	a := s.attrs
	for {
		for len(a) > 0 && isSpace(a[0]) {
			a = a[1:]
		}
		if len(a) == 0 {
			return nil
		}
		eq := bytes.IndexByte(a, '=')
		if eq <= 0 {
			return malformed("an attribute of <%s> has no value", s.name)
		}
		key := bytes.TrimRight(a[:eq], " \t\r\n")
		if j := bytes.IndexByte(key, ':'); j >= 0 {
			key = key[j+1:]
		}
		a = a[eq+1:]
		for len(a) > 0 && isSpace(a[0]) {
			a = a[1:]
		}
		if len(a) == 0 || (a[0] != '"' && a[0] != '\'') {
			return malformed("an attribute value of <%s> is not in quotes", s.name)
		}
		end := bytes.IndexByte(a[1:], a[0])
		if end < 0 {
			return malformed("an attribute value of <%s> is not closed", s.name)
		}
		if err := fn(key, a[1:1+end]); err != nil {
			return err
		}
		a = a[end+2:]
	}
}

// attr is the decoded value of the last start tag's attribute with local name key.
func (s *scanner) attr(key string) (string, bool, error) {
	var val string
	found := false
	err := s.eachAttr(func(k, raw []byte) error {
		if found || string(k) != key {
			return nil
		}
		found = true
		b, err := unescape(nil, raw, 1<<30)
		val = string(b)
		return err
	})
	return val, found, err
}

// text appends the character data up to the next tag to dst, decoding entities and CDATA
// sections and skipping comments and processing instructions, and stops before the tag. Text
// longer than limit bytes is a tooMuchText error.
func (s *scanner) text(dst []byte, limit int) ([]byte, error) {
	for {
		i := bytes.IndexByte(s.buf[s.r:s.w], '<')
		end := s.w
		if i >= 0 {
			end = s.r + i
		}
		chunk := s.buf[s.r:end]
		// An entity or a \r\n pair may straddle the end of what is buffered: leave its start
		// for the next round.
		if i < 0 {
			if j := bytes.LastIndexAny(chunk, "&\r"); j >= 0 && len(chunk)-j < 16 {
				chunk = chunk[:j]
				end = s.r + j
			}
		}
		var err error
		if dst, err = unescape(dst, chunk, limit); err != nil {
			return dst, err
		}
		s.r = end
		if i >= 0 {
			skipped, err := s.cdataOrSkip(&dst, limit)
			if err != nil {
				return dst, err
			}
			if !skipped {
				return dst, nil
			}
			continue
		}
		if !s.fill() {
			if s.r < s.w { // a lone & or \r at the very end
				if dst, err = unescape(dst, s.buf[s.r:s.w], limit); err != nil {
					return dst, err
				}
				s.r = s.w
			}
			return dst, s.unexpectedEnd("text")
		}
	}
}

// plainValue is the rest of a cell written <v>text</v></c>, as nearly every cell is, when all
// of it is buffered and its text is at most limit bytes and needs no decoding (no entity, no
// \r, no markup): the text, and how many bytes from buf[r] the rest takes. Anything else is
// not ok, for next and text to read tag by tag, as they would read this too.
func (s *scanner) plainValue(limit int) (text []byte, n int, ok bool) {
	b := s.buf[s.r:s.w]
	if noPlainValues || len(b) < 3 || b[0] != '<' || b[1] != 'v' || b[2] != '>' {
		return nil, 0, false
	}
	i := bytes.IndexByte(b[3:], '<')
	if i < 0 || i > limit {
		return nil, 0, false
	}
	text = b[3 : 3+i]
	if !bytes.HasPrefix(b[3+i:], []byte("</v></c>")) || indexAmpOrCR(text) >= 0 {
		return nil, 0, false
	}
	return text, 3 + i + len("</v></c>"), true
}

// noPlainValues turns plainValue off, for tests that compare it with reading tag by tag.
var noPlainValues = false

// cdataOrSkip handles markup inside text at buf[r] == '<': a CDATA section's content is
// appended as it is, comments and processing instructions are skipped. It reports false at a
// tag.
func (s *scanner) cdataOrSkip(dst *[]byte, limit int) (bool, error) {
	if s.w-s.r >= 2 && s.buf[s.r+1] != '!' && s.buf[s.r+1] != '?' {
		return false, nil // a tag, as after nearly all text: skipSpecial would say so
	}
	for s.w-s.r < 9 && s.fill() {
	}
	rest := s.buf[s.r:s.w]
	if !bytes.HasPrefix(rest, []byte("<![CDATA[")) {
		return s.skipSpecial()
	}
	s.r += len("<![CDATA[")
	for {
		if j := bytes.Index(s.buf[s.r:s.w], []byte("]]>")); j >= 0 {
			if len(*dst)+j > limit {
				return false, &tooMuchText{}
			}
			*dst = append(*dst, s.buf[s.r:s.r+j]...)
			s.r += j + 3
			return true, nil
		}
		keep := s.w - s.r - 2
		if keep > 0 {
			if len(*dst)+keep > limit {
				return false, &tooMuchText{}
			}
			*dst = append(*dst, s.buf[s.r:s.r+keep]...)
			s.r += keep
		}
		if !s.fill() {
			return false, s.unexpectedEnd("a CDATA section")
		}
	}
}

// tooMuchText is text longer than the limit it was read under.
type tooMuchText struct{}

func (*tooMuchText) Error() string { return "the text is too long" }

// unescape appends raw XML character data to dst with its entity and character references
// decoded and its line ends normalised (\r\n and a lone \r become \n), as an XML processor
// must.
func unescape(dst, raw []byte, limit int) ([]byte, error) {
	for len(raw) > 0 {
		i := indexAmpOrCR(raw)
		if i < 0 {
			if len(dst)+len(raw) > limit {
				return dst, &tooMuchText{}
			}
			return append(dst, raw...), nil
		}
		if len(dst)+i > limit {
			return dst, &tooMuchText{}
		}
		dst = append(dst, raw[:i]...)
		raw = raw[i:]
		if raw[0] == '\r' {
			dst = append(dst, '\n')
			raw = raw[1:]
			if len(raw) > 0 && raw[0] == '\n' {
				raw = raw[1:]
			}
			continue
		}
		semi := bytes.IndexByte(raw, ';')
		if semi < 0 || semi > 12 {
			return dst, malformed("an & is not the start of an entity such as &amp;")
		}
		ref := raw[1:semi]
		raw = raw[semi+1:]
		switch string(ref) {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			r, ok := charRef(ref)
			if !ok {
				return dst, malformed("unknown entity &%s;", ref)
			}
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst, nil
}

// indexAmpOrCR is the index of the first & or \r in b, or -1: what unescape must act on.
func indexAmpOrCR(b []byte) int {
	for i, c := range b {
		if c == '&' || c == '\r' {
			return i
		}
	}
	return -1
}

// charRef reads the inside of a character reference: #65 or #x41.
func charRef(ref []byte) (rune, bool) {
	if len(ref) < 2 || ref[0] != '#' {
		return 0, false
	}
	base, digits := 10, ref[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	n, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil || !isXMLChar(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

// isXMLChar is XML 1.0's Char production: what a character reference may name.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// skipElement skips the rest of the element whose start tag was just read.
func (s *scanner) skipElement() error {
	if s.empty {
		return nil
	}
	depth := 1
	for depth > 0 {
		k, err := s.next()
		if err != nil {
			return err
		}
		switch k {
		case tokEOF:
			return s.unexpectedEnd("an element")
		case tokStart:
			if !s.empty {
				depth++
			}
		case tokEnd:
			depth--
		}
	}
	return nil
}

// unescapeXstring decodes the _xHHHH_ escapes with which spreadsheet programs write, in
// shared and inline strings, characters that XML 1.0 cannot hold (Excel writes a carriage
// return as _x000D_, and a literal "_x" as _x005F_x). A UTF-16 surrogate pair written as two
// escapes is joined; a lone surrogate is kept as bytes that are not UTF-8 (utf16text.AppendSurrogate),
// so that the cell holding it is refused by name rather than read with U+FFFD in its place.
func unescapeXstring(b []byte) []byte {
	i := bytes.Index(b, []byte("_x"))
	if i < 0 {
		return b
	}
	out := append([]byte(nil), b[:i]...)
	for i < len(b) {
		r, ok := xstringEscape(b[i:])
		if !ok {
			out = append(out, b[i])
			i++
			continue
		}
		i += 7
		if utf16text.IsHighSurrogate(r) {
			if lo, ok := xstringEscape(b[i:]); ok && utf16text.IsLowSurrogate(lo) {
				r = 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)
				i += 7
			}
		}
		if utf16text.IsSurrogate(r) {
			out = utf16text.AppendSurrogate(out, r)
			continue
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

// xstringEscape reads an _xHHHH_ escape at the start of b.
func xstringEscape(b []byte) (rune, bool) {
	if len(b) < 7 || b[0] != '_' || b[1] != 'x' || b[6] != '_' {
		return 0, false
	}
	n, err := strconv.ParseUint(string(b[2:6]), 16, 32)
	return rune(n), err == nil
}
