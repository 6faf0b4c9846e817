package app

import (
	"bytes"
	"testing"

	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/pkg/trend"
)

// trend --json writes its text as it reads: no HTML escapes in the code, the period or the
// trend's sentence, in any method's output, and the code comes first.
func TestTrendJSONIsNotHTMLEscaped(t *testing.T) {
	tr := &report.Trend{Method: trend.SPC, Direction: "Stable", Sentence: "No signal: <3 points & none > the limits"}
	q2, err := report.ParsePeriod("2023/24 Q2", 4)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := encodeJSON(&buf, trendJSON{Code: "R&D<1>", Period: q2, Trend: tr}); err != nil {
		t.Fatal(err)
	}
	want := `{
  "code": "R&D<1>",
  "period": "2023/24 Q2",
  "method": "spc",
  "direction": "Stable",
  "points": 0,
  "window": 0,
  "sentence": "No signal: <3 points & none > the limits",
  "assurance": null
}
`
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}
