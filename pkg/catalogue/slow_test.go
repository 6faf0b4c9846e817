package catalogue

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Inputs built to make a naive reader take exponential time must still load quickly.
func TestHostileInputsAreQuick(t *testing.T) {
	var merges strings.Builder
	merges.WriteString("a0: &a0 {code: X, name: Y}\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&merges, "a%d: &a%d {<<: [*a%d, *a%d], k%d: 1}\n", i, i, i-1, i-1, i)
	}
	merges.WriteString("directorates: [*a40]\n")

	var lists strings.Builder
	lists.WriteString("l0: &l0 [x, y]\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&lists, "l%d: &l%d [*l%d, *l%d]\n", i, i, i-1, i-1)
	}
	lists.WriteString("indicators: *l40\n")

	long := head + "    polarity: higher\n"
	for i := 0; i < 2000; i++ {
		long += fmt.Sprintf("  - {code: X%d, name: N, directorate: CED, polarity: higher}\n", i)
	}
	long += "  - {code: bad\n"

	cases := []struct{ name, src, wantFirst string }{
		{"nested merges", merges.String(), "h.yaml: the catalogue has no indicators"},
		{"nested lists", lists.String(), "h.yaml: the catalogue has no directorates"},
		// The slip is on the last line, 2008: six lines of head, one of polarity, 2000 entries.
		{"long file with a slip at the end", long, "h.yaml:2008: not valid YAML"},
	}
	for _, c := range cases {
		start := time.Now()
		_, err := Parse("h.yaml", []byte(c.src))
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: took %v", c.name, d)
		}
		if err == nil || !strings.HasPrefix(err.Error(), c.wantFirst) {
			t.Errorf("%s: error %.200v, want it to start %q", c.name, err, c.wantFirst)
		}
	}
}
