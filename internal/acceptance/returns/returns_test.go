// Package returns_test is the quarter's round trip end to end, in a package of its own so that
// it runs beside the other acceptance tests rather than after them.
package returns_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/example/qpr/pkg/app"
)

// The quarter's round trip on the example project (testdata/returns, made by make.py there):
// returns made for 2023/24 Q3, filled in by owners with openpyxl (one saved again by
// LibreOffice), one late, one unsigned, one revised, one with a percentage typed as a
// fraction; then status, build and the revision marks.
const (
	returnsDir = "../../../testdata/returns"
	exampleDir = "../../../testdata/example"
)

func returnsInputs(t *testing.T, data ...string) app.Inputs {
	t.Helper()
	in := app.Inputs{
		Dir:       t.TempDir(),
		Catalogue: filepath.Join(returnsDir, "catalogue.yaml"),
		Data:      []string{filepath.Join(exampleDir, "data")},
		AsAt:      "2024-01-31",
	}
	for _, d := range data {
		in.Data = append(in.Data, filepath.Join(returnsDir, d))
	}
	return in
}

func run(t *testing.T, f func(app.Streams) error) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := f(app.Streams{Out: &out, Err: &errb})
	return out.String(), errb.String(), err
}

// qpr returns make gives back the returns issued, byte for byte: the files the owners
// filled in are what qpr makes from these inputs.
func TestReturnsMadeAsIssued(t *testing.T) {
	out := t.TempDir()
	in := returnsInputs(t)
	in.AsAt = "2023-10-20"
	stdout, _, err := run(t, func(s app.Streams) error {
		return app.RunReturnsMake(s, app.ReturnsMakeOptions{Inputs: in, Out: out})
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(stdout, "\n"); n != 6 {
		t.Errorf("made %d returns, want one for each of the 6 owners:\n%s", n, stdout)
	}
	for _, owner := range []string{"CEX", "DCED", "GET", "ASCH", "CYPE", "PH"} {
		name := owner + "-2023-24-Q3.xlsx"
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(returnsDir, "issued", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the return issued (testdata/returns/issued); if the change is deliberate, run testdata/returns/make.py", name)
		}
	}
}

type statusJSON struct {
	Period string `json:"period"`
	Owners []struct {
		ID       string  `json:"id"`
		Received bool    `json:"received"`
		Signed   bool    `json:"signed"`
		File     *string `json:"file"`
		SignedBy *string `json:"signed_by"`
		Missing  []struct {
			Code, Period string
		} `json:"missing"`
		NeedsCommentary []string `json:"needs_commentary"`
	} `json:"owners"`
}

func TestReturnsRoundTrip(t *testing.T) {
	// The first deadline: CYPE's return is late and ASCH's not signed off.
	stdout, _, err := run(t, func(s app.Streams) error {
		return app.RunReturnsStatus(s, app.ReturnsStatusOptions{Inputs: returnsInputs(t, "round1"), JSON: true})
	})
	if err != nil {
		t.Fatal(err)
	}
	var st statusJSON
	if err := json.Unmarshal([]byte(stdout), &st); err != nil {
		t.Fatal(err)
	}
	if st.Period != "2023/24 Q3" || len(st.Owners) != 6 {
		t.Fatalf("status %+v", st)
	}
	for _, o := range st.Owners {
		wantIn, wantSigned := o.ID != "CYPE", o.ID != "CYPE" && o.ID != "ASCH"
		if o.Received != wantIn || o.Signed != wantSigned {
			t.Errorf("%s received %v signed %v, want %v %v", o.ID, o.Received, o.Signed, wantIn, wantSigned)
		}
		// CYPE's eight quarterly KPIs are each a row missing; every return in is complete.
		if wantMissing := map[bool]int{true: 0, false: 8}[wantIn]; len(o.Missing) != wantMissing {
			t.Errorf("%s missing %v", o.ID, o.Missing)
		}
		// The revised GET return, signed later, is the one that stands.
		if o.ID == "GET" && (o.File == nil || filepath.Base(*o.File) != "GET-revised-2023-24-Q3.xlsx") {
			t.Errorf("GET's standing return is %v", o.File)
		}
		// DCED's return was saved by LibreOffice, and still read with its sign-off.
		if o.ID == "DCED" && (o.SignedBy == nil || *o.SignedBy != "Raj Example") {
			t.Errorf("DCED signed by %v", o.SignedBy)
		}
	}
	_, _, err = run(t, func(s app.Streams) error {
		return app.RunReturnsStatus(s, app.ReturnsStatusOptions{Inputs: returnsInputs(t, "round1"), FailOn: []string{"missing,unsigned"}})
	})
	if got := app.ExitCode(err); got != 3 || !strings.Contains(err.Error(), "CYPE's return for 2023/24 Q3 is missing") || !strings.Contains(err.Error(), "ASCH's return for 2023/24 Q3 is not signed off") {
		t.Errorf("--fail-on missing,unsigned: exit %d, %v", got, err)
	}

	// validate: the unsigned return and the percentage typed as a fraction, each at its cell.
	_, stderr, err := run(t, func(s app.Streams) error {
		return app.RunValidate(s, app.ValidateOptions{Inputs: withPeriod(returnsInputs(t, "round1"))})
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"round1/ASCH-2023-24-Q3.xlsx:Cover!B19: warning: the ASCH return for 2023/24 Q3 is not signed off",
		"round1/PH-2023-24-Q3.xlsx:Return!L3: warning: PH02 2023/24 Q3 is 0.42 where its earlier values are about 4",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("validate did not say %q:\n%s", want, stderr)
		}
	}

	// build: a draft, and --final refuses it naming the owners outstanding.
	draftDir := t.TempDir()
	// The whole pack's JSON, and GET's PDF (HT02 is GET's), keep the builds few and small.
	build := func(out, pack, formats string, final bool, data ...string) error {
		_, _, err := run(t, func(s app.Streams) error {
			return app.RunBuild(s, app.BuildOptions{Inputs: withPeriod(returnsInputs(t, data...)), Outputs: app.Outputs{Out: out, Formats: []string{formats}}, Packs: []string{pack}, Quiet: true, Final: final})
		})
		return err
	}
	err = build(t.TempDir(), "qpr", "json", true, "round1")
	if app.ExitCode(err) != 1 || !strings.Contains(err.Error(), "ASCH (Adult Social Care and Health) return not signed off") || !strings.Contains(err.Error(), "CYPE (Children, Young People and Education) no return") {
		t.Errorf("build --final on a draft: %v", err)
	}
	if err := build(draftDir, "qpr", "json", false, "round1"); err != nil {
		t.Fatal(err)
	}
	if err := build(draftDir, "get", "pdf", false, "round1"); err != nil {
		t.Fatal(err)
	}
	draft := readReport(t, filepath.Join(draftDir, "qpr-2023-24-Q3.json"))
	if draft.Status != "draft" || len(draft.Outstanding) != 2 {
		t.Errorf("status %s, outstanding %+v", draft.Status, draft.Outstanding)
	}
	ht02 := draft.indicator(t, "HT02")
	// make.py typed 71.5 in the revised GET return over the first's 1.01 x the last value held.
	if ht02.Value == nil || *ht02.Value != 71.5 || len(ht02.Revisions) != 1 || *ht02.Revisions[0].To != 71.5 ||
		filepath.Base(ht02.Revisions[0].Source) != "GET-revised-2023-24-Q3.xlsx" || ht02.Revisions[0].Period != "2023/24 Q3" {
		t.Errorf("HT02 %+v", ht02)
	}
	if ret := ht02.Return; ret == nil || ret.Owner != "GET" || ret.SignedBy == nil || *ret.SignedBy != "Jo Bloggs" || *ret.SignedOn != "2024-01-19" {
		t.Errorf("HT02's return %+v", ht02.Return)
	}
	if asch := draft.indicator(t, "ASCH1").Return; asch == nil || asch.SignedBy != nil {
		t.Errorf("ASCH1's return, unsigned, is %+v", asch)
	}
	// The revision and its sign-off in GET's PDF (final: GET's return is in and signed).
	doc, err := os.ReadFile(filepath.Join(draftDir, "get-2023-24-Q3.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if pdf := string(pdfText(t, doc)); pdf != "" {
		for _, want := range []string{"% [r]", "[r] 2023/24 Q3 revised from", "to 71.5% by a later signed return (GET-revised-2023-24-Q3.xlsx)", "signed off by Jo Bloggs (Head of service) on 19 January 2024"} {
			if !strings.Contains(strings.Join(strings.Fields(pdf), " "), want) {
				t.Errorf("the PDF does not say %q", want)
			}
		}
	}

	// GET's workbook says where a revised figure's earlier value is: the JSON, since the
	// workbook has no note under the indicator as the PDF has.
	if err := build(draftDir, "get", "xlsx", false, "round1"); err != nil {
		t.Fatal(err)
	}
	book, err := excelize.OpenFile(filepath.Join(draftDir, "get-2023-24-Q3.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := book.GetRows("Cover")
	book.Close()
	if err != nil {
		t.Fatal(err)
	}
	var cover strings.Builder
	for _, row := range rows {
		cover.WriteString(strings.Join(row, " ") + "\n")
	}
	if c := cover.String(); !strings.Contains(c, "[r] marks a figure revised since it was first returned") ||
		!strings.Contains(c, "The JSON edition lists each revision with its earlier figure.") || strings.Contains(c, "note under the indicator") {
		t.Errorf("the workbook's Cover does not say where a revised figure's earlier value is:\n%s", c)
	}

	// ASCH's dashboard waits on ASCH's unsigned return: Draft on its cover and every page.
	if err := build(draftDir, "asch", "pdf", false, "round1"); err != nil {
		t.Fatal(err)
	}
	doc, err = os.ReadFile(filepath.Join(draftDir, "asch-2023-24-Q3.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if pdf := string(pdfText(t, doc)); pdf != "" {
		pages := strings.Split(pdf, "\f")
		for i, page := range pages {
			if strings.TrimSpace(page) != "" && !strings.Contains(page, "DRAFT") {
				t.Errorf("page %d of ASCH's draft has no DRAFT marking", i+1)
			}
		}
	}

	// The late and the signed returns come in: the report is final, and diff explains what
	// changed since the draft.
	finalDir := t.TempDir()
	if err := build(finalDir, "qpr", "json", true, "round1", "round2"); err != nil {
		t.Fatalf("build --final with every return in: %v", err)
	}
	final := readReport(t, filepath.Join(finalDir, "qpr-2023-24-Q3.json"))
	if final.Status != "final" || len(final.Outstanding) != 0 {
		t.Errorf("status %s, outstanding %+v", final.Status, final.Outstanding)
	}
	stdout, _, err = run(t, func(s app.Streams) error {
		return app.RunDiff(s, app.DiffOptions{Old: filepath.Join(draftDir, "qpr-2023-24-Q3.json"), New: filepath.Join(finalDir, "qpr-2023-24-Q3.json"), JSON: true})
	})
	if err != nil {
		t.Fatal(err)
	}
	var diff struct {
		Changes []struct{ Code, Field, Cause string } `json:"changes"`
	}
	if err := json.Unmarshal([]byte(stdout), &diff); err != nil {
		t.Fatal(err)
	}
	late := 0
	for _, c := range diff.Changes {
		if c.Field == "value" {
			if c.Cause != "late" || !slices.Contains([]string{"EH01", "SCS01", "SCS03", "SCS04", "SCS05", "SISE4", "NEET01", "SCS15"}, c.Code) {
				t.Errorf("change %+v: only CYPE's late values should change", c)
			}
			late++
		}
	}
	if late != 8 {
		t.Errorf("%d late values, want CYPE's 8: %s", late, stdout)
	}
}

func withPeriod(in app.Inputs) app.Inputs {
	in.Period = "2023/24 Q3"
	return in
}

type reportJSON struct {
	Status      string `json:"status"`
	Outstanding []struct {
		Owner, Reason string
	} `json:"outstanding"`
	Indicators []indicatorJSON `json:"indicators"`
}

type indicatorJSON struct {
	Code   string   `json:"code"`
	Value  *float64 `json:"value"`
	Return *struct {
		Owner    string  `json:"owner"`
		SignedBy *string `json:"signed_by"`
		SignedOn *string `json:"signed_on"`
	} `json:"return"`
	Revisions []struct {
		Period string   `json:"period"`
		From   *float64 `json:"from"`
		To     *float64 `json:"to"`
		Source string   `json:"source"`
	} `json:"revisions"`
}

func readReport(t *testing.T, path string) reportJSON {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var r reportJSON
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func (r reportJSON) indicator(t *testing.T, code string) indicatorJSON {
	t.Helper()
	for _, in := range r.Indicators {
		if in.Code == code {
			return in
		}
	}
	t.Fatalf("no indicator %s", code)
	return indicatorJSON{}
}

// pdfText is the PDF's text by pdftotext, or "" (the check skipped) where it is not installed,
// which CI=true makes a failure.
func pdfText(t *testing.T, doc []byte) []byte {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is needed: apt-get install poppler-utils")
		}
		t.Log("pdftotext not found: the PDF's text is not checked")
		return nil
	}
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
