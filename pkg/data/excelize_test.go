package data

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A workbook written by excelize itself (shared strings, styles it numbers itself, a time
// value it formats as a date) reads the same as one from xlsxgen.
func TestXLSXWrittenByExcelize(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Sheet1"
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 9})
	if err != nil {
		t.Fatal(err)
	}
	custom := "0.0%"
	pct1, err := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetRow(sheet, "A1", &[]any{"code", "period", "value"}))
	must(f.SetSheetRow(sheet, "A2", &[]any{"CS01", date(2023, 7, 31), 0.57}))
	must(f.SetCellStyle(sheet, "C2", "C2", pct))
	must(f.SetSheetRow(sheet, "A3", &[]any{"CS02", "2023/24 Q2", 0.123}))
	must(f.SetCellStyle(sheet, "C3", "C3", pct1))
	must(f.SetSheetRow(sheet, "A4", &[]any{"CS04", "Sep-23", 118000}))
	path := filepath.Join(t.TempDir(), "excelize.xlsx")
	must(f.SaveAs(path))

	ds, probs := Read([]string{path}, april)
	dir := filepath.Dir(path)
	assertMessages(t, messages(probs, dir), nil)
	assertObservations(t, lines(ds, dir), []obsLine{
		{"CS01", month(2023, 7), 57, false, "", "excelize.xlsx:Sheet1!C2"},
		{"CS02", quarter(2023, 2), 12.3, false, "", "excelize.xlsx:Sheet1!C3"},
		{"CS04", month(2023, 9), 118000, false, "", "excelize.xlsx:Sheet1!C4"},
	})
}
