package pdf

import (
	"github.com/example/qpr/templates"
)

// Status words as a reader sees them, for the contract's status values.
var statusWords = map[string]string{
	"green": "Green", "amber": "Amber", "red": "Red", "not_rated": "Not rated", "no_data": "No data",
	"above": "Above", "within": "Within", "below": "Below",
	"improving": "Improving", "stable": "Stable", "worsening": "Worsening",
	"rising": "Rising", "falling": "Falling", "insufficient": "Too few values",
}

// statusShort fits the narrow columns of earlier quarters; the shape carries the rest.
var statusShort = map[string]string{
	"green": "G", "amber": "A", "red": "R", "not_rated": "NR", "no_data": "ND",
	"above": "Hi", "within": "In", "below": "Lo",
}

func statusWord(s string) string {
	if w, ok := statusWords[s]; ok {
		return w
	}
	return s
}

func deref(s *string, none string) string {
	if s == nil || *s == "" {
		return none
	}
	return *s
}

// ragOf is an indicator's status for its rating column: the RAG for a kpi, the expected
// range status for an activity indicator.
func ragOrActivity(rag, activity *string) string {
	if rag != nil && *rag != "" {
		return *rag
	}
	if activity != nil && *activity != "" {
		return *activity
	}
	return "no_data"
}

// shapeColour is the colour a status mark is drawn in.
func shapeColour(st templates.Style, status string) templates.Colour {
	c := st.Colours
	switch status {
	case "green":
		return c.Green
	case "amber":
		return c.Amber
	case "red":
		return c.Red
	case "above", "within", "below":
		return c.Activity
	case "improving", "stable", "worsening", "rising", "falling":
		return c.Text
	}
	return c.Grey
}
