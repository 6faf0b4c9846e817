// Package xlsxgen writes small xlsx workbooks cell by cell, including what Excel can hold but
// excelize cannot be told to write: formulas with saved results, error cells, formulas never
// calculated. Tests and the fixture generator use it to make workbooks whose every byte of
// meaning is known.
package xlsxgen

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Style is a cell's number format, an index into the fixed style sheet written with every
// workbook.
type Style int

const (
	General       Style = iota // numFmtId 0
	Percent                    // built-in 9, "0%"
	Date                       // built-in 14, the short date
	PercentCustom              // custom "0.0%"
	DateCustom                 // custom "mmm-yy"
	Fixed2                     // built-in 2, "0.00"
	Elapsed                    // custom "[h]:mm"
	Percent2                   // built-in 10, "0.00%"
)

// Cell is one cell. The zero Cell is blank and is not written.
type Cell struct {
	kind    cellKind
	text    string
	num     float64
	style   Style
	formula string
}

type cellKind int

const (
	blank cellKind = iota
	sharedString
	inlineString
	number
	boolean
	errorValue
	noResult
)

// S is a text cell, stored in the shared string table as Excel stores text.
func S(text string) Cell { return Cell{kind: sharedString, text: text} }

// Inline is a text cell stored inline, as some other producers write text.
func Inline(text string) Cell { return Cell{kind: inlineString, text: text} }

// N is a number cell in the General format.
func N(v float64) Cell { return Cell{kind: number, num: v} }

// Styled is a number cell with a number format.
func Styled(v float64, s Style) Cell { return Cell{kind: number, num: v, style: s} }

// D is a date cell: the date's serial number with the short date format.
func D(t time.Time) Cell { return Cell{kind: number, num: Serial(t), style: Date} }

// B is a TRUE or FALSE cell.
func B(v bool) Cell {
	c := Cell{kind: boolean}
	if v {
		c.num = 1
	}
	return c
}

// F is a formula cell with its saved (cached) numeric result and a number format.
func F(formula string, result float64, s Style) Cell {
	return Cell{kind: number, num: result, style: s, formula: formula}
}

// Err is a formula cell whose saved result is an error such as #DIV/0!.
func Err(formula, code string) Cell { return Cell{kind: errorValue, text: code, formula: formula} }

// Uncalculated is a formula cell with no saved result, as written by tools that do not
// calculate.
func Uncalculated(formula string) Cell { return Cell{kind: noResult, formula: formula} }

// Serial is Excel's day number for t in the 1900 date system (valid from March 1900).
func Serial(t time.Time) float64 {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	return t.Sub(epoch).Hours() / 24
}

// Sheet is a worksheet: rows from row 1, cells from column A.
type Sheet struct {
	Name string
	Rows [][]Cell
}

// WriteFile writes the workbook to path.
func WriteFile(path string, sheets ...Sheet) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := Write(f, sheets...); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// fixedTime keeps the zip entries' dates, and so the files, the same on every run.
var fixedTime = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// Write writes the workbook as xlsx.
func Write(w io.Writer, sheets ...Sheet) error {
	zw := zip.NewWriter(w)
	strs := newStringTable(sheets)
	parts := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"[Content_Types].xml", func(w io.Writer) error { return contentTypes(w, len(sheets)) }},
		{"_rels/.rels", writeString(rootRels)},
		{"xl/workbook.xml", func(w io.Writer) error { return workbookXML(w, sheets) }},
		{"xl/_rels/workbook.xml.rels", func(w io.Writer) error { return workbookRels(w, len(sheets)) }},
		{"xl/styles.xml", writeString(stylesXML)},
		{"xl/sharedStrings.xml", strs.write},
	}
	for i, s := range sheets {
		s := s
		parts = append(parts, struct {
			name  string
			write func(io.Writer) error
		}{fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), func(w io.Writer) error { return sheetXML(w, s, strs) }})
	}
	for _, p := range parts {
		pw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: fixedTime})
		if err != nil {
			return err
		}
		bw := bufio.NewWriter(pw)
		if err := p.write(bw); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return err
		}
	}
	return zw.Close()
}

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const rootRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`

const stylesXML = xmlHeader + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
	`<numFmts count="3"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="mmm\-yy"/><numFmt numFmtId="166" formatCode="[h]:mm"/></numFmts>` +
	`<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
	`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
	`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="8">` +
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
	`<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`</cellXfs>` +
	`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
	`</styleSheet>`

func contentTypes(w io.Writer, n int) error {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`)
	b.WriteString(`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`)
	b.WriteString(`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`)
	b.WriteString(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i)
	}
	b.WriteString(`</Types>`)
	_, err := io.WriteString(w, b.String())
	return err
}

func workbookXML(w io.Writer, sheets []Sheet) error {
	var b strings.Builder
	b.WriteString(xmlHeader + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`)
	for i, s := range sheets {
		fmt.Fprintf(&b, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, escape(s.Name), i+1, i+1)
	}
	b.WriteString(`</sheets></workbook>`)
	_, err := io.WriteString(w, b.String())
	return err
}

func workbookRels(w io.Writer, n int) error {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i, i)
	}
	fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`, n+1)
	fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`, n+2)
	b.WriteString(`</Relationships>`)
	_, err := io.WriteString(w, b.String())
	return err
}

// stringTable is the shared string table, in order of first use.
type stringTable struct {
	index map[string]int
	list  []string
}

func newStringTable(sheets []Sheet) *stringTable {
	st := &stringTable{index: map[string]int{}}
	for _, s := range sheets {
		for _, row := range s.Rows {
			for _, c := range row {
				if c.kind == sharedString {
					if _, ok := st.index[c.text]; !ok {
						st.index[c.text] = len(st.list)
						st.list = append(st.list, c.text)
					}
				}
			}
		}
	}
	return st
}

func (st *stringTable) write(w io.Writer) error {
	if _, err := fmt.Fprintf(w, xmlHeader+`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(st.list), len(st.list)); err != nil {
		return err
	}
	for _, s := range st.list {
		if _, err := fmt.Fprintf(w, `<si><t xml:space="preserve">%s</t></si>`, escape(s)); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, `</sst>`)
	return err
}

func sheetXML(w io.Writer, s Sheet, strs *stringTable) error {
	if _, err := io.WriteString(w, xmlHeader+`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`); err != nil {
		return err
	}
	for r, row := range s.Rows {
		if isBlankRow(row) {
			continue
		}
		fmt.Fprintf(w, `<row r="%d">`, r+1)
		for c, cell := range row {
			if cell.kind == blank {
				continue
			}
			writeCell(w, ColumnName(c)+strconv.Itoa(r+1), cell, strs)
		}
		io.WriteString(w, `</row>`)
	}
	_, err := io.WriteString(w, `</sheetData></worksheet>`)
	return err
}

func writeCell(w io.Writer, ref string, c Cell, strs *stringTable) {
	attrs := fmt.Sprintf(`r="%s"`, ref)
	if c.style != General {
		attrs += fmt.Sprintf(` s="%d"`, c.style)
	}
	formula := ""
	if c.formula != "" {
		formula = "<f>" + escape(c.formula) + "</f>"
	}
	switch c.kind {
	case sharedString:
		fmt.Fprintf(w, `<c %s t="s"><v>%d</v></c>`, attrs, strs.index[c.text])
	case inlineString:
		fmt.Fprintf(w, `<c %s t="inlineStr"><is><t>%s</t></is></c>`, attrs, escape(c.text))
	case number:
		fmt.Fprintf(w, `<c %s>%s<v>%s</v></c>`, attrs, formula, strconv.FormatFloat(c.num, 'g', -1, 64))
	case boolean:
		fmt.Fprintf(w, `<c %s t="b">%s<v>%d</v></c>`, attrs, formula, int(c.num))
	case errorValue:
		fmt.Fprintf(w, `<c %s t="e">%s<v>%s</v></c>`, attrs, formula, escape(c.text))
	case noResult:
		fmt.Fprintf(w, `<c %s>%s</c>`, attrs, formula)
	}
}

func isBlankRow(row []Cell) bool {
	for _, c := range row {
		if c.kind != blank {
			return false
		}
	}
	return true
}

// ColumnName is the letter name of a 0-based column: 0 = A, 26 = AA.
func ColumnName(col int) string {
	name := ""
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		name = string(rune('A'+(n-1)%26)) + name
	}
	return name
}

func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// BenchRow is row i of the benchmark tables: 1,000 indicators over as many quarters as the
// rows need, long layout, values with one decimal.
func BenchRow(i int) (code, quarter string, value float64) {
	q := i / 1000
	return fmt.Sprintf("KPI%04d", i%1000), fmt.Sprintf("%d/%02d Q%d", 2000+q/4, (2001+q/4)%100, q%4+1), float64(i%997) / 10
}

// BenchWorkbook is the path of a workbook holding a long table of n BenchRow rows (half the
// values stored as fractions with a percentage format) and a note column, written once into
// the temporary directory and kept there: writing a million rows takes longer than reading
// them.
func BenchWorkbook(n int) (string, error) {
	path := filepath.Join(os.TempDir(), fmt.Sprintf("qpr-bench-%d-v1.xlsx", n))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	rows := make([][]Cell, 0, n+1)
	rows = append(rows, []Cell{S("code"), S("period"), S("value"), S("note")})
	for i := 0; i < n; i++ {
		code, q, v := BenchRow(i)
		value := N(v)
		if i%2 == 0 {
			value = Styled(v/100, Percent)
		}
		rows = append(rows, []Cell{S(code), S(q), value, S("checked")})
	}
	tmp := fmt.Sprintf("%s.%d.tmp", path, os.Getpid())
	if err := WriteFile(tmp, Sheet{Name: "Data", Rows: rows}); err != nil {
		os.Remove(tmp)
		return "", err
	}
	return path, os.Rename(tmp, path)
}
