package present

import (
	"fmt"
	"strings"

	"github.com/example/qpr/pkg/report"
)

// The comparisons' parts of the document (comparators.md): an indicator's "How we compare"
// part, the executive summary's rating-by-quartile grid, the key's part on reading
// comparisons, and the directorate tables' Comparison column.

// ComparisonPartHeading heads an indicator's comparisons.
const ComparisonPartHeading = "How we compare"

// IDQuartileGrid is the id of the executive summary's rating-by-quartile grid.
const IDQuartileGrid = "summary-quartiles"

// CompareKeyTitle heads the key's part on comparisons.
const CompareKeyTitle = "Comparisons with other councils"

// comparisonPart is an indicator's comparisons: per comparator group, the sentence, then the
// group's chart with its figures; nil for an indicator that is not compared.
func comparisonPart(in *report.Indicator) *Section {
	cs := Comparisons(in)
	if len(cs) == 0 {
		return nil
	}
	var blocks []Block
	for _, c := range cs {
		blocks = append(blocks, &Paragraph{Text: c.Sentence})
		if !c.Figure.Chart.Empty {
			// The figures as a table of their own as well as the figure's: an edition shows a
			// figure's table only beside an indicator's own chart.
			f := groupFigureOf(in, c)
			blocks = append(blocks, f, f.Data())
		}
	}
	s := &Section{Level: 3, Heading: ComparisonPartHeading}
	s.SetBlocks(blocks...)
	return s
}

// groupFigureOf is a group's chart as a figure, with its figures as a table.
func groupFigureOf(in *report.Indicator, c Comparison) *Figure {
	id := compareID(in.Code, c.GroupID)
	f := c.Figure
	t := &Table{ID: id + "-data", Caption: f.Title + ": every member's figure", RowHeads: 0}
	for i, h := range f.Figures.Header {
		// Only the values are figures: a rank ("2=") reads as a label, left aligned.
		t.Columns = append(t.Columns, Column{Head: h, Numeric: i == 2})
	}
	for _, row := range f.Figures.Rows {
		var cells []Cell
		for _, text := range row {
			cells = append(cells, TextCell(text))
		}
		t.Rows = append(t.Rows, Row{Cells: cells})
	}
	return &Figure{ID: id, Chart: f.Chart, DataTitle: in.Code + ", " + c.Group + ": the chart's figures as a table",
		alt:  func() (string, string) { return f.Title, f.Alt },
		data: func() *Table { return t }}
}

// compareID is a group chart's id: the indicator's code and the group's id, kept to the
// characters an id may hold.
func compareID(code, group string) string {
	clean := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			switch {
			case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
				b.WriteRune(r)
			default:
				fmt.Fprintf(&b, "_%x_", r)
			}
		}
		return b.String()
	}
	return "cmp-" + clean(code) + "--" + clean(group)
}

// quartileGrid is the executive summary's grid of our rating against our quartile; nil when
// no KPI is compared.
func (o *outline) quartileGrid() *Section {
	g := QuartileGridOf(o.r)
	if g == nil {
		return nil
	}
	t := &Table{ID: "quartile-grid", Caption: QuartileGridTitle + ", " + Label(o.r.Period), RowHeads: 1,
		Columns: []Column{{Head: "Rating"}}}
	for _, c := range g.Columns {
		t.Columns = append(t.Columns, Column{Head: c})
	}
	for _, row := range g.Rows {
		cells := []Cell{StatusCell(row.Status)}
		for _, codes := range row.Cells {
			if len(codes) == 0 {
				cells = append(cells, TextCell("none"))
			} else {
				cells = append(cells, TextCell(strings.Join(codes, ", ")))
			}
		}
		t.Rows = append(t.Rows, Row{Cells: cells})
	}
	return summarySection(IDQuartileGrid, QuartileGridTitle, &Paragraph{Text: QuartileGridIntro(g)}, t)
}

// compareKeyPart is the key's part on reading comparisons; nil when nothing is compared.
func compareKeyPart(r *report.Report) *Section {
	text := CompareKeySentence(r)
	if text == "" {
		return nil
	}
	s := &Section{Level: 2, Heading: CompareKeyTitle}
	s.SetBlocks(&Paragraph{Text: text})
	return s
}

// anyCompared reports whether any of list is compared: a directorate table gains its
// Comparison column only then, so that a table with nothing compared keeps its room.
func anyCompared(list []*report.Indicator) bool {
	for _, in := range list {
		if len(in.Benchmark) > 0 {
			return true
		}
	}
	return false
}
