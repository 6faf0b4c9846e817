package catalogue

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// manyIndicators writes a catalogue of n indicators in the quick parser's shape, flow and
// block entries mixed; every kth indicator (k > 0) carries one of a round of faults, so that
// problems come from every part of the list, including duplicate codes, which are found after
// the entries are read.
func manyIndicators(n, k int) string {
	var b strings.Builder
	b.WriteString("owners:\n  - {id: FIN, name: Finance}\ndirectorates:\n  - {code: D1, name: One, owner: FIN}\n  - {code: D2, name: Two, owner: FIN}\nindicators:\n")
	for i := range n {
		code, name, dir, extra := fmt.Sprintf("K%04d", i), fmt.Sprintf("Indicator %d", i), "D1", "polarity: higher, target: 80, floor: 70"
		if i%2 == 1 {
			dir = "D2"
		}
		if k > 0 && i%k == 0 {
			switch (i / k) % 9 {
			case 0:
				code = fmt.Sprintf("k%04d", i-k) // the code of an earlier indicator, in other case
			case 1:
				dir = "D9" // no such directorate
			case 2:
				extra = "target: 80" // a kpi without a polarity
			case 3:
				extra += ", unit: furlongs"
			case 4:
				extra += ", decimals: 99"
			case 5:
				extra += ", owner: NOBODY"
			case 6:
				extra += ", owner: fin"
			case 7:
				extra += ", trend: {method: guess}"
			case 8:
				name = ""
			}
		}
		nameKV := "name: " + name
		if name == "" {
			nameKV = "description: no name"
		}
		if i%3 == 0 { // a block mapping over several lines
			fmt.Fprintf(&b, "  - code: %s\n    %s\n    directorate: %s\n", code, nameKV, dir)
			for _, kv := range strings.Split(extra, ", ") {
				k, v, _ := strings.Cut(kv, ": ")
				fmt.Fprintf(&b, "    %s: %s\n", k, v)
			}
			continue
		}
		fmt.Fprintf(&b, "  - {code: %s, %s, directorate: %s, %s}\n", code, nameKV, dir, extra)
	}
	return b.String()
}

// Read in parts on several cores, a long indicators list gives the catalogue and the
// problems, in order, that reading it on one core gives.
func TestIndicatorsInPartsReadAsOneByOne(t *testing.T) {
	for _, c := range []struct {
		name string
		n, k int
	}{
		{"valid", 1200, 0},
		{"a fault in every 7th", 1200, 7},
		{"faults in most, more than a list keeps", 1500, 1},
		{"too few to read in parts", minIndicatorsApart + 3, 5},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := []byte(manyIndicators(c.n, c.k))
			if quickDocument(src) == nil {
				t.Fatal("the quick parser left the catalogue to yaml.v3; the parts would not be tried")
			}
			parse := func(procs int) (*Catalogue, string) {
				was := runtime.GOMAXPROCS(procs)
				defer runtime.GOMAXPROCS(was)
				cat, err := Parse("many.yaml", src)
				if err != nil {
					return nil, err.Error()
				}
				return cat, ""
			}
			oneCat, oneErr := parse(1)
			for _, procs := range []int{2, 3, 4} {
				cat, err := parse(procs)
				if err != oneErr {
					t.Errorf("on %d cores the problems differ from one core's: %s", procs, firstDifference(err, oneErr))
				}
				if !reflect.DeepEqual(cat, oneCat) {
					t.Errorf("on %d cores the catalogue differs from one core's", procs)
				}
			}
			if c.k > 0 && oneErr == "" {
				t.Error("the faults gave no problem; the test would not see them reordered")
			}
			if c.k == 0 && oneErr != "" {
				t.Errorf("the valid catalogue has problems: %.500s", oneErr)
			}
			if c.k == 1 && !strings.Contains(oneErr, "not listed") {
				t.Error("more problems than a list keeps, yet none left unlisted")
			}
		})
	}
}

// firstDifference shows the first line where a and b differ.
func firstDifference(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d: %q\n   one core: %q", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines against %d", len(al), len(bl))
}
