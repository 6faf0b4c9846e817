package present

import (
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/pkg/trend"
)

// randomIndicator is one random indicator with its catalogue line and series: quarterly or
// monthly (last, sum or mean), any trend method and window, either polarity, values with gaps
// (the latest periods too), ties, steps, straight lines and noise.
type randomIndicator struct {
	line    string
	monthly bool
	agg     string
	method  trend.Method
	window  int
	lower   bool
	target  float64
	values  map[int]data.Value // by quarter or month index
}

var reportQuarter = func() period.Quarter {
	q, err := period.DefaultCalendar.ParseQuarter("2023/24 Q4")
	if err != nil {
		panic(err)
	}
	return q
}()

func newRandomIndicator(rng *rand.Rand) randomIndicator {
	ri := randomIndicator{
		monthly: rng.IntN(3) == 0,
		method:  trend.Methods[rng.IntN(len(trend.Methods))],
		window:  2 + rng.IntN(11),
		lower:   rng.IntN(2) == 0,
		values:  map[int]data.Value{},
	}
	pol := "higher"
	if ri.lower {
		pol = "lower"
	}
	base := 20 + rng.Float64()*60
	ri.target = math.Round(base + rng.NormFloat64()*5)
	ri.line = fmt.Sprintf("{code: K, name: K, directorate: D, polarity: %s, unit: percent, decimals: %d, target: %v, trend: {method: %s, window: %d}, projection: {min_points: 3}",
		pol, rng.IntN(2), ri.target, ri.method, ri.window)
	if ri.monthly {
		ri.agg = []string{"last", "sum", "mean"}[rng.IntN(3)]
		ri.line += ", frequency: monthly, aggregate: " + ri.agg
	}
	ri.line += "}"

	periods := 24
	if ri.monthly {
		periods = 72
	}
	shape := rng.IntN(6)
	jump := 15 * float64(1-2*rng.IntN(2))
	slope := rng.NormFloat64() * 0.8
	missing := rng.Float64() * 0.4
	trailing := 0
	if rng.IntN(3) == 0 {
		trailing = 1 + rng.IntN(3) // the latest periods empty
	}
	for i := range periods {
		if i >= periods-trailing || rng.Float64() < missing {
			continue
		}
		var v float64
		switch shape {
		case 0: // a line with noise
			v = base + slope*float64(i) + rng.NormFloat64()*2
		case 1: // constant
			v = base
		case 2: // ties: a step between two levels
			v = base
			if i > periods*2/3 {
				v = base + 1
			}
		case 3: // whole numbers with noise (ties among them)
			v = math.Round(base + rng.NormFloat64())
		case 4: // an exact line
			v = base + slope*float64(i)
		default: // a steady process, then a latest point far from it (an spc special cause)
			v = base + rng.NormFloat64()*0.5
			if i == periods-1-trailing {
				v = base + jump
			}
		}
		v = math.Min(math.Max(v, 0), 100)
		idx := reportQuarter.Add(-(periods - 1 - i)).Index()
		if ri.monthly {
			idx = period.DefaultCalendar.Months(reportQuarter)[2].Add(-(periods - 1 - i)).Index()
		}
		ri.values[idx] = data.Value{V: data.Round10(v)}
	}
	return ri
}

func (ri randomIndicator) build(t *testing.T) *report.Indicator {
	t.Helper()
	cat, err := catalogue.Parse("c.yaml", []byte("directorates: [{code: D, name: D}]\nindicators:\n  - "+ri.line+"\n"))
	if err != nil {
		t.Fatalf("%s: %v", ri.line, err)
	}
	r, err := report.Build(report.Options{Catalogue: cat, Store: data.StoreOf(map[string]map[int]data.Value{"K": ri.values}), Pack: catalogue.Pack{ID: "p"}, Period: reportQuarter})
	if err != nil {
		t.Fatal(err)
	}
	return &r.Indicators[0]
}

// windowPoints are the present values of the trend window, oldest first, with each one's
// position, period label and the window's length in periods: worked out here from the
// values, not from the report.
type windowPoint struct {
	pos   int
	label string
	value float64
}

func (ri randomIndicator) windowValues() (pts []windowPoint, length int) {
	first := reportQuarter.Add(-(ri.window - 1))
	length = ri.window
	if ri.monthly {
		length = ri.window * 3
	}
	for i := range length {
		var idx int
		var label string
		if ri.monthly {
			m := period.DefaultCalendar.Months(first)[0].Add(i)
			idx, label = m.Index(), m.Name()
		} else {
			q := first.Add(i)
			idx, label = q.Index(), period.DefaultCalendar.Label(q)
		}
		if v, ok := ri.values[idx]; ok {
			pts = append(pts, windowPoint{i, label, v.V})
		}
	}
	return pts, length
}

var (
	lastN     = regexp.MustCompile(`over the last (\d+) (quarter|month)s?\b`)
	fromTo    = regexp.MustCompile(`over (\d+) (?:quarter|month)s? from (.+?) to (.+?)(?: \(|,|$)`)
	upDown    = regexp.MustCompile(`: (up|down) £?([0-9,.]+)(?: points?| days?)? a (quarter|month)`)
	interval  = regexp.MustCompile(`prediction interval (-?[0-9,.]+)%? to (-?[0-9,.]+)%?\)`)
	projected = regexp.MustCompile(`Projected for [^:]+: (-?[0-9,.]+)%? \(`)
)

// TestSentencesTrueToTheirSeries checks every claim a trend or projection sentence makes
// against the series it was made from, over random indicators.
func TestSentencesTrueToTheirSeries(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 3))
	for i := range 600 {
		ri := newRandomIndicator(rng)
		in := ri.build(t)
		tr := in.Trend
		s := tr.Sentence
		fail := func(format string, args ...any) {
			t.Helper()
			t.Errorf("case %d %s\n  sentence %q\n  %s", i, ri.line, s, fmt.Sprintf(format, args...))
		}
		pts, length := ri.windowValues()

		// direction: the headline is the direction's word, never contradicted by the words after it
		if head := strings.ToLower(strings.SplitN(s, ":", 2)[0]); head != string(tr.Direction) && !(tr.Direction == report.Insufficient && head == "insufficient data") {
			fail("headline %q for direction %q", head, tr.Direction)
		}
		if strings.Contains(s, "no clear trend") && tr.Direction != report.Stable {
			fail("no clear trend beside %s", tr.Direction)
		}

		// span and points
		if tr.Method != trend.LastChange && tr.Method != trend.YearOnYear && tr.Direction != report.Insufficient {
			if tr.Points != len(pts) {
				fail("points %d, the window holds %d values", tr.Points, len(pts))
			}
			if m := lastN.FindStringSubmatch(s); m != nil {
				n, _ := strconv.Atoi(m[1])
				if n != len(pts) || len(pts) == 0 || pts[0].pos != length-n {
					fail("says the last %d periods; values at %v of %d", n, positions(pts), length)
				}
			} else if m := fromTo.FindStringSubmatch(s); m != nil {
				n, _ := strconv.Atoi(m[1])
				if n != len(pts) || m[2] != pts[0].label || m[3] != pts[len(pts)-1].label {
					fail("says %s from %s to %s; values %d from %s to %s", m[1], m[2], m[3], len(pts), pts[0].label, pts[len(pts)-1].label)
				}
			} else if tr.Method != trend.SPC {
				fail("names no span")
			}
			if tr.Method == trend.SPC && strings.Contains(s, "the latest "+noun(ri)+" is") && pts[len(pts)-1].pos != length-1 {
				fail("speaks of the latest period, which has no value")
			}
		}

		// slope: up or down as its sign, the amount its size
		if m := upDown.FindStringSubmatch(s); m != nil {
			slope := tr.Slope
			if tr.Method == trend.MannKendall {
				slope = tr.SenSlope
			}
			if slope == nil || (m[1] == "up") != (*slope > 0) {
				fail("says %s for slope %v", m[1], slope)
			} else if shown := number(m[2]); math.Abs(shown-math.Abs(*slope)) > halfUnit(m[2])+1e-9 {
				fail("shows %s for a slope of %v", m[2], *slope)
			}
			if (m[1] == "up") == ri.lower && tr.Direction == report.Improving || (m[1] == "up") != ri.lower && tr.Direction == report.Worsening {
				fail("direction %s against polarity", tr.Direction)
			}
		}

		// comparison: the quarters compared, like with like
		if tr.Method == trend.LastChange || tr.Method == trend.YearOnYear {
			back := 1
			if tr.Method == trend.YearOnYear {
				back = 4
			}
			cur, curMonths := ri.quarter(reportQuarter)
			ref, refMonths := ri.quarter(reportQuarter.Add(-back))
			switch {
			case cur == nil || ref == nil:
				if tr.Direction != report.Insufficient {
					fail("compared with a missing quarter")
				}
			case ri.agg == "sum" && curMonths != refMonths:
				if tr.Direction != report.Insufficient || !strings.Contains(s, "cannot be compared") {
					fail("compared a total of %d months with one of %d", curMonths, refMonths)
				}
			case tr.Change == nil || math.Abs(*tr.Change-(*cur-*ref)) > 1e-6:
				fail("change %v, the quarters differ by %v", tr.Change, *cur-*ref)
			}
		}

		// spc assurance: never claimed against the latest point
		if tr.Method == trend.SPC && tr.Assurance != nil && len(pts) > 0 {
			last := pts[len(pts)-1].value
			meets := last >= ri.target
			if ri.lower {
				meets = last <= ri.target
			}
			if (*tr.Assurance == trend.AssurancePass && !meets) || (*tr.Assurance == trend.AssuranceFail && meets) {
				fail("assurance %s beside a latest value of %v against %v", *tr.Assurance, last, ri.target)
			}
		}

		// projection: the value shown keeps its rating; the interval is a real one
		if p := ProjectionSentence(in); in.Projection != nil {
			pr := in.Projection
			m := projected.FindStringSubmatch(p)
			if m == nil {
				t.Errorf("case %d: projection sentence %q", i, p)
				continue
			}
			shown := number(m[1])
			if ratingOf(shown, ri) != ratingOf(pr.Value, ri) {
				t.Errorf("case %d: projection %q shows %v for %v, which rates differently", i, p, shown, pr.Value)
			}
			if iv := interval.FindStringSubmatch(p); iv != nil {
				lo, hi := number(iv[1]), number(iv[2])
				if lo > hi || (lo == hi && (pr.LowerCut || pr.UpperCut)) {
					t.Errorf("case %d: interval in %q", i, p)
				}
			} else if !strings.Contains(p, "lies entirely") {
				t.Errorf("case %d: no interval in %q", i, p)
			}
		}
	}
}

func positions(pts []windowPoint) []int {
	var out []int
	for _, p := range pts {
		out = append(out, p.pos)
	}
	return out
}

func noun(ri randomIndicator) string {
	if ri.monthly {
		return "month"
	}
	return "quarter"
}

// quarter is the quarter value of q worked out from the months (or the quarter's own value),
// with the months present (3 for a quarterly indicator).
func (ri randomIndicator) quarter(q period.Quarter) (*float64, int) {
	if !ri.monthly {
		v, ok := ri.values[q.Index()]
		if !ok {
			return nil, 0
		}
		return &v.V, 3
	}
	var present []float64
	for _, m := range period.DefaultCalendar.Months(q) {
		if v, ok := ri.values[m.Index()]; ok {
			present = append(present, v.V)
		}
	}
	if len(present) == 0 {
		return nil, 0
	}
	var sum float64
	for _, v := range present {
		sum += v
	}
	out := present[len(present)-1]
	switch ri.agg {
	case "sum":
		out = sum
	case "mean":
		out = sum / float64(len(present))
	}
	return &out, len(present)
}

func number(s string) float64 {
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		return math.NaN()
	}
	return v
}

// halfUnit is half the last shown place of s: the most rounding can have moved it.
func halfUnit(s string) float64 {
	_, frac, _ := strings.Cut(s, ".")
	return 0.5 * math.Pow(10, -float64(len(frac)))
}

// ratingOf rates v against the random indicator's target (no floor): green or red.
func ratingOf(v float64, ri randomIndicator) string {
	if (ri.lower && v <= ri.target) || (!ri.lower && v >= ri.target) {
		return "green"
	}
	return "red"
}
