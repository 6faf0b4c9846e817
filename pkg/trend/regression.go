package trend

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

const regressionNeeds = 3

// olsFit is an ordinary least-squares line of Value on Pos.
type olsFit struct {
	n            int
	slope        float64
	intercept    float64 // fitted value at Pos 0, the window's first period
	meanPos      float64
	sxx          float64 // sum of squared deviations of Pos from its mean
	rss          float64 // residual sum of squares
	slopeStdErr  float64
	constantSpan bool // every value equal: slope 0 exactly, not a rounding residue
}

// fitOLS fits the line with centred sums, which keeps NIST's Norris data to 1e-12 where the
// textbook sum-of-products formulae lose several digits. ok is false when there are fewer
// than three points or every point sits at one position.
func fitOLS(points []Point) (olsFit, bool) {
	n := len(points)
	if n < regressionNeeds {
		return olsFit{n: n}, false
	}
	meanPos := meanOf(points, func(p Point) float64 { return p.Pos })
	meanValue := meanOf(points, func(p Point) float64 { return p.Value })
	var sxx, sxy float64
	constant := true
	for _, p := range points {
		dx := p.Pos - meanPos
		sxx += dx * dx
		sxy += dx * (p.Value - meanValue)
		if p.Value != points[0].Value {
			constant = false
		}
	}
	if !(sxx > 0) {
		return olsFit{n: n}, false
	}
	fit := olsFit{n: n, meanPos: meanPos, sxx: sxx, constantSpan: constant}
	if constant {
		// A constant series would otherwise get a slope of a few ulps from the rounding of its
		// mean, and with a zero residual that would read as a perfectly significant trend.
		fit.intercept = points[0].Value
		return fit, true
	}
	fit.slope = sxy / sxx
	fit.intercept = meanValue - fit.slope*meanPos
	for _, p := range points {
		e := (p.Value - meanValue) - fit.slope*(p.Pos-meanPos)
		fit.rss += e * e
	}
	fit.slopeStdErr = math.Sqrt(fit.rss / float64(n-2) / sxx)
	return fit, true
}

// interceptStdErr is the standard error of the fitted value at Pos 0.
func (f olsFit) interceptStdErr() float64 {
	s2 := f.rss / float64(f.n-2)
	return math.Sqrt(s2 * (1/float64(f.n) + f.meanPos*f.meanPos/f.sxx))
}

// slopePValue is the two-sided p of the t-test of slope = 0 with n-2 degrees of freedom. A
// constant series has p 1; an exact straight line (no residual) has p 0.
func (f olsFit) slopePValue() float64 {
	switch {
	case f.slope == 0:
		return 1
	case f.slopeStdErr == 0:
		return 0
	}
	t := math.Abs(f.slope / f.slopeStdErr)
	return clampProbability(2 * studentsT(f.n-2).Survival(t))
}

func studentsT(df int) distuv.StudentsT {
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(df)}
}

func analyseRegression(r *Result, points []Point) {
	fit, ok := fitOLS(points)
	if !ok {
		r.Direction = Insufficient
		if len(points) >= regressionNeeds {
			r.insufficiency = "every point is at the same period"
		}
		return
	}
	p := fit.slopePValue()
	r.Slope = ptr(fit.slope)
	r.Intercept = ptr(fit.intercept)
	r.StdErr = ptr(fit.slopeStdErr)
	r.PValue = ptr(p)
	r.Direction = Stable
	if p < r.alpha {
		r.Direction = directionOf(sign(fit.slope), r.polarity)
	}
}

func sign(f float64) int {
	switch {
	case f > 0:
		return 1
	case f < 0:
		return -1
	}
	return 0
}

func clampProbability(p float64) float64 {
	switch {
	case math.IsNaN(p):
		return 1 // no evidence of a trend is the safe reading of a failed computation
	case p < 0:
		return 0
	case p > 1:
		return 1
	}
	return p
}
