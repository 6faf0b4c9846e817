package pdfpost_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/example/qpr/internal/pdfua"
	"github.com/example/qpr/pkg/render/pdf/pdfpost"
	rscpdf "rsc.io/pdf"
)

// painter draws a document in parts of three pages, each page a paragraph naming its page
// over the whole document, counted as the tagger counts.
type painter struct {
	p      *fpdf.Fpdf
	offset int
}

func (w *painter) PageNo() int          { return w.offset + w.p.PageNo() }
func (w *painter) RawWriteStr(s string) { w.p.RawWriteStr(s) }

func (w *painter) part(t *testing.T, tg *pdfpost.Tagger, pages int, to *pdfpost.Dest) []byte {
	t.Helper()
	p := plainFpdf()
	w.p = p
	for range pages {
		p.AddPage()
		p.SetFont("go", "", 11)
		n := w.PageNo()
		tg.Tag(pdfpost.P, pdfpost.Attr{}, func() { p.Cell(100, 8, fmt.Sprintf("Page %d of the whole", n)) })
		if n == 1 {
			tg.Begin(pdfpost.Link, pdfpost.Attr{})
			tg.Content(func() { p.CellFormat(60, 8, "Go to the last page", "", 1, "L", false, p.AddLink(), "") })
			tg.Annot("Go to the last page", to)
			tg.End()
		}
		tg.Bookmark(fmt.Sprintf("Page %d", n), 0, &pdfpost.Dest{Page: n, Top: 800})
	}
	var out bytes.Buffer
	if err := p.Output(&out); err != nil {
		t.Fatal(err)
	}
	w.offset += pages
	return out.Bytes()
}

// Three parts joined: one page tree in order, the middle part's pages with the foot pdfpost
// adds (in the first part's font, which its pages' own words put in its subset), a link
// from the first part to the last, the outline over every part, tagged as the checker wants.
func TestPartsJoin(t *testing.T) {
	w := &painter{}
	tg := pdfpost.NewTagger(w)
	last := &pdfpost.Dest{Page: 9, Top: 700}
	ps := &pdfpost.Parts{FootFontName: "utf8go", Foot: func(n, total int) []byte {
		var s strings.Builder
		for _, r := range fmt.Sprintf("Page %d of %d", n, total) {
			s.WriteString("\x00" + string(r))
		}
		return []byte("/Artifact BMC\nBT /" + pdfpost.FootFont + " 8.00 Tf 100 20 Td (" + s.String() + ")Tj ET\nEMC\n")
	}}
	first := w.part(t, tg, 3, last)
	ps.Add(w.part(t, tg, 3, nil))
	end := w.part(t, tg, 3, nil)
	var out bytes.Buffer
	if err := ps.Write(&out, first, end, tg); err != nil {
		t.Fatal(err)
	}
	pdf := out.Bytes()
	for _, p := range pdfua.Check(pdf).Problems {
		if !strings.Contains(p, "XMP") && !strings.Contains(p, "Title") && !strings.Contains(p, "Lang") {
			t.Error(p)
		}
	}
	pages := strings.Split(strings.TrimSuffix(tool(t, "pdftotext", pdf), "\f"), "\f")
	if len(pages) != 9 {
		t.Fatalf("%d pages, want 9", len(pages))
	}
	for i, page := range pages {
		text := strings.Join(strings.Fields(page), " ")
		if !strings.Contains(text, fmt.Sprintf("Page %d of the whole", i+1)) {
			t.Errorf("page %d reads %q", i+1, text)
		}
		foot := fmt.Sprintf("Page %d of 9", i+1)
		if middle := i >= 3 && i < 6; middle != strings.Contains(text, foot) {
			t.Errorf("page %d: foot %q drawn %v, want it on the middle part's pages only: %q", i+1, foot, !middle, text)
		}
	}
	r, err := rscpdf.NewReader(bytes.NewReader(pdf), int64(len(pdf)))
	if err != nil {
		t.Fatal(err)
	}
	// each page's /StructParents is its index among the pages
	dest := r.Page(1).V.Key("Annots").Index(0).Key("Dest")
	if at := dest.Index(0).Key("StructParents").Int64(); at != 8 || dest.Index(3).Float64() != 700 {
		t.Errorf("the link goes to page %d at %v, want page 9 at 700", at+1, dest.Index(3))
	}
	n := 0
	for o := r.Trailer().Key("Root").Key("Outlines").Key("First"); !o.IsNull(); o = o.Key("Next") {
		n++
		if got, want := o.Key("Title").Text(), fmt.Sprintf("Page %d", n); got != want {
			t.Errorf("bookmark %d is %q, want %q", n, got, want)
		}
		if at := o.Key("Dest").Index(0).Key("StructParents").Int64(); at != int64(n-1) {
			t.Errorf("bookmark %d goes to page %d", n, at+1)
		}
	}
	if n != 9 {
		t.Errorf("%d bookmarks, want 9", n)
	}
	var again bytes.Buffer
	w2 := &painter{}
	tg2 := pdfpost.NewTagger(w2)
	ps2 := &pdfpost.Parts{FootFontName: ps.FootFontName, Foot: ps.Foot}
	f2 := w2.part(t, tg2, 3, &pdfpost.Dest{Page: 9, Top: 700})
	ps2.Add(w2.part(t, tg2, 3, nil))
	if err := ps2.Write(&again, f2, w2.part(t, tg2, 3, nil), tg2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), pdf) {
		t.Error("two joins of the same parts differ")
	}
}

// A middle part's foot needs the first part's font: without it, Write refuses.
func TestPartsNeedTheFootFont(t *testing.T) {
	w := &painter{}
	tg := pdfpost.NewTagger(w)
	ps := &pdfpost.Parts{FootFontName: "utf8nosuchfont", Foot: func(int, int) []byte { return nil }}
	first := w.part(t, tg, 2, nil)
	ps.Add(w.part(t, tg, 2, nil))
	err := ps.Write(&bytes.Buffer{}, first, nil, tg)
	if err == nil || !strings.Contains(err.Error(), "font") {
		t.Errorf("got %v", err)
	}
}

// Each piece of page content kept out of fpdf (Later) goes in place of its mark, in order: the
// file is the one written with fpdf given the content itself. A piece holding the mark itself,
// or marks and pieces that do not pair off, fail the part instead of putting the page out of
// step.
func TestLaterPiecesReplaceTheirMarks(t *testing.T) {
	const a, b = "0 0 m 10 10 l S", "/Artifact BMC\n1 1 5 5 re f\nEMC"
	write := func(draw func(p *fpdf.Fpdf), later *pdfpost.Later) ([]byte, error) {
		p := plainFpdf()
		p.AddPage()
		draw(p)
		var raw, out bytes.Buffer
		if err := p.Output(&raw); err != nil {
			t.Fatal(err)
		}
		err := (&pdfpost.Parts{}).WriteLater(&out, raw.Bytes(), nil, later, nil, pdfpost.NewTagger(nil))
		return out.Bytes(), err
	}
	given, err := write(func(p *fpdf.Fpdf) { p.RawWriteStr(a); p.RawWriteStr("0.5 w"); p.RawWriteStr(b) }, nil)
	if err != nil {
		t.Fatal(err)
	}
	var l pdfpost.Later
	l.WriteString(1, a)
	l.Write(1, []byte(b))
	kept, err := write(func(p *fpdf.Fpdf) {
		p.RawWriteStr(pdfpost.LaterMark)
		p.RawWriteStr("0.5 w")
		p.RawWriteStr(pdfpost.LaterMark)
	}, &l)
	if err != nil || !bytes.Equal(kept, given) {
		t.Errorf("kept: %v, and the file differs from fpdf's: %v", err, !bytes.Equal(kept, given))
	}
	for _, c := range []struct {
		name   string
		marks  int
		pieces []string
		want   string
	}{
		{"a piece holding the mark", 1, []string{a + "\r"}, "holds the mark"},
		{"a mark without its piece", 2, []string{a}, "more marks"},
		{"a piece without its mark", 1, []string{a, b}, "marks it does not have"},
	} {
		var l pdfpost.Later
		for _, piece := range c.pieces {
			l.WriteString(1, piece)
		}
		_, err := write(func(p *fpdf.Fpdf) {
			for range c.marks {
				p.RawWriteStr(pdfpost.LaterMark)
			}
		}, &l)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error saying %q", c.name, err, c.want)
		}
	}
}
