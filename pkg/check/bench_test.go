package check

import (
	"fmt"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/report"
)

// BenchmarkWarnings1M looks for misleading values in a million: 10,000 percentage KPIs over
// 100 quarters, one value in 500 typed as a fraction. The warnings walk every series more
// than once, so what they allocate per value decides validate's peak memory.
func BenchmarkWarnings1M(b *testing.B) {
	const indicators, quarters = 10_000, 100
	latest := period.Quarter{Year: 2023, Q: 2}
	cat := &catalogue.Catalogue{File: "catalogue.yaml", Calendar: period.DefaultCalendar, Trend: catalogue.DefaultTrend,
		Directorates: []catalogue.Directorate{{Code: "D", Name: "D"}}}
	store := data.NewStore()
	fractions := 0
	for i := range indicators {
		ind := kpi(fmt.Sprintf("K%05d", i), catalogue.Percent, 60, 50)
		cat.Indicators = append(cat.Indicators, ind)
		for q := range quarters {
			v := float64(40 + (i*7+q)%50)
			if (i*quarters+q)%500 == 0 {
				v, fractions = v/100, fractions+1
			}
			store.Set(ind.Code, latest.Add(q-quarters+1).Index(), data.Value{V: v, Place: diag.Place{File: "national.csv", Line: 2 + i*quarters + q}})
		}
	}
	cat.Reindex()
	store.Latest = latest
	r, err := report.Build(report.Options{Catalogue: cat, Store: store, Pack: catalogue.Pack{ID: "all"}})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		breaks := 0
		for _, p := range Warnings(cat, store, r, nil) {
			if p.Place.File == "national.csv" {
				breaks++
			}
		}
		if breaks != fractions {
			b.Fatalf("%d values flagged, want the %d typed as fractions", breaks, fractions)
		}
	}
}
