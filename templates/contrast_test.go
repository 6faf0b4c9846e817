package templates

import (
	"math"
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
