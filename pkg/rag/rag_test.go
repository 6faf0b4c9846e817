package rag

import "testing"

func f(v float64) *float64 { return &v }

func TestRateHigherIsBetter(t *testing.T) {
	th := &Thresholds{Target: f(85), Floor: f(75)}
	cases := []struct {
		value float64
		want  string
	}{
		{90, Green},
		{85, Green}, // equal to target meets it
		{84.999, Amber},
		{75, Amber}, // equal to floor meets the floor
		{74.999, Red},
		{0, Red},
	}
	for _, c := range cases {
		if got := Rate(f(c.value), th); got != c.want {
			t.Errorf("Rate(%v) higher = %s, want %s", c.value, got, c.want)
		}
	}
}

func TestRateLowerIsBetter(t *testing.T) {
	th := &Thresholds{Target: f(20), Floor: f(30), Lower: true}
	cases := []struct {
		value float64
		want  string
	}{
		{10, Green},
		{20, Green},
		{20.001, Amber},
		{30, Amber},
		{30.001, Red},
	}
	for _, c := range cases {
		if got := Rate(f(c.value), th); got != c.want {
			t.Errorf("Rate(%v) lower = %s, want %s", c.value, got, c.want)
		}
	}
}

func TestRateTargetOnlyIsGreenOrRed(t *testing.T) {
	th := &Thresholds{Target: f(50)}
	if got := Rate(f(49.9), th); got != Red {
		t.Errorf("below target without floor = %s, want red", got)
	}
	if got := Rate(f(50), th); got != Green {
		t.Errorf("at target without floor = %s, want green", got)
	}
	lower := &Thresholds{Target: f(50), Lower: true}
	if got := Rate(f(50.1), lower); got != Red {
		t.Errorf("lower, above target without floor = %s, want red", got)
	}
}

func TestRateNoValueBeforeAnythingElse(t *testing.T) {
	if got := Rate(nil, nil); got != NoData {
		t.Errorf("no value, no thresholds = %s, want no_data", got)
	}
	if got := Rate(f(3), nil); got != NotRated {
		t.Errorf("value without thresholds = %s, want not_rated", got)
	}
	if got := Rate(f(3), &Thresholds{}); got != NotRated {
		t.Errorf("value with empty thresholds = %s, want not_rated", got)
	}
}

func TestPercentCellAgainstTarget(t *testing.T) {
	// 0.57 read from a percent-formatted cell is scaled by 100: in float64, 0.57*100 is
	// 56.99999999999999, which the reader's 10-significant-figure rounding turns into 57.
	fraction := 0.57
	scaled := fraction * 100
	if scaled == 57 {
		t.Fatal("premise of this test no longer holds: 0.57*100 is exactly 57")
	}
	if got := Rate(f(57), &Thresholds{Target: f(57), Floor: f(50)}); got != Green {
		t.Errorf("57 against 57 = %s, want green", got)
	}
}

func TestRateActivity(t *testing.T) {
	r := &Range{Lower: f(100), Upper: f(130)}
	cases := []struct {
		value float64
		want  string
	}{
		{99, Below}, {100, Within}, {130, Within}, {130.5, Above},
	}
	for _, c := range cases {
		if got := RateActivity(f(c.value), r); got != c.want {
			t.Errorf("RateActivity(%v) = %s, want %s", c.value, got, c.want)
		}
	}
	if got := RateActivity(f(1), &Range{Upper: f(0)}); got != Above {
		t.Errorf("upper only = %s, want above", got)
	}
	if got := RateActivity(nil, r); got != NoData {
		t.Errorf("no value = %s, want no_data", got)
	}
	if got := RateActivity(f(1), nil); got != NotRated {
		t.Errorf("no range = %s, want not_rated", got)
	}
}

func TestDisplayNeverContradictsRating(t *testing.T) {
	higher90 := &Thresholds{Target: f(90), Floor: f(80)}
	lower90 := &Thresholds{Target: f(90), Floor: f(95), Lower: true}
	cases := []struct {
		name     string
		value    float64
		decimals int
		th       *Thresholds
		want     string
	}{
		{"contract example", 89.96, 1, higher90, "89.96"},
		{"rounds up to target at 0 places", 89.96, 0, higher90, "89.96"},
		{"89.5 would show 90", 89.5, 0, higher90, "89.5"},
		{"89.4 shows 89", 89.4, 0, higher90, "89"},
		{"plain rounding when safe", 82.44, 1, higher90, "82.4"},
		{"exactly on target", 90, 0, higher90, "90"},
		{"just under floor", 79.999, 0, higher90, "79.999"},
		{"lower is better just over target", 90.04, 0, lower90, "90.04"},
		{"lower is better green rounds fine", 89.6, 0, lower90, "90"},
		{"no thresholds", 12.345, 1, nil, "12.3"},
	}
	for _, c := range cases {
		if got := DisplayKPI(c.value, c.decimals, c.th); got != c.want {
			t.Errorf("%s: DisplayKPI(%v, %d) = %q, want %q", c.name, c.value, c.decimals, got, c.want)
		}
	}
}

func TestDisplayActivityKeepsStatus(t *testing.T) {
	r := &Range{Lower: f(100), Upper: f(130)}
	if got := DisplayActivity(130.2, 0, r); got != "130.2" {
		t.Errorf("130.2 above 130 shows %q, want 130.2", got)
	}
	if got := DisplayActivity(99.7, 0, r); got != "99.7" {
		t.Errorf("99.7 below 100 shows %q, want 99.7", got)
	}
}

func TestDisplayOfAHalf(t *testing.T) {
	// 86.5 at 0 places is 87 (half away from zero); against a target of 87 that would read as
	// met, so it keeps its place.
	if got := DisplayKPI(86.5, 0, &Thresholds{Target: f(80)}); got != "87" {
		t.Errorf("86.5 against 80 shows %q, want 87", got)
	}
	if got := DisplayKPI(86.5, 0, &Thresholds{Target: f(87)}); got != "86.5" {
		t.Errorf("86.5 against 87 shows %q, want 86.5", got)
	}
}
