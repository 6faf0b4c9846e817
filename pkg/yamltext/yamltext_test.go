package yamltext

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

// The lines are counted by hand from each text: the line a person must edit.
func TestSyntaxErrorLine(t *testing.T) {
	cases := []struct {
		name, src string
		line      int
		message   string
	}{
		// yaml says line 1 (the mapping's start); the stray indent is on line 4.
		{"over-indented key", "colours:\n  green: \"#00703C\"\n  amber: \"#FFBF47\"\n   red: x\n", 4,
			"not valid YAML: did not find expected key; check the indentation and punctuation on this line and the one before"},
		// yaml says line 2; the unclosed bracket is on line 3.
		{"unclosed flow list", "colours:\n  green: \"#00703C\"\n  amber: [a, b\nfonts:\n  body: 10\n", 3,
			"not valid YAML: did not find expected ',' or ']'; check the indentation and punctuation on this line and the one before"},
		{"tab indent", "colours:\n  green: \"#00703C\"\n\tamber: \"#FFBF47\"\n", 3,
			"not valid YAML: found character that cannot start any token; check the indentation and punctuation on this line and the one before"},
		{"not UTF-8", "colours:\n  green: \"#00703C\"\nfonts: {body: caf\xe9}\n", 3,
			"the file is not valid UTF-8 text; save it as UTF-8"},
		{"control character", "colours:\n  green: \"#00703C\x07\"\n", 2,
			"control character U+0007 is not allowed in YAML; remove it"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var n yaml.Node
			err := yaml.Unmarshal([]byte(c.src), &n)
			if err == nil {
				t.Fatal("the text parsed; the case is wrong")
			}
			line, msg := SyntaxError([]byte(c.src), err)
			if line != c.line || msg != c.message {
				t.Errorf("got  %d %q\nwant %d %q", line, msg, c.line, c.message)
			}
		})
	}
}
