package html

import (
	"html/template"
	"strings"

	"github.com/example/qpr/pkg/present"
)

// tableHTML writes a table as markup: a captioned table in a scrollable region, a header
// row of column headings, row headings scoped to their rows and groups of rows under a
// heading of their own. A pack's tables hold most of its cells, so they are written here
// rather than through the template, whose every action costs a reflective call.
func tableHTML(t *present.Table) template.HTML {
	var b strings.Builder
	esc := template.HTMLEscapeString
	id := esc(t.ID)
	b.WriteString(`<div class="table-wrap" role="region" aria-labelledby="` + id + `-caption" tabindex="0">` + "\n")
	b.WriteString(`<table id="` + id + `">` + "\n")
	b.WriteString(`<caption id="` + id + `-caption">` + esc(t.Caption) + "</caption>\n<thead>\n<tr>")
	for _, c := range t.Columns {
		b.WriteString(`<th scope="col"`)
		if c.Numeric {
			b.WriteString(` class="num"`)
		}
		b.WriteString(">" + esc(c.Head) + "</th>")
	}
	b.WriteString("</tr>\n</thead>\n<tbody>")
	cols := itoa(len(t.Columns))
	for _, r := range t.Rows {
		if r.Group != "" {
			b.WriteString("\n</tbody>\n<tbody>\n" + `<tr class="group"><th scope="rowgroup" colspan="` + cols + `">` + esc(r.Group) + "</th></tr>")
			continue
		}
		b.WriteString("\n<tr")
		if r.Total {
			b.WriteString(` class="total"`)
		}
		b.WriteString(">")
		for i, c := range r.Cells {
			tag := "td"
			if i < t.RowHeads {
				tag = "th"
				b.WriteString(`<th scope="row"`)
			} else {
				b.WriteString("<td")
			}
			if i < len(t.Columns) && t.Columns[i].Numeric {
				b.WriteString(` class="num"`)
			}
			b.WriteString(">")
			cellHTML(&b, c)
			b.WriteString("</" + tag + ">")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("\n</tbody>\n</table>\n</div>")
	return template.HTML(b.String())
}

// cellHTML writes a cell: a status's mark and word, a link to the section it refers to, or
// text; with its note beneath.
func cellHTML(b *strings.Builder, c present.Cell) {
	esc := template.HTMLEscapeString
	switch {
	case c.Status != "":
		b.WriteString(`<span class="st ` + statusClass(c.Status) + `">` + esc(c.Line()) + "</span>")
	case c.Link != "":
		b.WriteString(`<a href="#` + esc(c.Link) + `">` + esc(c.Line()) + "</a>")
	default:
		b.WriteString(esc(c.Line()))
	}
	if c.Note != "" {
		b.WriteString(`<br><span class="note">` + esc(c.Note) + "</span>")
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
