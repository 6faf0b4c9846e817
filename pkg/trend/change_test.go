package trend

import (
	"math"
	"testing"
)

func changeInput(current, reference *float64, polarity Polarity) Input {
	return Input{
		Polarity: polarity, Current: current, Reference: reference,
		CurrentLabel: "2023/24 Q2", ReferenceLabel: "2023/24 Q1",
	}
}

func TestLastChangeDirections(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	cases := []struct {
		current, reference float64
		polarity           Polarity
		want               string
	}{
		{82, 80, HigherIsBetter, Improving},
		{82, 80, LowerIsBetter, Worsening},
		{82, 80, None, Rising},
		{78, 80, HigherIsBetter, Worsening},
		{78, 80, LowerIsBetter, Improving},
		{78, 80, None, Falling},
		{80, 80, HigherIsBetter, Stable},
	}
	for _, c := range cases {
		r := Analyse(Config{Method: LastChange}, changeInput(v(c.current), v(c.reference), c.polarity))
		if r.Direction != c.want {
			t.Errorf("%g vs %g polarity %d: %s, want %s", c.current, c.reference, c.polarity, r.Direction, c.want)
		}
		if *r.Change != c.current-c.reference || *r.ReferenceValue != c.reference || r.ReferencePeriod != "2023/24 Q1" || r.Points != 2 {
			t.Errorf("%g vs %g: %+v", c.current, c.reference, r)
		}
	}
}

// "A change no larger than tolerance is stable": a change equal to the tolerance is stable. In
// binary 2.2 − 2.0 is 0.20000000000000018, so the engine must take the change as the decimal
// 0.2 that an analyst would compute, or the boundary would fall the wrong way.
func TestChangeToleranceBoundary(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	cfg := Config{Method: LastChange, Tolerance: 0.2}
	current, reference := 2.2, 2.0 // variables: Go would subtract constants exactly
	if d := current - reference; d <= 0.2 {
		t.Fatalf("premise: the binary difference %.17g should exceed 0.2", d)
	}
	r := Analyse(cfg, changeInput(v(current), v(reference), HigherIsBetter))
	if r.Direction != Stable || *r.Change != 0.2 {
		t.Errorf("change equal to tolerance: %s, change %.17g", r.Direction, *r.Change)
	}
	r = Analyse(cfg, changeInput(v(reference), v(current), HigherIsBetter))
	if r.Direction != Stable || *r.Change != -0.2 {
		t.Errorf("fall equal to tolerance: %s, change %.17g", r.Direction, *r.Change)
	}
	r = Analyse(cfg, changeInput(v(2.21), v(2.0), HigherIsBetter))
	if r.Direction != Improving {
		t.Errorf("change 0.21 over tolerance 0.2: %s", r.Direction)
	}
	// Integers: 3 against tolerance 3 is stable, 4 is not.
	cfg.Tolerance = 3
	if r := Analyse(cfg, changeInput(v(1003), v(1000), LowerIsBetter)); r.Direction != Stable {
		t.Errorf("3 vs tolerance 3: %s", r.Direction)
	}
	if r := Analyse(cfg, changeInput(v(1004), v(1000), LowerIsBetter)); r.Direction != Worsening {
		t.Errorf("4 vs tolerance 3: %s", r.Direction)
	}
	// Default tolerance 0: any real change counts, and representation noise does not.
	cfg.Tolerance = 0
	if r := Analyse(cfg, changeInput(v(0.1+0.2), v(0.3), HigherIsBetter)); r.Direction != Stable || *r.Change != 0 {
		t.Errorf("0.1+0.2 vs 0.3: %s change %g", r.Direction, *r.Change)
	}
	if r := Analyse(cfg, changeInput(v(1234567.8), v(1234567.7), HigherIsBetter)); *r.Change != 0.1 || r.Direction != Improving {
		t.Errorf("large values: change %.17g %s", *r.Change, r.Direction)
	}
}

func TestChangeMissingValues(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	for _, method := range []Method{LastChange, YearOnYear} {
		for _, in := range []Input{
			changeInput(nil, v(80), HigherIsBetter),
			changeInput(v(80), nil, HigherIsBetter),
			changeInput(nil, nil, HigherIsBetter),
			changeInput(v(math.NaN()), v(80), HigherIsBetter),
			changeInput(v(80), v(math.Inf(1)), HigherIsBetter),
		} {
			r := Analyse(Config{Method: method}, in)
			if r.Direction != Insufficient || r.Change != nil {
				t.Errorf("%s with a value missing: %+v", method, r)
			}
		}
	}
	r := Analyse(Config{Method: YearOnYear}, changeInput(v(80), nil, HigherIsBetter))
	if r.Points != 1 || r.ReferenceValue != nil || r.ReferencePeriod != "2023/24 Q1" {
		t.Errorf("points %d reference %v %q", r.Points, r.ReferenceValue, r.ReferencePeriod)
	}
}

func TestDifferenceKeepsRealDifferences(t *testing.T) {
	cases := []struct{ a, b, want float64 }{
		{85.1, 84.9, 0.2},
		{2.2, 2.0, 0.2},
		{0.3, 0.1, 0.2},
		{100, 99.999, 0.001},
		{1e-9, 0, 1e-9},
		{5e20, 4e20, 1e20},
		{-2.5, 1.25, -3.75},
		{7, 7, 0},
	}
	for _, c := range cases {
		if got := difference(c.a, c.b); got != c.want {
			t.Errorf("difference(%g, %g) = %.17g, want %g", c.a, c.b, got, c.want)
		}
	}
}
