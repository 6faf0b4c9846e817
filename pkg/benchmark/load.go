// Package benchmark compares an indicator with its comparator groups: the catalogue's
// comparators: name the groups (CIPFA nearest neighbours, the region) and the files holding
// their members' values, as LG Inform and Oflog export them; an indicator's benchmark: names
// the metric and the groups. Load reads and checks the files; Set.Positions works out, per
// group, where we stand: rank, quartile, median, gap and the members without a figure.
package benchmark

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/suggest"
)

// Set is every comparator group's values, checked against the catalogue, ready to be asked
// where an indicator stands.
type Set struct {
	cal    period.Calendar
	groups map[string]*groupValues // by group id
}

// groupValues are one group's values: by metric (folded to upper case), then by period.
type groupValues struct {
	group   *catalogue.ComparatorGroup
	metrics map[string]*metricValues
}

type metricValues struct {
	periods map[data.AreaPeriod]map[string]data.AreaValue // period -> folded area code -> value
}

// fold is how area codes and metric ids are matched: ignoring case, as indicator codes are.
func fold(s string) string { return strings.ToUpper(s) }

// Load reads the files of every comparator group an indicator is compared with, and checks
// them: each area a member of a group the file is listed for, each metric one an indicator
// names, no area given twice for a metric and period, one kind of period per metric, and
// values in the indicator's unit. store is our own data, whose scale settles whether values
// for a percentage indicator that are all 1 or less are fractions. Every problem is returned
// at its place; the Set holds what could be read. A catalogue without comparators gives an
// empty Set and no problems.
func Load(cat *catalogue.Catalogue, store *data.Store, lim data.Limits) (*Set, *diag.List) {
	set := &Set{cal: cat.Calendar, groups: map[string]*groupValues{}}
	probs := &diag.List{}
	used := usedGroups(cat)
	// Each file is read once, however many groups list it.
	var paths []string
	listedBy := map[string][]*catalogue.ComparatorGroup{}
	for i := range cat.Comparators {
		g := &cat.Comparators[i]
		if !used[g.ID] {
			continue
		}
		set.groups[g.ID] = &groupValues{group: g, metrics: map[string]*metricValues{}}
		for j, path := range g.Paths {
			if len(listedBy[path]) == 0 {
				if !fileExists(path, g.Files[j], g, cat.File, probs) {
					listedBy[path] = append(listedBy[path], nil) // told once; not read
					continue
				}
				paths = append(paths, path)
			}
			listedBy[path] = append(listedBy[path], g)
		}
	}
	if len(paths) == 0 {
		return set, probs
	}
	values, readProbs := data.ReadComparators(paths, cat.Calendar, lim)
	probs.AddAll(readProbs.Problems())
	c := checker{cat: cat, store: store, probs: probs, metrics: metricIndicators(cat)}
	byFile := map[string][]data.AreaValue{}
	for _, v := range values {
		byFile[v.Place.File] = append(byFile[v.Place.File], v)
	}
	for _, path := range paths {
		groups := slices.DeleteFunc(slices.Clone(listedBy[path]), func(g *catalogue.ComparatorGroup) bool { return g == nil })
		for _, v := range c.file(byFile[path], groups) {
			for _, g := range groups {
				if _, member := g.Member(v.Area); member && c.measures(v.Metric, g.ID) {
					set.add(g, v, &c)
				}
			}
		}
	}
	c.periodKinds(set)
	c.units(set)
	// In file order, as a user corrects them.
	sorted := probs.Problems()
	diag.SortByPlace(sorted)
	out := &diag.List{}
	out.AddAll(sorted)
	return set, out
}

// usedGroups are the groups some indicator is compared with: only their files are read.
func usedGroups(cat *catalogue.Catalogue) map[string]bool {
	used := map[string]bool{}
	for _, ind := range cat.Indicators {
		if ind.Benchmark != nil {
			for _, id := range ind.Benchmark.Groups {
				used[id] = true
			}
		}
	}
	return used
}

// metricIndicators maps each folded metric to the indicators that name it.
func metricIndicators(cat *catalogue.Catalogue) map[string][]*catalogue.Indicator {
	out := map[string][]*catalogue.Indicator{}
	for _, ind := range cat.Indicators {
		if ind.Benchmark != nil {
			k := fold(ind.Benchmark.Metric)
			out[k] = append(out[k], ind)
		}
	}
	return out
}

// fileExists reports a comparator file that is not there at the catalogue line of its group,
// where the user wrote its name.
func fileExists(path, written string, g *catalogue.ComparatorGroup, catFile string, probs *diag.List) bool {
	_, err := os.Stat(path)
	if err == nil {
		return true
	}
	reason := err.Error()
	switch {
	case errors.Is(err, fs.ErrNotExist):
		reason = "no such file"
	case errors.Is(err, fs.ErrPermission):
		reason = "permission denied"
	}
	probs.Errorf(diag.Place{File: catFile, Line: g.Line}, "comparator file %s of group %s cannot be read (%s: %s); files are named relative to the catalogue's folder", written, g.ID, path, reason)
	return false
}

type checker struct {
	cat     *catalogue.Catalogue
	store   *data.Store
	probs   *diag.List
	metrics map[string][]*catalogue.Indicator
	told    map[string]bool // duplicate messages already given (a file listed by two groups)
}

// measures reports whether an indicator compared with group names the metric.
func (c *checker) measures(metric, group string) bool {
	for _, ind := range c.metrics[fold(metric)] {
		if slices.Contains(ind.Benchmark.Groups, group) {
			return true
		}
	}
	return false
}

type unknownUse struct {
	first diag.Place
	name  string // the file's area_name, for an area
	count int
}

// file checks one file's areas and metrics against the groups that list it, reporting each
// unknown one once, at its first use, and returns the values that are known.
func (c *checker) file(values []data.AreaValue, groups []*catalogue.ComparatorGroup) []data.AreaValue {
	var areas, metrics []string
	for _, g := range groups {
		for _, a := range g.Members {
			areas = append(areas, a.Code)
		}
		for _, ind := range c.cat.Indicators {
			if b := ind.Benchmark; b != nil && slices.Contains(b.Groups, g.ID) && !slices.Contains(metrics, b.Metric) {
				metrics = append(metrics, b.Metric)
			}
		}
	}
	unknownAreas, unknownMetrics := map[string]*unknownUse{}, map[string]*unknownUse{}
	var areaOrder, metricOrder []string
	note := func(m map[string]*unknownUse, order *[]string, key string, v data.AreaValue) {
		u := m[fold(key)]
		if u == nil {
			u = &unknownUse{first: v.Place, name: v.AreaName}
			m[fold(key)] = u
			*order = append(*order, key)
		}
		u.count++
	}
	var known []data.AreaValue
	for _, v := range values {
		okArea := slices.ContainsFunc(areas, func(a string) bool { return fold(a) == fold(v.Area) })
		okMetric := slices.ContainsFunc(metrics, func(m string) bool { return fold(m) == fold(v.Metric) })
		if !okArea {
			note(unknownAreas, &areaOrder, v.Area, v)
		}
		if !okMetric {
			note(unknownMetrics, &metricOrder, v.Metric, v)
		}
		if okArea && okMetric {
			known = append(known, v)
		}
	}
	names := groupNames(groups)
	for _, a := range areaOrder {
		u := unknownAreas[fold(a)]
		advice := "delete the row, or add the area to the group's members in the catalogue"
		if code := memberNamed(groups, u.name); code != "" {
			advice = fmt.Sprintf("the catalogue lists %s as %s: correct the code", u.name, code)
		} else if near := suggest.Code(a, areas); near != "" {
			advice = fmt.Sprintf("did you mean %s?", near)
		}
		c.probs.Errorf(u.first, "area %q is not a member of %s%s; %s", a, names, uses(u.count), advice)
	}
	for _, m := range metricOrder {
		u := unknownMetrics[fold(m)]
		advice := fmt.Sprintf("add benchmark: {metric: %s, groups: [%s]} to the indicator it measures, or delete its rows", m, groups[0].ID)
		if near := suggest.Nearest(m, metrics); near != "" {
			advice = fmt.Sprintf("did you mean %s?", near)
		} else if len(metrics) > 0 {
			advice = "the metrics named are " + strings.Join(metrics, ", ") + "; " + advice
		}
		c.probs.Errorf(u.first, "metric %q is not the benchmark metric of any indicator compared with %s%s; %s", m, names, uses(u.count), advice)
	}
	return known
}

func uses(n int) string {
	if n > 1 {
		return fmt.Sprintf(" (first of %d rows)", n)
	}
	return ""
}

func groupNames(groups []*catalogue.ComparatorGroup) string {
	var ids []string
	for _, g := range groups {
		ids = append(ids, g.ID)
	}
	if len(ids) == 1 {
		return "comparator group " + ids[0]
	}
	return "comparator groups " + strings.Join(ids, " or ")
}

// memberNamed is the code of the member called name, if a group has one: an export's area
// code may be an older code for the same council.
func memberNamed(groups []*catalogue.ComparatorGroup, name string) string {
	if name == "" {
		return ""
	}
	for _, g := range groups {
		for _, a := range g.Members {
			if strings.EqualFold(a.Name, name) {
				return a.Code
			}
		}
	}
	return ""
}

// add files a value under its group, metric and period, refusing a second value for the same
// area, metric and period.
func (s *Set) add(g *catalogue.ComparatorGroup, v data.AreaValue, c *checker) {
	gv := s.groups[g.ID]
	mk := fold(v.Metric)
	mv := gv.metrics[mk]
	if mv == nil {
		mv = &metricValues{periods: map[data.AreaPeriod]map[string]data.AreaValue{}}
		gv.metrics[mk] = mv
	}
	byArea := mv.periods[v.Period]
	if byArea == nil {
		byArea = map[string]data.AreaValue{}
		mv.periods[v.Period] = byArea
	}
	if prev, dup := byArea[fold(v.Area)]; dup {
		msg := fmt.Sprintf("%s %s %s is given twice: here and at %s; keep one", v.Area, v.Metric, v.Period.Label(s.cal), prev.Place)
		if c.told == nil {
			c.told = map[string]bool{}
		}
		if !c.told[v.Place.String()+msg] {
			c.told[v.Place.String()+msg] = true
			c.probs.Errorf(v.Place, "%s", msg)
		}
		return
	}
	byArea[fold(v.Area)] = v
}

// periodKinds refuses a metric given for periods of two kinds (years and quarters) in one
// group: which of them is the latest would be a guess.
func (c *checker) periodKinds(s *Set) {
	for _, id := range sortedKeys(s.groups) {
		gv := s.groups[id]
		for _, mk := range sortedKeys(gv.metrics) {
			kinds := map[string]data.AreaValue{}
			for _, byArea := range gv.metrics[mk].periods {
				for _, v := range byArea {
					k := v.Period.Kind()
					if first, ok := kinds[k]; !ok || placeBefore(v.Place, first.Place) {
						kinds[k] = v
					}
				}
			}
			if len(kinds) < 2 {
				continue
			}
			// Told at the first value of the later-starting kind, naming where the other is.
			var firsts []data.AreaValue
			for _, v := range kinds {
				firsts = append(firsts, v)
			}
			slices.SortFunc(firsts, func(a, b data.AreaValue) int { return comparePlace(a.Place, b.Place) })
			c.probs.Errorf(firsts[1].Place, "metric %s is given for a %s here but for a %s at %s in group %s; give one kind of period for a metric (financial years, quarters or months)",
				firsts[1].Metric, firsts[1].Period.Kind(), firsts[0].Period.Kind(), firsts[0].Place, id)
		}
	}
}

// units checks the values against the unit of each indicator that names their metric: a unit
// column must agree with it, a percentage lies between 0 and 100, and values for a percentage
// that are all between 0 and 1 are fractions (0.84 for 84%) unless our own data is on that
// scale too. None of this is corrected: a silent x100 would hide a file meant for something
// else.
func (c *checker) units(s *Set) {
	for _, id := range sortedKeys(s.groups) {
		gv := s.groups[id]
		for _, mk := range sortedKeys(gv.metrics) {
			var all []data.AreaValue
			for _, byArea := range gv.metrics[mk].periods {
				for _, v := range byArea {
					all = append(all, v)
				}
			}
			slices.SortFunc(all, func(a, b data.AreaValue) int { return comparePlace(a.Place, b.Place) })
			for _, ind := range c.metrics[mk] {
				if slices.Contains(ind.Benchmark.Groups, id) {
					c.unitOf(ind, all)
				}
			}
		}
	}
}

func (c *checker) unitOf(ind *catalogue.Indicator, values []data.AreaValue) {
	told := map[string]bool{}
	tell := func(at diag.Place, format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		if !told[at.String()+msg] {
			told[at.String()+msg] = true
			c.probs.Errorf(at, "%s", msg)
		}
	}
	badUnit := false
	for _, v := range values {
		if v.Unit == "" {
			continue
		}
		u, known := unitWord(v.Unit)
		switch {
		case !known:
			tell(v.Place, "unit %q is not a unit qpr knows; write %s's unit, %s (or leave the unit column blank)", v.Unit, ind.Code, ind.Unit)
			badUnit = true
		case u == fractionUnit && ind.Unit == catalogue.Percent:
			tell(v.Place, "unit %q: %s is a percentage, so its comparator values are percentages (84 for 84%%), not fractions (0.84); multiply them by 100, or format the cells as percentages", v.Unit, ind.Code)
			badUnit = true
		case u != string(ind.Unit):
			tell(v.Place, "unit %q does not match %s, whose unit is %s; give the comparator values in the indicator's own unit", v.Unit, ind.Code, ind.Unit)
			badUnit = true
		}
	}
	if badUnit || ind.Unit != catalogue.Percent {
		return
	}
	largest, at := math.Inf(-1), diag.Place{}
	for _, v := range values {
		if v.Missing {
			continue
		}
		if v.Value < 0 || v.Value > 100 {
			tell(v.Place, "%s is not a percentage (between 0 and 100), which %s's comparator values are; check the value and its metric", trimNumber(v.Value), ind.Code)
			return
		}
		if v.Value > largest {
			largest, at = v.Value, v.Place
		}
	}
	if largest > 0 && largest <= 1 && !c.oursAreFractions(ind) {
		tell(at, "%s's comparator values look like fractions (the largest is %s), but %s is a percentage (84 for 84%%); multiply them by 100, or format the cells as percentages", ind.Code, trimNumber(largest), ind.Code)
	}
}

// oursAreFractions reports whether our own data for ind is all 1 or less: a percentage that
// small throughout, whose comparators are on the same scale.
func (c *checker) oursAreFractions(ind *catalogue.Indicator) bool {
	s := c.store.Series(ind.Code)
	if s == nil {
		return false
	}
	any := false
	for _, v := range s.All() {
		if v.Missing {
			continue
		}
		if v.V > 1 {
			return false
		}
		any = true
	}
	return any
}

const fractionUnit = "fraction"

// unitWord reads a unit column's word as one of the catalogue's units, or as a fraction.
func unitWord(s string) (string, bool) {
	w := strings.ToLower(strings.TrimSpace(s))
	switch w {
	case "percent", "percentage", "per cent", "%", "pct":
		return string(catalogue.Percent), true
	case "fraction", "proportion", "decimal":
		return fractionUnit, true
	case "number", "count", "n", "#":
		return string(catalogue.Number), true
	case "days", "day":
		return string(catalogue.Days), true
	case "currency", "£", "gbp", "pounds", "£s":
		return string(catalogue.Currency), true
	case "rate":
		return string(catalogue.Rate), true
	}
	if strings.HasPrefix(w, "rate ") || strings.HasPrefix(w, "per ") {
		return string(catalogue.Rate), true // "rate per 1,000", "per 10,000 population"
	}
	return "", false
}

func trimNumber(v float64) string { return fmt.Sprintf("%g", v) }

func comparePlace(a, b diag.Place) int {
	switch {
	case a.File != b.File:
		return strings.Compare(a.File, b.File)
	case a.Sheet != b.Sheet:
		return strings.Compare(a.Sheet, b.Sheet)
	case a.Line != b.Line:
		return a.Line - b.Line
	}
	return a.Col - b.Col
}

func placeBefore(a, b diag.Place) bool { return comparePlace(a, b) < 0 }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
