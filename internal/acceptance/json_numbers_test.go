package acceptance_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"
	"testing"

	reportjson "github.com/example/qpr/pkg/render/json"
)

// numberLine is a line of indented JSON whose value is a number: after a key, or an array
// element on its own line. A string value ends in a quote, so it never matches.
var numberLine = regexp.MustCompile(`(?m)^(\s+(?:"[^"]*": )?)(-?[0-9][0-9.eE+-]*)(,?)$`)

// TestReportJSONIsEncodingJSONToTenFigures: the renderer writes the example's reports byte
// for byte as encoding/json's indented encoder does, except that every number with a fraction
// is cut to 10 significant figures (docs/json.md), worked out here with strconv on
// encoding/json's own text.
func TestReportJSONIsEncodingJSONToTenFigures(t *testing.T) {
	ex := loadExample(t)
	for _, pack := range []string{"qpr", "ced"} {
		r := ex.build(t, pack)
		want := numberLine.ReplaceAllFunc(encodingJSON(t, r), func(line []byte) []byte {
			m := numberLine.FindSubmatch(line)
			num := m[2]
			if !bytes.ContainsAny(num, ".eE") {
				return line
			}
			f, err := strconv.ParseFloat(string(num), 64)
			if err != nil {
				t.Fatalf("%s: %v", num, err)
			}
			f, _ = strconv.ParseFloat(strconv.FormatFloat(f, 'g', 10, 64), 64)
			s, err := json.Marshal(f) // encoding/json's own form of the rounded number
			if err != nil {
				t.Fatal(err)
			}
			return []byte(string(m[1]) + string(s) + string(m[3]))
		})
		var got bytes.Buffer
		if err := reportjson.Render(&got, r, nil); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			g, w := got.Bytes(), want
			i := 0
			for i < len(g) && i < len(w) && g[i] == w[i] {
				i++
			}
			t.Errorf("pack %s: differs at byte %d:\n got %q\nwant %q", pack, i, g[max(0, i-80):min(len(g), i+80)], w[max(0, i-80):min(len(w), i+80)])
		}
	}
}
