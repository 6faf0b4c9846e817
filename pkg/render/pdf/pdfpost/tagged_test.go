package pdfpost_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/example/qpr/internal/pdfua"
	"github.com/example/qpr/internal/testtool"
	"github.com/example/qpr/pkg/render/pdf/pdfpost"
)

// defect is one way a painter could break PDF/UA, for proving the checker catches it.
type defect int

const (
	none defect = iota
	untaggedText
	figureWithoutAlt
	skippedHeading
	tableWithoutTH
	linkNotRecorded
)

const longText = "The council answered 94.2% of calls within the target time this quarter – " +
	"Résumé of Services, Chief Executive’s Department, £1,234,567 collected. "

// sampleDate is the sample documents' date, fixed so that they come out the same each time.
var sampleDate = time.Date(2023, 11, 14, 0, 0, 0, 0, time.UTC)

// plainFpdf is an A4 document as qpr's painter sets one up for pdfpost: uncompressed, its
// catalogue sorted, dated sampleDate, with Go Regular as "go".
func plainFpdf() *fpdf.Fpdf {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(false)
	p.SetCatalogSort(true)
	p.SetCreationDate(sampleDate)
	p.SetModificationDate(sampleDate)
	p.AddUTF8FontFromBytes("go", "", goregular.TTF)
	return p
}

// painted draws a small report as qpr's painter does: a running head and page numbers as
// artifacts, a contents list with links and page numbers written in afterwards, headings,
// paragraphs long enough to break across pages, a list, a table with a header row and row
// headers, a chart as a figure, and bookmarks.
func painted(t testing.TB, d defect) ([]byte, *pdfpost.Tagger) {
	t.Helper()
	p := plainFpdf()
	at := sampleDate
	p.AddUTF8FontFromBytes("go", "B", gobold.TTF)
	title := "Sample Council Quarterly Performance Report, 2023/24 Q2"
	p.SetTitle(title, true)
	p.SetLang("en-GB")
	p.SetXmpMetadata(pdfpost.XMP(pdfpost.Meta{Title: title, Author: "Sample Council", Lang: "en-GB", Creator: "qpr", Producer: "qpr", Date: at}))
	tg := pdfpost.NewTagger(p)
	p.SetHeaderFunc(func() {
		if p.PageNo() > 1 {
			tg.Artifact(func() {
				p.SetFont("go", "", 8)
				p.Text(15, 10, "Quarterly Performance Report")
				p.Line(15, 12, 195, 12)
			})
		}
		p.SetY(20)
		tg.PageStart()
	})
	p.SetFooterFunc(func() {
		tg.PageEnd()
		tg.Artifact(func() {
			p.SetFont("go", "", 8)
			p.Text(100, 290, fmt.Sprintf("Page %d", p.PageNo()))
		})
	})
	heading := func(level int, text string) {
		tg.Tag(pdfpost.Heading(level), pdfpost.Attr{}, func() {
			p.SetFont("go", "B", 16-2*float64(level))
			p.Bookmark(text, level-1, -1)
			p.MultiCell(0, 8, text, "", "L", false)
		})
	}
	para := func(text string) {
		tg.Tag(pdfpost.P, pdfpost.Attr{}, func() {
			p.SetFont("go", "", 10)
			p.MultiCell(0, 5, text, "", "L", false)
		})
	}

	p.AddPage()
	heading(1, "Quarterly Performance Report")
	type later struct {
		elem *pdfpost.Elem
		page int
		y    float64
	}
	var numbers []later
	tg.Begin(pdfpost.TOC, pdfpost.Attr{})
	link := p.AddLink()
	for _, entry := range []string{"Summary", "Adult Social Care"} {
		item := tg.Begin(pdfpost.TOCI, pdfpost.Attr{})
		y := p.GetY()
		if d != linkNotRecorded {
			tg.Begin(pdfpost.Link, pdfpost.Attr{})
		}
		tg.Content(func() {
			p.SetFont("go", "", 10)
			p.CellFormat(150, 6, entry, "", 1, "L", false, link, "")
		})
		if d != linkNotRecorded {
			tg.Annot("Go to "+entry, nil)
			tg.End()
		}
		tg.End()
		numbers = append(numbers, later{item, p.PageNo(), y})
	}
	tg.End()
	heading(2, "Summary")
	para(strings.Repeat(longText, 8))
	tg.Begin(pdfpost.L, pdfpost.Attr{})
	for _, item := range []string{"2 KPIs rated Green", "3 KPIs rated Amber", "1 KPI rated Red"} {
		tg.Begin(pdfpost.LI, pdfpost.Attr{})
		tg.Tag(pdfpost.Lbl, pdfpost.Attr{}, func() { p.Cell(6, 5, "•") })
		tg.Tag(pdfpost.LBody, pdfpost.Attr{}, func() { p.MultiCell(0, 5, item, "", "L", false) })
		tg.End()
	}
	tg.End()
	if d == untaggedText {
		p.Cell(40, 5, "Drawn outside any tag")
		p.Ln(6)
	}
	if d == skippedHeading {
		heading(4, "A heading two levels down")
	}
	p.SetLink(link, p.GetY(), -1)
	heading(2, "Adult Social Care")
	for range 5 {
		para(strings.Repeat(longText, 6))
	}
	tg.Begin(pdfpost.Table, pdfpost.Attr{})
	rows := [][]string{{"Code", "Indicator", "Value"}, {"AS01", "Residents supported at home", "82%"}, {"AS02", "Days to assess", "32.4 days"}}
	for r, row := range rows {
		tg.Begin(pdfpost.TR, pdfpost.Attr{})
		for c, cell := range row {
			role, scope := pdfpost.TD, pdfpost.NoScope
			if d != tableWithoutTH {
				if r == 0 {
					role, scope = pdfpost.TH, pdfpost.Column
				} else if c == 0 {
					role, scope = pdfpost.TH, pdfpost.Row
				}
			}
			tg.Tag(role, pdfpost.Attr{Scope: scope}, func() {
				p.CellFormat(50, 6, cell, "1", 0, "L", false, 0, "")
			})
		}
		p.Ln(6)
		tg.End()
	}
	tg.End()
	alt := "Line chart of AS01 over eight quarters, rising from 70% to 82%."
	if d == figureWithoutAlt {
		alt = ""
	}
	tg.Tag(pdfpost.Figure, pdfpost.Attr{Alt: alt}, func() {
		y := p.GetY() + 5
		p.Rect(20, y, 100, 40, "D")
		p.Line(20, y+30, 120, y+10)
		p.SetY(y + 45)
	})
	// The contents' page numbers, written in once every section has its page.
	last := p.PageNo()
	for i, n := range numbers {
		p.SetPage(n.page)
		tg.ContentOf(n.elem, func() {
			p.SetFont("go", "", 10)
			p.SetXY(170, n.y)
			p.CellFormat(20, 6, fmt.Sprint(i+1), "", 0, "R", false, 0, "")
		})
	}
	p.SetPage(last)
	var raw bytes.Buffer
	if err := p.Output(&raw); err != nil {
		t.Fatal(err)
	}
	return raw.Bytes(), tg
}

func tagged(t testing.TB, d defect) []byte {
	t.Helper()
	raw, tg := painted(t, d)
	var out bytes.Buffer
	if err := pdfpost.Tagged(&out, raw, tg); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestTaggedPassesTheChecker(t *testing.T) {
	out := tagged(t, none)
	rep := pdfua.Check(out)
	for _, p := range rep.Problems {
		t.Error(p)
	}
	if !bytes.HasPrefix(out, []byte("%PDF-1.7\n")) {
		t.Errorf("header %q, want PDF 1.7", out[:9])
	}
	if !bytes.Equal(out, tagged(t, none)) {
		t.Error("two runs differ")
	}
	// The tree as drawn: Document > H1, TOC(2 TOCI), H2, P, L(3 LI), H2, 5 P, Table(3 TR), Figure.
	var roles []string
	for _, e := range rep.Root.Kids[0].Kids {
		roles = append(roles, e.Role)
	}
	want := "H1 TOC H2 P L H2 P P P P P Table Figure"
	if got := strings.Join(roles, " "); got != want {
		t.Errorf("document's children:\n got %s\nwant %s", got, want)
	}
}

// The checker must find each defect a painter could make.
func TestCheckerCatchesDefects(t *testing.T) {
	for _, c := range []struct {
		d    defect
		want string
	}{
		{untaggedText, `"Tj" operators neither tagged nor artifacts`},
		{figureWithoutAlt, "a Figure without alternative text"},
		{skippedHeading, "heading H4 follows H2: a level skipped"},
		{tableWithoutTH, "a Table without header cells (TH)"},
	} {
		rep := pdfua.Check(tagged(t, c.d))
		if !slices.ContainsFunc(rep.Problems, func(p string) bool { return strings.Contains(p, c.want) }) {
			t.Errorf("defect %d: checker reported %q, want one containing %q", c.d, rep.Problems, c.want)
		}
	}
	raw, _ := painted(t, none)
	var plain bytes.Buffer
	if err := pdfpost.Compress(&plain, raw); err != nil {
		t.Fatal(err)
	}
	rep := pdfua.Check(plain.Bytes())
	for _, want := range []string{"catalogue: no /StructTreeRoot", "catalogue: /MarkInfo <</Marked true>> missing", "catalogue: /ViewerPreferences <</DisplayDocTitle true>> missing"} {
		if !slices.Contains(rep.Problems, want) {
			t.Errorf("untagged PDF: checker reported %q, want %q", rep.Problems, want)
		}
	}
}

func TestTaggedRefusesAnUnrecordedLink(t *testing.T) {
	raw, tg := painted(t, linkNotRecorded)
	err := pdfpost.Tagged(&bytes.Buffer{}, raw, tg)
	if err == nil || !strings.Contains(err.Error(), "page 1 has 2 link annotations, the structure names 0") {
		t.Errorf("got %v", err)
	}
}

func TestTaggerMisuse(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	p.AddPage()
	tg := pdfpost.NewTagger(p)
	tg.Begin(pdfpost.P, pdfpost.Attr{})
	if err := tg.Err(); err == nil || !strings.Contains(err.Error(), "P left open") {
		t.Errorf("open element: %v", err)
	}
	tg.Content(func() { tg.Artifact(func() {}) })
	if err := tg.Err(); err == nil || !strings.Contains(err.Error(), "marked content inside marked content") {
		t.Errorf("nested marks: %v", err)
	}
}

func tool(t *testing.T, name string, pdf []byte, args ...string) string {
	t.Helper()
	bin := testtool.Need(t, name, "apt-get install poppler-utils")
	in := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if name == "pdftotext" {
		args = append(args, in, "-")
	} else {
		args = append(args, in)
	}
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
	return string(out)
}

// poppler reads the structure tree back with each element's text.
func TestPopplerReadsTheStructure(t *testing.T) {
	out := tool(t, "pdfinfo", tagged(t, none), "-struct-text")
	// pdfinfo writes each element's text on lines of its own below it: join them.
	joined := regexp.MustCompile(`\n\s+`).ReplaceAllString(out, " ")
	for _, want := range []string{
		`Document H1 (block) "Quarterly Performance Report" TOC TOCI Link (inline) "Summary" Object`,
		`H2 (block) "Summary"`,
		`LI (block) Lbl (block) "•" LBody (block) "1 KPI rated Red"`,
		`TR TH: /Scope /Column "Code"`,
		`TR TH: /Scope /Row "AS02" TD "Days to assess" TD "32.4 days"`,
		`Figure`,
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("pdfinfo -struct-text lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(out)
	}
	info := tool(t, "pdfinfo", tagged(t, none))
	for _, want := range []string{"Tagged:          yes", "PDF version:     1.7", "Title:           Sample Council"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
}

// The fonts carry ToUnicode maps (the checker), so the text extracts as drawn.
func TestTextExtracts(t *testing.T) {
	pdf := tagged(t, none)
	out := tool(t, "pdftotext", pdf)
	for _, want := range []string{"Résumé of Services, Chief Executive’s Department, £1,234,567", "94.2%", "32.4 days", "•"} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
	fonts := strings.Split(strings.TrimSpace(tool(t, "pdffonts", pdf)), "\n")[2:]
	if len(fonts) != 2 {
		t.Errorf("want the two fonts drawn with, got %q", fonts)
	}
	for _, row := range fonts {
		f := strings.Fields(row)
		// name, type (two words), encoding, emb, sub, uni, object ID (two fields)
		if len(f) != 9 || f[1]+" "+f[2] != "CID TrueType" || f[4] != "yes" || f[6] != "yes" {
			t.Errorf("every font should be an embedded TrueType font mapped to Unicode: %q", row)
		}
	}
}
