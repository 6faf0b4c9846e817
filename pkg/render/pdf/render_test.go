package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/example/qpr/internal/golden"
	"github.com/example/qpr/internal/pdfua"
	"github.com/example/qpr/internal/testtool"
	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/render/pdf/pdfpost"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

func render(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, fixtureReport(), templates.Default()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRenderIsDeterministic(t *testing.T) {
	a, b := render(t), render(t)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same report differ")
	}
	if !bytes.HasPrefix(a, []byte("%PDF-")) {
		t.Fatalf("output is not a PDF: %q", a[:min(20, len(a))])
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20231114000000)")) {
		t.Error("creation date should be the report's as-at date, 14 November 2023")
	}
}

func TestDocumentMetadata(t *testing.T) {
	out := render(t)
	for _, want := range []string{"/Lang (en-GB)", "/Outlines", "/PageMode /UseOutlines"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("PDF lacks %s", want)
		}
	}
}

// pdftotext extracts the text; without poppler-utils the test skips, or fails under CI.
func pdftotext(t *testing.T, pdf []byte, args ...string) string {
	t.Helper()
	bin := testtool.Need(t, "pdftotext", "apt-get install poppler-utils")
	dir := t.TempDir()
	in := filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, append(args, in, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestGoldenText(t *testing.T) {
	got := pdftotext(t, render(t), "-layout")
	// After a change, look at the PDF by eye before make golden.
	golden.Check(t, filepath.Join("testdata", "report.golden"), []byte(got))
}

// The text a reader must find, worked out from the fixture by hand.
func TestReportText(t *testing.T) {
	raw := pdftotext(t, render(t))
	text := strings.Join(strings.Fields(raw), " ")
	want := []string{
		"2023/24 Q2: data to the end of September 2023",
		"Data as at 14 November 2023",
		"Of the 9 KPIs in this report, 2 achieved or exceeded target (rated Green; one fewer than the previous quarter)",
		"3 achieved or exceeded the floor standard but did not meet the target (rated Amber; one more than the previous quarter)",
		"The direction of travel is positive for 3 indicators (two more than the previous quarter)",
		"3 are stable or show no clear trend (two fewer than the previous quarter)",
		"Chief Executive’s Department",
		"Adult Social Care and Health – Résumé of Services",
		"82%",           // CS01's display "82"
		"89.96%",        // CS02 shown with the places that keep it Amber against 90.0%
		"90.0%",         // CS02's target at one decimal place
		"£1,234,567",    // FN05, currency
		"32.4 days",     // AS02
		"118,250",       // CS04, number
		"2 of 3 months", // AS01, part quarter
		"No value for 2023/24 Q2; the latest available value is shown.",
		"least-squares regression", "last 8 quarters", "5% level",
		"Projected for 2023/24 Q3: 81% (95% prediction interval 78% to 85%), which would be rated Amber against a target of 85% and a floor of 75%.",
		"Recruitment of eight additional call handlers",
		"No management action has been recorded for this quarter.", // AS02 is red without actions
		"Page 3 of",
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("PDF text lacks %q", w)
		}
	}
	if strings.Contains(raw, "{nb}") {
		t.Error("page count alias left unreplaced")
	}
}

// The contents' page numbers must be the pages the sections start on.
func TestContentsPageNumbers(t *testing.T) {
	pdf := render(t)
	pages := strings.Split(pdftotext(t, pdf), "\f")
	// a section's heading is the first line under the running header's two lines
	find := func(heading string) int {
		for i, p := range pages {
			var lines []string
			for _, l := range strings.Split(p, "\n") {
				if strings.TrimSpace(l) != "" {
					lines = append(lines, strings.TrimSpace(l))
				}
			}
			if len(lines) > 2 && lines[2] == heading {
				return i + 1
			}
		}
		return 0
	}
	contents := strings.Join(strings.Fields(pages[1]), " ")
	for _, h := range []string{"Executive summary", "Growth, Environment and Transport"} {
		n := find(h)
		if n == 0 {
			t.Fatalf("heading %q not found on any page", h)
		}
		if !strings.Contains(contents, h+" "+strconv.Itoa(n)) {
			t.Errorf("contents should give %q page %d: %s", h, n, contents)
		}
	}
}

// A contents too long for one page carries on over the next, and every entry on either page
// gives the page its section starts on.
func TestContentsOverSeveralPages(t *testing.T) {
	r := fixtureReport()
	for i := range 60 {
		r.Directorates = append(r.Directorates, report.Directorate{
			Code: fmt.Sprintf("X%02d", i), Name: fmt.Sprintf("Extra Directorate Number %02d", i),
		})
	}
	var buf bytes.Buffer
	if err := Render(&buf, r, templates.Default()); err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(pdftotext(t, buf.Bytes()), "\f")
	startsOn := map[string]int{}
	for i, p := range pages {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 2 {
			startsOn[lines[2]] = i + 1
		}
	}
	if strings.Contains(pages[1], "Extra Directorate Number 59") {
		t.Fatal("the contents should run over more than one page with this many directorates")
	}
	contents := strings.Join(strings.Fields(strings.Join(pages[1:4], " ")), " ")
	for _, name := range []string{"Executive summary", "Extra Directorate Number 00", "Extra Directorate Number 59"} {
		n := startsOn[name]
		if n < 4 {
			t.Fatalf("section %q not found after the contents", name)
		}
		if !strings.Contains(contents, name+" "+strconv.Itoa(n)) {
			t.Errorf("contents should give %q page %d: %s", name, n, contents)
		}
	}
}

// qpr compresses the pages itself (pdfpost): with the tagging left out, the file must be the
// one fpdf writes when it compresses them, byte for byte.
func TestCompressionIsFpdfs(t *testing.T) {
	defer func(keep bool) { keepLater = keep }(keepLater)
	keepLater = false // fpdf writes the file here, so it must be given every line itself
	output := func(compress bool) []byte {
		document, err := present.DocumentOf(printableReport(fixtureReport()), templates.Default())
		if err != nil {
			t.Fatal(err)
		}
		d, err := layout(document, templates.Default())
		if err != nil {
			t.Fatal(err)
		}
		d.pdf.SetCompression(compress)
		var out bytes.Buffer
		if err := d.pdf.Output(&out); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	var ours bytes.Buffer
	if err := pdfpost.Compress(&ours, output(false)); err != nil {
		t.Fatal(err)
	}
	fpdfs := output(true)
	if !bytes.Equal(ours.Bytes(), fpdfs) {
		t.Errorf("the PDF differs from fpdf's own compressed output (%d bytes against %d)", ours.Len(), len(fpdfs))
	}
}

// The PDF is tagged (PDF/UA-1) by the rules internal/pdfua checks, and poppler reads its
// structure back with the text drawn.
func TestTaggedPDF(t *testing.T) {
	out := render(t)
	rep := pdfua.Check(out)
	for _, p := range rep.Problems {
		t.Error(p)
	}
	// Worked out from the fixture: one Figure per charted indicator, described in words.
	var figures []string
	var walk func(e *pdfua.Element)
	walk = func(e *pdfua.Element) {
		if e.Role == "Figure" {
			figures = append(figures, e.Alt)
		}
		for _, k := range e.Kids {
			walk(k)
		}
	}
	walk(rep.Root)
	cs01 := "Chart of CS01 "
	if !slices.ContainsFunc(figures, func(alt string) bool {
		return strings.HasPrefix(alt, cs01) && strings.Contains(alt, "Latest value 82%") && strings.Contains(alt, "Rating: Amber.")
	}) {
		t.Errorf("no figure described as CS01's chart (latest value 82%%, rated Amber) among %q", figures)
	}

	bin := testtool.Need(t, "pdfinfo", "apt-get install poppler-utils")
	in := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(in, out, 0o644); err != nil {
		t.Fatal(err)
	}
	// -struct, not -struct-text: poppler loads the fonts afresh for each element's text, a
	// quarter of a second each here; pdfpost's own tests read the text back on a small document.
	text, err := exec.Command(bin, "-struct", in).Output()
	if err != nil {
		t.Fatalf("pdfinfo -struct: %v", err)
	}
	// poppler and the checker read the same tree: the same elements in the same order.
	var poppler, ours []string
	for _, l := range strings.Split(string(text), "\n") {
		if f := strings.Fields(l); len(f) > 0 && f[0] != "Object" && !strings.HasPrefix(f[0], "/") {
			poppler = append(poppler, strings.TrimSuffix(f[0], ":"))
		}
	}
	var flat func(e *pdfua.Element)
	flat = func(e *pdfua.Element) {
		ours = append(ours, e.Role)
		for _, k := range e.Kids {
			flat(k)
		}
	}
	for _, k := range rep.Root.Kids {
		flat(k)
	}
	if strings.Join(poppler, " ") != strings.Join(ours, " ") {
		t.Errorf("pdfinfo -struct reads %d elements, the checker %d:\n%s\n%s", len(poppler), len(ours), poppler, ours)
	}
	if len(ours) < 500 {
		t.Errorf("only %d structure elements", len(ours))
	}
}

// TestTableCellsLinkToTheirIndicators: a table's cell that names an indicator is a link to
// the indicator's own section: each "Go to CODE ..." annotation's destination is the page
// that holds CODE's heading (checkLinks).
func TestTableCellsLinkToTheirIndicators(t *testing.T) {
	names := map[string]string{}
	for _, in := range fixtureReport().Indicators {
		names[in.Code] = in.Name
	}
	linked := checkLinks(t, render(t), names)
	// The fixture's CS01, rated Amber, is in its directorate's table and in the summary's.
	if linked["CS01"] == 0 {
		t.Errorf("no table cell links to CS01; links to %v", linked)
	}
}
