// Package reportdiff lists what changed between two reports (their JSON), each change with its
// cause, so that a rebuild after late or revised data can be explained and audited.
package reportdiff

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// Causes of a change.
const (
	Revised   = "revised"   // a value was changed: by a later signed return, or in a data file
	Late      = "late"      // a value arrived that was missing (or stood in, stale) before
	Threshold = "threshold" // the target, floor or expected range changed
	Catalogue = "catalogue" // the indicator itself changed: added, removed, its unit or method
	Rule      = "rule"      // nothing in the inputs changed it: how qpr works it out did
	Returns   = "returns"   // a return came in or was signed off (the report's status, code "")
)

// Diff is every change between two reports.
type Diff struct {
	From    string   `json:"from"`
	To      string   `json:"to"`
	Changes []Change `json:"changes"`
}

// Change is one field of one indicator that differs.
type Change struct {
	Code   string `json:"code"`
	Period string `json:"period"`
	Field  string `json:"field"`
	From   any    `json:"from"`
	To     any    `json:"to"`
	Cause  string `json:"cause"`
}

// Doc is what a diff reads of a report's JSON.
type Doc struct {
	Period      string        `json:"period"`
	Status      string        `json:"status"` // "" in a report from before returns: final
	Outstanding []outstanding `json:"outstanding"`
	Indicators  []indicator   `json:"indicators"`
}

type outstanding struct {
	Owner  string `json:"owner"`
	Reason string `json:"reason"`
}

type indicator struct {
	Code        string     `json:"code"`
	Name        string     `json:"name"`
	Type        string     `json:"type"`
	Unit        string     `json:"unit"`
	Polarity    *string    `json:"polarity"`
	Value       *float64   `json:"value"`
	ValuePeriod *string    `json:"value_period"`
	Stale       bool       `json:"stale"`
	Target      *float64   `json:"target"`
	Floor       *float64   `json:"floor"`
	Expected    *rng       `json:"expected"`
	RAG         *string    `json:"rag"`
	Activity    *string    `json:"activity"`
	Trend       *trend     `json:"trend"`
	History     []point    `json:"history"`
	Revisions   []revision `json:"revisions"`
}

type rng struct {
	Lower *float64 `json:"lower"`
	Upper *float64 `json:"upper"`
}

type trend struct {
	Method    string `json:"method"`
	Window    int    `json:"window"`
	Direction string `json:"direction"`
}

type point struct {
	Period string   `json:"period"`
	Value  *float64 `json:"value"`
}

type revision struct {
	Period string   `json:"period"`
	From   *float64 `json:"from"`
	To     *float64 `json:"to"`
}

// Parse reads a report's JSON, saying what is wrong with a file that is not one.
func Parse(b []byte) (*Doc, error) {
	var d Doc
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("not a report's JSON (%v); give two files written by qpr build --format json", err)
	}
	if d.Period == "" {
		return nil, fmt.Errorf("not a report's JSON: it has no period; give two files written by qpr build --format json")
	}
	return &d, nil
}

// Compare lists every change from old to new, in new's indicator order (then the ones only
// old has).
func Compare(old, new *Doc) Diff {
	d := Diff{From: old.Period, To: new.Period, Changes: []Change{}}
	d.returns(old, new)
	before := map[string]*indicator{}
	for i := range old.Indicators {
		before[old.Indicators[i].Code] = &old.Indicators[i]
	}
	seen := map[string]bool{}
	for i := range new.Indicators {
		n := &new.Indicators[i]
		seen[n.Code] = true
		o := before[n.Code]
		if o == nil {
			d.add(n.Code, new.Period, "indicator", nil, n.Name, Catalogue)
			continue
		}
		d.indicator(o, n, new.Period)
	}
	for i := range old.Indicators {
		if o := &old.Indicators[i]; !seen[o.Code] {
			d.add(o.Code, old.Period, "indicator", o.Name, nil, Catalogue)
		}
	}
	return d
}

// returns lists the report's own changes, before any indicator's: its status (draft while a
// return is outstanding) and each owner whose return was outstanding and is no longer, or
// the other way round, with why ("missing", "unsigned").
func (d *Diff) returns(old, new *Doc) {
	status := func(s string) string {
		if s == "" {
			return "final"
		}
		return s
	}
	if status(old.Status) != status(new.Status) {
		d.add("", new.Period, "status", status(old.Status), status(new.Status), Returns)
	}
	why := func(os []outstanding) map[string]string {
		m := map[string]string{}
		for _, o := range os {
			m[o.Owner] = o.Reason
		}
		return m
	}
	was, is := why(old.Outstanding), why(new.Outstanding)
	for _, o := range old.Outstanding {
		if is[o.Owner] != o.Reason {
			d.add("", new.Period, "outstanding "+o.Owner, o.Reason, nilIfEmpty(is[o.Owner]), Returns)
		}
	}
	for _, o := range new.Outstanding {
		if _, ok := was[o.Owner]; !ok {
			d.add("", new.Period, "outstanding "+o.Owner, nil, o.Reason, Returns)
		}
	}
}

func (d *Diff) add(code, period, field string, from, to any, cause string) {
	d.Changes = append(d.Changes, Change{Code: code, Period: period, Field: field, From: from, To: to, Cause: cause})
}

// indicator compares one indicator's fields; each change's cause is the first that explains
// it: the indicator's own definition, then its thresholds, then its data.
func (d *Diff) indicator(o, n *indicator, period string) {
	code := n.Code
	defined := o.Type != n.Type || o.Unit != n.Unit || str(o.Polarity) != str(n.Polarity)
	for _, f := range []struct {
		name     string
		from, to any
	}{{"type", o.Type, n.Type}, {"unit", o.Unit, n.Unit}, {"polarity", o.Polarity, n.Polarity}} {
		if !same(f.from, f.to) {
			d.add(code, period, f.name, f.from, f.to, Catalogue)
		}
	}
	thresholds := false
	for _, f := range []struct {
		name     string
		from, to *float64
	}{{"target", o.Target, n.Target}, {"floor", o.Floor, n.Floor}, {"expected.lower", lower(o.Expected), lower(n.Expected)}, {"expected.upper", upper(o.Expected), upper(n.Expected)}} {
		if !sameNum(f.from, f.to) {
			thresholds = true
			d.add(code, period, f.name, num(f.from), num(f.to), Threshold)
		}
	}
	valueCause := ""
	if !sameNum(o.Value, n.Value) || str(o.ValuePeriod) != str(n.ValuePeriod) {
		valueCause = Revised
		switch {
		case defined:
			valueCause = Catalogue
		case o.Value == nil || (o.Stale && !n.Stale):
			valueCause = Late
		case revisedTo(n, str(n.ValuePeriod), o.Value, n.Value):
			valueCause = Revised
		}
		d.add(code, period, "value", num(o.Value), num(n.Value), valueCause)
	}
	historyCause := ""
	for _, np := range n.History {
		for _, op := range o.History {
			// The report quarter's own value is told as the value.
			if op.Period != np.Period || np.Period == period || sameNum(op.Value, np.Value) {
				continue
			}
			cause := Revised
			if op.Value == nil {
				cause = Late
			}
			if historyCause == "" {
				historyCause = cause
			}
			d.add(code, np.Period, "history", num(op.Value), num(np.Value), cause)
		}
	}
	// A rating follows its value and thresholds: it changed for whichever of them changed.
	because := func() string {
		switch {
		case defined:
			return Catalogue
		case valueCause != "":
			return valueCause
		case thresholds:
			return Threshold
		}
		return Rule
	}
	if str(o.RAG) != str(n.RAG) {
		d.add(code, period, "rag", o.RAG, n.RAG, because())
	}
	if str(o.Activity) != str(n.Activity) {
		d.add(code, period, "activity", o.Activity, n.Activity, because())
	}
	var od, nd, om, nm string
	ow, nw := 0, 0
	if o.Trend != nil {
		od, om, ow = o.Trend.Direction, o.Trend.Method, o.Trend.Window
	}
	if n.Trend != nil {
		nd, nm, nw = n.Trend.Direction, n.Trend.Method, n.Trend.Window
	}
	if od != nd {
		cause := Rule
		switch {
		case defined || om != nm || ow != nw:
			cause = Catalogue
		case valueCause != "":
			cause = valueCause
		case historyCause != "" || len(n.Revisions) > len(o.Revisions):
			cause = historyCause
			if cause == "" {
				cause = Revised
			}
		}
		d.add(code, period, "direction", nilIfEmpty(od), nilIfEmpty(nd), cause)
	}
}

// revisedTo reports whether n records a revision of period from old to new.
func revisedTo(n *indicator, period string, old, new *float64) bool {
	for _, r := range n.Revisions {
		if sameNum(r.From, old) && sameNum(r.To, new) {
			return true
		}
	}
	return false
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func num(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

func sameNum(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b || math.IsNaN(*a) && math.IsNaN(*b)
}

func same(a, b any) bool { return fmt.Sprint(deref(a)) == fmt.Sprint(deref(b)) }

func deref(v any) any {
	if p, ok := v.(*string); ok {
		if p == nil {
			return nil
		}
		return *p
	}
	return v
}

func lower(r *rng) *float64 {
	if r == nil {
		return nil
	}
	return r.Lower
}

func upper(r *rng) *float64 {
	if r == nil {
		return nil
	}
	return r.Upper
}

// Text is one change as a line: HT01 2023/24 Q3 value: 88.5 -> 89 (revised).
func (c Change) Text() string {
	if c.Code == "" { // the report's own
		return fmt.Sprintf("%s %s: %s -> %s (%s)", c.Period, c.Field, word(c.From), word(c.To), c.Cause)
	}
	return fmt.Sprintf("%s %s %s: %s -> %s (%s)", c.Code, c.Period, c.Field, word(c.From), word(c.To), c.Cause)
}

func word(v any) string {
	switch x := deref(v).(type) {
	case nil:
		return "none"
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		return x
	default:
		return fmt.Sprint(x)
	}
}
