package present

import "github.com/example/qpr/pkg/report"

// IDMDC is the id of the executive summary's Making Data Count summary.
const IDMDC = "summary-mdc"

// mdc is the Making Data Count summary: each spc indicator's variation and assurance icons,
// the rows grouped under their directorates, each row linking to its indicator's chart.
// Nil when the pack has no spc indicator.
func (o *outline) mdc() *Section {
	cols := MDCSummary(o.r)
	if len(cols) == 0 {
		return nil
	}
	t := &Table{ID: "mdc-summary", Caption: MDCHeading + ", " + Label(o.r.Period), RowHeads: 1,
		Columns: []Column{{Head: "Indicator"}, {Head: "Variation"}, {Head: "Assurance"}}}
	for _, c := range cols {
		t.Rows = append(t.Rows, Row{Group: c.Name})
		for _, row := range c.Rows {
			assurance := StatusCell(row.Assurance)
			if row.Why != "" {
				assurance.Note = row.Why
			}
			variation := StatusCell(row.Variation)
			variation.Note = row.Rule // the rule that found special cause, beneath
			// the code alone heads the row, so that each icon's word keeps to one line on a
			// page; it links to the indicator, whose name heads its chart
			head := TextCell(row.Indicator.Code)
			head.Link = o.indID[row.Indicator]
			t.Rows = append(t.Rows, Row{Cells: []Cell{head, variation, assurance}})
		}
	}
	intro := &Paragraph{Text: "For each indicator whose direction of travel is judged by statistical process control: " +
		"variation is what its latest point shows (common cause, or special cause and the rule that found it), " +
		"assurance whether its process limits say the target will be met. The icons are those of its chart."}
	return summarySection(IDMDC, MDCHeading, intro, t)
}

// aboutPart is "About this indicator": the catalogue's definition, parts, source, target
// rationale and data quality, a paragraph each; nil when the catalogue gives none.
func aboutPart(in *report.Indicator) *Section {
	lines := About(in)
	if len(lines) == 0 {
		return nil
	}
	s := &Section{Level: 3, Heading: AboutHeading}
	blocks := make([]Block, len(lines))
	for i, l := range lines {
		blocks[i] = &Paragraph{Text: l}
	}
	s.SetBlocks(blocks...)
	return s
}
