package xlsx

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/report"
)

// generatedReport is a synthetic report of n indicators over the given number of history
// quarters, spread over ten directorates, for size and speed checks. Its figures follow
// simple formulas so every run builds the same report.
func generatedReport(n, quarters int) *report.Report {
	cal := period.Calendar{YearStart: 4}
	current := period.Quarter{Year: 2023, Q: 3}
	periods := make([]report.Period, quarters)
	for i := range periods {
		periods[i] = report.QuarterOf(cal, current.Add(i-quarters+1))
	}
	r := fixtureReport()
	r.HistoryPeriods = periods
	r.Directorates = nil
	for d := 0; d < 10; d++ {
		r.Directorates = append(r.Directorates, report.Directorate{Code: fmt.Sprintf("D%02d", d), Name: fmt.Sprintf("Directorate number %d", d)})
	}
	units := []catalogue.Unit{"percent", "number", "days", "currency", "rate"}
	rags := []string{"green", "amber", "red", "not_rated", "no_data"}
	r.Indicators = make([]report.Indicator, n)
	for i := range r.Indicators {
		ind := report.Indicator{
			Code:        fmt.Sprintf("K%04d", i),
			Name:        fmt.Sprintf("Generated indicator %d – a name long enough to wrap in its column", i),
			Directorate: r.Directorates[i%10].Code,
			Type:        "kpi", Polarity: pol("higher"), Unit: units[i%len(units)], Decimals: i % 3,
			Value: f64(50 + float64(i%97)/7), ValuePeriod: &periods[quarters-1],
			Target: f64(60), Floor: f64(55), RAG: rt(rags[i%len(rags)]), RAGPrevious: rt(rags[(i+1)%len(rags)]),
			Trend: &report.Trend{Method: "regression", Direction: "stable", Points: 8, Window: 8,
				Sentence: "No clear trend over the last eight quarters."},
			Commentary: &report.Commentary{Context: "Context for this quarter's figure.", Actions: "Actions the service is taking."},
		}
		for q, p := range periods {
			v := 40 + float64((i*7+q*3)%50)
			ind.History = append(ind.History, report.HistoryPoint{Period: p, Value: f64(v), RAG: rt(rags[(i+q)%3]), Target: f64(60), Floor: f64(55)})
			ind.Chart = append(ind.Chart, report.ChartPoint{Period: p, Value: f64(v), Target: f64(60), Floor: f64(55)})
		}
		r.Indicators[i] = ind
	}
	return r
}

func BenchmarkRender1000x20(b *testing.B) {
	r := generatedReport(1000, 20)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, r, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KiB/file")
}

// BenchmarkRender5000x20OneDirectorate is the case the stream writer is for: one
// directorate's sheet with a row per indicator, beside the history and Data sheets.
func BenchmarkRender5000x20OneDirectorate(b *testing.B) {
	r := generatedReport(5000, 20)
	for i := range r.Indicators {
		r.Indicators[i].Directorate = r.Directorates[0].Code
	}
	r.Directorates = r.Directorates[:1]
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, r, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KiB/file")
}
