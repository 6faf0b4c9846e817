package html

import (
	"bufio"
	"strings"

	"github.com/example/qpr/pkg/present"
)

// The report's sections are written here in Go rather than by page.gohtml: there are tens
// of thousands of them in a large pack, and html/template's reflection cost most of the
// edition's time. page.gohtml still lays out the page around them (head, cover, contents,
// foot), where each thing is written once. Text is escaped as html/template escapes it.

// sectionWriter writes sections of the document as markup to w; href is how a link to an id
// is written on this page.
type sectionWriter struct {
	w    *bufio.Writer
	href func(id string) string
}

// textEscaper escapes text for an element's content or a quoted attribute, as html/template
// does: markup characters, quotes, '+' and NUL.
var textEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "+", "&#43;", "\x00", "\uFFFD",
)

func (s *sectionWriter) text(t string)  { textEscaper.WriteString(s.w, t) }
func (s *sectionWriter) raw(t string)   { s.w.WriteString(t) }
func (s *sectionWriter) attr(t string)  { textEscaper.WriteString(s.w, t) }
func (s *sectionWriter) link(id string) { s.attr(s.href(id)) }

func (s *sectionWriter) idAttr(id string) {
	if id != "" {
		s.raw(` id="`)
		s.attr(id)
		s.raw(`"`)
	}
}

func (s *sectionWriter) section(sec *present.Section) {
	switch {
	case sec.Level == 1:
		s.raw(`<section class="` + partClass(sec) + `" aria-labelledby="`)
		s.attr(sec.ID)
		s.raw(`">` + "\n<h2")
		s.idAttr(sec.ID)
		s.raw(">")
		s.text(sec.Heading)
		s.raw("</h2>\n")
		s.body(sec)
		s.raw("</section>\n")
	case sec.Kind == present.KindIndicator:
		s.indicator(sec)
	case sec.Kind == present.KindItem:
		s.raw(`<div class="red-item">` + "\n<h4")
		s.idAttr(sec.ID)
		s.raw(">")
		s.titleLink(sec)
		s.raw("</h4>\n")
		for b := range sec.Blocks() {
			if p, ok := b.(*present.Paragraph); ok && p.Role == present.RoleLabel {
				s.raw(`<h5 class="label">`)
				s.text(p.Text)
				s.raw("</h5>\n")
				continue
			}
			s.block(b)
		}
		s.raw("</div>\n")
	default:
		tag := "h4"
		if sec.Level == 2 {
			tag = "h3"
		}
		s.raw("<" + tag)
		s.idAttr(sec.ID)
		s.raw(">")
		s.text(sec.Title())
		s.raw("</" + tag + ">\n")
		s.body(sec)
	}
}

func (s *sectionWriter) titleLink(sec *present.Section) {
	if sec.Link == "" {
		s.text(sec.Title())
		return
	}
	s.raw(`<a href="`)
	s.link(sec.Link)
	s.raw(`">`)
	s.text(sec.Title())
	s.raw("</a>")
}

func (s *sectionWriter) body(sec *present.Section) {
	for b := range sec.Blocks() {
		s.block(b)
	}
	for p := range sec.Parts() {
		s.section(p)
	}
}

func (s *sectionWriter) indicator(sec *present.Section) {
	blocks := sec.BlockList()
	s.raw(`<article class="indicator" aria-labelledby="`)
	s.attr(sec.ID)
	s.raw(`">` + "\n" + `<div class="lead">` + "\n<h3")
	s.idAttr(sec.ID)
	s.raw(`><span class="code">`)
	s.text(sec.Code)
	s.raw("</span> ")
	s.text(sec.Heading)
	s.raw("</h3>\n")
	for _, b := range blocks {
		s.block(b)
	}
	s.raw("</div>\n")
	for _, b := range blocks {
		if f, ok := b.(*present.Figure); ok {
			data := f.Data()
			if data == nil {
				continue
			}
			s.raw(`<details class="chart-data">` + "\n<summary>")
			s.text(f.DataTitle)
			s.raw("</summary>\n")
			s.table(data)
			s.raw("</details>\n")
		}
	}
	for p := range sec.Parts() {
		s.section(p)
	}
	s.raw("</article>\n")
}

func (s *sectionWriter) block(b present.Block) {
	switch b := b.(type) {
	case *present.Paragraph:
		if !shownParagraph(b) {
			return
		}
		s.raw("<p")
		if c := roleClass[b.Role]; c != "" {
			s.raw(` class="` + c + `"`)
		}
		s.raw(">")
		s.text(b.Text)
		s.raw("</p>\n")
	case *present.List:
		s.raw(`<ul class="key-list">` + "\n")
		for _, it := range b.Items {
			s.raw("<li>")
			if it.Mark != "" {
				s.raw(`<span class="st ` + statusClass(it.Mark) + `" aria-hidden="true"></span>`)
			}
			s.text(it.Text)
			s.raw("</li>\n")
		}
		s.raw("</ul>\n")
	case *present.StatusLine:
		s.raw(`<p class="badges">`)
		for i, it := range b.Items {
			if i > 0 {
				s.raw(" ")
			}
			s.raw(`<span class="badge">`)
			s.text(it.Label)
			s.raw(`: <span class="st ` + statusClass(it.Status) + `">`)
			s.text(it.Status.Word())
			s.raw("</span></span>")
		}
		s.raw("</p>\n")
	case *present.Notes:
		s.raw(`<ul class="notes">` + "\n")
		for _, n := range b.Items {
			s.raw("<li>")
			if n.Mark != "" {
				s.raw(`<span class="note-mark">`)
				s.text(n.Mark)
				s.raw("</span> ")
			}
			s.text(n.Text)
			s.raw("</li>\n")
		}
		s.raw("</ul>\n")
	case *present.Figure:
		s.raw(`<figure class="chart-figure">` + "\n")
		writeChartSVG(s.w, b)
		s.raw("\n<figcaption>\n" + `<ul class="legend">` + "\n")
		for _, l := range b.Chart.Legend {
			s.raw("<li>" + string(legendSample(l)))
			s.text(l.Label)
			s.raw("</li>\n")
		}
		s.raw("</ul>\n</figcaption>\n</figure>\n")
	case *present.Table:
		s.table(b)
	}
}

func (s *sectionWriter) table(t *present.Table) {
	for _, p := range tablePieces(t) {
		if p.Wide {
			if p.Periods {
				s.raw(`<div class="table-wrap periods" role="region" aria-labelledby="`)
			} else {
				s.raw(`<div class="table-wrap" role="region" aria-labelledby="`)
			}
			s.attr(p.ID)
			s.raw(`-caption" tabindex="0">` + "\n")
		} else {
			s.raw(`<div class="table-fit">` + "\n")
		}
		s.raw("<table")
		s.idAttr(p.ID)
		s.raw(">\n<caption")
		s.idAttr(p.ID + "-caption")
		s.raw(">")
		s.text(p.Caption)
		s.raw("</caption>\n<thead>\n<tr>")
		for _, c := range p.Columns {
			s.raw(`<th scope="col"`)
			if c.Numeric {
				s.raw(` class="num"`)
			}
			s.raw(">")
			s.text(c.Head)
			s.raw("</th>")
		}
		s.raw("</tr>\n</thead>\n<tbody>\n")
		for _, r := range p.Rows {
			if r.Total {
				s.raw(`<tr class="total">`)
			} else {
				s.raw("<tr>")
			}
			for i, c := range r.Cells {
				tag := "td"
				if i < p.RowHeads {
					tag = "th"
					s.raw(`<th scope="row"`)
				} else {
					s.raw("<td")
				}
				if i < len(p.Columns) && p.Columns[i].Numeric {
					s.raw(` class="num"`)
				}
				s.raw(">")
				s.cell(c)
				s.raw("</" + tag + ">")
			}
			s.raw("</tr>\n")
		}
		s.raw("</tbody>\n</table>\n</div>\n")
	}
}

func (s *sectionWriter) cell(c present.Cell) {
	switch {
	case c.Status != "":
		s.raw(`<span class="st ` + statusClass(c.Status) + `">`)
		s.text(c.Line())
		s.raw("</span>")
	case c.Link != "":
		s.raw(`<a href="`)
		s.link(c.Link)
		s.raw(`">`)
		s.text(c.Line())
		s.raw("</a>")
	default:
		s.text(c.Line())
	}
	if c.Note != "" {
		s.raw(`<br><span class="note">`)
		s.text(c.Note)
		s.raw("</span>")
	}
}
