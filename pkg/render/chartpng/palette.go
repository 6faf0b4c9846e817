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
	order   []int32                // colour ids, commonest first
	index   []uint8                // palette index by colour id
	hist    []int                  // how many colours have each count of pixels
	kept    []uint32               // the palette's colours, packed
	boxed   map[uint32]color.Color // the palette's colours as an image's palette holds them, kept from picture to picture
	near    nearestKept
	out     *image.Paletted
}

// colourRun is a run of equal pixels, in row order (rows wrapped into one), by colour id.
type colourRun struct {
	id int32
	n  int32
}

// of is img with at most 256 colours (see palette), in a picture that of gives again, drawn
// afresh, at its next call. The picture is read once, as runs of equal pixels (looking each
// pixel up alone would cost more than encoding it), each colour numbered as first met. Where
// drawn is not nil, only its blocks are read: every other pixel is white.
func (p *palette) of(img *image.RGBA, drawn *drawnBlocks) *image.Paletted {
	b := img.Bounds()
	t := &p.colours
	t.reset()
	p.runs = p.read(img, drawn)
	for _, r := range p.runs {
		t.count[r.id] += int(r.n)
	}

	kept, rest := p.commonest()
	pal := make(color.Palette, len(kept))
	index := slices.Grow(p.index[:0], len(t.colour))[:len(t.colour)]
	p.index = index
	p.kept = p.kept[:0]
	if p.boxed == nil {
		p.boxed = map[uint32]color.Color{}
	}
	for i, id := range kept {
		c := t.colour[id]
		p.kept = append(p.kept, c)
		boxed, ok := p.boxed[c]
		if !ok {
			if len(p.boxed) >= maxBoxed {
				clear(p.boxed)
			}
			boxed = unpack(c)
			p.boxed[c] = boxed
		}
		pal[i] = boxed
		index[id] = uint8(i)
	}
	p.near.reset(t.colour, kept)
	for _, id := range rest {
		index[id] = p.near.nearest(split(t.colour[id]))
	}

	if p.out == nil || p.out.Bounds() != b {
		p.out = image.NewPaletted(b, pal)
	}
	out := p.out
	out.Palette = pal
	at := 0
	for _, r := range p.runs {
		i := index[r.id]
		px := out.Pix[at : at+int(r.n)]
		if i == 0 { // the commonest colour, mostly white: cleared a word at a time
			clear(px)
		} else {
			for k := range px {
				px[k] = i
			}
		}
		at += int(r.n)
	}
	return out
}

// maxBoxed bounds the colours boxed for the palette, about 20 bytes each, kept for the next
// picture: the charts of one style share most of their colours.
const maxBoxed = 4096

// adler is the zlib checksum (Adler-32) of the picture's PNG rows, each led by its filter
// byte 0, as the last call of of gave the picture: worked out a run at a time, where zlib
// adds each byte in turn. n bytes of v added to the sums (s1, s2) give s1 + n*v and
// s2 + n*s1 + v*n*(n+1)/2.
func (p *palette) adler(width int) uint32 {
	const mod = 65521
	s1, s2 := uint64(1), uint64(0)
	x := 0 // place in the row
	for _, r := range p.runs {
		v := uint64(p.index[r.id])
		for left := int(r.n); left > 0; {
			if x == 0 { // the row's filter byte, 0
				s2 = (s2 + s1) % mod
			}
			n := min(left, width-x)
			k := uint64(n)
			s2 = (s2 + k*s1 + v*k*(k+1)/2) % mod
			s1 = (s1 + k*v) % mod
			left -= n
			if x += n; x == width {
				x = 0
			}
		}
	}
	return uint32(s2<<16 | s1)
}

// white is the colour every pixel outside the drawn blocks has, packed as the runs are.
const white = 0xffffffff

// read is img as runs of equal pixels, rows wrapped into one.
func (p *palette) read(img *image.RGBA, drawn *drawnBlocks) []colourRun {
	t := &p.colours
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	runs := p.runs[:0]
	var cur uint32
	n := int32(0)
	// add counts k pixels of colour c
	add := func(c uint32, k int32) {
		if n > 0 && c == cur {
			n += k
			return
		}
		if n > 0 {
			runs = append(runs, colourRun{t.id(cur), n})
		}
		cur, n = c, k
	}
	scan := func(px []byte) {
		for x := 0; x < len(px); {
			c := binary.BigEndian.Uint32(px[x:])
			if n > 0 && c == cur {
				// the rest of the run two pixels at a time
				two := uint64(c)<<32 | uint64(c)
				x += 4
				n++
				for x+8 <= len(px) && binary.BigEndian.Uint64(px[x:]) == two {
					x += 8
					n += 2
				}
				continue
			}
			add(c, 1)
			x += 4
		}
	}
	for y := range h {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		if drawn == nil {
			scan(row)
			continue
		}
		x := 0
		for _, span := range drawn.spans(y) {
			if span[0] > x {
				add(white, int32(span[0]-x))
			}
			scan(row[4*span[0] : 4*span[1]])
			x = span[1]
		}
		if w > x {
			add(white, int32(w-x))
		}
	}
	if n > 0 {
		runs = append(runs, colourRun{t.id(cur), n})
	}
	return runs
}

// commonest gives the ids of the 256 commonest colours (ties to the lower RGBA value) in that
// order, and the others in no order. Only the colours at least as common as the 256th are
// sorted: a chart has a thousand or so, most of them a few pixels each.
func (p *palette) commonest() (kept, rest []int32) {
	t := &p.colours
	const keep = 256
	order := p.order[:0]
	byCount := func(a, b int32) int {
		if t.count[a] != t.count[b] {
			return cmp.Compare(t.count[b], t.count[a])
		}
		return cmp.Compare(t.colour[a], t.colour[b])
	}
	if len(t.colour) <= keep {
		for id := range t.colour {
			order = append(order, int32(id))
		}
		slices.SortFunc(order, byCount)
		p.order = order
		return order, nil
	}
	// the 256th commonest count, from how many colours have each count (counts past the
	// histogram's end in its last place)
	hist := p.hist[:0]
	hist = slices.Grow(hist, histLen)[:histLen]
	clear(hist)
	for _, c := range t.count {
		hist[min(c, histLen-1)]++
	}
	p.hist = hist
	least, seen := histLen-1, 0
	for ; least > 0; least-- {
		if seen += hist[least]; seen >= keep {
			break
		}
	}
	// the colours at least that common first, sorted, then the others
	for id, c := range t.count {
		if c >= least {
			order = append(order, int32(id))
		}
	}
	many := len(order)
	for id, c := range t.count {
		if c < least {
			order = append(order, int32(id))
		}
	}
	p.order = order
	slices.SortFunc(order[:many], byCount)
	return order[:keep], order[keep:]
}

// histLen is the histogram's length: a count of pixels past it is rare in a chart.
const histLen = 1 << 12

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

// nearestKept finds the kept colour nearest to a colour (squared distance over the four
// channels; the first of equals), looking only at the kept colours whose red is no further
// from the colour's than the nearest so far: a few of the 256, where trying each in turn made
// this a fifth of a picture's cost.
type nearestKept struct {
	byRed []keptColour // red first, then the palette index
	from  [257]int32   // by red, the first in byRed of that red or more
}

type keptColour struct {
	c [4]int32
	i int32 // palette index
}

// reset takes the kept colours, the ids of colour in palette order.
func (n *nearestKept) reset(colour []uint32, kept []int32) {
	n.byRed = n.byRed[:0]
	for i, id := range kept {
		n.byRed = append(n.byRed, keptColour{split(colour[id]), int32(i)})
	}
	slices.SortFunc(n.byRed, func(a, b keptColour) int {
		if a.c[0] != b.c[0] {
			return cmp.Compare(a.c[0], b.c[0])
		}
		return cmp.Compare(a.i, b.i)
	})
	at := 0
	for red := range n.from {
		for at < len(n.byRed) && n.byRed[at].c[0] < int32(red) {
			at++
		}
		n.from[red] = int32(at)
	}
}

// nearest searches out from c's red both ways, the nearer red first, until the red alone is
// further than the nearest colour so far.
func (n *nearestKept) nearest(c [4]int32) uint8 {
	k := n.byRed
	Queries++
	hi := int(n.from[c[0]])
	lo := hi - 1
	best, bestD := int32(0), int32(math.MaxInt32)
	for lo >= 0 || hi < len(k) {
		var e keptColour
		switch {
		case hi >= len(k) || lo >= 0 && c[0]-k[lo].c[0] <= k[hi].c[0]-c[0]:
			e = k[lo]
			lo--
		default:
			e = k[hi]
			hi++
		}
		Tried++
		d0 := e.c[0] - c[0]
		if d0*d0 > bestD {
			break
		}
		d1, d2, d3 := e.c[1]-c[1], e.c[2]-c[2], e.c[3]-c[3]
		if d := d0*d0 + d1*d1 + d2*d2 + d3*d3; d < bestD || d == bestD && e.i < best {
			best, bestD = e.i, d
		}
	}
	return uint8(best)
}

var Tried, Queries int
