package pdfpost

import "testing"

// The text strings of alternative text and link descriptions, worked out by hand from
// ISO 32000-1 7.9.2: literal with \, ( and ) escaped when printable ASCII, else UTF-16BE
// with a byte order mark in hex, a rune beyond the BMP as its surrogate pair.
func TestTextString(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", "()"},
		{"Go to HS01", "(Go to HS01)"},
		{`a(b)\c`, `(a\(b\)\\c)`},
		{"£5", "<FEFF00A30035>"},
		{"Wait – 3", "<FEFF00570061006900740020201300200033>"},
		{"\U0001F600", "<FEFFD83DDE00>"},
		{"a\xffb", "<FEFF0061FFFD0062>"},
		{"tab\there", "<FEFF00740061006200090068006500720065>"},
	} {
		if got := textString(c.in); got != c.want {
			t.Errorf("textString(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}
