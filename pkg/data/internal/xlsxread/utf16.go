package xlsxread

import (
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// utf16Decoder turns a UTF-16 part into UTF-8 as it is read. golang.org/x/text's decoder
// would turn an unpaired surrogate into U+FFFD, silently changing the text; this one writes
// it as the three bytes UTF-8 would give the surrogate's number (0xED 0xA0–0xBF ..), which
// are not valid UTF-8, so the text holding it is refused where it is used, with its cell, as
// any other bytes that are not UTF-8 are (see textProblem). A byte-order mark at the start
// is dropped and sets the byte order.
type utf16Decoder struct {
	bigEndian bool
	started   bool
}

func (d *utf16Decoder) Reset() { d.started = false }

func (d *utf16Decoder) unit(b []byte) rune {
	if d.bigEndian {
		return rune(b[0])<<8 | rune(b[1])
	}
	return rune(b[1])<<8 | rune(b[0])
}

func (d *utf16Decoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	if !d.started {
		if len(src) < 2 && !atEOF {
			return 0, 0, transform.ErrShortSrc
		}
		d.started = true
		if len(src) >= 2 {
			switch {
			case src[0] == 0xFE && src[1] == 0xFF:
				d.bigEndian, nSrc = true, 2
			case src[0] == 0xFF && src[1] == 0xFE:
				d.bigEndian, nSrc = false, 2
			}
		}
	}
	for nSrc < len(src) {
		if len(src)-nSrc < 2 {
			if !atEOF {
				return nDst, nSrc, transform.ErrShortSrc
			}
			return nDst, nSrc, malformed("the UTF-16 part ends in the middle of a character")
		}
		r, size := d.unit(src[nSrc:]), 2
		if utf16IsHigh(r) {
			if len(src)-nSrc < 4 && !atEOF {
				return nDst, nSrc, transform.ErrShortSrc
			}
			if len(src)-nSrc >= 4 {
				if lo := d.unit(src[nSrc+2:]); utf16IsLow(lo) {
					r, size = 0x10000+(r-0xD800)<<10+(lo-0xDC00), 4
				}
			}
		}
		if len(dst)-nDst < utf8.UTFMax {
			return nDst, nSrc, transform.ErrShortDst
		}
		if utf16IsHigh(r) || utf16IsLow(r) {
			nDst += copy(dst[nDst:], appendSurrogate(nil, r))
		} else {
			nDst += utf8.EncodeRune(dst[nDst:], r)
		}
		nSrc += size
	}
	return nDst, nSrc, nil
}

// appendSurrogate appends the three bytes UTF-8's pattern gives a lone surrogate's number:
// bytes that are not valid UTF-8 (utf8.AppendRune would write U+FFFD instead), so that text
// holding one is refused with its place rather than read with a character that was not there.
func appendSurrogate(b []byte, r rune) []byte {
	return append(b, 0xE0|byte(r>>12), 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F)
}

// surrogateAt reports the surrogate written by appendSurrogate at the start of b, if any.
func surrogateAt(b string) (rune, bool) {
	if len(b) < 3 || b[0] != 0xED || b[1] < 0xA0 || b[1] > 0xBF || b[2] < 0x80 || b[2] > 0xBF {
		return 0, false
	}
	return rune(b[0]&0x0F)<<12 | rune(b[1]&0x3F)<<6 | rune(b[2]&0x3F), true
}
