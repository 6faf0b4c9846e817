package pdf

import (
	"strings"

	"github.com/example/qpr/pkg/report"
)

// printable replaces what the PDF's fonts cannot hold (fpdf's UTF-8 fonts stop at the Basic
// Multilingual Plane, so an emoji in a name would fail the whole document) with a question
// mark, so one odd character costs that character, not the report.
func printable(s string) string {
	if !strings.ContainsFunc(s, outsideBMP) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if outsideBMP(r) {
			return '?'
		}
		return r
	}, s)
}

func outsideBMP(r rune) bool { return r > 0xFFFF }

// printableReport is a copy of r whose words the fonts can print. Numbers and codes need no
// care; names, titles, commentary and sentences come from people and may hold anything.
func printableReport(r *report.Report) *report.Report {
	c := *r
	c.Organisation = printable(r.Organisation)
	c.Title = printable(r.Title)
	c.Pack.Title = printable(r.Pack.Title)
	c.Directorates = append([]report.Directorate(nil), r.Directorates...)
	for i := range c.Directorates {
		c.Directorates[i].Name = printable(c.Directorates[i].Name)
	}
	c.Indicators = append([]report.Indicator(nil), r.Indicators...)
	for i := range c.Indicators {
		ind := &c.Indicators[i]
		ind.Code = printable(ind.Code)
		ind.Name = printable(ind.Name)
		ind.Description = printable(ind.Description)
		if ind.Commentary != nil {
			cm := *ind.Commentary
			cm.Context, cm.Actions = printable(cm.Context), printable(cm.Actions)
			ind.Commentary = &cm
		}
		if ind.Trend != nil {
			tr := *ind.Trend
			tr.Sentence = printable(tr.Sentence)
			ind.Trend = &tr
		}
	}
	return &c
}
