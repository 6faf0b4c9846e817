package chartpng

import (
	"image"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// glyphCache is a face that keeps each glyph as first drawn at each sub-pixel position, so
// that the labels every chart repeats (its axis, its legend, its period labels) are drawn
// from the glyph's outline once a canvas rather than once a letter. A glyph at a position
// whole pixels away is the same mask moved by those pixels (opentype.Face.Glyph works from
// the position's fraction alone), so the pictures are the same.
type glyphCache struct {
	font.Face
	glyphs map[glyphKey]glyph
	drawn  *drawnBlocks // where each glyph given is marked, as font.Drawer draws it there; or nil
}

// maxGlyphs bounds a face's cache (a glyph's mask is about 100 bytes at a chart's sizes):
// a letter may be met at any of 64 x 64 fractions of a pixel, though a chart's labels meet
// far fewer.
const maxGlyphs = 16384

type glyphKey struct {
	r      rune
	fx, fy fixed.Int26_6 // the position's fraction of a pixel
}

type glyph struct {
	dr      image.Rectangle // at the position's whole pixels (0, 0)
	mask    image.Image     // nil when the face gave none
	maskp   image.Point
	advance fixed.Int26_6
	ok      bool
}

func newGlyphCache(f font.Face) *glyphCache {
	return &glyphCache{Face: f, glyphs: map[glyphKey]glyph{}}
}

// Glyph gives what the face gives, ok or not: a letter the font lacks comes with ok false
// and the font's box for a missing letter, which font.Drawer draws all the same.
func (c *glyphCache) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	dr, mask, maskp, advance, ok := c.glyph(dot, r)
	if c.drawn != nil {
		c.drawn.mark(dr)
	}
	return dr, mask, maskp, advance, ok
}

func (c *glyphCache) glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	whole := image.Point{X: dot.X.Floor(), Y: dot.Y.Floor()}
	k := glyphKey{r: r, fx: dot.X - fixed.I(whole.X), fy: dot.Y - fixed.I(whole.Y)}
	g, seen := c.glyphs[k]
	if !seen {
		dr, mask, maskp, advance, ok := c.Face.Glyph(fixed.Point26_6{X: k.fx, Y: k.fy}, r)
		g = glyph{dr: dr, maskp: maskp, advance: advance, ok: ok}
		switch m := mask.(type) {
		case nil:
		case *image.Alpha: // the face draws every glyph into one mask of its own
			g.mask = &image.Alpha{Pix: append([]uint8(nil), m.Pix...), Stride: m.Stride, Rect: m.Rect}
		default:
			return c.Face.Glyph(dot, r)
		}
		if len(c.glyphs) >= maxGlyphs {
			clear(c.glyphs)
		}
		c.glyphs[k] = g
	}
	if g.mask == nil {
		return g.dr, nil, g.maskp, g.advance, g.ok
	}
	return g.dr.Add(whole), g.mask, g.maskp, g.advance, g.ok
}
