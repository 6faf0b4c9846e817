package check

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/example/qpr/pkg/data"
)

// TestSameScaleAroundNeverHidesABreak checks the shortcut scaleBreaks takes: wherever
// sameScaleAround says the neighbours are of v's scale, the median neighbourLevel would have
// given is not about a hundred times v nor a hundredth of it, so no warning is lost. The
// series are random, many of them with neighbours close to 49 and 50 times v.
func TestSameScaleAroundNeverHidesABreak(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 138))
	factors := []float64{1, 2, 48.9, 49, 49.01, 50, 1 / 48.9, 1.0 / 49, 1 / 49.01, 1.0 / 50, 100, 0.01}
	shortcuts := 0
	for range 200_000 {
		v := math.Exp(r.NormFloat64() * 3)
		series := make([]seriesEntry, 2+r.IntN(8))
		i := r.IntN(len(series))
		for j := range series {
			f := factors[r.IntN(len(factors))] * (1 + (r.Float64()-0.5)*1e-9)
			series[j] = seriesEntry{idx: j, value: data.Value{V: v * f}}
		}
		series[i].value.V = v
		if !sameScaleAround(series, i, v) {
			continue
		}
		shortcuts++
		if around, ok := neighbourLevel(series, i); ok && (nearHundredfold(around/v) || nearHundredfold(v/around)) {
			t.Fatalf("sameScaleAround passed over a scale break: v %v, median %v of %v", v, around, series)
		}
	}
	if shortcuts < 1000 {
		t.Fatalf("only %d series took the shortcut; the test checks too little", shortcuts)
	}
}
