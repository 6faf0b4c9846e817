package catalogue

import (
	"strings"

	"github.com/example/qpr/pkg/period"
)

// Basis says what period a value covers, with the codes councils print beside each value.
type Basis string

const (
	BasisQuarter       Basis = "Q"    // the quarter itself (default)
	BasisMonthSnapshot Basis = "MS"   // a snapshot at the end of a month
	BasisYearToDate    Basis = "YTD"  // the financial year to date
	BasisRolling12     Basis = "R12M" // the rolling 12 months to the period
	BasisAnnual        Basis = "A"    // a whole year
)

// Ratio is the aggregate that divides the summed numerators by the summed denominators.
const Ratio Aggregate = "ratio"

// Bases lists the basis codes in the order the documentation gives them.
var Bases = []Basis{BasisQuarter, BasisMonthSnapshot, BasisYearToDate, BasisRolling12, BasisAnnual}

// RatioScale is what numerator / denominator is multiplied by to give a value in the unit: 100
// for a percentage, 1 otherwise (a rate per 1,000 takes its denominator in thousands).
func (u Unit) RatioScale() float64 {
	if u == Percent {
		return 100
	}
	return 1
}

// SPCSpec is an indicator's spc chart settings.
type SPCSpec struct {
	// Rebase lists recalculation points, ascending, as indices of the indicator's own periods
	// (period.Month.Index for a monthly indicator, period.Quarter.Index for a quarterly one).
	Rebase []int
	// Points are the same recalculation points as written, with their reasons.
	Points []RebasePoint
}

// ProjectionSpec is when next quarter's projection is made.
type ProjectionSpec struct {
	MinPoints int // values the window must hold; fewer and no projection is made
}

// DefaultProjection is the default: a line through fewer than 6 points projects nothing
// worth printing.
var DefaultProjection = ProjectionSpec{MinPoints: 6}

var (
	spcKeys        = []string{"rebase"}
	projectionKeys = []string{"min_points"}
)

// basis reads an indicator's basis: one of the codes, any case, with a did-you-mean.
func (p *parser) basis(v pair) (Basis, bool) {
	codes := make([]string, len(Bases))
	for i, b := range Bases {
		codes[i] = string(b)
	}
	hint := "use " + oneOf(codes) + " (quarter, month snapshot, year to date, rolling 12 months, annual)"
	s, ok := p.scalar(v, hint)
	if !ok {
		return "", false
	}
	for _, c := range codes {
		if strings.EqualFold(strings.TrimSpace(s), c) {
			return Basis(c), true
		}
	}
	if near := suggest(strings.ToUpper(strings.TrimSpace(s)), codes); near != "" {
		p.errorf(v.line(), "basis %q is not valid; did you mean %q? %s", s, near, hint)
	} else {
		p.errorf(v.line(), "basis %q is not valid; %s", s, hint)
	}
	return "", false
}

// spc reads `spc: {rebase: [...]}` (see rebase).
func (p *parser) spc(v pair, ind *Indicator, cal period.Calendar, label string) SPCSpec {
	node, ok := p.mapping(v, `spc: {rebase: [{at: "2023-03", reason: new triage process}]}`)
	if !ok {
		return SPCSpec{}
	}
	f := p.fields(node, "in the spc of indicator "+label, spcKeys)
	x, ok := f["rebase"]
	if !ok {
		return SPCSpec{}
	}
	return p.rebase(x, ind, cal, label)
}

// projection lays the keys given in v over base.
func (p *parser) projection(v pair, base ProjectionSpec, where string) ProjectionSpec {
	node, ok := p.mapping(v, "projection: {min_points: 6}")
	if !ok {
		return base
	}
	spec := base
	f := p.fields(node, where, projectionKeys)
	if x, ok := f["min_points"]; ok {
		if n, ok := p.wholeAtLeast(x, 3, "points"); ok {
			if n > 3*MaxWindow {
				p.errorf(x.line(), "min_points %d is more than a window can hold (%d months); use 3 to %d", n, 3*MaxWindow, 3*MaxWindow)
			} else {
				spec.MinPoints = n
			}
		}
	}
	return spec
}
