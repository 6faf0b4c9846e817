package catalogue

import (
	"slices"
	"testing"

	"github.com/example/qpr/pkg/period"
)

func TestNumbersKeysRead(t *testing.T) {
	src := "projection: {min_points: 8}\n" + head + `    polarity: higher
    unit: percent
    frequency: monthly
    aggregate: ratio
    basis: ytd
    spc: {rebase: ["2023-03", "2022/23 Q3", "Sep 2021"]}
    projection: {min_points: 4}
  - {code: CS02, name: Q, directorate: CED, polarity: lower, spc: {rebase: ["2023-05"]}}
`
	cat, err := Parse("c.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	cs01, cs02 := cat.Indicators[0], cat.Indicators[1]
	if cs01.Aggregate != Ratio || cs01.Basis != BasisYearToDate || cs01.Projection.MinPoints != 4 {
		t.Errorf("CS01: aggregate %s basis %s min_points %d", cs01.Aggregate, cs01.Basis, cs01.Projection.MinPoints)
	}
	// Months for a monthly indicator, sorted: Sep 2021, Oct 2022 (first month of 2022/23 Q3
	// with an April year), Mar 2023.
	want := []int{period.Month{Year: 2021, Month: 9}.Index(), period.Month{Year: 2022, Month: 10}.Index(), period.Month{Year: 2023, Month: 3}.Index()}
	if !slices.Equal(cs01.SPC.Rebase, want) {
		t.Errorf("CS01 rebase %v, want %v", cs01.SPC.Rebase, want)
	}
	// A month for a quarterly indicator is the quarter containing it: May 2023 is 2023/24 Q1.
	if want := (period.Quarter{Year: 2023, Q: 1}).Index(); !slices.Equal(cs02.SPC.Rebase, []int{want}) {
		t.Errorf("CS02 rebase %v, want [%d]", cs02.SPC.Rebase, want)
	}
	if cs02.Basis != BasisQuarter || cs02.Projection.MinPoints != 8 {
		t.Errorf("CS02 basis %q min_points %d, want Q and the catalogue's 8", cs02.Basis, cs02.Projection.MinPoints)
	}
	if Percent.RatioScale() != 100 || Rate.RatioScale() != 1 || Number.RatioScale() != 1 {
		t.Error("ratio scales: percent 100, others 1")
	}
}

func TestNumbersKeysRefused(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"basis typo", head + "    polarity: higher\n    basis: YDT\n",
			`c.yaml:8: basis "YDT" is not valid; did you mean "YTD"? use Q, MS, YTD, R12M or A (quarter, month snapshot, year to date, rolling 12 months, annual)`},
		{"basis unknown", head + "    polarity: higher\n    basis: weekly\n",
			`c.yaml:8: basis "weekly" is not valid; use Q, MS, YTD, R12M or A (quarter, month snapshot, year to date, rolling 12 months, annual)`},
		{"rebase not a period", head + "    polarity: higher\n    spc: {rebase: [March]}\n",
			`c.yaml:8: rebase "March" in indicator CS01: `},
		{"rebase twice", head + "    polarity: higher\n    spc: {rebase: [2023/24 Q1, 2023-05]}\n",
			`c.yaml:8: rebase "2023-05" in indicator CS01 is the same period as "2023/24 Q1"; give each recalculation point once`},
		{"spc unknown key", head + "    polarity: higher\n    spc: {rebsae: [2023-05]}\n",
			`c.yaml:8: unknown key "rebsae" in the spc of indicator CS01; did you mean "rebase"?`},
		{"min points too few", head + "    polarity: higher\n    projection: {min_points: 2}\n",
			`c.yaml:8: min_points 2 is too small; use a whole number of points, 3 or more`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(c.src))
			if err == nil {
				t.Fatal("no error")
			}
			got := err.Error()
			if len(got) < len(c.want) || got[:len(c.want)] != c.want {
				t.Errorf("error:\n got %s\nwant %s", got, c.want)
			}
		})
	}
}
