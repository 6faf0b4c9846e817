package report

import (
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/example/qpr/internal/parallel"
	"github.com/example/qpr/pkg/benchmark"
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/trend"
)

// HistoryLength is how many quarters the history grid shows: the report quarter and four before.
const HistoryLength = 5

// Options says which pack to report for which quarter.
type Options struct {
	Catalogue *catalogue.Catalogue
	Store     *data.Store
	Pack      catalogue.Pack
	Period    period.Quarter // zero: the latest quarter in which any indicator has a value
	AsAt      time.Time      // zero: the last day of the report quarter
	// Benchmarks are the comparator groups' values; nil compares nothing.
	Benchmarks *benchmark.Set
}

// ErrNoData is returned when no quarter can be reported because no indicator has a value.
var ErrNoData = errors.New("no indicator has a value in the data given: nothing to report (check --data)")

// ReportPeriod is the quarter to report: the one asked for, or the latest with data.
func ReportPeriod(store *data.Store, asked period.Quarter) (period.Quarter, error) {
	if !asked.IsZero() {
		return asked, nil
	}
	if store == nil || store.Latest.IsZero() {
		return period.Quarter{}, ErrNoData
	}
	return store.Latest, nil
}

// Build assembles the report of one pack for one quarter.
func Build(opts Options) (*Report, error) {
	cat := opts.Catalogue
	q, err := ReportPeriod(opts.Store, opts.Period)
	if err != nil {
		return nil, err
	}
	cal := cat.Calendar
	asAt := opts.AsAt
	if asAt.IsZero() {
		last := cal.LastMonth(q)
		asAt = time.Date(last.Year, time.Month(last.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	r := &Report{
		Schema:         Schema,
		Organisation:   cat.Organisation,
		Title:          cat.Title,
		Language:       cat.Language,
		Pack:           PackRef{ID: opts.Pack.ID, Title: opts.Pack.Title},
		Period:         QuarterOf(cal, q),
		PreviousPeriod: QuarterOf(cal, q.Add(-1)),
		FileLabel:      cal.FileLabel(q),
		PeriodStart:    MonthOf(cal, cal.Months(q)[0]),
		PeriodEnd:      MonthOf(cal, cal.LastMonth(q)),
		AsAt:           asAt.UTC().Format("2006-01-02"),
		Trend:          TrendDefaults{Method: cat.Trend.Method, Window: cat.Trend.Window, Alpha: cat.Trend.Alpha},
		Directorates:   []Directorate{},
		Indicators:     []Indicator{},
	}
	for i := HistoryLength - 1; i >= 0; i-- {
		r.HistoryPeriods = append(r.HistoryPeriods, QuarterOf(cal, q.Add(-i)))
	}

	members := cat.Members(opts.Pack)
	byDirectorate := map[string]*Directorate{}
	for _, d := range cat.Directorates {
		for _, ind := range members {
			if ind.Directorate == d.Code {
				r.Directorates = append(r.Directorates, Directorate{Code: d.Code, Name: d.Name})
				break
			}
		}
	}
	for i := range r.Directorates {
		byDirectorate[r.Directorates[i].Code] = &r.Directorates[i]
	}

	// Each indicator is worked out on its own, so the indicators are shared among workers;
	// the counts are then added up in catalogue order.
	outs := make([]Indicator, len(members))
	previous := make([]ActivityStatus, len(members))
	eachIndicator(len(members), func(i int) {
		ind := members[i]
		s := series{ind: ind, cal: cal, values: opts.Store.Series(ind.Code), memo: new(windowMemo)}
		out := indicator(s, q, opts.Store)
		out.Events = eventsOf(cat, ind, q, ind.Trend.Window, trend.Method(ind.Trend.Method))
		out.Benchmark = opts.Benchmarks.Positions(ind, q)
		if ind.Type == catalogue.Activity {
			previous[i], _, _ = activityStatus(ind, s.reported(q.Add(-1)).valuePtr(), q.Add(-1).Year)
		}
		outs[i] = out
	})
	for i, ind := range members {
		out := outs[i]
		d := byDirectorate[ind.Directorate]
		if ind.Type == catalogue.Activity {
			r.Summary.ActivityCount++
			d.ActivityCount++
			r.Summary.Activity.add(*out.Activity)
			d.Activity.add(*out.Activity)
			r.Summary.ActivityPrevious.add(previous[i])
		} else {
			r.Summary.KPIs++
			d.KPIs++
			r.Summary.RAG.add(*out.RAG)
			d.RAG.add(*out.RAG)
			r.Summary.RAGPrevious.add(*out.RAGPrevious)
			d.RAGPrevious.add(*out.RAGPrevious)
			if out.Trend != nil {
				r.Summary.Trend.add(out.Trend.Direction)
				d.Trend.add(out.Trend.Direction)
			}
			if out.TrendPrevious != nil {
				r.Summary.TrendPrevious.add(*out.TrendPrevious)
				d.TrendPrevious.add(*out.TrendPrevious)
			}
		}
	}
	r.Indicators = outs
	applyReturns(r, cat, members, opts.Store, q)
	return r, nil
}

// eachIndicator calls work(i) for each i below n, on a worker a core (at most
// indicatorWorkers), and returns when every call has.
func eachIndicator(n int, work func(i int)) {
	parallel.Each(n, min(runtime.GOMAXPROCS(0), indicatorWorkers, max(1, n/indicatorsPerWorker)), work)
}

// indicatorWorkers is the most workers eachIndicator uses; indicatorsPerWorker the fewest
// indicators worth a worker of their own.
const (
	indicatorWorkers    = 4
	indicatorsPerWorker = 64
)

func (rv reported) valuePtr() *float64 {
	if !rv.ok {
		return nil
	}
	v := rv.value
	return &v
}

// indicator works out everything the report says about one indicator at quarter q.
func indicator(s series, q period.Quarter, store *data.Store) Indicator {
	ind, cal := s.ind, s.cal
	out := Indicator{
		Code:        ind.Code,
		Name:        ind.Name,
		Description: ind.Description,
		Meaning:     meaningOf(ind.Meaning),
		Directorate: ind.Directorate,
		Type:        ind.Type,
		Unit:        ind.Unit,
		Decimals:    ind.Decimals,
		Frequency:   ind.Frequency,
		Basis:       ind.Basis,
	}
	if out.Basis == "" {
		out.Basis = catalogue.BasisQuarter
	}
	if ind.Frequency == catalogue.Monthly {
		out.Aggregate = ind.Aggregate
	}
	if ind.Polarity != "" {
		p := ind.Polarity
		out.Polarity = &p
	}

	cur := s.reported(q)
	if cur.ok {
		v := cur.value
		from := QuarterOf(cal, cur.from)
		out.Value, out.ValuePeriod = &v, &from
		out.Stale, out.Partial, out.Months = cur.stale, cur.partial, cur.months
		if !s.monthly() {
			out.Months = 0
		}
	}
	// A stale value is rated against the report quarter's year, as if it were current.
	if ind.Type == catalogue.Activity {
		word, display, places := activityStatus(ind, out.Value, q.Year)
		out.Activity, out.Display, out.Places = &word, display, places
		if ex, ok := ind.ExpectedFor(q.Year); ok {
			out.Expected = &Range{Lower: ex.Lower, Upper: ex.Upper}
		}
	} else {
		word, display, places := rating(ind, out.Value, q)
		out.RAG, out.Display, out.Places = &word, display, places
		if th := kpiThresholds(ind, q); th != nil {
			out.Target, out.Floor = th.Target, th.Floor
		}
		prevQ := q.Add(-1)
		prev, _, _ := rating(ind, s.reported(prevQ).valuePtr(), prevQ)
		out.RAGPrevious = &prev
	}

	out.History = history(s, q)

	cfg := trendConfig(ind)
	res, periods := trendAt(s, q, cfg)
	out.Trend = reportTrend(res, ind, cfg.Window, periods, s.cal)
	out.MDC = mdcOf(res, ind.Type, kpiThresholds(ind, q) != nil)
	if yearToDate(ind) {
		out.Trend.Sentence += yearToDateNote(q)
	}
	prev, _ := trendAt(s, q.Add(-1), cfg)
	prevDir := Direction(prev.Direction)
	out.TrendPrevious = &prevDir
	if ind.Type == catalogue.KPI {
		out.Projection, out.ProjectionWithheld = projection(s, q, cfg.Window)
		out.Recovery = recovery(s, q, cfg.Window, *out.RAG, out.ProjectionWithheld)
		out.Profile = profile(s, q)
		out.ThresholdsFrom = thresholdsFrom(s, q)
	}

	out.Chart = chart(s, q, cfg.Window)

	if c, ok := store.Comment(ind.Code, q); ok {
		out.Commentary = &Commentary{Context: c.Context, Actions: c.Actions}
	} else if c, ok := store.Comment(ind.Code, cur.from); ok && cur.stale {
		out.Commentary = &Commentary{Context: c.Context, Actions: c.Actions}
	}
	return out
}

// history is the indicator's last HistoryLength quarters to q, oldest first, each with its
// actual value rated against that quarter's own year.
func history(s series, q period.Quarter) []HistoryPoint {
	ind, cal := s.ind, s.cal
	out := make([]HistoryPoint, 0, HistoryLength)
	// The points' values and words are made together, an array each, not one at a time.
	values := make([]float64, HistoryLength)
	var words []Rating
	var statuses []ActivityStatus
	if ind.Type == catalogue.Activity {
		statuses = make([]ActivityStatus, HistoryLength)
	} else {
		words = make([]Rating, HistoryLength)
	}
	for i := HistoryLength - 1; i >= 0; i-- {
		k := len(out)
		hq := q.Add(-i)
		qv := s.quarter(hq)
		hp := HistoryPoint{Period: QuarterOf(cal, hq), Partial: qv.partial}
		var vp *float64
		if qv.ok {
			values[k] = qv.value
			vp = &values[k]
		}
		hp.Value = vp
		if ind.Type == catalogue.Activity {
			w, d, places := activityStatus(ind, vp, hq.Year)
			statuses[k] = w
			hp.Activity, hp.Display, hp.Places = &statuses[k], d, places
			if ex := expectedRange(ind, hq.Year); ex != nil {
				hp.Expected = &Range{Lower: ex.Lower, Upper: ex.Upper}
			}
		} else {
			w, d, places := rating(ind, vp, hq)
			words[k] = w
			hp.RAG, hp.Display, hp.Places = &words[k], d, places
			if th := kpiThresholds(ind, hq); th != nil {
				hp.Target, hp.Floor = th.Target, th.Floor
			}
		}
		out = append(out, hp)
	}
	return out
}

// chart is the indicator's own series over the trend window to q (months for a monthly
// indicator), with the thresholds or range that applied at each point.
func chart(s series, q period.Quarter, window int) []ChartPoint {
	ind := s.ind
	pts := s.window(q, window)
	out := make([]ChartPoint, 0, len(pts))
	// A month of a summed indicator is a third of a quarter's scale: quarterly thresholds
	// drawn against monthly points would mislead, so they are left off its chart.
	sameScale := !(s.monthly() && ind.Aggregate == catalogue.Sum)
	values := make([]float64, len(pts)) // the points' values, made at once
	for i, p := range pts {
		cp := ChartPoint{Period: p.at}
		if p.ok {
			values[i] = p.value
			cp.Value = &values[i]
		}
		if !sameScale {
			out = append(out, cp)
			continue
		}
		if th := kpiThresholds(ind, p.at.Quarter); th != nil && ind.Type == catalogue.KPI {
			cp.Target, cp.Floor = th.Target, th.Floor
		}
		if ex := expectedRange(ind, p.at.Quarter.Year); ex != nil && ind.Type == catalogue.Activity {
			cp.Lower, cp.Upper = ex.Lower, ex.Upper
		}
		out = append(out, cp)
	}
	return out
}

// String is for messages: the pack and period a report is of.
func (r *Report) String() string { return fmt.Sprintf("%s %s", r.Pack.ID, r.Period) }
