package report

import (
	"math"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/trend"
)

// series answers "what was this indicator's value then?" from the matched data, applying the
// contract's quarter-value rules (section 4).
type series struct {
	ind    *catalogue.Indicator
	cal    period.Calendar
	values *data.Series // by quarter index or month index, by frequency
	// memo, when set, keeps the first window worked out (the trend's, at the report quarter),
	// which the projection, recovery and chart read again.
	memo *windowMemo
}

// windowMemo holds the indicator's window ending at the report quarter with one quarter more
// before it, so that the window ending at the quarter before (the previous trend's) is part
// of it too, and the values in the report quarter's window as a line is fitted to them. What
// it holds is shared by every caller: they only read it.
type windowMemo struct {
	q                  period.Quarter
	quarters           int
	longer             []point // quarters+1 quarters ending at q; nil until worked out
	fitted             []trend.Point
	negative, above100 bool
	fittedDone         bool
}

func (m *windowMemo) holds(q period.Quarter, quarters int) bool {
	return m != nil && m.longer != nil && m.q == q && m.quarters == quarters
}

// quarterValue is the indicator's actual value for q: no stale stand-in.
type quarterValue struct {
	value   float64
	ok      bool
	partial bool
	months  int // months present, monthly indicators
}

func (s series) monthly() bool { return s.ind.Frequency == catalogue.Monthly }

func (s series) quarter(q period.Quarter) quarterValue {
	if !s.monthly() {
		v, ok := s.values.At(q.Index())
		if !ok || v.Missing {
			return quarterValue{}
		}
		return quarterValue{value: v.V, ok: true}
	}
	var present []float64
	var numerator, denominator float64
	for _, m := range s.cal.Months(q) {
		if v, ok := s.values.At(m.Index()); ok && !v.Missing {
			if s.ind.Aggregate == catalogue.Ratio {
				if v.Ratio == nil {
					continue // refused when read; never counted
				}
				numerator += v.Ratio.Numerator
				denominator += v.Ratio.Denominator
			}
			present = append(present, v.V)
		}
	}
	if len(present) == 0 {
		return quarterValue{}
	}
	qv := quarterValue{ok: true, partial: len(present) < 3, months: len(present)}
	switch s.ind.Aggregate {
	case catalogue.Ratio:
		// The quarter's own ratio: months weighted by their denominators, not averaged.
		r := data.Ratio{Numerator: numerator, Denominator: denominator}
		v, ok := r.Of(s.ind.Unit.RatioScale())
		if !ok || !isFiniteValue(v) {
			return quarterValue{}
		}
		qv.value = v
	case catalogue.Sum:
		for _, v := range present {
			qv.value += v
		}
		qv.value = data.Round10(qv.value)
	case catalogue.Mean:
		for _, v := range present {
			qv.value += v
		}
		qv.value = data.Round10(qv.value / float64(len(present)))
	default: // last: the latest month present
		qv.value = present[len(present)-1]
	}
	return qv
}

// reported is the value a report for q shows: the actual value, or the latest earlier one at
// most max_lag quarters old, flagged stale with its own period.
type reported struct {
	quarterValue
	from  period.Quarter
	stale bool
}

func (s series) reported(q period.Quarter) reported {
	for lag := 0; lag <= s.ind.MaxLag; lag++ {
		from := q.Add(-lag)
		if qv := s.quarter(from); qv.ok {
			return reported{quarterValue: qv, from: from, stale: lag > 0}
		}
	}
	return reported{}
}

// point is one of the indicator's own periods with its value, if any. Its position in the
// window is its place in the slice, from 0 at the window's first period.
type point struct {
	at    Period
	label string // canonical label, set only where there is a value
	value float64
	ok    bool
}

// window lists the indicator's own periods in the `quarters` quarters ending at q, in order:
// quarters for a quarterly indicator, months for a monthly one. The slice is read only.
func (s series) window(q period.Quarter, quarters int) []point {
	if quarters < 1 {
		quarters = 1
	}
	m := s.memo
	if m == nil {
		return s.windowOf(q, quarters)
	}
	if m.longer == nil {
		*m = windowMemo{q: q, quarters: quarters, longer: s.windowOf(q, quarters+1)}
	}
	if m.quarters == quarters {
		step := 1
		if s.monthly() {
			step = 3
		}
		n := len(m.longer) - step
		switch q {
		case m.q:
			return m.longer[step:]
		case m.q.Add(-1):
			return m.longer[:n:n]
		}
	}
	return s.windowOf(q, quarters)
}

func (s series) windowOf(q period.Quarter, quarters int) []point {
	first := q.Add(-(quarters - 1))
	if !s.monthly() {
		pts := make([]point, quarters)
		for i := range pts {
			pq := first.Add(i)
			v, ok := s.values.At(pq.Index())
			p := point{at: QuarterOf(s.cal, pq), value: v.V, ok: ok && !v.Missing}
			if p.ok { // only a present value is named, in a trend's points
				p.label = s.cal.Label(pq)
			}
			pts[i] = p
		}
		return pts
	}
	start := s.cal.Months(first)[0]
	pts := make([]point, quarters*3)
	for i := range pts {
		m := start.Add(i)
		v, ok := s.values.At(m.Index())
		p := point{at: MonthOf(s.cal, m), value: v.V, ok: ok && !v.Missing}
		if p.ok {
			p.label = m.String()
		}
		pts[i] = p
	}
	return pts
}

func isFiniteValue(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
