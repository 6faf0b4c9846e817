package html

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/example/qpr/pkg/present"
)

// This file maps the document's kinds to markup classes; page.gohtml arranges the markup.
// Every word, number, heading, id and column comes from present.Document.

var shapeClass = map[present.Shape]string{
	present.ShapeDash: "dash", present.ShapeShortDash: "short-dash", present.ShapeCircle: "circle",
	present.ShapeDiamond: "diamond", present.ShapeSquare: "square", present.ShapeHollowCircle: "hollow-circle",
	present.ShapeTriangleUp: "triangle-up", present.ShapeBar: "bar", present.ShapeTriangleDown: "triangle-down",
	present.ShapeArrowUp: "arrow-up", present.ShapeArrowDown: "arrow-down", present.ShapeArrowBoth: "arrow-both",
}

var toneClass = map[present.Tone]string{
	present.ToneGrey: "grey", present.ToneGreen: "green", present.ToneAmber: "amber",
	present.ToneRed: "red", present.ToneActivity: "activity", present.ToneText: "text",
	present.TonePurple: "purple",
}

// statusClass selects the shape and colour of a status's mark.
func statusClass(s present.Status) string {
	return "sh-" + shapeClass[s.Shape()] + " tn-" + toneClass[s.Tone()]
}

var roleClass = map[present.Role]string{
	present.RoleFacts: "facts", present.RoleDescription: "description", present.RoleAbsent: "none", present.RoleLabel: "label",
}

// partClass is a report part's class: the style sheet sets the key, the summary and each
// directorate apart.
func partClass(s *present.Section) string {
	switch s.ID {
	case present.IDKey:
		return "key"
	case present.IDSummary:
		return "summary"
	}
	return "directorate"
}

// writeChartSVG writes f's chart, named and described by its text alternative, to w.
func writeChartSVG(w svgOut, f *present.Figure) {
	title, desc := f.Alt()
	newSVGChart(f.Chart, f.ID, title, desc).write(w)
}

// shownParagraph reports whether this edition shows p: every cell is written in full here,
// so the key's explanation of short forms is left out.
func shownParagraph(p *present.Paragraph) bool { return !p.ForShortForms }

// tablePiece is a table as this edition writes it: a table with group rows (the rating grid's
// directorates) is written as one table per group, its caption naming the group, so that a
// screen reader never meets a row of one cell that stands for a heading.
type tablePiece struct {
	ID, Caption string
	Columns     []present.Column
	RowHeads    int
	Rows        []present.Row
	// Wide is set when the table may be wider than a phone's screen: it then scrolls in a box
	// of its own, which a keyboard can reach (a Tab stop) and which is named as a region. A
	// table that always fits has neither.
	Wide bool
	// Periods is set when the table has columns of quarters (those with short forms): on a
	// phone its box opens scrolled to the latest quarter, so the current rating is the first
	// thing seen beside each row's heading.
	Periods bool
}

func tablePieces(t *present.Table) []tablePiece {
	var out []tablePiece
	cur := tablePiece{ID: t.ID, Caption: t.Caption, Columns: t.Columns, RowHeads: t.RowHeads}
	for _, r := range t.Rows {
		if r.Group == "" {
			cur.Rows = append(cur.Rows, r)
			continue
		}
		if len(cur.Rows) > 0 {
			out = append(out, cur)
		}
		id := t.ID + "-" + strconv.Itoa(len(out)+1)
		if len(out) == 0 && len(cur.Rows) == 0 {
			id = t.ID
		}
		cur = tablePiece{ID: id, Caption: t.Caption + ": " + r.Group, Columns: t.Columns, RowHeads: t.RowHeads}
		if len(r.Cells) > 0 {
			cur.Rows = append(cur.Rows, present.Row{Cells: r.Cells, Total: r.Total})
		}
	}
	out = append(out, cur)
	periods := slices.ContainsFunc(t.Columns, func(c present.Column) bool { return c.ShortHead != "" })
	for i := range out {
		out[i].Wide = wide(out[i])
		out[i].Periods = periods
	}
	return out
}

// phoneChars is about how many characters of table text fit across a 320-pixel screen, less
// the page's margins and each cell's padding, at the table's font size.
const phoneChars = 30

// wide says whether t may not fit across a phone: the longest word of each column (a cell's
// whole text where it never wraps: figures, statuses) added up, with each cell's padding.
func wide(t tablePiece) bool {
	need := 0
	for i, c := range t.Columns {
		w := longestWord(c.Head)
		for _, r := range t.Rows {
			if i >= len(r.Cells) {
				continue
			}
			cell := r.Cells[i]
			switch {
			case c.Numeric || cell.Kind == present.CellStatus || cell.Kind == present.CellValue:
				w = max(w, utf8.RuneCountInString(cell.Line())+2)
			default:
				w = max(w, longestWord(cell.Line()))
			}
		}
		need += w + 2
	}
	return need > phoneChars
}

func longestWord(s string) int {
	best := 0
	for _, w := range strings.Fields(s) {
		best = max(best, utf8.RuneCountInString(w))
	}
	return best
}
