package present

import (
	"testing"

	"github.com/example/qpr/pkg/catalogue"
)

// Each number form's pattern, as the report's text shows such a number: "82.4%", "£1,250",
// "1 day" but "1.0 days", "+2", "no change"; places capped as the text caps them.
func TestNumberPattern(t *testing.T) {
	cases := []struct {
		nf   NumberFormat
		want NumberPattern
		ok   bool
	}{
		{NumberFormat{Kind: MeasureNumber, Unit: catalogue.Percent, Places: 1}, NumberPattern{After: "%", Places: 1, Grouped: true}, true},
		{NumberFormat{Kind: MeasureNumber, Unit: catalogue.Currency}, NumberPattern{Before: "£", Grouped: true}, true},
		{NumberFormat{Kind: MeasureNumber, Unit: catalogue.Days}, NumberPattern{After: " days", AfterOne: " day", Grouped: true}, true},
		{NumberFormat{Kind: MeasureNumber, Unit: catalogue.Days, Places: 1}, NumberPattern{After: " days", Places: 1, Grouped: true}, true},
		{NumberFormat{Kind: MeasureNumber, Unit: "parsecs", Places: 40}, NumberPattern{Places: MaxPlaces, Grouped: true}, true},
		{NumberFormat{Kind: MeasureNumber, Unit: catalogue.Number, Places: -2}, NumberPattern{Grouped: true}, true},
		{NumberFormat{Kind: ChangeNumber, Unit: catalogue.Percent, Places: 2}, NumberPattern{Signed: true, Zero: "no change"}, true},
		{NumberFormat{Kind: CountNumber, Unit: catalogue.Currency}, NumberPattern{}, false},
	}
	for _, c := range cases {
		got, ok := c.nf.Pattern()
		if got != c.want || ok != c.ok {
			t.Errorf("%+v: Pattern() = %+v, %v; want %+v, %v", c.nf, got, ok, c.want, c.ok)
		}
	}
}
