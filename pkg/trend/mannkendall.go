package trend

import (
	"math"
	"slices"
)

const (
	mannKendallNeeds = 4
	// exactMaxPoints is the longest tie-free series whose p comes from the exact null
	// distribution of S; beyond it, and with any ties, the normal approximation is used.
	exactMaxPoints = 10
)

// mkStats follows pyMannKendall's original_test (mmhs013/pyMannKendall@ec2e3ab): S over the
// points in time order, var(S) with the tie correction, Z with the continuity correction,
// Tau = S / (n(n-1)/2). Only the p differs for short tie-free series, where the contract asks
// for the exact distribution of S instead of the normal approximation.
type mkStats struct {
	s      int
	varS   float64
	z      float64
	p      float64
	tau    float64
	exactP bool
}

func mannKendall(values []float64) mkStats {
	n := len(values)
	var st mkStats
	for i := 0; i < n-1; i++ {
		for j := i + 1; j < n; j++ {
			st.s += sign(values[j] - values[i])
		}
	}
	nf := float64(n)
	st.varS = (nf*(nf-1)*(2*nf+5) - tieTerm(values)) / 18
	switch {
	case st.s > 0:
		st.z = float64(st.s-1) / math.Sqrt(st.varS)
	case st.s < 0:
		st.z = float64(st.s+1) / math.Sqrt(st.varS)
	}
	if n > 1 {
		st.tau = float64(st.s) / (nf * (nf - 1) / 2)
	}
	if n <= exactMaxPoints && !hasTies(values) {
		st.p = exactTwoSidedP(n, st.s)
		st.exactP = true
	} else {
		// erfc keeps precision in the far tail, where pyMannKendall's 2*(1-Phi(|z|)) rounds to 0.
		st.p = clampProbability(math.Erfc(math.Abs(st.z) / math.Sqrt2))
	}
	return st
}

// tieTerm is sum over groups of equal values of t(t-1)(2t+5).
func tieTerm(values []float64) float64 {
	sorted := slices.Clone(values)
	slices.Sort(sorted)
	var term float64
	for i := 0; i < len(sorted); {
		j := i + 1
		for j < len(sorted) && sorted[j] == sorted[i] {
			j++
		}
		t := float64(j - i)
		term += t * (t - 1) * (2*t + 5)
		i = j
	}
	return term
}

func hasTies(values []float64) bool {
	for i := range values {
		for j := i + 1; j < len(values); j++ {
			if values[i] == values[j] {
				return true
			}
		}
	}
	return false
}

// permutationsByInversions[n][q] counts the permutations of n items with q inversions. With no
// ties S = n(n-1)/2 - 2q, so these counts are the exact null distribution of S.
var permutationsByInversions = func() [exactMaxPoints + 1][]float64 {
	var table [exactMaxPoints + 1][]float64
	table[0] = []float64{1}
	for n := 1; n <= exactMaxPoints; n++ {
		prev := table[n-1]
		cur := make([]float64, len(prev)+n-1)
		for q := range prev {
			// The n-th item inserted at depth d adds d inversions, for d = 0..n-1.
			for d := 0; d < n; d++ {
				cur[q+d] += prev[q]
			}
		}
		table[n] = cur
	}
	return table
}()

// exactUpperTail is P(S >= s) under no trend for a tie-free series of n points.
func exactUpperTail(n, s int) float64 {
	if n < 1 || n > exactMaxPoints {
		return math.NaN()
	}
	counts := permutationsByInversions[n]
	pairs := n * (n - 1) / 2
	// S >= s exactly when q <= (pairs - s) / 2.
	limit := pairs - s
	if limit < 0 {
		return 0
	}
	maxQ := limit / 2
	var hits, total float64
	for q, c := range counts {
		total += c
		if q <= maxQ {
			hits += c
		}
	}
	return hits / total
}

// exactTwoSidedP is P(|S| >= |s|): the null distribution is symmetric, so twice one tail.
func exactTwoSidedP(n, s int) float64 {
	if s == 0 {
		return 1
	}
	if s < 0 {
		s = -s
	}
	return clampProbability(2 * exactUpperTail(n, s))
}

// senSlope is the median of the pairwise slopes over the points' own positions, skipping pairs
// at the same position; the intercept is median(value) - median(position) * slope (Conover),
// both as pyMannKendall's sens_slope computes them on a series with missing values.
func senSlope(points []Point) (slope, intercept float64) {
	n := len(points)
	slopes := make([]float64, 0, n*(n-1)/2)
	for i := 0; i < n-1; i++ {
		for j := i + 1; j < n; j++ {
			if dx := points[j].Pos - points[i].Pos; dx != 0 {
				slopes = append(slopes, (points[j].Value-points[i].Value)/dx)
			}
		}
	}
	slope = median(slopes)
	values := make([]float64, n)
	positions := make([]float64, n)
	for i, p := range points {
		values[i] = p.Value
		positions[i] = p.Pos
	}
	intercept = median(values) - median(positions)*slope
	return slope, intercept
}

func analyseMannKendall(r *Result, points []Point) {
	if len(points) < mannKendallNeeds {
		r.Direction = Insufficient
		return
	}
	values := make([]float64, len(points))
	for i, p := range points {
		values[i] = p.Value
	}
	st := mannKendall(values)
	slope, intercept := senSlope(points)
	r.S = ptr(st.s)
	r.VarS = ptr(st.varS)
	r.Z = ptr(st.z)
	r.PValue = ptr(st.p)
	r.Tau = ptr(st.tau)
	r.SenSlope = ptr(slope)
	r.SenIntercept = ptr(intercept)
	r.Direction = Stable
	if st.p < r.alpha {
		r.Direction = directionOf(sign(float64(st.s)), r.polarity)
	}
}
