package xlsx

import (
	"fmt"
	"strings"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/templates"
	"github.com/xuri/excelize/v2"
)

// palette is the workbook's colours, taken from the templates' style.yaml so that a user's
// restyle reaches the workbook as it reaches the PDF.
type palette struct {
	style      templates.Style
	headerFill string
	rule       string
	link       string
}

func newPalette(st templates.Style) palette {
	c := st.Colours
	return palette{style: st, headerFill: hex(c.Fill), rule: hex(c.Text), link: hex(c.Accent)}
}

// hex is a colour as excelize writes it: RRGGBB without the #.
func hex(c templates.Colour) string { return strings.TrimPrefix(c.Hex(), "#") }

// cellStyle names a combination of formatting; styles turns each into one workbook style.
type cellStyle struct {
	format string         // custom number format; empty = General
	status present.Status // whose colours fill the cell; empty = none
	header bool
	wrap   bool
	bold   bool
	size   float64 // font size; 0 = default
	date   bool
	link   bool
	right  bool // aligned right, as a marker standing in a column of numbers is
	bottom bool // aligned to the bottom, as a heading with space above it is
}

// styles hands out excelize style ids, creating each distinct style once.
type styles struct {
	f   *excelize.File
	p   palette
	ids map[cellStyle]int
}

func newStyles(f *excelize.File, st templates.Style) *styles {
	return &styles{f: f, p: newPalette(st), ids: map[cellStyle]int{}}
}

func (s *styles) id(c cellStyle) (int, error) {
	if id, ok := s.ids[c]; ok {
		return id, nil
	}
	vertical := "top"
	if c.bottom {
		vertical = "bottom"
	}
	st := &excelize.Style{
		Alignment: &excelize.Alignment{Vertical: vertical, WrapText: c.wrap || c.header},
	}
	switch {
	case c.right:
		st.Alignment.Horizontal = "right"
	case c.date:
		st.Alignment.Horizontal = "left" // a date among lines of text, not a column of figures
	}
	font := &excelize.Font{Bold: c.bold || c.header, Size: c.size}
	if c.status != "" {
		fill, text := present.FillColours(s.p.style, c.status)
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex(fill)}}
		font.Color = hex(text)
	}
	if c.header {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{s.p.headerFill}}
		st.Border = []excelize.Border{{Type: "bottom", Color: s.p.rule, Style: 1}}
	}
	if c.link {
		font.Color = s.p.link
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
