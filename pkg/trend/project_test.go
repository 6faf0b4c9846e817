package trend

import (
	"math"
	"testing"
)

// Worked by hand on x = 0..3, y = 1, 3, 2, 5 (see TestRegressionHandWorked): the line is
// 1.1 + 1.1x, s² = 1.35, x̄ = 1.5, Sxx = 5. At x = 4 the forecast is 5.5 and the prediction
// standard error is √(1.35 × (1 + 1/4 + 2.5²/5)) = √3.375. With 2 df the t quantile has the
// closed form (2p − 1)/√(2p(1 − p)), which at p = 0.975 is 0.95/√0.04875 ≈ 4.302653.
func TestProjectHandWorked(t *testing.T) {
	pts := consecutive(1, 3, 2, 5)
	got, ok := Project(pts, 4, 0.95)
	if !ok {
		t.Fatal("projection refused")
	}
	half := 0.95 / math.Sqrt(0.04875) * math.Sqrt(3.375)
	assertRel(t, "value", got.Value, 5.5, 1e-14)
	assertRel(t, "lower", got.Lower, 5.5-half, 1e-9)
	assertRel(t, "upper", got.Upper, 5.5+half, 1e-9)

	// At the mean position the interval is narrowest: √(1.35 × 1.25).
	mid, _ := Project(pts, 1.5, 0.95)
	assertRel(t, "half width at x̄", mid.Upper-mid.Value, 0.95/math.Sqrt(0.04875)*math.Sqrt(1.35*1.25), 1e-9)
}

func TestProjectRefusals(t *testing.T) {
	if _, ok := Project(consecutive(1, 2), 3, 0.95); ok {
		t.Error("two points projected")
	}
	if _, ok := Project(nil, 3, 0.95); ok {
		t.Error("no points projected")
	}
	for _, level := range []float64{0, 1, 95, -0.5, math.NaN()} {
		if _, ok := Project(consecutive(1, 2, 4), 3, level); ok {
			t.Errorf("level %g accepted", level)
		}
	}
	if _, ok := Project(consecutive(1, 2, 4), math.Inf(1), 0.95); ok {
		t.Error("infinite position accepted")
	}
	// A non-finite point is dropped, leaving two.
	if _, ok := Project(consecutive(1, 2, math.NaN()), 3, 0.95); ok {
		t.Error("NaN point counted")
	}
}

func TestProjectExactLineHasNoWidth(t *testing.T) {
	got, ok := Project(consecutive(2, 4, 6, 8), 6, 0.95)
	if !ok || got.Value != 14 || got.Lower != 14 || got.Upper != 14 {
		t.Errorf("%+v %v", got, ok)
	}
}
