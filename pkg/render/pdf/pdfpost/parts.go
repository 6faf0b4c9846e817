package pdfpost

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

// FootFont is the resource name under which each page of a part given to Parts.Add finds the
// first part's font its foot is drawn in (the font Parts.FootFontName names).
const FootFont = "FPart1"

// Parts joins a document fpdf wrote in parts, each part a document of its own, into one
// tagged PDF: fpdf holds a document's every page until it writes it, so a long document
// written in parts is held a part at a time. The painter draws the parts with one Tagger
// counting pages over the whole document; it adds the middle parts as each is finished,
// compressed at once and kept compressed, and gives the first part (open to the end for what
// is written into it last) and the last part to Write.
//
// A middle part is finished before the document's length is known, so pdfpost writes each
// of its pages' "page n of N" foot: Foot gives the content drawing it, selecting the first
// part's font whose /BaseFont is FootFontName as the resource FootFont. Every character Foot
// draws must be in the first part's subset of that font, which draws the same foot itself.
type Parts struct {
	Foot         func(page, pages int) []byte
	FootFontName string
	parts        []*part
	// pending is closed once the part being compressed in the background is ready; err is
	// the first failure to read a part.
	pending chan struct{}
	err     error
}

// part is a document's objects, compressed, numbered as its own file numbers them.
type part struct {
	objs  []object
	pages []int
	size  int
	foot  bool
}

// Add takes src, a middle part as fpdf wrote it with compression off, and keeps its objects
// compressed; nothing of src is kept. It is compressed while the painter draws the next
// part, one part at a time; a failure is reported by Write.
func (ps *Parts) Add(src []byte) {
	ps.AddFrom(func() ([]byte, error) { return src, nil }, nil)
}

// AddFrom is Add of the part write writes, called in the background too: fpdf writing a
// finished part is a fifth of the work of drawing it, which the painter need not wait for.
// write must use nothing the painter goes on to use. later holds what stands for the marks
// in the part's pages (nil when there are none), and is not written to again.
func (ps *Parts) AddFrom(write func() ([]byte, error), later *Later) {
	ps.wait()
	i := len(ps.parts)
	ps.parts = append(ps.parts, nil)
	done := make(chan struct{})
	ps.pending = done
	go func() {
		defer close(done)
		src, err := write()
		if err != nil {
			ps.err = err
			return
		}
		p, err := readPart(src, true, later)
		if err != nil {
			ps.err = err
			return
		}
		ps.parts[i] = p
	}()
}

// wait waits for the part being compressed, if any.
func (ps *Parts) wait() {
	if ps.pending != nil {
		<-ps.pending
		ps.pending = nil
	}
}

// readPart is src's objects compressed, less its page tree's root, catalogue and
// information dictionary, which the first part's stand for.
func readPart(src []byte, foot bool, later *Later) (*part, error) {
	f, pages, err := parseCompressed(src, later)
	if err != nil {
		return nil, err
	}
	cat, _ := f.obj(f.root)
	if bytes.Contains(cat, []byte("/Metadata ")) || bytes.Contains(cat, []byte("/Outlines ")) {
		return nil, errNotFpdf("a later part with metadata or an outline of its own")
	}
	f.detach()
	p := &part{pages: pages, size: f.size, foot: foot}
	for _, o := range f.objs {
		if o.num == 1 || o.num == f.root || o.num == f.info {
			continue
		}
		p.objs = append(p.objs, o)
	}
	return p, nil
}

// detach copies what f still reads from the file it was parsed from, so that the file,
// uncompressed, can go: the pages' content is compressed into copies already.
func (f *file) detach() {
	for i, o := range f.objs {
		if !o.own { // a compressed page's content is a copy already
			f.objs[i].text, f.objs[i].own = bytes.Clone(o.text), true
		}
	}
	f.header = bytes.Clone(f.header)
	f.src = nil
}

// Write writes the whole document to w, compressed and tagged as Tagged does: first, the
// first part as fpdf wrote it with compression off, then the parts added, then last (nil
// when the first part is the last), each part's pages in order, numbered over the whole
// document as t counted them.
func (ps *Parts) Write(w io.Writer, first, last []byte, t *Tagger) error {
	return ps.WriteLater(w, first, last, nil, nil, t)
}

// WriteLater is Write of a first and last part whose pages' marks stand for what firstLater
// and lastLater hold.
func (ps *Parts) WriteLater(w io.Writer, first, last []byte, firstLater, lastLater *Later, t *Tagger) error {
	ps.wait()
	if err := t.Err(); err != nil {
		return err
	}
	if ps.err != nil {
		return ps.err
	}
	t.w = nil // drawing is over: let fpdf's pages go
	if t.open != nil || t.paused != nil {
		return fmt.Errorf("pdfpost: marked content left open")
	}
	f, pages, err := parseCompressed(first, firstLater)
	if err != nil {
		return err
	}
	f.detach()
	first = nil
	parts := ps.parts
	ps.parts = nil
	if last != nil {
		p, err := readPart(last, false, lastLater)
		if err != nil {
			return err
		}
		parts = append(parts, p)
		last = nil
	}
	var loose [][]byte
	if len(parts) > 0 {
		if pages, loose, err = ps.join(f, pages, parts); err != nil {
			return err
		}
	}
	return tag(w, f, pages, t, loose)
}

var (
	objHeadRe = regexp.MustCompile(`^(\d+) 0 obj\n`)
	contentRe = regexp.MustCompile(`/Contents (\d+) 0 R>>`)
	kidsCount = regexp.MustCompile(`/Kids \[(?:\d+ 0 R )*\]\n/Count \d+\n`)
)

// join appends the objects of parts to f, the first part, numbered on from its own, and
// returns every page in order and the feet of the pages of the parts that need them, to be
// written numbered from f.size on.
func (ps *Parts) join(f *file, pages []int, parts []*part) ([]int, [][]byte, error) {
	font := 0
	if ps.FootFontName != "" {
		head := []byte("<</Type /Font\n/Subtype /Type0\n/BaseFont /" + ps.FootFontName + "\n")
		for _, o := range f.objs {
			if bytes.HasPrefix(o.text[len(strconv.Itoa(o.num))+len(" 0 obj\n"):], head) {
				font = o.num
				break
			}
		}
	}
	next := f.size
	type foot struct{ page, obj int }
	var feet []foot
	for _, p := range parts {
		if p.foot && (ps.Foot == nil || font == 0) {
			return nil, nil, fmt.Errorf("pdfpost: a middle part without the font or content of its pages' feet")
		}
		num := make([]int, p.size)
		num[1] = 1 // the pages' parent: the first part's page tree
		for _, o := range p.objs {
			num[o.num] = next
			next++
		}
		for _, o := range p.objs {
			text, err := renumber(o.text, num)
			if err != nil {
				return nil, nil, err
			}
			if o.num == 2 && p.foot {
				// the part's resources: the fonts of its own and the first part's font
				at := bytes.Index(text, []byte("/Font <<\n"))
				if at < 0 {
					return nil, nil, errNotFpdf("resources without /Font")
				}
				at += len("/Font <<\n")
				text = append(append(append([]byte(nil), text[:at]...), "/"+FootFont+" "+strconv.Itoa(font)+" 0 R\n"...), text[at:]...)
			}
			f.byNum[num[o.num]] = len(f.objs)
			f.objs = append(f.objs, object{num[o.num], text, true})
		}
		for _, pg := range p.pages {
			pages = append(pages, num[pg])
			if p.foot {
				feet = append(feet, foot{len(pages), num[pg]})
			}
		}
	}
	f.size = next
	// Each middle page draws its foot in a second content stream.
	loose := make([][]byte, len(feet))
	var z bytes.Buffer
	for i, ft := range feet {
		text, _ := f.obj(ft.obj)
		m := contentRe.FindSubmatchIndex(text)
		if m == nil {
			return nil, nil, errNotFpdf("page without /Contents")
		}
		fixed := append([]byte(nil), text[:m[0]]...)
		fixed = append(fixed, "/Contents ["+string(text[m[2]:m[3]])+" 0 R "+strconv.Itoa(f.size+i)+" 0 R]>>"...)
		f.set(ft.obj, append(fixed, text[m[1]:]...))
		z.Reset()
		deflate(&z, ps.Foot(ft.page, len(pages)))
		loose[i] = append([]byte("<</Filter /FlateDecode /Length "+strconv.Itoa(z.Len())+">>\nstream\n"), z.Bytes()...)
		loose[i] = append(loose[i], "\nendstream"...)
	}
	// One page tree over every page.
	var kids bytes.Buffer
	kids.WriteString("/Kids [")
	for _, pg := range pages {
		kids.WriteString(strconv.Itoa(pg) + " 0 R ")
	}
	kids.WriteString("]\n/Count " + strconv.Itoa(len(pages)) + "\n")
	tree, _ := f.obj(1)
	loc := kidsCount.FindIndex(tree)
	if loc == nil {
		return nil, nil, errNotFpdf("page tree")
	}
	f.set(1, append(append(append([]byte(nil), tree[:loc[0]]...), kids.Bytes()...), tree[loc[1]:]...))
	return pages, loose, nil
}

// renumber is an object's text with its number and every reference in its dictionary
// (before any stream) mapped by num.
func renumber(text []byte, num []int) ([]byte, error) {
	m := objHeadRe.FindSubmatchIndex(text)
	if m == nil {
		return nil, errNotFpdf("object header")
	}
	dictEnd := len(text)
	if i := bytes.Index(text, []byte("\nstream\n")); i >= 0 {
		dictEnd = i
	}
	var bad error
	mapped := func(b []byte) int {
		n, err := strconv.Atoi(string(b))
		if err != nil || n <= 0 || n >= len(num) || num[n] == 0 {
			bad = errNotFpdf("a reference to an object the part does not keep: " + string(b))
			return 0
		}
		return num[n]
	}
	out := make([]byte, 0, len(text)+8)
	out = append(out, strconv.Itoa(mapped(text[m[2]:m[3]]))+" 0 obj\n"...)
	dict := text[m[1]:dictEnd]
	out = append(out, refRe.ReplaceAllFunc(dict, func(r []byte) []byte {
		return []byte(strconv.Itoa(mapped(r[:len(r)-len(" 0 R")])) + " 0 R")
	})...)
	out = append(out, text[dictEnd:]...)
	return out, bad
}

// setDest is an annotation's dictionary with its destination the page object page, at top.
func setDest(d []byte, page int, top float64) ([]byte, error) {
	at := bytes.Index(d, []byte("/Dest ["))
	if at < 0 {
		return d, nil // a link to a web address
	}
	end := bytes.IndexByte(d[at:], ']')
	if end < 0 {
		return nil, errNotFpdf("/Dest cut short")
	}
	out := append([]byte(nil), d[:at]...)
	out = append(out, fmt.Sprintf("/Dest [%d 0 R /XYZ 0 %.2f null]", page, top)...)
	return append(out, d[at+end+1:]...), nil
}

// outlineTree is how the outline's entries hang together, each entry's parent (-1 for the
// outline's root), neighbours and first and last children (-1 for none), as fpdf links its
// own bookmarks.
type outlineTree struct {
	of      []outlineLink
	lastTop int
}

type outlineLink struct{ parent, prev, next, first, last int }

func outlineLinks(items []bookmark) outlineTree {
	of := make([]outlineLink, len(items))
	for i := range of {
		of[i] = outlineLink{-1, -1, -1, -1, -1}
	}
	lru := map[int]int{}
	level := 0
	for i, o := range items {
		if o.level > 0 {
			parent := lru[o.level-1]
			of[i].parent = parent
			of[parent].last = i
			if o.level > level {
				of[parent].first = i
			}
		}
		if o.level <= level && i > 0 {
			prev := lru[o.level]
			of[prev].next = i
			of[i].prev = prev
		}
		lru[o.level] = i
		level = o.level
	}
	return outlineTree{of, lru[0]}
}

// bookmarkObject writes an outline entry's dictionary; nums are the entries' object numbers.
func bookmarkObject(b *bytes.Buffer, o bookmark, l outlineLink, root int, nums, pages []int) {
	ref := func(i int) string { return strconv.Itoa(nums[i]) + " 0 R" }
	b.WriteString("<</Title " + textString(o.title))
	if l.parent < 0 {
		b.WriteString(" /Parent " + strconv.Itoa(root) + " 0 R")
	} else {
		b.WriteString(" /Parent " + ref(l.parent))
	}
	for _, k := range []struct {
		key string
		i   int
	}{{"Prev", l.prev}, {"Next", l.next}, {"First", l.first}, {"Last", l.last}} {
		if k.i >= 0 {
			b.WriteString(" /" + k.key + " " + ref(k.i))
		}
	}
	page, top := 1, 0.0
	if o.to != nil && o.to.Page > 0 && o.to.Page <= len(pages) {
		page, top = o.to.Page, o.to.Top
	}
	fmt.Fprintf(b, " /Dest [%d 0 R /XYZ 0 %.2f null] /Count 0>>", pages[page-1], top)
}
