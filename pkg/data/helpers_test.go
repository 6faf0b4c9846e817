package data

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data/internal/xlsxgen"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
)

var april = period.Calendar{YearStart: 4}

// testCatalogue has a quarterly percentage KPI (CS01), a monthly count (CS02) and a quarterly
// activity indicator (CS04).
func testCatalogue() *catalogue.Catalogue {
	return &catalogue.Catalogue{
		File:     "catalogue.yaml",
		Calendar: april,
		Indicators: []*catalogue.Indicator{
			{Code: "CS01", Type: catalogue.KPI, Polarity: catalogue.Higher, Unit: catalogue.Percent, Frequency: catalogue.Quarterly},
			{Code: "CS02", Type: catalogue.KPI, Polarity: catalogue.Lower, Unit: catalogue.Number, Frequency: catalogue.Monthly, Aggregate: catalogue.Sum},
			{Code: "CS04", Type: catalogue.Activity, Unit: catalogue.Number, Frequency: catalogue.Quarterly},
		},
	}
}

// writeFile writes a data file into a fresh directory and returns its path.
func writeFile(t testing.TB, name string, content []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func writeWorkbook(t testing.TB, name string, sheets ...xlsxgen.Sheet) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := xlsxgen.WriteFile(path, sheets...); err != nil {
		t.Fatal(err)
	}
	return path
}

// messages renders problems as a user sees them, with the directory of the temporary files
// left out and warnings marked.
func messages(probs *diag.List, dir string) []string {
	var out []string
	for _, p := range probs.Problems() {
		s := p.Error()
		if dir != "" {
			s = strings.ReplaceAll(s, dir+string(filepath.Separator), "")
		}
		if p.Severity == diag.Warning {
			s = "warning: " + s
		}
		out = append(out, s)
	}
	return out
}

func assertMessages(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("messages:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
}

func quarter(y, q int) period.Period {
	return period.Period{Kind: period.KindQuarter, Quarter: period.Quarter{Year: y, Q: q}}
}

func month(y, m int) period.Period {
	return period.Period{Kind: period.KindMonth, Month: period.Month{Year: y, Month: m}}
}

// obsLine is an observation in a form that compares and prints well.
type obsLine struct {
	Code    string
	Period  period.Period
	Value   float64
	Missing bool
	Note    string
	Place   string
}

func lines(ds *Dataset, dir string) []obsLine {
	var out []obsLine
	for o := range ds.All() {
		out = append(out, obsLine{o.Code, o.Period, o.Value, o.Missing, o.Note, strings.ReplaceAll(o.Place.String(), dir+string(filepath.Separator), "")})
	}
	return out
}

func assertObservations(t *testing.T, got, want []obsLine) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d observations, want %d:\n got %+v\nwant %+v", len(got), len(want), got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("observation %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

func readBytes(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeAt(t testing.TB, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// replaceZipEntry copies a zip archive with one entry's content replaced.
func replaceZipEntry(t testing.TB, archive []byte, name, content string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			io.WriteString(w, content)
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, rc)
		rc.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
