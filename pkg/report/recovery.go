package report

import (
	"fmt"
	"math"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/rag"
	"github.com/example/qpr/pkg/trend"
	"github.com/example/qpr/pkg/unit"
)

// RecoveryHorizon is how many quarters ahead a KPI not at target is looked at for a return to it.
const RecoveryHorizon = 4

// Recovery says when, at the current rate, a KPI not at target would be back on it: Period is
// the first of the next RecoveryHorizon quarters whose projected value meets that quarter's
// target (its profile's where the year has one), nil when none does or no projection can be
// made; Text says so in a sentence with the numbers.
type Recovery struct {
	Period *Period `json:"period"`
	Text   string  `json:"text"`
}

// projectedAt is the value the fitted line through pts gives the quarter k quarters after q,
// with its 95% prediction interval, cut to the unit's natural range.
type projected struct {
	Projection
	ok bool
}

// projectAhead reads the line fitted to the window's values at the quarter k quarters after
// q, as the projection reads it at the next quarter (k = 1): a monthly indicator's quarter is
// its last month's fitted value (aggregate last), its middle month's (mean, ratio) or three
// times that (sum). line is fitted to the window's points, points of them.
func projectAhead(s series, line trend.Line, points, window, k int, low, high float64) projected {
	var at float64
	scale := 1.0
	if s.monthly() {
		at = float64(window*3 + 3*(k-1) + 1)
		switch s.ind.Aggregate {
		case catalogue.Sum:
			scale = 3
		case catalogue.Mean, catalogue.Ratio:
		default:
			at++
		}
	} else {
		at = float64(window - 1 + k)
	}
	pr, ok := line.Project(at, 0.95)
	if !ok {
		return projected{}
	}
	out := projected{Projection: Projection{Value: pr.Value * scale, Lower: pr.Lower * scale, Upper: pr.Upper * scale, Points: points}, ok: true}
	out.cutTo(low, high)
	return out
}

// recovery is the return-to-target of a KPI rated amber or red at q, or nil for any other.
func recovery(s series, q period.Quarter, window int, rating Rating, withheld *ProjectionWithheld) *Recovery {
	if s.ind.Type != catalogue.KPI || (rating != Amber && rating != Red) {
		return nil
	}
	if s.ind.Basis == catalogue.BasisYearToDate {
		return recoveryYearToDate(s, q)
	}
	if withheld != nil {
		return &Recovery{Text: "No date for a return to target can be given: the window has values for " +
			counted(withheld.Points, s.noun()) + fmt.Sprintf(", and a projection needs at least %d.", withheld.Needs)}
	}
	pts, negative, above100 := s.windowPoints(q, window)
	low, high := naturalRange(s.ind.Unit, negative, above100)
	var last projected
	var lastTh *rag.Thresholds
	var lastQ period.Quarter
	line, _ := trend.Fit(pts)
	for k := 1; k <= RecoveryHorizon; k++ {
		nq := q.Add(k)
		p := projectAhead(s, line, len(pts), window, k, low, high)
		if !p.ok {
			return &Recovery{Text: "No date for a return to target can be given: the values in the window do not fit a line."}
		}
		th := kpiThresholds(s.ind, nq)
		if th == nil {
			continue
		}
		v := p.Value
		if rag.Rate(&v, th) == rag.Green {
			at := QuarterOf(s.cal, nq)
			return &Recovery{Period: &at, Text: fmt.Sprintf("At the current rate it would be back on target by %s: projected %s (%s) against a target of %s.",
				at, s.show(p.Value, th), s.interval(p.Lower, p.Upper), s.target(*th.Target))}
		}
		last, lastTh, lastQ = p, th, nq
	}
	if lastTh == nil {
		return &Recovery{Text: "No date for a return to target can be given: no target is set for the next four quarters."}
	}
	return &Recovery{Text: fmt.Sprintf("At the current rate it would not be back on target within the next four quarters: projected %s for %s (%s) against a target of %s.",
		s.show(last.Value, lastTh), QuarterOf(s.cal, lastQ), s.interval(last.Lower, last.Upper), s.target(*lastTh.Target))}
}

// interval is a projection's 95% interval as shown: with more places where the indicator's
// own would show its two ends alike ("76% to 76%" says nothing); an interval of no width (the
// values on a straight line, or the interval cut at the edge of what the value can be) is
// said to be so.
func (s series) interval(lower, upper float64) string {
	if lower == upper {
		return "95% interval no wider than the value itself"
	}
	for places := s.ind.Decimals; places <= s.ind.Decimals+4; places++ {
		lo := unit.Show(rag.Display(lower, places, nil), string(s.ind.Unit))
		hi := unit.Show(rag.Display(upper, places, nil), string(s.ind.Unit))
		if lo != hi {
			return "95% interval " + lo + " to " + hi
		}
	}
	return "95% interval " + s.show(lower, nil) + " to " + s.show(upper, nil)
}

// recoveryYearToDate is the return to target of a year-to-date KPI. Its value climbs through
// the year and starts again each April, so a line through the quarters would fit the sawtooth,
// not the pace: like is compared with like instead. This year is as far above or below last
// year as it was at q; each of the next four quarters is projected as last year's value for
// it moved by that gap, and rated against its own target (the year's profile).
func recoveryYearToDate(s series, q period.Quarter) *Recovery {
	yearAgo := q.Add(-4)
	now, then := s.quarter(q), s.quarter(yearAgo)
	if !now.ok || !then.ok {
		missing := s.cal.Label(q)
		if now.ok {
			missing = s.cal.Label(yearAgo)
		}
		return &Recovery{Text: fmt.Sprintf("No date for a return to target can be given: a year-to-date figure is compared with the same quarter a year before, and %s has no value.", missing)}
	}
	gap := now.value - then.value
	pace := fmt.Sprintf("this year is running %s %s the same point last year", s.amount(math.Abs(gap)), aboveOrBelow(gap))
	if gap == 0 {
		pace = "this year is level with the same point last year"
	}
	var lastValue float64
	var lastTh *rag.Thresholds
	var lastQ period.Quarter
	for k := 1; k <= RecoveryHorizon; k++ {
		nq := q.Add(k)
		base := s.quarter(nq.Add(-4))
		th := kpiThresholds(s.ind, nq)
		if !base.ok || th == nil {
			continue
		}
		v := base.value + gap
		if rag.Rate(&v, th) == rag.Green {
			at := QuarterOf(s.cal, nq)
			return &Recovery{Period: &at, Text: fmt.Sprintf("At this year's pace (%s) it would be back on target by %s: projected %s against a target of %s.",
				pace, at, s.show(v, th), s.target(*th.Target))}
		}
		lastValue, lastTh, lastQ = v, th, nq
	}
	if lastTh == nil {
		return &Recovery{Text: "No date for a return to target can be given: the next four quarters have no values last year or no targets to compare with."}
	}
	return &Recovery{Text: fmt.Sprintf("At this year's pace (%s) it would not be back on target within the next four quarters: projected %s for %s against a target of %s.",
		pace, s.show(lastValue, lastTh), QuarterOf(s.cal, lastQ), s.target(*lastTh.Target))}
}

func aboveOrBelow(gap float64) string {
	if gap < 0 {
		return "below"
	}
	return "above"
}

// show is a figure as the report shows the indicator's values: its decimals, more where
// fewer would contradict its rating against th (nil: plain rounding), with its unit.
func (s series) show(v float64, th *rag.Thresholds) string {
	d := rag.Display(v, s.ind.Decimals, nil)
	if th != nil {
		d = rag.DisplayKPI(v, s.ind.Decimals, th)
	}
	return unit.Show(d, string(s.ind.Unit))
}

// target is a threshold as the catalogue writes it: 97.5% or 85%, never 85.0%.
func (s series) target(v float64) string {
	return unit.FormatShortest(v, 6, string(s.ind.Unit))
}

// amount is a difference in the indicator's unit: "1.2 points" for a percentage.
func (s series) amount(v float64) string {
	d := rag.Display(v, s.ind.Decimals, nil)
	if s.ind.Unit == catalogue.Percent {
		if d == "1" {
			return "1 point"
		}
		return d + " points"
	}
	return unit.Show(d, string(s.ind.Unit))
}

// noun is the indicator's own period: "quarter", or "month" for a monthly indicator.
func (s series) noun() string {
	if s.monthly() {
		return "month"
	}
	return "quarter"
}

// windowPoints are the values in the window ending at q as the trend line is fitted to them,
// and whether the series goes below 0 or above 100 (which widens its natural range).
func (s series) windowPoints(q period.Quarter, window int) (pts []trend.Point, negative, above100 bool) {
	m := s.memo
	if m.holds(q, max(window, 1)) && m.fittedDone {
		return m.fitted, m.negative, m.above100
	}
	all := s.window(q, window)
	for i, p := range all {
		if p.ok {
			if pts == nil {
				pts = make([]trend.Point, 0, len(all))
			}
			pts = append(pts, trend.Point{Label: p.label, Pos: float64(i), Value: p.value})
			above100 = above100 || p.value > 100
			negative = negative || p.value < 0
		}
	}
	if m.holds(q, max(window, 1)) {
		m.fitted, m.negative, m.above100, m.fittedDone = pts, negative, above100, true
	}
	return pts, negative, above100
}
