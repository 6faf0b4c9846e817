package project

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestParseResolvesPathsAgainstTheFilesFolder(t *testing.T) {
	c, err := Parse(filepath.Join("reports", "qpr.yaml"), []byte("catalogue: catalogue.yaml\ndata: [data, extra/q2.csv]\nout: out\nformats: [pdf, json]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Catalogue != filepath.Join("reports", "catalogue.yaml") || c.Out != filepath.Join("reports", "out") {
		t.Errorf("paths not resolved: %+v", c)
	}
	if len(c.Data) != 2 || c.Data[1] != filepath.Join("reports", "extra", "q2.csv") {
		t.Errorf("data = %v", c.Data)
	}
	if len(c.Formats) != 2 || c.Formats[0] != "pdf" {
		t.Errorf("formats = %v", c.Formats)
	}
}

func TestParseUnknownKeyNamesLineAndValidKeys(t *testing.T) {
	_, err := Parse("qpr.yaml", []byte("catalogue: c.yaml\nformat: [pdf]\n"))
	want := `qpr.yaml:2: unknown key "format"; did you mean "formats"?`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
}

// Every key's problem is found in one run, each at its line, and the keys that were right are
// kept for their values to be checked.
func TestParseListsEveryProblem(t *testing.T) {
	c, err := Parse("qpr.yaml", []byte("catalogue: c.yaml\nout: [a, b]\nfromats: json\ndata: {a: b}\nlimits: [1]\nperiod: 2023/24 Q2\ncatalogue: d.yaml\n"))
	want := `qpr.yaml:2: out must be a single value, not a list or mapping; e.g. out: reports
qpr.yaml:3: unknown key "fromats"; did you mean "formats"?
qpr.yaml:4: write a name or path, or a list of them, e.g. [data, late-returns.xlsx]
qpr.yaml:5: write limits as a mapping of names to values, e.g. limits: {file_size: 4GB, rows: 20000000}
qpr.yaml:7: key "catalogue" is given twice (first at line 1); give it once`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
	if c.Catalogue != "c.yaml" || c.Period != "2023/24 Q2" {
		t.Errorf("kept catalogue %q, period %q; want c.yaml and 2023/24 Q2", c.Catalogue, c.Period)
	}
}

func TestParseEmptyFileIsEmptyConfig(t *testing.T) {
	c, err := Parse("qpr.yaml", nil)
	if err != nil || c.Catalogue != "" {
		t.Errorf("empty file: %+v, %v", c, err)
	}
}

func TestLoadMissingFileIsNotAnError(t *testing.T) {
	c, err := Load(t.TempDir())
	if err != nil || c.File != "" {
		t.Errorf("missing qpr.yaml: %+v, %v", c, err)
	}
}

func TestParseAcceptsASingleItemForALIst(t *testing.T) {
	c, err := Parse("qpr.yaml", []byte("data: data\nformats: pdf\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Data) != 1 || c.Data[0] != "data" || len(c.Formats) != 1 || c.Formats[0] != "pdf" {
		t.Errorf("single items: %+v", c)
	}
	_, err = Parse("qpr.yaml", []byte("catalogue: c.yaml\ndata: {a: b}\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "qpr.yaml:2: ") || !strings.Contains(err.Error(), "a list of them") {
		t.Errorf("a mapping for data: %v", err)
	}
}

func TestParseUnknownKeyFarFromAnyListsTheValidKeys(t *testing.T) {
	_, err := Parse("qpr.yaml", []byte("colour: blue\n"))
	want := `qpr.yaml:1: unknown key "colour"; valid keys are catalogue, data, out, formats, templates, period, limits, strict`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
}

func TestPlaceNamesTheLineOfAKeyAndOfEachListItem(t *testing.T) {
	c, err := Parse("qpr.yaml", []byte("catalogue: c.yaml\nformats:\n  - pdf\n  - pptx\nout: reports\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		key  string
		item int
		want string
	}{{"formats", 1, "qpr.yaml:4"}, {"formats", 0, "qpr.yaml:3"}, {"out", -1, "qpr.yaml:5"}, {"catalogue", -1, "qpr.yaml:1"}} {
		if got := c.Place(tc.key, tc.item).String(); got != tc.want {
			t.Errorf("Place(%s, %d) = %s, want %s", tc.key, tc.item, got, tc.want)
		}
	}
}

func TestParseRefusesANonMapping(t *testing.T) {
	_, err := Parse("qpr.yaml", []byte("- catalogue.yaml\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "qpr.yaml:1: ") {
		t.Errorf("a list at the top: %v", err)
	}
}

func TestLimitsKeptWithTheirLines(t *testing.T) {
	c, err := Parse("qpr.yaml", []byte("data: d\nlimits:\n  file_size: 4GB\n  rows: 20000000\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := Settings{{Name: "file_size", Value: "4GB", Line: 3}, {Name: "rows", Value: "20000000", Line: 4}}
	if len(c.Limits) != 2 || c.Limits[0] != want[0] || c.Limits[1] != want[1] {
		t.Errorf("limits = %+v, want %+v", c.Limits, want)
	}
	if _, err := Parse("qpr.yaml", []byte("limits: 4GB\n")); err == nil || !strings.Contains(err.Error(), "qpr.yaml:1: write limits as a mapping") {
		t.Errorf("err = %v", err)
	}
}
