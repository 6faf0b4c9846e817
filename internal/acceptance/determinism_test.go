package acceptance_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/app"
	"github.com/example/qpr/pkg/render"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// TestDeterminism: the same inputs give byte-identical files (docs/commands.md), whether
// the report is rebuilt in one process or qpr build is run twice, and SOURCE_DATE_EPOCH sets
// the date the files carry.
func TestDeterminism(t *testing.T) {
	t.Run("reports built separately", func(t *testing.T) {
		// Each report comes from its own load, so no state is shared between the two.
		first := renderAll(t, loadExample(t).build(t, "qpr"))
		second := renderAll(t, loadExample(t).build(t, "qpr"))
		for format := range first {
			if !bytes.Equal(first[format], second[format]) {
				t.Errorf("%s differs between two renders of the same inputs", format)
			}
		}
	})

	t.Run("qpr build twice", func(t *testing.T) {
		one, two := t.TempDir(), t.TempDir()
		runBuild(t, buildOptions(t, one, ""))
		runBuild(t, buildOptions(t, two, ""))
		a, b := readDir(t, one), readDir(t, two)
		if !slices.Equal(sortedKeys(a), sortedKeys(b)) {
			t.Fatalf("the two builds wrote different files: %v and %v", sortedKeys(a), sortedKeys(b))
		}
		// Seven packs (qpr and six directorate dashboards), four formats each.
		if len(a) != 28 {
			t.Errorf("qpr build wrote %d files, want 28: %v", len(a), sortedKeys(a))
		}
		for name := range a {
			if !bytes.Equal(a[name], b[name]) {
				t.Errorf("%s differs between two builds of the same inputs", name)
			}
		}
		// And qpr build's JSON is the encoding the golden test uses.
		want := marshalReport(t, loadExample(t).build(t, "qpr"))
		if !bytes.Equal(a["qpr-2023-24-Q2.json"], want) {
			t.Errorf("qpr build's qpr-2023-24-Q2.json is not the report encoded with two-space indent and no HTML escaping")
		}
	})

	t.Run("SOURCE_DATE_EPOCH", func(t *testing.T) {
		// 1700000000 seconds after 1970-01-01 is 2023-11-14 22:13:20 UTC. The renderers take the
		// date from report.Options.AsAt by way of the report's as_at, a day without a time.
		out := t.TempDir()
		o := buildOptions(t, out, "1700000000")
		o.Packs = []string{"qpr"}
		runBuild(t, o)
		files := readDir(t, out)

		if !bytes.Contains(files["qpr-2023-24-Q2.json"], []byte(`"as_at": "2023-11-14"`)) {
			t.Errorf("the JSON does not carry as_at 2023-11-14")
		}
		doc := files["qpr-2023-24-Q2.pdf"]
		for _, key := range []string{"/CreationDate (D:20231114", "/ModDate (D:20231114"} {
			if !bytes.Contains(doc, []byte(key)) {
				t.Errorf("the PDF has no %s...)", key)
			}
		}
		core, stamps := xlsxCoreAndStamps(t, files["qpr-2023-24-Q2.xlsx"])
		for _, key := range []string{"<dcterms:created xsi:type=\"dcterms:W3CDTF\">2023-11-14", "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2023-11-14"} {
			if !strings.Contains(core, key) {
				t.Errorf("docProps/core.xml has no %s...:\n%s", key, core)
			}
		}
		for name, day := range stamps {
			if day != "2023-11-14" {
				t.Errorf("zip entry %s is dated %s, want 2023-11-14", name, day)
			}
		}
	})
}

// renderAll renders r in each registered format as qpr build does.
func renderAll(t *testing.T, r *report.Report) map[string][]byte {
	t.Helper()
	tmpl := templates.Default()
	out := map[string][]byte{}
	for _, f := range render.Formats {
		var buf bytes.Buffer
		if err := f.Render(&buf, r, tmpl); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		out[f.Name] = buf.Bytes()
	}
	if !bytes.Equal(out["json"], marshalReport(t, r)) {
		t.Error("the json renderer does not write the report as the golden files are written")
	}
	return out
}

// buildOptions are qpr build's for the example, writing to out, from a working folder with
// no qpr.yaml so that only these options count.
func buildOptions(t *testing.T, out, sourceDateEpoch string) app.BuildOptions {
	t.Helper()
	return app.BuildOptions{
		Inputs: app.Inputs{
			Dir:       t.TempDir(),
			Catalogue: filepath.Join(exampleDir, "catalogue.yaml"),
			Data:      []string{filepath.Join(exampleDir, "data")},

			SourceDateEpoch: sourceDateEpoch,
		},
		Outputs: app.Outputs{Out: out},
		Quiet:   true,
	}
}

func runBuild(t *testing.T, o app.BuildOptions) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := app.RunBuild(app.Streams{Out: &stdout, Err: &stderr}, o); err != nil {
		t.Fatalf("qpr build: %v\n%s", err, stderr.String())
	}
	// --quiet leaves only the count of validate's warnings (the example has two: WM01 stale, CS02's provisional SPC limits).
	if got, want := stderr.String(), "qpr: 3 warnings; run qpr validate (with the same --catalogue, --data and --period) to see them\n"; got != want {
		t.Errorf("qpr build --quiet wrote to stderr:\n%s\nwant only\n%s", got, want)
	}
}

// readDir reads every file in dir, by name.
func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = b
	}
	return files
}

func sortedKeys(m map[string][]byte) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// xlsxCoreAndStamps returns the workbook's docProps/core.xml and each zip entry's date.
func xlsxCoreAndStamps(t *testing.T, book []byte) (string, map[string]string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatalf("the workbook is not a zip: %v", err)
	}
	var core string
	stamps := map[string]string{}
	for _, f := range zr.File {
		stamps[f.Name] = f.Modified.Format("2006-01-02")
		if f.Name == "docProps/core.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			core = string(b)
		}
	}
	if core == "" {
		t.Fatalf("the workbook has no docProps/core.xml")
	}
	return core, stamps
}
