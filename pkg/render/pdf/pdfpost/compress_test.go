package pdfpost

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"
)

// sample draws a document of n pages with text, lines, a link, a bookmark and a template
// used on every page, as qpr's painter does, with compression as asked.
func sample(t testing.TB, n int, compress bool) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(compress)
	p.SetCatalogSort(true)
	p.SetCreationDate(fixedTime)
	p.SetModificationDate(fixedTime)
	p.AddUTF8FontFromBytes("go", "", goregular.TTF)
	p.SetFont("go", "", 11)
	p.SetTitle("Sample – résumé", true)
	p.SetLang("en-GB")
	mark := p.CreateTemplate(func(tp *fpdf.Tpl) {
		tp.SetFillColor(200, 30, 30)
		tp.Rect(0, 0, 4, 4, "F")
	})
	link := p.AddLink()
	for i := range n {
		p.AddPage()
		p.Bookmark(fmt.Sprintf("Page %d", i+1), 0, -1)
		if i == 0 {
			p.CellFormat(60, 8, "Go to the last page", "", 1, "L", false, link, "")
			p.LinkString(20, 40, 30, 6, "https://example.org/")
		}
		if i == n-1 {
			p.SetLink(link, 0, -1)
		}
		for j := range 30 {
			p.MultiCell(0, 5, fmt.Sprintf("Line %d of page %d: £1,234 – Chief Executive’s Department", j, i+1), "", "L", false)
		}
		p.Line(10, 280, 200, 280)
		p.UseTemplate(mark)
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Compressing fpdf's uncompressed output must give the very bytes fpdf writes itself with
// compression on: fpdf is the independent reference. 40 and 100 pages are shared among
// workers.
func TestCompressMatchesFpdf(t *testing.T) {
	for _, n := range []int{1, 3, 40, 100} {
		want := sample(t, n, true)
		var got bytes.Buffer
		if err := Compress(&got, sample(t, n, false)); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%d pages: compressed output differs from fpdf's (%d bytes against %d)", n, got.Len(), len(want))
		}
	}
}

func TestCompressLeavesFpdfsCompressionAlone(t *testing.T) {
	packed := sample(t, 3, true)
	var out bytes.Buffer
	if err := Compress(&out, packed); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), packed) {
		t.Error("a PDF fpdf compressed changed")
	}
}

func TestCompressRefusesWhatFpdfDidNotWrite(t *testing.T) {
	good := sample(t, 2, false)
	for name, src := range map[string][]byte{
		"empty":        nil,
		"not a PDF":    []byte("hello"),
		"cut short":    good[:len(good)/2],
		"offset moved": append([]byte("%PDF-1.3\n \n"), good[9:]...),
	} {
		var out bytes.Buffer
		if err := Compress(&out, src); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func BenchmarkPDFOutput(b *testing.B) {
	b.Run("fpdf-compressed", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sample(b, 50, true)
		}
	})
	b.Run("uncompressed+pdfpost", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var out bytes.Buffer
			if err := Compress(&out, sample(b, 50, false)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

var fixedTime = time.Date(2023, 11, 14, 0, 0, 0, 0, time.UTC)

// Output keeps fpdf's one Write as it is, and joins several as a buffer would.
func TestOutput(t *testing.T) {
	var one Output
	p := []byte("%PDF-1.3\n")
	one.Write(p)
	if &one.Bytes()[0] != &p[0] {
		t.Error("a single write was copied")
	}
	var many Output
	for _, s := range []string{"ab", "", "cd", "e"} {
		many.Write([]byte(s))
	}
	if string(many.Bytes()) != "abcde" {
		t.Errorf("got %q", many.Bytes())
	}
	a := []byte("xy")
	var two Output
	two.Write(a)
	two.Write([]byte("z"))
	a[0] = 'Q'
	if string(two.Bytes()) != "xyz" {
		t.Errorf("joined writes share the first: %q", two.Bytes())
	}
}
