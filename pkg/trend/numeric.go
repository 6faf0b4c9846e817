package trend

import "math"

// meanOf is the arithmetic mean with R's second pass (mean.default adds the mean residual back),
// so limits computed from it agree with NHSRplotthedots to the last few ulps.
func meanOf[T any](items []T, value func(T) float64) float64 {
	n := float64(len(items))
	if n == 0 {
		return 0
	}
	var sum float64
	for _, it := range items {
		sum += value(it)
	}
	mean := sum / n
	if !isFinite(mean) {
		return mean
	}
	var residual float64
	for _, it := range items {
		residual += value(it) - mean
	}
	return mean + residual/n
}

func meanOfFloats(xs []float64) float64 {
	return meanOf(xs, func(x float64) float64 { return x })
}

// median reorders xs. Like numpy, an even count takes the mean of the two middle values as
// (a+b)/2, which matters for reproducing pyMannKendall's Sen slopes to the last digit.
func median(xs []float64) float64 {
	n := len(xs)
	switch n {
	case 0:
		return 0
	case 1:
		return xs[0]
	}
	hi := selectKth(xs, n/2)
	if n%2 == 1 {
		return hi
	}
	lo := xs[0]
	for _, x := range xs[1 : n/2] { // selectKth left everything below index n/2 no larger
		if x > lo {
			lo = x
		}
	}
	return (lo + hi) / 2
}

// selectKth returns the value that would sit at index k if xs were sorted, partially ordering
// xs so that xs[:k] <= xs[k] <= xs[k+1:]. Sen's slope takes the median of n(n-1)/2 pairwise
// slopes, and selecting instead of sorting keeps a 10,000-indicator report quick.
func selectKth(xs []float64, k int) float64 {
	lo, hi := 0, len(xs)-1
	for hi > lo {
		if hi-lo < 16 {
			insertionSort(xs[lo : hi+1])
			return xs[k]
		}
		mid := lo + (hi-lo)/2
		// Median of three as the pivot guards against the already-sorted input a trend produces.
		if xs[mid] < xs[lo] {
			xs[mid], xs[lo] = xs[lo], xs[mid]
		}
		if xs[hi] < xs[lo] {
			xs[hi], xs[lo] = xs[lo], xs[hi]
		}
		if xs[hi] < xs[mid] {
			xs[hi], xs[mid] = xs[mid], xs[hi]
		}
		pivot := xs[mid]
		i, j := lo, hi
		for i <= j {
			for xs[i] < pivot {
				i++
			}
			for xs[j] > pivot {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return xs[k]
		}
	}
	return xs[k]
}

func insertionSort(xs []float64) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

// difference is current minus reference with the binary representation noise of the two inputs
// rounded away: 2.2 - 2.0 is 0.2, not 0.20000000000000018, so a change equal to the tolerance
// is stable, as the contract says, and the JSON shows the number an analyst would write.
func difference(current, reference float64) float64 {
	d := current - reference
	scale := math.Max(math.Abs(current), math.Abs(reference))
	if d == 0 || scale == 0 || !isFinite(d) {
		return d
	}
	// Each input carries at most half an ulp (~1.1e-16 relative) of error; 15 significant
	// digits of the larger input are exact for any value read from a decimal file.
	exponent := math.Floor(math.Log10(scale)) - 14
	var rounded float64
	if exponent < 0 {
		// Dividing by 10^k leaves cleaner decimals than multiplying by 10^-k.
		inverse := math.Pow(10, -exponent)
		rounded = math.Round(d*inverse) / inverse
	} else {
		quantum := math.Pow(10, exponent)
		rounded = math.Round(d/quantum) * quantum
	}
	if !isFinite(rounded) {
		return d
	}
	return rounded
}
