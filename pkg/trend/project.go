package trend

import (
	"math"
	"sync"
	"sync/atomic"
)

// Projection is a value forecast from the least-squares line, with its prediction interval.
type Projection struct {
	Value, Lower, Upper float64
}

// Project extends the least-squares line through points to atPos (in the same position units)
// and gives the prediction interval at level (0.95 for 95%) for a single new observation there:
// fitted ± t(n-2) × s × √(1 + 1/n + (atPos − mean Pos)² / Sxx). It reports false with fewer
// than three usable points, a level outside (0, 1), or a non-finite answer.
func Project(points []Point, atPos float64, level float64) (Projection, bool) {
	if !isFinite(atPos) || !(level > 0 && level < 1) {
		return Projection{}, false
	}
	line, ok := Fit(points)
	if !ok {
		return Projection{}, false
	}
	return line.Project(atPos, level)
}

// Line is the least-squares line through a set of points, fitted once to be projected to
// several positions (a return to target looks ahead a quarter at a time).
type Line struct {
	fit olsFit
	ok  bool
}

// Fit fits the least-squares line through points, as Project does; it reports false with fewer
// than three usable points or every point at one position, and the Line then projects nothing.
func Fit(points []Point) (Line, bool) {
	fit, ok := fitOLS(cleanPoints(points))
	return Line{fit: fit, ok: ok}, ok
}

// Project is Project's answer for the points the line was fitted to.
func (l Line) Project(atPos float64, level float64) (Projection, bool) {
	if !l.ok || !isFinite(atPos) || !(level > 0 && level < 1) {
		return Projection{}, false
	}
	fit := l.fit
	value := fit.intercept + fit.slope*atPos
	residualVariance := fit.rss / float64(fit.n-2)
	dx := atPos - fit.meanPos
	spread := math.Sqrt(residualVariance * (1 + 1/float64(fit.n) + dx*dx/fit.sxx))
	half := tQuantile(fit.n-2, 1-(1-level)/2) * spread
	p := Projection{Value: value, Lower: value - half, Upper: value + half}
	if !isFinite(p.Value) || !isFinite(p.Lower) || !isFinite(p.Upper) {
		return Projection{}, false
	}
	return p, true
}

// quantiles keeps Student's t quantiles already worked out: a build projects every KPI at
// the same level over a handful of degrees of freedom, and each quantile is an iterative
// inversion of the incomplete beta function, more than the rest of the projection's cost.
var quantiles sync.Map // quantileKey -> float64

type quantileKey struct {
	df int
	p  float64
}

func tQuantile(df int, p float64) float64 {
	if df >= 0 && df < len(recentQuantiles) {
		if e := recentQuantiles[df].Load(); e != nil && e.p == p {
			return e.q
		}
	}
	k := quantileKey{df, p}
	q, ok := quantiles.Load(k)
	if !ok {
		q = studentsT(df).Quantile(p)
		quantiles.Store(k, q)
	}
	if df >= 0 && df < len(recentQuantiles) {
		recentQuantiles[df].Store(&quantileEntry{p: p, q: q.(float64)})
	}
	return q.(float64)
}

// recentQuantiles holds, by degrees of freedom, the last quantile looked up, read without the
// map's hashing and locking: a build asks for one level over and over.
var recentQuantiles [64]atomic.Pointer[quantileEntry]

type quantileEntry struct{ p, q float64 }
