package benchmark

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
)

// project writes a catalogue and its comparator files into a fresh folder and loads them.
func project(t *testing.T, yaml string, files map[string]string, store *data.Store) (*catalogue.Catalogue, *Set, *diag.List, string) {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	catFile := filepath.Join(dir, "catalogue.yaml")
	if err := os.WriteFile(catFile, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := catalogue.Load(catFile)
	if err != nil {
		t.Fatal(err)
	}
	if store == nil {
		store = data.NewStore()
	}
	set, probs := Load(cat, store, data.DefaultLimits())
	return cat, set, probs, dir
}

const sixAreas = `comparators:
  - id: cipfa
    name: CIPFA nearest neighbours
    us: E1
    members:
      - {code: E1, name: Example}
      - {code: E2, name: Northshire}
      - {code: E3, name: Southby}
      - {code: E4, name: Eastham}
      - {code: E5, name: Westmoor}
      - {code: E6, name: Midvale}
    files: [comparators/cipfa.csv]
directorates: [{code: CED, name: CE}]
indicators:
  - {code: GOOD, name: Good schools, directorate: CED, polarity: higher, unit: percent, benchmark: {metric: good, groups: [cipfa]}}
  - {code: WAIT, name: Waiting days, directorate: CED, polarity: lower, unit: days, benchmark: {metric: wait, groups: [cipfa]}}
  - {code: CALLS, name: Calls, directorate: CED, type: activity, benchmark: {metric: calls, groups: [cipfa]}}
  - {code: NONE, name: Not compared, directorate: CED, polarity: higher}
`

const sixAreasCSV = `area_code,area_name,metric,period,value
E1,Example,good,2022/23,84
E2,Northshire,good,2022/23,90
E3,Southby,good,2022/23,84
E4,Eastham,good,2022/23,70
E5,Westmoor,good,2022/23,n/a
E1,Example,good,2021/22,80
E2,Northshire,good,2021/22,85
E3,Southby,good,2021/22,82
E4,Eastham,good,2021/22,75
E5,Westmoor,good,2021/22,79
E1,Example,wait,2023/24 Q2,12
E2,Northshire,wait,2023/24 Q2,10
E3,Southby,wait,2023/24 Q2,15
E4,Eastham,wait,2023/24 Q2,20
E5,Westmoor,wait,2023/24 Q2,12.5
E6,Midvale,wait,2023/24 Q2,8
E1,Example,wait,2023/24 Q3,1
E1,Example,calls,2022/23,100
E2,Northshire,calls,2022/23,300
E3,Southby,calls,2022/23,200
`

func ptr[T any](v T) *T { return &v }

func TestPositionsWorkedByHand(t *testing.T) {
	cat, set, probs, _ := project(t, sixAreas, map[string]string{"comparators/cipfa.csv": sixAreasCSV}, nil)
	if err := probs.Err(); err != nil {
		t.Fatal(err)
	}
	q := period.Quarter{Year: 2023, Q: 2} // 2023/24 Q2
	cases := []struct {
		code string
		want Position
	}{
		// 2022/23 with values: 90, 84 (us), 84, 70; Westmoor n/a, Midvale absent. One value is
		// better than ours, so we and Southby share rank 2 of 4: quartile ceil(4x2/4) = 2.
		// Median of 70, 84, 84, 90 = (84+84)/2 = 84; gap 0. In 2021/22: 85, 82, 80 (us), 79,
		// 75: rank 3 of 5. 2022/23 is not 2023/24 Q2: stale.
		{"GOOD", Position{
			Group: "cipfa", Period: ptr("2022/23"), Value: ptr(84.0), Rank: ptr(2), Of: 4, Quartile: ptr(2),
			Median: ptr(84.0), RankPrevious: ptr(3), Polarity: catalogue.Higher, Place: ptr(2), Gap: ptr(0.0),
			Members: 6, Missing: []Area{{"E5", "Westmoor"}, {"E6", "Midvale"}}, Stale: true,
			PeriodPrevious: ptr("2021/22"), OfPrevious: ptr(5),
			Areas: []AreaValue{{"E2", "Northshire", 90, 1, false}, {"E1", "Example", 84, 2, true}, {"E3", "Southby", 84, 2, false}, {"E4", "Eastham", 70, 4, false}},
		}},
		// Lower is better: 8, 10, 12 (us), 12.5, 15, 20; two are better, rank 3 of 6, quartile
		// ceil(12/6) = 2. Median (12+12.5)/2 = 12.25, gap 12-12.25 = -0.25. Our Q3 value of 1
		// is after the report quarter and left out. Place from the highest: 20, 15, 12.5, 12: 4th.
		{"WAIT", Position{
			Group: "cipfa", Period: ptr("2023/24 Q2"), Value: ptr(12.0), Rank: ptr(3), Of: 6, Quartile: ptr(2),
			Median: ptr(12.25), Polarity: catalogue.Lower, Place: ptr(4), Gap: ptr(-0.25),
			Members: 6, Missing: []Area{},
			Areas: []AreaValue{{"E6", "Midvale", 8, 1, false}, {"E2", "Northshire", 10, 2, false}, {"E1", "Example", 12, 3, true},
				{"E5", "Westmoor", 12.5, 4, false}, {"E3", "Southby", 15, 5, false}, {"E4", "Eastham", 20, 6, false}},
		}},
		// No polarity: no rank or quartile, only our place from the highest: 300, 200, 100 (us).
		{"CALLS", Position{
			Group: "cipfa", Period: ptr("2022/23"), Value: ptr(100.0), Of: 3, Median: ptr(200.0), Place: ptr(3), Gap: ptr(-100.0),
			Members: 6, Missing: []Area{{"E4", "Eastham"}, {"E5", "Westmoor"}, {"E6", "Midvale"}}, Stale: true,
			Areas: []AreaValue{{"E2", "Northshire", 300, 1, false}, {"E3", "Southby", 200, 2, false}, {"E1", "Example", 100, 3, true}},
		}},
	}
	for _, c := range cases {
		t.Run(c.code, func(t *testing.T) {
			ind, _ := cat.Indicator(c.code)
			got := set.Positions(ind, q)
			if len(got) != 1 {
				t.Fatalf("got %d positions", len(got))
			}
			c.want.GroupName = "CIPFA nearest neighbours"
			c.want.OurPeriod = "2023/24 Q2"
			c.want.Sources = []string{"comparators/cipfa.csv"}
			if g, w := jsonOf(t, got[0]), jsonOf(t, c.want); g != w {
				t.Errorf("position\n got %s\nwant %s", g, w)
			}
		})
	}
	none, _ := cat.Indicator("NONE")
	if got := set.Positions(none, q); got != nil {
		t.Errorf("an indicator without a benchmark has positions %+v", got)
	}
}

// Before 2022/23 has ended, the 2022/23 figures are not yet there: the report of 2022/23 Q3
// compares 2021/22, as it did when it was first built.
func TestPeriodsAfterTheReportQuarterAreLeftOut(t *testing.T) {
	cat, set, probs, _ := project(t, sixAreas, map[string]string{"comparators/cipfa.csv": sixAreasCSV}, nil)
	if err := probs.Err(); err != nil {
		t.Fatal(err)
	}
	good, _ := cat.Indicator("GOOD")
	pos := set.Positions(good, period.Quarter{Year: 2022, Q: 3})[0]
	if pos.Period == nil || *pos.Period != "2021/22" || pos.PeriodPrevious != nil || *pos.Rank != 3 || pos.RankPrevious != nil {
		t.Errorf("position = %s", jsonOf(t, pos))
	}
	// At 2022/23 Q4 the year 2022/23 has ended with the quarter: current, not stale.
	pos = set.Positions(good, period.Quarter{Year: 2022, Q: 4})[0]
	if *pos.Period != "2022/23" || pos.Stale {
		t.Errorf("position at 2022/23 Q4 = %s", jsonOf(t, pos))
	}
	// Before any comparator period: no period, every member missing.
	pos = set.Positions(good, period.Quarter{Year: 2020, Q: 1})[0]
	if pos.Period != nil || pos.Of != 0 || len(pos.Missing) != 6 || pos.Rank != nil {
		t.Errorf("position before any = %s", jsonOf(t, pos))
	}
}

func TestRankQuartileMedian(t *testing.T) {
	values := []float64{90, 84, 84, 70}
	for _, c := range []struct {
		v    float64
		pol  catalogue.Polarity
		rank int
	}{
		{90, catalogue.Higher, 1}, {84, catalogue.Higher, 2}, {70, catalogue.Higher, 4},
		{70, catalogue.Lower, 1}, {84, catalogue.Lower, 2}, {90, catalogue.Lower, 4},
		{84, "", 2},
	} {
		if got := Rank(c.v, values, c.pol); got != c.rank {
			t.Errorf("Rank(%v, %s) = %d, want %d", c.v, c.pol, got, c.rank)
		}
	}
	for _, c := range []struct{ rank, of, want int }{
		{1, 16, 1}, {2, 16, 1}, {4, 16, 1}, {5, 16, 2}, {8, 16, 2}, {9, 16, 3}, {13, 16, 4}, {16, 16, 4},
		{1, 3, 2}, {2, 3, 3}, {3, 3, 4}, {1, 1, 4}, {1, 5, 1}, {2, 5, 2}, {3, 5, 3}, {4, 5, 4},
	} {
		if got := Quartile(c.rank, c.of); got != c.want {
			t.Errorf("Quartile(%d, %d) = %d, want %d", c.rank, c.of, got, c.want)
		}
	}
	for _, c := range []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3}, {[]float64{5, 1, 3}, 3}, {[]float64{4, 1, 3, 2}, 2.5}, {[]float64{0.1, 0.2}, 0.15},
	} {
		if got := Median(c.in); got != c.want {
			t.Errorf("Median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestComparatorFileProblems(t *testing.T) {
	cases := []struct {
		name, csv string
		store     *data.Store
		want      []string
	}{
		{"unknown area and metric, with suggestions",
			"area_code,area_name,metric,period,value\nE7,Nowhere,good,2022/23,80\nE1,Example,goood,2022/23,80\nE1,Example,goood,2021/22,81\nX99,England,good,2022/23,81\n",
			nil, []string{
				`cipfa.csv:2: area "E7" is not a member of comparator group cipfa; did you mean E1?`,
				`cipfa.csv:3: metric "goood" is not the benchmark metric of any indicator compared with comparator group cipfa (first of 2 rows); did you mean good?`,
				`cipfa.csv:5: area "X99" is not a member of comparator group cipfa; delete the row, or add the area to the group's members in the catalogue`,
			}},
		{"an area's old code, known by its name",
			"area_code,area_name,metric,period,value\nE10000099,Northshire,good,2022/23,80\n",
			nil, []string{
				`cipfa.csv:2: area "E10000099" is not a member of comparator group cipfa; the catalogue lists Northshire as E2: correct the code`,
			}},
		{"an area given twice",
			"area_code,metric,period,value\nE1,good,2022/23,80\ne1,good,2022-23,81\n",
			nil, []string{`cipfa.csv:3: e1 good 2022/23 is given twice: here and at cipfa.csv:2; keep one`}},
		{"years and quarters for one metric",
			"area_code,metric,period,value\nE1,good,2022/23,80\nE2,good,2023/24 Q1,81\n",
			nil, []string{`cipfa.csv:3: metric good is given for a quarter here but for a financial year at cipfa.csv:2 in group cipfa; give one kind of period for a metric (financial years, quarters or months)`}},
		{"fractions for a percentage",
			"area_code,metric,period,value\nE1,good,2022/23,0.84\nE2,good,2022/23,0.9\nE3,good,2022/23,0.7\n",
			nil, []string{`cipfa.csv:3: GOOD's comparator values look like fractions (the largest is 0.9), but GOOD is a percentage (84 for 84%); multiply them by 100, or format the cells as percentages`}},
		{"small percentages with our own data as small are percentages",
			"area_code,metric,period,value\nE1,good,2022/23,0.84\nE2,good,2022/23,0.9\n",
			data.StoreOf(map[string]map[int]data.Value{"GOOD": {period.Quarter{Year: 2023, Q: 2}.Index(): {V: 0.8}}}), nil},
		{"fractions beside our own percentages",
			"area_code,metric,period,value\nE1,good,2022/23,0.84\nE2,good,2022/23,0.9\n",
			data.StoreOf(map[string]map[int]data.Value{"GOOD": {period.Quarter{Year: 2023, Q: 2}.Index(): {V: 86}}}),
			[]string{`cipfa.csv:3: GOOD's comparator values look like fractions (the largest is 0.9), but GOOD is a percentage (84 for 84%); multiply them by 100, or format the cells as percentages`}},
		{"a unit column saying fraction",
			"area_code,metric,period,value,unit\nE1,good,2022/23,84,fraction\n",
			nil, []string{`cipfa.csv:2: unit "fraction": GOOD is a percentage, so its comparator values are percentages (84 for 84%), not fractions (0.84); multiply them by 100, or format the cells as percentages`}},
		{"a unit column of another unit",
			"area_code,metric,period,value,unit\nE1,wait,2022/23,12,percent\nE2,wait,2022/23,14,weeks\n",
			nil, []string{
				`cipfa.csv:2: unit "percent" does not match WAIT, whose unit is days; give the comparator values in the indicator's own unit`,
				`cipfa.csv:3: unit "weeks" is not a unit qpr knows; write WAIT's unit, days (or leave the unit column blank)`,
			}},
		{"a percentage over 100",
			"area_code,metric,period,value\nE1,good,2022/23,84\nE2,good,2022/23,184\n",
			nil, []string{`cipfa.csv:3: 184 is not a percentage (between 0 and 100), which GOOD's comparator values are; check the value and its metric`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, probs, dir := project(t, sixAreas, map[string]string{"comparators/cipfa.csv": c.csv}, c.store)
			var got []string
			for _, p := range probs.Problems() {
				got = append(got, strings.ReplaceAll(p.Error(), filepath.Join(dir, "comparators")+string(filepath.Separator), ""))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("problems:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(c.want, "\n     "))
			}
		})
	}
}

func TestAMissingComparatorFileIsToldAtTheCatalogue(t *testing.T) {
	_, _, probs, dir := project(t, sixAreas, nil, nil)
	got := strings.ReplaceAll(probs.Err().Error(), dir+string(filepath.Separator), "")
	want := "catalogue.yaml:2: comparator file comparators/cipfa.csv of group cipfa cannot be read (comparators/cipfa.csv: no such file); files are named relative to the catalogue's folder"
	if got != want {
		t.Errorf("error\n got %s\nwant %s", got, want)
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
