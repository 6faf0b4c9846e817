package data

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decodeText turns a csv file's bytes into UTF-8. Excel writes "CSV UTF-8" with a byte-order
// mark, plain "CSV" in the Windows code page (Windows-1252 in the UK: £ is one byte, 0xA3) and
// "Unicode Text" as UTF-16 with a byte-order mark. Bytes that are not valid UTF-8 cannot be
// UTF-8, so they are read as Windows-1252, under which every byte means something.
func decodeText(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		return string(out), err
	}
	if utf8.Valid(b) {
		return string(b), nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	return string(out), err
}
