package templates

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/suggest"
	"github.com/example/qpr/pkg/yamltext"
)

// Colour is an sRGB colour.
type Colour struct{ R, G, B uint8 }

// Hex is the colour as #RRGGBB.
func (c Colour) Hex() string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// RelativeLuminance is WCAG 2.1's relative luminance, 0 for black to 1 for white.
func (c Colour) RelativeLuminance() float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Contrast is the WCAG contrast ratio between two colours, from 1 to 21.
func Contrast(a, b Colour) float64 {
	la, lb := a.RelativeLuminance(), b.RelativeLuminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// White is the page.
var White = Colour{255, 255, 255}

// MinContrast is WCAG 2.1 1.4.11's minimum for marks that carry meaning.
const MinContrast = 3.0

// MinTextContrast is WCAG 2.1 1.4.3's minimum for text (level AA).
const MinTextContrast = 4.5

// UnmarshalYAML reads a colour written "#RRGGBB", refusing anything else with its line.
func (c *Colour) UnmarshalYAML(n *yaml.Node) error {
	s := strings.TrimSpace(n.Value)
	if n.Kind != yaml.ScalarNode || len(s) != 7 || s[0] != '#' {
		return lineError(n.Line, fmt.Sprintf("%q is not a colour; write it as \"#RRGGBB\", for example \"#00703C\"", n.Value))
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return lineError(n.Line, fmt.Sprintf("%q is not a colour; write it as \"#RRGGBB\" with hex digits 0-9 and A-F", n.Value))
	}
	*c = Colour{uint8(v >> 16), uint8(v >> 8), uint8(v)}
	return nil
}

// lineError carries a value's line out of yaml's decoder, so the message can start file:line.
// It is a *yaml.TypeError, which the decoder collects and decodes on past, so that every
// bad value in the file is found in one run.
func lineError(line int, msg string) error {
	return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %s", line, msg)}}
}

// Colours are the report's colours. Green, Amber, Red, Grey, Activity and Accent carry
// meaning and must contrast at least 3:1 with white; Rule, Fill and Band are decoration.
type Colours struct {
	Green    Colour `yaml:"green"`
	Amber    Colour `yaml:"amber"`
	Red      Colour `yaml:"red"`
	Grey     Colour `yaml:"grey"`
	Activity Colour `yaml:"activity"`
	Accent   Colour `yaml:"accent"`
	Text     Colour `yaml:"text"`
	Muted    Colour `yaml:"muted"`
	Rule     Colour `yaml:"rule"`
	Fill     Colour `yaml:"fill"`
	Band     Colour `yaml:"band"`
}

// Meaningful lists the colours that mark meaning, by their style.yaml key.
func (c Colours) Meaningful() []NamedColour {
	return []NamedColour{
		{"green", c.Green}, {"amber", c.Amber}, {"red", c.Red}, {"grey", c.Grey},
		{"activity", c.Activity}, {"accent", c.Accent}, {"text", c.Text}, {"muted", c.Muted},
	}
}

// Words lists the colours that words are printed in, by their style.yaml key: body text,
// secondary text and axes, and headings and links.
func (c Colours) Words() []NamedColour {
	return []NamedColour{{"text", c.Text}, {"muted", c.Muted}, {"accent", c.Accent}}
}

// NamedColour is a colour with its style.yaml key.
type NamedColour struct {
	Name   string
	Colour Colour
}

// FontSizes are in points.
type FontSizes struct {
	Title      float64 `yaml:"title"`
	Heading    float64 `yaml:"heading"`
	Subheading float64 `yaml:"subheading"`
	Body       float64 `yaml:"body"`
	Table      float64 `yaml:"table"`
	Small      float64 `yaml:"small"`
}

// Style is the report's look: its colours and font sizes, from the templates' style file.
type Style struct {
	Colours Colours   `yaml:"colours"`
	Fonts   FontSizes `yaml:"fonts"`
}

// parseStyle reads style.yaml over the built-in style, so that keys left out keep their
// built-in values, and checks that every meaningful colour is legible on white.
func parseStyle(data []byte, name string) (Style, error) {
	var st Style
	if name != StyleFile || !bytes.Equal(data, mustBuiltin(StyleFile)) {
		base, err := parseStyle(mustBuiltin(StyleFile), StyleFile)
		if err != nil {
			return Style{}, err
		}
		st = base
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		line, msg := yamltext.SyntaxError(data, err)
		return Style{}, fmt.Errorf("%s: %s", at(name, line), msg)
	}
	// Every problem is listed, as the catalogue's are: each bad key or value, then each colour
	// or size out of bounds.
	var problems diag.List
	problem := func(line int, format string, args ...any) {
		problems.Errorf(diag.Place{File: name, Line: line}, format, args...)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&st); err != nil && !errors.Is(err, io.EOF) {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return Style{}, diag.Problem{Place: diag.Place{File: name}, Message: strings.TrimPrefix(err.Error(), "yaml: "), Severity: diag.Error}
		}
		for _, e := range te.Errors {
			line, msg := yamlPlace(e)
			problem(line, "%s", msg)
		}
		// The values that could not be read stay as built in; they are not checked below.
	}
	for _, c := range st.Colours.Meaningful() {
		if r := Contrast(c.Colour, White); r < MinContrast {
			problem(lineOf(&root, "colours", c.Name), "colour %s %s has a contrast of %.2f:1 against white; it marks meaning, so it needs at least %.0f:1 (choose a darker shade)",
				c.Name, c.Colour.Hex(), r, MinContrast)
		}
	}
	for _, c := range st.Colours.Words() {
		if r := Contrast(c.Colour, White); r < MinTextContrast {
			problem(lineOf(&root, "colours", c.Name), "colour %s %s has a contrast of %.2f:1 against white; words are printed in it, so it needs at least %.1f:1 (choose a darker shade)",
				c.Name, c.Colour.Hex(), r, MinTextContrast)
		}
	}
	if r := Contrast(st.Colours.Text, st.Colours.Fill); r < MinTextContrast {
		problem(lineOf(&root, "colours", "fill"), "colour fill %s shades table headings, whose words are in text %s: a contrast of %.2f:1, below %.1f:1 (choose a lighter fill or a darker text)",
			st.Colours.Fill.Hex(), st.Colours.Text.Hex(), r, MinTextContrast)
	}
	sizes := []struct {
		key string
		v   float64
	}{{"title", st.Fonts.Title}, {"heading", st.Fonts.Heading}, {"subheading", st.Fonts.Subheading}, {"body", st.Fonts.Body}, {"table", st.Fonts.Table}, {"small", st.Fonts.Small}}
	for _, s := range sizes {
		if s.v < 5 || s.v > 48 {
			problem(lineOf(&root, "fonts", s.key), "font size %s is %g; give a size in points from 5 to 48", s.key, s.v)
		}
	}
	if err := problems.Err(); err != nil {
		var errs *diag.Errors
		if errors.As(err, &errs) {
			diag.SortByPlace(errs.Problems)
			if len(errs.Problems) == 1 {
				return Style{}, errs.Problems[0]
			}
		}
		return Style{}, err
	}
	return st, nil
}

// lineOf finds the line of section.key in the document, 0 when it is not there (the value
// then came from the built-in style).
func lineOf(root *yaml.Node, section, key string) int {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for _, k := range []string{section, key} {
		if n.Kind != yaml.MappingNode {
			return 0
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k {
				next = n.Content[i+1]
			}
		}
		if next == nil {
			return 0
		}
		n = next
	}
	return n.Line
}

// yamlPlace turns yaml's "line 3: field pink not found in type templates.Colours" into line 3
// and "unknown key "pink"; ...".
func yamlPlace(msg string) (int, string) {
	var line int
	if _, err := fmt.Sscanf(msg, "line %d:", &line); err != nil {
		return 0, msg
	}
	rest := strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
	if strings.HasPrefix(rest, "field ") && strings.Contains(rest, " not found") {
		key := strings.TrimPrefix(rest[:strings.Index(rest, " not found")], "field ")
		known := append(append([]string{"colours", "fonts"}, styleColours...), styleFonts...)
		if s := suggest.Nearest(key, known); s != "" {
			return line, fmt.Sprintf("unknown key %q; did you mean %q?", key, s)
		}
		return line, fmt.Sprintf("unknown key %q; style.yaml has colours (%s) and fonts (%s)", key,
			strings.Join(styleColours, ", "), strings.Join(styleFonts, ", "))
	}
	return line, rest
}

// The keys style.yaml's colours and fonts sections take.
var (
	styleColours = []string{"green", "amber", "red", "grey", "activity", "accent", "text", "muted", "rule", "fill", "band"}
	styleFonts   = []string{"title", "heading", "subheading", "body", "table", "small"}
)

func at(name string, line int) string {
	if line == 0 {
		return name
	}
	return fmt.Sprintf("%s:%d", name, line)
}

func mustBuiltin(name string) []byte {
	b, err := builtin.ReadFile(name)
	if err != nil {
		panic("templates: missing built-in " + name)
	}
	return b
}
