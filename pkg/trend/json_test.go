package trend

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func jsonKeys(t *testing.T, r Result) (map[string]json.RawMessage, []string) {
	t.Helper()
	raw, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		t.Fatalf("unmarshal %s: %v", raw, err)
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return obj, keys
}

func TestJSONKeysPerMethod(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	pts := consecutive(3, 5, 4, 6, 8, 7, 9, 10)
	cases := []struct {
		method Method
		in     Input
		want   []string
	}{
		{Regression, Input{Points: pts, Polarity: HigherIsBetter},
			[]string{"direction", "intercept", "method", "p_value", "points", "slope", "std_err"}},
		{MannKendall, Input{Points: pts, Polarity: HigherIsBetter},
			[]string{"direction", "method", "p_value", "points", "s", "sen_intercept", "sen_slope", "tau", "var_s", "z"}},
		{SPC, Input{Points: pts, Polarity: HigherIsBetter},
			[]string{"assurance", "direction", "lpl", "mean", "method", "points", "provisional", "segments", "series", "upl"}},
		{SPC, Input{Points: consecutive(1), Polarity: HigherIsBetter},
			[]string{"assurance", "direction", "method", "points"}},
		{LastChange, Input{Points: pts, Polarity: HigherIsBetter, Current: v(10), Reference: v(9), ReferenceLabel: "2023/24 Q1"},
			[]string{"change", "direction", "method", "points", "reference_period", "reference_value"}},
		{YearOnYear, Input{Polarity: HigherIsBetter, Current: v(10), Reference: v(9), ReferenceLabel: "2022/23 Q2"},
			[]string{"change", "direction", "method", "points", "reference_period", "reference_value"}},
	}
	for _, c := range cases {
		cfg := DefaultConfig()
		cfg.Method = c.method
		r := Analyse(cfg, c.in)
		obj, keys := jsonKeys(t, r)
		if !slices.Equal(keys, c.want) {
			t.Errorf("%s: keys %v, want %v", c.method, keys, c.want)
		}
		if c.method == SPC && string(obj["assurance"]) != "null" {
			t.Errorf("spc without a target: assurance %s, want null", obj["assurance"])
		}
	}

	cfg := DefaultConfig()
	cfg.Method = SPC
	r := Analyse(cfg, Input{Points: pts, Polarity: HigherIsBetter, Target: v(100)})
	obj, _ := jsonKeys(t, r)
	if string(obj["assurance"]) != `"fail"` {
		t.Errorf("assurance %s", obj["assurance"])
	}
	var series []map[string]any
	if err := json.Unmarshal(obj["series"], &series); err != nil || len(series) != len(pts) {
		t.Fatalf("series %s: %v", obj["series"], err)
	}
	for _, p := range series {
		if _, ok := p["period"]; !ok || p["type"] == nil || p["value"] == nil || len(p) != 3 {
			t.Errorf("series point %v", p)
		}
	}
}

// A zero z or a zero slope is still written: only figures of other methods are left out.
func TestJSONKeepsZeroFigures(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Method = MannKendall
	r := Analyse(cfg, Input{Points: consecutive(3, 6, 9, 6, 8, 6, 7, 3)}) // S = 0 (oracle balanced_S0_n8)
	obj, _ := jsonKeys(t, r)
	if string(obj["z"]) != "0" || string(obj["s"]) != "0" || string(obj["p_value"]) != "1" {
		t.Errorf("z %s s %s p %s", obj["z"], obj["s"], obj["p_value"])
	}
}

// Whatever comes in, Analyse answers without panicking, every figure is finite (json.Marshal
// would fail on NaN or Inf) and the sentence is not empty.
func TestAnalyseNeverFailsOnHostileInput(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	special := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1), 1e308, -1e308, 5e-324, 1e-300}
	pick := func() float64 {
		if rng.IntN(4) == 0 {
			return special[rng.IntN(len(special))]
		}
		return rng.NormFloat64() * math.Pow(10, float64(rng.IntN(12)-4))
	}
	for trial := range 3000 {
		n := rng.IntN(14)
		pts := make([]Point, n)
		for i := range pts {
			pos := float64(i)
			switch rng.IntN(10) {
			case 0:
				pos = pick() // out of order, duplicated or non-finite positions
			case 1:
				pos = float64(rng.IntN(3))
			}
			pts[i] = Point{Label: "p", Pos: pos, Value: pick()}
		}
		if rng.IntN(5) == 0 && n > 0 { // constant series
			for i := range pts {
				pts[i].Value = pts[0].Value
			}
		}
		current, reference, target := pick(), pick(), pick()
		in := Input{Points: pts, Polarity: Polarity(rng.IntN(4) - 1 + 1), Current: &current, Reference: &reference, Target: &target}
		if rng.IntN(3) == 0 {
			in.Current = nil
		}
		cfg := Config{
			Method:      Methods[rng.IntN(len(Methods))],
			Window:      rng.IntN(12) - 2,
			Alpha:       []float64{0, 0.05, -1, 2, math.NaN(), 0.2}[rng.IntN(6)],
			Tolerance:   []float64{0, 0.5, -1, math.Inf(1), math.NaN()}[rng.IntN(5)],
			ShiftPoints: rng.IntN(10) - 2,
			TrendPoints: rng.IntN(10) - 2,
			ScreenMR:    rng.IntN(2) == 0,
		}
		r := Analyse(cfg, in)
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("trial %d %s: marshal: %v (%+v)", trial, cfg.Method, err, r)
		}
		if s := r.Sentence("percent", rng.IntN(4)-1); s == "" {
			t.Fatalf("trial %d: empty sentence", trial)
		}
		if r.Direction == "" {
			t.Fatalf("trial %d: no direction", trial)
		}
		_, _ = Project(pts, pick(), []float64{0.95, 0, 1, math.NaN()}[rng.IntN(4)])
	}
	// The zero Config is the regression default, and an unknown method is insufficient.
	if r := Analyse(Config{}, Input{Points: consecutive(1, 2, 3)}); r.Method != Regression || r.Direction != Rising {
		t.Errorf("zero config: %+v", r)
	}
	r := Analyse(Config{Method: "moving-average"}, Input{Points: consecutive(1, 2, 3)})
	if r.Direction != Insufficient || r.Points != 3 {
		t.Errorf("unknown method: %+v", r)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Error(err)
	}
}

// Values so large that their differences overflow cannot be given finite figures, so the
// result is insufficient rather than NaN. (Mann-Kendall survives them: S only compares, and
// the median of the pairwise slopes here is a finite 0.)
func TestOverflowIsInsufficient(t *testing.T) {
	for _, m := range []Method{Regression, SPC} {
		cfg := DefaultConfig()
		cfg.Method = m
		r := Analyse(cfg, Input{Points: consecutive(-1.7e308, 1.7e308, -1.7e308, 1.7e308, -1.7e308)})
		if _, err := json.Marshal(r); err != nil {
			t.Errorf("%s: %v", m, err)
		}
		if r.Direction != Insufficient || r.Points != 5 {
			t.Errorf("%s: %s with %d points", m, r.Direction, r.Points)
		}
	}
}

func TestAnalyseDoesNotModifyInput(t *testing.T) {
	pts := []Point{{Pos: 2, Value: 1}, {Pos: 0, Value: 5}, {Pos: 1, Value: math.NaN()}}
	before := slices.Clone(pts)
	for _, m := range Methods {
		Analyse(Config{Method: m}, Input{Points: pts})
	}
	for i := range pts {
		if pts[i].Pos != before[i].Pos || (pts[i].Value != before[i].Value && !math.IsNaN(before[i].Value)) {
			t.Fatalf("input changed: %v", pts)
		}
	}
}

func FuzzAnalyse(f *testing.F) {
	f.Add(1.0, 2.0, 3.0, 4.0, 5.0, uint8(0), 0.0)
	f.Add(1.0, 1.0, 1.0, 1.0, 1.0, uint8(2), 0.5)
	f.Add(math.NaN(), math.Inf(1), 0.0, -1e308, 1e308, uint8(4), -1.0)
	f.Fuzz(func(t *testing.T, a, b, c, d, e float64, method uint8, tolerance float64) {
		cfg := DefaultConfig()
		cfg.Method = Methods[int(method)%len(Methods)]
		cfg.Tolerance = tolerance
		in := Input{Points: consecutive(a, b, c, d, e), Polarity: Polarity(int(method) % 3), Current: &a, Reference: &b, Target: &c}
		r := Analyse(cfg, in)
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("marshal: %v", err)
		}
		_ = r.Sentence("currency", 2)
	})
}
