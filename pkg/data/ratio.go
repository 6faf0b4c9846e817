package data

import (
	"strconv"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/diag"
)

// Ratio is the numerator and denominator given beside a value in a long table's `numerator`
// and `denominator` columns. A ratio indicator (aggregate: ratio) takes its values from them;
// any other indicator keeps them only to work out a value left blank.
type Ratio struct {
	Numerator, Denominator float64
	NumeratorPlace         diag.Place
	DenominatorPlace       diag.Place
	// Stated is the value cell as read, and StatedGiven whether there was one: a blank value
	// beside a numerator and denominator is their ratio.
	Stated      float64
	StatedGiven bool
}

// Of is numerator / denominator × scale, rounded as values are; ok is false for a denominator
// that is not above 0.
func (r *Ratio) Of(scale float64) (float64, bool) {
	if !(r.Denominator > 0) {
		return 0, false
	}
	return Round10(r.Numerator / r.Denominator * scale), true
}

// ratioCells reads the numerator and denominator of a long-table row. Both blank, or either a
// missing marker, is no ratio; one given without the other is an error at the blank one.
func (t *table) ratioCells(row int, cells []cell) (*Ratio, bool) {
	l := &t.layout
	if l.numerator < 0 || l.denominator < 0 {
		return nil, true
	}
	num, den := cellAt(cells, l.numerator), cellAt(cells, l.denominator)
	if num.blank() && den.blank() {
		return nil, true
	}
	if num.blank() || den.blank() {
		blank, given := l.numerator, l.denominator
		if den.blank() {
			blank, given = given, blank
		}
		t.probs.Errorf(t.place(row, blank), "column %q is blank while %q is given; give both, or neither", t.name(blank), t.name(given))
		return nil, false
	}
	r := &Ratio{NumeratorPlace: t.place(row, l.numerator), DenominatorPlace: t.place(row, l.denominator)}
	ok, missing := true, false
	for _, part := range []struct {
		c   cell
		col int
		dst *float64
	}{{num, l.numerator, &r.Numerator}, {den, l.denominator, &r.Denominator}} {
		v, miss, err := part.c.value(t.numbers)
		if err != nil {
			t.probs.Errorf(t.place(row, part.col), "column %q: %s", t.name(part.col), err)
			ok = false
			continue
		}
		*part.dst, missing = v, missing || miss
	}
	if !ok || missing {
		return nil, ok
	}
	return r, true
}

// ratioValue settles an observation's value from its numerator and denominator where they
// decide it: always for a ratio indicator, which needs them for every value it is given, and
// for any indicator whose value cell was left blank beside them.
func (m *matcher) ratioValue(ind *catalogue.Indicator, obs Observation) (Observation, bool) {
	isRatio := ind.Aggregate == catalogue.Ratio
	if obs.Missing || (!isRatio && (obs.Ratio == nil || obs.Ratio.StatedGiven)) {
		return obs, true
	}
	if obs.Ratio == nil {
		m.errorf(ind, obs.Period, obs.Place, "%s is aggregated as a ratio, so each of its values needs a numerator and a denominator (columns numerator and denominator in a long table); give them, or n/a for a period with none", ind.Code)
		return obs, false
	}
	r := obs.Ratio
	v, ok := r.Of(ind.Unit.RatioScale())
	if !ok {
		m.errorf(ind, obs.Period, r.DenominatorPlace, "the denominator of %s is %s, so there is no ratio to take; give the total the numerator is out of, or n/a for a period with none", ind.Code, strconv.FormatFloat(r.Denominator, 'f', -1, 64))
		return obs, false
	}
	obs.Value = v
	return obs, true
}
