package data

import (
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/data/internal/decimal"
	"github.com/example/qpr/pkg/period"
)

func TestParseValue(t *testing.T) {
	cases := []struct {
		in      string
		want    float64
		missing bool
	}{
		{"85", 85, false},
		{" 85 ", 85, false},
		{"85%", 85, false},
		{"85 %", 85, false},
		{"57.5%", 57.5, false},
		{"1,234", 1234, false},
		{"1,234,567.25", 1234567.25, false},
		{"-1,234", -1234, false},
		{"£1,234", 1234, false},
		{"-£12.50", -12.5, false},
		{".5", 0.5, false},
		{"+3", 3, false},
		{"1.5E+06", 1500000, false},
		{"\u00a042\u00a0", 42, false},
		{"0.1234567890123", 0.123456789, false}, // 10 significant figures
		{"n/a", 0, true},
		{"N/A", 0, true},
		{"na", 0, true},
		{"NA", 0, true},
		{"-", 0, true},
		{"..", 0, true},
		{"*", 0, true},
		{"\u2013", 0, true},
	}
	for _, c := range cases {
		v, missing, err := ParseValue(c.in)
		if err != nil || v != c.want || missing != c.missing {
			t.Errorf("ParseValue(%q) = %v, %v, %v; want %v, %v, nil", c.in, v, missing, err, c.want, c.missing)
		}
	}
}

func TestParseValueRejects(t *testing.T) {
	cases := map[string]string{
		"":          "the value is blank; write a number such as 85 or 85%, or n/a for missing",
		"abc":       `"abc" is not a number; write a number such as 85 or 85%, or n/a for missing`,
		"NaN":       `"NaN" is not a number; write a number such as 85 or 85%, or n/a for missing`,
		"Inf":       `"Inf" is not a number; write a number such as 85 or 85%, or n/a for missing`,
		"-Infinity": `"-Infinity" is not a number; write a number such as 85 or 85%, or n/a for missing`,
		"1e999":     `"1e999" is too large to be a value; write a number such as 85 or 85%, or n/a for missing`,
		"1,23":      `"1,23" is not a number: a comma must separate thousands (1,234); write a number such as 85 or 85%, or n/a for missing`,
		"12,34,567": `"12,34,567" is not a number: a comma must separate thousands (1,234); write a number such as 85 or 85%, or n/a for missing`,
		"%":         `"%" is not a number; write a number such as 85 or 85%, or n/a for missing`,
		"85%%":      `"85%%" is not a number; write a number such as 85 or 85%, or n/a for missing`,
		"#N/A":      "cell holds the error #N/A; correct the formula, or write n/a if the value is missing",
		"0x10":      `"0x10" is not a number; write a number such as 85 or 85%, or n/a for missing`,
		"1_000":     `"1_000" is not a number; write a number such as 85 or 85%, or n/a for missing`,
	}
	for in, want := range cases {
		_, _, err := ParseValue(in)
		if err == nil || err.Error() != want {
			t.Errorf("ParseValue(%q) error = %v, want %q", in, err, want)
		}
	}
}

func TestRound10(t *testing.T) {
	cases := []struct{ in, want float64 }{
		{0.57 * 100, 57},
		{0.1 + 0.2, 0.3},
		{123456789012, 123456789000},
		{-0.000123456789012, -0.000123456789},
		{0, 0},
		{1e300 * 10, 1e301},
	}
	for _, c := range cases {
		if got := Round10(c.in); got != c.want {
			t.Errorf("Round10(%.17g) = %.17g, want %.17g", c.in, got, c.want)
		}
	}
	if !math.IsNaN(Round10(math.NaN())) || !math.IsInf(Round10(math.Inf(-1)), -1) {
		t.Error("Round10 must pass NaN and Inf through")
	}
}

// Round10's way without text gives what the text gives, over values as data holds them
// (short decimals, percentages as stored and scaled), next to powers of ten, halfway between
// two 10-figure numbers, and any bits at all.
func TestRound10WithoutText(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 10))
	var xs []float64
	for e := -7; e <= 16; e++ {
		p := math.Pow(10, float64(e))
		xs = append(xs, p, math.Nextafter(p, 0), math.Nextafter(p, math.Inf(1)), 9.9999999995*p, 9.99999999949*p, 1.0000000005*p, 1.00000000049*p)
	}
	for range 200_000 {
		n := float64(rng.Int64N(1e12))
		d := decimal.Pow10[rng.IntN(len(decimal.Pow10))]
		xs = append(xs, n/d, n/d*100, n/d/100, (n+0.5)/d, n*d, math.Float64frombits(rng.Uint64()))
	}
	for _, x := range xs {
		for _, x := range []float64{x, -x} {
			if got, want := Round10(x), round10Text(x); math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
				t.Fatalf("Round10(%.17g) = %.17g, want %.17g", x, got, want)
			}
		}
	}
}

func TestClassifyFormatCode(t *testing.T) {
	cases := map[string]formatKind{
		"0.0%":                formatPercent,
		`0"%"`:                formatPlain, // a quoted % is shown, not applied
		`0\%`:                 formatPlain,
		"#,##0;[Red]-#,##0":   formatPlain,
		"mmm-yy":              formatDate,
		`mmm\-yy`:             formatDate,
		"dd/mm/yyyy":          formatDate,
		"[$-809]dd mmmm yyyy": formatDate,
		"[h]:mm":              formatDate,
		"General":             formatPlain,
		`"Q"0`:                formatPlain,
		"0.00%;-0.00%":        formatPercent,
		"[Red]0%":             formatPercent,
		"0.00E+00":            formatPlain,
		`_-£* #,##0_-`:        formatPlain,
	}
	for code, want := range cases {
		if got := classifyFormatCode(code); got != want {
			t.Errorf("classifyFormatCode(%q) = %d, want %d", code, got, want)
		}
	}
}

// The hand-written number checks agree with the regular expressions they replace, which are
// kept here as the definition.
func TestNumberShapesMatchTheirDefinition(t *testing.T) {
	plain := regexp.MustCompile(`^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$`)
	grouped := regexp.MustCompile(`^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$`)
	alphabet := []string{"", "0", "1", "9", ".", ",", "e", "E", "+", "-", "x", " "}
	var walk func(s string, depth int)
	walk = func(s string, depth int) {
		if ok, _ := plainNumber(s); ok != plain.MatchString(s) {
			t.Errorf("plainNumber(%q) = %v, want %v", s, ok, !ok)
		}
		if ok := groupedNumber(s); ok != grouped.MatchString(s) {
			t.Errorf("groupedNumber(%q) = %v, want %v", s, ok, !ok)
		}
		if depth == 0 {
			return
		}
		for _, a := range alphabet[1:] {
			walk(s+a, depth-1)
		}
	}
	walk("", 6)
	for _, s := range []string{"1,234", "12,345,678.5", "1,234,", "1234,567", "1.5e+06", "00012.50", "0.0000000001234567891"} {
		if ok, _ := plainNumber(s); ok != plain.MatchString(s) {
			t.Errorf("plainNumber(%q) = %v", s, ok)
		}
		if groupedNumber(s) != grouped.MatchString(s) {
			t.Errorf("groupedNumber(%q) wrong", s)
		}
	}
}

// Values of ten significant figures or fewer skip Round10; what they give must be what it
// would give.
func TestShortValuesNeedNoRounding(t *testing.T) {
	for _, s := range []string{"0.1", "57.5", "1234567890", "0.000123456789", "99.99999999", "-3.3", "1e5", "0.30000000000000004", "123456789012"} {
		v, _, err := ParseValue(s)
		if err != nil {
			t.Fatal(err)
		}
		f, _ := strconv.ParseFloat(s, 64)
		if want := Round10(f); v != want {
			t.Errorf("ParseValue(%q) = %v, want %v", s, v, want)
		}
	}
}

// A period written as a date serial (a date cell formatted as General) is named as one, with
// the date worked out from Excel's count: 45107 is 30 June 2023 (=DATE(2023,6,30) in Excel
// and LibreOffice gives 45107), 25569 is 1 January 1970, 73050 is 31 December 2099 (days from 30 December 1899, by Python's datetime).
func TestDateSerialPeriods(t *testing.T) {
	cases := []struct {
		label string
		want  string // the date named, or "" for no mention of a date serial
	}{
		{"45107", "2023-06-30"},
		{"45199", "2023-09-30"},
		{"25569", "1970-01-01"},
		{"73050", "2099-12-31"},
		{"25568", ""},
		{"73051", ""},
		{"2023", ""},
		{"45107.5", ""},
	}
	for _, c := range cases {
		t.Run(c.label, func(t *testing.T) {
			_, err := newPeriodCache(april).parse(c.label)
			if err == nil {
				t.Fatalf("%s read as a period", c.label)
			}
			mentions := strings.Contains(err.Error(), "date serial")
			if c.want == "" {
				if mentions {
					t.Errorf("%s: %v", c.label, err)
				}
				return
			}
			want := c.label + " looks like an Excel date serial for " + c.want + " (a date in a cell formatted as General or Number); format the cell as a date, or type the month as " + c.want[:7]
			if err.Error() != want {
				t.Errorf("got  %v\nwant %s", err, want)
			}
		})
	}
}

// The period cache answers every lookup as parsing the label afresh does, whatever order the
// labels come in: the same label again, the labels of each indicator in turn, a label that
// does not read, and more distinct labels than the cache keeps.
func TestPeriodCacheAnswersAsParsing(t *testing.T) {
	labels := []string{"2023/24 Q1", "2023/24 Q2", "2023-09", "Sep-23", "Q5", "45107", "2023/24 Q3", "2023/24 Q4", "x"}
	for i := range maxCachedPeriods + 10 {
		labels = append(labels, fmt.Sprintf("%d-%02d", 1900+i/12, i%12+1))
	}
	rng := rand.New(rand.NewPCG(8, 1))
	pc := newPeriodCache(april)
	var seq []string
	for range 30 { // each indicator's periods in the same order, now and then a label out of turn
		for _, l := range labels[:8] {
			seq = append(seq, l)
			if rng.IntN(10) == 0 {
				seq = append(seq, labels[rng.IntN(len(labels))])
			}
		}
	}
	seq = append(seq, labels...)
	for range 20000 {
		seq = append(seq, labels[rng.IntN(len(labels))])
	}
	for n, label := range seq {
		want, wantErr := (&periodCache{cal: april}).parse(label) // no map: parsed afresh
		var got period.Period
		var err error
		if n%2 == 0 {
			got, err = pc.parse(label)
		} else {
			key, ok := pc.key(label)
			if ok {
				got, _ = unpackPeriod(key)
			} else {
				_, err = pc.parse(label)
			}
		}
		if got != want || fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Fatalf("lookup %d, %q: %v, %v; want %v, %v", n, label, got, err, want, wantErr)
		}
	}
}
