package present

import (
	"slices"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/benchmark"
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/report"
)

func n(v int) *int { return &v }

// good is a higher-is-better percentage: 90, 84 (us), 84, 70 in 2022/23, so we share 2nd of
// 4 (quartile ceil(8/4) = 2) and sit on the median of (84+84)/2 = 84; in 2021/22 we were
// 3rd of 5. Two members have no figure.
func good() benchmark.Position {
	return benchmark.Position{
		Group: "cipfa", GroupName: "CIPFA nearest neighbours", Polarity: catalogue.Higher,
		Period: s("2022/23"), Value: f(84), Rank: n(2), Of: 4, Quartile: n(2), Median: f(84), Gap: f(0), Place: n(2),
		RankPrevious: n(3), PeriodPrevious: s("2021/22"), OfPrevious: n(5), Members: 6, Stale: true,
		Missing: []benchmark.Area{{Code: "E5", Name: "Westmoor"}, {Code: "E6", Name: "Midvale"}},
		Areas: []benchmark.AreaValue{{Code: "E2", Name: "Northshire", Value: 90, Rank: 1}, {Code: "E1", Name: "Example", Value: 84, Rank: 2, Us: true},
			{Code: "E3", Name: "Southby", Value: 84, Rank: 2}, {Code: "E4", Name: "Eastham", Value: 70, Rank: 4}},
		Sources: []string{"comparators/cipfa.csv"}, OurPeriod: "2023/24 Q2",
	}
}

// wait is lower-is-better days for the report quarter itself: 8, 10, 12 (us), 12.5, 15, 20;
// 3rd of 6, quartile ceil(12/6) = 2, median (12+12.5)/2 = 12.25.
func wait() benchmark.Position {
	return benchmark.Position{
		Group: "cipfa", GroupName: "CIPFA nearest neighbours", Polarity: catalogue.Lower,
		Period: s("2023/24 Q2"), Value: f(12), Rank: n(3), Of: 6, Quartile: n(2), Median: f(12.25), Gap: f(-0.25), Place: n(4),
		Members: 6, Missing: []benchmark.Area{},
		Areas: []benchmark.AreaValue{{Code: "E6", Name: "Midvale", Value: 8, Rank: 1}, {Code: "E2", Name: "Northshire", Value: 10, Rank: 2},
			{Code: "E1", Name: "Example", Value: 12, Rank: 3, Us: true}, {Code: "E5", Name: "Westmoor", Value: 12.5, Rank: 4},
			{Code: "E3", Name: "Southby", Value: 15, Rank: 5}, {Code: "E4", Name: "Eastham", Value: 20, Rank: 6}},
		Sources: []string{"comparators/cipfa.csv"}, OurPeriod: "2023/24 Q2",
	}
}

func TestComparisonSentences(t *testing.T) {
	calls := benchmark.Position{
		Group: "cipfa", GroupName: "CIPFA nearest neighbours", Period: s("2022/23"), Value: f(100), Of: 3, Median: f(200), Place: n(3),
		Members: 6, Stale: true, OurPeriod: "2023/24 Q2", Missing: []benchmark.Area{{Name: "Eastham"}, {Name: "Westmoor"}, {Name: "Midvale"}},
		Areas: []benchmark.AreaValue{{Name: "Northshire", Value: 300, Rank: 1}, {Name: "Southby", Value: 200, Rank: 2}, {Name: "Example", Value: 100, Rank: 3, Us: true}},
	}
	noUs := good()
	noUs.Value, noUs.Rank, noUs.Quartile, noUs.Place, noUs.Gap, noUs.RankPrevious = nil, nil, nil, nil, nil, nil
	down := wait()
	down.RankPrevious, down.PeriodPrevious, down.OfPrevious = n(1), s("2023/24 Q1"), n(6)
	few := good()
	few.Of, few.Rank, few.Quartile, few.RankPrevious = 3, n(1), n(2), nil
	few.Areas = few.Areas[:3]
	many := wait()
	many.Missing = []benchmark.Area{{Name: "A"}, {Name: "B"}, {Name: "C"}, {Name: "D"}, {Name: "E"}}
	many.Members = 11
	cases := []struct {
		name     string
		in       report.Indicator
		want     string
		cell     string
		quartile int
	}{
		{"tied, stale, missing members, up since last year",
			report.Indicator{Unit: catalogue.Percent, Benchmark: []benchmark.Position{good()}},
			"Joint 2nd of 4 CIPFA nearest neighbours in 2022/23 (second quartile); 84% against a median of 84%. Up from 3rd of 5 in 2021/22. Comparators 2022/23, ours 2023/24 Q2. No figure for Westmoor or Midvale.",
			"joint 2nd of 4 (second quartile)", 2},
		// At no decimals 12 and the median 12.25 would both show as 12: one place more.
		{"lower is better, current, places to tell us from the median",
			report.Indicator{Unit: catalogue.Days, Benchmark: []benchmark.Position{wait()}},
			"3rd of 6 CIPFA nearest neighbours in 2023/24 Q2 (second quartile); 12.0 days against a median of 12.3 days.",
			"3rd of 6 (second quartile)", 2},
		{"down since the last period",
			report.Indicator{Unit: catalogue.Days, Benchmark: []benchmark.Position{down}},
			"3rd of 6 CIPFA nearest neighbours in 2023/24 Q2 (second quartile); 12.0 days against a median of 12.3 days. Down from 1st of 6 in 2023/24 Q1.",
			"3rd of 6 (second quartile)", 2},
		{"no polarity: a place, not a rank",
			report.Indicator{Unit: catalogue.Number, Benchmark: []benchmark.Position{calls}},
			"3rd highest of 3 CIPFA nearest neighbours in 2022/23 (not ranked: higher is neither better nor worse); 100 against a median of 200. Comparators 2022/23, ours 2023/24 Q2. No figure for Eastham, Westmoor or Midvale.",
			"3rd highest of 3", 0},
		{"no figure for us",
			report.Indicator{Unit: catalogue.Percent, Benchmark: []benchmark.Position{noUs}},
			"The CIPFA nearest neighbours figures for 2022/23 have none for us; their median is 84% (4 with a figure). Comparators 2022/23, ours 2023/24 Q2. No figure for Westmoor or Midvale.",
			"No figure for us", 0},
		{"too few for quartiles",
			report.Indicator{Unit: catalogue.Percent, Benchmark: []benchmark.Position{few}},
			"1st of 3 CIPFA nearest neighbours in 2022/23; 84% against a median of 84%. Comparators 2022/23, ours 2023/24 Q2. No figure for Westmoor or Midvale.",
			"1st of 3", 0},
		{"many missing are counted",
			report.Indicator{Unit: catalogue.Days, Benchmark: []benchmark.Position{many}},
			"3rd of 6 CIPFA nearest neighbours in 2023/24 Q2 (second quartile); 12.0 days against a median of 12.3 days. No figure for 5 of the 11 members.",
			"3rd of 6 (second quartile)", 2},
		{"no comparator period yet",
			report.Indicator{Unit: catalogue.Percent, Benchmark: []benchmark.Position{{GroupName: "CIPFA nearest neighbours", Members: 6, OurPeriod: "2023/24 Q2"}}},
			"No CIPFA nearest neighbours figures up to 2023/24 Q2.", "No figures", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Comparisons(&c.in)
			if len(got) != 1 {
				t.Fatalf("%d comparisons", len(got))
			}
			if got[0].Sentence != c.want {
				t.Errorf("sentence\n got %s\nwant %s", got[0].Sentence, c.want)
			}
			if got[0].Cell != c.cell || ComparisonCell(&c.in) != c.cell {
				t.Errorf("cell = %q, want %q", got[0].Cell, c.cell)
			}
			if got[0].Quartile != c.quartile {
				t.Errorf("quartile = %d, want %d", got[0].Quartile, c.quartile)
			}
		})
	}
	if got := ComparisonCell(&report.Indicator{}); got != "–" {
		t.Errorf("cell of an indicator not compared = %q", got)
	}
}

func TestGroupChartMarksUsByMoreThanColour(t *testing.T) {
	in := report.Indicator{Name: "Good schools", Unit: catalogue.Percent, Benchmark: []benchmark.Position{good()}}
	f := Comparisons(&in)[0].Figure
	if f.Title != "Good schools: CIPFA nearest neighbours, 2022/23" {
		t.Errorf("title = %q", f.Title)
	}
	c := f.Chart
	var ranks []string
	for _, l := range c.Labels {
		ranks = append(ranks, l.Top+"/"+l.Bottom)
	}
	// Best first: 90 (1), 84 us (2=), 84 (2=), 70 (4); ours a diamond labelled "us".
	if got := strings.Join(ranks, " "); got != "1/ 2=/us 2=/ 4/" {
		t.Errorf("labels = %s", got)
	}
	if c.Points[1].Mark != MarkUs || c.Points[0].Mark != MarkDot || c.Points[1].Value != 84 || c.Points[3].Value != 70 {
		t.Errorf("points = %+v", c.Points)
	}
	// Our label is kept however the axis is thinned.
	if kept := c.ThinLabels(3); !slices.ContainsFunc(kept, func(l AxisLabel) bool { return l.Bottom == "us" }) {
		t.Errorf("thinned labels lose ours: %+v", kept)
	}
	// A dot plot need not start at 0: 70 is above 0.35 x 90, so the axis keeps 70 to 90, and a
	// fifth of the span, 4, rounds up to a step of 5.
	if c.Axis.Min != 70 || c.Axis.Max != 90 || c.Axis.Step != 5 {
		t.Errorf("axis = %+v", c.Axis)
	}
	if len(c.SPC) != 1 || c.SPC[0].Mean != 84 || c.SPC[0].Lower != nil || c.SPC[0].LastSlot != 3 {
		t.Errorf("median line = %+v", c.SPC)
	}
	var legend []string
	for _, l := range c.Legend {
		legend = append(legend, l.Label)
	}
	if got := strings.Join(legend, "|"); got != "A member's figure|Example (us)|Median 84%" {
		t.Errorf("legend = %s", got)
	}
	wantAlt := "Dot plot of Good schools for the 4 CIPFA nearest neighbours with a figure in 2022/23, best (highest) first: from Northshire, 90%, to Eastham, 70%; median 84%. Ours, marked with a diamond and labelled us, is joint 2nd at 84%."
	if f.Alt != wantAlt {
		t.Errorf("alt\n got %s\nwant %s", f.Alt, wantAlt)
	}
	if got := f.Figures.Rows; len(got) != 5 || strings.Join(got[1], "|") != "2=|Example (us)|84%" || strings.Join(got[4], "|") != "|Median|84%" {
		t.Errorf("figures = %v", got)
	}
}

func TestQuartileGridAndKey(t *testing.T) {
	bottom := wait()
	bottom.Rank, bottom.Quartile = n(6), n(4)
	r := &report.Report{Period: q(t, "2023/24 Q2"), Indicators: []report.Indicator{
		{Code: "GOOD", Type: catalogue.KPI, RAG: rating(report.Rating("green")), Benchmark: []benchmark.Position{good()}},
		{Code: "WAIT", Type: catalogue.KPI, RAG: rating(report.Rating("red")), Benchmark: []benchmark.Position{bottom}},
		{Code: "NOTC", Type: catalogue.KPI, RAG: rating(report.Rating("red"))},
		{Code: "CALLS", Type: catalogue.Activity, Activity: activity(report.ActivityStatus("within")), Benchmark: []benchmark.Position{good()}},
	}}
	g := QuartileGridOf(r)
	if g == nil || g.Group != "CIPFA nearest neighbours" || len(g.Rows) != 2 {
		t.Fatalf("grid = %+v", g)
	}
	if g.Rows[0].Status != Green || strings.Join(g.Rows[0].Cells[1], ",") != "GOOD" {
		t.Errorf("green row = %+v", g.Rows[0])
	}
	if g.Rows[1].Status != Red || strings.Join(g.Rows[1].Cells[3], ",") != "WAIT" {
		t.Errorf("red row = %+v", g.Rows[1])
	}
	if QuartileGridOf(&report.Report{Indicators: []report.Indicator{{Code: "NOTC"}}}) != nil {
		t.Errorf("a grid for a report with nothing compared")
	}
	key := CompareKeySentence(r)
	if !strings.Contains(key, "context, not a league table") || !strings.HasSuffix(key, "Compared with: CIPFA nearest neighbours (comparators/cipfa.csv; figures for 2022/23, 2023/24 Q2).") {
		t.Errorf("key = %s", key)
	}
	if CompareKeySentence(&report.Report{}) != "" {
		t.Errorf("a key sentence for a report with nothing compared")
	}
}

func TestOrdinals(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 101: "101st", 111: "111th"} {
		if got := Ordinal(n); got != want {
			t.Errorf("Ordinal(%d) = %s, want %s", n, got, want)
		}
	}
}
