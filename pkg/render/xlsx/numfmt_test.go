package xlsx

import "testing"

func TestNumberFormat(t *testing.T) {
	cases := []struct {
		unit   string
		places int
		want   string
	}{
		{"percent", 1, `0.0"%"`},
		{"percent", 0, `0"%"`},
		{"currency", 0, `"£"#,##0`},
		{"currency", 2, `"£"#,##0.00`},
		{"days", 1, `0.0 "days"`},
		{"days", 0, `0 "days"`},
		{"number", 0, `#,##0`},
		{"rate", 2, `#,##0.00`},
		{"parsecs", 1, `#,##0.0`},
		{"number", -3, `#,##0`},
		{"number", 40, `#,##0.000000`},
	}
	for _, c := range cases {
		if got := numberFormat(c.unit, c.places); got != c.want {
			t.Errorf("numberFormat(%q, %d) = %s, want %s", c.unit, c.places, got, c.want)
		}
	}
}

func TestDisplayPlaces(t *testing.T) {
	cases := []struct {
		decimals int
		display  *string
		value    *float64
		want     int
	}{
		{1, str("82.4"), f64(82.4), 1},
		{1, str("89.96"), f64(89.96), 2}, // the engine widened it to keep the rating
		{0, str("1,234"), f64(1234), 0},
		{2, str("30"), f64(30), 2}, // never fewer than decimals
		{0, nil, f64(89.96), 2},    // no shown form: the value keeps its own places
		{1, nil, f64(90), 1},
		{1, nil, nil, 1},
		{0, nil, f64(1.0 / 3), 6},
	}
	for _, c := range cases {
		if got := displayPlaces(c.decimals, c.display, c.value); got != c.want {
			t.Errorf("displayPlaces(%d, %v, %v) = %d, want %d", c.decimals, derefString(c.display), c.value, got, c.want)
		}
	}
}

func TestExactPlaces(t *testing.T) {
	cases := []struct {
		decimals int
		v        float64
		want     int
	}{
		{0, 57.5, 1},
		{0, 85, 0},
		{2, 35, 2},
		{1, 0.125, 3},
	}
	for _, c := range cases {
		if got := exactPlaces(c.decimals, c.v); got != c.want {
			t.Errorf("exactPlaces(%d, %v) = %d, want %d", c.decimals, c.v, got, c.want)
		}
	}
}
