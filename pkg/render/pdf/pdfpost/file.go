// Package pdfpost finishes the PDF that fpdf writes: it compresses the page content with
// pooled compressors (fpdf makes a new one for every page, most of a build's allocation) and,
// given the structure the painter recorded while drawing, makes the document a tagged PDF
// (PDF/UA-1): the structure tree, its parent tree, /StructParents on the pages, link
// annotations as objects of their own with /StructParent and their destinations, the
// outline, /MarkInfo and /ViewerPreferences. A long document drawn as several fpdf documents
// is joined into one (Parts).
//
// It reads only what fpdf itself writes (a classic cross-reference table, every object at
// the offset the table gives, uncompressed page content as fpdf.SetCompression(false)
// leaves it) and refuses anything else rather than guess. The same input gives the same
// bytes.
package pdfpost

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"sync"
)

// file is fpdf's output cut into its objects, in the order they appear.
type file struct {
	src    []byte
	header []byte   // from %PDF- to the first object
	objs   []object // in file order
	byNum  map[int]int
	root   int // the catalogue's object number
	info   int
	size   int // /Size: one more than the highest object number
}

// object is one indirect object, "N 0 obj\n...endobj\n"; own is whether text is a copy of
// its own rather than part of the file parsed.
type object struct {
	num  int
	text []byte
	own  bool
}

var (
	startxrefRe = regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n?$`)
	trailerRe   = regexp.MustCompile(`(?s)^trailer\n<<\n/Size (\d+)\n/Root (\d+) 0 R\n/Info (\d+) 0 R\n>>\n`)
	lengthRe    = regexp.MustCompile(`/Length (\d+)`)
)

func errNotFpdf(what string) error {
	return fmt.Errorf("pdfpost: not a PDF as fpdf writes it uncompressed (%s)", what)
}

// parse cuts src into objects using its cross-reference table.
func parse(src []byte) (*file, error) {
	if !bytes.HasPrefix(src, []byte("%PDF-")) {
		return nil, errNotFpdf("no %PDF- header")
	}
	m := startxrefRe.FindSubmatch(src)
	if m == nil {
		return nil, errNotFpdf("no startxref at the end")
	}
	xref, err := strconv.Atoi(string(m[1]))
	if err != nil || xref <= 0 || xref >= len(src) {
		return nil, errNotFpdf("startxref out of range")
	}
	rest := src[xref:]
	var count int
	if _, err := fmt.Sscanf(string(rest[:min(len(rest), 40)]), "xref\n0 %d\n", &count); err != nil || count < 1 {
		return nil, errNotFpdf("no cross-reference table at startxref")
	}
	line := bytes.IndexByte(rest[5:], '\n') + 6
	table := rest[line:]
	if len(table) < count*20 {
		return nil, errNotFpdf("cross-reference table cut short")
	}
	f := &file{src: src, byNum: map[int]int{}}
	type at struct{ num, off int }
	var offs []at
	for i := 1; i < count; i++ {
		entry := table[i*20 : i*20+20]
		if entry[17] != 'n' {
			return nil, errNotFpdf("free object in the table")
		}
		off, err := strconv.Atoi(string(entry[:10]))
		if err != nil || off <= 0 || off >= xref {
			return nil, errNotFpdf("object offset out of range")
		}
		offs = append(offs, at{i, off})
	}
	tm := trailerRe.FindSubmatch(table[count*20:])
	if tm == nil {
		return nil, errNotFpdf("unexpected trailer")
	}
	f.size, _ = strconv.Atoi(string(tm[1]))
	f.root, _ = strconv.Atoi(string(tm[2]))
	f.info, _ = strconv.Atoi(string(tm[3]))
	if f.size != count {
		return nil, errNotFpdf("trailer /Size differs from the table")
	}
	slices.SortFunc(offs, func(a, b at) int { return a.off - b.off })
	if len(offs) == 0 {
		return nil, errNotFpdf("no objects")
	}
	f.header = src[:offs[0].off]
	for i, o := range offs {
		end := xref
		if i+1 < len(offs) {
			end = offs[i+1].off
		}
		text := src[o.off:end]
		if !bytes.HasPrefix(text, []byte(strconv.Itoa(o.num)+" 0 obj\n")) || !bytes.HasSuffix(text, []byte("endobj\n")) {
			return nil, errNotFpdf(fmt.Sprintf("object %d is not where the table says", o.num))
		}
		f.byNum[o.num] = len(f.objs)
		f.objs = append(f.objs, object{o.num, text, false})
	}
	return f, nil
}

// obj is the text of object num.
func (f *file) obj(num int) ([]byte, bool) {
	i, ok := f.byNum[num]
	if !ok {
		return nil, false
	}
	return f.objs[i].text, true
}

func (f *file) set(num int, text []byte) {
	f.objs[f.byNum[num]] = object{num, text, true}
}

// write writes the objects in their order, then extra (numbered from f.size on), then a new
// cross-reference table and trailer.
func (f *file) write(w io.Writer, extra [][]byte) error {
	cw := &countWriter{w: w}
	offsets := make([]int, f.size+len(extra))
	cw.Write(f.header)
	for _, o := range f.objs {
		offsets[o.num] = cw.n
		cw.Write(o.text)
	}
	for i, text := range extra {
		num := f.size + i
		offsets[num] = cw.n
		cw.WriteString(strconv.Itoa(num) + " 0 obj\n")
		cw.Write(text)
		cw.WriteString("\nendobj\n")
	}
	xref := cw.n
	size := len(offsets)
	var b bytes.Buffer
	b.WriteString("xref\n0 " + strconv.Itoa(size) + "\n0000000000 65535 f \n")
	for _, off := range offsets[1:] {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n", size, f.root, f.info, xref)
	cw.Write(b.Bytes())
	return cw.err
}

type countWriter struct {
	w   io.Writer
	n   int
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += n
	c.err = err
	return n, err
}

func (c *countWriter) WriteString(s string) { c.Write([]byte(s)) }

// stream splits an object holding a stream into the text before the stream's data (the
// dictionary), the data, and the rest.
func stream(text []byte) (dict, data []byte, err error) {
	i := bytes.Index(text, []byte("\nstream\n"))
	if i < 0 {
		return nil, nil, errors.New("pdfpost: object has no stream")
	}
	dict = text[:i]
	m := lengthRe.FindSubmatch(dict)
	if m == nil {
		return nil, nil, errors.New("pdfpost: stream without /Length")
	}
	n, _ := strconv.Atoi(string(m[1]))
	start := i + len("\nstream\n")
	if start+n > len(text) || !bytes.Equal(text[start+n:], []byte("\nendstream\nendobj\n")) {
		return nil, nil, errors.New("pdfpost: stream /Length does not match its data")
	}
	return dict, text[start : start+n], nil
}

// objectsPerStream is how many objects an object stream holds: enough for the compression to
// find the repeats, few enough that a reader unpacks little to reach one object.
const objectsPerStream = 200

// writePacked writes the objects in their order, then loose (numbered from f.size on) as
// ordinary objects, then nPacked objects numbered on from there, each written by packed
// (called from several goroutines at once, so it may only read what it shares), compressed
// in object streams, and a cross-reference stream: the structure tree's thousands of small
// dictionaries take a tenth of the room they would as ordinary objects.
func (f *file) writePacked(w io.Writer, loose [][]byte, nPacked int, packed func(i int, b *bytes.Buffer)) error {
	cw := &countWriter{w: w}
	firstPacked := f.size + len(loose)
	nStreams := (nPacked + objectsPerStream - 1) / objectsPerStream
	size := firstPacked + nPacked + nStreams + 1
	type entry struct {
		kind   byte // 1 at an offset, 2 in an object stream
		a, b   int  // offset and 0, or the stream's number and the index in it
		filled bool
	}
	xref := make([]entry, size)
	cw.Write(f.header)
	for _, o := range f.objs {
		xref[o.num] = entry{1, cw.n, 0, true}
		cw.Write(o.text)
	}
	for i, text := range loose {
		num := f.size + i
		xref[num] = entry{1, cw.n, 0, true}
		cw.WriteString(strconv.Itoa(num) + " 0 obj\n")
		cw.Write(text)
		cw.WriteString("\nendobj\n")
	}
	// The streams are made by workers, a core each, and written in order: the same bytes
	// however many workers make them.
	streams := make([][]byte, nStreams)
	firsts := make([]int, nStreams)
	workers := min(runtime.GOMAXPROCS(0), compressWorkers, nStreams)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var head, body, z bytes.Buffer
			for s := w; s < nStreams; s += workers {
				head.Reset()
				body.Reset()
				z.Reset()
				from := s * objectsPerStream
				to := min(from+objectsPerStream, nPacked)
				for i := from; i < to; i++ {
					head.WriteString(strconv.Itoa(firstPacked+i) + " " + strconv.Itoa(body.Len()) + " ")
					packed(i, &body)
					body.WriteByte('\n')
				}
				head.WriteByte('\n')
				firsts[s] = head.Len()
				head.Write(body.Bytes())
				deflate(&z, head.Bytes())
				streams[s] = bytes.Clone(z.Bytes())
			}
		}()
	}
	wg.Wait()
	for s, z := range streams {
		num := firstPacked + nPacked + s
		from := s * objectsPerStream
		to := min(from+objectsPerStream, nPacked)
		for i := from; i < to; i++ {
			xref[firstPacked+i] = entry{2, num, i - from, true}
		}
		xref[num] = entry{1, cw.n, 0, true}
		fmt.Fprintf(cw, "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n", num, to-from, firsts[s], len(z))
		cw.Write(z)
		cw.WriteString("\nendstream\nendobj\n")
		streams[s] = nil
	}
	self := size - 1
	start := cw.n
	xref[self] = entry{1, start, 0, true}
	rows := make([]byte, 0, size*7)
	for i, e := range xref {
		switch {
		case i == 0:
			rows = append(rows, 0, 0, 0, 0, 0, 0xff, 0xff)
		case !e.filled:
			return fmt.Errorf("pdfpost: object %d was never written", i)
		default:
			rows = append(rows, e.kind, byte(e.a>>24), byte(e.a>>16), byte(e.a>>8), byte(e.a), byte(e.b>>8), byte(e.b))
		}
	}
	if start >= 1<<32 {
		return errors.New("pdfpost: file over 4 GB")
	}
	var z bytes.Buffer
	deflate(&z, rows)
	fmt.Fprintf(cw, "%d 0 obj\n<</Type /XRef /Size %d /Root %d 0 R /Info %d 0 R /W [1 4 2] /Filter /FlateDecode /Length %d>>\nstream\n", self, size, f.root, f.info, z.Len())
	cw.Write(z.Bytes())
	fmt.Fprintf(cw, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", start)
	return cw.err
}
