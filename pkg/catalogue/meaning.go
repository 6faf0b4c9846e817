package catalogue

import "strings"

// Meaning is what an indicator counts and where it comes from, for a reader who asks "what
// does this measure, and who says it should be there": shown as "About this indicator" and
// carried into the JSON. Every part is optional; an empty string is one not given.
type Meaning struct {
	Definition      string // what is counted and how
	Numerator       string // the numerator's wording, for a rate
	Denominator     string // the denominator's wording
	Source          string // the system or return the figures come from
	TargetRationale string // who set the target and why
	DataQuality     *DataQuality
}

// DataQuality is the analyst's rating of how far the figures can be relied on, with a note.
type DataQuality struct {
	Rating QualityRating
	Note   string
}

// QualityRating is a data-quality rating word.
type QualityRating string

// The data-quality ratings, best first.
const (
	QualityGood     QualityRating = "good"
	QualityAdequate QualityRating = "adequate"
	QualityPoor     QualityRating = "poor"
)

// QualityRatings lists the ratings in the order the documentation gives them.
var QualityRatings = []QualityRating{QualityGood, QualityAdequate, QualityPoor}

var dataQualityKeys = []string{"rating", "note"}

// meaning reads the indicator's definition and the rest of its Meaning.
func (p *parser) meaning(f map[string]pair, label string) Meaning {
	var m Meaning
	texts := []struct {
		key  string
		dst  *string
		hint string
	}{
		{"definition", &m.Definition, "say what is counted and how, or leave definition out"},
		{"numerator", &m.Numerator, "word what the numerator counts, or leave numerator out"},
		{"denominator", &m.Denominator, "word what the denominator counts, or leave denominator out"},
		{"source", &m.Source, "name the system or return the figures come from, or leave source out"},
		{"target_rationale", &m.TargetRationale, "say who set the target and why, or leave target_rationale out"},
	}
	for _, t := range texts {
		if x, ok := f[t.key]; ok {
			if s, ok := p.text(x, t.hint); ok {
				*t.dst = s
			}
		}
	}
	if x, ok := f["data_quality"]; ok {
		m.DataQuality = p.dataQuality(x, label)
	}
	return m
}

// dataQuality reads data_quality: {rating: good|adequate|poor, note: ...}; the rating is
// required, the note optional.
func (p *parser) dataQuality(v pair, label string) *DataQuality {
	node, ok := p.mapping(v, "data_quality: {rating: good, note: ...}")
	if !ok {
		return nil
	}
	f := p.fields(node, "in the data_quality of indicator "+label, dataQualityKeys)
	words := make([]string, len(QualityRatings))
	for i, r := range QualityRatings {
		words[i] = string(r)
	}
	dq := &DataQuality{}
	x, given := f["rating"]
	if !given {
		p.errorf(node.Line, "data_quality of indicator %s has no rating; add rating: with %s", label, oneOf(words))
		return nil
	}
	s, ok := p.scalar(x, "use "+oneOf(words))
	if !ok {
		return nil
	}
	found := false
	for _, w := range words {
		if strings.EqualFold(strings.TrimSpace(s), w) {
			dq.Rating, found = QualityRating(w), true
		}
	}
	if !found {
		if near := suggest(strings.ToLower(strings.TrimSpace(s)), words); near != "" {
			p.errorf(x.line(), "rating %q in the data_quality of indicator %s is not valid; did you mean %q? use %s", s, label, near, oneOf(words))
		} else {
			p.errorf(x.line(), "rating %q in the data_quality of indicator %s is not valid; use %s", s, label, oneOf(words))
		}
		return nil
	}
	if n, ok := f["note"]; ok {
		if s, ok := p.text(n, "say what limits the figures, or leave note out"); ok {
			dq.Note = s
		}
	}
	return dq
}
