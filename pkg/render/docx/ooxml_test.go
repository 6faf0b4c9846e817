package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/example/qpr/internal/testtool"
	"github.com/example/qpr/templates"
)

// writeSample writes a small document, its one picture tinyPNG, to w.
func writeSample(w io.Writer) error {
	d := &wordDoc{title: "Quarterly Performance Report", subject: "2023/24 Q2", creator: "Example Council",
		language: "en-GB", modified: time.Date(2023, 10, 20, 0, 0, 0, 0, time.UTC),
		head: "Example Council — Quarterly Performance Report", marking: "Draft", style: templates.Default().Style()}
	if err := d.begin(w); err != nil {
		return err
	}
	d.titlePara("Quarterly Performance Report")
	d.heading(1, "Executive summary", "summary", "")
	d.paragraph("", false, run{Text: "Of the 38 KPIs, 15 are "}, run{Text: "green", Bold: true}, run{Text: " & 8 < red."})
	d.bullet(run{Text: "CS01 Calls answered", Link: "ind-CS01"})
	d.table(table{Caption: "Ratings by directorate", Widths: []float64{0.5, 0.25, 0.25},
		Header: [][]cell{{{Runs: []run{{Text: "Directorate"}}}, {Runs: []run{{Text: "Green"}}, Right: true}, {Runs: []run{{Text: "Red"}}, Right: true}}},
		Rows:   [][]cell{{{Runs: []run{{Text: "Chief Executive's"}}, Header: true}, {Runs: []run{{Text: "4"}}, Right: true}, {Runs: []run{{Text: "1"}}, Right: true}}}})
	d.heading(2, "CS01 Calls answered", "ind-CS01", "")
	d.picture(170, 66, "CS01 chart", "Line chart of CS01 from 2021/22 Q3 to 2023/24 Q2: 82% in the latest quarter.")
	if err := d.putPicture(tinyPNG); err != nil {
		return err
	}
	return d.finish()
}

// a 1x1 white PNG
var tinyPNG = []byte{0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
	0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xde, 0x00, 0x00,
	0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xff, 0xff, 0x3f, 0x00, 0x05, 0xfe, 0x02, 0xfe, 0xdc,
	0xcc, 0x59, 0xe7, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82}

func packageBytes(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := writeSample(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestPartsAreWellFormed: every XML part parses, every part a relationship names exists,
// and the content types cover each part, as Word requires before it opens a file without
// offering to repair it.
func TestPartsAreWellFormed(t *testing.T) {
	b := packageBytes(t)
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range z.File {
		names[f.Name] = true
	}
	for _, f := range z.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		dec := xml.NewDecoder(bytes.NewReader(data))
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Relationship" {
				var target string
				for _, a := range se.Attr {
					if a.Name.Local == "Target" {
						target = a.Value
					}
				}
				dir := filepath.Dir(filepath.Dir(f.Name)) // word/_rels/x.rels -> word
				full := filepath.ToSlash(filepath.Join(dir, target))
				if dir == "." {
					full = target
				}
				if !names[full] {
					t.Errorf("%s names %s, which the package lacks", f.Name, full)
				}
			}
		}
	}
	for _, want := range []string{"[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/media/chart1.png"} {
		if !names[want] {
			t.Errorf("package lacks %s", want)
		}
	}
}

func TestSameDocumentSameBytes(t *testing.T) {
	if !bytes.Equal(packageBytes(t), packageBytes(t)) {
		t.Fatal("two writes of one document differ")
	}
}

// TestLibreOfficeReadsIt: LibreOffice opens the package and finds the words in order,
// the table's cells and the escaped characters as written.
func TestLibreOfficeReadsIt(t *testing.T) {
	soffice := testtool.Need(t, "soffice", "apt-get install libreoffice-writer-nogui")
	dir := t.TempDir()
	in := filepath.Join(dir, "r.docx")
	if err := os.WriteFile(in, packageBytes(t), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	text, err := os.ReadFile(filepath.Join(dir, "r.txt"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(text)
	order := []string{"Quarterly Performance Report", "Executive summary", "Of the 38 KPIs, 15 are green & 8 < red.",
		"CS01 Calls answered", "Ratings by directorate", "Directorate", "Chief Executive's", "4", "CS01 Calls answered"}
	at := 0
	for _, w := range order {
		i := strings.Index(s[at:], w)
		if i < 0 {
			t.Fatalf("LibreOffice's text lacks %q after offset %d:\n%s", w, at, s)
		}
		at += i + len(w)
	}
}

// TestEveryPartDated: every entry carries the document's date, the body (written raw, as
// compressed while it was painted) as much as the rest; a reader of the zip sees the same
// time from the MS-DOS fields and the extended timestamp.
func TestEveryPartDated(t *testing.T) {
	b := packageBytes(t)
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2023, 10, 20, 0, 0, 0, 0, time.UTC)
	for _, f := range z.File {
		if !f.Modified.Equal(want) {
			t.Errorf("%s dated %v, want %v", f.Name, f.Modified, want)
		}
		if f.ModifiedDate != 0x5754 { // (2023-1980)<<9 | 10<<5 | 20, worked by hand
			t.Errorf("%s: MS-DOS date %#x, want 0x5754", f.Name, f.ModifiedDate)
		}
	}
}
