package pdfpost

import (
	"bytes"
	"compress/zlib"
	"errors"
	"io"
	"strings"
)

// LaterMark is what the painter writes into a page, with fpdf's RawWriteStr, where content
// it keeps out of fpdf goes (fpdf adds the newline). fpdf writes every byte of a page's
// content into a buffer that grows by doubling, then copies it all twice more when it writes
// the file, though pdfpost only compresses it; a line drawn, a mark placed or a tag is
// written faster by the painter itself, and costs fpdf two bytes. fpdf escapes a carriage
// return in text as \r, and writes none elsewhere, so the mark cannot be part of anything
// fpdf wrote.
const LaterMark = "\r"

// Later holds the content of a part's pages that the painter kept out of fpdf, page by page
// in the part (from 1), each piece in the order of the marks it stands for. pdfpost puts each
// piece in place of its mark as it compresses the page: the bytes are the same as had fpdf
// been given the content itself.
type Later struct {
	pages [][]byte // each piece ends with its mark
	// bad is whether a piece held the mark itself, which would put the pieces out of step
	// with the marks: the painter's bug, reported when the part is compressed.
	bad bool
}

// Write records content, whole lines of page content without the last newline, as what
// stands for the mark just written on page of the part. The painter formats content as
// fpdf would.
func (l *Later) Write(page int, content []byte) {
	l.bad = l.bad || bytes.IndexByte(content, LaterMark[0]) >= 0
	b := l.of(page)
	*b = append(append(*b, content...), LaterMark...)
}

// WriteString is Write of a string.
func (l *Later) WriteString(page int, content string) {
	l.bad = l.bad || strings.IndexByte(content, LaterMark[0]) >= 0
	b := l.of(page)
	*b = append(append(*b, content...), LaterMark...)
}

// of is page's content, made with room for as much as the page before it held (and a
// quarter more): a page's content grown from nothing by doubling would be allocated twice
// over and copied as often.
func (l *Later) of(page int) *[]byte {
	for len(l.pages) < page {
		l.pages = append(l.pages, nil)
	}
	b := &l.pages[page-1]
	if *b == nil {
		room := minPageRoom
		if page > 1 {
			room = max(room, len(l.pages[page-2])*5/4)
		}
		*b = make([]byte, 0, room)
	}
	return b
}

// minPageRoom is the least room a page's content is made with.
const minPageRoom = 4 << 10

// err is why the pieces cannot be put in place of the marks, nil when they can.
func (l *Later) err() error {
	if l != nil && l.bad {
		return errors.New("pdfpost: page content kept out of fpdf holds the mark that stands for it")
	}
	return nil
}

// page is what stands for the marks of page (from 1), nil when none.
func (l *Later) page(page int) []byte {
	if l == nil || page > len(l.pages) {
		return nil
	}
	return l.pages[page-1]
}

// deflateLater appends data, with each mark in it replaced by the next piece of later, to
// dst compressed as deflate compresses it: the compressor's output depends only on the bytes
// written, not on how they are cut.
func deflateLater(dst *bytes.Buffer, data, later []byte) error {
	if later == nil {
		deflate(dst, data)
		return nil
	}
	zw := compressors.Get().(*zlib.Writer)
	defer func() {
		zw.Reset(io.Discard)
		compressors.Put(zw)
	}()
	zw.Reset(dst)
	for {
		i := bytes.IndexByte(data, LaterMark[0])
		if i < 0 {
			break
		}
		j := bytes.IndexByte(later, LaterMark[0])
		if j < 0 {
			return errNotFpdf("a page with more marks than content kept for them")
		}
		zw.Write(data[:i]) // a bytes.Buffer never fails
		zw.Write(later[:j])
		data, later = data[i+1:], later[j+1:]
	}
	if len(later) > 0 {
		return errNotFpdf("a page with content kept for marks it does not have")
	}
	zw.Write(data)
	zw.Close()
	return nil
}
