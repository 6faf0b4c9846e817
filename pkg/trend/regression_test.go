package trend

import (
	"encoding/json"
	"math"
	"strconv"
	"testing"
)

type olsOracle struct {
	Cases []struct {
		ID       string    `json:"id"`
		X        []float64 `json:"x"`
		Y        []float64 `json:"y"`
		Expected struct {
			B0   float64 `json:"b0"`
			SeB0 float64 `json:"se_b0"`
			B1   float64 `json:"b1"`
			SeB1 float64 `json:"se_b1"`
			RSS  float64 `json:"residual_sum_of_squares"`
		} `json:"expected"`
	} `json:"cases"`
	TCritical struct {
		Values map[string]float64 `json:"values"`
	} `json:"t_critical_values_0975"`
}

// NIST StRD Norris: certified to 15 digits; GSL asserts 1e-10 relative, and so do we.
func TestRegressionNorrisCertifiedValues(t *testing.T) {
	var oracle olsOracle
	loadOracle(t, "ols/ols_cases.json", &oracle)
	if len(oracle.Cases) == 0 {
		t.Fatal("no ols cases")
	}
	for _, c := range oracle.Cases {
		t.Run(c.ID, func(t *testing.T) {
			pts := make([]Point, len(c.X))
			for i := range c.X {
				pts[i] = Point{Pos: c.X[i], Value: c.Y[i]}
			}
			// Norris's x is not in time order; the engine must sort rather than assume.
			fit, ok := fitOLS(cleanPoints(pts))
			if !ok {
				t.Fatal("fit failed")
			}
			const rel = 1e-10
			assertRel(t, "slope", fit.slope, c.Expected.B1, rel)
			assertRel(t, "intercept", fit.intercept, c.Expected.B0, rel)
			assertRel(t, "se(slope)", fit.slopeStdErr, c.Expected.SeB1, rel)
			assertRel(t, "se(intercept)", fit.interceptStdErr(), c.Expected.SeB0, rel)
			assertRel(t, "rss", fit.rss, c.Expected.RSS, rel)

			r := Analyse(Config{Method: Regression}, Input{Points: pts, Polarity: HigherIsBetter})
			assertRel(t, "Result.Slope", deref(t, "slope", r.Slope), c.Expected.B1, rel)
			assertRel(t, "Result.Intercept", deref(t, "intercept", r.Intercept), c.Expected.B0, rel)
			assertRel(t, "Result.StdErr", deref(t, "std_err", r.StdErr), c.Expected.SeB1, rel)
			if r.Direction != Improving || *r.PValue > 1e-12 {
				t.Errorf("a slope 2300 standard errors from zero: direction %s p %g", r.Direction, *r.PValue)
			}
		})
	}
}

// The table gives 6 decimals, so the CDF at a tabled value is 0.975 to within the density
// times 5e-7, and the quantile lands within 5e-7 of the tabled value.
func TestStudentsTCriticalValues(t *testing.T) {
	var oracle olsOracle
	loadOracle(t, "ols/ols_cases.json", &oracle)
	if len(oracle.TCritical.Values) == 0 {
		t.Fatal("no t critical values")
	}
	for dfText, crit := range oracle.TCritical.Values {
		df, err := strconv.Atoi(dfText)
		if err != nil {
			t.Fatalf("df %q: %v", dfText, err)
		}
		dist := studentsT(df)
		assertAbs(t, "CDF(df="+dfText+")", dist.CDF(crit), 0.975, 1e-7)
		assertAbs(t, "Quantile(df="+dfText+")", dist.Quantile(0.975), crit, 5e-7+1e-12)
	}
}

// Worked by hand: x = 0..3, y = 1, 3, 2, 5. x̄ = 1.5, ȳ = 2.75, Sxx = 5, Sxy = 5.5, so the
// slope is 1.1 and the intercept 2.75 − 1.1×1.5 = 1.1. Residuals −0.1, 0.8, −1.3, 0.6 give
// RSS 2.7, s² = 1.35, se(slope) = √(1.35/5) = √0.27. With 2 df the t CDF has the closed form
// 1/2 + t/(2√(2+t²)), so the two-sided p is 1 − t/√(2+t²).
func TestRegressionHandWorked(t *testing.T) {
	r := Analyse(Config{Method: Regression}, Input{Points: consecutive(1, 3, 2, 5), Polarity: HigherIsBetter})
	tStat := 1.1 / math.Sqrt(0.27)
	assertRel(t, "slope", deref(t, "slope", r.Slope), 1.1, 1e-14)
	assertRel(t, "intercept", deref(t, "intercept", r.Intercept), 1.1, 1e-14)
	assertRel(t, "std_err", deref(t, "std_err", r.StdErr), math.Sqrt(0.27), 1e-14)
	assertRel(t, "p", deref(t, "p", r.PValue), 1-tStat/math.Sqrt(2+tStat*tStat), 1e-12)
	if r.Direction != Stable || r.Points != 4 {
		t.Errorf("p ≈ 0.17 must be stable over 4 points, got %s over %d", r.Direction, r.Points)
	}
}

func TestRegressionConstantSeries(t *testing.T) {
	// 0.1 has no exact binary form, so the mean of eight of them is not exactly 0.1; without
	// the constant-series rule the slope would come out at a few ulps with zero residual.
	for _, v := range []float64{5, 0.1, -3.3e-7} {
		pts := consecutive(v, v, v, v, v, v, v, v)
		r := Analyse(Config{Method: Regression}, Input{Points: pts, Polarity: LowerIsBetter})
		if *r.Slope != 0 || *r.PValue != 1 || *r.StdErr != 0 || r.Direction != Stable {
			t.Errorf("constant %g: slope %g p %g se %g direction %s", v, *r.Slope, *r.PValue, *r.StdErr, r.Direction)
		}
		if *r.Intercept != v {
			t.Errorf("constant %g: intercept %g", v, *r.Intercept)
		}
	}
}

func TestRegressionExactStraightLine(t *testing.T) {
	for _, tc := range []struct {
		values   []float64
		polarity Polarity
		want     string
	}{
		{[]float64{2, 4, 6, 8}, HigherIsBetter, Improving},
		{[]float64{2, 4, 6, 8}, LowerIsBetter, Worsening},
		{[]float64{2, 4, 6, 8}, None, Rising},
		{[]float64{0.3, 0.2, 0.1, 0}, None, Falling},
	} {
		r := Analyse(Config{Method: Regression}, Input{Points: consecutive(tc.values...), Polarity: tc.polarity})
		if *r.PValue != 0 && *r.PValue > 1e-15 {
			t.Errorf("%v: exact line p = %g, want 0", tc.values, *r.PValue)
		}
		if r.Direction != tc.want {
			t.Errorf("%v polarity %d: direction %s, want %s", tc.values, tc.polarity, r.Direction, tc.want)
		}
	}
	r := Analyse(Config{Method: Regression}, Input{Points: consecutive(2, 4, 6, 8)})
	if *r.PValue != 0 || *r.StdErr != 0 {
		t.Errorf("integer line: p %g se %g, want exactly 0", *r.PValue, *r.StdErr)
	}
}

func TestRegressionTwoPointsInsufficient(t *testing.T) {
	r := Analyse(Config{Method: Regression}, Input{Points: consecutive(1, 9), Polarity: HigherIsBetter})
	if r.Direction != Insufficient || r.Points != 2 || r.Slope != nil || r.PValue != nil {
		t.Errorf("two points: %+v", r)
	}
	raw, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if string(raw) != `{"method":"regression","direction":"insufficient","points":2}` {
		t.Errorf("json %s", raw)
	}
}

// The window runs from Pos 0; a missing quarter keeps its place, so the line through
// y = 10 + 2·Pos at Pos 0, 1, 3, 4 has intercept 10 (the fitted value at the window's first
// quarter). Closing the gap up (0, 1, 2, 3) would give slope 2.6 and intercept 9.6.
func TestRegressionGapsKeepPositions(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	pts := seriesPoints([]*float64{v(10), v(12), nil, v(16), v(18)})
	r := Analyse(Config{Method: Regression}, Input{Points: pts, Polarity: HigherIsBetter})
	assertRel(t, "slope", *r.Slope, 2, 1e-14)
	assertAbs(t, "intercept", *r.Intercept, 10, 1e-13)
	if r.Points != 4 {
		t.Errorf("points %d, want 4", r.Points)
	}

	// The window's first two quarters are missing: the intercept is still the value the line
	// gives at the window's first quarter, not at the first point.
	late := []Point{{Pos: 2, Value: 7}, {Pos: 3, Value: 8}, {Pos: 4, Value: 9}}
	r = Analyse(Config{Method: Regression}, Input{Points: late})
	assertAbs(t, "intercept with leading gap", *r.Intercept, 5, 1e-13)
}

func TestRegressionPolarity(t *testing.T) {
	falling := consecutive(90, 88, 87, 84, 83, 81, 80, 77)
	for polarity, want := range map[Polarity]string{HigherIsBetter: Worsening, LowerIsBetter: Improving, None: Falling} {
		r := Analyse(Config{Method: Regression}, Input{Points: falling, Polarity: polarity})
		if r.Direction != want {
			t.Errorf("polarity %d: %s, want %s (p %g)", polarity, r.Direction, want, *r.PValue)
		}
	}
}

func TestRegressionAlpha(t *testing.T) {
	// p ≈ 0.17 (hand-worked case above): significant at 20%, not at the default 5%.
	pts := consecutive(1, 3, 2, 5)
	if r := Analyse(Config{Method: Regression, Alpha: 0.2}, Input{Points: pts, Polarity: HigherIsBetter}); r.Direction != Improving {
		t.Errorf("alpha 0.2: %s", r.Direction)
	}
	if r := Analyse(Config{Method: Regression}, Input{Points: pts, Polarity: HigherIsBetter}); r.Direction != Stable {
		t.Errorf("default alpha: %s", r.Direction)
	}
}

func TestRegressionAllAtOnePosition(t *testing.T) {
	pts := []Point{{Pos: 1, Value: 1}, {Pos: 1, Value: 2}, {Pos: 1, Value: 3}}
	r := Analyse(Config{Method: Regression}, Input{Points: pts})
	if r.Direction != Insufficient || r.Points != 3 {
		t.Errorf("one position: %+v", r)
	}
}
