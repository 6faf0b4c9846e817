package data

import (
	"bytes"
	"fmt"
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
	// Five bytes mean nothing in Windows-1252 either: such a file is in some other encoding,
	// and reading it on would put garbage into the report without a word.
	for i, c := range b {
		switch c {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			line := 1 + bytes.Count(b[:i], []byte{'\n'})
			return "", fmt.Errorf("line %d has byte 0x%02X, which is neither UTF-8 nor Windows-1252 text", line, c)
		}
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	return string(out), err
}
