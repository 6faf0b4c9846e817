package catalogue

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/example/qpr/pkg/period"
)

// InheritedThresholds reports the thresholds a kpi is rated against in financial year fy when
// fy has none of its own but an earlier year does: that year and its thresholds. Thresholds
// given for every year (target: at indicator level) are set on purpose and are not inherited.
func (ind *Indicator) InheritedThresholds(fy int) (from int, th Thresholds, ok bool) {
	if _, own := ind.Thresholds[fy]; own {
		return 0, Thresholds{}, false
	}
	found := false
	for y, t := range ind.Thresholds {
		if y < fy && y != EveryYear && (!found || y > from) {
			from, th, found = y, t, true
		}
	}
	if !found || th.Null || th.Target == nil {
		return 0, Thresholds{}, false
	}
	return from, th, true
}

// ThresholdsAt returns the thresholds a kpi is rated against in quarter q: its year's (the
// latest year at or before q's), or, where that year has a profile entry for q's quarter of
// the year, the profile's. The result has no Profile of its own.
func (ind *Indicator) ThresholdsAt(q period.Quarter) (Thresholds, bool) {
	th, ok := ind.ThresholdsFor(q.Year)
	if !ok {
		return Thresholds{}, false
	}
	if pq, profiled := th.Profile[q.Q]; profiled {
		return Thresholds{Target: pq.Target, Floor: pq.Floor}, true
	}
	th.Profile = nil
	return th, true
}

// Profiled reports whether the thresholds q's year is rated against set any quarter apart.
func (ind *Indicator) Profiled(fy int) bool {
	th, ok := ind.ThresholdsFor(fy)
	return ok && len(th.Profile) > 0
}

// profile reads a year's profile: {Q1: {target: 29, floor: 28}, ...}, each quarter's target
// (and floor) in place of the year's for that quarter, checked as a year's are.
func (p *parser) profile(v pair, ind *Indicator, yearWhat string) map[int]Thresholds {
	example := "profile: {Q1: {target: 29, floor: 28}, Q2: {target: 56, floor: 54}}"
	node, ok := p.mapping(v, example)
	if !ok {
		return nil
	}
	quarters := []string{"Q1", "Q2", "Q3", "Q4"}
	out := map[int]Thresholds{}
	firstLine := map[int]int{}
	for _, e := range p.pairs(node) {
		k := resolve(e.key)
		label := ""
		if k != nil && k.Kind == yaml.ScalarNode {
			label = strings.ToUpper(strings.TrimSpace(k.Value))
		}
		q := slices.Index(quarters, label) + 1
		if q == 0 {
			hint := "a profile is keyed by quarter of the year, Q1 to Q4"
			if near := suggest(label, quarters); near != "" && k != nil {
				p.errorf(e.key.Line, "%s in the profile of %s is not a quarter; did you mean %q? %s", describe(k), yearWhat, near, hint)
			} else {
				p.errorf(e.key.Line, "%s in the profile of %s is not a quarter; %s", describe(k), yearWhat, hint)
			}
			continue
		}
		if first, dup := firstLine[q]; dup {
			p.errorf(e.key.Line, "Q%d is given twice in the profile of %s (first at line %d); give each quarter once", q, yearWhat, first)
			continue
		}
		firstLine[q] = e.key.Line
		what := fmt.Sprintf("Q%d of the profile of %s", q, yearWhat)
		qnode, ok := p.mapping(pair{key: &yaml.Node{Kind: yaml.ScalarNode, Value: "Q" + strconv.Itoa(q), Line: e.key.Line}, val: e.val}, "{target: 29, floor: 28}")
		if !ok {
			continue
		}
		fs := p.fields(qnode, "in "+what, []string{"target", "floor"})
		if _, t := fs["target"]; !t {
			if _, f := fs["floor"]; !f {
				p.errorf(qnode.Line, "%s has no target; give target: (and optionally floor:), or leave the quarter out to use the year's", what)
				continue
			}
		}
		if t, ok := p.thresholds(fs, ind, qnode.Line, what); ok {
			out[q] = t
		}
	}
	return out
}

// ThresholdsSource says where the thresholds a kpi is rated against in quarter q come from:
// the year they were set for (EveryYear for a target given for every year), and whether q's
// own profile entry applies. ok is false when q is not rated.
func (ind *Indicator) ThresholdsSource(q period.Quarter) (year int, profiled, ok bool) {
	found := false
	for y, th := range ind.Thresholds {
		if y <= q.Year && (!found || y > year) {
			year, found = y, true
			_, profiled = th.Profile[q.Q]
		}
	}
	if !found || ind.Thresholds[year].Null {
		return 0, false, false
	}
	return year, profiled, true
}
