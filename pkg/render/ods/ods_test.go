package ods

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/example/qpr/internal/reporttest"
	"github.com/example/qpr/internal/testtool"
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/render/xlsx"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

func f64(v float64) *float64 { return &v }

// fixture is a small report with a value of each unit, days shown as "1 day" and "3 days",
// an activity indicator with its range, a monthly part-quarter value, a stale value, text
// with characters XML must escape, and counts that stay the same (a change of nought).
func fixture() *report.Report {
	q, pp, rt := reporttest.Period, reporttest.PeriodPtr, reporttest.Rating
	periods := reporttest.Periods([]string{"2023/24 Q1", "2023/24 Q2", "2023/24 Q3"})
	higher, lower := reporttest.Polarity("higher"), reporttest.Polarity("lower")
	kpi := func(code, unit string, decimals int, v float64, target, floor float64, rating string) report.Indicator {
		return report.Indicator{Code: code, Name: "Indicator " + code + " <&> “quoted”", Directorate: "CED", Type: "kpi",
			Polarity: higher, Unit: catalogue.Unit(unit), Decimals: decimals, Frequency: "quarterly",
			Value: f64(v), ValuePeriod: pp("2023/24 Q3"), Target: f64(target), Floor: f64(floor), RAG: rt(rating),
			History: []report.HistoryPoint{
				{Period: periods[0], Value: f64(v - 1), RAG: rt("green")},
				{Period: periods[1]},
				{Period: periods[2], Value: f64(v), RAG: rt(rating)},
			}}
	}
	days1 := kpi("D1", "days", 0, 1, 2, 3, "green")
	days1.Polarity = lower
	days3 := kpi("D3", "days", 0, 3, 2, 4, "amber")
	days3.Polarity = lower
	monthly := kpi("M1", "percent", 0, 57, 57.5, 50, "amber")
	monthly.Frequency, monthly.Partial, monthly.Months = "monthly", true, 2
	stale := kpi("S1", "rate", 2, 30, 35, 25, "red")
	stale.Stale, stale.ValuePeriod = true, pp("2023/24 Q2")
	stale.Commentary = &report.Commentary{Context: "Two lines:\nthe second.", Actions: "Act & review."}
	within := reporttest.Activity("within")
	activity := report.Indicator{Code: "A1", Name: "Contacts", Directorate: "GET", Type: "activity", Unit: "number",
		Frequency: "quarterly", Value: f64(115000), ValuePeriod: pp("2023/24 Q3"), Activity: within,
		Expected: &report.Range{Lower: f64(100000), Upper: f64(130000)},
		History:  []report.HistoryPoint{{Period: periods[2], Value: f64(115000), Activity: within}}}
	return &report.Report{
		Schema: report.Schema, Organisation: "Example County Council", Title: "Quarterly Performance Report",
		Pack: report.PackRef{ID: "qpr", Title: "Quarterly Performance Report"}, Period: q("2023/24 Q3"), PreviousPeriod: q("2023/24 Q2"),
		FileLabel: "2023-24-Q3", PeriodStart: q("2023-10"), PeriodEnd: q("2023-12"), AsAt: "2024-01-31", HistoryPeriods: periods,
		Summary: report.Summary{KPIs: 6, ActivityCount: 1,
			RAG:         report.RAGCounts{Green: 2, Amber: 3, Red: 1},
			RAGPrevious: report.RAGCounts{Green: 2, Amber: 1, Red: 3},
			Activity:    report.ActivityCounts{Within: 1}, ActivityPrevious: report.ActivityCounts{Within: 1}},
		Directorates: []report.Directorate{{Code: "CED", Name: "Chief Executive’s Department", KPIs: 6},
			{Code: "GET", Name: "Growth, Environment & Transport", ActivityCount: 1}},
		Indicators: []report.Indicator{kpi("P1", "percent", 1, 82.4, 85, 75, "amber"), kpi("C1", "currency", 0, 1250000, 1000000, 1200000, "red"),
			days1, days3, monthly, stale, activity},
	}
}

func render(t *testing.T, r *report.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, r, templates.Default()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRenderIsByteIdentical(t *testing.T) {
	first := render(t, fixture())
	for i := 0; i < 3; i++ {
		if !bytes.Equal(first, render(t, fixture())) {
			t.Fatalf("render %d differs from the first", i+2)
		}
	}
}

// The package's layout as ODF 1.3 part 2 asks: "mimetype" first, stored, without an extra
// field, so its content is at a fixed offset; then the parts the manifest lists, each
// well-formed XML, all dated with the report's date.
func TestPackage(t *testing.T) {
	b := render(t, fixture())
	if got := string(b[30:38]); got != "mimetype" {
		t.Fatalf("first part is %q, want mimetype", got)
	}
	if extra := binary.LittleEndian.Uint16(b[28:30]); extra != 0 {
		t.Errorf("mimetype has an extra field of %d bytes", extra)
	}
	if got := string(b[38 : 38+len(MediaType)]); got != MediaType {
		t.Errorf("bytes 38 on are %q, want %q", got, MediaType)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if f.Name == "mimetype" && f.Method != zip.Store {
			t.Errorf("mimetype is compressed")
		}
		if got := f.Modified.Format("2006-01-02"); got != "2024-01-31" {
			t.Errorf("%s is dated %s, want the report's 2024-01-31", f.Name, got)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f.Name, ".xml") {
			if err := wellFormed(body); err != nil {
				t.Errorf("%s is not well-formed XML: %v", f.Name, err)
			}
		}
	}
	want := "mimetype|content.xml|styles.xml|meta.xml|settings.xml|META-INF/manifest.xml"
	if strings.Join(names, "|") != want {
		t.Errorf("parts %v, want %s", names, want)
	}
}

func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := d.Token(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// The number styles read as the xlsx's format codes show: checked by LibreOffice itself in
// TestSameCellsAsTheWorkbook; here, the form of each style.
func TestNumberStyles(t *testing.T) {
	cs := newCellStyles(templates.Default().Style())
	cases := []struct {
		unit   string
		places int
		has    []string
	}{
		{"percent", 1, []string{`number:decimal-places="1"`, `<number:text>%</number:text>`}},
		{"currency", 0, []string{`<number:text>£</number:text><number:number number:decimal-places="0"`, `number:grouping="true"`}},
		{"days", 0, []string{`<number:text> day</number:text>`, `style:condition="value()&lt;1.5"`}},
		{"days", 2, []string{`number:decimal-places="2"`, `<number:text> days</number:text>`}},
		{"rate", 9, []string{`number:decimal-places="6"`}}, // places are capped as pkg/present caps them
	}
	for _, c := range cases {
		name := cs.dataStyle(measure(c.unit, c.places))
		x := cs.dataXML[len(cs.dataXML)-1]
		for _, h := range c.has {
			if !strings.Contains(x, h) {
				t.Errorf("%s %d places (%s): %s lacks %s", c.unit, c.places, name, x, h)
			}
		}
	}
	if again := cs.dataStyle(measure("percent", 1)); again != "N1" {
		t.Errorf("a second percent with one place got style %s, want N1 again", again)
	}
}

// The ODS and the xlsx, each opened by LibreOffice and saved as csv (one file a sheet, each
// cell as it is shown), hold the same sheets and the same cells: every word, every number
// in its format ("82.4%", "£1,250,000", "1 day", "no change"), TRUE and FALSE, the date.
func TestSameCellsAsTheWorkbook(t *testing.T) {
	soffice := testtool.Need(t, "soffice", "apt-get install libreoffice-calc-nogui")
	dir := t.TempDir()
	r := fixture()
	var book bytes.Buffer
	if err := xlsx.Render(&book, r, templates.Default()); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"book.xlsx": book.Bytes(), "book.ods": render(t, r)}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sheets := map[string]map[string]string{}
	for name := range files {
		out := filepath.Join(dir, strings.TrimPrefix(filepath.Ext(name), "."))
		// 44 comma, 34 quote, 76 UTF-8, from line 1; the 9th token true: cells as shown; -1 every sheet
		cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
			"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", out, filepath.Join(dir, name))
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice on %s: %v\n%s", name, err, msg)
		}
		csvs, _ := filepath.Glob(filepath.Join(out, "*.csv"))
		got := map[string]string{}
		for _, c := range csvs {
			b, err := os.ReadFile(c)
			if err != nil {
				t.Fatal(err)
			}
			got[strings.TrimPrefix(strings.TrimSuffix(filepath.Base(c), ".csv"), "book-")] = string(b)
		}
		sheets[name] = got
	}
	want, got := sheets["book.xlsx"], sheets["book.ods"]
	if len(want) < 7 || len(got) != len(want) {
		t.Fatalf("the xlsx gave %d sheets, the ods %d", len(want), len(got))
	}
	for sheet, w := range want {
		if got[sheet] != w {
			t.Errorf("sheet %s differs:\nods:\n%s\nxlsx:\n%s", sheet, got[sheet], w)
		}
	}
	// and the cells are what a reader should see, written out by hand
	for sheet, lines := range map[string][]string{
		"CED": {`P1,Indicator P1 <&> “quoted”,82.4%,%,Q,2023/24 Q3,FALSE,FALSE,[z],85.0%,75.0%,[z],[z],Amber`,
			`D1,Indicator D1 <&> “quoted”,1 day,days,`, `D3,Indicator D3 <&> “quoted”,3 days,days,`,
			`C1,Indicator C1 <&> “quoted”,"£1,250,000",£,Q,2023/24 Q3,FALSE,FALSE,[z],"£1,000,000","£1,200,000"`,
			`M1,Indicator M1 <&> “quoted”,57%,%,Q,2023/24 Q3,FALSE,TRUE,2,57.5%,50%`,
			`S1,Indicator S1 <&> “quoted”,30.00,rate,Q,2023/24 Q2,TRUE,FALSE,[z],35.00,25.00`},
		"Summary": {"Green,2,2,no change", "Amber,3,1,+2", "Red,1,3,-2"},
		"Cover":   {"Data as at,31 January 2024"},
		"Data":    {"A1,GET,2023/24 Q3,\"115,000\",number,2023/24 Q3,within,,,\"100,000\",\"130,000\",FALSE,FALSE,Q,activity"},
	} {
		for _, l := range lines {
			if !strings.Contains(got[sheet], l) {
				t.Errorf("sheet %s has no line with %s:\n%s", sheet, l, got[sheet])
			}
		}
	}
}

// The parts against the ODF 1.3 RELAX NG schema, where jing and the schema are at hand: the
// schema is OASIS's and is not kept in this repository; QPR_ODF_SCHEMA names the folder that
// holds OpenDocument-v1.3-schema.rng and OpenDocument-v1.3-manifest-schema.rng.
func TestValidAgainstTheODFSchema(t *testing.T) {
	schemas := os.Getenv("QPR_ODF_SCHEMA")
	if schemas == "" {
		t.Skip("QPR_ODF_SCHEMA is not set to a folder holding the ODF 1.3 RELAX NG schemas (docs/ods.md says where to get them)")
	}
	jing := testtool.Need(t, "jing", "apt-get install jing")
	b := render(t, fixture())
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		path := filepath.Join(dir, strings.ReplaceAll(f.Name, "/", "_"))
		if err := os.WriteFile(path, body, 0o644); err != nil {
			t.Fatal(err)
		}
		schema := "OpenDocument-v1.3-schema.rng"
		if f.Name == "META-INF/manifest.xml" {
			schema = "OpenDocument-v1.3-manifest-schema.rng"
		}
		// -i: the ODF schema's ID types are not checkable by jing's ID/IDREF rules
		out, err := exec.Command(jing, "-i", filepath.Join(schemas, schema), path).CombinedOutput()
		var errs []string
		for _, l := range strings.Split(string(out), "\n") {
			if strings.Contains(l, "error") {
				errs = append(errs, l)
			}
		}
		if err != nil || len(errs) > 0 {
			t.Errorf("%s is not valid ODF 1.3 (%v):\n%s", f.Name, err, strings.Join(errs, "\n"))
		}
	}
}

func measure(unit string, places int) present.NumberFormat {
	return present.NumberFormat{Kind: present.MeasureNumber, Unit: catalogue.Unit(unit), Places: places}
}
