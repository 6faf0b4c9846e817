package present

import (
	"strings"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/report"
)

// buildOne builds a one-indicator report for the quarter at from a catalogue line and its
// quarterly values, as qpr build does.
func buildOne(t *testing.T, line string, values map[string]float64, at string) *report.Indicator {
	t.Helper()
	cat, err := catalogue.Parse("c.yaml", []byte("directorates: [{code: D, name: D}]\nindicators:\n  - "+line+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	vals := map[int]data.Value{}
	for label, v := range values {
		qq, err := period.DefaultCalendar.ParseQuarter(label)
		if err != nil {
			t.Fatal(err)
		}
		vals[qq.Index()] = data.Value{V: v}
	}
	qq, _ := period.DefaultCalendar.ParseQuarter(at)
	r, err := report.Build(report.Options{Catalogue: cat, Store: data.StoreOf(map[string]map[int]data.Value{cat.Indicators[0].Code: vals}), Pack: catalogue.Pack{ID: "p"}, Period: qq})
	if err != nil {
		t.Fatal(err)
	}
	return &r.Indicators[0]
}

// Six quarters rising 74.49 to 74.99 at positions 2 to 7 of an 8-quarter window: the least
// squares line (numpy.polyfit) is 74.30029 + 0.0977143x, 75.082 at position 8. Lower is
// better with a floor of 75, so 75.082 is Red; "75" would read Amber, so the sentence shows
// it to one place, 75.1, as a table would.
func TestProjectionShownAgainstItsThresholds(t *testing.T) {
	in := buildOne(t, "{code: K, name: K, directorate: D, polarity: lower, unit: number, target: 70, floor: 75}",
		map[string]float64{"2022/23 Q3": 74.49, "2022/23 Q4": 74.61, "2023/24 Q1": 74.67, "2023/24 Q2": 74.81, "2023/24 Q3": 74.87, "2023/24 Q4": 74.99}, "2023/24 Q4")
	pr := in.Projection
	if pr == nil || pr.RAG == nil || *pr.RAG != report.Red {
		t.Fatalf("projection %+v, want one rated red", pr)
	}
	got := ProjectionSentence(in)
	if !strings.HasPrefix(got, "Projected for 2024/25 Q1: 75.1 (95% prediction interval ") || !strings.Contains(got, "which would be rated Red against a target of 70 and a floor of 75.") {
		t.Errorf("sentence %q", got)
	}
}

// Counts falling 50 to 5 (the series of report's TestProjectionCutToNaturalRange): the whole
// interval lies below 0 and is cut to 0 at both ends; "0 to 0" would read as a certainty.
func TestZeroWidthIntervalSaidToLieOutsideTheRange(t *testing.T) {
	in := buildOne(t, "{code: K, name: K, directorate: D, polarity: higher, unit: number, target: 10}",
		map[string]float64{"2022/23 Q2": 50, "2022/23 Q3": 40, "2022/23 Q4": 30, "2023/24 Q1": 20, "2023/24 Q2": 10, "2023/24 Q3": 5}, "2023/24 Q3")
	got := ProjectionSentence(in)
	if !strings.Contains(got, "(95% prediction interval lies entirely below 0, the least the value can be)") || strings.Contains(got, "0 to 0") {
		t.Errorf("sentence %q", got)
	}
	// and above 100% for a percentage heading past it
	pr := &report.Projection{Value: 100, Lower: 100, Upper: 100, LowerCut: true, UpperCut: true, ValueCut: true}
	if got := IntervalText(&report.Indicator{Unit: catalogue.Percent}, pr); got != "lies entirely above 100%, the most the value can be" {
		t.Errorf("interval %q", got)
	}
}
