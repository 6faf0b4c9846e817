package chartpng

import (
	"cmp"
	"encoding/binary"
	"image"
	"image/color"
	"math"
	"slices"
)

// A palette turns a picture into one of at most 256 colours, for a PNG of one byte a pixel
// that needs no filtering: a quarter of the data to compress, and most of an RGBA picture's
// encoding cost was the filter. A chart is a few flat colours on white whose antialiased edges blend them
// into a thousand or so more. The 256 commonest colours are kept exactly: every flat colour,
// the white and the common blends. Each rarer edge colour, a few pixels each, is drawn in
// the kept colour nearest to it, a difference no reader sees at 150 dots an inch. The choice
// depends on the picture alone, so the same chart still gives the same bytes.
//
// It holds its tables and picture from one picture to the next.
type palette struct {
	colours colourTable
	runs    []colourRun
	order   []int32 // colour ids, commonest first
	index   []uint8 // palette index by colour id
	out     *image.Paletted
}

// colourRun is a run of equal pixels, in row order (rows wrapped into one), by colour id.
type colourRun struct {
	id int32
	n  int32
}

// of is img with at most 256 colours (see palette), in a picture that of gives again, drawn
// afresh, at its next call. The picture is read once, as runs of equal pixels (looking each
// pixel up alone would cost more than encoding it), each colour numbered as first met.
func (p *palette) of(img *image.RGBA) *image.Paletted {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	t := &p.colours
	t.reset()
	runs := p.runs[:0]
	var cur uint32
	n := int32(0)
	for y := range h {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		for x := 0; x < len(row); x += 4 {
			c := binary.BigEndian.Uint32(row[x:])
			if n > 0 && c == cur {
				n++
				continue
			}
			if n > 0 {
				runs = append(runs, colourRun{t.id(cur), n})
			}
			cur, n = c, 1
		}
	}
	if n > 0 {
		runs = append(runs, colourRun{t.id(cur), n})
	}
	p.runs = runs
	for _, r := range runs {
		t.count[r.id] += int(r.n)
	}

	order := p.order[:0]
	for id := range t.colour {
		order = append(order, int32(id))
	}
	p.order = order
	slices.SortFunc(order, func(a, b int32) int {
		if t.count[a] != t.count[b] {
			return cmp.Compare(t.count[b], t.count[a])
		}
		return cmp.Compare(t.colour[a], t.colour[b])
	})
	kept := order[:min(len(order), 256)]
	pal := make(color.Palette, len(kept))
	index := slices.Grow(p.index[:0], len(order))[:len(order)]
	p.index = index
	channels := make([][4]int32, len(kept))
	for i, id := range kept {
		pal[i] = unpack(t.colour[id])
		index[id] = uint8(i)
		channels[i] = split(t.colour[id])
	}
	for _, id := range order[len(kept):] {
		index[id] = nearest(channels, split(t.colour[id]))
	}

	if p.out == nil || p.out.Bounds() != b {
		p.out = image.NewPaletted(b, pal)
	}
	out := p.out
	out.Palette = pal
	at := 0
	for _, r := range runs {
		i := index[r.id]
		px := out.Pix[at : at+int(r.n)]
		for k := range px {
			px[k] = i
		}
		at += int(r.n)
	}
	return out
}

// colourTable numbers colours as they are first met: an open-addressed hash table, several
// times quicker than a map for the one lookup each run of pixels needs.
type colourTable struct {
	slots  []int32 // colour id + 1 by hash slot; 0 is empty
	shift  uint32  // 32 less the bits of a slot number
	colour []uint32
	count  []int
}

func (t *colourTable) reset() {
	if t.slots == nil {
		t.slots, t.shift = make([]int32, 1<<12), 32-12
	}
	clear(t.slots)
	t.colour, t.count = t.colour[:0], t.count[:0]
}

func (t *colourTable) id(c uint32) int32 {
	mask := uint32(len(t.slots) - 1)
	for i := t.hash(c); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			break
		}
		if t.colour[s-1] == c {
			return s - 1
		}
	}
	if 2*(len(t.colour)+1) > len(t.slots) {
		t.grow()
	}
	id := int32(len(t.colour))
	t.colour = append(t.colour, c)
	t.count = append(t.count, 0)
	t.place(c, id)
	return id
}

func (t *colourTable) place(c uint32, id int32) {
	mask := uint32(len(t.slots) - 1)
	i := t.hash(c)
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = id + 1
}

// hash is Fibonacci hashing: the top bits of c times 2^32 over the golden ratio.
func (t *colourTable) hash(c uint32) uint32 { return (c * 0x9E3779B1) >> t.shift }

func (t *colourTable) grow() {
	t.slots, t.shift = make([]int32, 2*len(t.slots)), t.shift-1
	for id, c := range t.colour {
		t.place(c, int32(id))
	}
}

func unpack(c uint32) color.RGBA {
	return color.RGBA{uint8(c >> 24), uint8(c >> 16), uint8(c >> 8), uint8(c)}
}

func split(c uint32) [4]int32 {
	return [4]int32{int32(c >> 24), int32(c >> 16 & 0xff), int32(c >> 8 & 0xff), int32(c & 0xff)}
}

// nearest is the index of the colour in kept closest to c (squared distance over the four
// channels; the first of equals). A colour is dropped as soon as its distance so far is no
// nearer than the best: most are, after a channel or two.
func nearest(kept [][4]int32, c [4]int32) uint8 {
	best, bestD := 0, int32(math.MaxInt32)
	for i, k := range kept {
		d0, d1, d2, d3 := k[0]-c[0], k[1]-c[1], k[2]-c[2], k[3]-c[3]
		d := d0 * d0
		if d >= bestD {
			continue
		}
		if d += d1 * d1; d >= bestD {
			continue
		}
		if d += d2 * d2; d >= bestD {
			continue
		}
		if d += d3 * d3; d < bestD {
			best, bestD = i, d
		}
	}
	return uint8(best)
}
