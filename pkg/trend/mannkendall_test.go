package trend

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

type mkCase struct {
	ID       string         `json:"id"`
	N        int            `json:"n"`
	Values   []*float64     `json:"values"`
	Expected map[string]any `json:"expected"`
	Precise  map[string]any `json:"precise_values"`
}

// pValuesAgree allows for pyMannKendall computing p as 2*(1-Phi(|z|)), which rounds to 0 in the
// far tail and loses relative digits near it; the engine uses erfc, which does not.
func pValuesAgree(got, want float64) bool {
	return math.Abs(got-want) <= 1e-7*want+1e-14
}

// Every case of mk_cases.json, against the values quoted from its source ("expected").
//
// The p values quoted from pyMannKendall are its normal approximation. The contract asks for
// the exact null distribution for n <= 10 without ties, so a quoted normal-approximation p for
// such a series would not apply; no case is of that kind. The only short case,
// balanced_S0_n8 (n = 8), has ties (3 twice, 6 three times), so the contract also takes the
// normal approximation there, and with S = 0 both readings give p = 1 anyway. The exact path
// is tested against the exact-null table below.
func TestMannKendallOracleCases(t *testing.T) {
	var oracle struct {
		Cases []mkCase `json:"cases"`
	}
	loadOracle(t, "mk/mk_cases.json", &oracle)
	if len(oracle.Cases) != 8 {
		t.Fatalf("expected the 8 published cases, found %d", len(oracle.Cases))
	}
	for _, c := range oracle.Cases {
		t.Run(c.ID, func(t *testing.T) {
			pts := seriesPoints(c.Values)
			if len(c.Values) != c.N {
				t.Fatalf("case has %d values, says n = %d", len(c.Values), c.N)
			}
			r := Analyse(Config{Method: MannKendall}, Input{Points: pts, Polarity: None})
			if r.Direction == Insufficient {
				t.Fatalf("insufficient for %d points", len(pts))
			}
			checked := 0
			num := func(key string) (float64, bool) {
				v, ok := c.Expected[key].(float64)
				if ok {
					checked++
				}
				return v, ok
			}
			if s, ok := num("s"); ok && float64(*r.S) != s {
				t.Errorf("S = %d, want %g", *r.S, s)
			}
			if v, ok := num("var_s"); ok {
				assertRel(t, "var_s", *r.VarS, v, 1e-14)
			}
			if z, ok := num("z"); ok {
				if c.ID == "holycross_by_hand_n14" {
					assertAbs(t, "z (4 d.p. by hand)", *r.Z, z, 0.00005)
				} else {
					assertRel(t, "z", *r.Z, z, 1e-12)
				}
			}
			if z, ok := num("z_book"); ok {
				assertAbs(t, "z (Gilbert prints 1 d.p.)", *r.Z, z, 0.05)
			}
			for _, key := range []string{"p", "p_two_sided"} {
				if p, ok := num(key); ok && !pValuesAgree(*r.PValue, p) {
					t.Errorf("%s = %.17g, want %.17g", key, *r.PValue, p)
				}
			}
			if p, ok := num("p_one_sided_approx"); ok {
				// The hand calculation quotes the one-sided tail to 2 significant figures.
				assertAbs(t, "one-sided p (half the two-sided)", *r.PValue/2, p, 0.00005)
			}
			if tau, ok := num("Tau"); ok {
				assertRel(t, "tau", *r.Tau, tau, 1e-14)
			}
			for _, key := range []string{"slope", "sens_slope"} {
				if v, ok := num(key); ok {
					assertRel(t, key, *r.SenSlope, v, 1e-14)
				}
			}
			for _, key := range []string{"intercept", "sens_intercept"} {
				if v, ok := num(key); ok {
					assertRel(t, key, *r.SenIntercept, v, 1e-13)
				}
			}
			if v, ok := num("sens_intercept_rounded"); ok {
				assertAbs(t, "sen intercept (rounded)", *r.SenIntercept, v, 0.5)
			}
			if trend, ok := c.Expected["trend"].(string); ok {
				checked++
				want := map[string]string{"increasing": Rising, "decreasing": Falling, "no trend": Stable}[trend]
				if r.Direction != want {
					t.Errorf("direction %s, pyMannKendall says %q", r.Direction, trend)
				}
			}
			if h, ok := c.Expected["h"].(bool); ok {
				checked++
				if (r.Direction != Stable) != h {
					t.Errorf("significance %v, want h = %v", r.Direction != Stable, h)
				}
			}
			if c.ID == "holycross_by_hand_n14" {
				// 91 pairs: 72 up, 18 down, 1 tie.
				up, down := pairSigns(pts)
				if up != 72 || down != 18 {
					t.Errorf("pairs up %d down %d, want 72 and 18", up, down)
				}
				checked++
			}
			// Gilbert's book rounds Z; the case also records a precise recomputation
			// (not an oracle), which pins var(S) with its four tie groups.
			if v, ok := c.Precise["var_s"].(float64); ok {
				assertRel(t, "var_s (precise recomputation)", *r.VarS, v, 1e-14)
			}
			if checked == 0 {
				t.Fatal("case checked nothing")
			}
		})
	}
}

func pairSigns(pts []Point) (up, down int) {
	for i := range pts {
		for j := i + 1; j < len(pts); j++ {
			switch {
			case pts[j].Value > pts[i].Value:
				up++
			case pts[j].Value < pts[i].Value:
				down++
			}
		}
	}
	return up, down
}

// The table is P(S >= s) under no trend for tie-free n = 3..10, rounded to 6 decimals.
func TestMannKendallExactNullTable(t *testing.T) {
	f, err := os.Open(filepath.Join(oracleDir(t), "mk", "mk_exact_null_upper_tail_n3_10.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 {
		t.Fatal("empty table")
	}
	for _, row := range rows[1:] {
		n, _ := strconv.Atoi(row[0])
		s, _ := strconv.Atoi(row[1])
		want, err := strconv.ParseFloat(row[2], 64)
		if err != nil {
			t.Fatalf("row %v: %v", row, err)
		}
		got := exactUpperTail(n, s)
		if math.Abs(got-want) > 5e-7 {
			t.Errorf("P(S >= %d | n = %d) = %.7f, table %.6f", s, n, got, want)
		}
	}
}

// A tie-free series of n <= 10 takes its p from the exact distribution: 1..5 has S = 10, and
// the table gives P(S >= 10 | n = 5) = 0.008333, so p = 1/60. The normal approximation would
// give 2(1 − Φ(9/√(50/3))) ≈ 0.0275.
func TestMannKendallExactPForShortSeries(t *testing.T) {
	r := Analyse(Config{Method: MannKendall}, Input{Points: consecutive(1, 2, 3, 4, 5), Polarity: HigherIsBetter})
	assertRel(t, "exact p", *r.PValue, 1.0/60, 1e-12)
	if r.Direction != Improving {
		t.Errorf("direction %s", r.Direction)
	}
	// Four points can never reach 5%: the most extreme S = 6 has exact two-sided p = 1/12.
	r = Analyse(Config{Method: MannKendall}, Input{Points: consecutive(1, 2, 3, 4), Polarity: HigherIsBetter})
	assertRel(t, "exact p n=4", *r.PValue, 1.0/12, 1e-12)
	if r.Direction != Stable {
		t.Errorf("n = 4 direction %s", r.Direction)
	}
	// A tie sends even a short series to the normal approximation.
	r = Analyse(Config{Method: MannKendall}, Input{Points: consecutive(1, 2, 2, 4, 5)})
	z := 8 / math.Sqrt((5*4*15-2*1*9)/18.0)
	assertRel(t, "tied z", *r.Z, z, 1e-14)
	assertRel(t, "tied p", *r.PValue, math.Erfc(z/math.Sqrt2), 1e-12)
	// Eleven points: normal approximation.
	r = Analyse(Config{Method: MannKendall}, Input{Points: consecutive(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)})
	assertRel(t, "n=11 p", *r.PValue, math.Erfc(54/math.Sqrt(11*10*27/18.0)/math.Sqrt2), 1e-12)
}

func TestMannKendallNeedsFourPoints(t *testing.T) {
	r := Analyse(Config{Method: MannKendall}, Input{Points: consecutive(1, 2, 3)})
	if r.Direction != Insufficient || r.Points != 3 || r.S != nil {
		t.Errorf("%+v", r)
	}
}

// Sen's slope uses the points' own positions: a gap does not close up.
func TestMannKendallSenSlopeKeepsGaps(t *testing.T) {
	pts := []Point{{Pos: 0, Value: 10}, {Pos: 1, Value: 12}, {Pos: 3, Value: 16}, {Pos: 4, Value: 18}, {Pos: 5, Value: 20}}
	r := Analyse(Config{Method: MannKendall}, Input{Points: pts, Polarity: LowerIsBetter})
	assertRel(t, "sen slope", *r.SenSlope, 2, 1e-15)
	// median(value) 16 − median(position) 3 × 2 = 10, the value at the window's first period.
	assertRel(t, "sen intercept", *r.SenIntercept, 10, 1e-15)
	if r.Direction != Worsening {
		t.Errorf("rising with lower-is-better: %s (p %g)", r.Direction, *r.PValue)
	}
}

func TestMedianSelection(t *testing.T) {
	cases := []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{2, 1}, 1.5},
		{[]float64{5, 1, 4, 2, 3}, 3},
		{[]float64{1, 1, 1, 1, 2, 2, 2, 2}, 1.5},
	}
	// Long inputs go through the partitioning path, not just the insertion sort.
	long := make([]float64, 101)
	for i := range long {
		long[i] = float64((i * 37) % 101)
	}
	cases = append(cases, struct {
		in   []float64
		want float64
	}{long, 50})
	even := make([]float64, 100)
	for i := range even {
		even[i] = float64(99 - i)
	}
	cases = append(cases, struct {
		in   []float64
		want float64
	}{even, 49.5})
	for _, c := range cases {
		if got := median(append([]float64(nil), c.in...)); got != c.want {
			t.Errorf("median(%v) = %g, want %g", c.in, got, c.want)
		}
	}
}
