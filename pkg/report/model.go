// Package report assembles the report model of one pack for one quarter: each indicator's
// quarter value, rating, history, direction of travel and commentary, and the summary counts.
// Renderers (JSON, PDF, XLSX) draw only from this model.
package report

import (
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/trend"
)

const Schema = "qpr.report/v1"

// Report is the contract's JSON document (CONTRACT.md section 8); keys are fixed.
type Report struct {
	Schema         string        `json:"schema"`
	Organisation   string        `json:"organisation"`
	Title          string        `json:"title"`
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

type RAGCounts struct {
	Green    int `json:"green"`
	Amber    int `json:"amber"`
	Red      int `json:"red"`
	NotRated int `json:"not_rated"`
	NoData   int `json:"no_data"`
}

type TrendCounts struct {
	Improving    int `json:"improving"`
	Stable       int `json:"stable"`
	Worsening    int `json:"worsening"`
	Insufficient int `json:"insufficient"`
}

type ActivityCounts struct {
	Above    int `json:"above"`
	Within   int `json:"within"`
	Below    int `json:"below"`
	NotRated int `json:"not_rated"`
	NoData   int `json:"no_data"`
}

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

type Range struct {
	Lower *float64 `json:"lower"`
	Upper *float64 `json:"upper"`
}

// HistoryPoint is one quarter of an indicator's recent history: its actual value (no stale
// stand-in) rated with that quarter's own year's thresholds, which it carries.
type HistoryPoint struct {
	Period   Period          `json:"period"`
	Value    *float64        `json:"value"`
	Display  *string         `json:"display,omitempty"`
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
	Assurance *string       `json:"assurance,omitempty"`
	Series    []SeriesPoint `json:"series,omitempty"`
	// last-change, year-on-year
	Change          *float64 `json:"change,omitempty"`
	ReferencePeriod *string  `json:"reference_period,omitempty"`
	ReferenceValue  *float64 `json:"reference_value,omitempty"`
}

// SeriesPoint is one point of an spc chart with its type.
type SeriesPoint struct {
	Period string  `json:"period"`
	Value  float64 `json:"value"`
	Type   string  `json:"type"`
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
}

type Indicator struct {
	Code          string              `json:"code"`
	Name          string              `json:"name"`
	Description   string              `json:"description,omitempty"`
	Directorate   string              `json:"directorate"`
	Type          catalogue.Type      `json:"type"`
	Polarity      *catalogue.Polarity `json:"polarity"`
	Unit          catalogue.Unit      `json:"unit"`
	Decimals      int                 `json:"decimals"`
	Frequency     catalogue.Frequency `json:"frequency"`
	Value         *float64            `json:"value"`
	Display       *string             `json:"display"`
	ValuePeriod   *Period             `json:"value_period"`
	Stale         bool                `json:"stale"`
	Partial       bool                `json:"partial"`
	Months        int                 `json:"months,omitempty"` // months present, monthly indicators
	Target        *float64            `json:"target"`
	Floor         *float64            `json:"floor"`
	RAG           *Rating             `json:"rag"`
	RAGPrevious   *Rating             `json:"rag_previous"`
	Expected      *Range              `json:"expected"`
	Activity      *ActivityStatus     `json:"activity"`
	Trend         *Trend              `json:"trend,omitempty"`
	TrendPrevious *Direction          `json:"trend_previous,omitempty"`
	Projection    *Projection         `json:"projection,omitempty"`
	History       []HistoryPoint      `json:"history"`
	Chart         []ChartPoint        `json:"chart"`
	Commentary    *Commentary         `json:"commentary"`
}
