package catalogue

import "testing"

// The optional language key takes a BCP 47 tag and writes it in canonical case; without it
// the catalogue says nothing and renderers use en-GB.
func TestLanguage(t *testing.T) {
	cases := []struct{ line, want, err string }{
		{"", "", ""},
		{"language: en-GB\n", "en-GB", ""},
		{"language: en-gb\n", "en-GB", ""},
		{"language: cy\n", "cy", ""},
		{"language: english\n", "", `c.yaml:1: language "english" is not a language tag; give the report's language as a BCP 47 tag, e.g. language: en-GB (or cy for Welsh)`},
		{"language: en_GB!\n", "", `c.yaml:1: language "en_GB!" is not a language tag; give the report's language as a BCP 47 tag, e.g. language: en-GB (or cy for Welsh)`},
		{"language: ''\n", "", `c.yaml:1: language is blank; give the report's language as a BCP 47 tag, e.g. language: en-GB (or cy for Welsh)`},
	}
	for _, c := range cases {
		src := c.line + "directorates: [{code: CED, name: CE}]\nindicators:\n  - {code: CS01, name: Calls, directorate: CED, polarity: higher}\n"
		cat, err := Parse("c.yaml", []byte(src))
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("%q: error %v, want %s", c.line, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", c.line, err)
			continue
		}
		if cat.Language != c.want {
			t.Errorf("%q: language %q, want %q", c.line, cat.Language, c.want)
		}
	}
}
