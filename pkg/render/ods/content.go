package ods

import (
	"bufio"
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/example/qpr/pkg/present"
)

// Row styles: a sheet's title and a heading above a table are given room as the xlsx gives
// them; every other row takes the height its wrapped text needs, worked out by the program
// that opens the file.
const (
	titleRow   = "roTitle"
	headingRow = "roHeading"
	plainRow   = "ro"
	tableStyle = "ta1"
)

// databaseRange is a table's place, recorded as it is written: the ODS counterpart of an
// Excel table, a named range with filter buttons on its header row.
type databaseRange struct {
	name, sheet string
	top, bottom int // 1-based rows: the header row and the last row
	cols        int
}

// contentWriter writes content.xml's sheets.
type contentWriter struct {
	w       *bufio.Writer
	cs      *cellStyles
	columns map[float64]string
	ranges  []databaseRange
}

func writeContent(w *bufio.Writer, wb *present.Workbook, cs *cellStyles) error {
	c := &contentWriter{w: w, cs: cs, columns: map[float64]string{}}
	w.WriteString(xmlHeader)
	w.WriteString(`<office:document-content ` + namespaces + ` office:version="1.3">`)
	w.WriteString(`<office:automatic-styles>`)
	w.WriteString(`<style:style style:name="` + tableStyle + `" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true"/></style:style>`)
	w.WriteString(`<style:style style:name="` + titleRow + `" style:family="table-row"><style:table-row-properties style:row-height="24pt"/></style:style>`)
	w.WriteString(`<style:style style:name="` + headingRow + `" style:family="table-row"><style:table-row-properties style:row-height="30pt"/></style:style>`)
	w.WriteString(`<style:style style:name="` + plainRow + `" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true"/></style:style>`)
	for _, s := range wb.Sheets {
		for _, width := range s.Widths {
			if _, ok := c.columns[width]; ok {
				continue
			}
			name := "co" + strconv.Itoa(len(c.columns)+1)
			c.columns[width] = name
			w.WriteString(`<style:style style:name="` + name + `" style:family="table-column"><style:table-column-properties style:column-width="` + columnWidth(width) + `"/></style:style>`)
		}
	}
	w.WriteString(`</office:automatic-styles><office:body><office:spreadsheet>`)
	for i := range wb.Sheets {
		c.sheet(&wb.Sheets[i])
	}
	if len(c.ranges) > 0 {
		w.WriteString(`<table:database-ranges>`)
		for _, r := range c.ranges {
			w.WriteString(`<table:database-range table:name="`)
			escape(w, r.name)
			w.WriteString(`" table:target-range-address="`)
			escape(w, cellAddress(r.sheet, 1, r.top)+":"+cellAddress(r.sheet, r.cols, r.bottom))
			w.WriteString(`" table:display-filter-buttons="true"/>`)
		}
		w.WriteString(`</table:database-ranges>`)
	}
	_, err := w.WriteString(`</office:spreadsheet></office:body></office:document-content>`)
	return err
}

// columnWidth is a spreadsheet column width (in widths of the digit 0 of an 11-point
// Calibri, 7 pixels, plus 5 pixels of padding, as Excel measures) as an ODF length.
func columnWidth(w float64) string {
	return strconv.FormatFloat((w*7+5)/96, 'f', 4, 64) + "in"
}

// sheet writes one sheet from the top down: title, lines, then each part.
func (c *contentWriter) sheet(s *present.Sheet) {
	w := c.w
	w.WriteString(`<table:table table:name="`)
	escape(w, s.Name)
	w.WriteString(`" table:style-name="` + tableStyle + `">`)
	for _, width := range s.Widths {
		w.WriteString(`<table:table-column table:style-name="` + c.columns[width] + `" table:default-cell-style-name="Default"/>`)
	}
	if len(s.Widths) == 0 {
		w.WriteString(`<table:table-column table:default-cell-style-name="Default"/>`)
	}
	row := 0
	line := func(style, text string, k cellKey) {
		row++
		w.WriteString(`<table:table-row table:style-name="` + style + `">`)
		c.text(text, k, "")
		w.WriteString(`</table:table-row>`)
	}
	line(titleRow, s.Title, cellKey{bold: true, size: 16})
	for _, l := range s.Lines {
		line(plainRow, l, cellKey{wrap: s.WrapLines})
	}
	one := s.OneTable() != nil
	for _, p := range s.Parts {
		if p.Heading != "" {
			line(headingRow, p.Heading, cellKey{bold: true, size: 12, bottom: true})
		}
		if p.Table == nil {
			line(plainRow, p.Sentence, cellKey{})
			continue
		}
		t := p.Table
		top := row + 1
		// The header row of a sheet's only table repeats on every printed page.
		if one {
			w.WriteString(`<table:table-header-rows>`)
		}
		w.WriteString(`<table:table-row table:style-name="` + plainRow + `">`)
		for _, col := range t.Columns {
			c.text(col.Header, cellKey{header: true, right: col.Numeric}, "")
		}
		w.WriteString(`</table:table-row>`)
		if one {
			w.WriteString(`</table:table-header-rows>`)
		}
		row++
		for cells := range t.Rows {
			row++
			w.WriteString(`<table:table-row table:style-name="` + plainRow + `">`)
			for i, cell := range cells {
				if i < len(t.Columns) {
					c.cell(cell, t.Columns[i])
				}
			}
			w.WriteString(`</table:table-row>`)
		}
		c.ranges = append(c.ranges, databaseRange{name: t.Name, sheet: s.Name, top: top, bottom: row, cols: len(t.Columns)})
	}
	w.WriteString(`</table:table>`)
}

// cell writes one table cell as its kind asks.
func (c *contentWriter) cell(x present.SheetCell, col present.SheetColumn) {
	w := c.w
	k := cellKey{bold: x.Bold, status: x.Status}
	switch x.Kind {
	case present.Text:
		k.wrap, k.link = col.Wrap, x.Link != ""
		c.text(x.Text, k, x.Link)
	case present.Marker:
		k.right, k.wrap = true, col.Wrap
		c.text(x.Text, k, "")
	case present.Number:
		k.data = c.cs.dataStyle(x.Format)
		w.WriteString(`<table:table-cell table:style-name="` + c.cs.cell(k) + `" office:value-type="float" office:value="` +
			strconv.FormatFloat(x.Number, 'g', -1, 64) + `"/>`)
	case present.Bool:
		k.data = boolStyle
		w.WriteString(`<table:table-cell table:style-name="` + c.cs.cell(k) + `" office:value-type="boolean" office:boolean-value="` +
			strconv.FormatBool(x.Bool) + `"/>`)
	case present.Date:
		k.data, k.left = dateStyle, true
		w.WriteString(`<table:table-cell table:style-name="` + c.cs.cell(k) + `" office:value-type="date" office:date-value="` +
			x.Date.Format("2006-01-02") + `"/>`)
	default:
		w.WriteString(`<table:table-cell/>`)
	}
}

// text writes a text cell, a paragraph a line, linked to the sheet link names when set.
func (c *contentWriter) text(s string, k cellKey, link string) {
	w := c.w
	w.WriteString(`<table:table-cell table:style-name="` + c.cs.cell(k) + `" office:value-type="string">`)
	for _, para := range strings.Split(s, "\n") {
		w.WriteString(`<text:p>`)
		if link != "" {
			w.WriteString(`<text:a xlink:type="simple" xlink:href="`)
			escape(w, "#"+cellAddress(link, 1, 1))
			w.WriteString(`">`)
			escape(w, para)
			w.WriteString(`</text:a>`)
		} else {
			escape(w, para)
		}
		w.WriteString(`</text:p>`)
	}
	w.WriteString(`</table:table-cell>`)
}

// cellAddress is a cell on a sheet as ODF writes it: 'Sheet name'.B3.
func cellAddress(sheet string, col, row int) string {
	return "'" + strings.ReplaceAll(sheet, "'", "''") + "'." + columnName(col) + strconv.Itoa(row)
}

// columnName is a 1-based column number's letters: 1 A, 27 AA.
func columnName(n int) string {
	var b []byte
	for n > 0 {
		n--
		b = append([]byte{byte('A' + n%26)}, b...)
		n /= 26
	}
	return string(b)
}

// escape writes s as XML text or attribute content; characters XML cannot hold become U+FFFD.
func escape(w *bufio.Writer, s string) {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b < 0x20, b >= 0x80, b == '<', b == '>', b == '&', b == '\'', b == '"':
			_ = xml.EscapeText(w, []byte(s))
			return
		}
	}
	w.WriteString(s)
}

func escapeTo(b *strings.Builder, s string) { _ = xml.EscapeText(b, []byte(s)) }
