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
	if yearToDate(ind) {
		cfg.PeriodNoun = "year"
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
	in := trend.Input{Polarity: trendPolarity(s.ind), PeriodName: periodName}
	var window periodIndex
	if yearToDate(s.ind) {
		in.Points, in.Rebase = s.sameQuarterPoints(q, cfg.Window)
		in.WindowPeriods = max(cfg.Window, 1)
		first := q.Add(-4 * (in.WindowPeriods - 1))
		for _, p := range in.Points {
			window = append(window, point{at: QuarterOf(s.cal, first.Add(4*int(p.Pos))), label: p.Label})
		}
	} else {
		in.Rebase = s.rebasePositions(q, cfg.Window)
		window = s.window(q, cfg.Window)
		in.WindowPeriods = len(window)
		in.Points, _, _ = s.windowPoints(q, cfg.Window)
	}
	if th := kpiThresholds(s.ind, q); th != nil && s.ind.Type == catalogue.KPI {
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
// With fewer values in the window than the indicator's min_points it makes none and says why;
// a year-to-date indicator gets none either (its quarters climb through the year and start
// again, so the line through them is no guide to the next).
func projection(s series, q period.Quarter, window int) (*Projection, *ProjectionWithheld) {
	if s.ind.Basis == catalogue.BasisYearToDate {
		return nil, &ProjectionWithheld{
			Reason:   WithheldYearToDate,
			Sentence: "No projection: a year-to-date figure climbs through the year and starts again each year, so it is compared with the same quarter of earlier years rather than projected from the quarters before.",
		}
	}
	pts, negative, above100 := s.windowPoints(q, window)
	noun := s.noun()
	if needs := s.ind.Projection.MinPoints; len(pts) < needs {
		return nil, &ProjectionWithheld{
			Reason: WithheldTooFewPoints, Points: len(pts), Needs: needs,
			Sentence: fmt.Sprintf("No projection: the window has values for %s, and a projection needs at least %d.", counted(len(pts), noun), needs),
		}
	}
	next := q.Add(1)
	low, high := naturalRange(s.ind.Unit, negative, above100)
	line, _ := trend.Fit(pts)
	p := projectAhead(s, line, len(pts), window, 1, low, high)
	if !p.ok {
		return nil, nil
	}
	out := &p.Projection
	out.Period = QuarterOf(s.cal, next)
	out.Note = out.note(noun, s.ind.Unit, low, high)
	v := out.Value
	word, _, places := rating(s.ind, &v, next)
	out.RAG, out.Places = &word, places
	if th := kpiThresholds(s.ind, next); th != nil {
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
