// Package report assembles the report model of one pack for one quarter: each indicator's
// quarter value, rating, history, direction of travel and commentary, and the summary counts.
// Renderers (JSON, PDF, XLSX) draw only from this model.
package report

import (
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/trend"
)

// Schema is the value of the JSON document's "schema" key, versioned with its keys.
const Schema = "qpr.report/v1"

// Report is the contract's JSON document (docs/json.md); keys are fixed.
type Report struct {
	Schema         string        `json:"schema"`
	Organisation   string        `json:"organisation"`
	Title          string        `json:"title"`
	Language       string        `json:"language,omitempty"` // BCP 47; absent when the catalogue gives none (en-GB)
	Pack           PackRef       `json:"pack"`
	Period         Period        `json:"period"`
	PreviousPeriod Period        `json:"previous_period"`
	FileLabel      string        `json:"file_label"`   // 2023-24-Q2
	PeriodStart    Period        `json:"period_start"` // first month of the quarter, 2023-07
	PeriodEnd      Period        `json:"period_end"`   // last month of the quarter, 2023-09
	AsAt           string        `json:"as_at"`        // date the report carries, 2006-01-02
	HistoryPeriods []Period      `json:"history_periods"`
	Trend          TrendDefaults `json:"trend_defaults"`
	Summary        Summary       `json:"summary"`
	Directorates   []Directorate `json:"directorates"`
	Indicators     []Indicator   `json:"indicators"`
}

// PackRef names the pack the report is of.
type PackRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// TrendDefaults is the catalogue-wide direction-of-travel setting, for the report's key.
type TrendDefaults struct {
	Method string  `json:"method"`
	Window int     `json:"window"`
	Alpha  float64 `json:"alpha"`
}

// RAGCounts counts KPIs by rating, for the summary and each directorate.
type RAGCounts struct {
	Green    int `json:"green"`
	Amber    int `json:"amber"`
	Red      int `json:"red"`
	NotRated int `json:"not_rated"`
	NoData   int `json:"no_data"`
}

// TrendCounts counts KPIs by direction of travel.
type TrendCounts struct {
	Improving    int `json:"improving"`
	Stable       int `json:"stable"`
	Worsening    int `json:"worsening"`
	Insufficient int `json:"insufficient"`
}

// ActivityCounts counts activity indicators by where their value lies against the expected
// range.
type ActivityCounts struct {
	Above    int `json:"above"`
	Within   int `json:"within"`
	Below    int `json:"below"`
	NotRated int `json:"not_rated"`
	NoData   int `json:"no_data"`
}

// Summary is the whole pack's counts, this quarter and last, for the executive summary.
type Summary struct {
	KPIs             int            `json:"kpis"`
	ActivityCount    int            `json:"activity_indicators"`
	RAG              RAGCounts      `json:"rag"`
	RAGPrevious      RAGCounts      `json:"rag_previous"`
	Trend            TrendCounts    `json:"trend"`
	TrendPrevious    TrendCounts    `json:"trend_previous"`
	Activity         ActivityCounts `json:"activity"`
	ActivityPrevious ActivityCounts `json:"activity_previous"`
}

// Directorate is one directorate's counts, this quarter and last, in catalogue order.
type Directorate struct {
	Code          string         `json:"code"`
	Name          string         `json:"name"`
	KPIs          int            `json:"kpis"`
	ActivityCount int            `json:"activity_indicators"`
	RAG           RAGCounts      `json:"rag"`
	RAGPrevious   RAGCounts      `json:"rag_previous"`
	Trend         TrendCounts    `json:"trend"`
	TrendPrevious TrendCounts    `json:"trend_previous"`
	Activity      ActivityCounts `json:"activity"`
}

// Range is an activity indicator's expected range; either end may be open (nil).
type Range struct {
	Lower *float64 `json:"lower"`
	Upper *float64 `json:"upper"`
}

// HistoryPoint is one quarter of an indicator's recent history: its actual value (no stale
// stand-in) rated with that quarter's own year's thresholds, which it carries.
type HistoryPoint struct {
	Period  Period   `json:"period"`
	Value   *float64 `json:"value"`
	Display *string  `json:"display,omitempty"`
	// Places is the decimal places Display is shown to, for renderers that keep a number.
	Places   int             `json:"-"`
	RAG      *Rating         `json:"rag,omitempty"`
	Activity *ActivityStatus `json:"activity,omitempty"`
	Partial  bool            `json:"partial,omitempty"`
	// The quarter's own thresholds: a KPI's target and floor, an activity indicator's range.
	Target   *float64 `json:"target,omitempty"`
	Floor    *float64 `json:"floor,omitempty"`
	Expected *Range   `json:"expected,omitempty"`
}

// ChartPoint is one point of the indicator's own series over the trend window (months for a
// monthly indicator), with the thresholds that applied then, for charts.
type ChartPoint struct {
	Period Period   `json:"period"`
	Value  *float64 `json:"value"`
	Target *float64 `json:"target,omitempty"`
	Floor  *float64 `json:"floor,omitempty"`
	Lower  *float64 `json:"lower,omitempty"`
	Upper  *float64 `json:"upper,omitempty"`
}

// Commentary is what the service wrote about the indicator for the quarter: the context of
// the figure and the actions being taken.
type Commentary struct {
	Context string `json:"context"`
	Actions string `json:"actions"`
}

// Trend is the direction of travel with the sentence a committee member reads. Only the
// figures of the method used are set; the rest are left out of the JSON.
type Trend struct {
	Method    trend.Method `json:"method"`
	Direction Direction    `json:"direction"`
	Points    int          `json:"points"`
	Window    int          `json:"window"`
	Sentence  string       `json:"sentence"`
	// Alpha is the significance level tested at, so a p-value is shown as the sentence shows it.
	Alpha float64 `json:"-"`
	// regression
	Slope     *float64 `json:"slope,omitempty"`
	Intercept *float64 `json:"intercept,omitempty"`
	StdErr    *float64 `json:"std_err,omitempty"`
	PValue    *float64 `json:"p_value,omitempty"`
	// mann-kendall
	S            *int     `json:"s,omitempty"`
	VarS         *float64 `json:"var_s,omitempty"`
	Z            *float64 `json:"z,omitempty"`
	Tau          *float64 `json:"tau,omitempty"`
	SenSlope     *float64 `json:"sen_slope,omitempty"`
	SenIntercept *float64 `json:"sen_intercept,omitempty"`
	// spc
	Mean      *float64      `json:"mean,omitempty"`
	LPL       *float64      `json:"lpl,omitempty"`
	UPL       *float64      `json:"upl,omitempty"`
	Assurance *Assurance    `json:"assurance,omitempty"`
	Series    []SeriesPoint `json:"series,omitempty"`
	// Segments are the spc chart's stretches between recalculation points (catalogue
	// spc: {rebase: [...]}), oldest first, each with its own mean and limits: a chart draws
	// each segment's mean and limits from its From period to its To period, so they step at a
	// rebase. Mean, LPL and UPL above are the latest segment's.
	Segments []Segment `json:"segments,omitempty"`
	// Provisional: the latest segment has fewer than 12 points, so its limits are provisional.
	Provisional bool `json:"provisional,omitempty"`
	// Shift is a sustained shift over the latest points (a run of 7 or more on one side of the
	// mean reaching the latest point): the limits should be recalculated from Shift.From.
	Shift *Shift `json:"shift,omitempty"`
	// AssuranceWithheld says why Assurance is null although there is a target:
	// "sustained_shift" when the limits straddle a shift and cannot judge the target,
	// "special_cause" or "latest_point" when the latest point contradicts it.
	AssuranceWithheld Withheld `json:"assurance_withheld,omitempty"`
	// last-change, year-on-year
	Change          *float64 `json:"change,omitempty"`
	ReferencePeriod *Period  `json:"reference_period,omitempty"`
	ReferenceValue  *float64 `json:"reference_value,omitempty"`
}

// SeriesPoint is one point of an spc chart with its type.
type SeriesPoint struct {
	Period Period    `json:"period"`
	Value  float64   `json:"value"`
	Type   PointType `json:"type"`
}

// Segment is one stretch of an spc chart with the mean and limits of its own points.
type Segment struct {
	From        Period  `json:"from"` // period of the first point
	To          Period  `json:"to"`   // period of the last point
	Points      int     `json:"points"`
	Mean        float64 `json:"mean"`
	LPL         float64 `json:"lpl"`
	UPL         float64 `json:"upl"`
	Provisional bool    `json:"provisional"`
}

// Shift is a run of points on one side of the spc mean that reaches the latest point.
type Shift struct {
	From   Period `json:"from"` // first period of the run: where to rebase from
	Points int    `json:"points"`
	Side   string `json:"side"` // "above" or "below"
}

// Projection is next quarter's value from the fitted line, with its 95% prediction interval,
// and the rating it would get against next quarter's thresholds.
type Projection struct {
	Period Period   `json:"period"`
	Value  float64  `json:"value"`
	Lower  float64  `json:"lower"`
	Upper  float64  `json:"upper"`
	RAG    *Rating  `json:"rag"`
	Target *float64 `json:"target"`
	Floor  *float64 `json:"floor"`
	// Places is the decimal places Value is shown to so that it keeps its rating, as a table
	// shows a value (contract section 5).
	Places int `json:"-"`
	// Points is how many values the line was fitted to.
	Points int `json:"points"`
	// Lower and Upper are cut to the unit's natural range (0 to 100 for a percentage, at least
	// 0 otherwise, unless the series itself goes beyond); these say where that happened, and a
	// chart draws a cut end as running on (an arrow), not as a bound.
	LowerCut bool `json:"lower_cut,omitempty"`
	UpperCut bool `json:"upper_cut,omitempty"`
	ValueCut bool `json:"value_cut,omitempty"` // the fitted value itself lay beyond the range
	// Note says what the projection rests on and where it was cut, for the reader: "Fitted to
	// 8 quarters; the interval is cut at 0%, the least the value can be."
	Note string `json:"note"`
}

// Indicator is one indicator's row of the report: its catalogue facts, the quarter's value
// (or the stale value standing in for it) with its rating or range status, direction of
// travel, projection, recent history, chart series and commentary. Pointers are nil where
// there is nothing to show, which the JSON writes as null.
type Indicator struct {
	Code        string              `json:"code"`
	Name        string              `json:"name"`
	Description string              `json:"description,omitempty"`
	Directorate string              `json:"directorate"`
	Type        catalogue.Type      `json:"type"`
	Polarity    *catalogue.Polarity `json:"polarity"`
	Unit        catalogue.Unit      `json:"unit"`
	Decimals    int                 `json:"decimals"`
	Frequency   catalogue.Frequency `json:"frequency"`
	// Basis is what the value covers, as councils print it beside each value: Q (the quarter),
	// MS (month snapshot), YTD (year to date), R12M (rolling 12 months) or A (annual).
	Basis     catalogue.Basis     `json:"basis"`
	Aggregate catalogue.Aggregate `json:"aggregate,omitempty"` // monthly indicators: last, sum, mean or ratio
	Value     *float64            `json:"value"`
	Display   *string             `json:"display"`
	// Places is the decimal places Display is shown to: the indicator's decimals, or more
	// where fewer would carry the shown value across a threshold (contract section 5).
	Places        int             `json:"-"`
	ValuePeriod   *Period         `json:"value_period"`
	Stale         bool            `json:"stale"`
	Partial       bool            `json:"partial"`
	Months        int             `json:"months,omitempty"` // months present, monthly indicators
	Target        *float64        `json:"target"`
	Floor         *float64        `json:"floor"`
	RAG           *Rating         `json:"rag"`
	RAGPrevious   *Rating         `json:"rag_previous"`
	Expected      *Range          `json:"expected"`
	Activity      *ActivityStatus `json:"activity"`
	Trend         *Trend          `json:"trend,omitempty"`
	TrendPrevious *Direction      `json:"trend_previous,omitempty"`
	Projection    *Projection     `json:"projection,omitempty"`
	// ProjectionWithheld says why a kpi has no projection (too few values in the window).
	ProjectionWithheld *ProjectionWithheld `json:"projection_withheld,omitempty"`
	History            []HistoryPoint      `json:"history"`
	Chart              []ChartPoint        `json:"chart"`
	Commentary         *Commentary         `json:"commentary"`
}
