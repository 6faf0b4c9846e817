package report

import (
	"strings"
	"testing"

	"github.com/example/qpr/pkg/trend"
)

// A trend's sentence is written in JSON as it reads ("p < 0.001"), not with encoding/json's
// HTML escapes (\u003c), for every method's marshalling.
func TestTrendJSONIsNotHTMLEscaped(t *testing.T) {
	for _, m := range []trend.Method{trend.Regression, trend.SPC} {
		tr := Trend{Method: m, Direction: "Worsening", Sentence: "Worsening: down 2 a quarter (p < 0.001) & falling > 1"}
		b, err := tr.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), `"sentence":"Worsening: down 2 a quarter (p < 0.001) & falling > 1"`) || strings.Contains(string(b), `\u00`) {
			t.Errorf("%s: %s", m, b)
		}
	}
}
