package chartpng

import (
	"image"
	"math/bits"
)

// drawnBlocks records which parts of a picture have been drawn on since it was last white, in
// blocks of a row: most of a chart is white background, which need then be neither made white
// again for the next chart nor read to count its colours. A chart's marks cover about a
// quarter of its picture in blocks of 32 pixels (a third in blocks of 64, a fifth in 16).
type drawnBlocks struct {
	rows   []uint64 // by row, a bit a block
	blockW int      // pixels a block
	w      int
	buf    [][2]int
}

func newDrawnBlocks(b image.Rectangle) drawnBlocks {
	d := drawnBlocks{rows: make([]uint64, b.Dy()), blockW: 32, w: b.Dx()}
	for d.w > 64*d.blockW {
		d.blockW *= 2
	}
	d.all()
	return d
}

// all marks the whole picture drawn.
func (d *drawnBlocks) all() {
	for y := range d.rows {
		d.rows[y] = 1<<((d.w+d.blockW-1)/d.blockW) - 1
	}
}

// mark records r (in the picture's pixels, which start at 0, 0) as drawn on.
func (d *drawnBlocks) mark(r image.Rectangle) {
	r = r.Intersect(image.Rect(0, 0, d.w, len(d.rows)))
	if r.Empty() {
		return
	}
	first, last := r.Min.X/d.blockW, (r.Max.X-1)/d.blockW
	m := (uint64(1)<<(last-first+1) - 1) << first
	for y := r.Min.Y; y < r.Max.Y; y++ {
		d.rows[y] |= m
	}
}

// spans is row y's drawn pixels as runs [from, to), left to right, runs of adjacent blocks
// joined; valid until the next call.
func (d *drawnBlocks) spans(y int) [][2]int {
	out := d.buf[:0]
	for m := d.rows[y]; m != 0; {
		first := bits.TrailingZeros64(m)
		n := bits.TrailingZeros64(^(m >> first))
		if n == 64 {
			m = 0
		} else {
			m &^= (uint64(1)<<n - 1) << first
		}
		out = append(out, [2]int{first * d.blockW, min((first+n)*d.blockW, d.w)})
	}
	d.buf = out
	return out
}

// clear forgets every mark.
func (d *drawnBlocks) clear() { clear(d.rows) }
