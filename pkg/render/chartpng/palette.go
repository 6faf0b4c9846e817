package chartpng

import (
	"cmp"
	"encoding/binary"
	"image"
	"image/color"
	"slices"
)

// paletted is img with at most 256 colours, for a PNG of one byte a pixel that needs no
// filtering: a quarter of the data to compress, and most of an RGBA picture's encoding cost
// was the filter. A chart is a few flat colours on white whose antialiased edges blend them
// into a thousand or so more. The 256 commonest colours are kept exactly: every flat colour,
// the white and the common blends. Each rarer edge colour, a few pixels each, is drawn in
// the kept colour nearest to it, a difference no reader sees at 150 dots an inch. The choice
// depends on the picture alone, so the same chart still gives the same bytes.
func paletted(img *image.RGBA) *image.Paletted {
	var p palette
	return p.of(img)
}

// palette holds paletted's tables and picture from one picture to the next.
type palette struct {
	counts map[uint32]int
	index  map[uint32]uint8
	all    []tally
	out    *image.Paletted
}

type tally struct {
	c uint32
	n int
}

// of is img with at most 256 colours (see paletted), in a picture that of gives again, drawn
// afresh, at its next call.
func (p *palette) of(img *image.RGBA) *image.Paletted {
	b := img.Bounds()
	if p.counts == nil {
		p.counts, p.index = map[uint32]int{}, map[uint32]uint8{}
	}
	counts := p.counts
	clear(counts)
	forRuns(img, func(c uint32, n int) { counts[c] += n })

	all := p.all[:0]
	for c, n := range counts {
		all = append(all, tally{c, n})
	}
	p.all = all
	slices.SortFunc(all, func(a, b tally) int {
		if a.n != b.n {
			return cmp.Compare(b.n, a.n)
		}
		return cmp.Compare(a.c, b.c)
	})
	kept := all[:min(len(all), 256)]
	pal := make(color.Palette, len(kept))
	index := p.index
	clear(index)
	for i, t := range kept {
		pal[i] = unpack(t.c)
		index[t.c] = uint8(i)
	}
	channels := make([][4]int32, len(kept))
	for i, t := range kept {
		channels[i] = split(t.c)
	}
	for _, t := range all[len(kept):] {
		index[t.c] = nearest(channels, split(t.c))
	}

	if p.out == nil || p.out.Bounds() != b {
		p.out = image.NewPaletted(b, pal)
	}
	out := p.out
	out.Palette = pal
	at := 0
	forRuns(img, func(c uint32, n int) {
		i := index[c]
		for end := at + n; at < end; at++ {
			out.Pix[at] = i
		}
	})
	return out
}

// forRuns calls f for each run of equal pixels of img in row order (rows wrapped into one),
// with the colour packed as RGBA in a uint32; looking each pixel up alone would cost more
// than encoding it.
func forRuns(img *image.RGBA, f func(c uint32, n int)) {
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	var run uint32
	n := 0
	for y := range h {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		for x := 0; x < len(row); x += 4 {
			c := binary.BigEndian.Uint32(row[x:])
			if n > 0 && c == run {
				n++
				continue
			}
			if n > 0 {
				f(run, n)
			}
			run, n = c, 1
		}
	}
	if n > 0 {
		f(run, n)
	}
}

func unpack(c uint32) color.RGBA {
	return color.RGBA{uint8(c >> 24), uint8(c >> 16), uint8(c >> 8), uint8(c)}
}

func split(c uint32) [4]int32 {
	return [4]int32{int32(c >> 24), int32(c >> 16 & 0xff), int32(c >> 8 & 0xff), int32(c & 0xff)}
}

// nearest is the index of the colour in kept closest to c (squared distance over the four
// channels; the first of equals).
func nearest(kept [][4]int32, c [4]int32) uint8 {
	best, bestD := 0, int32(-1)
	for i, k := range kept {
		d0, d1, d2, d3 := k[0]-c[0], k[1]-c[1], k[2]-c[2], k[3]-c[3]
		d := d0*d0 + d1*d1 + d2*d2 + d3*d3
		if bestD < 0 || d < bestD {
			best, bestD = i, d
		}
	}
	return uint8(best)
}
