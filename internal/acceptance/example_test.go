package acceptance_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/example/qpr/internal/golden"
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	reportjson "github.com/example/qpr/pkg/render/json"
	"github.com/example/qpr/pkg/report"
)

const (
	exampleDir = "../../testdata/example"
	goldenDir  = "../../testdata/golden"
)

// example is the example project as qpr build reads it.
type example struct {
	cat   *catalogue.Catalogue
	store *data.Store
}

// loadExample reads the example through the exported loaders as pkg/app's
// Inputs.load does: catalogue.Load, then data.Load over the data folder.
// Any problem, warning or error, fails the test: the example is meant to be clean.
func loadExample(t testing.TB) example {
	t.Helper()
	cat, err := catalogue.Load(filepath.Join(exampleDir, "catalogue.yaml"))
	if err != nil {
		t.Fatalf("loading the example catalogue: %v", err)
	}
	_, store, problems := data.Load([]string{filepath.Join(exampleDir, "data")}, cat)
	for _, p := range problems.Problems() {
		t.Errorf("reading the example data: %v", p)
	}
	if t.Failed() {
		t.FailNow()
	}
	return example{cat: cat, store: store}
}

// build makes the report of one pack for the latest quarter with data, as qpr build does
// without --period and without SOURCE_DATE_EPOCH.
func (e example) build(t testing.TB, packID string) *report.Report {
	t.Helper()
	pack, ok := e.cat.Pack(packID)
	if !ok {
		t.Fatalf("no pack %q in the example catalogue", packID)
	}
	r, err := report.Build(report.Options{Catalogue: e.cat, Store: e.store, Pack: pack})
	if err != nil {
		t.Fatalf("building pack %s: %v", packID, err)
	}
	return r
}

// marshalReport encodes r as qpr build --format json writes it (pkg/render/json): two-space
// indent, no HTML escaping, numbers to 10 significant figures, a trailing newline.
// TestReportJSONIsEncodingJSONToTenFigures checks that form against encoding/json's.
func marshalReport(t testing.TB, r *report.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := reportjson.Encode(&buf, r); err != nil {
		t.Fatalf("encoding the report as JSON: %v", err)
	}
	return buf.Bytes()
}

// encodingJSON encodes r with encoding/json's indented encoder, as qpr wrote it before its
// numbers were cut to 10 significant figures.
func encodingJSON(t testing.TB, r *report.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatalf("encoding the report as JSON: %v", err)
	}
	return buf.Bytes()
}

// compareGolden checks got against testdata/golden/name, or rewrites the file with -update.
func compareGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join(goldenDir, name), got)
}
