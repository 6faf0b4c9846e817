package report

import "github.com/example/qpr/pkg/rag"

// Rating is a KPI's rating for a quarter. Its values are the contract's words, so the JSON
// carries them unchanged; renderers ask pkg/present how to show one.
type Rating string

// The ratings a KPI can have.
const (
	Green    Rating = rag.Green
	Amber    Rating = rag.Amber
	Red      Rating = rag.Red
	NotRated Rating = rag.NotRated // no target this year
	NoData   Rating = rag.NoData   // no value, not even a stale one
)

// Rated reports whether r is one of green, amber or red.
func (r Rating) Rated() bool { return r == Green || r == Amber || r == Red }

// ActivityStatus is an activity indicator's place against its expected range.
type ActivityStatus string

// The statuses an activity indicator can have.
const (
	Above            ActivityStatus = rag.Above
	Within           ActivityStatus = rag.Within
	Below            ActivityStatus = rag.Below
	ActivityNotRated ActivityStatus = rag.NotRated // no expected range this year
	ActivityNoData   ActivityStatus = rag.NoData
)

// Placed reports whether a is above, within or below its range.
func (a ActivityStatus) Placed() bool { return a == Above || a == Within || a == Below }

// Direction is a direction of travel as the trend engine gives it.
type Direction string

// The directions of travel: improving/stable/worsening for KPIs, rising/stable/falling for
// activity indicators (no better or worse), insufficient where too few values.
const (
	Improving    Direction = "improving"
	Stable       Direction = "stable"
	Worsening    Direction = "worsening"
	Rising       Direction = "rising"
	Falling      Direction = "falling"
	Insufficient Direction = "insufficient"
)

// Known reports whether the engine could judge a direction.
func (d Direction) Known() bool { return d != "" && d != Insufficient }
