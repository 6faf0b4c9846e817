package present

import (
	"fmt"
	"strings"

	"github.com/example/qpr/pkg/report"
)

// VerdictLine is `qpr rag`'s one-line verdict on an indicator, its value and basis shown as
// the report shows them: "CS01 2023/24 Q2: 82% (basis Q) — AMBER (target 85%, floor 75%,
// higher is better)".
func VerdictLine(r *report.Report, in *report.Indicator) string {
	var head string
	if v := Value(in); v.OK {
		// The basis is printed as the report's Basis column prints it, beside the value.
		notes := []string{"basis " + Basis(in)}
		if in.Stale && in.ValuePeriod != nil {
			notes = append(notes, "stale: value from "+Label(*in.ValuePeriod))
		}
		if in.Partial {
			notes = append(notes, fmt.Sprintf("partial: %d of 3 months", in.Months))
		}
		head = fmt.Sprintf("%s %s: %s (%s) — %s", in.Code, Label(r.Period), v.Text, strings.Join(notes, "; "), StatusOf(in).Verdict())
	} else {
		// Without a value the verdict is all there is to say; "no data — NO DATA" said it twice.
		head = fmt.Sprintf("%s %s: %s — no value to rate", in.Code, Label(r.Period), StatusOf(in).Verdict())
	}
	if IsActivity(in) {
		if ActivityStatus(in.Activity) == NoData || ActivityStatus(in.Activity) == NotRated {
			return head
		}
		return head + " expected range (" + ExpectedRange(in) + ")"
	}
	if in.Target == nil {
		return head + " (no target for this year)"
	}
	return head + " (" + thresholdsBrief(in) + ")"
}

// thresholdsBrief is "target 85%, floor 75%, higher is better".
func thresholdsBrief(in *report.Indicator) string {
	parts := []string{"target " + Threshold(in, in.Target).Text}
	if in.Floor != nil {
		parts = append(parts, "floor "+Threshold(in, in.Floor).Text)
	}
	if p := PolarityWords(in); p != "" {
		parts = append(parts, strings.ToLower(p))
	}
	return strings.Join(parts, ", ")
}

// CompareLines are `qpr rag --compare`'s lines under an indicator's verdict: one per
// comparator group, "  2nd of 16 CIPFA nearest neighbours ...", or one saying it is not
// compared.
func CompareLines(in *report.Indicator) []string {
	cs := Comparisons(in)
	if len(cs) == 0 {
		return []string{"  not compared: the catalogue gives " + in.Code + " no benchmark:"}
	}
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, "  "+c.Sentence)
	}
	return out
}
