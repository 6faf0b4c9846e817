// Package html paints a report's present.Document as one self-contained, accessible HTML
// document (WCAG 2.2 AA): the content the PDF paints from the same document — cover facts,
// contents, key, executive summary, history grid, red KPIs, stale and partial values,
// per-directorate tables and one section per indicator with its chart — as landmarks,
// headings in order, captioned tables and inline SVG charts with a text alternative and the
// same figures as a table. It decides markup only: every heading, column, word and number
// is the document's. Indicators are painted as the document makes them, one at a time. It needs no
// JavaScript and asks for nothing outside the file: styles are inline, fonts the reader's
// own, the logo (if any) a data URI.
package html

import (
	"bufio"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

//go:embed page.gohtml
var pageSource string

//go:embed style.css
var styleSheet string

// Render writes r as an HTML document to w, worded and styled by t (templates.Default() when
// nil). The same report gives byte-identical output.
func Render(w io.Writer, r *report.Report, t *templates.Set) error {
	if r == nil {
		return errors.New("html: no report to render")
	}
	if t == nil {
		t = templates.Default()
	}
	doc, err := present.DocumentOf(r, t)
	if err != nil {
		return err
	}
	return paint(w, doc, t)
}

// paint writes doc as one HTML document to w, styled by t.
func paint(w io.Writer, doc *present.Document, t *templates.Set) error {
	tmpl, err := parsePage(t)
	if err != nil {
		return err
	}
	return execute(w, tmpl, pageView{Document: doc, Sections: doc.Sections, Contents: doc.Contents}, func(id string) string { return "#" + id })
}

// parsePage is the page template with its functions; href, how a link to an id is written,
// is set for each page before it is executed.
func parsePage(t *templates.Set) (*template.Template, error) {
	tmpl, err := template.New("page").Funcs(template.FuncMap{
		"css":  func() template.CSS { return template.CSS(css(t.Style())) },
		"logo": func() template.URL { return logoURI(t.Logo()) },
		"st":   statusClass,
		"defs": sampleDefs,
		"part": partClass,
		"href": func(id string) string { return "#" + id },
	}).Parse(pageSource)
	if err != nil {
		return nil, fmt.Errorf("html: %w", err)
	}
	return tmpl, nil
}

// execute writes the page for view to w: page.gohtml's head, the sections, its foot.
// Straight to w through a buffer: a national pack's page is about 90 MB, and holding it
// whole (in a buffer grown by doubling) would add up to twice that to the peak. On an error
// w has part of a page; qpr build writes to a staged file it then discards.
func execute(w io.Writer, tmpl *template.Template, view pageView, href func(string) string) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := tmpl.ExecuteTemplate(bw, "head", view); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	sw := &sectionWriter{w: bw, href: href}
	for _, s := range view.Sections {
		sw.section(s)
	}
	if err := tmpl.ExecuteTemplate(bw, "foot", view); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	return bw.Flush()
}

// css is the style sheet after the style's colours as custom properties.
func css(st templates.Style) string {
	c := st.Colours
	var b strings.Builder
	b.WriteString(":root {")
	for _, v := range []struct {
		name string
		c    templates.Colour
	}{
		{"green", c.Green}, {"amber", c.Amber}, {"red", c.Red}, {"grey", c.Grey}, {"activity", c.Activity},
		{"accent", c.Accent}, {"text", c.Text}, {"muted", c.Muted}, {"rule", c.Rule}, {"fill", c.Fill}, {"band", c.Band},
	} {
		fmt.Fprintf(&b, " --%s: %s;", v.name, v.c.Hex())
	}
	b.WriteString(" }\n")
	b.WriteString(styleSheet)
	return b.String()
}

// logoURI is the logo as a data URI, so that the file needs nothing beside it.
func logoURI(png []byte) template.URL {
	if len(png) == 0 {
		return ""
	}
	return template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(png))
}
