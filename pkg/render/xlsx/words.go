package xlsx

import (
	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/report"
)

// yesNo is how a flag reads on the sheets people read; the Data sheet keeps true booleans.
func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// label is a period's label, "" for none.
func label(p *report.Period) string {
	if p == nil {
		return ""
	}
	return present.Label(*p)
}
