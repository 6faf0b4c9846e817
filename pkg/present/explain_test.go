package present

import (
	"strings"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/report"
)

func TestExplainSaysTheRuleWithTheNumbers(t *testing.T) {
	year := "2023/24"
	earlier := "2022/23"
	kpi := func(pol catalogue.Polarity, value float64, target, floor *float64, word report.Rating) *report.Indicator {
		display := strings.TrimSuffix(strings.TrimRight(strings.TrimRight(Format(value, catalogue.Percent, 1), "%"), "0"), ".")
		in := &report.Indicator{Code: "K1", Name: "Calls answered", Type: catalogue.KPI, Unit: catalogue.Percent, Polarity: polarity(pol),
			Value: f(value), Display: &display, Target: target, Floor: floor, RAG: rating(word),
			ThresholdsFrom: &report.ThresholdsFrom{Year: &year}}
		return in
	}
	r := &report.Report{Period: q(t, "2023/24 Q2")}
	cases := []struct {
		name       string
		in         *report.Indicator
		thresholds string
		rule       string
	}{
		{"green, higher", kpi(catalogue.Higher, 86, f(85), f(75), report.Green),
			"The thresholds used are 2023/24's: target 85%, floor 75% (higher is better).",
			"86% is at or above the target of 85%, so it is rated Green."},
		{"amber, higher", kpi(catalogue.Higher, 80, f(85), f(75), report.Amber), "",
			"80% is below the target of 85% but at or above the floor of 75%, so it is rated Amber."},
		{"red, higher", kpi(catalogue.Higher, 74.5, f(85), f(75), report.Red), "",
			"74.5% is below the floor of 75%, so it is rated Red."},
		{"amber, lower", kpi(catalogue.Lower, 9, f(8), f(10), report.Amber), "",
			"9% is above the target of 8% but at or below the floor of 10%, so it is rated Amber."},
		{"red without a floor", kpi(catalogue.Higher, 80, f(85), nil, report.Red),
			"The thresholds used are 2023/24's: target 85%, no floor (higher is better).",
			"80% is below the target of 85%, and no floor is set, so it is rated Red."},
	}
	profiled := kpi(catalogue.Higher, 55, f(56), f(54), report.Amber)
	profiled.ThresholdsFrom.Profile = true
	cases = append(cases, struct {
		name       string
		in         *report.Indicator
		thresholds string
		rule       string
	}{"a profile", profiled, "The thresholds used are those the profile of 2023/24 sets for 2023/24 Q2: target 56%, floor 54% (higher is better).",
		"55% is below the target of 56% but at or above the floor of 54%, so it is rated Amber."})
	inherited := kpi(catalogue.Higher, 86, f(85), f(75), report.Green)
	inherited.ThresholdsFrom.Year = &earlier
	cases = append(cases, struct {
		name       string
		in         *report.Indicator
		thresholds string
		rule       string
	}{"inherited", inherited, "The thresholds used are 2022/23's, carried into 2023/24, which sets none of its own: target 85%, floor 75% (higher is better).", ""})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Explain(r, c.in)
			joined := strings.Join(got, "\n")
			if c.thresholds != "" && !strings.Contains(joined, c.thresholds) {
				t.Errorf("no %q in\n%s", c.thresholds, joined)
			}
			if c.rule != "" && !strings.Contains(joined, c.rule) {
				t.Errorf("no %q in\n%s", c.rule, joined)
			}
			if got[1] != "The catalogue gives no definition." {
				t.Errorf("second line %q", got[1])
			}
		})
	}
}

func TestAboutGivesTheMeaningInOrder(t *testing.T) {
	def, src, note := "Calls answered by an advisor", "Telephony system.", "One caller in twelve answers"
	in := &report.Indicator{Meaning: report.Meaning{Definition: &def, Source: &src,
		DataQuality: &report.DataQuality{Rating: catalogue.QualityAdequate, Note: &note}}}
	want := []string{"Definition: Calls answered by an advisor.", "Source: Telephony system.", "Data quality: Adequate. One caller in twelve answers."}
	if got := About(in); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("About\n got %q\nwant %q", got, want)
	}
}
