// Package data reads the quarter's spreadsheets (xlsx and csv) into observations, and checks
// them against the catalogue into per-indicator series.
package data

import (
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
)

// Observation is one value cell as read, before it is matched to the catalogue.
type Observation struct {
	Code    string        // as written (trimmed)
	Period  period.Period // quarter or month
	Value   float64       // after scaling and rounding to 10 significant figures
	Missing bool          // a missing marker (n/a, -, .. ...): given, but no value
	Note    string        // a `note` column, if any
	Ratio   *Ratio        // numerator and denominator columns, when both are given
	Place   diag.Place
}

// Comment is one row of a commentary table.
type Comment struct {
	Code    string
	Period  period.Period
	Context string
	Actions string
	Place   diag.Place
}

// Dataset is everything read from the data files, in file and row order.
type Dataset struct {
	Observations []Observation
	Comments     []Comment
	Files        []string // every file read, in order
}

// Value is an indicator's value for one of its own periods.
type Value struct {
	V       float64
	Missing bool
	Ratio   *Ratio // the numerator and denominator behind V, when given
	Place   diag.Place
}

// Store holds the data matched to the catalogue, keyed by the catalogue's own code.
type Store struct {
	// Values by indicator code, then by period index: quarter index (period.Quarter.Index) for a
	// quarterly indicator, month index (period.Month.Index) for a monthly one.
	Values map[string]map[int]Value
	// Commentary by indicator code, then quarter index.
	Comments map[string]map[int]Comment
	// Latest quarter in which any indicator has a (non-missing) value; zero if none.
	Latest period.Quarter
}
