package pdf

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/example/qpr/internal/pdfua"
	"github.com/example/qpr/internal/testtool"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
	rscpdf "rsc.io/pdf"
)

// renderInParts renders r with parts of at least pages pages.
func renderInParts(t *testing.T, r *report.Report, pages int) []byte {
	t.Helper()
	defer func(n int) { partPages = n }(partPages)
	partPages = pages
	var buf bytes.Buffer
	if err := Render(&buf, r, templates.Default()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// textPages is the text of each page, as pdftotext reads it.
func textPages(t *testing.T, pdf []byte) []string {
	t.Helper()
	return strings.Split(strings.TrimSuffix(pdftotext(t, pdf, "-layout"), "\f"), "\f")
}

// A report written in parts reads as the same report written whole: the same text on every
// page (so the same page breaks), each page's foot "Page n of N" with the document's true
// length, the links' destinations and the outline's on the pages that hold their
// headings, tagged as the checker wants, and the same bytes every time.
func TestPartsReadAsOneDocument(t *testing.T) {
	r := exampleReport(t)
	whole := renderInParts(t, r, 100000)
	parted := renderInParts(t, r, 12)
	if bytes.Equal(whole, parted) {
		t.Fatal("the report should be written in parts of 12 pages")
	}
	if again := renderInParts(t, r, 12); !bytes.Equal(again, parted) {
		t.Error("two renders in parts differ")
	}
	want, got := textPages(t, whole), textPages(t, parted)
	if len(want) < 30 {
		t.Fatalf("the example should run to more than two parts of 12 pages, not %d pages", len(want))
	}
	if len(got) != len(want) {
		t.Fatalf("%d pages in parts, %d whole", len(got), len(want))
	}
	foot := regexp.MustCompile(`Page (\d+) of (\d+)\s*$`)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("page %d differs in parts:\n%s\nwhole:\n%s", i+1, got[i], want[i])
		}
		if i == 0 {
			continue // the cover has no foot
		}
		m := foot.FindStringSubmatch(got[i])
		if m == nil || m[1] != strconv.Itoa(i+1) || m[2] != strconv.Itoa(len(want)) {
			t.Errorf("page %d's foot reads %q, want Page %d of %d", i+1, m, i+1, len(want))
		}
	}
	for _, p := range pdfua.Check(parted).Problems {
		t.Error(p)
	}
	names := map[string]string{}
	for _, in := range r.Indicators {
		names[in.Code] = in.Name
	}
	if n := total(checkLinks(t, parted, names)); n < 20 {
		t.Errorf("only %d links to indicators checked", n)
	}
	if l, w := linkDests(t, parted), linkDests(t, whole); l != w {
		t.Errorf("the links in parts:\n%s\nwhole:\n%s", l, w)
	}
	if o, w := outline(t, parted), outline(t, whole); o != w {
		t.Errorf("the outline in parts:\n%s\nwhole:\n%s", o, w)
	}
	// A middle part's foot, which pdfpost adds, is where fpdf drew the same words on the same
	// page of the whole report: the same position and string.
	middle, wasMiddle := 0, false
	var boundaries []int // the first page of a part after the first, where a middle part begins or ends
	for n := 2; n <= len(want); n++ {
		gotFoot, partFoot := footText(t, parted, n, len(want))
		wantFoot, _ := footText(t, whole, n, len(want))
		if wantFoot == "" || gotFoot != wantFoot {
			t.Errorf("page %d's foot drawn %q, whole %q", n, gotFoot, wantFoot)
		}
		if partFoot {
			middle++
		}
		if partFoot != wasMiddle {
			boundaries = append(boundaries, n)
		}
		wasMiddle = partFoot
	}
	if middle < 12 || len(boundaries) < 2 {
		t.Errorf("%d pages with a foot added by pdfpost, %d changes of part seen by their feet; want a middle part's 12 at least, and where it begins and ends", middle, len(boundaries))
	}
	// Drawn as pictures, the pages either side of each such change are the same in parts
	// and whole (poppler takes a quarter of a second a page here, so not every page).
	for _, n := range boundaries {
		if a, b := pictures(t, whole, n-1, n), pictures(t, parted, n-1, n); !slices.Equal(a, b) {
			t.Errorf("pages %d and %d look different in parts (pdftoppm, 40 dpi)", n-1, n)
		}
	}
}

// pictures are pages from to to of pdf drawn by pdftoppm at 40 dpi, as PNG files' bytes (the
// same pixels give the same bytes).
func pictures(t *testing.T, pdf []byte, from, to int) []string {
	t.Helper()
	bin := testtool.Need(t, "pdftoppm", "apt-get install poppler-utils")
	dir := t.TempDir()
	in := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "-png", "-r", "40", "-f", strconv.Itoa(from), "-l", strconv.Itoa(to), in, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	sort.Strings(files)
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	if len(out) != to-from+1 {
		t.Fatalf("pdftoppm drew %d pages of %d to %d", len(out), from, to)
	}
	return out
}

// footText is the text operator drawing "Page n of total" on page n of out ("x y Td (...)"),
// and whether it is in a content stream of its own after the page's (as pdfpost adds).
func footText(t *testing.T, out []byte, n, total int) (string, bool) {
	t.Helper()
	r, err := rscpdf.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	var words []byte
	for _, u := range fmt.Sprintf("Page %d of %d", n, total) {
		words = append(words, 0, byte(u)) // as fpdf writes it: UTF-16BE, ASCII here
	}
	op := regexp.MustCompile(`[0-9.]+ [0-9.]+ Td \(` + regexp.QuoteMeta(string(words)) + `\)Tj`)
	contents := r.Page(n).V.Key("Contents")
	streams := []rscpdf.Value{contents}
	if contents.Kind() == rscpdf.Array {
		streams = nil
		for i := range contents.Len() {
			streams = append(streams, contents.Index(i))
		}
	}
	for i, s := range streams {
		data, err := io.ReadAll(s.Reader())
		if err != nil {
			t.Fatal(err)
		}
		if m := op.Find(data); m != nil {
			return string(m), i > 0
		}
	}
	return "", false
}

// checkLinks checks that each "Go to CODE ..." link of pdf goes to the page holding CODE's
// heading: a line of its code and name (names gives each code's name), wrapped only past 40
// characters (a table's narrow column wraps the name sooner). It counts the links to each code.
func checkLinks(t *testing.T, out []byte, names map[string]string) map[string]int {
	t.Helper()
	r, err := rscpdf.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(pdftotext(t, out), "\f")
	heading := func(page, code string) bool {
		for _, line := range strings.Split(page, "\n") {
			rest, ok := strings.CutPrefix(strings.Join(strings.Fields(line), " "), code+" ")
			if ok && strings.HasPrefix(names[code], rest) && (rest == names[code] || len(rest) >= 40) {
				return true
			}
		}
		return false
	}
	goTo := regexp.MustCompile(`^Go to ([A-Z0-9-]+) `)
	linked := map[string]int{}
	for p := 1; p <= r.NumPage(); p++ {
		annots := r.Page(p).V.Key("Annots")
		for i := range annots.Len() {
			a := annots.Index(i)
			m := goTo.FindStringSubmatch(a.Key("Contents").Text())
			if m == nil || names[m[1]] == "" {
				continue
			}
			// each page carries its index among the pages as /StructParents
			at := int(a.Key("Dest").Index(0).Key("StructParents").Int64())
			if at < 0 || at >= len(pages) || !heading(pages[at], m[1]) {
				t.Errorf("the link to %s on page %d goes to page %d, which does not hold its heading", m[1], p, at+1)
			}
			linked[m[1]]++
		}
	}
	return linked
}

// total is the sum of counts.
func total(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// linkDests lists every link annotation of out, a line each: its page, description and
// destination (page and height).
func linkDests(t *testing.T, out []byte) string {
	t.Helper()
	r, err := rscpdf.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for p := 1; p <= r.NumPage(); p++ {
		annots := r.Page(p).V.Key("Annots")
		for i := range annots.Len() {
			a := annots.Index(i)
			dest := a.Key("Dest")
			fmt.Fprintf(&b, "%d %s -> %d %.2f\n", p, a.Key("Contents").Text(), dest.Index(0).Key("StructParents").Int64()+1, dest.Index(3).Float64())
		}
	}
	return b.String()
}

// outline is the document's outline, an entry a line: its level, title and page (1 for
// the first), read with rsc.io/pdf.
func outline(t *testing.T, out []byte) string {
	t.Helper()
	r, err := rscpdf.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(v rscpdf.Value, level int)
	walk = func(v rscpdf.Value, level int) {
		for ; !v.IsNull(); v = v.Key("Next") {
			page := v.Key("Dest").Index(0).Key("StructParents").Int64() + 1
			fmt.Fprintf(&b, "%d %s %d\n", level, v.Key("Title").Text(), page)
			walk(v.Key("First"), level+1)
		}
	}
	walk(r.Trailer().Key("Root").Key("Outlines").Key("First"), 0)
	if b.Len() == 0 {
		t.Error("no outline")
	}
	return b.String()
}

// A middle part's feet are drawn in the first part's regular font: every character of
// "Page n of N" must have a glyph in its subset, which the first part's own feet ensure
// (at least 10 pages: every digit). The font's CIDToGIDMap gives each character (its CID)
// its glyph, 0 for none.
func TestMiddlePartsFeetHaveTheirGlyphs(t *testing.T) {
	if partPages < 10 {
		t.Fatalf("partPages %d: the first part's feet would not use every digit", partPages)
	}
	out := renderInParts(t, exampleReport(t), 10)
	r, err := rscpdf.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for p := 1; p <= r.NumPage(); p++ {
		font := r.Page(p).V.Key("Resources").Key("Font").Key("FPart1")
		if font.IsNull() {
			continue
		}
		data, err := io.ReadAll(font.Key("DescendantFonts").Index(0).Key("CIDToGIDMap").Reader())
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range "Page of 0123456789" {
			if int(c)*2+1 >= len(data) || data[c*2] == 0 && data[c*2+1] == 0 {
				t.Errorf("page %d: the first part's font has no glyph for %q", p, c)
			}
		}
		checked++
	}
	if checked == 0 {
		t.Error("no page of a middle part found")
	}
}

// The lines, marks and tags the painter keeps out of fpdf (keep) are put back by pdfpost
// where fpdf would have written them: the file is byte for byte the one written with fpdf
// given them, whole and in parts (a middle part's pages are compressed in the background,
// and the first part's are gone back to for the contents' page numbers and the feet).
func TestKeptContentIsFpdfs(t *testing.T) {
	r := exampleReport(t)
	defer func(keep bool) { keepLater = keep }(keepLater)
	for _, pages := range []int{100000, 12} {
		keepLater = false
		given := renderInParts(t, r, pages)
		keepLater = true
		kept := renderInParts(t, r, pages)
		if !bytes.Equal(kept, given) {
			t.Errorf("in parts of %d pages: the PDF with content kept out of fpdf differs from fpdf's (%d bytes against %d)", pages, len(kept), len(given))
		}
	}
}
