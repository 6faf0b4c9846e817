package templates

import (
	"math"
	"strings"
	"testing"
)

// The WCAG formula checked against ratios published by WebAIM's contrast checker.
func TestContrastFormula(t *testing.T) {
	cases := []struct {
		c    Colour
		want float64
	}{
		{Colour{0, 0, 0}, 21},
		{Colour{255, 255, 255}, 1},
		{Colour{0x76, 0x76, 0x76}, 4.54}, // the lightest grey that passes AA on white
		// by hand: L = 0.7152*0.1620 + 0.0722*0.0452 = 0.1191, so 1.05/0.1691 = 6.21
		{Colour{0x00, 0x70, 0x3C}, 6.21},
	}
	for _, c := range cases {
		if got := Contrast(c.c, White); math.Abs(got-c.want) > 0.01 {
			t.Errorf("contrast of %s = %.3f, want %.2f", c.c.Hex(), got, c.want)
		}
	}
}

// Every colour that marks meaning in the built-in style must reach 3:1 on white.
func TestBuiltinColoursMeetThreeToOne(t *testing.T) {
	for _, c := range Default().Style().Colours.Meaningful() {
		r := Contrast(c.Colour, White)
		t.Logf("%-8s %s %.2f:1", c.Name, c.Colour.Hex(), r)
		if r < MinContrast {
			t.Errorf("%s %s has contrast %.2f:1 against white, below 3:1", c.Name, c.Colour.Hex(), r)
		}
	}
}

// Words are printed in text, muted and accent (on white) and in text on the table headings'
// fill: each pair must reach 4.5:1 (WCAG 1.4.3). A style that fails is refused with its line.
func TestWordColoursMeetFourAndAHalfToOne(t *testing.T) {
	st := Default().Style()
	for _, c := range st.Colours.Words() {
		if r := Contrast(c.Colour, White); r < MinTextContrast {
			t.Errorf("%s %s has contrast %.2f:1 against white, below 4.5:1", c.Name, c.Colour.Hex(), r)
		}
	}
	if r := Contrast(st.Colours.Text, st.Colours.Fill); r < MinTextContrast {
		t.Errorf("text on fill has contrast %.2f:1, below 4.5:1", r)
	}
	// #949494 is 3.03:1 on white: enough for a mark, too pale for words.
	_, err := parseStyle([]byte("colours:\n  muted: \"#949494\"\n"), "style.yaml")
	want := "style.yaml:2: colour muted #949494 has a contrast of 3.03:1 against white; words are printed in it, so it needs at least 4.5:1 (choose a darker shade)"
	if err == nil || err.Error() != want {
		t.Errorf("a pale muted colour: error %v, want %s", err, want)
	}
	_, err = parseStyle([]byte("colours:\n  fill: \"#505A5F\"\n"), "style.yaml")
	if err == nil || !strings.HasPrefix(err.Error(), "style.yaml:2: colour fill #505A5F shades table headings") {
		t.Errorf("a dark fill: error %v, want it refused at style.yaml:2", err)
	}
}
