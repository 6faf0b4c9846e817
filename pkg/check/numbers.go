package check

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/pkg/trend"
)

// spcLimits warns of an spc indicator whose limits cannot be trusted as they stand: a
// sustained shift over the latest points (they should be recalculated from where it began),
// or fewer than 12 points behind them (provisional).
func spcLimits(at diag.Place, ri *report.Indicator) []diag.Problem {
	t := ri.Trend
	if t == nil || t.Method != trend.SPC || t.Direction == trend.Insufficient {
		return nil
	}
	var out []diag.Problem
	noun := "quarters"
	if ri.Frequency == catalogue.Monthly {
		noun = "months"
	}
	if s := t.Shift; s != nil {
		out = append(out, warn(at, "%s: the last %d %s are all %s the SPC average, a sustained shift, so limits computed across it describe neither process (the assurance is not judged); recalculate them from %s with spc: {rebase: [%q]}",
			ri.Code, s.Points, noun, s.Side, s.From, s.From))
	}
	if t.Provisional && len(t.Segments) > 0 {
		seg := t.Segments[len(t.Segments)-1]
		out = append(out, warn(at, "%s: the SPC limits rest on %d %s (from %s), fewer than the %d needed, so they are provisional",
			ri.Code, seg.Points, noun, seg.From, trend.ProvisionalBelow))
	}
	return out
}

// ratioDisagreements warns where a ratio indicator's stated value is not its numerator over
// its denominator, beyond the rounding of the value as written.
func ratioDisagreements(cat *catalogue.Catalogue, store *data.Store, q period.Quarter) []diag.Problem {
	var out []diag.Problem
	var series []seriesEntry
	for _, ind := range cat.Indicators {
		if ind.Aggregate != catalogue.Ratio {
			continue
		}
		series = ownSeries(series, cat.Calendar, ind, store, q)
		for _, e := range series {
			r := e.value.Ratio
			if r == nil || !r.StatedGiven {
				continue
			}
			exact := r.Numerator / r.Denominator * ind.Unit.RatioScale()
			if math.Abs(r.Stated-exact) <= roundingOf(r.Stated)+1e-9*math.Abs(exact) {
				continue
			}
			out = append(out, warn(e.value.Place, "%s %s: the value %s is not its numerator over its denominator (%s / %s = %s); the report uses the ratio, so check the value or the counts",
				ind.Code, e.label(cat.Calendar, ind), fmtNum(r.Stated), fmtNum(r.Numerator), fmtNum(r.Denominator), withUnit(exact, ind.Unit)).About(ind.Code, e.label(cat.Calendar, ind)))
		}
	}
	return out
}

// roundingOf is half a unit in the last decimal place v is written with: 63 may stand for
// anything from 62.5 to 63.5, 63.4 for 63.35 to 63.45.
func roundingOf(v float64) float64 {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	places := 0
	for i := len(s) - 1; i >= 0 && s[i] != '.'; i-- {
		places++
	}
	if places == len(s) { // no decimal point
		places = 0
	}
	return 0.5 * math.Pow(10, -float64(places))
}

func withUnit(v float64, u catalogue.Unit) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	if u == catalogue.Percent {
		return s + "%"
	}
	return s
}

// seriesEntry is one present value of an indicator's own series, with its period's index.
type seriesEntry struct {
	idx   int
	value data.Value
}

// label names the entry's period, for a message.
func (e seriesEntry) label(cal period.Calendar, ind *catalogue.Indicator) string {
	if ind.Frequency == catalogue.Monthly {
		return period.MonthFromIndex(e.idx).String()
	}
	return cal.Label(period.FromIndex(e.idx))
}

// ownSeries is the indicator's present values up to the end of quarter q, oldest first,
// appended to buf[:0] (a caller going through every indicator reuses one buffer).
func ownSeries(buf []seriesEntry, cal period.Calendar, ind *catalogue.Indicator, store *data.Store, q period.Quarter) []seriesEntry {
	out := buf[:0]
	for idx, v := range store.Series(ind.Code).All() {
		if v.Missing {
			continue
		}
		if ind.Frequency == catalogue.Monthly {
			if cal.QuarterOf(period.MonthFromIndex(idx)).Index() > q.Index() {
				break
			}
		} else if idx > q.Index() {
			break
		}
		out = append(out, seriesEntry{idx: idx, value: v})
	}
	return out
}

// Scale breaks. A value is compared with the median of up to scaleNeighbours present values
// either side of it. It is flagged only when its neighbours agree among themselves (the
// largest at most scaleSpread times the smallest, all above 0) and it stands about 100 times
// above or below them (within a factor of 2 of exactly 100): real series, however volatile,
// do not jump by a hundredfold and back, while a percentage typed as a fraction (0.61 among
// values around 63), or a value typed in the wrong unit, does exactly that.
const (
	scaleNeighbours = 4
	scaleMinAround  = 3
	scaleSpread     = 10.0
)

// scaleBreaks warns of values whose scale breaks from their own series, and of a percentage
// above 100 in a series that otherwise stays at or below it.
func scaleBreaks(cat *catalogue.Catalogue, store *data.Store, q period.Quarter) []diag.Problem {
	var out []diag.Problem
	var series []seriesEntry
	for _, ind := range cat.Indicators {
		series = ownSeries(series, cat.Calendar, ind, store, q)
		above100 := 0
		for _, e := range series {
			if e.value.V > 100 {
				above100++
			}
		}
		for i, e := range series {
			v := e.value.V
			var around float64
			var ok bool
			if v > 0 && !sameScaleAround(series, i, v) {
				around, ok = neighbourLevel(series, i)
			}
			switch {
			case ok && v > 0 && nearHundredfold(around/v):
				hint := ""
				if ind.Unit == catalogue.Percent && v <= 1.5 {
					hint = fmt.Sprintf(": a percentage typed as a fraction? write %s or %s%%", fmtNum(v*100), fmtNum(v*100))
				}
				out = append(out, warn(e.value.Place, "%s %s: %s is about a hundredth of the values around it (about %s)%s",
					ind.Code, e.label(cat.Calendar, ind), fmtNum(v), fmtNum(around), orCheck(hint)).About(ind.Code, e.label(cat.Calendar, ind)))
			case ok && v > 0 && nearHundredfold(v/around):
				out = append(out, warn(e.value.Place, "%s %s: %s is about a hundred times the values around it (about %s); check its unit",
					ind.Code, e.label(cat.Calendar, ind), fmtNum(v), fmtNum(around)).About(ind.Code, e.label(cat.Calendar, ind)))
			case ind.Unit == catalogue.Percent && v > 100 && above100*2 < len(series):
				out = append(out, warn(e.value.Place, "%s %s: %s%% is above 100%% while the rest of its series is not; check the value",
					ind.Code, e.label(cat.Calendar, ind), fmtNum(v)).About(ind.Code, e.label(cat.Calendar, ind)))
			}
		}
	}
	return out
}

func orCheck(hint string) string {
	if hint != "" {
		return hint
	}
	return "; check its unit"
}

// neighbourLevel is the median of the present values either side of series[i], when there are
// enough of them and they agree on a scale.
func neighbourLevel(series []seriesEntry, i int) (float64, bool) {
	var buf [2 * scaleNeighbours]float64
	around := buf[:0]
	for j := max(0, i-scaleNeighbours); j <= min(len(series)-1, i+scaleNeighbours); j++ {
		if j != i {
			around = append(around, series[j].value.V)
		}
	}
	if len(around) < scaleMinAround {
		return 0, false
	}
	slices.Sort(around)
	if around[0] <= 0 || around[len(around)-1] > scaleSpread*around[0] {
		return 0, false
	}
	n := len(around)
	if n%2 == 1 {
		return around[n/2], true
	}
	return (around[n/2-1] + around[n/2]) / 2, true
}

// sameScaleAround reports, without sorting them, that no median of the values either side of
// series[i] could be about a hundred times v (v > 0) or a hundredth of it: every one of them
// is within 49 times v, so the median is, short of the 50 nearHundredfold asks for with room
// for rounding. It is the usual case, and neighbourLevel is then not needed.
func sameScaleAround(series []seriesEntry, i int, v float64) bool {
	for j := max(0, i-scaleNeighbours); j <= min(len(series)-1, i+scaleNeighbours); j++ {
		if j != i {
			if a := series[j].value.V; !(a < 49*v && a > v/49) {
				return false
			}
		}
	}
	return true
}

// nearHundredfold reports whether ratio is within a factor of 2 of 100.
func nearHundredfold(ratio float64) bool { return ratio >= 50 && ratio <= 200 }
