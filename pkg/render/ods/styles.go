package ods

import (
	"bufio"
	"strconv"
	"strings"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/templates"
)

// cellKey names a combination of formatting; cellStyles turns each into one named style.
type cellKey struct {
	data   string // the data (number) style's name; "" = general
	status present.Status
	header bool
	bold   bool
	wrap   bool
	right  bool
	left   bool
	link   bool
	bottom bool
	size   int // font size in points; 0 = default
}

// cellStyles hands out cell and data style names in the order they are first used, so the
// same workbook always gets the same names.
type cellStyles struct {
	style     templates.Style
	cells     map[cellKey]string
	cellOrder []cellKey
	data      map[present.NumberPattern]string
	dataXML   []string
}

func newCellStyles(st templates.Style) *cellStyles {
	return &cellStyles{style: st, cells: map[cellKey]string{}, data: map[present.NumberPattern]string{}}
}

// The fixed data styles: a date as "31 January 2024" (as the xlsx's d mmmm yyyy), and
// true-or-false shown TRUE or FALSE.
const (
	dateStyle = "Ndate"
	boolStyle = "Nbool"
)

func (s *cellStyles) cell(k cellKey) string {
	if name, ok := s.cells[k]; ok {
		return name
	}
	name := "qpr" + strconv.Itoa(len(s.cellOrder)+1)
	s.cells[k] = name
	s.cellOrder = append(s.cellOrder, k)
	return name
}

// dataStyle is the name of the number style for nf; "" for a count, shown as it is.
func (s *cellStyles) dataStyle(nf present.NumberFormat) string {
	p, ok := nf.Pattern()
	if !ok {
		return ""
	}
	if name, ok := s.data[p]; ok {
		return name
	}
	name := "N" + strconv.Itoa(len(s.data)+1)
	s.data[p] = name
	s.dataXML = append(s.dataXML, numberStyleXML(name, p))
	return name
}

// number is a number:number element: places decimals, thousands grouped or not.
func number(places int, grouping bool) string {
	p := strconv.Itoa(places)
	g := ""
	if grouping {
		g = ` number:grouping="true"`
	}
	return `<number:number number:decimal-places="` + p + `" number:min-decimal-places="` + p + `" number:min-integer-digits="1"` + g + `/>`
}

func literal(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString("<number:text>")
	escapeTo(&b, s)
	b.WriteString("</number:text>")
	return b.String()
}

func numberStyle(name string, volatile bool, body string) string {
	v := ""
	if volatile {
		v = ` style:volatile="true"`
	}
	return `<number:number-style style:name="` + name + `"` + v + `>` + body + `</number:number-style>`
}

func mapTo(condition, style string) string {
	return `<style:map style:condition="` + strings.ReplaceAll(condition, "<", "&lt;") + `" style:apply-style-name="` + style + `"/>`
}

// numberStyleXML is the ODF number style that spells a number cell's pattern (pkg/present),
// as the xlsx's format code does: a percentage held as 82.4 shown "82.4%" with a literal %,
// never scaled; "£1,250"; "3 days" and "1 day"; a change "+2", "-1", "no change".
// Conditions are style:map entries to volatile styles, as LibreOffice writes them.
func numberStyleXML(name string, p present.NumberPattern) string {
	if p.Signed {
		return numberStyle(name+"P0", true, literal("+")+number(0, false)) +
			numberStyle(name+"P1", true, literal("-")+number(0, false)) +
			numberStyle(name, false, literal(p.Zero)+mapTo("value()>0", name+"P0")+mapTo("value()<0", name+"P1"))
	}
	shown := literal(p.Before) + number(p.Places, p.Grouped) + literal(p.After)
	if p.AfterOne == "" {
		return numberStyle(name, false, shown)
	}
	// conditions on the value as it will be shown: under 0.5 and from 1.5 it is not 1
	return numberStyle(name+"P0", true, shown) +
		numberStyle(name+"P1", true, literal(p.Before)+number(0, false)+literal(p.AfterOne)) +
		numberStyle(name, false, shown+mapTo("value()<0.5", name+"P0")+mapTo("value()<1.5", name+"P1"))
}

// writeStyles writes styles.xml: the default cell style, the data styles and cell styles
// content.xml used, and the page every sheet prints on: A4 landscape, one page wide.
func writeStyles(w *bufio.Writer, s *cellStyles) error {
	c := s.style.Colours
	w.WriteString(xmlHeader)
	w.WriteString(`<office:document-styles ` + namespaces + ` office:version="1.3">`)
	w.WriteString(`<office:styles>`)
	w.WriteString(`<style:default-style style:family="table-cell"><style:table-cell-properties style:vertical-align="top"/>` +
		`<style:text-properties fo:font-family="Calibri" fo:font-size="11pt" fo:color="` + hex(c.Text) + `"/></style:default-style>`)
	w.WriteString(`<style:style style:name="Default" style:family="table-cell"/>`)
	w.WriteString(`<number:boolean-style style:name="` + boolStyle + `"><number:boolean/></number:boolean-style>`)
	w.WriteString(`<number:date-style style:name="` + dateStyle + `"><number:day/><number:text> </number:text>` +
		`<number:month number:style="long" number:textual="true"/><number:text> </number:text><number:year number:style="long"/></number:date-style>`)
	for _, x := range s.dataXML {
		w.WriteString(x)
	}
	for _, k := range s.cellOrder {
		s.writeCellStyle(w, s.cells[k], k)
	}
	w.WriteString(`</office:styles>`)
	w.WriteString(`<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" ` +
		`style:print-orientation="landscape" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm" style:scale-to-X="1"/></style:page-layout></office:automatic-styles>`)
	w.WriteString(`<office:master-styles><style:master-page style:name="Default" style:page-layout-name="pm1"/></office:master-styles>`)
	_, err := w.WriteString(`</office:document-styles>`)
	return err
}

func (s *cellStyles) writeCellStyle(w *bufio.Writer, name string, k cellKey) {
	c := s.style.Colours
	w.WriteString(`<style:style style:name="` + name + `" style:family="table-cell" style:parent-style-name="Default"`)
	if k.data != "" {
		w.WriteString(` style:data-style-name="` + k.data + `"`)
	}
	w.WriteString(`><style:table-cell-properties`)
	vertical := "top"
	if k.bottom {
		vertical = "bottom"
	}
	w.WriteString(` style:vertical-align="` + vertical + `"`)
	var text []string
	switch {
	case k.header:
		w.WriteString(` fo:background-color="` + hex(c.Fill) + `" fo:border-bottom="0.75pt solid ` + hex(c.Text) + `"`)
	case k.status != "":
		fill, on := present.FillColours(s.style, k.status)
		w.WriteString(` fo:background-color="` + hex(fill) + `"`)
		text = append(text, `fo:color="`+hex(on)+`"`)
	}
	if k.wrap || k.header {
		w.WriteString(` fo:wrap-option="wrap"`)
	}
	if k.right || k.left {
		w.WriteString(` style:text-align-source="fix"`)
	}
	w.WriteString(`/>`)
	switch {
	case k.right:
		w.WriteString(`<style:paragraph-properties fo:text-align="end"/>`)
	case k.left:
		w.WriteString(`<style:paragraph-properties fo:text-align="start"/>`)
	}
	if k.bold || k.header {
		text = append(text, `fo:font-weight="bold"`)
	}
	if k.size > 0 {
		text = append(text, `fo:font-size="`+strconv.Itoa(k.size)+`pt"`)
	}
	if k.link {
		text = append(text, `fo:color="`+hex(c.Accent)+`"`, `style:text-underline-style="solid"`, `style:text-underline-width="auto"`, `style:text-underline-color="font-color"`)
	}
	if len(text) > 0 {
		w.WriteString(`<style:text-properties ` + strings.Join(text, " ") + `/>`)
	}
	w.WriteString(`</style:style>`)
}

func hex(c templates.Colour) string { return strings.ToLower(c.Hex()) }

// namespaces are the XML namespaces the parts use.
const namespaces = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
	`xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ` +
	`xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ` +
	`xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ` +
	`xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" ` +
	`xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" ` +
	`xmlns:xlink="http://www.w3.org/1999/xlink" ` +
	`xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"`
