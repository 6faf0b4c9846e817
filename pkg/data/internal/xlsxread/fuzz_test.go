package xlsxread

import (
	"errors"
	"strings"
	"testing"
)

// FuzzReadSheet feeds arbitrary worksheet and shared-string XML to the reader: it must end
// with rows or an error of its own kinds, never a panic, a hang or an untyped error.
func FuzzReadSheet(f *testing.F) {
	f.Add(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row>`, sst3)
	f.Add(`<row><c><f>1</f><v></v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c></row><row r="1"/>`, `<sst><si><r><t>a</t></r><rPh><t>b</t></rPh></si></sst>`)
	f.Add(`<x:row r="2"><x:c r="B2" s="2"><x:v>0.5</x:v></x:c></x:row><row r="1"><c r="A1" t="d"><v>2023-01-01</v></c></row>`, `<sst/>`)
	f.Add(`<row r="1"><c r="A1" t="str"><v><![CDATA[a<b]]>&#x41;&amp;_x000D_</v></c></row>`, `<sst><si><t>&#0;</t></si></sst>`)
	f.Fuzz(func(t *testing.T, rows, sst string) {
		wb, err := open(t, pkgParts(sheet(rows), part{"xl/sharedStrings.xml", sst}, part{"xl/styles.xml", styles}), testLimits)
		if err != nil {
			checkErr(t, err)
			return
		}
		last := 0
		err = wb.ReadSheet(0, true, func(n int, cells []Cell) bool {
			if n <= last || n > maxRow {
				t.Fatalf("row %d after row %d", n, last)
			}
			last = n
			for i, c := range cells {
				if c.Col < 0 || c.Col >= maxCol || (i > 0 && c.Col <= cells[i-1].Col) {
					t.Fatalf("row %d: cells out of order: %+v", n, cells)
				}
				if c.Style >= len(wb.NumFmts) && c.Style != 0 {
					t.Fatalf("style %d of %d", c.Style, len(wb.NumFmts))
				}
			}
			return true
		})
		checkErr(t, err)
	})
}

func checkErr(t *testing.T, err error) {
	t.Helper()
	var xe *Error
	var le *LimitError
	var ns *NotSpreadsheet
	if err != nil && !errors.As(err, &xe) && !errors.As(err, &le) && !errors.As(err, &ns) {
		t.Fatalf("error of an unexpected kind %T: %v", err, err)
	}
}

// FuzzOpenWorkbook feeds arbitrary package structure (the content types, the workbook's sheet
// list and its relationships) to Open, then reads every sheet it lists: whatever the lists
// say, the reader ends with sheets or an error of its own kinds, and reads no part as two
// sheets.
func FuzzOpenWorkbook(f *testing.F) {
	base := pkgParts(sheet(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`))
	f.Add(base[0].content, base[2].content, base[3].content)
	f.Add(base[0].content, `<workbook><sheets><sheet name="S" r:id="rId1"/><sheet name="T" r:id="rId1"/></sheets></workbook>`, base[3].content)
	f.Add(``, `<workbook><workbookPr date1904="1"/><sheets><sheet name="C" r:id="rId2"/></sheets></workbook>`, `<Relationships><Relationship Id="rId2" Type="x/chartsheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId3" Type="x/sharedStrings" Target="../xl/./worksheets/sheet1.xml"/></Relationships>`)
	f.Add(`<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`, base[2].content, `<Relationships><Relationship Id="rId1" Type="w" Target="worksheets/sheet1.xml" TargetMode="External"/></Relationships>`)
	f.Fuzz(func(t *testing.T, types, workbook, rels string) {
		parts := []part{{"[Content_Types].xml", types}, base[1], {"xl/workbook.xml", workbook}, {"xl/_rels/workbook.xml.rels", rels}, base[4], {"xl/sharedStrings.xml", sst3}, {"xl/styles.xml", styles}}
		wb, err := open(t, parts, testLimits)
		if err != nil {
			checkErr(t, err)
			return
		}
		seen := map[string]bool{}
		for i, s := range wb.Sheets {
			if seen[strings.ToLower(s.Part)] {
				t.Fatalf("part %s is two sheets", s.Part)
			}
			seen[strings.ToLower(s.Part)] = true
			checkErr(t, wb.ReadSheet(i, true, func(int, []Cell) bool { return true }))
		}
	})
}
