package pdfpost

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"runtime"
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
// left as it is. The pages are shared out among workers, a core each: compressing is most of
// what is left to do once the layout is done, and a report's PDF is the last output to finish.
// Each stream is compressed alone, so the bytes are the same however many workers there are.
// later is what stands for the marks in the pages' content (nil: they have none).
func (f *file) compressPages(pages []int, later *Later) error {
	if err := later.err(); err != nil {
		return err
	}
	var contents []int
	for _, p := range pages {
		page, _ := f.obj(p)
		m := contentsRe.FindSubmatch(page)
		if m == nil {
			return errNotFpdf("page without /Contents")
		}
		c, _ := strconv.Atoi(string(m[1]))
		if _, ok := f.obj(c); !ok {
			return errNotFpdf("page content missing")
		}
		contents = append(contents, c)
	}
	workers := min(runtime.GOMAXPROCS(0), compressWorkers, max(1, len(contents)/pagesPerWorker))
	errs := make([]error, len(contents)) // the first in page order is reported
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := w; i < len(contents); i += workers {
				if err := f.compressContent(contents[i], later.page(i+1), &buf); err != nil {
					errs[i] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	var buf bytes.Buffer
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
		f.objs[i].text, f.objs[i].own = bytes.Clone(buf.Bytes()), true
	}
	return nil
}

// compressWorkers is the most workers compressPages uses; pagesPerWorker the fewest pages
// worth a worker of their own (a short report's pages take less than starting one).
const (
	compressWorkers = 4
	pagesPerWorker  = 16
)

// compressContent compresses the content stream c, each mark in it replaced by the next
// piece of later, using buf as scratch; only f.objs' entry for c is written, so workers may
// compress different streams at once.
func (f *file) compressContent(c int, later []byte, buf *bytes.Buffer) error {
	text, _ := f.obj(c)
	dict, data, err := stream(text)
	if err != nil {
		return err
	}
	num, length := strconv.Itoa(c), strconv.Itoa(len(data))
	if string(dict) == num+" 0 obj\n<</Filter /FlateDecode /Length "+length+">>" && later == nil {
		return nil // fpdf compressed it
	}
	if string(dict) != num+" 0 obj\n<</Length "+length+">>" {
		return errNotFpdf("page content's dictionary")
	}
	buf.Reset()
	buf.WriteString(num + " 0 obj\n<</Filter /FlateDecode /Length ")
	at := buf.Len()
	buf.WriteString("0000000000>>\nstream\n")
	start := buf.Len()
	if err := deflateLater(buf, data, later); err != nil {
		return err
	}
	n := buf.Len() - start
	buf.WriteString("\nendstream\nendobj\n")
	f.set(c, spliceLength(buf.Bytes(), at, n))
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
