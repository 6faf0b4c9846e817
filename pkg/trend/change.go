package trend

import "math"

// analyseChange compares the report quarter's actual value with the reference quarter's (the
// previous quarter for last-change, the same quarter a year earlier for year-on-year). The
// caller chooses the reference; both methods read the same here.
func analyseChange(r *Result, in Input) {
	current, reference := finiteOrNil(in.Current), finiteOrNil(in.Reference)
	r.currentLabel = in.CurrentLabel
	r.currentValue = current
	r.ReferencePeriod = in.ReferenceLabel
	r.ReferenceValue = reference
	r.Points = 0
	if current != nil {
		r.Points++
	}
	if reference != nil {
		r.Points++
	}
	if current == nil || reference == nil {
		r.Direction = Insufficient
		return
	}
	change := difference(*current, *reference)
	r.Change = ptr(change)
	r.Direction = Stable
	if math.Abs(change) > r.tolerance {
		r.Direction = directionOf(sign(change), r.polarity)
	}
}
