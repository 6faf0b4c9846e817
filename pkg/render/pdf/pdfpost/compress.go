package pdfpost

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"sync"
)

// compressors are zlib writers at fpdf's level, reset for each stream: a new writer costs
// some 800 KB of tables to allocate and zero, far more than compressing a page. Reset gives
// the same bytes as a new writer, so the output is fpdf's own compressed output.
var compressors = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(io.Discard, zlib.BestSpeed)
	return w
}}

// deflate appends data compressed as fpdf compresses it to dst.
func deflate(dst *bytes.Buffer, data []byte) {
	zw := compressors.Get().(*zlib.Writer)
	zw.Reset(dst)
	zw.Write(data) // a bytes.Buffer never fails
	zw.Close()
	zw.Reset(io.Discard) // drop dst, so the pool holds no document
	compressors.Put(zw)
}

var (
	kidsRe     = regexp.MustCompile(`/Kids \[((?:\d+ 0 R )*)\]`)
	refRe      = regexp.MustCompile(`(\d+) 0 R`)
	contentsRe = regexp.MustCompile(`/Contents (\d+) 0 R>>\nendobj\n$`)
	pagesRe    = regexp.MustCompile(`/Pages (\d+) 0 R`)
)

// pages lists the page objects' numbers in page order.
func (f *file) pages() ([]int, error) {
	cat, _ := f.obj(f.root)
	m := pagesRe.FindSubmatch(cat)
	if m == nil {
		return nil, errNotFpdf("catalogue without /Pages")
	}
	n, _ := strconv.Atoi(string(m[1]))
	tree, ok := f.obj(n)
	if !ok {
		return nil, errNotFpdf("no page tree")
	}
	km := kidsRe.FindSubmatch(tree)
	if km == nil {
		return nil, errNotFpdf("page tree without /Kids")
	}
	var pages []int
	for _, r := range refRe.FindAllSubmatch(km[1], -1) {
		p, _ := strconv.Atoi(string(r[1]))
		if _, ok := f.obj(p); !ok {
			return nil, errNotFpdf("page " + strconv.Itoa(p) + " missing")
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// compressPages compresses each page's content stream and each form XObject (fpdf's
// templates), writing them as fpdf would with compression on; what fpdf compressed itself is
// left as it is.
func (f *file) compressPages(pages []int) error {
	var buf bytes.Buffer
	for _, p := range pages {
		page, _ := f.obj(p)
		m := contentsRe.FindSubmatch(page)
		if m == nil {
			return errNotFpdf("page without /Contents")
		}
		c, _ := strconv.Atoi(string(m[1]))
		text, ok := f.obj(c)
		if !ok {
			return errNotFpdf("page content missing")
		}
		dict, data, err := stream(text)
		if err != nil {
			return err
		}
		if string(dict) == fmt.Sprintf("%d 0 obj\n<</Filter /FlateDecode /Length %d>>", c, len(data)) {
			continue // fpdf compressed it
		}
		if string(dict) != fmt.Sprintf("%d 0 obj\n<</Length %d>>", c, len(data)) {
			return errNotFpdf("page content's dictionary")
		}
		buf.Reset()
		fmt.Fprintf(&buf, "%d 0 obj\n<</Filter /FlateDecode /Length ", c)
		at := buf.Len()
		buf.WriteString("0000000000>>\nstream\n")
		start := buf.Len()
		deflate(&buf, data)
		n := buf.Len() - start
		buf.WriteString("\nendstream\nendobj\n")
		out := spliceLength(buf.Bytes(), at, n)
		f.set(c, out)
	}
	for i, o := range f.objs {
		head := strconv.Itoa(o.num) + " 0 obj\n<</Type /XObject\n/Subtype /Form\n"
		if !bytes.HasPrefix(o.text, []byte(head)) {
			continue
		}
		dict, data, err := stream(o.text)
		if err != nil {
			return err
		}
		tail := "/Length " + strconv.Itoa(len(data)) + " >>"
		if !bytes.HasSuffix(dict, []byte(tail)) {
			return errNotFpdf("form XObject's dictionary")
		}
		buf.Reset()
		buf.WriteString(strconv.Itoa(o.num) + " 0 obj\n<</Filter /FlateDecode ")
		buf.Write(dict[len(strconv.Itoa(o.num)+" 0 obj\n<<") : len(dict)-len(tail)])
		var z bytes.Buffer
		deflate(&z, data)
		buf.WriteString("/Length " + strconv.Itoa(z.Len()) + " >>\nstream\n")
		buf.Write(z.Bytes())
		buf.WriteString("\nendstream\nendobj\n")
		f.objs[i].text = bytes.Clone(buf.Bytes())
	}
	return nil
}

// spliceLength writes n in place of the ten-digit placeholder at b[at:] and returns a copy
// of b without the placeholder's padding.
func spliceLength(b []byte, at, n int) []byte {
	num := strconv.Itoa(n)
	out := make([]byte, 0, len(b)-10+len(num))
	out = append(out, b[:at]...)
	out = append(out, num...)
	return append(out, b[at+10:]...)
}
