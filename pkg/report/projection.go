package report

import (
	"fmt"
	"math"
	"strconv"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/period"
)

// WithheldTooFewPoints is why a projection was not made: the window holds fewer values than
// the indicator's projection min_points.
const WithheldTooFewPoints = "too_few_points"

// WithheldYearToDate is why a year-to-date indicator has no projection: see projection.
const WithheldYearToDate = "year_to_date"

// ProjectionWithheld says why a kpi has no projection, for the reader.
type ProjectionWithheld struct {
	Reason   string `json:"reason"` // WithheldTooFewPoints or WithheldYearToDate
	Points   int    `json:"points"` // values in the window
	Needs    int    `json:"needs"`  // min_points
	Sentence string `json:"sentence"`
}

// naturalRange is the least and greatest value the unit can take: 0 to 100 for a percentage,
// at least 0 for everything else (counts, money, days, rates). A bound the indicator's own
// series already goes beyond is not natural to it and is dropped.
func naturalRange(u catalogue.Unit, seriesNegative, seriesAbove100 bool) (low, high float64) {
	low, high = 0, math.Inf(1)
	if u == catalogue.Percent && !seriesAbove100 {
		high = 100
	}
	if seriesNegative {
		low = math.Inf(-1)
	}
	return low, high
}

// cutTo cuts the projection and its interval to [low, high], marking what was cut.
func (p *Projection) cutTo(low, high float64) {
	clamp := func(v *float64, cut *bool) {
		if *v < low {
			*v, *cut = low, true
		}
		if *v > high {
			*v, *cut = high, true
		}
	}
	clamp(&p.Lower, &p.LowerCut)
	clamp(&p.Upper, &p.UpperCut)
	clamp(&p.Value, &p.ValueCut)
}

// note says what the projection rests on and where it was cut: "Fitted to 3 quarters; the
// interval is cut at 0, the least the value can be."
func (p *Projection) note(noun string, u catalogue.Unit, low, high float64) string {
	s := "Fitted to " + counted(p.Points, noun)
	atLow := func(v float64, cut bool) bool { return cut && v == low }
	atHigh := func(v float64, cut bool) bool { return cut && v == high }
	var cuts []string
	if atLow(p.Lower, p.LowerCut) || atLow(p.Upper, p.UpperCut) {
		cuts = append(cuts, "at "+bound(low, u)+", the least the value can be")
	}
	if atHigh(p.Upper, p.UpperCut) || atHigh(p.Lower, p.LowerCut) {
		cuts = append(cuts, "at "+bound(high, u)+", the most the value can be")
	}
	switch len(cuts) {
	case 1:
		s += "; the interval is cut " + cuts[0]
	case 2:
		s += "; the interval is cut " + cuts[0] + " and " + cuts[1]
	}
	return s + "."
}

func bound(v float64, u catalogue.Unit) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if u == catalogue.Percent {
		return s + "%"
	}
	if u == catalogue.Currency {
		return "£" + s
	}
	return s
}

// counted is "3 quarters" for a quarterly series, "5 months" for a monthly one.
func counted(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// rebasePositions are the indicator's spc recalculation points as positions in the window
// ending at q, counted in its own periods from 0 at the window's first period.
func (s series) rebasePositions(q period.Quarter, quarters int) []float64 {
	if len(s.ind.SPC.Rebase) == 0 {
		return nil
	}
	first := q.Add(-(max(quarters, 1) - 1))
	origin := first.Index()
	if s.monthly() {
		origin = s.cal.Months(first)[0].Index()
	}
	out := make([]float64, 0, len(s.ind.SPC.Rebase))
	for _, idx := range s.ind.SPC.Rebase {
		out = append(out, float64(idx-origin))
	}
	return out
}
