package data

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
)

// AreaValue is one row of a comparator file, as LG Inform and Oflog export them: an area's
// value of a metric for a period. It is read by the same table reader as indicator data, with
// the same care; pkg/benchmark checks it against the catalogue's comparator groups.
type AreaValue struct {
	Area     string // area code, as written (trimmed)
	AreaName string // the file's area_name, if it has one
	Metric   string
	Unit     string // the file's unit column, if it has one
	Period   AreaPeriod
	Value    float64 // after scaling (a percentage cell's fraction x 100) and rounding
	Missing  bool    // a missing marker (n/a, .., -): given, but no value
	Place    diag.Place
}

// AreaPeriod is the period of a comparator value: a financial year (as most published
// comparisons are), or a quarter or month as data files have them.
type AreaPeriod struct {
	Year   bool
	FY     int           // the calendar year the financial year starts in, when Year
	Period period.Period // a quarter or month, when not Year
}

// End is the last month the period covers, by which periods of any kind are ordered.
func (p AreaPeriod) End(cal period.Calendar) period.Month {
	switch {
	case p.Year:
		return cal.LastMonth(period.Quarter{Year: p.FY, Q: 4})
	case p.Period.Kind == period.KindMonth:
		return p.Period.Month
	}
	return cal.LastMonth(p.Period.Quarter)
}

// Kind names the kind of period, for messages: "financial year", "quarter" or "month".
func (p AreaPeriod) Kind() string {
	switch {
	case p.Year:
		return "financial year"
	case p.Period.Kind == period.KindMonth:
		return "month"
	}
	return "quarter"
}

// Label is the period's canonical label: 2022/23, 2022/23 Q2 or 2022-09.
func (p AreaPeriod) Label(cal period.Calendar) string {
	if p.Year {
		return cal.YearLabel(p.FY)
	}
	return cal.PeriodLabel(p.Period)
}

// yearShaped is a label that can only be meant as a financial year: 2022/23, 2022-2023.
var yearShaped = regexp.MustCompile(`^\d{4}\s*[/-]\s*(\d{2}|\d{4})$`)

// comparatorColumns are the columns of a comparator table; -1 marks an absent one.
type comparatorColumns struct {
	area, name, metric, period, value, unit int
}

// comparatorLayout recognises a comparator table's header: area_code, metric, period and
// value, with area_name and unit optional. Names are case-insensitive, and a space may stand
// for the underscore ("Area code"), as exports write them.
func comparatorLayout(header []cell) (layout, []headerProblem, bool) {
	c := comparatorColumns{area: -1, name: -1, metric: -1, period: -1, value: -1, unit: -1}
	var probs []headerProblem
	seen := map[string]int{}
	for i, h := range header {
		name := strings.ReplaceAll(strings.ToLower(h.trimmed()), " ", "_")
		var col *int
		switch name {
		case "area_code":
			col = &c.area
		case "area_name":
			col = &c.name
		case "metric":
			col = &c.metric
		case "period":
			col = &c.period
		case "value":
			col = &c.value
		case "unit":
			col = &c.unit
		default:
			continue
		}
		if first, dup := seen[name]; dup {
			probs = append(probs, headerProblem{i, fmt.Sprintf("column %q appears twice (first in column %s); keep one", name, columnLetter(first))})
			continue
		}
		seen[name] = i
		*col = i
	}
	if c.area < 0 || c.metric < 0 || c.period < 0 || c.value < 0 {
		return layout{}, nil, false
	}
	return layout{kind: layoutComparator, code: -1, period: -1, value: -1, note: -1, context: -1, actions: -1, numerator: -1, denominator: -1, index: -1, comparator: &c}, probs, true
}

// comparatorRow reads one row of a comparator table.
func (t *table) comparatorRow(row int, cells []cell) {
	c := t.layout.comparator
	val := cellAt(cells, c.value)
	if val.blank() {
		return // a blank cell is not a value at all, as in indicator data
	}
	area, okArea := t.required(row, cells, c.area, "the area code this row is for")
	metric, okMetric := t.required(row, cells, c.metric, "the metric this row is for")
	p, okPeriod := t.areaPeriod(row, cells, c.period)
	okName := c.name < 0 || t.calculated(row, cells, c.name)
	okUnit := c.unit < 0 || t.calculated(row, cells, c.unit)
	v, missing, err := val.value(t.numbers)
	if err != nil {
		t.probs.Errorf(t.place(row, c.value), "column %q: %s", t.name(c.value), err)
		return
	}
	if !okArea || !okMetric || !okPeriod || !okName || !okUnit {
		return
	}
	av := AreaValue{
		Area: strings.Clone(area), Metric: strings.Clone(metric), Period: p,
		Value: v, Missing: missing, Place: t.place(row, c.value),
	}
	if c.name >= 0 {
		av.AreaName = strings.Clone(cellAt(cells, c.name).trimmed())
	}
	if c.unit >= 0 {
		av.Unit = strings.Clone(cellAt(cells, c.unit).trimmed())
	}
	t.ds.Comparators = append(t.ds.Comparators, av)
}

// required reads a text cell that must not be blank; what says what it should hold.
func (t *table) required(row int, cells []cell, col int, what string) (string, bool) {
	c := cellAt(cells, col)
	if c.blank() {
		t.probs.Errorf(t.place(row, col), "column %q is blank; give %s", t.name(col), what)
		return "", false
	}
	if !t.calculated(row, cells, col) {
		return "", false
	}
	return c.trimmed(), true
}

// areaPeriod reads a comparator period: a financial year (2022/23), or a quarter or month as
// in indicator data.
func (t *table) areaPeriod(row int, cells []cell, col int) (AreaPeriod, bool) {
	c := cellAt(cells, col)
	if c.blank() {
		t.probs.Errorf(t.place(row, col), "column %q is blank; give the financial year (%s), quarter (%s) or month (2023-09) this row is for", t.name(col), t.cal.YearLabel(2022), exampleQuarter(t.cal))
		return AreaPeriod{}, false
	}
	if c.kind == kindText || c.kind == kindNumber {
		y, err := t.cal.ParseYear(c.trimmed())
		if err == nil {
			return AreaPeriod{Year: true, FY: y}, true
		}
		if yearShaped.MatchString(c.trimmed()) {
			// 2022/24: a year label, wrongly; say what is wrong with it as a year.
			t.probs.Errorf(t.place(row, col), "column %q: %s", t.name(col), err)
			return AreaPeriod{}, false
		}
	}
	if t.periods == nil {
		t.periods = newPeriodCache(t.cal)
	}
	p, err := c.periodCached(t.periods)
	if err != nil {
		t.probs.Errorf(t.place(row, col), "column %q: %s, or a financial year such as %s", t.name(col), strings.TrimSuffix(err.Error(), "."), t.cal.YearLabel(2022))
		return AreaPeriod{}, false
	}
	return AreaPeriod{Period: p}, true
}

// ReadComparators reads comparator files (csv or xlsx) with the reader indicator data is read
// with, within the same limits. A file that holds indicator data rather than a comparator
// table, or no comparator values at all, is an error naming it.
func ReadComparators(paths []string, cal period.Calendar, lim Limits) ([]AreaValue, *diag.List) {
	ds, probs := ReadWithin(paths, cal, lim)
	values := map[string]int{}
	for _, v := range ds.Comparators {
		values[v.Place.File]++
	}
	others := map[string]bool{}
	for o := range ds.All() {
		others[o.Place.File] = true
	}
	for _, c := range ds.Comments {
		others[c.Place.File] = true
	}
	failed := map[string]bool{}
	for _, p := range probs.Problems() {
		if p.Severity == diag.Error {
			failed[p.Place.File] = true
		}
	}
	for _, file := range ds.Files {
		switch {
		case others[file]:
			probs.Errorf(diag.Place{File: file}, "this file holds indicator data (code, period, value), not comparator values; a comparator file has the columns area_code, metric, period and value (area_name and unit optional): name indicator data with --data instead")
		case values[file] == 0 && !failed[file]:
			probs.Errorf(diag.Place{File: file}, "no comparator values found; a comparator file has the columns area_code, metric, period and value (area_name and unit optional), one row per area, metric and period")
		}
	}
	return ds.Comparators, probs
}

// reportComparatorValues is the error for comparator values met among indicator data: the
// file belongs under a comparator group's files in the catalogue.
func reportComparatorValues(ds *Dataset, probs *diag.List) {
	told := map[string]bool{}
	for _, v := range ds.Comparators {
		key := v.Place.File + "\x00" + v.Place.Sheet
		if told[key] {
			continue
		}
		told[key] = true
		at := diag.Place{File: v.Place.File, Sheet: v.Place.Sheet}
		probs.Errorf(at, "this holds comparator values (area_code, metric, period, value), not indicator data; list the file under files: of a group in the catalogue's comparators:, and keep it out of --data")
	}
}
