package report

import (
	"slices"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/trend"
)

// Event is something that happened and explains the indicator's chart, from the catalogue's
// events or an SPC recalculation point's reason, at a month or a quarter of the charted span.
type Event struct {
	Period Period `json:"period"`
	Text   string `json:"text"`
	// Rebase marks the SPC limits being recalculated from this period.
	Rebase bool `json:"rebase,omitempty"`
}

// RebaseText is the event a recalculation point makes, before its reason.
const RebaseText = "SPC limits recalculated"

// eventsOf are the events charted for the indicator at q: the catalogue's for it (and for
// every indicator), and for an spc indicator its recalculation points with their reasons,
// each within the charted span (the trend window's quarters to q), in period order.
func eventsOf(cat *catalogue.Catalogue, ind *catalogue.Indicator, q period.Quarter, window int, method trend.Method) []Event {
	cal := cat.Calendar
	first := q.Add(-(max(window, 1) - 1))
	inSpan := func(p period.Period) bool {
		pq := cal.QuarterOfPeriod(p)
		return !pq.Before(first) && !q.Before(pq)
	}
	of := func(p period.Period) Period {
		if p.Kind == period.KindMonth {
			return MonthOf(cal, p.Month)
		}
		return QuarterOf(cal, p.Quarter)
	}
	out := []Event{}
	for _, e := range cat.EventsFor(ind) {
		if inSpan(e.Period) {
			out = append(out, Event{Period: of(e.Period), Text: e.Text})
		}
	}
	if method == trend.SPC {
		for _, rb := range ind.SPC.Points {
			if !inSpan(rb.Period) {
				continue
			}
			text := RebaseText
			if rb.Reason != "" {
				text += ": " + rb.Reason
			}
			out = append(out, Event{Period: of(rb.Period), Text: text, Rebase: true})
		}
	}
	// by period; a quarter before the months in it; otherwise as written
	key := func(e Event) int {
		if e.Period.IsMonth() {
			return e.Period.Month.Index()*2 + 1
		}
		return cal.Months(e.Period.Quarter)[0].Index() * 2
	}
	slices.SortStableFunc(out, func(a, b Event) int { return key(a) - key(b) })
	return out
}
