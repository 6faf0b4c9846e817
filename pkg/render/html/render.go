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

// paint writes doc as an HTML document to w, styled by t.
func paint(w io.Writer, doc *present.Document, t *templates.Set) error {
	tmpl, err := template.New("page").Funcs(template.FuncMap{
		"css":       func() template.CSS { return template.CSS(css(t.Style())) },
		"logo":      func() template.URL { return logoURI(t.Logo()) },
		"st":        statusClass,
		"role":      func(r present.Role) string { return roleClass[r] },
		"kind":      blockKind,
		"part":      partClass,
		"svg":       chartSVG,
		"legend":    legendOf,
		"shown":     shownParagraph,
		"indicator": func(s *present.Section) bool { return s.Kind == present.KindIndicator },
		"item":      func(s *present.Section) bool { return s.Kind == present.KindItem },
		"numeric":   func(cols []present.Column, i int) bool { return i < len(cols) && cols[i].Numeric },
	}).Parse(pageSource)
	if err != nil {
		return fmt.Errorf("html: %w", err)
	}
	// Straight to w through a buffer: a national pack's page is about 90 MB, and holding it
	// whole (in a buffer grown by doubling) would add up to twice that to the peak. On an
	// error w has part of a page; qpr build writes to a staged file it then discards.
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := tmpl.ExecuteTemplate(bw, "page", doc); err != nil {
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
