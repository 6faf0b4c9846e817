package chartpng

import (
	"bytes"
	"image"
	"image/color"
	"slices"
	"sort"
	"testing"

	"github.com/example/qpr/pkg/present"
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

// referencePaletted is paletted's rule done the plain way, a pixel at a time with a map: the
// 256 commonest colours (ties to the lower RGBA value) kept in that order, each other colour
// drawn in the kept colour nearest by squared distance over the four channels (the first of
// equals).
func referencePaletted(img *image.RGBA) *image.Paletted {
	b := img.Bounds()
	counts := map[color.RGBA]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			counts[img.RGBAAt(x, y)]++
		}
	}
	packed := func(c color.RGBA) uint32 {
		return uint32(c.R)<<24 | uint32(c.G)<<16 | uint32(c.B)<<8 | uint32(c.A)
	}
	all := make([]color.RGBA, 0, len(counts))
	for c := range counts {
		all = append(all, c)
	}
	sort.Slice(all, func(i, j int) bool {
		if counts[all[i]] != counts[all[j]] {
			return counts[all[i]] > counts[all[j]]
		}
		return packed(all[i]) < packed(all[j])
	})
	kept := all[:min(len(all), 256)]
	pal := make(color.Palette, len(kept))
	for i, c := range kept {
		pal[i] = c
	}
	to := map[color.RGBA]uint8{}
	for _, c := range all {
		best, bestD := 0, -1
		for i, k := range kept {
			d := (int(k.R)-int(c.R))*(int(k.R)-int(c.R)) + (int(k.G)-int(c.G))*(int(k.G)-int(c.G)) +
				(int(k.B)-int(c.B))*(int(k.B)-int(c.B)) + (int(k.A)-int(c.A))*(int(k.A)-int(c.A))
			if bestD < 0 || d < bestD {
				best, bestD = i, d
			}
		}
		to[c] = uint8(best)
	}
	out := image.NewPaletted(b, pal)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			out.SetColorIndex(x, y, to[img.RGBAAt(x, y)])
		}
	}
	return out
}

// TestPalettedAsTheRuleSays: the example's charts, and a picture of thousands of colours
// (more than the colour table first holds), come out of one reused palette exactly as the
// plain rule gives them, palette order included, so the pictures' bytes do not change.
func TestPalettedAsTheRuleSays(t *testing.T) {
	r := exampleReport(t)
	st := style(t)
	var pictures []*image.RGBA
	for i := range r.Indicators[:12] {
		img, err := Paint(present.ChartOf(&r.Indicators[i]), st)
		if err != nil {
			t.Fatal(err)
		}
		pictures = append(pictures, img)
	}
	many := image.NewRGBA(image.Rect(0, 0, 300, 40))
	for i := range many.Pix {
		many.Pix[i] = uint8(i*7 + i/300*13)
	}
	pictures = append(pictures, many)
	var p palette
	for n, img := range pictures {
		got, want := p.of(img, nil), referencePaletted(img)
		if len(got.Palette) != len(want.Palette) {
			t.Fatalf("picture %d: %d colours, want %d", n, len(got.Palette), len(want.Palette))
		}
		for i := range want.Palette {
			if got.Palette[i] != want.Palette[i] {
				t.Fatalf("picture %d: colour %d is %v, want %v", n, i, got.Palette[i], want.Palette[i])
			}
		}
		if !bytes.Equal(got.Pix, want.Pix) {
			t.Fatalf("picture %d: the pixels differ from the rule's", n)
		}
	}
}

// paletted is img through a fresh palette.
func paletted(img *image.RGBA) *image.Paletted {
	var p palette
	return p.of(img, nil)
}

// TestNearestKeptAsEveryColourTried: the search out from a colour's red finds the colour
// trying every kept colour in palette order finds (the first of equals), for kept colours with
// many equal reds and colours at equal distances from two of them.
func TestNearestKeptAsEveryColourTried(t *testing.T) {
	var colour []uint32
	for i := range 300 {
		// reds in a few values only, greens and blues spread, some not opaque
		c := uint32(i%5*60)<<24 | uint32(i*37%256)<<16 | uint32(i*91%256)<<8 | uint32(255-i%3)
		if !slices.Contains(colour, c) {
			colour = append(colour, c)
		}
	}
	kept := make([]int32, 0, 256)
	for id := range colour[:256] {
		kept = append(kept, int32(id))
	}
	var n nearestKept
	n.reset(colour, kept)
	for r := 0; r < 256; r += 3 {
		for g := 0; g < 256; g += 17 {
			for b := 0; b < 256; b += 29 {
				c := [4]int32{int32(r), int32(g), int32(b), int32(255 - r%4)}
				want, wantD := 0, -1
				for i, id := range kept {
					k := split(colour[id])
					d := 0
					for ch := range 4 {
						d += int((k[ch] - c[ch]) * (k[ch] - c[ch]))
					}
					if wantD < 0 || d < wantD {
						want, wantD = i, d
					}
				}
				if got := n.nearest(c); int(got) != want {
					t.Fatalf("%v: kept colour %d, want %d", c, got, want)
				}
			}
		}
	}
}

// TestDrawnBlocksHoldEveryMark: reading only the blocks a chart was drawn on gives the palette
// and pixels that reading the whole picture gives, for the example's charts painted one after
// another on one canvas (each made white again only where the last was drawn).
func TestDrawnBlocksHoldEveryMark(t *testing.T) {
	r := exampleReport(t)
	st := style(t)
	f, err := goFont()
	if err != nil {
		t.Fatal(err)
	}
	cv := newCanvas(f)
	var blocks, whole palette
	for i := range r.Indicators {
		cv.paint(present.ChartOf(&r.Indicators[i]), st)
		got, want := blocks.of(cv.img, &cv.drawn), whole.of(cv.img, nil)
		if !slices.Equal(got.Palette, want.Palette) || !bytes.Equal(got.Pix, want.Pix) {
			t.Fatalf("%s: reading the drawn blocks gives another picture than reading all", r.Indicators[i].Code)
		}
	}
}
