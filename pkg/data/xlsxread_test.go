package data

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/diag"
)

// zipParts writes a workbook from hand-written parts, in order, as archive/zip stores them.
func zipParts(t testing.TB, parts ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p[1])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// openpyxlStyle is a workbook as openpyxl and similar Python writers make it: inline strings,
// no shared strings, no styles part, no row or cell references, and a formula whose result was
// never calculated written with an empty <v>.
func openpyxlStyle(t testing.TB, sheetData string) []byte {
	return zipParts(t,
		[2]string{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		[2]string{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>`},
		[2]string{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Returns" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		[2]string{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`},
		[2]string{"xl/worksheets/sheet1.xml", `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheetData + `</sheetData></worksheet>`},
	)
}

func inline(s string) string { return `<c t="inlineStr"><is><t>` + s + `</t></is></c>` }

func TestXLSXOpenpyxlStyle(t *testing.T) {
	path := writeFile(t, "py.xlsx", openpyxlStyle(t,
		`<row>`+inline("code")+inline("period")+inline("value")+inline("note")+`</row>`+
			`<row>`+inline("CS01")+inline("2023/24 Q2")+`<c t="n"><v>82.5</v></c>`+inline("a &amp; b")+`</row>`+
			`<row>`+inline("CS02")+inline("2023-08")+`<c><f>SUM(D3:E3)</f><v></v></c></row>`+
			`<row>`+inline("CS02")+inline("2023-09")+`<c><f>SUM(D4:E4)</f><v>12</v></c></row>`+
			`<row>`+inline("CS04")+inline("2023/24 Q2")+`<c><v>118000</v></c><c><f>A5&amp;"!"</f><v></v></c></row>`))
	ds, probs := Read([]string{path}, april)
	dir := filepath.Dir(path)
	assertMessages(t, messages(probs, dir), []string{
		`py.xlsx:Returns!C3: column "value": cell holds a formula with no saved result; open the workbook in Excel and save it, or type the value`,
		`py.xlsx:Returns!D5: column "note": cell holds a formula with no saved result; open the workbook in Excel and save it, or type the text`,
	})
	// The uncalculated formula in D5 is in the note column: a note must not be read as blank
	// when it was never worked out, so it is reported too, as a code would be.
	assertObservations(t, lines(ds, dir), []obsLine{
		{"CS01", quarter(2023, 2), 82.5, false, "a & b", "py.xlsx:Returns!C2"},
		{"CS02", month(2023, 9), 12, false, "", "py.xlsx:Returns!C4"},
	})
}

// LibreOffice's own output (see testdata/xlsx/README.md): the csv and the flat ODS files
// beside the workbooks say what each cell holds.
func TestXLSXWrittenByLibreOffice(t *testing.T) {
	ds, probs := Read([]string{"testdata/xlsx/libreoffice-longtable.xlsx", "testdata/xlsx/libreoffice-typed.xlsx"}, april)
	assertMessages(t, messages(probs, "testdata/xlsx"), []string{
		`warning: libreoffice-typed.xlsx: sheet "Notes": skipped: no table with code, period and value headers; row 1 has Made with LibreOffice`,
	})
	assertObservations(t, lines(ds, "testdata/xlsx"), []obsLine{
		{"CS01", quarter(2023, 2), 85, false, "Ysgol Gymraeg – ŵ", "libreoffice-longtable.xlsx:'libreoffice-longtable'!C2"},
		{"CS02", month(2023, 9), 1234, false, "", "libreoffice-longtable.xlsx:'libreoffice-longtable'!C3"},
		{"CS04", quarter(2023, 1), 1234.5, false, "checked & done", "libreoffice-longtable.xlsx:'libreoffice-longtable'!C4"},
		{"CS02", month(2026, 9), 0, true, "<none>", "libreoffice-longtable.xlsx:'libreoffice-longtable'!C5"},
		{"CS01", quarter(2023, 1), 0.5, false, "", "libreoffice-longtable.xlsx:'libreoffice-longtable'!C6"},
		{"CS01", quarter(2023, 2), 82.4, false, "", "libreoffice-typed.xlsx:'Q2 data'!C2"},
		{"CS02", month(2023, 8), 14, false, "", "libreoffice-typed.xlsx:'Q2 data'!C3"},
		{"CS02", month(2023, 7), 7, false, "", "libreoffice-typed.xlsx:'Q2 data'!C4"},
	})
}

// Rows stored out of order are read in row order: the header is the first row by number
// even when it is stored last.
func TestXLSXRowsOutOfOrder(t *testing.T) {
	path := writeFile(t, "order.xlsx", openpyxlStyle(t,
		`<row r="3">`+inline("CS02")+inline("2023-08")+`<c><v>2</v></c></row>`+
			`<row r="2"><c r="A2" t="inlineStr"><is><t>CS01</t></is></c><c r="C2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>2023/24 Q2</t></is></c></row>`+
			`<row r="1">`+inline("code")+inline("period")+inline("value")+`</row>`))
	ds, probs := Read([]string{path}, april)
	dir := filepath.Dir(path)
	assertMessages(t, messages(probs, dir), nil)
	assertObservations(t, lines(ds, dir), []obsLine{
		{"CS01", quarter(2023, 2), 1, false, "", "order.xlsx:Returns!C2"},
		{"CS02", month(2023, 8), 2, false, "", "order.xlsx:Returns!C3"},
	})
}

// A second sheet whose rows are out of order is read again without losing or doubling what
// the first sheet gave.
func TestXLSXRowsOutOfOrderKeepsOtherSheets(t *testing.T) {
	good := openpyxlStyle(t, `<row r="1">`+inline("code")+inline("period")+inline("value")+`</row><row r="2">`+inline("CS01")+inline("2023/24 Q1")+`<c><v>5</v></c></row><row r="4">`+inline("CS01")+inline("2023/24 Q3")+`<c><v>7</v></c></row><row r="3">`+inline("CS01")+inline("2023/24 Q2")+`<c><v>6</v></c></row>`)
	dir := t.TempDir()
	path, other := filepath.Join(dir, "two.xlsx"), filepath.Join(dir, "first.csv")
	writeAt(t, path, string(good))
	writeAt(t, other, "code,period,value\nCS04,2023/24 Q1,9\n")
	ds, probs := Read([]string{other, path}, april)
	assertMessages(t, messages(probs, dir), nil)
	var got []string
	for _, o := range lines(ds, dir) {
		got = append(got, o.Code+" "+o.Place)
	}
	if strings.Join(got, ",") != "CS04 first.csv:2,CS01 two.xlsx:Returns!C2,CS01 two.xlsx:Returns!C3,CS01 two.xlsx:Returns!C4" {
		t.Errorf("observations %v", got)
	}
}

func TestXLSXDamagedCellsNamed(t *testing.T) {
	cases := map[string]string{
		`<row r="1">` + inline("code") + inline("period") + inline("value") + `</row><row r="2"><c r="A2" t="s"><v>5</v></c></row>`: "bad.xlsx:Returns!A2: the workbook is damaged (the cell refers to shared string 5, but the workbook has 0 shared strings); open it in Excel and save it again",
		`<row r="1"><c r="A1" t="q"><v>1</v></c></row>`: `bad.xlsx:Returns!A1: the workbook is damaged (the cell's type t="q" is not one a spreadsheet writes (s, str, inlineStr, n, b, e or d)); open it in Excel and save it again`,
		`<row r="1"><c r="B1"><v>1,5</v></c></row>`:     `bad.xlsx:Returns!B1: the workbook is damaged (the cell is a number cell but holds "1,5", which is not a number); open it in Excel and save it again`,
		`<row r="1"><c r="A1" s="3"><v>1</v></c></row>`: `bad.xlsx:Returns!A1: the workbook is damaged (the cell's style 3 is not one of the workbook's 0 cell styles); open it in Excel and save it again`,
		`<row r="1">` + inline("code") + inline("period") + inline("value") + `</row><row r="2">` + inline("CS01") + inline("2023/24 Q1") + `<c r="C2"><v>1</v></c><c r="D2" t="inlineStr"><is><t>caf` + "\xe9" + `</t></is></c></row>`: `bad.xlsx:Returns!D2: the workbook is damaged (the cell's text is not valid UTF-8: byte 0xE9 after "caf"; a workbook's text is UTF-8, so this was written in another encoding); open it in Excel and save it again`,
		`<row r="1"><c r="A1"><v>1</v></c>`: `bad.xlsx: sheet "Returns": the workbook is damaged (the XML is not well-formed: the part ends inside <row>); open it in Excel and save it again`,
	}
	// A Word document saved with an .xlsx name.
	word := zipParts(t,
		[2]string{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		[2]string{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		[2]string{"word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`})
	path := writeFile(t, "report.xlsx", word)
	_, probs := Read([]string{path}, april)
	assertMessages(t, messages(probs, filepath.Dir(path)), []string{"report.xlsx: the file is a Word document, not a spreadsheet (its main part is application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml); save the data from Excel as an .xlsx workbook"})
	for sheetData, want := range cases {
		path := writeFile(t, "bad.xlsx", openpyxlStyle(t, sheetData))
		_, probs := Read([]string{path}, april)
		assertMessages(t, messages(probs, filepath.Dir(path)), []string{want})
	}
}

// Each limit stops reading with a message naming the file, the part or cell, the limit and
// the setting that raises it.
func TestXLSXLimits(t *testing.T) {
	big := openpyxlStyle(t, `<row>`+inline("code")+inline("period")+inline("value")+`</row>`+strings.Repeat(`<row>`+inline("CS01")+inline("2023/24 Q1")+`<c><v>5</v></c></row>`, 2000))
	wide := openpyxlStyle(t, `<row>`+inline("code")+inline("period")+inline("value")+`<c r="ZZ1"><v>1</v></c></row>`)
	// Each message ends with what exceeded says of the limit (its value and how to raise
	// it; tested with the limits themselves): the start says what went over it, and where.
	cases := []struct {
		name    string
		content []byte
		set     func(*Limits)
		want    string
		limit   string
	}{
		{"file", big, func(l *Limits) { l.FileSize = 1000 }, fmt.Sprintf("f.xlsx: the file is %d,%03d bytes, more than qpr reads", len(big)/1000, len(big)%1000), "file_size"},
		{"part", big, func(l *Limits) { l.XLSXPartSize = 64 << 10 }, `f.xlsx: sheet "Returns": the sheet's XML (xl/worksheets/sheet1.xml) unpacks to more than 64KB`, "xlsx_part_size"},
		{"total", big, func(l *Limits) { l.XLSXTotalSize = 100 << 10 }, `f.xlsx: sheet "Returns": the workbook's parts unpack to more than 100KB in all (reading xl/worksheets/sheet1.xml)`, "xlsx_total_size"},
		{"rows", big, func(l *Limits) { l.Rows = 1000 }, `f.xlsx: sheet "Returns": the sheet has more than 1,000 rows`, "rows"},
		{"cells", wide, func(l *Limits) { l.Cells = 500 }, `f.xlsx: sheet "Returns": the sheet has more than 500 cells`, "cells"},
		{"cells, sorting", openpyxlStyle(t, `<row r="2">`+inline("CS01")+inline("2023/24 Q1")+`<c><v>5</v></c></row><row r="1">`+inline("code")+inline("period")+inline("value")+`</row>`), func(l *Limits) { l.Cells = 50 }, `f.xlsx: sheet "Returns": the sheet's rows are stored out of order, so they are held in memory to be sorted, where each cell counts 10 times: it has more than 50 cells so counted`, "cells"},
		{"shared strings", readBytes(t, "testdata/xlsx/libreoffice-longtable.xlsx"), func(l *Limits) { l.Cells = 100 }, `f.xlsx: xl/sharedStrings.xml holds more than 10 shared strings (held in memory, each counts 10 cells)`, "cells"},
		{"shared strings' text", readBytes(t, "testdata/xlsx/libreoffice-longtable.xlsx"), func(l *Limits) { l.XLSXStringsSize = 64 }, `f.xlsx: the shared strings (xl/sharedStrings.xml) hold more than 64 bytes of text, all held in memory while the workbook is read`, "xlsx_strings_size"},
		{"entries", big, func(l *Limits) { l.XLSXEntries = 4 }, `f.xlsx: the workbook's zip archive lists more than 4 entries`, "xlsx_entries"},
		{"cell", openpyxlStyle(t, `<row>`+inline("code")+inline("period")+inline("value")+inline("note")+`</row><row>`+inline("CS01")+inline("2023/24 Q1")+`<c><v>5</v></c>`+inline(strings.Repeat("ŵ", 11))+`</row>`), func(l *Limits) { l.CellLength = 10 }, `f.xlsx:Returns!D2: the cell holds more characters than qpr reads`, "cell_length"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, "f.xlsx", c.content)
			lim := DefaultLimits()
			c.set(&lim)
			ds, probs := &Dataset{}, &diag.List{}
			readXLSX(path, april, lim, ds, probs)
			assertMessages(t, messages(probs, filepath.Dir(path)), []string{c.want + "; " + lim.exceeded(c.limit)})
		})
	}
}

// Zip bombs, written here with archive/zip: a worksheet and a shared string table that unpack
// to far more than they take stop at the part limit (lowered here so the test is quick: it is
// the same count whatever the limit), and reading writes no temporary file (excelize spilled
// big parts to the temporary directory).
func TestXLSXZipBombs(t *testing.T) {
	if testing.Short() {
		t.Skip("inflates 64 MB")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	const size = 80 << 20
	sheetBomb := bombPart(t, "xl/worksheets/sheet1.xml", `<worksheet><sheetData>`, "<row/>", size)
	sstBomb := bombPart(t, "xl/sharedStrings.xml", `<sst><si><t>`, "bomb", size)
	for name, content := range map[string][]byte{"sheet.xlsx": sheetBomb, "strings.xlsx": sstBomb} {
		t.Run(name, func(t *testing.T) {
			path := writeFile(t, name, content)
			lim := DefaultLimits()
			lim.XLSXPartSize, lim.Rows = 64<<20, 0
			ds, probs := &Dataset{}, &diag.List{}
			readXLSX(path, april, lim, ds, probs)
			got := messages(probs, filepath.Dir(path))
			if len(got) != 1 || !strings.Contains(got[0], "unpacks to more than 64MB; the xlsx_part_size limit is 64MB") {
				t.Errorf("messages %v", got)
			}
		})
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// bombPart is an openpyxl-style workbook whose part name is head followed by unit repeated
// to size bytes, never closed.
func bombPart(t *testing.T, name, head, unit string, size int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zr, err := zip.NewReader(bytes.NewReader(openpyxlStyle(t, "")), int64(len(openpyxlStyle(t, ""))))
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == name {
			continue
		}
		w, _ := zw.Create(f.Name)
		rc, _ := f.Open()
		io.Copy(w, rc)
		rc.Close()
	}
	w, _ := zw.Create(name)
	io.WriteString(w, head)
	chunk := []byte(strings.Repeat(unit, 64<<10/len(unit)))
	for n := 0; n < size; n += len(chunk) {
		w.Write(chunk)
	}
	zw.Close()
	if name != "xl/sharedStrings.xml" {
		return buf.Bytes()
	}
	// Name the shared strings in [Content_Types].xml, as writers that leave them out of the
	// workbook's relationships do.
	out := replaceZipEntry(t, buf.Bytes(), "[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`)
	return out
}

// A merged cell keeps its value in its first cell; the others are blank. A table whose code
// or period is merged down over several rows is therefore not filled down: the merged range is
// an error naming it, never silently given the value above.
func TestXLSXMergedCellsAreNotFilledDown(t *testing.T) {
	path := writeFile(t, "merged.xlsx", openpyxlStyle(t,
		`<row r="1">`+inline("code")+inline("period")+inline("value")+`</row>`+
			`<row r="2">`+inline("CS01")+inline("2023/24 Q1")+`<c><v>1</v></c></row>`+
			`<row r="3"><c r="A3"/>`+inline("2023/24 Q2")+`<c><v>2</v></c></row>`))
	// mergeCells follow sheetData in the part.
	b := readBytes(t, path)
	b = replaceZipEntry(t, b, "xl/worksheets/sheet1.xml", `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">`+inline("code")+inline("period")+inline("value")+`</row><row r="2">`+inline("CS01")+inline("2023/24 Q1")+`<c><v>1</v></c></row><row r="3"><c r="A3"/>`+inline("2023/24 Q2")+`<c><v>2</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells></worksheet>`)
	writeAt(t, path, string(b))
	ds, probs := Read([]string{path}, april)
	assertMessages(t, messages(probs, filepath.Dir(path)), []string{
		`merged.xlsx:Returns!A2: cells A2:A3 are merged, and a merged cell holds its content in its first cell (A2) only, so the rest read as blank; unmerge them (Home > Merge & Center) and fill in every row`,
	})
	if got := lines(ds, ""); len(got) != 1 {
		t.Errorf("observations %+v", got)
	}
}

func FuzzReadXLSX(f *testing.F) {
	f.Add(`<row>` + inline("code") + inline("period") + inline("value") + `</row><row>` + inline("CS01") + inline("2023/24 Q2") + `<c><v>85</v></c></row>`)
	f.Add(`<row r="2"><c r="B2"><f>1</f><v></v></c></row><row r="1"><c r="A1" t="b"><v>1</v></c></row>`)
	f.Add(`<row>` + inline("CODE") + inline("2023/24 Q1") + `<c t="d"><v>2023-07-31</v></c></row><row>` + inline("CS01") + `<c t="e"><v>#N/A</v></c><c><v>1e308</v></c></row>`)
	f.Add(`<row>` + inline("code") + inline("period") + inline("value") + `</row><row>` + inline("CS01") + inline("2023/24 Q2") + `<c><v>0x1p3</v></c></row><row>` + inline("CS01") + inline("2023/24 Q3") + `<c><v>1_000</v></c></row>`)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, sheetData string) {
		path := filepath.Join(dir, "fuzz.xlsx")
		if err := os.WriteFile(path, openpyxlStyle(t, sheetData), 0o644); err != nil {
			t.Fatal(err)
		}
		lim := DefaultLimits()
		lim.Rows, lim.Cells = 10_000, 100_000
		ds, probs := &Dataset{}, &diag.List{}
		readXLSX(path, april, lim, ds, probs)
		for _, p := range probs.Problems() {
			if p.Place.File != path || p.Message == "" || strings.Contains(p.Message, "reader failed") {
				t.Fatalf("problem %+v", p)
			}
		}
		for _, o := range lines(ds, dir) {
			if !strings.HasPrefix(o.Place, "fuzz.xlsx:Returns!") {
				t.Fatalf("observation without its cell: %+v", o)
			}
		}
		Match(ds, testCatalogue())
	})
}

// A workbook in the 1904 date system (old Mac Excel) counts its date serials from 1 January
// 1904: serial 43737 is 30 September 2023 there, and 29 September 2019 in the 1900 system.
func TestXLSXDate1904(t *testing.T) {
	for _, c := range []struct {
		date1904 string
		want     obsLine
	}{
		{`<workbookPr date1904="1"/>`, obsLine{"CS02", month(2023, 9), 5, false, "", "d.xlsx:Returns!C2"}},
		{``, obsLine{"CS02", month(2019, 9), 5, false, "", "d.xlsx:Returns!C2"}},
	} {
		b := openpyxlStyle(t, `<row>`+inline("code")+inline("period")+inline("value")+`</row><row>`+inline("CS02")+`<c s="1"><v>43737</v></c><c><v>5</v></c></row>`)
		b = replaceZipEntry(t, b, "xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`+c.date1904+`<sheets><sheet name="Returns" sheetId="1" r:id="rId1"/></sheets></workbook>`)
		b = replaceZipEntry(t, b, "xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`)
		b = addZipEntry(t, b, "xl/styles.xml", `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`)
		path := writeFile(t, "d.xlsx", b)
		ds, probs := Read([]string{path}, april)
		dir := filepath.Dir(path)
		assertMessages(t, messages(probs, dir), nil)
		assertObservations(t, lines(ds, dir), []obsLine{c.want})
	}
}

// addZipEntry copies a zip archive with one more entry.
func addZipEntry(t testing.TB, archive []byte, name, content string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	w, _ := zw.Create(name)
	io.WriteString(w, content)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// Once a workbook's parts have unpacked to more than xlsx_total_size in all, every later sheet
// would meet the limit again: reading stops there with one message, where a workbook of many
// sheets gave one for each.
func TestXLSXTotalLimitStopsTheWorkbook(t *testing.T) {
	const sheets = 4
	wb := `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`
	rels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
	parts := [][2]string{
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
	}
	for i := 1; i <= sheets; i++ {
		wb += fmt.Sprintf(`<sheet name="S%d" sheetId="%[1]d" r:id="rId%[1]d"/>`, i)
		rels += fmt.Sprintf(`<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%[1]d.xml"/>`, i)
		parts = append(parts, [2]string{fmt.Sprintf("xl/worksheets/sheet%d.xml", i), `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">` + inline("code") + inline("period") + inline("value") + `</row>` + strings.Repeat(" ", 100<<10) + `</sheetData></worksheet>`})
	}
	parts = append(parts, [2]string{"xl/workbook.xml", wb + `</sheets></workbook>`}, [2]string{"xl/_rels/workbook.xml.rels", rels + `</Relationships>`})
	path := writeFile(t, "f.xlsx", zipParts(t, parts...))
	lim := DefaultLimits()
	lim.XLSXTotalSize = 150 << 10
	ds, probs := &Dataset{}, &diag.List{}
	readXLSX(path, april, lim, ds, probs)
	assertMessages(t, messages(probs, filepath.Dir(path)), []string{`f.xlsx: sheet "S2": the workbook's parts unpack to more than 150KB in all (reading xl/worksheets/sheet2.xml); ` + lim.exceeded("xlsx_total_size")})
}

// A sheet hidden in Excel (an old quarter's copy, a working sheet) is read like any other, but
// its values would reach the report without anyone who opens the file seeing them: a warning
// names it. A hidden sheet that gives no values is only skipped, as any sheet.
func TestXLSXHiddenSheetIsNamed(t *testing.T) {
	rows := `<row>` + inline("code") + inline("period") + inline("value") + `</row><row>` + inline("CS01") + inline("2023/24 Q1") + `<c><v>80</v></c></row><row>` + inline("CS02") + inline("2023/24 Q1") + `<c><v>70</v></c></row>`
	notes := `<row>` + inline("Notes") + `</row>`
	sheetXML := func(data string) string {
		return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + data + `</sheetData></worksheet>`
	}
	const rel = `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet%[1]d.xml"/>`
	path := writeFile(t, "h.xlsx", zipParts(t,
		[2]string{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>`},
		[2]string{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Q2" sheetId="1" r:id="rId1"/><sheet name="Old Q1" sheetId="2" r:id="rId2" state="hidden"/><sheet name="Lookups" sheetId="3" r:id="rId3" state="veryHidden"/></sheets></workbook>`},
		[2]string{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + fmt.Sprintf(rel, 1) + fmt.Sprintf(rel, 2) + fmt.Sprintf(rel, 3) + `</Relationships>`},
		[2]string{"xl/worksheets/sheet1.xml", sheetXML(`<row>` + inline("code") + inline("period") + inline("value") + `</row><row>` + inline("CS01") + inline("2023/24 Q2") + `<c><v>85</v></c></row>`)},
		[2]string{"xl/worksheets/sheet2.xml", sheetXML(rows)},
		[2]string{"xl/worksheets/sheet3.xml", sheetXML(notes)},
	))
	ds, probs := Read([]string{path}, april)
	assertMessages(t, messages(probs, filepath.Dir(path)), []string{
		`warning: h.xlsx: sheet "Old Q1": the sheet is hidden in Excel, and its 2 values were read; unhide it to check them, or delete the sheet if it is not data`,
		`warning: h.xlsx: sheet "Lookups": skipped: no table with code, period and value headers; row 1 has Notes`,
	})
	if ds.Len() != 3 {
		t.Errorf("%d values read, want 3", ds.Len())
	}
}
