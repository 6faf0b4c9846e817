package data

import (
	"path/filepath"
	"testing"

	"github.com/example/qpr/pkg/data/internal/xlsxgen"
	"github.com/example/qpr/pkg/period"
)

func TestComparatorCSVIsRead(t *testing.T) {
	path := writeFile(t, "cipfa.csv", []byte("Area code,Area name,Metric,Period,Value,Unit\n"+
		"E1,Example,good_schools,2022/23,84.5,percent\n"+
		"E2,Northshire,good_schools,2022-23,79%,percent\n"+
		"E3,Southby,good_schools,2022/23,..,percent\n"+
		"E4,Westmoor,good_schools,2022/23,,percent\n"+ // a blank value is no row at all
		"E1,Example,calls,2023/24 Q2,\"1,234\",\n"+
		"E1,Example,calls,Sep-23,12,\n"))
	values, probs := ReadComparators([]string{path}, april, DefaultLimits())
	dir := filepath.Dir(path)
	assertMessages(t, messages(probs, dir), nil)
	want := []struct {
		area, name, metric, period, unit string
		value                            float64
		missing                          bool
		line                             int
	}{
		{"E1", "Example", "good_schools", "2022/23", "percent", 84.5, false, 2},
		{"E2", "Northshire", "good_schools", "2022/23", "percent", 79, false, 3},
		{"E3", "Southby", "good_schools", "2022/23", "percent", 0, true, 4},
		{"E1", "Example", "calls", "2023/24 Q2", "", 1234, false, 6},
		{"E1", "Example", "calls", "2023-09", "", 12, false, 7},
	}
	if len(values) != len(want) {
		t.Fatalf("got %d values, want %d: %+v", len(values), len(want), values)
	}
	for i, w := range want {
		g := values[i]
		if g.Area != w.area || g.AreaName != w.name || g.Metric != w.metric || g.Period.Label(april) != w.period ||
			g.Unit != w.unit || g.Value != w.value || g.Missing != w.missing || g.Place.Line != w.line {
			t.Errorf("value %d = %+v (period %s), want %+v", i, g, g.Period.Label(april), w)
		}
	}
	// Periods of every kind order by the month they end in.
	if got := values[0].Period.End(april); got != (period.Month{Year: 2023, Month: 3}) {
		t.Errorf("2022/23 ends %v, want 2023-03", got)
	}
	if got := values[3].Period.End(april); got != (period.Month{Year: 2023, Month: 9}) {
		t.Errorf("2023/24 Q2 ends %v, want 2023-09", got)
	}
}

func TestComparatorProblemsAreAtTheirPlace(t *testing.T) {
	path := writeFile(t, "bad.csv", []byte("area_code,metric,period,value\n"+
		",m,2022/23,1\n"+
		"E1,,2022/23,1\n"+
		"E1,m,2022/24,1\n"+
		"E1,m,2022/23,lots\n"+
		"E1,m,,1\n"))
	_, probs := ReadComparators([]string{path}, april, DefaultLimits())
	assertMessages(t, messages(probs, filepath.Dir(path)), []string{
		`bad.csv:2: column "area_code" is blank; give the area code this row is for`,
		`bad.csv:3: column "metric" is blank; give the metric this row is for`,
		`bad.csv:4: column "period": "2022/24" is not a period: a financial year names two consecutive years, e.g. 2022/23`,
		`bad.csv:5: column "value": "lots" is not a number; write a number such as 85 or 85%, or n/a for missing`,
		`bad.csv:6: column "period" is blank; give the financial year (2022/23), quarter (2023/24 Q2) or month (2023-09) this row is for`,
	})
}

func TestAFileWithoutComparatorValues(t *testing.T) {
	path := writeFile(t, "empty.csv", []byte("area_code,metric,period,value\nE1,m,2022/23,\n"))
	_, probs := ReadComparators([]string{path}, april, DefaultLimits())
	assertMessages(t, messages(probs, filepath.Dir(path)), []string{
		"empty.csv: no comparator values found; a comparator file has the columns area_code, metric, period and value (area_name and unit optional), one row per area, metric and period",
	})
}

func TestComparatorXLSXPercentCellsAreScaled(t *testing.T) {
	path := writeWorkbook(t, "lginform.xlsx", xlsxgen.Sheet{Name: "Data", Rows: [][]xlsxgen.Cell{
		{xlsxgen.S("area_code"), xlsxgen.S("area_name"), xlsxgen.S("metric"), xlsxgen.S("period"), xlsxgen.S("value")},
		{xlsxgen.S("E1"), xlsxgen.S("Example"), xlsxgen.S("m"), xlsxgen.S("2022/23"), xlsxgen.Styled(0.845, xlsxgen.Percent)},
		{xlsxgen.S("E2"), xlsxgen.S("North"), xlsxgen.S("m"), xlsxgen.S("2022/23"), xlsxgen.N(0.8)},
	}})
	values, probs := ReadComparators([]string{path}, april, DefaultLimits())
	assertMessages(t, messages(probs, filepath.Dir(path)), nil)
	// A cell formatted as a percentage shows 84.5% and is read as 84.5; a plain 0.8 stays
	// 0.8, for the benchmark's unit check to find against a percentage indicator.
	if len(values) != 2 || values[0].Value != 84.5 || values[1].Value != 0.8 {
		t.Fatalf("values = %+v", values)
	}
	if got := values[0].Place.String(); got != filepath.Join(filepath.Dir(path), "lginform.xlsx")+":Data!E2" {
		t.Errorf("place = %s", got)
	}
}

func TestIndicatorDataIsNotAComparatorFile(t *testing.T) {
	path := writeFile(t, "q2.csv", []byte("code,period,value\nCS01,2023/24 Q2,85\n"))
	_, probs := ReadComparators([]string{path}, april, DefaultLimits())
	assertMessages(t, messages(probs, filepath.Dir(path)), []string{
		"q2.csv: this file holds indicator data (code, period, value), not comparator values; a comparator file has the columns area_code, metric, period and value (area_name and unit optional): name indicator data with --data instead",
	})
}

func TestAComparatorFileAmongDataIsAnError(t *testing.T) {
	path := writeFile(t, "cipfa.csv", []byte("area_code,metric,period,value\nE1,m,2022/23,85\nE2,m,2022/23,80\n"))
	ds, probs := Read([]string{path}, april)
	assertMessages(t, messages(probs, filepath.Dir(path)), nil)
	_, matched := Match(ds, testCatalogue())
	assertMessages(t, messages(matched, filepath.Dir(path)), []string{
		"cipfa.csv: this holds comparator values (area_code, metric, period, value), not indicator data; list the file under files: of a group in the catalogue's comparators:, and keep it out of --data",
	})
}
