package chartpng

import (
	"bytes"
	"image"
	"image/draw"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// TestGlyphCacheDrawsAsTheFace: text drawn through the cache at many positions, whole and
// part pixels, again and again, is pixel for pixel the text the face draws itself.
func TestGlyphCacheDrawsAsTheFace(t *testing.T) {
	f, err := goFont()
	if err != nil {
		t.Fatal(err)
	}
	newFace := func() font.Face {
		face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 7 * 0.3528 * PxPerMM, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			t.Fatal(err)
		}
		return face
	}
	plain, cached := newFace(), newGlyphCache(newFace())
	draws := func(face font.Face) []byte {
		img := image.NewRGBA(image.Rect(0, 0, 400, 300))
		draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
		d := font.Drawer{Dst: img, Src: image.Black, Face: face}
		for i := range 60 {
			for _, s := range []string{"2023/24 Q2", "£1,234.5", "Target – Floor", "Trend line ● ◆ ■"} {
				d.Dot = fixed.Point26_6{X: fixed.Int26_6(i*149%20000 + 640), Y: fixed.Int26_6(i*97%16000 + 1280)}
				d.DrawString(s)
			}
		}
		return img.Pix
	}
	want := draws(plain)
	for round := range 2 { // the second round draws from the cache alone
		if got := draws(cached); !bytes.Equal(got, want) {
			t.Fatalf("round %d: the cached glyphs draw other pixels than the face", round)
		}
	}
	if len(cached.glyphs) == 0 {
		t.Fatal("nothing cached")
	}
}
