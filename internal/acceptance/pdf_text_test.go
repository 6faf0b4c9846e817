package acceptance_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/example/qpr/internal/testtool"
	"github.com/example/qpr/pkg/render/pdf"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// TestExamplePDFTextGolden pins the words of the example's corporate PDF as pdftotext lays
// them out, and checks by name what a reader looks for first.
func TestExamplePDFTextGolden(t *testing.T) {
	testtool.Need(t, "pdftotext", "apt-get install poppler-utils")
	r := loadExample(t).build(t, "qpr")
	var buf bytes.Buffer
	if err := pdf.Render(&buf, r, templates.Default()); err != nil {
		t.Fatalf("rendering the PDF: %v", err)
	}
	text := pdfText(t, buf.Bytes())
	compareGolden(t, "example-qpr-2023-24-Q2.pdf.txt", text)

	// pdftotext ends each page with a form feed.
	pages := strings.Split(strings.TrimSuffix(string(text), "\f"), "\f")
	if len(pages) < 3 {
		t.Fatalf("pdftotext found %d pages; a report has at least a cover, contents and a section", len(pages))
	}
	checkCover(t, pages[0])
	checkNarrative(t, strings.Join(pages, "\n"))
	checkStandIns(t, strings.Join(pages, "\n"))
	checkFooters(t, pages)
	checkSections(t, r, pages)
}

func pdfText(t *testing.T, doc []byte) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return out
}

func checkCover(t *testing.T, cover string) {
	t.Helper()
	for _, want := range []string{
		"Example County Council",
		"Quarterly Performance Report",
		// Q2 of the April-to-March year 2023/24 is July to September 2023.
		"2023/24 Q2: data to the end of September 2023",
		"Data as at 30 September 2023",
	} {
		if !hasLine(cover, want) {
			t.Errorf("the cover has no line %q:\n%s", want, cover)
		}
	}
	if strings.Contains(cover, "Page 1 of") {
		t.Errorf("the cover carries a page footer; it should stand alone")
	}
}

// checkNarrative looks for the executive summary's opening sentence, with the comparisons
// worked out by hand from the counts: green 15 against 16 is one fewer, amber 15 against 11
// four more, red 8 against 11 three fewer.
func checkNarrative(t *testing.T, text string) {
	t.Helper()
	want := "Of the 38 KPIs in this report, 15 achieved or exceeded target (rated Green; one fewer than the previous quarter), " +
		"15 achieved or exceeded the floor standard but did not meet the target (rated Amber; four more than the previous quarter), " +
		"and 8 did not meet the floor standard (rated Red; three fewer than the previous quarter)."
	if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
		t.Errorf("the executive summary does not say:\n%s", want)
	}
}

// checkStandIns expects the two values that are not a full current quarter to be said so:
// WM01's 50.3% is 2023/24 Q1's (Q2 is n/a in get.xlsx), HT01's is July and August only.
func checkStandIns(t *testing.T, text string) {
	t.Helper()
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"50.3% 2023/24 Q1 No value for 2023/24 Q2; the latest",
		"Part quarter: 2 of 3 months.",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF does not say %q", want)
		}
	}
}

var footer = regexp.MustCompile(`Page (\d+) of (\d+)\s*$`)

// checkFooters expects every page after the cover to end "Page N of TOTAL".
func checkFooters(t *testing.T, pages []string) {
	t.Helper()
	total := strconv.Itoa(len(pages))
	for i, page := range pages[1:] {
		m := footer.FindStringSubmatch(page)
		if m == nil || m[1] != strconv.Itoa(i+2) || m[2] != total {
			t.Errorf("page %d does not end with \"Page %d of %s\" (found %q)", i+2, i+2, total, m)
		}
	}
}

var contentsLine = regexp.MustCompile(`^\s*(\S.*?)\s{2,}(\d+)\s*$`)

// checkSections finds each directorate in the contents and expects its name as a heading
// line on the page the contents gives, and each of its indicator codes within its pages.
func checkSections(t *testing.T, r *report.Report, pages []string) {
	t.Helper()
	start := map[string]int{} // directorate name -> page index
	for _, line := range strings.Split(pages[1], "\n") {
		if m := contentsLine.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[2])
			start[m[1]] = n - 1
		}
	}
	for i, d := range r.Directorates {
		first, ok := start[d.Name]
		if !ok || first <= 1 || first >= len(pages) {
			t.Errorf("the contents has no page for %q", d.Name)
			continue
		}
		if !hasLine(pages[first], d.Name) {
			t.Errorf("page %d, which the contents gives for %q, has no heading of that name", first+1, d.Name)
		}
		end := len(pages)
		if i+1 < len(r.Directorates) {
			if next, ok := start[r.Directorates[i+1].Name]; ok && next > first {
				end = next + 1 // a section may share its last page with the next heading
			}
		}
		section := strings.Join(pages[first:end], "\n")
		for _, ind := range r.Indicators {
			if ind.Directorate != d.Code {
				continue
			}
			if !regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(ind.Code) + `\s`).MatchString(section) {
				t.Errorf("%s does not appear in the %s section (pages %d to %d)", ind.Code, d.Name, first+1, end)
			}
		}
	}
}

// hasLine reports whether some line of text, trimmed, is exactly want.
func hasLine(text, want string) bool {
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == want {
			return true
		}
	}
	return false
}
