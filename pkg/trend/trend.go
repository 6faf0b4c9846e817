// Package trend is the statistics engine behind the direction of travel (docs/rules.md):
// least-squares regression, Mann-Kendall with Sen's slope, NHS "Making Data Count" XmR charts
// as NHSRplotthedots draws them, and the two simple comparisons (last change, year on year).
//
// The package never reads catalogue or data files: the caller selects the points inside the
// window and passes them in. Every result is finite, so json.Marshal of a Result cannot fail.
package trend

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/example/qpr/internal/jsontext"
)

// Method names one way of judging the direction of travel.
type Method string

const (
	Regression  Method = "regression"
	MannKendall Method = "mann-kendall"
	SPC         Method = "spc"
	LastChange  Method = "last-change"
	YearOnYear  Method = "year-on-year"
)

// Methods lists every method in the order the documentation gives them.
var Methods = []Method{Regression, MannKendall, SPC, LastChange, YearOnYear}

// ParseMethod accepts a method name as a catalogue or flag writes it. Case and the choice of
// '-', '_' or ' ' between words do not matter, so "Mann_Kendall" and "year on year" are accepted.
func ParseMethod(s string) (Method, error) {
	canonical := strings.ToLower(strings.TrimSpace(s))
	canonical = strings.NewReplacer("_", "-", " ", "-").Replace(canonical)
	for _, m := range Methods {
		if canonical == string(m) {
			return m, nil
		}
	}
	valid := make([]string, len(Methods))
	for i, m := range Methods {
		valid[i] = string(m)
	}
	return "", fmt.Errorf("unknown trend method %q (valid methods: %s)", s, strings.Join(valid, ", "))
}

// Polarity says which way is better. None is an activity indicator, which has no better way.
type Polarity int

const (
	None Polarity = iota
	HigherIsBetter
	LowerIsBetter
)

// Direction words, exactly as the contract spells them.
const (
	Improving    = "improving"
	Stable       = "stable"
	Worsening    = "worsening"
	Rising       = "rising"
	Falling      = "falling"
	Insufficient = "insufficient"
)

// SPC assurance against a target, as Making Data Count names the three icons.
const (
	AssurancePass       = "pass"
	AssuranceFail       = "fail"
	AssuranceHitAndMiss = "hit_and_miss"
)

// SPC point types, as NHSRplotthedots names them.
const (
	CommonCause             = "common_cause"
	SpecialCauseImprovement = "special_cause_improvement"
	SpecialCauseConcern     = "special_cause_concern"
	SpecialCauseNeutralHigh = "special_cause_neutral_high"
	SpecialCauseNeutralLow  = "special_cause_neutral_low"
)

// Config holds the per-indicator trend settings. Start from DefaultConfig: the zero value has
// ScreenMR false, which reproduces the Making Data Count Excel tool rather than NHSRplotthedots.
type Config struct {
	Method      Method
	Window      int     // quarters the caller selected points from; sentences count the points themselves
	Alpha       float64 // significance level for regression and Mann-Kendall; 0 means 0.05
	Tolerance   float64 // last-change / year-on-year: a change no larger than this is stable
	ShiftPoints int     // spc: points in a row on one side of the mean; 0 means 7
	TrendPoints int     // spc: points in a row rising or falling; 0 means 7, at least 2
	ScreenMR    bool    // spc: drop moving ranges >= 3.267 x their mean before the limits
	PeriodNoun  string  // the indicator's own period in sentences: "quarter" (default) or "month"
}

// DefaultConfig is the contract's default: regression over 8 quarters at the 5% level.
func DefaultConfig() Config {
	return Config{
		Method:      Regression,
		Window:      8,
		Alpha:       0.05,
		Tolerance:   0,
		ShiftPoints: 7,
		TrendPoints: 7,
		ScreenMR:    true,
		PeriodNoun:  "quarter",
	}
}

// Point is one present value of the indicator's own series inside the window. Pos counts the
// indicator's own periods from 0 at the window's first period; a missing period leaves a gap
// in Pos rather than closing it up, so a regression intercept is the fitted value at Pos 0.
type Point struct {
	Label string
	Pos   float64
	Value float64
}

// Input is what one indicator brings to Analyse.
type Input struct {
	Points   []Point // ascending Pos, present values only
	Polarity Polarity
	Target   *float64 // report quarter's target, for spc assurance; nil = none
	// Actual quarter values for last-change / year-on-year (never a stale stand-in); nil if missing.
	Current, Reference           *float64
	CurrentLabel, ReferenceLabel string
	// Rebase lists spc recalculation points as positions (Pos units): the first point at or
	// after each starts a new segment with its own mean and limits, and the run rules start
	// afresh there, as NHSRplotthedots' rebase does.
	Rebase []float64
	// PeriodName is how a sentence names a period given its label ("October 2022" for
	// "2022-10"); nil names it by its label.
	PeriodName func(label string) string
	// WindowPeriods is how many of the indicator's own periods the window holds (Pos of its
	// last period plus one), so a sentence knows whether its points reach the report's latest
	// period; 0 means the points are taken to end there.
	WindowPeriods int
	// CurrentPart and ReferencePart say the quarter values compared by last-change and
	// year-on-year are totals of fewer months than a whole quarter's (a monthly summed
	// indicator's part quarter): such a total cannot be compared with a whole one's.
	CurrentPart, ReferencePart int // months present, 0 when the quarter is whole
}

// SeriesPoint is one charted point of an spc result.
type SeriesPoint struct {
	Period string  `json:"period"`
	Value  float64 `json:"value"`
	Type   string  `json:"type"`
}

// Segment is one stretch of an spc chart between recalculation points, with the mean and
// process limits computed from its own points. A chart draws each segment's lines from its
// first point to its last, so the lines step where the process was rebased.
type Segment struct {
	From        string  `json:"from"` // period of the segment's first point
	To          string  `json:"to"`   // period of its last point
	Points      int     `json:"points"`
	Mean        float64 `json:"mean"`
	LPL         float64 `json:"lpl"`
	UPL         float64 `json:"upl"`
	Provisional bool    `json:"provisional"` // fewer than ProvisionalBelow points
}

// Shift is a run of special-cause points on one side of the mean that reaches the latest
// point: the process has moved, and its limits should be recalculated from From.
type Shift struct {
	From   string `json:"from"`   // period of the run's first point: where to rebase from
	Points int    `json:"points"` // points in the run
	Side   string `json:"side"`   // "above" or "below" the mean
}

// Why an spc assurance is withheld although there is a target.
const (
	// WithheldSustainedShift: the latest points hold a sustained shift, so limits computed
	// across it cannot say whether the target will be met.
	WithheldSustainedShift = "sustained_shift"
	// WithheldSpecialCause: the latest point is a special cause against the assurance (a
	// concern beside "pass", an improvement beside "fail"), so the limits no longer describe
	// the process the assurance speaks of.
	WithheldSpecialCause = "special_cause"
	// WithheldLatestPoint: the latest value itself misses a target the limits say will always
	// be met, or meets one they say will always be missed.
	WithheldLatestPoint = "latest_point"
)

// Result is the direction of travel with the figures of the method that produced it. Figures of
// other methods are nil and left out of the JSON.
type Result struct {
	Method    Method `json:"method"`
	Direction string `json:"direction"`
	Points    int    `json:"points"` // usable points; for last-change / year-on-year, values compared (0-2)

	// regression
	Slope     *float64 `json:"slope,omitempty"`
	Intercept *float64 `json:"intercept,omitempty"`
	StdErr    *float64 `json:"std_err,omitempty"` // standard error of the slope
	PValue    *float64 `json:"p_value,omitempty"` // regression and mann-kendall

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
	Assurance *string       `json:"assurance,omitempty"` // always written for spc, null without a target
	Series    []SeriesPoint `json:"series,omitempty"`
	// Segments are the stretches between recalculation points, oldest first; Mean, LPL and UPL
	// are the latest segment's. One segment when the indicator is not rebased in the window.
	Segments          []Segment `json:"segments,omitempty"`
	Provisional       bool      `json:"provisional,omitempty"`        // the latest segment has fewer than 12 points
	Shift             *Shift    `json:"shift,omitempty"`              // a sustained shift over the latest points
	AssuranceWithheld string    `json:"assurance_withheld,omitempty"` // why assurance is null despite a target

	// last-change / year-on-year
	Change          *float64 `json:"change,omitempty"`
	ReferencePeriod string   `json:"reference_period,omitempty"`
	ReferenceValue  *float64 `json:"reference_value,omitempty"`

	// What Sentence needs and the JSON does not carry.
	polarity      Polarity
	alpha         float64
	tolerance     float64
	spanPeriods   int
	endsAtLatest  bool   // the last point is the window's last period
	firstLabel    string // first and last points' periods, for naming the span used
	lastLabel     string
	periodNoun    string
	periodName    func(string) string
	currentLabel  string
	currentValue  *float64
	insufficiency string       // why the direction is insufficient, when it is not simply too few points
	specialCause  specialCause // of the last spc point
	specialSide   int          // +1 above the mean or rising, -1 below or falling
	runLength     int          // points in the last point's run, or close to a limit in the last 3
	// withheldAssurance is what the limits alone would have said where AssuranceWithheld is
	// set, for the sentence that says why it is not claimed.
	withheldAssurance string
}

// MarshalJSON writes the assurance key for every spc result, as null when there is no target,
// and leaves it out for the other methods.
func (r Result) MarshalJSON() ([]byte, error) {
	type wire Result // drops this method, so marshalling does not recurse
	if r.Method != SPC {
		return jsontext.Marshal(wire(r))
	}
	return jsontext.Marshal(struct {
		wire
		Assurance *string `json:"assurance"` // shallower than wire's field, so it wins
	}{wire(r), r.Assurance})
}

// Analyse judges the direction of travel of one indicator. It never panics: non-finite values
// are treated as absent, and a result whose figures could not be computed finitely is reported
// as insufficient.
func Analyse(cfg Config, in Input) Result {
	cfg = normalise(cfg)
	var points []Point
	if cfg.Method != LastChange && cfg.Method != YearOnYear { // those two read only two values
		points = cleanPoints(in.Points)
	}
	r := Result{
		Method:     cfg.Method,
		Points:     len(points),
		polarity:   in.Polarity,
		alpha:      cfg.Alpha,
		tolerance:  cfg.Tolerance,
		periodNoun: cfg.PeriodNoun,
		periodName: in.PeriodName,
	}
	if len(points) > 0 {
		first, last := points[0], points[len(points)-1]
		if span := last.Pos - first.Pos; span < 1e6 {
			r.spanPeriods = int(math.Round(span)) + 1
		}
		r.firstLabel, r.lastLabel = first.Label, last.Label
		r.endsAtLatest = in.WindowPeriods <= 0 || math.Round(last.Pos) == float64(in.WindowPeriods-1)
	}
	switch cfg.Method {
	case Regression:
		analyseRegression(&r, points)
	case MannKendall:
		analyseMannKendall(&r, points)
	case SPC:
		analyseSPC(&r, cfg, points, finiteOrNil(in.Target), in.Rebase)
	case LastChange, YearOnYear:
		analyseChange(&r, in)
	default:
		r.Direction = Insufficient
		r.insufficiency = fmt.Sprintf("unknown method %q", string(cfg.Method))
	}
	if !r.finite() {
		return Result{
			Method: r.Method, Direction: Insufficient, Points: r.Points,
			polarity: r.polarity, periodNoun: r.periodNoun,
			insufficiency: "the figures are too large to compute",
		}
	}
	return r
}

// normalise fills in defaults for settings left at their zero value or set to nonsense.
func normalise(cfg Config) Config {
	if cfg.Method == "" {
		cfg.Method = Regression
	}
	if !(cfg.Alpha > 0 && cfg.Alpha < 1) {
		cfg.Alpha = 0.05
	}
	if !(cfg.Tolerance >= 0) || math.IsInf(cfg.Tolerance, 0) {
		cfg.Tolerance = 0
	}
	if cfg.ShiftPoints <= 0 {
		cfg.ShiftPoints = 7
	}
	if cfg.TrendPoints <= 0 {
		cfg.TrendPoints = 7
	}
	if cfg.TrendPoints < 2 {
		cfg.TrendPoints = 2 // one point cannot rise or fall
	}
	if cfg.Window < 0 {
		cfg.Window = 0
	}
	if strings.TrimSpace(cfg.PeriodNoun) == "" {
		cfg.PeriodNoun = "quarter"
	}
	return cfg
}

// cleanPoints drops non-finite points and restores ascending Pos order if the caller broke it,
// without touching the caller's slice.
func cleanPoints(in []Point) []Point {
	if len(in) > 0 && allFinite(in) && slices.IsSortedFunc(in, comparePos) {
		// Clean already: the analyses only read their points, so no copy is made (the
		// capacity is cut so that an append could not write into the caller's slice).
		return in[:len(in):len(in)]
	}
	out := make([]Point, 0, len(in))
	for _, p := range in {
		if isFinite(p.Pos) && isFinite(p.Value) {
			out = append(out, p)
		}
	}
	if !slices.IsSortedFunc(out, comparePos) {
		slices.SortStableFunc(out, comparePos)
	}
	return out
}

func allFinite(points []Point) bool {
	for _, p := range points {
		if !isFinite(p.Pos) || !isFinite(p.Value) {
			return false
		}
	}
	return true
}

func comparePos(a, b Point) int {
	switch {
	case a.Pos < b.Pos:
		return -1
	case a.Pos > b.Pos:
		return 1
	}
	return 0
}

// directionOf turns the sign of a significant movement into the contract's word for it.
func directionOf(sign int, polarity Polarity) string {
	switch {
	case sign == 0:
		return Stable
	case polarity == None && sign > 0:
		return Rising
	case polarity == None:
		return Falling
	case (sign > 0) == (polarity == HigherIsBetter):
		return Improving
	}
	return Worsening
}

func (r Result) finite() bool {
	for _, f := range []*float64{
		r.Slope, r.Intercept, r.StdErr, r.PValue, r.VarS, r.Z, r.Tau, r.SenSlope, r.SenIntercept,
		r.Mean, r.LPL, r.UPL, r.Change, r.ReferenceValue,
	} {
		if f != nil && !isFinite(*f) {
			return false
		}
	}
	for _, p := range r.Series {
		if !isFinite(p.Value) {
			return false
		}
	}
	for _, s := range r.Segments {
		if !isFinite(s.Mean) || !isFinite(s.LPL) || !isFinite(s.UPL) {
			return false
		}
	}
	return true
}

func isFinite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

func finiteOrNil(f *float64) *float64 {
	if f == nil || !isFinite(*f) {
		return nil
	}
	v := *f
	return &v
}

func ptr[T any](v T) *T { return &v }
