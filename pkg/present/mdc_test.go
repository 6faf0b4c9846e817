package present

import (
	"math/rand/v2"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/report"
)

// The summary's icons are the charts' icons, over random series: random lengths with gaps,
// shifts, trends and outliers, either polarity or none (activity), with and without a
// target, rebased or not. The chart's icon is read from what the chart draws (its latest
// point's mark against its latest segment's mean); the summary's from the JSON's mdc.
func TestSummaryIconsEqualTheCharts(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 2026))
	cal := period.DefaultCalendar
	latest := period.Quarter{Year: 2023, Q: 2}
	spc := catalogue.DefaultTrend
	spc.Method = "spc"
	spc.Window = 16
	seen := map[string]bool{}
	for round := 0; round < 300; round++ {
		var inds []*catalogue.Indicator
		values := map[string]map[int]data.Value{}
		for k := 0; k < 6; k++ {
			code := string(rune('A'+k)) + "1"
			ind := &catalogue.Indicator{Code: code, Name: code, Directorate: "D", Type: catalogue.KPI, Polarity: catalogue.Higher,
				Unit: catalogue.Number, Frequency: catalogue.Quarterly, Aggregate: catalogue.Last, MaxLag: 1, Trend: spc}
			switch rng.IntN(3) {
			case 0:
				ind.Polarity = catalogue.Lower
			case 1:
				ind.Type, ind.Polarity = catalogue.Activity, ""
			}
			if ind.Type == catalogue.KPI && rng.IntN(4) > 0 {
				ind.Thresholds = map[int]catalogue.Thresholds{catalogue.EveryYear: {Target: f(40 + rng.Float64()*20)}}
			}
			n := 1 + rng.IntN(16)
			vs := map[int]data.Value{}
			level, slope := 50.0, (rng.Float64()-0.5)*3*float64(rng.IntN(2))
			for i := 0; i < n; i++ {
				if rng.IntN(8) == 0 {
					continue // a gap
				}
				v := level + slope*float64(i) + rng.NormFloat64()*3
				if rng.IntN(10) == 0 {
					v += 25 * (rng.Float64() - 0.5) // an outlier
				}
				if i > n/2 && rng.IntN(3) == 0 {
					v += 8 // a shift
				}
				vs[latest.Add(i-n+1).Index()] = data.Value{V: v}
			}
			if rng.IntN(4) == 0 {
				at := latest.Add(-rng.IntN(8))
				ind.SPC = catalogue.SPCSpec{Rebase: []int{at.Index()}}
			}
			inds = append(inds, ind)
			values[code] = vs
		}
		cat := &catalogue.Catalogue{File: "c.yaml", Calendar: cal, Trend: spc, Directorates: []catalogue.Directorate{{Code: "D", Name: "D"}}, Indicators: inds}
		store := data.StoreOf(values)
		store.Latest = latest
		r, err := report.Build(report.Options{Catalogue: cat, Store: store, Pack: catalogue.Pack{ID: "p"}, Period: latest})
		if err != nil {
			t.Fatal(err)
		}
		summary := MDCSummary(r)
		rows := 0
		for _, col := range summary {
			for _, row := range col.Rows {
				rows++
				in := row.Indicator
				chart := ChartVariationIcon(ChartOf(in))
				if row.Variation != chart {
					t.Fatalf("round %d %s: summary %+v, chart %+v (trend %+v)", round, in.Code, row.Variation, chart, *in.Trend)
				}
				seen[in.MDC.Variation] = true
				if a := in.Trend.Assurance; a != nil && (row.Assurance == MDCNoTarget || row.Assurance == MDCNoTargetActivity || row.Assurance == MDCCannotBeJudged) {
					t.Fatalf("round %d %s: the chart's sentence gives assurance %s, the summary %s", round, in.Code, *a, row.Assurance)
				}
				if in.MDC.Assurance == nil {
					seen[""] = true
				} else {
					seen[*in.MDC.Assurance] = true
				}
			}
		}
		if rows != len(inds) {
			t.Fatalf("round %d: %d summary rows for %d spc indicators", round, rows, len(inds))
		}
	}
	// the random series reach every icon, so the comparison above covered each
	for _, key := range []string{report.VariationCommonCause, report.VariationImprovement, report.VariationConcern, report.VariationNeither,
		report.VariationInsufficient, report.MDCMeets, report.MDCFails, report.MDCHitAndMiss, report.MDCInsufficient, ""} {
		if !seen[key] {
			t.Errorf("no random series gave %q", key)
		}
	}
}
