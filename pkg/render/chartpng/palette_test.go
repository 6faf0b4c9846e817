package chartpng

import (
	"image"
	"image/color"
	"testing"
)

// A picture of few colours is kept exactly.
func TestPalettedKeepsFewColoursExactly(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 7, 3))
	cs := []color.RGBA{{255, 255, 255, 255}, {10, 20, 30, 255}, {200, 0, 0, 255}}
	for y := range 3 {
		for x := range 7 {
			img.SetRGBA(x, y, cs[(x*y+x)%3])
		}
	}
	p := paletted(img)
	for y := range 3 {
		for x := range 7 {
			if got, want := color.RGBAModel.Convert(p.At(x, y)), cs[(x*y+x)%3]; got != want {
				t.Fatalf("(%d,%d) = %v, want %v", x, y, got, want)
			}
		}
	}
}

// Past 256 colours the commonest are kept exactly and each rare one takes the kept colour
// nearest to it: here 256 opaque greys drawn twice each, and 44 of them again a shade less
// than opaque, once each, which become their opaque selves.
func TestPalettedDrawsRareColoursInTheNearestKept(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 256*2+44, 1))
	x := 0
	for g := range 256 {
		for range 2 {
			img.SetRGBA(x, 0, color.RGBA{uint8(g), uint8(g), uint8(g), 255})
			x++
		}
	}
	for g := range 44 {
		img.SetRGBA(x, 0, color.RGBA{uint8(g), uint8(g), uint8(g), 254})
		x++
	}
	p := paletted(img)
	if len(p.Palette) != 256 {
		t.Fatalf("palette of %d colours, want 256", len(p.Palette))
	}
	for x := range img.Bounds().Dx() {
		want := img.RGBAAt(x, 0)
		if x >= 512 {
			want.A = 255
		}
		if got := color.RGBAModel.Convert(p.At(x, 0)); got != want {
			t.Fatalf("x=%d: %v, want %v", x, got, want)
		}
	}
}
