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

// The YAML parser holds a node of a couple of hundred bytes for every item, so a catalogue of
// nothing but one-character items ("1,1,1,...") within catalogue_size took 5.6GB of memory
// at 60MB. Items are counted from the punctuation before parsing, one allowed per 32 bytes of
// the size limit. Counted by hand: smallCatalogue has 22 (a line that is not blank or a
// comment, and each ':', ',', '-', '?', '[' and '{' before a comment: 2 + 2 + 6 + 2 + 10),
// "x:" 2 more and each "- 1" line 2.
func TestItemsBoundedBySizeLimit(t *testing.T) {
	const lines = 60_000
	src := smallCatalogue + "x:\n" + strings.Repeat("- 1\n", lines)
	items := int64(22 + 2 + 2*lines)
	_, err := ParseWithin("c.yaml", []byte(src), Limits{Size: items * 32, Text: 100})
	if err == nil || !strings.Contains(err.Error(), `unknown key "x"`) || strings.Contains(err.Error(), "list items") {
		t.Errorf("%d items within a limit allowing as many: %v", items, err)
	}
	_, err = ParseWithin("c.yaml", []byte(src), Limits{Size: items*32 - 1, Text: 100})
	if want := "c.yaml:60006: the catalogue holds more than 120,023 keys, values and list items by this line (counted from its punctuation); the catalogue_size limit of 3840767 bytes allows one for every 32 bytes, since each is held in memory many times over; if it is right, raise it with --limit catalogue_size=15363068 bytes or under limits: in qpr.yaml"; err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant  %s", err, want)
	}
	// Blank lines and comments, however much punctuation they hold, build no nodes.
	commented := strings.Repeat("# ,,,,[{:-\n\n", 20_000) + src
	_, err = ParseWithin("c.yaml", []byte(commented), Limits{Size: items * 32, Text: 100})
	if err == nil || strings.Contains(err.Error(), "list items") {
		t.Errorf("comments counted as items: %v", err)
	}
	// However small the size limit, a small catalogue is read.
	if _, err := ParseWithin("c.yaml", []byte(smallCatalogue), Limits{Size: 100, Text: 100}); err != nil {
		t.Errorf("a small catalogue under a small limit: %v", err)
	}
}
