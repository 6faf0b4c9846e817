package acceptance_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/report"
)

// awkwardNames are words that need escaping or a font beyond ASCII in one format or another:
// XML's &, < and quotes, typographic quotes and accents.
var awkwardNames = []string{
	"Roads & Transport", "Schools <Primary>", `"Quoted" Services`, "Children's Café", "Santé publique",
	"Ysbytai a'r Gwasanaethau", "Fees & Charges <net>", "Libraries",
}

// randomCatalogue is a catalogue and its data made from seed alone: every run of a seed gives
// the same report. It mixes KPIs (higher and lower is better, with and without thresholds)
// with activity indicators; every unit; 0 to 2 decimals; quarterly and monthly indicators
// (last, sum, mean and ratio); values missing, standing in from an earlier quarter, or a part
// quarter; two to five directorates whose names need escaping.
func randomCatalogue(seed uint64) (*catalogue.Catalogue, *data.Dataset) {
	rng := rand.New(rand.NewPCG(seed, 0x51ed))
	cal := period.Calendar{YearStart: 4}
	cat := &catalogue.Catalogue{
		File: "random.yaml", Organisation: "Council of " + awkwardNames[rng.IntN(len(awkwardNames))],
		Title: "Quarterly Performance Report", Calendar: cal, Trend: catalogue.DefaultTrend,
		Projection: catalogue.DefaultProjection,
		Packs:      []catalogue.Pack{{ID: "qpr", Title: "Quarterly Performance Report"}},
	}
	names := rng.Perm(len(awkwardNames))
	for d := range 2 + rng.IntN(4) {
		cat.Directorates = append(cat.Directorates, catalogue.Directorate{Code: fmt.Sprintf("D%d", d+1), Name: awkwardNames[names[d]]})
	}
	units := []catalogue.Unit{catalogue.Percent, catalogue.Number, catalogue.Days, catalogue.Currency, catalogue.Rate}
	aggregates := []catalogue.Aggregate{catalogue.Last, catalogue.Sum, catalogue.Mean, catalogue.Ratio}
	bases := catalogue.Bases
	quarters := 3 + rng.IntN(8)
	var obs []data.Observation
	var comments []data.Comment
	for i := range 6 + rng.IntN(14) {
		u := units[rng.IntN(len(units))]
		ind := &catalogue.Indicator{
			Code:        fmt.Sprintf("R%02d", i+1),
			Name:        fmt.Sprintf("Indicator %d of %s & <others>, \"measured\" é", i+1, u),
			Directorate: cat.Directorates[rng.IntN(len(cat.Directorates))].Code,
			Type:        catalogue.KPI, Unit: u, Decimals: rng.IntN(3),
			Frequency: catalogue.Quarterly, Aggregate: catalogue.Last, MaxLag: 1,
			Trend: catalogue.DefaultTrend, Tags: []string{"qpr"}, Basis: bases[rng.IntN(len(bases))],
			Projection: catalogue.DefaultProjection,
		}
		if rng.IntN(3) == 0 {
			ind.Frequency = catalogue.Monthly
			ind.Aggregate = aggregates[rng.IntN(len(aggregates))]
		}
		scale := map[catalogue.Unit]float64{catalogue.Percent: 1, catalogue.Number: 300, catalogue.Days: 1, catalogue.Currency: 20000, catalogue.Rate: 5}[u]
		if rng.IntN(4) == 0 {
			scale *= 40 // thousands of days, of per cent, of a rate: numbers with a thousands separator
		}
		level := (10 + 80*rng.Float64()) * scale
		spread := (1 + 6*rng.Float64()) * scale
		switch rng.IntN(5) {
		case 0:
			ind.Type = catalogue.Activity
			ind.Expected = map[int]catalogue.Expected{catalogue.EveryYear: {Lower: ptr(roundTo(level-spread, 1)), Upper: ptr(roundTo(level+spread, 1))}}
		case 1:
			ind.Polarity = catalogue.Higher // no thresholds: not rated
		default:
			ind.Polarity = catalogue.Higher
			target, floor := level, level-spread
			if rng.IntN(2) == 0 {
				ind.Polarity = catalogue.Lower
				floor = level + spread
			}
			ind.Thresholds = map[int]catalogue.Thresholds{catalogue.EveryYear: {Target: ptr(roundTo(target, 1)), Floor: ptr(roundTo(floor, 1))}}
		}
		cat.Indicators = append(cat.Indicators, ind)
		drift := (rng.Float64() - 0.5) * spread / 2
		stale, partial := rng.IntN(8) == 0, rng.IntN(4) == 0
		for qi := range quarters {
			q := syntheticLast.Add(qi - quarters + 1)
			if q == syntheticLast && stale {
				continue
			}
			centre := level + drift*float64(qi)
			if ind.Frequency == catalogue.Quarterly {
				obs = append(obs, randomObservation(rng, ind, period.Period{Kind: period.KindQuarter, Quarter: q}, centre, spread))
				continue
			}
			for mi, m := range cal.Months(q) {
				if q == syntheticLast && mi == 2 && partial {
					continue
				}
				obs = append(obs, randomObservation(rng, ind, period.Period{Kind: period.KindMonth, Month: m}, centre, spread))
			}
		}
		if rng.IntN(3) == 0 {
			comments = append(comments, data.Comment{Code: ind.Code, Period: period.Period{Kind: period.KindQuarter, Quarter: syntheticLast},
				Context: "Demand & <backlog> rose; \"agency\" staff covered.", Actions: "Weekly review of the café's rota."})
		}
	}
	cat.Reindex()
	return cat, data.NewDataset(obs, comments)
}

// randomObservation is a value near centre held to one or two places as a spreadsheet holds
// it; about one in twelve is a missing marker. A ratio indicator's value comes with its
// numerator and denominator.
func randomObservation(rng *rand.Rand, ind *catalogue.Indicator, p period.Period, centre, spread float64) data.Observation {
	o := data.Observation{Code: ind.Code, Period: p}
	if rng.IntN(12) == 0 {
		o.Missing = true
		return o
	}
	v := roundTo(centre+rng.NormFloat64()*spread/2, 1+rng.IntN(2))
	if ind.Unit != catalogue.Percent && ind.Unit != catalogue.Rate {
		v = math.Abs(v)
	}
	o.Value = v
	if ind.Aggregate == catalogue.Ratio {
		den := float64(100 + rng.IntN(900))
		num := roundTo(v*den/ind.Unit.RatioScale(), 0)
		o.Ratio = &data.Ratio{Numerator: num, Denominator: den}
		o.Value = num / den * ind.Unit.RatioScale()
	}
	return o
}

func roundTo(v float64, places int) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', places, 64), 64)
	return f
}

// randomReport builds seed's report as qpr build does.
func randomReport(t testing.TB, seed uint64) *report.Report {
	t.Helper()
	cat, ds := randomCatalogue(seed)
	store, problems := data.Match(ds, cat)
	if err := problems.Err(); err != nil {
		t.Fatalf("seed %d: the random data does not match its catalogue: %v", seed, err)
	}
	r, err := report.Build(report.Options{Catalogue: cat, Store: store, Pack: cat.Packs[0]})
	if err != nil {
		t.Fatalf("seed %d: building the report: %v", seed, err)
	}
	return r
}
