package app

import (
	"io"
	"path/filepath"
	"testing"

	"github.com/example/qpr/internal/synthproject"
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/check"
	"github.com/example/qpr/pkg/data"
	reportjson "github.com/example/qpr/pkg/render/json"
	"github.com/example/qpr/pkg/report"
)

// BenchmarkJSONStages times the check, report and JSON stages of a JSON-only build at 1,000
// indicators x 20 quarters apart, on inputs read once, so that each stage's cost is seen
// without the reading's (BenchmarkBuild times the whole).
func BenchmarkJSONStages(b *testing.B) {
	dir := b.TempDir()
	if err := synthproject.Write(dir, 1000, 20, false); err != nil {
		b.Fatal(err)
	}
	cat, err := catalogue.Load(filepath.Join(dir, "catalogue.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	_, store, problems := data.Load([]string{filepath.Join(dir, "data")}, cat)
	if problems.HasErrors() {
		b.Fatal(problems.Err())
	}
	pack := cat.Packs[0]
	build := func(b *testing.B) *report.Report {
		r, err := report.Build(report.Options{Catalogue: cat, Store: store, Pack: pack})
		if err != nil {
			b.Fatal(err)
		}
		return r
	}
	r := build(b)
	b.Run("report", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			build(b)
		}
	})
	b.Run("check", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			check.Warnings(cat, store, r, true)
			check.BuildWarnings(cat, store, r.Period.Quarter)
		}
	})
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := reportjson.Render(io.Discard, r, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}
