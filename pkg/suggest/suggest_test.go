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

func TestSwapIsOneSlip(t *testing.T) {
	if got := Distance("qrp", "qpr"); got != 1 {
		t.Errorf("Distance(qrp, qpr) = %d, want 1", got)
	}
	if got := Code("CS10", []string{"CS01", "CS02"}); got != "CS01" {
		t.Errorf("Code(CS10) = %q, want CS01", got)
	}
	if got := Code("CS1", []string{"CS01", "CS12"}); got != "CS01" {
		t.Errorf("Code(CS1) = %q, want CS01 (the earlier of two one-slip candidates)", got)
	}
	if got := Code("XX99", []string{"CS01"}); got != "" {
		t.Errorf("Code(XX99) = %q, want none", got)
	}
}
