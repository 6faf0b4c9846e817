package suggest

import "testing"

func TestDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"flor", "floor", 1}, {"kitten", "sitting", 3}, {"abc", "", 3}, {"café", "cafe", 1},
	}
	for _, c := range cases {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestNearest(t *testing.T) {
	keys := []string{"target", "floor", "thresholds", "polarity"}
	if got := Nearest("flor", keys); got != "floor" {
		t.Errorf("flor -> %q", got)
	}
	if got := Nearest("POLARITY", keys); got != "polarity" {
		t.Errorf("POLARITY -> %q", got)
	}
	if got := Nearest("colour", keys); got != "" {
		t.Errorf("colour -> %q, want no suggestion", got)
	}
	if got := Nearest("x", nil); got != "" {
		t.Errorf("no candidates -> %q", got)
	}
}
