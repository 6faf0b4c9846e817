package app

import (
	"fmt"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
)

// coverage is which quarters the data gives a value for (a missing marker is not a value).
type coverage struct {
	first, last period.Quarter
	has         map[int]bool // by quarter index
}

func dataCoverage(cat *catalogue.Catalogue, store *data.Store) coverage {
	c := coverage{has: map[int]bool{}}
	if store == nil {
		return c
	}
	for code, values := range store.All() {
		ind, ok := cat.Indicator(code)
		if !ok {
			continue
		}
		for idx, v := range values.All() {
			if v.Missing {
				continue
			}
			q := period.FromIndex(idx)
			if ind.Frequency == catalogue.Monthly {
				q = cat.Calendar.QuarterOf(period.MonthFromIndex(idx))
			}
			c.has[q.Index()] = true
			if c.first.IsZero() || q.Before(c.first) {
				c.first = q
			}
			if c.last.IsZero() || c.last.Before(q) {
				c.last = q
			}
		}
	}
	return c
}

// checkPeriod refuses a report quarter asked for outside the data, or one for which no
// indicator has a value, naming the range the data covers: a mistyped period would otherwise
// give a report of "No data" and exit 0, which a CI gate takes as a pass. allow names what
// lets such a quarter through, if anything does.
func (l *loaded) checkPeriod(q period.Quarter, allow string) error {
	if q.IsZero() {
		return nil // the latest quarter with data, by definition not empty
	}
	c := dataCoverage(l.cat, l.store)
	label := l.cat.Calendar.Label
	if c.first.IsZero() {
		return diag.Problem{Message: "no indicator has a value in the data given: nothing to report (check --data)"}
	}
	span := fmt.Sprintf("the data covers %s to %s", label(c.first), label(c.last))
	if c.first == c.last {
		span = "the data covers " + label(c.first) + " only"
	}
	var msg string
	switch {
	case c.last.Before(q):
		msg = fmt.Sprintf("%s is after the latest data: %s", label(q), span)
	case q.Before(c.first):
		msg = fmt.Sprintf("%s is before the earliest data: %s", label(q), span)
	case !c.has[q.Index()]:
		msg = fmt.Sprintf("no indicator has a value for %s, so every figure would be a stand-in or no data (%s, with gaps)", label(q), span)
	default:
		return nil
	}
	if allow != "" {
		msg += "; " + allow
	}
	if at := l.settings.periodPlace; at != nil {
		return diag.Problem{Place: *at, Message: "period: " + msg}
	}
	return fmt.Errorf("--period: %s", msg)
}
