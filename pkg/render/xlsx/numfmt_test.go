package xlsx

import (
	"testing"

	"github.com/example/qpr/pkg/catalogue"
)

func TestNumberFormat(t *testing.T) {
	cases := []struct {
		unit   catalogue.Unit
		places int
		want   string
	}{
		{"percent", 1, `0.0"%"`},
		{"percent", 0, `0"%"`},
		{"currency", 0, `"£"#,##0`},
		{"currency", 2, `"£"#,##0.00`},
		{"days", 1, `0.0 "days"`},
		{"days", 0, `0 "days"`},
		{"number", 0, `#,##0`},
		{"rate", 2, `#,##0.00`},
		{"parsecs", 1, `#,##0.0`},
		{"number", -3, `#,##0`},
		{"number", 40, `#,##0.000000`},
	}
	for _, c := range cases {
		if got := numberFormat(c.unit, c.places); got != c.want {
			t.Errorf("numberFormat(%q, %d) = %s, want %s", c.unit, c.places, got, c.want)
		}
	}
}
