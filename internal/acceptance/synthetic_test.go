package acceptance_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/period"
)

// synthetic is a large council's catalogue and data, made in memory from a fixed seed so
// every run measures the same work.
type synthetic struct {
	cat *catalogue.Catalogue
	ds  *data.Dataset
}

// syntheticLast is the report quarter, 2023/24 Q2 (financial years start in April).
var syntheticLast = period.Quarter{Year: 2023, Q: 2}

// newSynthetic makes indicators in eight directorates: four in five are KPIs, one in four
// is monthly (with each of the three aggregates), one in ten is trended by spc and one in
// ten by Mann-Kendall, and a few values are missing markers. Each indicator has `quarters`
// quarters of data ending at syntheticLast, with the last quarter left out for one in
// twenty (so the previous quarter stands in, stale) and a month short for one monthly in
// five (a part quarter).
func newSynthetic(indicators, quarters int) synthetic {
	rng := rand.New(rand.NewPCG(20231114, 1700000000))
	cal := period.Calendar{YearStart: 4}
	cat := &catalogue.Catalogue{
		File:         "synthetic.yaml",
		Organisation: "Synthetic County Council",
		Title:        "Quarterly Performance Report",
		Calendar:     cal,
		Trend:        catalogue.DefaultTrend,
		Packs:        []catalogue.Pack{{ID: "qpr", Title: "Quarterly Performance Report"}},
	}
	for d := range 8 {
		cat.Directorates = append(cat.Directorates, catalogue.Directorate{
			Code: fmt.Sprintf("D%d", d+1), Name: fmt.Sprintf("Directorate of Services %d", d+1),
		})
	}
	units := []catalogue.Unit{catalogue.Percent, catalogue.Number, catalogue.Days, catalogue.Currency, catalogue.Rate}
	aggregates := []catalogue.Aggregate{catalogue.Last, catalogue.Sum, catalogue.Mean}
	ds := &data.Dataset{}
	var obs []data.Observation
	for i := range indicators {
		ind := &catalogue.Indicator{
			Code:        fmt.Sprintf("K%04d", i+1),
			Name:        fmt.Sprintf("Synthetic indicator %d: percentage of cases completed within the agreed timescale", i+1),
			Directorate: cat.Directorates[i%len(cat.Directorates)].Code,
			Type:        catalogue.KPI,
			Unit:        units[i%len(units)],
			Decimals:    i % 3,
			Frequency:   catalogue.Quarterly,
			Aggregate:   catalogue.Last,
			MaxLag:      1,
			Trend:       catalogue.DefaultTrend,
			Tags:        []string{"qpr"},
		}
		switch i % 10 {
		case 3:
			ind.Trend.Method = "spc"
		case 7:
			ind.Trend.Method = "mann-kendall"
		}
		if i%4 == 1 {
			ind.Frequency = catalogue.Monthly
			ind.Aggregate = aggregates[(i/4)%len(aggregates)]
		}
		level := 50 + 40*rng.Float64()
		spread := 2 + 6*rng.Float64()
		if i%5 == 4 {
			ind.Type = catalogue.Activity
			ind.Expected = map[int]catalogue.Expected{catalogue.EveryYear: {Lower: ptr(level - spread), Upper: ptr(level + spread)}}
		} else {
			ind.Polarity = catalogue.Higher
			target, floor := level, level-spread
			if i%2 == 0 {
				ind.Polarity = catalogue.Lower
				floor = level + spread
			}
			ind.Thresholds = map[int]catalogue.Thresholds{
				catalogue.EveryYear: {Target: ptr(target), Floor: ptr(floor)},
				2023:                {Target: ptr(target + 1), Floor: ptr(floor + 1)},
			}
		}
		cat.Indicators = append(cat.Indicators, ind)

		drift := (rng.Float64() - 0.5) * spread / 4
		for qi := range quarters {
			q := syntheticLast.Add(qi - quarters + 1)
			if q == syntheticLast && i%20 == 0 {
				continue // not yet reported: last quarter's value stands in
			}
			at := float64(qi)
			if ind.Frequency == catalogue.Quarterly {
				obs = append(obs, observation(rng, ind.Code, period.Period{Kind: period.KindQuarter, Quarter: q}, level+drift*at, spread))
				continue
			}
			for mi, m := range cal.Months(q) {
				if q == syntheticLast && mi == 2 && i%5 == 1 {
					continue // a part quarter
				}
				obs = append(obs, observation(rng, ind.Code, period.Period{Kind: period.KindMonth, Month: m}, level+drift*at, spread))
			}
		}
		if i%3 == 0 {
			ds.Comments = append(ds.Comments, data.Comment{
				Code: ind.Code, Period: period.Period{Kind: period.KindQuarter, Quarter: syntheticLast},
				Context: "Demand rose over the summer while two posts were vacant, and the backlog has grown since.",
				Actions: "Agency staff cover the vacancies until the new starters arrive; the backlog is reviewed weekly.",
			})
		}
	}
	cat.Reindex()
	return synthetic{cat: cat, ds: data.NewDataset(obs, ds.Comments)}
}

// observation is a value near centre, rounded to one decimal place as a spreadsheet holds
// it; about one in fifty is a missing marker.
func observation(rng *rand.Rand, code string, p period.Period, centre, spread float64) data.Observation {
	o := data.Observation{Code: code, Period: p}
	if rng.IntN(50) == 0 {
		o.Missing = true
		return o
	}
	v := centre + rng.NormFloat64()*spread/2
	o.Value, _ = strconv.ParseFloat(strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64), 64)
	return o
}
