package docx

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/example/qpr/internal/testtool"
	"github.com/example/qpr/pkg/report"
)

func exampleReport(t testing.TB) *report.Report {
	t.Helper()
	b, err := os.ReadFile("../../../testdata/golden/example-qpr-2023-24-Q2.json")
	if err != nil {
		t.Fatal(err)
	}
	var r report.Report
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	return &r
}

func render(t *testing.T, r *report.Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, r, nil); err != nil {
		t.Fatal(err)
	}
	if out := os.Getenv("DOCX_OUT"); out != "" {
		os.WriteFile(out, b.Bytes(), 0o644)
	}
	return b.Bytes()
}

func partOf(t *testing.T, pkg []byte, name string) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == name {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			return b
		}
	}
	t.Fatalf("no part %s", name)
	return nil
}

func TestExampleSameBytes(t *testing.T) {
	r := exampleReport(t)
	if !bytes.Equal(render(t, r), render(t, r)) {
		t.Fatal("two renders of the example differ")
	}
}

// TestAccessibleStructure checks what Word's accessibility checker checks that can be read
// from the file: headings in order from level 1 without a skip, every picture with
// alternative text, every table with a repeating header row and a title, the document's
// language and title set.
func TestAccessibleStructure(t *testing.T) {
	r := exampleReport(t)
	pkg := render(t, r)
	doc := partOf(t, pkg, "word/document.xml")
	dec := xml.NewDecoder(bytes.NewReader(doc))
	level, headings, pictures, tables, inTable, headerRow := 0, 0, 0, 0, false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			if ee, ok := tok.(xml.EndElement); ok && ee.Name.Local == "tbl" {
				if !headerRow {
					t.Errorf("table %d has no repeating header row", tables)
				}
				inTable = false
			}
			continue
		}
		get := func(name string) string {
			for _, a := range se.Attr {
				if a.Name.Local == name {
					return a.Value
				}
			}
			return ""
		}
		switch se.Name.Local {
		case "pStyle":
			if v := get("val"); strings.HasPrefix(v, "Heading") {
				n, _ := strconv.Atoi(strings.TrimPrefix(v, "Heading"))
				if n > level+1 {
					t.Errorf("heading %d: level %d after level %d skips a level", headings, n, level)
				}
				level = n
				headings++
			}
		case "docPr":
			pictures++
			if strings.TrimSpace(get("descr")) == "" {
				t.Errorf("picture %s has no alternative text", get("name"))
			}
		case "tbl":
			tables++
			inTable, headerRow = true, false
		case "tblCaption":
			if get("val") == "" {
				t.Errorf("table %d has an empty title", tables)
			}
		case "tblHeader":
			if inTable {
				headerRow = true
			}
		}
	}
	// every indicator has its heading; every one with a chart its picture, and every
	// comparator group with figures its chart too
	charts := 0
	for _, in := range r.Indicators {
		if len(in.Chart) > 0 {
			charts++
		}
		for _, b := range in.Benchmark {
			if b.Period != nil && len(b.Areas) > 0 {
				charts++
			}
		}
	}
	if headings < len(r.Indicators) {
		t.Errorf("%d headings for %d indicators", headings, len(r.Indicators))
	}
	if pictures == 0 || pictures > charts {
		t.Errorf("%d pictures for %d indicators with a chart", pictures, charts)
	}
	if tables == 0 {
		t.Error("no tables")
	}
	styles := string(partOf(t, pkg, "word/styles.xml"))
	if !strings.Contains(styles, `<w:lang w:val="en-GB"`) {
		t.Error("styles set no language")
	}
	core := string(partOf(t, pkg, "docProps/core.xml"))
	if !regexp.MustCompile(`<dc:title>[^<]*Quarterly Performance Report[^<]*2023/24 Q2</dc:title>`).MatchString(core) {
		t.Errorf("core properties lack the title: %s", core)
	}
}

// TestLibreOfficeShowsTheReport: LibreOffice opens the Word edition without complaint and
// its text holds every indicator's heading and shown value as the JSON gives them.
func TestLibreOfficeShowsTheReport(t *testing.T) {
	soffice := testtool.Need(t, "soffice", "apt-get install libreoffice-writer-nogui")
	r := exampleReport(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "r.docx")
	if err := os.WriteFile(in, render(t, r), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "r.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(strings.ReplaceAll(string(b), "\u2011", "-"), "\u00a0", " ")
	for _, in := range r.Indicators {
		if !strings.Contains(text, in.Code+" "+in.Name) {
			t.Errorf("no heading for %s %s", in.Code, in.Name)
		}
	}
}

// wordParagraph is what TestIndicatorHeadStaysWithItsChart reads of a body paragraph.
type wordParagraph struct {
	style    string
	keepNext bool
	picture  bool
	text     string
}

func bodyParagraphs(t *testing.T, doc []byte) []wordParagraph {
	t.Helper()
	var out []wordParagraph
	dec := xml.NewDecoder(bytes.NewReader(doc))
	depth := 0 // paragraphs open, for a table cell's paragraph inside nothing else
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "p":
				depth++
				out = append(out, wordParagraph{})
			case "pStyle":
				for _, a := range tok.Attr {
					if a.Name.Local == "val" {
						out[len(out)-1].style = a.Value
					}
				}
			case "keepNext":
				out[len(out)-1].keepNext = true
			case "drawing":
				out[len(out)-1].picture = true
			}
		case xml.EndElement:
			if tok.Name.Local == "p" {
				depth--
			}
		case xml.CharData:
			if depth > 0 {
				out[len(out)-1].text += string(tok)
			}
		}
	}
}

// TestIndicatorHeadStaysWithItsChart: an indicator's heading, statuses, facts and
// description are kept with the next paragraph down to its chart, so none of them is left
// at the foot of a page with the chart on the next; the heading style keeps with next too.
func TestIndicatorHeadStaysWithItsChart(t *testing.T) {
	r := exampleReport(t)
	pkg := render(t, r)
	paras := bodyParagraphs(t, partOf(t, pkg, "word/document.xml"))
	styles := string(partOf(t, pkg, "word/styles.xml"))
	checked := 0
	for _, in := range r.Indicators {
		if len(in.Chart) == 0 {
			continue
		}
		head := -1
		for i, p := range paras {
			if strings.HasPrefix(p.style, "Heading") && strings.HasPrefix(p.text, in.Code+" ") {
				head = i
				break
			}
		}
		if head < 0 {
			t.Errorf("%s: no heading", in.Code)
			continue
		}
		if !regexp.MustCompile(`w:styleId="` + paras[head].style + `"[^>]*>(?:[^<]|<[^/])*?<w:keepNext/>`).MatchString(styles) {
			t.Errorf("%s: heading style %s does not keep with next", in.Code, paras[head].style)
		}
		i := head + 1
		for ; i < len(paras) && !paras[i].picture; i++ {
			if strings.HasPrefix(paras[i].style, "Heading") {
				t.Fatalf("%s: next heading %q before its chart", in.Code, paras[i].text)
			}
			if !paras[i].keepNext {
				t.Errorf("%s: paragraph %q between heading and chart does not keep with next", in.Code, paras[i].text)
			}
		}
		if i == len(paras) {
			t.Fatalf("%s: no chart after its heading", in.Code)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no indicator with a chart was checked")
	}
}
