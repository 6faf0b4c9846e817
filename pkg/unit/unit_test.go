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
