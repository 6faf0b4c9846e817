package returns

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/returns/form"
)

// fill makes FIN's return and fills it in as an owner would, through excelize, with edit
// changing cells of the Return sheet; it returns the file's path.
func fill(t *testing.T, sign bool, edit map[string]any) string {
	t.Helper()
	b, err := Workbook(testIssue(t, "FIN"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cells := map[string]any{"L2": 91.5, "M2": "Better than last quarter.", "L3": 2600000, "N3": "Chasing the largest debts.", "L4": "n/a"}
	signedOn := time.Date(2024, 1, 12, 0, 0, 0, 0, time.UTC)
	for k, v := range edit {
		if k == form.SignedOn {
			signedOn = v.(time.Time)
			continue
		}
		cells[k] = v
	}
	for ref, v := range cells {
		if err := f.SetCellValue(form.DataSheet, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	if sign {
		for _, dn := range f.GetDefinedName() {
			ref := strings.TrimPrefix(strings.ReplaceAll(dn.RefersTo, "$", ""), "'Cover'!")
			var v any = "Jo Bloggs"
			switch dn.Name {
			case form.SignedRole:
				v = "Head of Finance"
			case form.SignedOn:
				v = signedOn
			}
			if err := f.SetCellValue(form.CoverSheet, ref, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "FIN-2023-24-Q3.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func readReturn(t *testing.T, path string) (*data.Dataset, []diag.Problem) {
	t.Helper()
	is := testIssue(t, "FIN")
	ds, probs := data.Read([]string{path}, is.Catalogue.Calendar)
	if probs.HasErrors() {
		t.Fatalf("reading: %v", probs.Err())
	}
	return ds, append(probs.Problems(), Check(is.Catalogue, ds)...)
}

func TestReadSignedReturn(t *testing.T) {
	path := fill(t, true, nil)
	ds, problems := readReturn(t, path)
	if len(problems) != 0 {
		t.Errorf("problems: %v", problems)
	}
	if len(ds.Returns) != 1 {
		t.Fatalf("%d returns read", len(ds.Returns))
	}
	r := ds.Returns[0]
	if r.Manifest.Owner != "FIN" || r.SignedBy != "Jo Bloggs" || r.SignedRole != "Head of Finance" || !r.SignedOn.Equal(time.Date(2024, 1, 12, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("return %+v", r)
	}
	// The values as typed (n/a is a missing marker), and the commentary beside them.
	var got []string
	for o := range ds.All() {
		got = append(got, o.Code+" "+periodLabel(o)+" "+num(o))
	}
	if want := "FN01 2023/24 Q3 91.5|FN05 2023/24 Q3 2600000|HR01 2023/24 Q3 missing"; strings.Join(got, "|") != want {
		t.Errorf("observations %q, want %q", strings.Join(got, "|"), want)
	}
	if len(ds.Comments) != 2 || ds.Comments[0].Context != "Better than last quarter." || ds.Comments[1].Actions != "Chasing the largest debts." {
		t.Errorf("comments %+v", ds.Comments)
	}
}

func periodLabel(o data.Observation) string {
	return period.DefaultCalendar.PeriodLabel(o.Period)
}

func num(o data.Observation) string {
	if o.Missing {
		return "missing"
	}
	return strconv.FormatFloat(o.Value, 'f', -1, 64)
}

func TestUnsignedReturn(t *testing.T) {
	_, problems := readReturn(t, fill(t, false, nil))
	if len(problems) != 1 || problems[0].Severity != diag.Warning ||
		problems[0].Message != "the FIN return for 2023/24 Q3 is not signed off (no name and date under Sign-off on the Cover sheet): until it is, the report is a draft" ||
		problems[0].Place.Sheet != form.CoverSheet || problems[0].Place.Cell() != "B19" {
		t.Errorf("problems %v", problems)
	}
}

// A row added for an indicator the owner was not sent, a code edited, a period changed: each
// an error at the cell at fault.
func TestReturnManifestChecks(t *testing.T) {
	path := fill(t, true, map[string]any{"A3": "CS01", "B2": "2023/24 Q2"})
	_, problems := readReturn(t, path)
	var got []string
	for _, p := range problems {
		got = append(got, p.Place.Cell()+" "+p.Message)
	}
	want := []string{
		"B2 FN01 2023/24 Q2 was not asked for in this return (issued for 2023/24 Q3: FN01 is due for 2023/24 Q3); a return's periods must not be changed: give an earlier period's figure in a data file",
		"A3 CS01 was not sent in this return (issued to FIN for 2023/24 Q3 with FN01, FN05 and HR01); a row must not be added or its code changed: give CS01's figure in its own owner's return or in a data file",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	_ = os.Remove(path)
}

// TestReturnFromAnotherCatalogue: a return made from an earlier version of the catalogue is
// read, with a warning that names, targets or owners may have changed since it was sent.
func TestReturnFromAnotherCatalogue(t *testing.T) {
	path := fill(t, true, nil)
	is := testIssue(t, "FIN")
	ds, probs := data.Read([]string{path}, is.Catalogue.Calendar)
	if probs.HasErrors() {
		t.Fatalf("reading: %v", probs.Err())
	}
	if got := Check(is.Catalogue, ds); len(got) != 0 {
		t.Fatalf("from the catalogue it was made from: %v, want no problem", got)
	}
	is.Catalogue.Digest = strings.Repeat("0", 64) // the catalogue edited since
	got := Check(is.Catalogue, ds)
	if len(got) != 1 || got[0].Severity != diag.Warning || got[0].Place.Sheet != form.ManifestSheet ||
		!strings.Contains(got[0].Message, "made from another version of the catalogue") {
		t.Errorf("from an edited catalogue: %v, want one warning at the manifest", got)
	}
	_ = os.Remove(path)
}
