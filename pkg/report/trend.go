package report

import (
	"fmt"

	"github.com/example/qpr/internal/jsontext"
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/trend"
)

// trendConfig turns the catalogue's settings for ind into the trend engine's.
func trendConfig(ind *catalogue.Indicator) trend.Config {
	spec := ind.Trend
	cfg := trend.DefaultConfig()
	cfg.Method = trend.Method(spec.Method)
	cfg.Window = spec.Window
	cfg.Alpha = spec.Alpha
	cfg.Tolerance = spec.Tolerance
	cfg.ShiftPoints = spec.ShiftPoints
	cfg.TrendPoints = spec.TrendPoints
	cfg.ScreenMR = spec.ScreenMR
	if ind.Frequency == catalogue.Monthly {
		cfg.PeriodNoun = "month"
	}
	return cfg
}

func trendPolarity(ind *catalogue.Indicator) trend.Polarity {
	if ind.Type == catalogue.Activity {
		return trend.None
	}
	if ind.Polarity == catalogue.Lower {
		return trend.LowerIsBetter
	}
	return trend.HigherIsBetter
}

// TrendAt is the direction of travel of ind as a report for q would give it, with cfg.
func trendAt(s series, q period.Quarter, cfg trend.Config) (trend.Result, periodIndex) {
	in := trend.Input{Polarity: trendPolarity(s.ind), Rebase: s.rebasePositions(q, cfg.Window), PeriodName: periodName}
	window := s.window(q, cfg.Window)
	in.WindowPeriods = len(window)
	for _, p := range window {
		if p.ok {
			in.Points = append(in.Points, trend.Point{Label: p.label, Pos: float64(p.pos), Value: p.value})
		}
	}
	if th := kpiThresholds(s.ind, q.Year); th != nil && s.ind.Type == catalogue.KPI {
		in.Target = th.Target
	}
	ref := q.Add(-1)
	if cfg.Method == trend.YearOnYear {
		ref = q.Add(-4)
	}
	// A part quarter's total (a summed monthly indicator) is not comparable with a whole one;
	// a last, mean or ratio value is a level, and is.
	summed := s.monthly() && s.ind.Aggregate == catalogue.Sum
	if cur := s.quarter(q); cur.ok {
		v := cur.value
		in.Current = &v
		if summed && cur.partial {
			in.CurrentPart = cur.months
		}
	}
	if r := s.quarter(ref); r.ok {
		v := r.value
		in.Reference = &v
		if summed && r.partial {
			in.ReferencePart = r.months
		}
	}
	in.CurrentLabel, in.ReferenceLabel = s.cal.Label(q), s.cal.Label(ref)
	return trend.Analyse(cfg, in), window
}

// reportTrend carries the engine's result into the report model with its sentence.
// periods finds each of its labels' report period; cal reads the reference quarter's label.
func reportTrend(r trend.Result, ind *catalogue.Indicator, window int, periods periodIndex, cal period.Calendar) *Trend {
	out := &Trend{
		Method:       r.Method,
		Direction:    Direction(r.Direction),
		Points:       r.Points,
		Window:       window,
		Sentence:     r.Sentence(string(ind.Unit), ind.Decimals),
		Alpha:        r.Alpha(),
		Slope:        r.Slope,
		Intercept:    r.Intercept,
		StdErr:       r.StdErr,
		PValue:       r.PValue,
		S:            r.S,
		VarS:         r.VarS,
		Z:            r.Z,
		Tau:          r.Tau,
		SenSlope:     r.SenSlope,
		SenIntercept: r.SenIntercept,
		Mean:         r.Mean,
		LPL:          r.LPL,
		UPL:          r.UPL,
		Change:       r.Change,
	}
	if r.Assurance != nil {
		a := Assurance(*r.Assurance)
		out.Assurance = &a
	}
	if len(r.Series) > 0 {
		out.Series = make([]SeriesPoint, len(r.Series))
		for i, p := range r.Series {
			out.Series[i] = SeriesPoint{Period: periods.of(p.Period), Value: p.Value, Type: PointType(p.Type)}
		}
	}
	for _, seg := range r.Segments {
		out.Segments = append(out.Segments, Segment{
			From: periods.of(seg.From), To: periods.of(seg.To), Points: seg.Points,
			Mean: seg.Mean, LPL: seg.LPL, UPL: seg.UPL, Provisional: seg.Provisional,
		})
	}
	out.Provisional = r.Provisional
	if r.Shift != nil {
		out.Shift = &Shift{From: periods.of(r.Shift.From), Points: r.Shift.Points, Side: r.Shift.Side}
	}
	out.AssuranceWithheld = Withheld(r.AssuranceWithheld)
	if r.ReferencePeriod != "" {
		if ref, err := ParsePeriod(r.ReferencePeriod, cal.YearStart); err == nil {
			out.ReferencePeriod = &ref
			out.ReferenceValue = r.ReferenceValue
		}
	}
	return out
}

// MarshalJSON writes spc's assurance as null when there is no target, as the contract asks,
// and leaves it out for the other methods.
func (t Trend) MarshalJSON() ([]byte, error) { return jsontext.Marshal(t.JSONShape()) }

// JSONShape is the value Trend's JSON is written from (jsontext.Shaper): for spc, Trend with
// an assurance key that is never left out.
func (t Trend) JSONShape() any {
	type wire Trend // drops the methods, so marshalling does not recurse
	if t.Method != trend.SPC {
		return wire(t)
	}
	return struct {
		wire
		Assurance *Assurance `json:"assurance"`
	}{wire(t), t.Assurance}
}

// projection extends the regression line fitted to the window ending at q to the next quarter.
// With fewer values in the window than the indicator's min_points it makes none and says why.
func projection(s series, q period.Quarter, window int) (*Projection, *ProjectionWithheld) {
	var pts []trend.Point
	above100, negative := false, false
	for _, p := range s.window(q, window) {
		if p.ok {
			pts = append(pts, trend.Point{Label: p.label, Pos: float64(p.pos), Value: p.value})
			above100 = above100 || p.value > 100
			negative = negative || p.value < 0
		}
	}
	noun := "quarter"
	if s.monthly() {
		noun = "month"
	}
	if needs := s.ind.Projection.MinPoints; len(pts) < needs {
		return nil, &ProjectionWithheld{
			Reason: WithheldTooFewPoints, Points: len(pts), Needs: needs,
			Sentence: fmt.Sprintf("No projection: the window has values for %s, and a projection needs at least %d.", counted(len(pts), noun), needs),
		}
	}
	next := q.Add(1)
	var at float64
	scale := 1.0
	if s.monthly() {
		// Months of the next quarter sit at positions 3w, 3w+1, 3w+2. The quarter value is the
		// last month's for `last`, the middle month's fitted value for `mean` and `ratio` (a
		// line's mean over three evenly spaced points is its middle), three times that for `sum`.
		at = float64(window*3 + 1)
		switch s.ind.Aggregate {
		case catalogue.Sum:
			scale = 3
		case catalogue.Mean, catalogue.Ratio:
		default:
			at = float64(window*3 + 2)
		}
	} else {
		at = float64(window)
	}
	pr, ok := trend.Project(pts, at, 0.95)
	if !ok {
		return nil, nil
	}
	out := &Projection{
		Period: QuarterOf(s.cal, next),
		Value:  pr.Value * scale,
		Lower:  pr.Lower * scale,
		Upper:  pr.Upper * scale,
		Points: len(pts),
	}
	low, high := naturalRange(s.ind.Unit, negative, above100)
	out.cutTo(low, high)
	out.Note = out.note(noun, s.ind.Unit, low, high)
	v := out.Value
	word, _, places := rating(s.ind, &v, next.Year)
	out.RAG, out.Places = &word, places
	if th := kpiThresholds(s.ind, next.Year); th != nil {
		out.Target, out.Floor = th.Target, th.Floor
	}
	return out, nil
}

// periodName is a period as a trend sentence says it: a month by its name ("October 2022"
// for 2022-10), as the report's text does, and a quarter by its label.
func periodName(label string) string {
	if m, err := period.ParseMonth(label); err == nil && m.String() == label {
		return m.Name()
	}
	return label
}
