package trend

import (
	"fmt"
	"math"
)

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
	if in.CurrentPart != in.ReferencePart {
		// A total of two months against one of three would read as a fall that never happened.
		r.Direction = Insufficient
		r.insufficiency = partQuarterReason(in)
		return
	}
	change := difference(*current, *reference)
	r.Change = ptr(change)
	r.Direction = Stable
	if math.Abs(change) > r.tolerance {
		r.Direction = directionOf(sign(change), r.polarity)
	}
}

// partQuarterReason says why totals over different numbers of months are not compared:
// "2023/24 Q2 has 2 of 3 months, and a part quarter's total cannot be compared with a whole
// quarter's".
func partQuarterReason(in Input) string {
	months := func(label string, part int) string {
		label = labelOr(label, "one quarter")
		if part == 0 {
			return label + " has all 3 months"
		}
		return fmt.Sprintf("%s has %d of 3 months", label, part)
	}
	what := "a part quarter's total cannot be compared with a whole quarter's"
	if in.CurrentPart != 0 && in.ReferencePart != 0 {
		what = "totals of different numbers of months cannot be compared"
	}
	if in.ReferencePart == 0 {
		return months(in.CurrentLabel, in.CurrentPart) + ", and " + what
	}
	if in.CurrentPart == 0 {
		return months(in.ReferenceLabel, in.ReferencePart) + ", and " + what
	}
	return months(in.CurrentLabel, in.CurrentPart) + " and " + months(in.ReferenceLabel, in.ReferencePart) + ", and " + what
}
