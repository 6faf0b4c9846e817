// Package utf16text decodes UTF-16 to UTF-8 without hiding damage. golang.org/x/text's
// decoder turns an unpaired surrogate (half of a character whose other half is missing) into
// U+FFFD, so the text reads as if the sender had written a character they did not. This
// decoder writes such a surrogate as the three bytes UTF-8's pattern gives its number
// (0xED 0xA0–0xBF 0x80–0xBF), which are not valid UTF-8: a reader that checks its text is
// UTF-8 refuses it there, and Surrogate tells it apart from other bad bytes for the message.
package utf16text

import (
	"errors"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// ErrOddLength is the error at the end of input that stops in the middle of a code unit.
var ErrOddLength = errors.New("the UTF-16 text ends in the middle of a character")

// Decoder is a transform.Transformer from UTF-16 to UTF-8. A byte-order mark at the start is
// dropped and sets the byte order; without one, BigEndian says which it is.
type Decoder struct {
	BigEndian bool
	started   bool
}

// Reset makes the decoder ready for new input, looking for a byte-order mark again.
func (d *Decoder) Reset() { d.started = false }

func (d *Decoder) unit(b []byte) rune {
	if d.BigEndian {
		return rune(b[0])<<8 | rune(b[1])
	}
	return rune(b[1])<<8 | rune(b[0])
}

// Transform decodes src into dst, as transform.Transformer says.
func (d *Decoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	if !d.started {
		if len(src) < 2 && !atEOF {
			return 0, 0, transform.ErrShortSrc
		}
		d.started = true
		if len(src) >= 2 {
			switch {
			case src[0] == 0xFE && src[1] == 0xFF:
				d.BigEndian, nSrc = true, 2
			case src[0] == 0xFF && src[1] == 0xFE:
				d.BigEndian, nSrc = false, 2
			}
		}
	}
	for nSrc < len(src) {
		if len(src)-nSrc < 2 {
			if !atEOF {
				return nDst, nSrc, transform.ErrShortSrc
			}
			return nDst, nSrc, ErrOddLength
		}
		r, size := d.unit(src[nSrc:]), 2
		if isHigh(r) {
			if len(src)-nSrc < 4 && !atEOF {
				return nDst, nSrc, transform.ErrShortSrc
			}
			if len(src)-nSrc >= 4 {
				if lo := d.unit(src[nSrc+2:]); isLow(lo) {
					r, size = 0x10000+(r-0xD800)<<10+(lo-0xDC00), 4
				}
			}
		}
		if len(dst)-nDst < utf8.UTFMax {
			return nDst, nSrc, transform.ErrShortDst
		}
		if IsSurrogate(r) {
			nDst += copy(dst[nDst:], AppendSurrogate(nil, r))
		} else {
			nDst += utf8.EncodeRune(dst[nDst:], r)
		}
		nSrc += size
	}
	return nDst, nSrc, nil
}

func isHigh(r rune) bool { return r >= 0xD800 && r <= 0xDBFF }
func isLow(r rune) bool  { return r >= 0xDC00 && r <= 0xDFFF }

// IsHighSurrogate reports whether r is the first half of a UTF-16 surrogate pair.
func IsHighSurrogate(r rune) bool { return isHigh(r) }

// IsLowSurrogate reports whether r is the second half of a UTF-16 surrogate pair.
func IsLowSurrogate(r rune) bool { return isLow(r) }

// IsSurrogate reports whether r is either half of a UTF-16 surrogate pair.
func IsSurrogate(r rune) bool { return r >= 0xD800 && r <= 0xDFFF }

// AppendSurrogate appends the three bytes UTF-8's pattern gives a lone surrogate's number:
// bytes that are not valid UTF-8 (utf8.AppendRune would write U+FFFD instead), so that text
// holding one is refused where it is used rather than read with a character that was not there.
func AppendSurrogate(b []byte, r rune) []byte {
	return append(b, 0xE0|byte(r>>12), 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F)
}

// Surrogate reports the surrogate AppendSurrogate wrote at the start of b, if one is there.
func Surrogate(b string) (rune, bool) {
	if len(b) < 3 || b[0] != 0xED || b[1] < 0xA0 || b[1] > 0xBF || b[2] < 0x80 || b[2] > 0xBF {
		return 0, false
	}
	return rune(b[0]&0x0F)<<12 | rune(b[1]&0x3F)<<6 | rune(b[2]&0x3F), true
}
