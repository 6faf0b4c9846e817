package example

import (
	"fmt"
	"strings"

	"github.com/example/qpr/pkg/data"
)

// councilTax is the example's year-to-date KPI: council tax collected, which climbs through
// the year to its annual target and starts again each April, rated against a profile by
// quarter. It is on the Chief Executive's Department dashboard only (not tagged qpr), so the
// corporate report's counts stay those of the published report. Its figures are written
// here, not searched for: a sawtooth a little behind last year at 2023/24 Q2 (amber against
// the Q2 profile, and not back on target within four quarters at this year's pace).
var councilTax = struct {
	Code, Name, Description, Directorate, Sheet string
	Values                                      map[string]float64
}{
	Code: "FN10", Name: "Percentage of council tax collected (year to date)",
	Description: "Council tax collected in the financial year to date, of the tax due for the whole year; rated against the collection profile for the quarter.",
	Directorate: "CED", Sheet: "KPIs",
	Values: map[string]float64{
		"2020/21 Q1": 28.1, "2020/21 Q2": 55.0, "2020/21 Q3": 82.9, "2020/21 Q4": 96.6,
		"2021/22 Q1": 28.4, "2021/22 Q2": 55.6, "2021/22 Q3": 83.3, "2021/22 Q4": 96.9,
		"2022/23 Q1": 28.6, "2022/23 Q2": 55.9, "2022/23 Q3": 83.6, "2022/23 Q4": 97.2,
		"2023/24 Q1": 28.7, "2023/24 Q2": 55.6,
	},
}

// councilTaxYAML is FN10's catalogue entry: thresholds with a profile for each year they
// were set, 2020/21 and again (raised) for 2023/24.
const councilTaxYAML = `  - code: FN10
    name: Percentage of council tax collected (year to date)
    description: Council tax collected in the financial year to date, of the tax due for the whole year; rated against the collection profile for the quarter.
    definition: Council tax received in the financial year to date, net of refunds, as a percentage of the net collectable debit for the year at the end of the quarter.
    numerator: Council tax received in the year to date, net of refunds
    denominator: Net collectable debit for the year
    source: Council tax billing system (quarterly collection return)
    target_rationale: The annual target is the collection rate assumed in the budget; the quarterly profile is the average path of the last three years.
    data_quality: {rating: good}
    directorate: CED
    type: kpi
    polarity: higher
    unit: percent
    decimals: 1
    basis: YTD
    thresholds:
      2020/21: {target: 97, floor: 95.5, profile: {Q1: {target: 28, floor: 27}, Q2: {target: 55.5, floor: 54}, Q3: {target: 83.5, floor: 82}}}
      2023/24: {target: 97.5, floor: 96, profile: {Q1: {target: 29, floor: 28}, Q2: {target: 56, floor: 54.5}, Q3: {target: 84, floor: 82.5}}}   # reset for 2023/24
    tags: [dashboard]
`

// councilTaxSeries is FN10's data by quarter index.
func councilTaxSeries() series {
	s := series{}
	for label, v := range councilTax.Values {
		q, err := calendar.ParseQuarter(label)
		if err != nil {
			panic(err) // the labels above are the package's own
		}
		s[q.Index()] = data.Value{V: v}
	}
	return s
}

// rebaseReasons are the example's SPC recalculation points with their reasons, by code.
var rebaseReasons = map[string]struct{ At, Reason string }{
	"CS02": {"2022/23 Q3", "post-call survey moved from the telephone keypad to a text message"},
}

// writeRebase writes a KPI's spc rebase with its reason, if it has one.
func writeRebase(b *strings.Builder, code string) {
	if r, ok := rebaseReasons[code]; ok {
		fmt.Fprintf(b, "    spc: {rebase: [{at: %s, reason: %s}]}\n", r.At, yamlText(r.Reason, true))
	}
}

// events are the example's events: what explains its charts.
var events = []struct{ Code, Period, Text string }{
	{"all", "2022-09", "Period of national mourning: offices closed on 19 September"},
	{"GL03", "2023-01", "Backlog recovery plan agreed: oldest requests answered first"},
	{"FN10", "2023-04", "Annual bills issued with a new twelve-instalment option"},
}

func writeEvents(b *strings.Builder) {
	b.WriteString("\nevents:\n")
	for _, e := range events {
		fmt.Fprintf(b, "  - {code: %s, period: %s, text: %s}\n", e.Code, e.Period, yamlText(e.Text, true))
	}
}
