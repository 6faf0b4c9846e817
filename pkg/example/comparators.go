package example

import (
	"fmt"
	"math"
	"strings"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/period"
)

// The example's comparator groups: sixteen fictional county councils as CIPFA nearest
// neighbours, and the seven of them in our region. The area codes are made up (E99...), so
// that nobody takes a figure for a real council's.
var (
	usArea    = comparatorArea{"E99000001", "Example County"}
	neighbour = []comparatorArea{
		usArea,
		{"E99000002", "Northshire"}, {"E99000003", "Southby"}, {"E99000004", "Eastmoor"},
		{"E99000005", "Westvale"}, {"E99000006", "Middleham"}, {"E99000007", "Brackenshire"},
		{"E99000008", "Fenland Vale"}, {"E99000009", "Highcombe"}, {"E99000010", "Lowfield"},
		{"E99000011", "Ashdown"}, {"E99000012", "Riverford"}, {"E99000013", "Stonebridge"},
		{"E99000014", "Kingsmere"}, {"E99000015", "Oakhampton"}, {"E99000016", "Wealdshire"},
	}
	// region are the members of the region group, by index in neighbour.
	region = []int{0, 1, 3, 6, 8, 11, 14}
)

type comparatorArea struct{ code, name string }

// comparedIndicator is an indicator with comparator figures, as LG Inform would export them.
type comparedIndicator struct {
	code, metric string
	groups       []string
	periods      []comparatorPeriod // oldest first
	spread       float64            // how far the members' figures lie from ours, in the unit
	missing      []int              // members with no figure in the latest period, by index
	absent       []int              // members not in the file at all, by index
	tie          int                // a member given exactly our figure in the latest period; 0 for none
}

// comparatorPeriod is a financial year, or a quarter when quarter is set.
type comparatorPeriod struct {
	year    int
	quarter int
}

func (p comparatorPeriod) label() string {
	if p.quarter > 0 {
		return calendar.Label(period.Quarter{Year: p.year, Q: p.quarter})
	}
	return calendar.YearLabel(p.year)
}

// ourQuarter is the quarter whose figure is ours for the period: the year's last quarter.
func (p comparatorPeriod) ourQuarter() period.Quarter {
	if p.quarter > 0 {
		return period.Quarter{Year: p.year, Q: p.quarter}
	}
	return period.Quarter{Year: p.year, Q: 4}
}

// compared are the example's compared indicators: published yearly (so the comparison is a
// year behind our quarter, and says so), one quarterly in arrears, one lower-is-better with a
// tie and members without a figure, and an activity indicator, placed rather than ranked.
var compared = []comparedIndicator{
	{code: "SISE4", metric: "ofsted_good_outstanding_pct", groups: []string{"cipfa", "region"},
		periods: []comparatorPeriod{{year: 2021}, {year: 2022}}, spread: 4},
	{code: "NEET01", metric: "neet_16_17_pct", groups: []string{"cipfa"},
		periods: []comparatorPeriod{{year: 2021}, {year: 2022}}, spread: 1, missing: []int{9}, absent: []int{13}, tie: 5},
	{code: "SCS03", metric: "children_in_care_per_10000", groups: []string{"cipfa"},
		periods: []comparatorPeriod{{year: 2021}, {year: 2022}}, spread: 12},
	{code: "WM01", metric: "recycling_r12m_pct", groups: []string{"cipfa"},
		periods: []comparatorPeriod{{year: 2023, quarter: 1}}, spread: 6},
	{code: "SCS15", metric: "referrals_childrens_social_care", groups: []string{"cipfa"},
		periods: []comparatorPeriod{{year: 2021}, {year: 2022}}, spread: 0.3},
}

// comparatorsYAML is the catalogue's comparators: block.
func comparatorsYAML() string {
	var b strings.Builder
	b.WriteString("\n# Comparator groups: LG Inform exports of fictional councils' figures (see comparators/).\ncomparators:\n")
	writeGroup := func(id, name string, members []comparatorArea, file string) {
		fmt.Fprintf(&b, "  - id: %s\n    name: %s\n    us: %s\n    members:\n", id, name, usArea.code)
		for _, a := range members {
			fmt.Fprintf(&b, "      - {code: %s, name: %s}\n", a.code, a.name)
		}
		fmt.Fprintf(&b, "    files: [%s]\n", file)
	}
	writeGroup("cipfa", "CIPFA nearest neighbours", neighbour, "comparators/cipfa.csv")
	writeGroup("region", "counties in the region", regionMembers(), "comparators/region.csv")
	return b.String()
}

func regionMembers() []comparatorArea {
	var out []comparatorArea
	for _, i := range region {
		out = append(out, neighbour[i])
	}
	return out
}

// writeBenchmark adds an indicator's benchmark: line, if it is compared.
func writeBenchmark(b *strings.Builder, code string) {
	for _, c := range compared {
		if c.code == code {
			fmt.Fprintf(b, "    benchmark: {metric: %s, groups: [%s]}\n", c.metric, strings.Join(c.groups, ", "))
		}
	}
}

// comparatorFiles are the two groups' files: the region's file holds only its own members.
func comparatorFiles(all map[string]series) map[string][]byte {
	cipfa := comparatorCSV(all, "cipfa", neighbour, nil)
	inRegion := map[int]bool{}
	for _, i := range region {
		inRegion[i] = true
	}
	return map[string][]byte{
		"comparators/cipfa.csv":  cipfa,
		"comparators/region.csv": comparatorCSV(all, "region", neighbour, inRegion),
	}
}

// comparatorCSV writes the members' figures for every indicator compared with group: ours as
// our own data has them for the period (the last quarter of a year), the others drawn about
// ours. only, when given, limits the rows to those members.
func comparatorCSV(all map[string]series, group string, members []comparatorArea, only map[int]bool) []byte {
	var b strings.Builder
	b.WriteString("area_code,area_name,metric,period,value,unit\n")
	for _, c := range compared {
		if !contains(c.groups, group) {
			continue
		}
		ind := indicatorByCode(c.code)
		rng := rngFor("comparators " + c.code)
		unit := string(ind.Unit)
		if ind.Unit == catalogue.Rate {
			unit = `"rate per 10,000"`
		}
		for pi, p := range c.periods {
			ours := ourFigure(all[c.code], ind, p.ourQuarter())
			latest := pi == len(c.periods)-1
			for i, a := range members {
				v := ours
				if i > 0 {
					v = ours + (rng.Float64()*2-1)*c.spread*figureScale(ours, ind)
				}
				if latest && i == c.tie && c.tie > 0 {
					v = ours
				}
				if only != nil && !only[i] || contains(c.absentCodes(), a.code) {
					continue
				}
				text := figureText(v, ind)
				if latest && containsInt(c.missing, i) {
					text = "n/a"
				}
				fmt.Fprintf(&b, "%s,%s,%s,%s,%s,%s\n", a.code, a.name, c.metric, p.label(), text, unit)
			}
		}
	}
	return []byte(b.String())
}

func (c comparedIndicator) absentCodes() []string {
	var out []string
	for _, i := range c.absent {
		out = append(out, neighbour[i].code)
	}
	return out
}

// figureScale turns a spread into the unit: a count's spread is a share of our figure.
func figureScale(ours float64, ind *catalogue.Indicator) float64 {
	if ind.Unit == catalogue.Number {
		return ours
	}
	return 1
}

// figureText writes a figure as published: counts whole, percentages and rates to one place,
// and a percentage kept within 0 to 100.
func figureText(v float64, ind *catalogue.Indicator) string {
	if ind.Unit == catalogue.Number {
		return fmt.Sprintf("%.0f", math.Max(0, math.Round(v)))
	}
	if ind.Unit == catalogue.Percent {
		v = math.Min(100, math.Max(0, v))
	}
	return fmt.Sprintf("%.1f", math.Round(v*10)/10)
}

// ourFigure is our own value for quarter q: the quarter's value, or a monthly indicator's
// last month of it.
func ourFigure(s series, ind *catalogue.Indicator, q period.Quarter) float64 {
	if ind.Frequency == catalogue.Monthly {
		for m := 2; m >= 0; m-- {
			if v, ok := s[calendar.Months(q)[m].Index()]; ok && !v.Missing {
				return v.V
			}
		}
		return 0
	}
	return s[q.Index()].V
}

func indicatorByCode(code string) *catalogue.Indicator {
	for _, k := range kpis {
		if k.Code == code {
			return k.indicator()
		}
	}
	for _, a := range activities {
		if a.Code == code {
			return &catalogue.Indicator{Code: a.Code, Type: catalogue.Activity, Unit: a.Unit, Frequency: a.Frequency}
		}
	}
	panic("example: no indicator " + code)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func containsInt(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}
