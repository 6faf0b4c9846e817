package trend

import (
	"math"
	"sync"
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
	fit, ok := fitOLS(cleanPoints(points))
	if !ok {
		return Projection{}, false
	}
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
	k := quantileKey{df, p}
	if q, ok := quantiles.Load(k); ok {
		return q.(float64)
	}
	q := studentsT(df).Quantile(p)
	quantiles.Store(k, q)
	return q
}
