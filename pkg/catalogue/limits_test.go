package catalogue

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/period"
)

const smallCatalogue = "year_start: 7 # July\ndirectorates:\n  - {code: D, name: Dee}\nindicators:\n  - {code: Ab1, name: NAME, directorate: D, type: activity}\n"

func TestCatalogueSizeAndTextLimits(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(path, []byte(smallCatalogue), 0o644); err != nil {
		t.Fatal(err)
	}
	size := int64(len(smallCatalogue))
	if _, err := LoadWithin(path, Limits{Size: size, Text: 12}); err != nil {
		t.Errorf("a catalogue of exactly the limits: %v", err)
	}
	_, err := LoadWithin(path, Limits{Size: size - 1, Text: 100})
	if want := path + ": the catalogue is " + itoa(size) + " bytes, more than the catalogue_size limit of " + itoa(size-1) + " bytes; if it is right, raise it with --limit catalogue_size=" + itoa(4*(size-1)) + " bytes or under limits: in qpr.yaml"; err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant  %s", err, want)
	}
	long := strings.Replace(smallCatalogue, "NAME", strings.Repeat("é", 13), 1)
	_, err = ParseWithin("c.yaml", []byte(long), Limits{Size: 1 << 20, Text: 12})
	if want := "c.yaml:5: this value is 13 characters long, more than the catalogue_text limit of 12; shorten it, or if it is right raise the limit with --limit catalogue_text=48 or under limits: in qpr.yaml"; err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant  %s", err, want)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestPeekCalendar(t *testing.T) {
	for src, want := range map[string]int{
		smallCatalogue:                 7,
		"organisation: x\n":            period.DefaultCalendar.YearStart,
		"  year_start: 1\n":            period.DefaultCalendar.YearStart, // not at the top level
		"year_start: 13\n":             period.DefaultCalendar.YearStart,
		"title: t\nyear_start: 1\r\n":  1,
		"year_start: [1]\nyear_start:": period.DefaultCalendar.YearStart,
	} {
		if got := PeekCalendar([]byte(src)); got.YearStart != want {
			t.Errorf("PeekCalendar(%q) = %d, want %d", src, got.YearStart, want)
		}
	}
}

func TestIndicatorLookupIgnoresCase(t *testing.T) {
	cat, err := Parse("c.yaml", []byte(smallCatalogue))
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"Ab1", "AB1", "ab1", "aB1"} {
		if ind, ok := cat.Indicator(code); !ok || ind.Code != "Ab1" {
			t.Errorf("Indicator(%q) = %v, %v", code, ind, ok)
		}
	}
	if _, ok := cat.Indicator("Ab2"); ok {
		t.Error("Ab2 found")
	}
	// A copy with other indicators does not answer from the original's index.
	other := &Indicator{Code: "ZZ"}
	cp := *cat
	cp.Indicators = []*Indicator{other}
	if ind, ok := cp.Indicator("zz"); !ok || ind != other {
		t.Errorf("copy: Indicator(zz) = %v, %v", ind, ok)
	}
	if _, ok := cp.Indicator("Ab1"); ok {
		t.Error("copy: Ab1 found from the original's index")
	}
}

// A line too long to hold any value within the limit is refused before the YAML parser
// reads it (which would hold it several times over).
func TestLongLineRefusedBeforeParsing(t *testing.T) {
	long := strings.Replace(smallCatalogue, "NAME", strings.Repeat("x", 4*12+1024+1), 1)
	_, err := ParseWithin("c.yaml", []byte(long), Limits{Size: 1 << 20, Text: 12})
	want := "c.yaml:5: this line is " + itoa(int64(len("  - {code: Ab1, name: , directorate: D, type: activity}")+4*12+1024+1)) + " characters long, more than any value may be (the catalogue_text limit is 12); shorten it, or if it is right raise the limit with --limit catalogue_text=" + itoa(int64(len("  - {code: Ab1, name: , directorate: D, type: activity}")+4*12+1024+1)) + " or under limits: in qpr.yaml"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant  %s", err, want)
	}
}
