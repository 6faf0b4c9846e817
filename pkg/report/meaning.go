package report

import "github.com/example/qpr/pkg/catalogue"

// Meaning is what the indicator counts and where it comes from, from the catalogue: each key
// is in the JSON, null when the catalogue does not give it.
type Meaning struct {
	Definition      *string      `json:"definition"`
	Numerator       *string      `json:"numerator"`
	Denominator     *string      `json:"denominator"`
	Source          *string      `json:"source"`
	TargetRationale *string      `json:"target_rationale"`
	DataQuality     *DataQuality `json:"data_quality"`
}

// DataQuality is the catalogue's rating of the figures, good, adequate or poor, with its note.
type DataQuality struct {
	Rating catalogue.QualityRating `json:"rating"`
	Note   *string                 `json:"note"`
}

// Given reports whether the catalogue gives any of the indicator's meaning.
func (m Meaning) Given() bool {
	return m.Definition != nil || m.Numerator != nil || m.Denominator != nil || m.Source != nil ||
		m.TargetRationale != nil || m.DataQuality != nil
}

func meaningOf(m catalogue.Meaning) Meaning {
	text := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	out := Meaning{
		Definition:      text(m.Definition),
		Numerator:       text(m.Numerator),
		Denominator:     text(m.Denominator),
		Source:          text(m.Source),
		TargetRationale: text(m.TargetRationale),
	}
	if dq := m.DataQuality; dq != nil {
		out.DataQuality = &DataQuality{Rating: dq.Rating, Note: text(dq.Note)}
	}
	return out
}
