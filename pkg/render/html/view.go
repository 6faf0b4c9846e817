package html

import (
	"html/template"

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

// blockKind names a block's template.
func blockKind(b present.Block) string {
	switch b.(type) {
	case *present.Paragraph:
		return "paragraph"
	case *present.List:
		return "list"
	case *present.StatusLine:
		return "statusline"
	case *present.Notes:
		return "notes"
	case *present.Figure:
		return "figure"
	case *present.Table:
		return "table"
	}
	return ""
}

type legendView struct {
	Sample template.HTML
	Label  string
}

func chartSVG(f *present.Figure) template.HTML {
	return newSVGChart(f.Chart, f.ID, f.Title, f.Description).svg()
}

func legendOf(f *present.Figure) []legendView {
	var out []legendView
	for _, l := range f.Chart.Legend {
		out = append(out, legendView{Sample: legendSample(l), Label: l.Label})
	}
	return out
}

// shownParagraph reports whether this edition shows p: every cell is written in full here,
// so the key's explanation of short forms is left out.
func shownParagraph(p *present.Paragraph) bool { return !p.ForShortForms }
