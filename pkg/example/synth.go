package example

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"strconv"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
)

// seed fixes every random draw of the example; changing it changes every series.
const seed = 20231001

// maxAttempts bounds the search for a series; the outlooks are all reachable well within it.
const maxAttempts = 200000

// series is an indicator's data by own-period index (quarter or month index); a period absent
// from the map is not in the data at all, one with Missing set is written as n/a.
type series map[int]data.Value

// rngFor gives each indicator its own stream, so editing one indicator leaves the others' data
// as it was.
func rngFor(code string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(code))
	return rand.New(rand.NewPCG(seed, h.Sum64()))
}

// synthesiseKPI searches for a plausible series that the report engine rates and trends as k
// wants at 2023/24 Q1 and Q2.
func synthesiseKPI(k kpi) (series, error) {
	ind := k.indicator()
	rng := rngFor(k.Code)
	periods := ownPeriods(k.monthly())
	perQuarter := 1
	if k.monthly() {
		perQuarter = 3
	}
	for attempt := 0; attempt < maxAttempts; attempt++ {
		shape := drawShape(rng, len(periods), perQuarter, k.Scale)
		s, ok := k.place(rng, periods, shape)
		if !ok {
			continue
		}
		got, err := judge(ind, s)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k.Code, err)
		}
		if got == k.Want {
			return s, nil
		}
	}
	return nil, fmt.Errorf("%s: no series found in %d attempts that gives %+v", k.Code, maxAttempts, k.Want)
}

// drawShape is a level-free series: a straight line that bends once in the last two years,
// plus noise. Bending lets a series be stable at Q1 yet worsening at Q2 and the like.
func drawShape(rng *rand.Rand, n, perQuarter int, scale float64) []float64 {
	per := float64(perQuarter)
	sigma := scale * (0.15 + 0.4*rng.Float64())
	early := scale * (rng.Float64()*1.2 - 0.6) / per
	late := scale * (rng.Float64()*2 - 1) / per
	bend := n - perQuarter*(1+rng.IntN(8))
	out := make([]float64, n)
	for t := range out {
		trend := early * float64(t)
		if t > bend {
			trend = early*float64(bend) + late*float64(t-bend)
		}
		out[t] = trend + sigma*rng.NormFloat64()
	}
	return out
}

// place lifts shape so the value the report shows at 2023/24 Q2 falls in the band of the
// rating wanted there, rounds it as the data files carry it, and leaves out what is not yet
// available. It reports false when a value would be implausible.
func (k kpi) place(rng *rand.Rand, periods []int, shape []float64) (series, bool) {
	anchor := reportQuarter
	if k.Stale {
		anchor = reportQuarter.Add(-1)
	}
	lo, hi := k.band(k.Want.RAGQ2)
	aim := lo + (hi-lo)*(0.1+0.8*rng.Float64())

	var inAnchor []float64
	for i, p := range periods {
		if quarterOfPeriod(k.monthly(), p) == anchor && !k.withheld(p) {
			inAnchor = append(inAnchor, shape[i])
		}
	}
	offset := aim - aggregate(k.Aggregate, inAnchor)

	places := dataPlaces(k.Unit, k.Decimals)
	top := k.Max
	if top == 0 && k.Unit == catalogue.Percent {
		top = 100
	}
	s := series{}
	for i, p := range periods {
		if k.withheld(p) {
			continue
		}
		v := roundTo(shape[i]+offset, places)
		if v < 0 || (top > 0 && v > top) {
			return nil, false
		}
		s[p] = data.Value{V: v}
	}
	if k.Stale {
		s[reportQuarter.Index()] = data.Value{Missing: true}
	}
	return s, true
}

// withheld reports whether own period p is not yet in the data: the stale KPI's 2023/24 Q2
// (given as n/a instead) and the partial KPI's September 2023.
func (k kpi) withheld(p int) bool {
	if k.Stale && !k.monthly() && p == reportQuarter.Index() {
		return true
	}
	if k.Partial && k.monthly() && p == calendar.LastMonth(reportQuarter).Index() {
		return true
	}
	return false
}

// band is the range of values rated status, reaching a couple of typical movements beyond
// the target or floor on the open side.
func (k kpi) band(status string) (lo, hi float64) {
	t, f, w := k.Now.Target, k.Now.Floor, k.Scale
	if k.Polarity == catalogue.Lower {
		switch status {
		case "green":
			return max(t-1.5*w, 0), t
		case "amber":
			return t, f
		default:
			return f, f + 2*w
		}
	}
	switch status {
	case "green":
		top := t + 1.5*w
		if k.Unit == catalogue.Percent {
			top = min(top, 100)
		}
		return t, top
	case "amber":
		return f, t
	default:
		return f - 2*w, f
	}
}

// aggregate is a quarter value from the shape of its months, as the report engine takes it.
func aggregate(how catalogue.Aggregate, months []float64) float64 {
	switch how {
	case catalogue.Mean:
		sum := 0.0
		for _, v := range months {
			sum += v
		}
		return sum / float64(len(months))
	case catalogue.Sum:
		sum := 0.0
		for _, v := range months {
			sum += v
		}
		return sum
	}
	return months[len(months)-1]
}

// roundTo rounds to the given decimal places by way of the decimal text, so the value is the
// one a spreadsheet shows and a reader parses back.
func roundTo(v float64, places int) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', places, 64), 64)
	if r == 0 {
		return 0 // no negative zero
	}
	return r
}

// synthesiseActivity draws a gently growing series with noise and sets the expected ranges so
// that its 2023/24 Q2 value is a.Want and earlier years are within range.
func synthesiseActivity(a activity) (series, []yearRange) {
	rng := rngFor(a.Code)
	periods := ownPeriods(a.monthly())
	s := series{}
	quarterly := map[int][]float64{} // quarter index -> its own-period values
	for _, p := range periods {
		q := quarterOfPeriod(a.monthly(), p)
		step := float64(q.Index() - firstQuarter.Index())
		v := a.Level * math.Pow(1+a.Growth, step) * (1 + 0.04*rng.NormFloat64())
		v = roundTo(v, 0)
		s[p] = data.Value{V: v}
		quarterly[q.Index()] = append(quarterly[q.Index()], v)
	}
	quarterValue := func(qi int) float64 { return aggregate(a.Aggregate, quarterly[qi]) }

	var history []float64
	for q := firstQuarter; q.Year < resetYear; q = q.Add(1) {
		history = append(history, quarterValue(q.Index()))
	}
	lowest, highest := history[0], history[0]
	for _, v := range history {
		lowest, highest = min(lowest, v), max(highest, v)
	}
	before := yearRange{Year: firstYear, Lower: niceDown(lowest * 0.95), Upper: niceUp(highest * 1.05)}

	v := quarterValue(reportQuarter.Index())
	now := yearRange{Year: resetYear}
	switch a.Want {
	case "above":
		now.Upper = niceDown(v * 0.94)
		now.Lower = niceDown(now.Upper * 0.8)
	case "below":
		now.Lower = niceUp(v * 1.06)
		now.Upper = niceUp(now.Lower * 1.25)
	default:
		now.Lower, now.Upper = niceDown(v*0.88), niceUp(v*1.12)
	}
	return s, []yearRange{before, now}
}

// niceDown and niceUp round to two significant figures, as an expected range is set.
func niceDown(v float64) float64 { return nice(v, math.Floor) }
func niceUp(v float64) float64   { return nice(v, math.Ceil) }

func nice(v float64, round func(float64) float64) float64 {
	if v <= 0 {
		return 0
	}
	unit := math.Pow(10, math.Floor(math.Log10(v))-1)
	return round(v/unit) * unit
}
