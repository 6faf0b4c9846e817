package xlsxread

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// part is one zip entry of a hand-written workbook.
type part struct{ name, content string }

// pkgParts are the parts every hand-written workbook here has: one worksheet, whose XML the
// test gives, with the workbook at its usual place.
func pkgParts(sheetXML string, extra ...part) []part {
	parts := []part{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`},
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheetXML},
	}
	return append(parts, extra...)
}

const sst3 = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>code</t></si><si><t xml:space="preserve"> period </t></si><si><r><rPr><b/></rPr><t>val</t></r><r><t>ue</t></r><rPh sb="0" eb="1"><t>バリュー</t></rPh><phoneticPr fontId="1"/></si></sst>`

const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="&quot;Q&quot;0"/></numFmts>` +
	`<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="9" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>` +
	`<dxfs count="1"><dxf><numFmt numFmtId="166" formatCode="0%"/></dxf></dxfs></styleSheet>`

func zipBytes(t testing.TB, parts []part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.content)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var testLimits = Limits{PartBytes: 1 << 20, WorkbookBytes: 4 << 20, Entries: 50, Rows: 1000, Cells: 10000, CellBytes: 4096}

func open(t testing.TB, parts []part, lim Limits) (*Workbook, error) {
	t.Helper()
	b := zipBytes(t, parts)
	return Open(bytes.NewReader(b), int64(len(b)), lim)
}

// row is a read row in a form that prints and compares well.
type row struct {
	n     int
	cells string
}

func show(c Cell) string {
	kinds := map[CellType]string{Number: "n", Text: "s", Bool: "b", ErrorValue: "e", ISODate: "d", NoResult: "f"}
	s := fmt.Sprintf("%s:%s:%q", ColumnName(c.Col), kinds[c.Type], c.Text)
	if c.Style != 0 {
		s += fmt.Sprintf(":s%d", c.Style)
	}
	return s
}

// readAll reads the first sheet, sorted if its rows are out of order.
func readAll(t testing.TB, wb *Workbook) ([]row, error) {
	t.Helper()
	var rows []row
	collect := func(n int, cells []Cell) bool {
		var parts []string
		for _, c := range cells {
			parts = append(parts, show(c))
		}
		rows = append(rows, row{n, strings.Join(parts, " ")})
		return true
	}
	err := wb.ReadSheet(0, false, collect)
	if errors.Is(err, ErrRowsOutOfOrder) {
		rows = nil
		err = wb.ReadSheet(0, true, collect)
	}
	return rows, err
}

func sheet(rows string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/><sheetData>` + rows + `</sheetData><mergeCells count="1"><mergeCell ref="D1:E1"/></mergeCells></worksheet>`
}

func TestReadCells(t *testing.T) {
	cases := []struct {
		name, rows string
		want       []row
	}{
		{"every cell type",
			`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v> 1 </v></c><c r="C1" t="s"><v>2</v></c></row>` +
				`<row r="2"><c r="A2" t="inlineStr"><is><r><t>in</t></r><r><rPr/><t xml:space="preserve">line </t></r><rPh><t>x</t></rPh></is></c><c r="B2" t="str"><f>A1&amp;""</f><v>code</v></c><c r="C2"><v>1.5E-3</v></c><c r="D2" t="n" s="1"><v>0.57</v></c></row>` +
				`<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D3" t="d"><v>2023-09-30T00:00:00Z</v></c></row>`,
			[]row{
				{1, `A:s:"code" B:s:" period " C:s:"value"`},
				{2, `A:s:"inline " B:s:"code" C:n:"1.5E-3" D:n:"0.57":s1`},
				{3, `A:b:"TRUE" B:b:"FALSE" C:e:"#DIV/0!" D:d:"2023-09-30T00:00:00Z"`},
			}},
		{"formulas without a saved result",
			`<row r="1"><c r="A1"><f>SUM(B1:C1)</f></c><c r="B1"><f>1+1</f><v></v></c><c r="C1" t="str"><f>""</f><v></v></c><c r="D1" t="b"><f>TRUE</f><v/></c><c r="E1" s="2"><f t="shared" si="0"/><v>0.25</v></c></row>`,
			[]row{{1, `A:f:"" B:f:"" D:f:"" E:n:"0.25":s2`}}},
		{"blank cells are left out",
			`<row r="1" spans="1:5"><c r="A1" s="1"/><c r="B1"><v></v></c><c r="C1" t="s"></c><c r="D1" t="inlineStr"><is><t></t></is></c></row><row r="2"><c r="B2"><v>7</v></c></row>`,
			[]row{{2, `B:n:"7"`}}},
		{"entities, character references, CDATA, comments and line ends",
			`<row r="1"><c r="A1" t="inlineStr"><is><t>&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#163;&#x20AC; <![CDATA[<d> & e]]> f<!-- g -->h` + "\r\nx\ry" + `</t></is></c><c r="B1"><v><!-- 1 -->42<?pi x?></v></c></row>`,
			[]row{{1, `A:s:"<a> & \"b\" 'c' £€ <d> & e fh\nx\ny" B:n:"42"`}}},
		{"_xHHHH_ escapes in strings",
			`<row r="1"><c r="A1" t="inlineStr"><is><t>a_x000D_b_x005F_x000D_c_xD83D__xDE00__xZZZZ_</t></is></c><c r="B1" t="str"><v>_x000D_</v></c></row>`,
			[]row{{1, `A:s:"a\rb_x000D_c😀_xZZZZ_" B:s:"_x000D_"`}}},
		{"namespace prefixes",
			`<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r='B1' x:t="inlineStr"><x:is><x:t>p</x:t></x:is></x:c></x:row>`,
			[]row{{1, `A:s:"code" B:s:"p"`}}},
		{"cells and rows without references",
			`<row><c t="s"><v>0</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row/><row><c><v>3</v></c></row><row r="7"><c><v>7</v></c></row><row><c r="B8"><v>8</v></c></row>`,
			[]row{{1, `A:s:"code" B:n:"2" E:n:"5" F:n:"6"`}, {3, `A:n:"3"`}, {7, `A:n:"7"`}, {8, `B:n:"8"`}}},
		{"cells out of order within a row",
			`<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>`,
			[]row{{1, `A:n:"1" B:n:"2" C:n:"3"`}}},
		{"rows out of order",
			`<row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>`,
			[]row{{1, `A:s:"code"`}, {2, `A:n:"2"`}, {3, `A:n:"3"`}}},
		{"unknown elements skipped",
			`<row r="1"><extLst><ext><c r="Z9"><v>9</v></c></ext></extLst><c r="A1"><v>1</v><extLst><ext><v>2</v></ext></extLst></c></row>`,
			[]row{{1, `A:n:"1"`}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wb, err := open(t, pkgParts(sheet(c.rows), part{"xl/sharedStrings.xml", sst3}, part{"xl/styles.xml", styles}), testLimits)
			if err != nil {
				t.Fatal(err)
			}
			got, err := readAll(t, wb)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("\n got %v\nwant %v", got, c.want)
			}
		})
	}
}

func TestStylesAndWorkbook(t *testing.T) {
	wb, err := open(t, pkgParts(sheet(""), part{"xl/styles.xml", styles}), testLimits)
	if err != nil {
		t.Fatal(err)
	}
	want := []NumFmt{{0, ""}, {9, ""}, {164, "0.0%"}, {165, `"Q"0`}}
	if fmt.Sprint(wb.NumFmts) != fmt.Sprint(want) {
		t.Errorf("NumFmts = %v, want %v (cellXfs only; numFmt of dxfs ignored)", wb.NumFmts, want)
	}
	if wb.Date1904 {
		t.Error("Date1904 set without workbookPr")
	}
	if len(wb.Sheets) != 1 || wb.Sheets[0] != (Sheet{Name: "Data", Part: "xl/worksheets/sheet1.xml", Kind: Worksheet}) {
		t.Errorf("Sheets = %+v", wb.Sheets)
	}
}

// A workbook laid out differently: the workbook part elsewhere (found from the package
// relationships), absolute and ../ targets, a prefixed workbook, 1904 dates, a chart sheet,
// part names in another case, and no content types, shared strings or styles.
func TestWorkbookLayout(t *testing.T) {
	parts := []part{
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/book/main.xml"/></Relationships>`},
		{"book/main.xml", `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="true"/><x:sheets><x:sheet name="Q2 &amp; Q3" sheetId="7" rel:id="s1"/><x:sheet name="Chart" sheetId="8" rel:id="s2"/><x:sheet name="Two" sheetId="9" rel:id="s3" state="veryHidden"/></x:sheets></x:workbook>`},
		{"book/_rels/main.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/Sheets/One.xml"/><Relationship Id="s2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="charts/c.xml"/><Relationship Id="s3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="../sheets/two.xml"/><Relationship Id="h" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.com/" TargetMode="External"/></Relationships>`},
		{"sheets/one.xml", sheet(`<row r="2"><c r="B2" t="inlineStr"><is><t>one</t></is></c></row>`)},
		{"SHEETS/TWO.XML", sheet(`<row r="1"><c r="A1"><v>2</v></c></row>`)},
	}
	wb, err := open(t, parts, testLimits)
	if err != nil {
		t.Fatal(err)
	}
	if !wb.Date1904 {
		t.Error("date1904 not read")
	}
	want := []Sheet{{"Q2 & Q3", "Sheets/One.xml", Worksheet, false}, {"Chart", "book/charts/c.xml", Chartsheet, false}, {"Two", "sheets/two.xml", Worksheet, true}}
	if fmt.Sprint(wb.Sheets) != fmt.Sprint(want) {
		t.Fatalf("Sheets = %v, want %v", wb.Sheets, want)
	}
	rows, err := readAll(t, wb)
	if err != nil || fmt.Sprint(rows) != fmt.Sprint([]row{{2, `B:s:"one"`}}) {
		t.Errorf("sheet 1: %v, %v", rows, err)
	}
	var got []string
	err = wb.ReadSheet(2, false, func(n int, cells []Cell) bool { got = append(got, show(cells[0])); return true })
	if err != nil || fmt.Sprint(got) != `[A:n:"2"]` {
		t.Errorf("sheet 3: %v, %v", got, err)
	}
}

// Each damaged sheet is an error naming the part and, where it is one cell's, the cell.
func TestDamagedSheets(t *testing.T) {
	cases := []struct{ name, rows, want string }{
		{"shared string out of range", `<row r="1"><c r="A1" t="s"><v>3</v></c></row>`, "xl/worksheets/sheet1.xml A1: the cell refers to shared string 3, but the workbook has 3 shared strings"},
		{"shared string not a number", `<row r="1"><c r="B1" t="s"><v>x</v></c></row>`, `xl/worksheets/sheet1.xml B1: the shared string number "x" is not a number`},
		{"number not a number", `<row r="1"><c r="A1"><v>12abc</v></c></row>`, `xl/worksheets/sheet1.xml A1: the cell is a number cell but holds "12abc", which is not a number`},
		{"hexadecimal float", `<row r="1"><c r="A1"><v>0x1p3</v></c></row>`, `xl/worksheets/sheet1.xml A1: the cell is a number cell but holds "0x1p3", which is not a number`},
		{"digits grouped with _", `<row r="1"><c r="A1"><v>1_000</v></c></row>`, `xl/worksheets/sheet1.xml A1: the cell is a number cell but holds "1_000", which is not a number`},
		{"unknown type", `<row r="1"><c r="A1" t="z"><v>1</v></c></row>`, `xl/worksheets/sheet1.xml A1: the cell's type t="z" is not one a spreadsheet writes (s, str, inlineStr, n, b, e or d)`},
		{"bad boolean", `<row r="1"><c r="A1" t="b"><v>yes</v></c></row>`, `xl/worksheets/sheet1.xml A1: the cell is a TRUE/FALSE cell but holds "yes"`},
		{"style out of range", `<row r="1"><c r="A1" s="4"><v>1</v></c></row>`, "xl/worksheets/sheet1.xml A1: the cell's style 4 is not one of the workbook's 4 cell styles"},
		{"cell in the wrong row", `<row r="2"><c r="A3"><v>1</v></c></row>`, "xl/worksheets/sheet1.xml A3: the cell is stored in row 2"},
		{"bad reference", `<row r="1"><c r="1A"><v>1</v></c></row>`, `xl/worksheets/sheet1.xml A1: the cell reference "1A" is not a cell of a worksheet (A1 to XFD1048576)`},
		{"beyond the last column", `<row r="1"><c r="XFE1"><v>1</v></c></row>`, `xl/worksheets/sheet1.xml A1: the cell reference "XFE1" is not a cell of a worksheet (A1 to XFD1048576)`},
		{"bad row number", `<row r="0"><c><v>1</v></c></row>`, `xl/worksheets/sheet1.xml: row number "0" is not a row of a worksheet (1 to 1048576)`},
		{"cell stored twice", `<row r="1"><c r="B1"><v>1</v></c><c r="B1"><v>2</v></c></row>`, "xl/worksheets/sheet1.xml B1: the cell is stored twice"},
		{"row stored twice", `<row r="2"><c><v>1</v></c></row><row r="1"><c><v>1</v></c></row><row r="2"><c><v>1</v></c></row>`, "xl/worksheets/sheet1.xml row 2: the row is stored twice"},
		{"a cell stored over and over", `<row r="1">` + strings.Repeat(`<c r="A1"><v>1</v></c>`, maxCol+1) + `</row>`, "xl/worksheets/sheet1.xml row 1: the row holds more cells than a worksheet has columns (16384)"},
		{"two values", `<row r="1"><c r="A1"><v>1</v><v>2</v></c></row>`, "xl/worksheets/sheet1.xml A1: the cell has two values"},
		{"unknown entity", `<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>`, "xl/worksheets/sheet1.xml A1: the XML is not well-formed: unknown entity &nbsp;"},
		{"bare ampersand", `<row r="1"><c r="A1" t="str"><v>a & b</v></c></row>`, "xl/worksheets/sheet1.xml A1: the XML is not well-formed: an & is not the start of an entity such as &amp;"},
		{"cut short", `<row r="1"><c r="A1"><v>1</v></c>`, "xl/worksheets/sheet1.xml: the XML is not well-formed: the part ends inside <row>"},
		{"cut inside a tag", `<row r="1"><c r="A1`, "xl/worksheets/sheet1.xml: the XML is not well-formed: the part ends inside a tag"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			xml := sheet(c.rows)
			if strings.HasPrefix(c.name, "cut") {
				xml = `<worksheet><sheetData>` + c.rows
			}
			wb, err := open(t, pkgParts(xml, part{"xl/sharedStrings.xml", sst3}, part{"xl/styles.xml", styles}), testLimits)
			if err != nil {
				t.Fatal(err)
			}
			_, err = readAll(t, wb)
			var xe *Error
			if !errors.As(err, &xe) || err.Error() != c.want {
				t.Errorf("error %v (%T)\nwant %s", err, err, c.want)
			}
		})
	}
}

func TestDamagedWorkbooks(t *testing.T) {
	base := pkgParts(sheet(""))
	with := func(name, content string) []part {
		var out []part
		for _, p := range base {
			if p.name == name {
				p.content = content
			}
			out = append(out, p)
		}
		return out
	}
	cases := []struct {
		name  string
		parts []part
		want  string
	}{
		{"doctype", with("xl/workbook.xml", `<!DOCTYPE lol [<!ENTITY a "aaaa">]><workbook><sheets><sheet name="&a;" r:id="rId1"/></sheets></workbook>`), "xl/workbook.xml: the XML is not well-formed: the part has a document type declaration (<!DOCTYPE>), which a workbook may not have"},
		{"missing sheet part", with("xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/nowhere.xml"/></Relationships>`), ""},
		{"unknown relationship", with("xl/workbook.xml", `<workbook><sheets><sheet name="S" r:id="rId9"/></sheets></workbook>`), `xl/workbook.xml: sheet "S" refers to relationship "rId9", which the workbook's relationships do not have`},
		{"two sheets one name", with("xl/workbook.xml", `<workbook><sheets><sheet name="S" r:id="rId1"/><sheet name="s" r:id="rId1"/></sheets></workbook>`), `xl/workbook.xml: the XML is not well-formed: two sheets are called "s"`},
		{"no workbook", []part{{"_rels/.rels", `<Relationships/>`}}, "xl/workbook.xml: the workbook part is missing, so this is not a spreadsheet"},
		{"a Word document", []part{
			{"[Content_Types].xml", `<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
			{"_rels/.rels", `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
			{"word/document.xml", `<w:document/>`},
		}, "the file is a Word document, not a spreadsheet (its main part is application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml)"},
		// LibreOffice's own format, as Google Sheets and others also export it, named .xlsx.
		{"an OpenDocument spreadsheet", []part{{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", `<office:document-content/>`}, {"META-INF/manifest.xml", `<manifest/>`}}, "the file is an OpenDocument spreadsheet (.ods), not an xlsx workbook"},
		{"two entries one name", append(pkgParts(sheet("")), part{"XL/workbook.xml", "<workbook/>"}), "XL/workbook.xml: the archive holds two entries with this name, so which one Excel reads is unclear"},
		// A small file naming one part for thousands of sheets took minutes to read, each a
		// read of the part again; naming missing parts, one error for every sheet.
		{"two sheets one part", with("xl/workbook.xml", `<workbook><sheets><sheet name="S" r:id="rId1"/><sheet name="T" r:id="rId1"/></sheets></workbook>`), `xl/workbook.xml: sheets "S" and "T" are both the part xl/worksheets/sheet1.xml; each sheet has a part of its own`},
		{"more sheets than entries", with("xl/workbook.xml", `<workbook><sheets>`+repeatf(6, `<sheet name="S%d" r:id="rId%[1]d"/>`)+`</sheets></workbook>`), "xl/workbook.xml: it lists more sheets than the archive has entries, so the parts of some are missing"},
		// The lists of the small parts are held in memory: at most twice the 5 entries and 64.
		{"more relationships than entries", with("xl/_rels/workbook.xml.rels", `<Relationships>`+repeatf(75, `<Relationship Id="rId%d" Type="t" Target="x%[1]d.xml"/>`)+`</Relationships>`), "xl/_rels/workbook.xml.rels: it lists more relationships to parts than the archive has entries"},
		{"more content types than entries", with("[Content_Types].xml", `<Types>`+repeatf(75, `<Override PartName="/x%d.xml" ContentType="t"/>`)+`</Types>`), "[Content_Types].xml: it lists more parts than the archive has entries"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wb, err := open(t, c.parts, testLimits)
			if c.want == "" { // opens, but the sheet cannot be read
				if err != nil {
					t.Fatal(err)
				}
				_, err = readAll(t, wb)
				c.want = "xl/worksheets/nowhere.xml: the workbook names this part but the archive has no such entry"
			}
			if err == nil || err.Error() != c.want {
				t.Errorf("error %v\nwant %s", err, c.want)
			}
		})
	}
}

// bomb is n bytes of XML made of a repeated unit, compressed as deflate does best.
func bomb(head, unit, tail string, n int) string {
	return head + strings.Repeat(unit, n/len(unit)) + tail
}

func wantLimit(t *testing.T, err error, limit Limit, part string) {
	t.Helper()
	var le *LimitError
	if !errors.As(err, &le) || le.Limit != limit || le.Part != part {
		t.Fatalf("error %v (%T), want limit %d in %s", err, err, limit, part)
	}
}

func TestLimits(t *testing.T) {
	t.Run("sheet bomb", func(t *testing.T) {
		xml := bomb(`<worksheet><sheetData>`, `<row/>`, `</sheetData></worksheet>`, 8<<20)
		lim := testLimits
		lim.Rows = 0
		wb, err := open(t, pkgParts(xml), lim)
		if err != nil {
			t.Fatal(err)
		}
		_, err = readAll(t, wb)
		wantLimit(t, err, LimitPartBytes, "xl/worksheets/sheet1.xml")
	})
	t.Run("shared strings bomb", func(t *testing.T) {
		sst := bomb(`<sst><si><t>`, "aaaaaaaa", `</t></si></sst>`, 8<<20)
		lim := testLimits
		lim.CellBytes = 0
		_, err := open(t, pkgParts(sheet(""), part{"xl/sharedStrings.xml", sst}), lim)
		wantLimit(t, err, LimitPartBytes, "xl/sharedStrings.xml")
	})
	t.Run("workbook total", func(t *testing.T) {
		lim := testLimits
		lim.PartBytes, lim.WorkbookBytes = 1<<20, 1<<20+1000
		sst := bomb(`<sst>`, `<si><t>`+strings.Repeat("a", 4000)+`</t></si>`, `</sst>`, 1<<20-100)
		_, err := open(t, pkgParts(sheet(""), part{"xl/sharedStrings.xml", sst}, part{"xl/styles.xml", bomb("<styleSheet>", "<x/>", "</styleSheet>", 4000)}), lim)
		wantLimit(t, err, LimitWorkbookBytes, "xl/sharedStrings.xml")
	})
	t.Run("long text", func(t *testing.T) {
		wb, err := open(t, pkgParts(sheet(`<row r="1"><c r="C1" t="inlineStr"><is><t>`+strings.Repeat("é", 2049)+`</t></is></c></row>`)), testLimits)
		if err != nil {
			t.Fatal(err)
		}
		_, err = readAll(t, wb)
		wantLimit(t, err, LimitCellBytes, "xl/worksheets/sheet1.xml")
		if le := err.(*LimitError); le.At.String() != "C1" {
			t.Errorf("cell %q, want C1", le.At)
		}
	})
	t.Run("long shared string", func(t *testing.T) {
		_, err := open(t, pkgParts(sheet(""), part{"xl/sharedStrings.xml", `<sst><si><t>a</t></si><si><t><![CDATA[` + strings.Repeat("x", 5000) + `]]></t></si></sst>`}), testLimits)
		wantLimit(t, err, LimitCellBytes, "xl/sharedStrings.xml")
		if le := err.(*LimitError); le.Item != "shared string 1" {
			t.Errorf("item %q, want shared string 1", le.Item)
		}
	})
	t.Run("shared strings' text", func(t *testing.T) {
		lim := testLimits
		lim.StringsBytes = 100 << 10
		sst := bomb(`<sst>`, `<si><t>`+strings.Repeat("a", 4000)+`</t></si>`, `</sst>`, 200<<10)
		_, err := open(t, pkgParts(sheet(""), part{"xl/sharedStrings.xml", sst}), lim)
		wantLimit(t, err, LimitStringsBytes, "xl/sharedStrings.xml")
	})
	t.Run("shared strings of nothing", func(t *testing.T) {
		sst := bomb(`<sst>`, `<si/>`, `</sst>`, 200<<10)
		_, err := open(t, pkgParts(sheet(""), part{"xl/sharedStrings.xml", sst}), testLimits)
		wantLimit(t, err, LimitCells, "xl/sharedStrings.xml")
	})
	t.Run("huge attribute", func(t *testing.T) {
		wb, err := open(t, pkgParts(`<worksheet><sheetData><row r="1" x="`+strings.Repeat("a", 200<<10)+`"></row></sheetData></worksheet>`), testLimits)
		if err != nil {
			t.Fatal(err)
		}
		_, err = readAll(t, wb)
		wantLimit(t, err, LimitCellBytes, "xl/worksheets/sheet1.xml")
	})
	t.Run("rows", func(t *testing.T) {
		wb, _ := open(t, pkgParts(sheet(strings.Repeat(`<row><c><v>1</v></c></row>`, 1001))), testLimits)
		_, err := readAll(t, wb)
		wantLimit(t, err, LimitRows, "xl/worksheets/sheet1.xml")
	})
	t.Run("cells, a row counting as wide as its last cell", func(t *testing.T) {
		rows := `<row><c r="A1"><v>1</v></c><c r="ZZ1"><v>1</v></c></row>` // 702 cells wide
		for r := 2; r <= 15; r++ {
			rows += fmt.Sprintf(`<row><c r="ZZ%d"><v>1</v></c></row>`, r)
		}
		wb, _ := open(t, pkgParts(sheet(rows)), testLimits)
		_, err := readAll(t, wb)
		wantLimit(t, err, LimitCells, "xl/worksheets/sheet1.xml")
	})
	t.Run("entries", func(t *testing.T) {
		parts := pkgParts(sheet(""))
		for i := 0; i < 50; i++ {
			parts = append(parts, part{fmt.Sprintf("xl/media/image%d.png", i), "x"})
		}
		_, err := open(t, parts, testLimits)
		wantLimit(t, err, LimitEntries, "")
	})
	t.Run("entries beyond the declared count", func(t *testing.T) {
		parts := pkgParts(sheet(""))
		for i := 0; i < 50; i++ {
			parts = append(parts, part{fmt.Sprintf("xl/media/image%d.png", i), "x"})
		}
		b := zipBytes(t, parts)
		// Declare 5 entries where there are 55: archive/zip reads every header regardless.
		eocd := bytes.LastIndex(b, []byte("PK\x05\x06"))
		b[eocd+8], b[eocd+9], b[eocd+10], b[eocd+11] = 5, 0, 5, 0
		_, err := Open(bytes.NewReader(b), int64(len(b)), testLimits)
		wantLimit(t, err, LimitEntries, "")
	})
	t.Run("declared size over the part limit", func(t *testing.T) {
		b := rawZip(t, "xl/worksheets/sheet1.xml", sheet(""), 1<<40)
		_, err := Open(bytes.NewReader(b), int64(len(b)), testLimits)
		if err != nil {
			t.Fatal(err) // the sheet is not read until asked for
		}
		wb, _ := Open(bytes.NewReader(b), int64(len(b)), testLimits)
		_, err = readAll(t, wb)
		wantLimit(t, err, LimitPartBytes, "xl/worksheets/sheet1.xml")
	})
}

// A zip header that understates a part's size must not let it inflate past what it declares:
// the archive is damaged, and reading stops there.
func TestLyingZipHeader(t *testing.T) {
	xml := bomb(`<worksheet><sheetData>`, `<row/>`, `</sheetData></worksheet>`, 4<<20)
	b := rawZip(t, "xl/worksheets/sheet1.xml", xml, 100)
	lim := testLimits
	lim.PartBytes, lim.Rows = 64<<20, 0
	wb, err := Open(bytes.NewReader(b), int64(len(b)), lim)
	if err != nil {
		t.Fatal(err)
	}
	_, err = readAll(t, wb)
	var xe *Error
	if !errors.As(err, &xe) || !strings.Contains(xe.Msg, "damaged") {
		t.Fatalf("error %v, want the part reported damaged", err)
	}
}

// rawZip is a workbook whose entry name holds content under a zip header that declares size
// as its uncompressed size.
func rawZip(t *testing.T, name, content string, size uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range pkgParts("") {
		if p.name == name {
			var comp bytes.Buffer
			fw, _ := flate.NewWriter(&comp, flate.BestCompression)
			io.WriteString(fw, content)
			fw.Close()
			w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CompressedSize64: uint64(comp.Len()), UncompressedSize64: size, CRC32: 0})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(comp.Bytes())
			continue
		}
		w, _ := zw.Create(p.name)
		io.WriteString(w, p.content)
	}
	zw.Close()
	return buf.Bytes()
}

// Deep nesting, long runs of markup and text with nothing to read must cost time in
// proportion to their bytes, and no memory to speak of.
func TestHostileShapesEndQuickly(t *testing.T) {
	deep := strings.Repeat("<a>", 200000) + strings.Repeat("</a>", 200000)
	for name, xml := range map[string]string{
		"deep nesting outside the data": `<worksheet>` + deep + `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
		"deep nesting inside a cell":    `<worksheet><sheetData><row r="1"><c r="A1">` + deep + `<v>1</v></c></row></sheetData></worksheet>`,
		"deep nesting inside a string":  `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is>` + deep + `<t>1</t></is></c></row></sheetData></worksheet>`,
		"comments":                      `<worksheet><sheetData>` + strings.Repeat("<!-- -->", 100000) + `<row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			wb, err := open(t, pkgParts(xml), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			rows, err := readAll(t, wb)
			if err != nil || len(rows) != 1 {
				t.Fatalf("rows %v, error %v", rows, err)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// Reading stops when fn says so, without reading on to the end of the part.
func TestReadSheetStops(t *testing.T) {
	wb, _ := open(t, pkgParts(sheet(`<row r="1"><c><v>1</v></c></row><row r="2"><c><v>2</v></c></row><row r="3"><c r="A3" t="z"/></row>`)), testLimits)
	n := 0
	err := wb.ReadSheet(0, false, func(int, []Cell) bool { n++; return false })
	if err != nil || n != 1 {
		t.Errorf("rows %d, error %v", n, err)
	}
}

// utf16 encodes s as UTF-16 in the given byte order, with a byte-order mark if bom is set.
func utf16(s string, bigEndian, bom bool) string {
	var b []byte
	units := utf16Encode(s)
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return string(b)
}

func utf16Encode(s string) []uint16 {
	var out []uint16
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			out = append(out, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
			continue
		}
		out = append(out, uint16(r))
	}
	return out
}

// The format allows a part in UTF-16 as well as UTF-8; any other declared encoding is refused.
func TestPartEncodings(t *testing.T) {
	sheetXML := `<?xml version="1.0" encoding="UTF-16"?><worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Ŵ😀</t></is></c></row></sheetData></worksheet>`
	sstXML := `<?xml version="1.0" encoding="UTF-16"?><sst><si><t>café</t></si></sst>`
	wb, err := open(t, pkgParts(utf16(sheetXML, false, true), part{"xl/sharedStrings.xml", utf16(sstXML, true, false)}), testLimits)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := readAll(t, wb)
	if err != nil || fmt.Sprint(rows) != fmt.Sprint([]row{{1, `A:s:"café" B:s:"Ŵ😀"`}}) {
		t.Errorf("rows %v, error %v", rows, err)
	}
	wb, err = open(t, pkgParts(`<?xml version="1.0" encoding="ISO-8859-1"?><worksheet><sheetData><row r="1"><c r="A1" t="str"><v>caf`+"\xe9"+`</v></c></row></sheetData></worksheet>`), testLimits)
	if err != nil {
		t.Fatal(err)
	}
	_, err = readAll(t, wb)
	if err == nil || err.Error() != `xl/worksheets/sheet1.xml: the XML is not well-formed: the part declares the encoding "ISO-8859-1"; a workbook's XML is UTF-8 or UTF-16` {
		t.Errorf("error %v", err)
	}
}

// A part compressed with a method spreadsheet programs do not use (here Deflate64, method 9)
// is named, not read as empty.
func TestUnknownCompression(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range pkgParts("") {
		if p.name == "xl/worksheets/sheet1.xml" {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: 9, CompressedSize64: 4, UncompressedSize64: 4})
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte("junk"))
			continue
		}
		w, _ := zw.Create(p.name)
		io.WriteString(w, p.content)
	}
	zw.Close()
	wb, err := Open(bytes.NewReader(buf.Bytes()), int64(buf.Len()), testLimits)
	if err != nil {
		t.Fatal(err)
	}
	_, err = readAll(t, wb)
	if err == nil || err.Error() != "xl/worksheets/sheet1.xml: the part is compressed with a method qpr cannot read (only deflate and stored are used by spreadsheet programs)" {
		t.Errorf("error %v", err)
	}
}

// repeatf joins format filled in with 1 to n.
func repeatf(n int, format string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, format, i)
	}
	return b.String()
}

// A part is read as UTF-8 (or decoded from UTF-16 to it), so text whose bytes are not UTF-8
// was written in another encoding (here Latin-1's é, 0xE9): read as it is, it would reach the
// report misspelled. Each such cell is refused with its place; a shared string nobody uses is
// never read, so it is not.
func TestInvalidUTF8(t *testing.T) {
	const sst = `<sst><si><t>fine</t></si><si><t>caf` + "\xe9" + `</t></si><si><r><t>ok </t></r><r><t>` + "\xff" + `</t></r></si><si><t>unused ` + "\xc3" + `</t></si></sst>`
	const tail = `; a workbook's text is UTF-8, so this was written in another encoding`
	cases := []struct{ name, rows, want string }{
		{"inline string", `<row r="2"><c r="B2" t="inlineStr"><is><t>caf` + "\xe9" + ` au lait</t></is></c></row>`,
			`xl/worksheets/sheet1.xml B2: the cell's text is not valid UTF-8: byte 0xE9 after "caf"` + tail},
		{"formula string", `<row r="3"><c r="C3" t="str"><f>A1</f><v>` + "\xc3" + `</v></c></row>`,
			`xl/worksheets/sheet1.xml C3: the cell's text is not valid UTF-8: byte 0xC3 after ""` + tail},
		{"shared string", `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="D1" t="s"><v>1</v></c></row>`,
			`xl/worksheets/sheet1.xml D1: the cell's text (shared string 1) is not valid UTF-8: byte 0xE9 after "caf"` + tail},
		{"rich shared string", `<row r="4"><c r="A4" t="s"><v>2</v></c></row>`,
			`xl/worksheets/sheet1.xml A4: the cell's text (shared string 2) is not valid UTF-8: byte 0xFF after "ok "` + tail},
		{"error value", `<row r="1"><c r="A1" t="e"><v>#N/A` + "\x80" + `</v></c></row>`,
			`xl/worksheets/sheet1.xml A1: the cell's text is not valid UTF-8: byte 0x80 after "#N/A"` + tail},
		{"ISO date", `<row r="1"><c r="E1" t="d"><v>2023-09-30` + "\xa0" + `</v></c></row>`,
			`xl/worksheets/sheet1.xml E1: the cell's text is not valid UTF-8: byte 0xA0 after "2023-09-30"` + tail},
		{"long text before", `<row r="1"><c r="A1" t="inlineStr"><is><t>` + strings.Repeat("é", 30) + "\xe9" + `</t></is></c></row>`,
			`xl/worksheets/sheet1.xml A1: the cell's text is not valid UTF-8: byte 0xE9 after "…` + strings.Repeat("é", 10) + `"` + tail},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wb, err := open(t, pkgParts(sheet(c.rows), part{"xl/sharedStrings.xml", sst}), testLimits)
			if err != nil {
				t.Fatal(err)
			}
			_, err = readAll(t, wb)
			var xe *Error
			if !errors.As(err, &xe) || err.Error() != c.want {
				t.Errorf("error %v (%T)\nwant %s", err, err, c.want)
			}
		})
	}
	t.Run("valid text and an unused bad string", func(t *testing.T) {
		rows := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>£€😀</t></is></c><c r="C1" t="str"><v>naïve</v></c></row>`
		wb, err := open(t, pkgParts(sheet(rows), part{"xl/sharedStrings.xml", sst}), testLimits)
		if err != nil {
			t.Fatal(err)
		}
		got, err := readAll(t, wb)
		if err != nil {
			t.Fatal(err)
		}
		if want := []row{{1, `A:s:"fine" B:s:"£€😀" C:s:"naïve"`}}; fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("\n got %v\nwant %v", got, want)
		}
	})
	t.Run("sheet name", func(t *testing.T) {
		parts := pkgParts(sheet(""))
		parts[2].content = strings.Replace(parts[2].content, `name="Data"`, `name="D`+"\xe4"+`ten"`, 1)
		_, err := open(t, parts, testLimits)
		want := `xl/workbook.xml: a sheet's name is not valid UTF-8: byte 0xE4 after "D"` + tail
		if err == nil || err.Error() != want {
			t.Errorf("error %v\nwant %s", err, want)
		}
	})
}

// A sheet whose rows are out of order is read twice (streamed until the disorder shows, then
// again to be sorted), but its bytes count once against the workbook's total: a workbook whose
// parts together unpack to exactly the limit is read, and one byte less is refused.
func TestOutOfOrderSheetCountsOnce(t *testing.T) {
	rows := `<row r="2"><c r="A2"><v>2</v></c></row>` + strings.Repeat(" ", 200<<10) + `<row r="1"><c r="A1"><v>1</v></c></row>`
	parts := pkgParts(sheet(rows))
	var total int64
	for _, p := range parts {
		total += int64(len(p.content))
	}
	lim := testLimits
	lim.WorkbookBytes = total
	wb, err := open(t, parts, lim)
	if err != nil {
		t.Fatal(err)
	}
	got, err := readAll(t, wb)
	if err != nil {
		t.Fatalf("with the limit at the parts' %d bytes: %v", total, err)
	}
	if want := []row{{1, `A:n:"1"`}, {2, `A:n:"2"`}}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("\n got %v\nwant %v", got, want)
	}
	lim.WorkbookBytes = total - 1
	if wb, err = open(t, parts, lim); err != nil {
		t.Fatal(err)
	}
	_, err = readAll(t, wb)
	wantLimit(t, err, LimitWorkbookBytes, "xl/worksheets/sheet1.xml")
}

// A UTF-16 surrogate without its other half is half a character. Read through
// golang.org/x/text (or decoded from an _xHHHH_ escape with utf8.AppendRune) it would become
// U+FFFD, a character the sender never wrote; instead the cell holding it is refused, naming
// the surrogate, whether it came from a UTF-16 part or from an escape. The numbers are the
// surrogates put in: 0xD83D is the high half of 😀 (U+1F600 = D83D DE00), 0xDE00 its low half.
func TestLoneSurrogates(t *testing.T) {
	le := func(units ...uint16) string {
		var b []byte
		for _, u := range units {
			b = append(b, byte(u), byte(u>>8))
		}
		return string(b)
	}
	const head = `<?xml version="1.0" encoding="UTF-16"?><worksheet><sheetData><row r="1">`
	const foot = `</row></sheetData></worksheet>`
	cases := []struct{ name, sheetXML, want string }{
		{"UTF-16 part, high half then text",
			utf16(head+`<c r="A1" t="inlineStr"><is><t>ok</t></is></c><c r="B1" t="inlineStr"><is><t>caf`, false, true) + le(0xD83D) + utf16(`x</t></is></c>`+foot, false, false),
			`xl/worksheets/sheet1.xml B1: the cell's text holds half of a UTF-16 surrogate pair (U+D83D) after "caf", with no other half to make a character`},
		{"UTF-16 part, low half alone",
			utf16(head+`<c r="C1" t="str"><v>`, false, true) + le(0xDE00) + utf16(`</v></c>`+foot, false, false),
			`xl/worksheets/sheet1.xml C1: the cell's text holds half of a UTF-16 surrogate pair (U+DE00) after "", with no other half to make a character`},
		{"UTF-16 part, two high halves",
			utf16(head+`<c r="D1" t="str"><v>a`, false, true) + le(0xD83D, 0xD83D, 0xDE00) + utf16(`</v></c>`+foot, false, false),
			`xl/worksheets/sheet1.xml D1: the cell's text holds half of a UTF-16 surrogate pair (U+D83D) after "a", with no other half to make a character`},
		{"escape, high half alone",
			sheet(`<row r="2"><c r="E2" t="inlineStr"><is><t>smile _xD83D_!</t></is></c></row>`),
			`xl/worksheets/sheet1.xml E2: the cell's text holds half of a UTF-16 surrogate pair (U+D83D) after "smile ", with no other half to make a character`},
		{"escape, low half first",
			sheet(`<row r="2"><c r="F2" t="inlineStr"><is><t>_xDE00__xD83D_</t></is></c></row>`),
			`xl/worksheets/sheet1.xml F2: the cell's text holds half of a UTF-16 surrogate pair (U+DE00) after "", with no other half to make a character`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wb, err := open(t, pkgParts(c.sheetXML), testLimits)
			if err != nil {
				t.Fatal(err)
			}
			_, err = readAll(t, wb)
			if err == nil || err.Error() != c.want {
				t.Errorf("error %v\nwant  %s", err, c.want)
			}
		})
	}
	// In the shared string table, the entry is refused where a cell uses it.
	sst := `<sst><si><t>fine</t></si><si><t>x_xDBFF_</t></si></sst>`
	wb, err := open(t, pkgParts(sheet(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`), part{"xl/sharedStrings.xml", sst}), testLimits)
	if err != nil {
		t.Fatal(err)
	}
	_, err = readAll(t, wb)
	if want := `xl/worksheets/sheet1.xml B1: the cell's text (shared string 1) holds half of a UTF-16 surrogate pair (U+DBFF) after "x", with no other half to make a character`; err == nil || err.Error() != want {
		t.Errorf("error %v\nwant  %s", err, want)
	}
	// A UTF-16 part cut in the middle of a code unit is refused, not padded.
	wb, err = open(t, pkgParts(utf16(head+`<c r="A1" t="str"><v>1`, false, true)+"<"), testLimits)
	if err != nil {
		t.Fatal(err)
	}
	if _, err = readAll(t, wb); err == nil || !strings.Contains(err.Error(), "the UTF-16 part ends in the middle of a character") {
		t.Errorf("error %v", err)
	}
}
