package acceptance_test

import (
	"testing"

	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/report"
)

// htmlCase is a report the HTML edition is checked on.
type htmlCase struct {
	name   string
	report *report.Report
}

// htmlCases are the example's corporate pack and a generated catalogue of 200 indicators
// over twelve quarters (KPIs and activity indicators, quarterly and monthly, regression,
// Mann-Kendall and SPC trends, stand-in and part-quarter values, missing values).
func htmlCases(t testing.TB) []htmlCase {
	t.Helper()
	return []htmlCase{
		{"example", loadExample(t).build(t, "qpr")},
		{"synthetic-200", syntheticReport(t, 200, 12)},
	}
}

func syntheticReport(t testing.TB, indicators, quarters int) *report.Report {
	t.Helper()
	syn := newSynthetic(indicators, quarters)
	store, problems := data.Match(syn.ds, syn.cat)
	if err := problems.Err(); err != nil {
		t.Fatalf("the synthetic data does not match its catalogue: %v", err)
	}
	r, err := report.Build(report.Options{Catalogue: syn.cat, Store: store, Pack: syn.cat.Packs[0]})
	if err != nil {
		t.Fatalf("building the synthetic report: %v", err)
	}
	return r
}

// BenchmarkHTMLRender renders the HTML edition of a 1,000-indicator pack.
func BenchmarkHTMLRender(b *testing.B) {
	r := syntheticReport(b, 1000, 20)
	var size int
	b.ReportAllocs()
	for b.Loop() {
		size = len(renderHTML(b, r))
	}
	b.ReportMetric(float64(size), "bytes/doc")
}
