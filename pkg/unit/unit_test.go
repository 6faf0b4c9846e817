package unit

import "testing"

func TestShow(t *testing.T) {
	cases := []struct{ number, unit, want string }{
		{"82", "percent", "82%"},
		{"89.96", "percent", "89.96%"},
		{"1234567", "currency", "£1,234,567"},
		{"-1500", "currency", "-£1,500"},
		{"12.5", "days", "12.5 days"},
		{"1", "days", "1 day"},
		{"123456.78", "number", "123,456.78"},
		{"999", "number", "999"},
		{"1000", "rate", "1,000"},
		{"-1000", "number", "-1,000"},
	}
	for _, c := range cases {
		if got := Show(c.number, c.unit); got != c.want {
			t.Errorf("Show(%q, %q) = %q, want %q", c.number, c.unit, got, c.want)
		}
	}
}

func TestFormatShortest(t *testing.T) {
	if got := FormatShortest(85, 4, "percent"); got != "85%" {
		t.Errorf("85 = %q", got)
	}
	if got := FormatShortest(2.5, 4, "days"); got != "2.5 days" {
		t.Errorf("2.5 = %q", got)
	}
	if got := Format(1234.56, 1, "number"); got != "1,234.6" {
		t.Errorf("1234.56 = %q", got)
	}
}

func TestRoundHalfAwayFromZeroOnTheWrittenNumber(t *testing.T) {
	cases := []struct {
		v      float64
		places int
		want   string
	}{
		{86.5, 0, "87"},
		{2.5, 0, "3"},
		{0.125, 2, "0.13"},
		{2.675, 2, "2.68"}, // 2.67499999... in binary; written 2.675
		{-2.5, 0, "-3"},
		{99.95, 1, "100.0"},
		{9.999, 2, "10.00"},
		{82.44, 1, "82.4"},
		{1234567, 0, "1234567"},
		{5, 2, "5.00"},
		{-0.004, 2, "0.00"},
		{-0.4, 0, "0"},
		{1e21, 0, "1000000000000000000000"},
		{0.000001, 3, "0.000"},
	}
	for _, c := range cases {
		if got := Round(c.v, c.places); got != c.want {
			t.Errorf("Round(%v, %d) = %q, want %q", c.v, c.places, got, c.want)
		}
	}
}

func TestFigureRoundsHalfAwayFromZeroToSignificantFigures(t *testing.T) {
	cases := []struct {
		v               float64
		digits, atLeast int
		want            string
	}{
		{0.125, 2, 0, "0.13"},  // half to even would give 0.12
		{86.5, 2, 0, "87"},     // half to even would give 86
		{0.9917, 2, 0, "0.99"}, // slope of qpr trend's issue
		{0.007551, 2, 0, "0.0076"},
		{2, 2, 0, "2"},
		{2, 2, 1, "2.0"},
		{1234.5, 2, 0, "1,235"}, // whole part in full
		{-0.0349, 2, 0, "-0.035"},
		{0.0996, 2, 0, "0.1"},
		{88.95, 4, 0, "88.95"},
		{0.0000004, 2, 0, "4e-07"},
		{0, 2, 1, "0.0"},
	}
	for _, c := range cases {
		if got := Figure(c.v, c.digits, c.atLeast); got != c.want {
			t.Errorf("Figure(%v, %d, %d) = %q, want %q", c.v, c.digits, c.atLeast, got, c.want)
		}
	}
}

func TestPKeepsItsSideOfAlpha(t *testing.T) {
	cases := []struct {
		p, alpha float64
		want     string
	}{
		{0.007551, 0.05, "p = 0.0076"},
		{0.0496, 0.05, "p = 0.0496"}, // 0.050 would read as not significant
		{0.0504, 0.05, "p = 0.05"},   // 0.05 is not below alpha either
		{0.0005, 0.05, "p < 0.001"},
		{0.125, 0.05, "p = 0.13"},
		{0.5, 0, "p = 0.5"},
	}
	for _, c := range cases {
		if got := P(c.p, c.alpha); got != c.want {
			t.Errorf("P(%v, %v) = %q, want %q", c.p, c.alpha, got, c.want)
		}
	}
}
