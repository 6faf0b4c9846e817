package returns

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/returns/form"
)

const testCatalogue = `organisation: Example Council
owners:
  - {id: FIN, name: Finance, role: Head of Finance}
  - {id: CC, name: Contact Centre}
directorates:
  - {code: CED, name: Chief Executive's, owner: FIN}
indicators:
  - {code: FN01, name: Invoices paid in 30 days, directorate: CED, polarity: higher, unit: percent, target: 90, floor: 85, description: Undisputed invoices paid within 30 days.}
  - {code: CS01, name: Calls answered, directorate: CED, owner: CC, polarity: higher, unit: percent, frequency: monthly, aggregate: ratio, target: 80}
  - {code: FN05, name: Old debt, directorate: CED, polarity: lower, unit: currency, target: 2500000, floor: 3000000}
  - {code: HR01, name: Starters, directorate: CED, type: activity, unit: number, lower: 10, upper: 20}
`

func testIssue(t *testing.T, owner string) Issue {
	t.Helper()
	cat, err := catalogue.Parse("c.yaml", []byte(testCatalogue))
	if err != nil {
		t.Fatal(err)
	}
	o, _ := cat.Owner(owner)
	q2 := period.Quarter{Year: 2023, Q: 2}
	store := data.StoreOf(map[string]map[int]data.Value{
		"FN01": {q2.Index(): {V: 88.5}, q2.Add(-2).Index(): {V: 91}},
	})
	return Issue{Catalogue: cat, Digest: cat.Digest, Store: store, Owner: o, Quarter: q2.Add(1),
		Issued: time.Date(2023, 10, 20, 0, 0, 0, 0, time.UTC)}
}

func TestDueRows(t *testing.T) {
	is := testIssue(t, "CC")
	var got []string
	for _, d := range DueRows(is.Catalogue, "CC", is.Quarter) {
		got = append(got, d.Ind.Code+" "+is.Catalogue.Calendar.PeriodLabel(d.Period))
	}
	// A monthly indicator is due for each month of 2023/24 Q3: October to December 2023.
	if want := []string{"CS01 2023-10", "CS01 2023-11", "CS01 2023-12"}; !reflect.DeepEqual(got, want) {
		t.Errorf("rows = %v, want %v", got, want)
	}
	if got := FileName(is.Catalogue, "CC", is.Quarter); got != "CC-2023-24-Q3.xlsx" {
		t.Errorf("file name %s", got)
	}
}

func TestWorkbookIsTheSameForTheSameInputs(t *testing.T) {
	a, err := Workbook(testIssue(t, "FIN"))
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond) // a clock-stamped file would now differ
	b, err := Workbook(testIssue(t, "FIN"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two returns made from the same inputs differ")
	}
}

func TestWorkbook(t *testing.T) {
	b, err := Workbook(testIssue(t, "FIN"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{form.CoverSheet, form.DataSheet, form.ManifestSheet}; !reflect.DeepEqual(got, want) {
		t.Errorf("sheets %v, want %v", got, want)
	}
	if v, _ := f.GetSheetVisible(form.ManifestSheet); v {
		t.Error("the manifest is visible")
	}
	tables, err := f.GetTables(form.DataSheet)
	if err != nil || len(tables) != 1 || tables[0].Name != form.TableName || tables[0].Range != "A1:N4" {
		t.Fatalf("tables %+v (%v), want one ReturnData at A1:N4", tables, err)
	}
	rows, err := f.GetRows(form.DataSheet)
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"code", "period", "name", "definition", "unit", "better", "target", "floor", "last period", "last value", "a year earlier", "value", "commentary", "actions"}
	if !reflect.DeepEqual(rows[0], wantHeader) {
		t.Errorf("header %q\nwant %q", rows[0], wantHeader)
	}
	// FN01's 2023/24 Q3 row: the targets of 2023/24, the last value held (Q2's) and a year
	// earlier (2022/23 Q3: none held).
	if got := rows[1][:11]; !reflect.DeepEqual(got, []string{"FN01", "2023/24 Q3", "Invoices paid in 30 days", "Undisputed invoices paid within 30 days.", "percent (0-100)", "higher", "90", "85", "2023/24 Q2", "88.5", ""}) {
		t.Errorf("FN01 row %q", got)
	}
	if got := rows[3][6]; got != "expected 10 to 20" {
		t.Errorf("HR01's range shows as %q", got)
	}
	// Inputs are unlocked, everything else locked, and the sheet protected without a password.
	locked := func(sheet, ref string) bool {
		id, err := f.GetCellStyle(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st.Protection == nil || st.Protection.Locked
	}
	for ref, want := range map[string]bool{"A2": true, "C2": true, "L2": false, "M2": false, "N2": false, "L4": false} {
		if got := locked(form.DataSheet, ref); got != want {
			t.Errorf("%s locked %v, want %v", ref, got, want)
		}
	}
	// Each value cell's rule fits its unit: a percentage 0 to 100, pounds any number, a count
	// 0 or more; n/a is let through.
	dvs, err := f.GetDataValidations(form.DataSheet)
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string]string{}
	for _, dv := range dvs {
		rules[dv.Sqref] = dv.Formula1
	}
	for ref, want := range map[string]string{
		"L2": `OR(AND(ISNUMBER(L2),L2>=0,L2<=100),OR(L2="n/a",L2="na",L2="-"))`,
		"L3": `OR(ISNUMBER(L3),OR(L3="n/a",L3="na",L3="-"))`,
		"L4": `OR(AND(ISNUMBER(L4),L4>=0),OR(L4="n/a",L4="na",L4="-"))`,
	} {
		if got := strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(rules[ref]); got != want {
			t.Errorf("%s rule %s, want %s", ref, got, want)
		}
	}
	// The sign-off names point at the Cover's input cells, the date one a date.
	for _, name := range []string{form.SignedBy, form.SignedRole, form.SignedOn} {
		found := false
		for _, dn := range f.GetDefinedName() {
			if dn.Name == name {
				found = true
				ref := strings.TrimPrefix(strings.ReplaceAll(dn.RefersTo, "$", ""), "'Cover'!")
				if locked(form.CoverSheet, ref) {
					t.Errorf("%s (%s) is locked", name, ref)
				}
			}
		}
		if !found {
			t.Errorf("no defined name %s", name)
		}
	}
	// The manifest says what was issued.
	lines, err := f.GetRows(form.ManifestSheet)
	if err != nil {
		t.Fatal(err)
	}
	var pairs [][2]string
	for _, l := range lines {
		pairs = append(pairs, [2]string{l[0], l[1]})
	}
	m, err := form.Parse(pairs)
	if err != nil {
		t.Fatal(err)
	}
	want := form.Manifest{Owner: "FIN", Period: "2023/24 Q3", Issued: time.Date(2023, 10, 20, 0, 0, 0, 0, time.UTC), Catalogue: testIssue(t, "FIN").Catalogue.Digest,
		Rows: []form.Row{{Code: "FN01", Period: "2023/24 Q3"}, {Code: "FN05", Period: "2023/24 Q3"}, {Code: "HR01", Period: "2023/24 Q3"}}}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("manifest %+v\nwant %+v", m, want)
	}
}

// A ratio indicator's return asks for the numerator and denominator, not the value, and
// commentary once a quarter, on its last month.
func TestRatioReturn(t *testing.T) {
	b, err := Workbook(testIssue(t, "CC"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(form.DataSheet)
	if got := strings.Join(rows[0][10:], ","); got != "value,numerator,denominator,commentary,actions" {
		t.Fatalf("header ends %s", got)
	}
	locked := func(ref string) bool {
		id, _ := f.GetCellStyle(form.DataSheet, ref)
		st, _ := f.GetStyle(id)
		return st.Protection == nil || st.Protection.Locked
	}
	for ref, want := range map[string]bool{"K2": true, "L2": false, "M2": false, "N2": true, "N4": false, "O4": false} {
		if got := locked(ref); got != want {
			t.Errorf("%s locked %v, want %v", ref, got, want)
		}
	}
}
