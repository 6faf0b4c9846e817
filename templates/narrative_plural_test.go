package templates

import (
	"strings"
	"testing"
)

// Every count the narrative puts in a sentence, at 0, 1 and 2, with the words worked out by
// hand: the noun and verb agree with the number in each case.
func TestNarrativeSingularAndPlural(t *testing.T) {
	type change func(s *summary, n int)
	cases := []struct {
		name string
		set  change
		want [3]string // for 0, 1 and 2
	}{
		{"kpis", func(s *summary, n int) { s.KPIs = n + 1 },
			[3]string{"Of the one KPI in this report", "Of the 2 KPIs in this report", "Of the 3 KPIs in this report"}},
		{"not rated", func(s *summary, n int) { s.RAG.NotRated = n },
			[3]string{"", "1 KPI is not rated because", "2 KPIs are not rated because"}},
		{"no data", func(s *summary, n int) { s.RAG.NoData = n },
			[3]string{"", "1 KPI has no data for the quarter", "2 KPIs have no data for the quarter"}},
		{"improving", func(s *summary, n int) { s.Trend.Improving = n },
			[3]string{"positive for 0 indicators", "positive for 1 indicator", "positive for 2 indicators"}},
		{"stable", func(s *summary, n int) { s.Trend.Stable = n },
			[3]string{"0 are stable or show no clear trend", "1 is stable or shows no clear trend", "2 are stable or show no clear trend"}},
		{"worsening", func(s *summary, n int) { s.Trend.Worsening = n },
			[3]string{"and 0 show a negative trend", "and 1 shows a negative trend", "and 2 show a negative trend"}},
		{"insufficient", func(s *summary, n int) { s.Trend.Insufficient = n },
			[3]string{"", "For 1 KPI there is not yet enough data", "For 2 KPIs there is not yet enough data"}},
		{"red", func(s *summary, n int) { s.RAG.Red = n },
			[3]string{"", "The KPI rated Red is listed below", "The KPIs rated Red are listed below"}},
		{"activity within", func(s *summary, n int) { s.ActivityCount, s.Activity.Within = 3, n },
			[3]string{"0 were within the expected range", "1 was within the expected range", "2 were within the expected range"}},
		{"activity without range", func(s *summary, n int) { s.ActivityCount, s.Activity.NotRated = 3, n },
			[3]string{"", "1 has no expected range this year", "2 have no expected range this year"}},
		{"activity indicators", func(s *summary, n int) { s.ActivityCount, s.Activity.Within = n+1, n+1 },
			[3]string{"The one activity indicator, which is compared with an expected range rather than rated, was within the expected range.",
				"Of the 2 activity indicators", "Of the 3 activity indicators"}},
	}
	for _, c := range cases {
		for n := 0; n <= 2; n++ {
			d := reportData{Summary: summary{KPIs: 5}}
			c.set(&d.Summary, n)
			got, err := Default().Narrative(d)
			if err != nil {
				t.Fatal(err)
			}
			flat := strings.Join(strings.Fields(got), " ")
			if want := c.want[n]; want != "" && !strings.Contains(flat, want) {
				t.Errorf("%s = %d: narrative lacks %q\ngot: %s", c.name, n, want, flat)
			}
			for _, wrong := range []string{"1 are ", "1 show ", "1 KPIs", "1 indicators", "1 were", "1 have ", "2 is ", "2 shows", "2 was ", "2 has "} {
				if strings.Contains(flat, wrong) {
					t.Errorf("%s = %d: %q in %s", c.name, n, wrong, flat)
				}
			}
		}
	}
}
