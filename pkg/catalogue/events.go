package catalogue

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/example/qpr/pkg/period"
)

// Event is something that happened and explains an indicator's chart: staff sickness, a
// backlog plan, a new system. It is drawn on the chart at its period, named in the chart's
// text, and listed in the JSON.
type Event struct {
	Code   string        // an indicator's code, or AllIndicators
	Period period.Period // a month or a quarter
	Text   string
	Line   int
}

// AllIndicators is the code of an event that concerns every indicator.
const AllIndicators = "all"

// RebasePoint is an SPC recalculation point with the reason the process changed, which the
// chart shows as an event; Reason is "" where the catalogue gives a plain period.
type RebasePoint struct {
	Index  int           // as in SPCSpec.Rebase
	Period period.Period // as written
	Reason string
	Line   int
}

// EventsFor lists the catalogue's events for ind: its own and those for every indicator, in
// catalogue order.
func (c *Catalogue) EventsFor(ind *Indicator) []Event {
	var out []Event
	for _, e := range c.Events {
		if e.Code == AllIndicators || equalFold(e.Code, ind.Code) {
			out = append(out, e)
		}
	}
	return out
}

var eventKeys = []string{"code", "period", "text"}

// events reads the top-level events: [{code: CS01, period: 2023-03, text: ...}]. Codes are
// checked once the indicators are read.
func (p *parser) events(v pair, cat *Catalogue) []Event {
	example := "events: [{code: CS01, period: 2023-03, text: New telephony system}]"
	list, ok := p.sequence(v, example)
	if !ok {
		return nil
	}
	var out []Event
	for i, item := range list.Content {
		node, ok := p.mapping(entry(v, item), "{code: CS01, period: 2023-03, text: New telephony system}")
		if !ok {
			continue
		}
		where := "in event " + ordinal(i)
		f := p.fields(node, where, eventKeys)
		e := Event{Line: node.Line}
		good := true
		for _, k := range eventKeys {
			if _, given := f[k]; !given {
				p.errorf(node.Line, "event %s has no %s; each event needs code (an indicator's code, or all), period and text", ordinal(i), k)
				good = false
			}
		}
		if x, ok := f["code"]; ok {
			if s, ok := p.text(x, "give an indicator's code, or all for every indicator"); ok {
				e.Code = s
				if strings.EqualFold(s, AllIndicators) {
					e.Code = AllIndicators
				} else if _, known := cat.Indicator(s); !known {
					codes := make([]string, 0, len(cat.Indicators)+1)
					for _, ind := range cat.Indicators {
						codes = append(codes, ind.Code)
					}
					if near := suggest(s, append(codes, AllIndicators)); near != "" {
						p.errorf(x.line(), "event %s is for indicator %q, which is not in the catalogue; did you mean %q?", ordinal(i), s, near)
					} else {
						p.errorf(x.line(), "event %s is for indicator %q, which is not in the catalogue; give an indicator's code, or all for every indicator", ordinal(i), s)
					}
					good = false
				}
			} else {
				good = false
			}
		}
		if x, ok := f["period"]; ok {
			if per, ok := p.periodValue(x, cat.Calendar, "in event "+ordinal(i)); ok {
				e.Period = per
			} else {
				good = false
			}
		}
		if x, ok := f["text"]; ok {
			if s, ok := p.text(x, "say what happened, e.g. text: New telephony system"); ok {
				e.Text = s
			} else {
				good = false
			}
		}
		if good {
			out = append(out, e)
		}
	}
	return out
}

// periodValue reads a month or a quarter, as data files write them.
func (p *parser) periodValue(x pair, cal period.Calendar, where string) (period.Period, bool) {
	s, ok := p.scalar(x, "write a month such as 2023-03 or a quarter such as "+cal.Label(period.Quarter{Year: 2023, Q: 2}))
	if !ok {
		return period.Period{}, false
	}
	per, err := cal.ParsePeriod(strings.TrimSpace(s))
	if err != nil {
		p.errorf(x.line(), "%s %q %s: %v", x.name(), s, where, err)
		return period.Period{}, false
	}
	return per, true
}

var rebaseKeys = []string{"at", "reason"}

// rebase reads spc's rebase list: each entry a period ("2023-03") or {at: 2023-03, reason:
// new triage process}. A monthly indicator's rebase is a month (a quarter given for it means
// its first month); a quarterly indicator's is a quarter (a month means the quarter that
// contains it), as in the data.
func (p *parser) rebase(x pair, ind *Indicator, cal period.Calendar, label string) SPCSpec {
	var spec SPCSpec
	example := `rebase: [{at: "2023-03", reason: new triage process}]`
	list, ok := p.sequence(x, example)
	if !ok {
		return spec
	}
	seen := map[int]string{}
	for _, item := range list.Content {
		it := resolve(item)
		line := item.Line
		if line == 0 {
			line = x.line()
		}
		var written, reason string
		switch {
		case it != nil && it.Kind == yaml.ScalarNode && !isNull(it) && strings.TrimSpace(it.Value) != "":
			written = strings.TrimSpace(it.Value)
		case it != nil && it.Kind == yaml.MappingNode:
			f := p.fields(it, "in a rebase of indicator "+label, rebaseKeys)
			at, given := f["at"]
			if !given {
				p.errorf(line, "a rebase of indicator %s has no at; give the period the limits start afresh from, e.g. %s", label, example)
				continue
			}
			s, ok := p.scalar(at, "write the period, e.g. at: 2023-03")
			if !ok {
				continue
			}
			written = strings.TrimSpace(s)
			if r, given := f["reason"]; given {
				if s, ok := p.text(r, "say why the process changed, e.g. reason: new triage process"); ok {
					reason = s
				}
			}
		default:
			p.errorf(line, "an entry of rebase is %s; each entry is a period or {at: period, reason: text}, as in %s", describeEntry(it), example)
			continue
		}
		per, err := cal.ParsePeriod(written)
		if err != nil {
			p.errorf(line, "rebase %q in indicator %s: %v", written, label, err)
			continue
		}
		idx := cal.QuarterOfPeriod(per).Index()
		if ind.Frequency == Monthly {
			m := per.Month
			if per.Kind == period.KindQuarter {
				m = cal.Months(per.Quarter)[0]
			}
			idx = m.Index()
		}
		if first, dup := seen[idx]; dup {
			p.errorf(line, "rebase %q in indicator %s is the same period as %q; give each recalculation point once", written, label, first)
			continue
		}
		seen[idx] = written
		spec.Rebase = append(spec.Rebase, idx)
		spec.Points = append(spec.Points, RebasePoint{Index: idx, Period: per, Reason: reason, Line: line})
	}
	slices.Sort(spec.Rebase)
	slices.SortFunc(spec.Points, func(a, b RebasePoint) int { return a.Index - b.Index })
	return spec
}
