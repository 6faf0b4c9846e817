// Package reporttest builds the pieces of a report.Report that renderer tests write by hand:
// pointers to typed statuses and periods read from labels of April financial years.
package reporttest

import (
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/report"
)

// Rating is a pointer to the rating v.
func Rating(v string) *report.Rating { r := report.Rating(v); return &r }

// Activity is a pointer to the activity status v.
func Activity(v string) *report.ActivityStatus { a := report.ActivityStatus(v); return &a }

// Direction is a pointer to the direction v.
func Direction(v string) *report.Direction { d := report.Direction(v); return &d }

// Polarity is a pointer to the polarity v.
func Polarity(v string) *catalogue.Polarity { p := catalogue.Polarity(v); return &p }

// Period reads a fixture's period label (financial years from April); a label the test
// mistyped panics, as a fixture cannot go on without it.
func Period(label string) report.Period {
	p, err := report.ParsePeriod(label, 4)
	if err != nil {
		panic(err)
	}
	return p
}

// PeriodPtr is a pointer to Period(label).
func PeriodPtr(label string) *report.Period { p := Period(label); return &p }

// Periods reads each label with Period.
func Periods(labels []string) []report.Period {
	out := make([]report.Period, len(labels))
	for i, l := range labels {
		out[i] = Period(l)
	}
	return out
}
