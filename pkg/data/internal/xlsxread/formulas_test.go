package xlsxread

import (
	"slices"
	"strings"
	"testing"
)

// A workbook that asks to be recalculated on opening, as openpyxl and xlsxwriter write every
// workbook, says so; each formula cell is marked, whatever result it saved.
func TestRecalcOnOpenAndFormulaCells(t *testing.T) {
	for _, c := range []struct {
		calcPr string
		want   bool
	}{
		{`<calcPr calcId="124519" fullCalcOnLoad="1"/>`, true},
		{`<calcPr fullCalcOnLoad="true"/>`, true},
		{`<calcPr calcId="191029"/>`, false},
		{`<calcPr fullCalcOnLoad="0"/>`, false},
		{``, false},
	} {
		parts := pkgParts(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><f>1+2</f><v>0</v></c><c r="B1"><v>3</v></c><c r="C1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row></sheetData></worksheet>`)
		for i := range parts {
			if parts[i].name == "xl/workbook.xml" {
				parts[i].content = strings.Replace(parts[i].content, "</sheets>", "</sheets>"+c.calcPr, 1)
			}
		}
		wb, err := open(t, parts, testLimits)
		if err != nil {
			t.Fatal(err)
		}
		if wb.RecalcOnOpen != c.want {
			t.Errorf("%s: RecalcOnOpen = %v", c.calcPr, wb.RecalcOnOpen)
		}
		var formulas []bool
		if err := wb.ReadSheet(0, false, func(_ int, cells []Cell) bool {
			for _, cell := range cells {
				formulas = append(formulas, cell.Formula)
			}
			return true
		}); err != nil {
			t.Fatal(err)
		}
		if want := []bool{true, false, true}; !slices.Equal(formulas, want) {
			t.Errorf("%s: formula marks %v, want %v", c.calcPr, formulas, want)
		}
	}
}

// The merged ranges after a sheet's data are kept, as far as they can be read; a damaged
// reference or tail loses only what it touches, and is no reason to refuse the sheet.
func TestMergedRanges(t *testing.T) {
	cases := []struct {
		name, tail string
		want       []string
	}{
		{"none", ``, nil},
		{"two", `<mergeCells count="2"><mergeCell ref="A2:A4"/><mergeCell ref="B1:D1"/></mergeCells>`, []string{"A2:A4", "B1:D1"}},
		{"bad references left out", `<mergeCells><mergeCell ref="A2"/><mergeCell ref="C3:B1"/><mergeCell ref="ZZZZ1:A1"/><mergeCell/><mergeCell ref="AA10:AB12"/></mergeCells>`, []string{"AA10:AB12"}},
		{"damaged tail", `<mergeCells><mergeCell ref="A2:A3"/><mergeCell ref="B2:B3`, []string{"A2:A3"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wb, err := open(t, pkgParts(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`+c.tail+`</worksheet>`), testLimits)
			if err != nil {
				t.Fatal(err)
			}
			rows := 0
			if err := wb.ReadSheet(0, false, func(int, []Cell) bool { rows++; return true }); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, g := range wb.Merges() {
				got = append(got, g.String())
			}
			if rows != 1 || !slices.Equal(got, c.want) {
				t.Errorf("rows %d, merges %v, want 1 and %v", rows, got, c.want)
			}
		})
	}
	// A2:A4 holds A2, A3 and A4, and nothing beside or below.
	g := Range{FromCol: 0, FromRow: 2, ToCol: 0, ToRow: 4}
	for _, at := range []struct {
		col, row int
		in       bool
	}{{0, 2, true}, {0, 4, true}, {0, 1, false}, {0, 5, false}, {1, 3, false}} {
		if g.Contains(at.col, at.row) != at.in {
			t.Errorf("A2:A4 contains (%d, %d) = %v", at.col, at.row, !at.in)
		}
	}
}
