package present

import (
	"testing"

	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/report"
)

// A profile runs the target and floor steps on past the latest value to the year's end.
func TestChartDrawsTheProfileToTheYearsEnd(t *testing.T) {
	in := quarterlyKPI(t, 900, 950, 1000)
	in.Profile = []report.ProfilePoint{
		{Period: q(t, "2023/24 Q1"), Target: f(250), Floor: f(200)},
		{Period: q(t, "2023/24 Q2"), Target: f(500), Floor: f(400)},
		{Period: q(t, "2023/24 Q3"), Target: f(750), Floor: f(600)},
		{Period: q(t, "2023/24 Q4"), Target: f(1000), Floor: f(800)},
	}
	c := ChartOf(in)
	if c.Slots != 10 {
		t.Fatalf("slots %d, want 10: eight charted quarters and Q3, Q4 ahead", c.Slots)
	}
	var target []StepLevel
	for _, s := range c.Steps {
		if s.Kind == StepTarget {
			target = s.Levels
		}
	}
	if len(target) != 10 || target[8].Value != 750 || target[9].Value != 1000 || !target[8].Join || target[8].From != 1000 {
		t.Errorf("target steps %+v; want 10, Q3 750 joined from 1000, Q4 1000", target)
	}
	var ahead []string
	for _, l := range c.Labels {
		if l.Slot >= 8 {
			ahead = append(ahead, l.Top+" "+l.Bottom)
		}
	}
	if len(ahead) != 2 || ahead[0] != "23/24 Q3" || ahead[1] != "23/24 Q4" {
		t.Errorf("labels ahead %v, want 23/24 Q3 and 23/24 Q4", ahead)
	}
}

func TestChartEventsAreNumberedAtTheirQuarter(t *testing.T) {
	in := quarterlyKPI(t, 900, 950, 1000)
	sep := report.MonthOf(period.DefaultCalendar, period.Month{Year: 2022, Month: 9})
	in.Events = []report.Event{
		{Period: sep, Text: "Period of national mourning"},
		{Period: q(t, "2023/24 Q1"), Text: "SPC limits recalculated: new triage process", Rebase: true},
		{Period: q(t, "2019/20 Q1"), Text: "not charted"},
	}
	c := ChartOf(in)
	if len(c.Events) != 2 || c.Events[0].Slot != 3 || c.Events[1].Slot != 6 || c.Events[1].Number != 2 {
		t.Fatalf("events %+v; want September 2022 at 2022/23 Q2's slot 3, 2023/24 Q1 at slot 6", c.Events)
	}
	want := "Events marked: 1 (September 2022): Period of national mourning; 2 (2023/24 Q1): SPC limits recalculated: new triage process."
	if got := EventsSentence(c); got != want {
		t.Errorf("sentence\n got %s\nwant %s", got, want)
	}
}
