package present

import (
	"strconv"
	"strings"

	"github.com/example/qpr/pkg/report"
)

// ChartEvent is an event marked on the chart: a numbered marker at its slot, which the
// chart's text and figures table name by the same number.
type ChartEvent struct {
	Number int     // 1, 2, ... in period order
	Slot   float64 // where the marker goes
	Period report.Period
	Text   string
	Rebase bool // an SPC recalculation point
}

// chartEvents places in's events on the chart: a quarterly chart's slot is the event's
// quarter; a monthly chart's is the event's month, or a quarter's first month. An event
// outside the charted periods is not placed.
func (c *Chart) events(in *report.Indicator) {
	for _, e := range in.Events {
		slot := eventSlot(in, e.Period)
		if slot < 0 {
			continue
		}
		c.Events = append(c.Events, ChartEvent{Number: len(c.Events) + 1, Slot: float64(slot), Period: e.Period, Text: e.Text, Rebase: e.Rebase})
	}
}

// eventSlot is the first charted period an event at p falls in, or -1.
func eventSlot(in *report.Indicator, p report.Period) int {
	for i, cp := range in.Chart {
		sameMonth := cp.Period.IsMonth() && p.IsMonth() && cp.Period.Month == p.Month
		// a quarter covers its months on a monthly chart; a month its quarter on a quarterly one
		sameQuarter := (!cp.Period.IsMonth() || !p.IsMonth()) && cp.Period.Quarter == p.Quarter
		if sameMonth || sameQuarter {
			return i
		}
	}
	return -1
}

// EventName is how an event is named in text: "2 (September 2022): Period of national
// mourning".
func EventName(e ChartEvent) string {
	return strconv.Itoa(e.Number) + " (" + eventPeriod(e.Period) + "): " + e.Text
}

func eventPeriod(p report.Period) string {
	if p.IsMonth() {
		return p.Month.Name()
	}
	return Label(p)
}

// EventsSentence names the chart's events for its text alternative: "Events marked: 1
// (September 2022): Period of national mourning; 2 (2022/23 Q3): SPC limits recalculated:
// new triage process." It is "" without events.
func EventsSentence(c Chart) string {
	if len(c.Events) == 0 {
		return ""
	}
	names := make([]string, len(c.Events))
	for i, e := range c.Events {
		names[i] = EventName(e)
	}
	return "Events marked: " + strings.Join(names, "; ") + "."
}

// EventHeadings head the events' rows beside the chart's figures: the marker, the period,
// what happened.
var EventHeadings = []string{"Event", "Period", "What happened"}

// EventCells is one event's row under EventHeadings.
func EventCells(e ChartEvent) []string {
	return []string{strconv.Itoa(e.Number), eventPeriod(e.Period), e.Text}
}
