package catalogue

import (
	"errors"

	"go.yaml.in/yaml/v3"

	"github.com/example/qpr/pkg/period"
)

// ratings reads what an indicator is judged against: a kpi's target and floor, or an activity
// indicator's expected range, either per financial year or the same for every year.
func (p *parser) ratings(f map[string]pair, ind *Indicator, cal period.Calendar, label string) {
	kpiKeys := []string{"thresholds", "target", "floor"}
	activityKeys := []string{"expected", "lower", "upper"}
	wrong, right, kind := activityKeys, kpiKeys, "a kpi"
	if ind.Type == Activity {
		wrong, right, kind = kpiKeys, activityKeys, "an activity indicator"
	}
	for _, k := range wrong {
		if x, ok := f[k]; ok {
			p.errorf(x.key.Line, "key %q is for %s, but indicator %s is %s; give %s instead", k, kindOf(k), label, kind, alternative(ind.Type))
		}
	}
	yearly, single := f[right[0]], []pair{}
	for _, k := range right[1:] {
		if x, ok := f[k]; ok {
			single = append(single, x)
		}
	}
	_, hasYearly := f[right[0]]
	if hasYearly && len(single) > 0 {
		p.errorf(single[0].key.Line, "indicator %s has both %s: and %s:; use %s: for values that change by year, or %s: alone for values that never change, not both",
			label, right[0], single[0].name(), right[0], single[0].name())
		return
	}
	where := " of indicator " + label
	switch {
	case ind.Type == KPI && hasYearly:
		ind.Thresholds = map[int]Thresholds{}
		p.yearly(yearly, cal, where, "thresholds: {2023/24: {target: 85, floor: 80}}", func(year int, e pair, what string) {
			if isNull(e.val) {
				ind.Thresholds[year] = Thresholds{Null: true}
				return
			}
			node, ok := p.mapping(e, "{target: 85, floor: 80}")
			if !ok {
				return
			}
			fs := p.fields(node, "in "+what, []string{"target", "floor", "profile"})
			if t, ok := p.thresholds(fs, ind, node.Line, what); ok {
				if x, given := fs["profile"]; given {
					t.Profile = p.profile(x, ind, what)
				}
				ind.Thresholds[year] = t
			}
		})
	case ind.Type == KPI && len(single) > 0:
		if t, ok := p.thresholds(f, ind, ind.Line, "indicator "+label); ok {
			ind.Thresholds = map[int]Thresholds{EveryYear: t}
		}
	case ind.Type == Activity && hasYearly:
		ind.Expected = map[int]Expected{}
		p.yearly(yearly, cal, where, "expected: {2023/24: {lower: 100000, upper: 130000}}", func(year int, e pair, what string) {
			if isNull(e.val) {
				ind.Expected[year] = Expected{Null: true}
				return
			}
			node, ok := p.mapping(e, "{lower: 100000, upper: 130000}")
			if !ok {
				return
			}
			fs := p.fields(node, "in "+what, []string{"lower", "upper"})
			if r, ok := p.expectedRange(fs, node.Line, what); ok {
				ind.Expected[year] = r
			}
		})
	case ind.Type == Activity && len(single) > 0:
		if r, ok := p.expectedRange(f, ind.Line, "indicator "+label); ok {
			ind.Expected = map[int]Expected{EveryYear: r}
		}
	}
}

func kindOf(key string) string {
	switch key {
	case "thresholds", "target", "floor":
		return "a kpi"
	}
	return "an activity indicator"
}

func alternative(t Type) string {
	if t == Activity {
		return "its expected range with expected: or lower:/upper:"
	}
	return "its target with thresholds: or target:/floor:"
}

// yearly reads a mapping from financial-year labels to entries, each passed to read with a
// name for messages such as "thresholds 2023/24 of indicator CS01".
func (p *parser) yearly(v pair, cal period.Calendar, where, example string, read func(year int, e pair, what string)) {
	node, ok := p.mapping(v, example)
	if !ok {
		return
	}
	firstLine := map[int]int{}
	for _, e := range p.pairs(node) {
		k := e.key
		if k.Kind != yaml.ScalarNode || isNull(k) {
			p.errorf(k.Line, "a year in %s%s is %s; write a financial year such as %s", v.name(), where, describe(k), cal.YearLabel(2023))
			continue
		}
		year, err := cal.ParseYear(k.Value)
		if err != nil {
			hint := err.Error()
			var pe *period.ParseError
			if errors.As(err, &pe) {
				hint = pe.Hint
			}
			p.errorf(k.Line, "year %q in %s%s is not a financial year; %s", k.Value, v.name(), where, hint)
			continue
		}
		if first, dup := firstLine[year]; dup {
			p.errorf(k.Line, "year %s is given twice in %s%s (first at line %d); give each year once", cal.YearLabel(year), v.name(), where, first)
			continue
		}
		firstLine[year] = k.Line
		read(year, pair{key: &yaml.Node{Kind: yaml.ScalarNode, Value: v.name() + " " + cal.YearLabel(year), Line: k.Line}, val: e.val},
			v.name()+" "+cal.YearLabel(year)+where)
	}
}

// thresholds reads target and floor from f, checking that a floor has a target and lies on
// the side of it that the polarity says is worse.
func (p *parser) thresholds(f map[string]pair, ind *Indicator, line int, what string) (Thresholds, bool) {
	var t Thresholds
	var target, floor number
	ok := true
	if x, given := f["target"]; given {
		if target, ok = p.number(x); ok {
			t.Target = &target.value
		}
	}
	if x, given := f["floor"]; given {
		var fok bool
		if floor, fok = p.number(x); fok {
			t.Floor = &floor.value
		}
		ok = ok && fok
	}
	if !ok {
		return t, false
	}
	_, hasTarget := f["target"]
	if !hasTarget {
		if t.Floor != nil {
			p.errorf(floor.line, "floor %s has no target beside it in %s; add target: as well (the floor only splits amber from red below the target)", floor.text, what)
		} else {
			p.errorf(line, "%s has no target; give target: (and optionally floor:), or null to stop rating from that year", what)
		}
		return t, false
	}
	if t.Floor == nil {
		return t, true
	}
	switch {
	case ind.Polarity == Higher && floor.value > target.value:
		p.errorf(floor.line, "floor %s is above target %s for a higher-is-better indicator; the floor must be at or below the target", floor.text, target.text)
		return t, false
	case ind.Polarity == Lower && floor.value < target.value:
		p.errorf(floor.line, "floor %s is below target %s for a lower-is-better indicator; the floor must be at or above the target", floor.text, target.text)
		return t, false
	}
	return t, true
}

// expectedRange reads lower and upper from f; either may be left out for a one-sided range.
func (p *parser) expectedRange(f map[string]pair, line int, what string) (Expected, bool) {
	var r Expected
	var lower, upper number
	ok := true
	if x, given := f["lower"]; given {
		if lower, ok = p.number(x); ok {
			r.Lower = &lower.value
		}
	}
	if x, given := f["upper"]; given {
		var uok bool
		if upper, uok = p.number(x); uok {
			r.Upper = &upper.value
		}
		ok = ok && uok
	}
	if !ok {
		return r, false
	}
	_, hasLower := f["lower"]
	_, hasUpper := f["upper"]
	if !hasLower && !hasUpper {
		p.errorf(line, "%s has neither lower nor upper; give at least one, e.g. {lower: 100000, upper: 130000}, or null for no expected range from that year", what)
		return r, false
	}
	if r.Lower != nil && r.Upper != nil && lower.value > upper.value {
		p.errorf(lower.line, "lower %s is above upper %s in %s; lower must be at or below upper", lower.text, upper.text, what)
		return r, false
	}
	return r, true
}
