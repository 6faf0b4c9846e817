package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Accessible status colours (GOV.UK palette): each pairs with a text colour that meets
// WCAG AA contrast on it.
type statusColour struct{ fill, text string }

var statusColours = map[string]statusColour{
	"green":     {"00703C", "FFFFFF"},
	"amber":     {"FFBF47", "0B0C0C"},
	"red":       {"D4351C", "FFFFFF"},
	"not_rated": {"B1B4B6", "0B0C0C"},
	"no_data":   {"B1B4B6", "0B0C0C"},
}

const headerFill = "DEE0E2"

// cellStyle names a combination of formatting; styles turns each into one workbook style.
type cellStyle struct {
	format string // custom number format; empty = General
	status string // status code whose colours fill the cell; empty = none
	header bool
	wrap   bool
	bold   bool
	size   float64 // font size; 0 = default
	date   bool
	link   bool
}

// styles hands out excelize style ids, creating each distinct style once.
type styles struct {
	f   *excelize.File
	ids map[cellStyle]int
}

func newStyles(f *excelize.File) *styles {
	return &styles{f: f, ids: map[cellStyle]int{}}
}

func (s *styles) id(c cellStyle) (int, error) {
	if id, ok := s.ids[c]; ok {
		return id, nil
	}
	st := &excelize.Style{
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: c.wrap || c.header},
	}
	font := &excelize.Font{Bold: c.bold || c.header, Size: c.size}
	if colour, ok := statusColours[c.status]; ok {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour.fill}}
		font.Color = colour.text
	}
	if c.header {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}}
		st.Border = []excelize.Border{{Type: "bottom", Color: "0B0C0C", Style: 1}}
	}
	if c.link {
		font.Color = "1D70B8"
		font.Underline = "single"
	}
	st.Font = font
	switch {
	case c.date:
		format := dateFormat
		st.CustomNumFmt = &format
	case c.format != "":
		format := c.format
		st.CustomNumFmt = &format
	}
	id, err := s.f.NewStyle(st)
	if err != nil {
		return 0, fmt.Errorf("xlsx style %+v: %w", c, err)
	}
	s.ids[c] = id
	return id, nil
}

const dateFormat = "d mmmm yyyy"
