package acceptance_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/example/qpr/internal/testtool"
	"github.com/example/qpr/pkg/app"
	"github.com/example/qpr/pkg/render/pdf"
	"github.com/example/qpr/pkg/render/xlsx"
	"github.com/example/qpr/templates"
)

// TestFormatsShowTheSameWordsAndNumbers reads one indicator of each kind back from the PDF's
// text, the workbook's cells and `qpr rag`'s line, and checks that all three show the value
// (the PDF and workbook with its basis code beside it),
// the rating and (in the PDF and workbook) the thresholds with the same words and digits. The
// expected strings are written out by hand from the example's data.
func TestFormatsShowTheSameWordsAndNumbers(t *testing.T) {
	testtool.Need(t, "pdftotext", "apt-get install poppler-utils")
	r := loadExample(t).build(t, "qpr")
	var doc, book bytes.Buffer
	if err := pdf.Render(&doc, r, templates.Default()); err != nil {
		t.Fatal(err)
	}
	if err := xlsx.Render(&book, r, templates.Default()); err != nil {
		t.Fatal(err)
	}
	pdfText := strings.Join(strings.Fields(string(pdfText(t, doc.Bytes()))), " ")
	f, err := excelize.OpenReader(&book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	cases := []struct {
		code, sheet        string
		value, basis       string // the basis in a column of its own
		rating             string
		target, floor      string // KPIs
		facts, verdict     string
		directorateRowWord string // the report quarter's grid cell
	}{
		// a monthly KPI, its quarter value the last month's 80.0
		{code: "CS01", sheet: "DCED", value: "80%", basis: "Q", rating: "Amber", target: "85%", floor: "75%",
			facts:   "Value 80% (2023/24 Q2) · Basis Q · Target 85% · Floor 75% · Higher is better",
			verdict: "CS01 2023/24 Q2: 80% (basis Q) — AMBER (target 85%, floor 75%, higher is better)", directorateRowWord: "Amber"},
		// a stale value standing in: 2023/24 Q1's 50.3, one decimal
		{code: "WM01", sheet: "GET", value: "50.3%", basis: "R12M", rating: "Green", target: "50.0%", floor: "45.0%",
			facts:              "Value 50.3% (2023/24 Q1, latest available) · Basis R12M · Target 50.0% · Floor 45.0% · Higher is better",
			verdict:            "WM01 2023/24 Q2: 50.3% (basis R12M; stale: value from 2023/24 Q1) — GREEN (target 50.0%, floor 45.0%, higher is better)",
			directorateRowWord: "Green (from 2023/24 Q1)"},
		// an activity indicator: its range under a heading of its own
		{code: "CS04", sheet: "DCED", value: "107,543", basis: "Q", rating: "Within",
			facts:   "Value 107,543 (2023/24 Q2) · Basis Q · Expected range 94,000 to 130,000",
			verdict: "CS04 2023/24 Q2: 107,543 (basis Q) — WITHIN expected range (94,000 to 130,000)", directorateRowWord: "Within"},
	}
	for _, c := range cases {
		if !strings.Contains(pdfText, c.facts) {
			t.Errorf("%s: the PDF lacks %q", c.code, c.facts)
		}
		row := sheetRow(t, f, c.sheet, c.code)
		if row == nil {
			t.Errorf("%s: no row on sheet %s", c.code, c.sheet)
			continue
		}
		if row["Basis"] != c.basis {
			t.Errorf("%s: workbook basis %q, want %q", c.code, row["Basis"], c.basis)
		}
		if row["Value"] != c.value || row["Rating"] != c.rating || row["2023/24 Q2"] != c.directorateRowWord {
			t.Errorf("%s: workbook value %q rating %q grid %q; want %q %q %q", c.code, row["Value"], row["Rating"], row["2023/24 Q2"], c.value, c.rating, c.directorateRowWord)
		}
		if c.target != "" && (row["Target"] != c.target || row["Floor"] != c.floor) {
			t.Errorf("%s: workbook target %q floor %q; want %q %q", c.code, row["Target"], row["Floor"], c.target, c.floor)
		}
		var out, errs bytes.Buffer
		err := app.RunRag(app.Streams{Out: &out, Err: &errs}, app.RagOptions{Inputs: app.Inputs{Dir: t.TempDir(),
			Catalogue: filepath.Join(exampleDir, "catalogue.yaml"), Data: []string{filepath.Join(exampleDir, "data")}}, Codes: []string{c.code}})
		if err != nil {
			t.Fatalf("qpr rag %s: %v (%s)", c.code, err, errs.String())
		}
		if got := strings.TrimSpace(out.String()); got != c.verdict {
			t.Errorf("qpr rag %s = %q\nwant          %q", c.code, got, c.verdict)
		}
	}
}

// sheetRow is the row of a directorate sheet whose Code is code, as shown, by header (the
// header's "[note N]" references left off).
func sheetRow(t *testing.T, f *excelize.File, sheet, code string) map[string]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	var header []string
	for _, row := range rows {
		if len(row) == 0 {
			continue
		}
		if row[0] == "Code" {
			header = row
			continue
		}
		if header != nil && row[0] == code {
			m := map[string]string{}
			for i, h := range header {
				if cut := strings.Index(h, " [note"); cut >= 0 {
					h = h[:cut]
				}
				if i < len(row) {
					m[h] = row[i]
				}
			}
			return m
		}
	}
	return nil
}
