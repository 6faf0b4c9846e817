package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data/internal/xlsxgen"
	"github.com/example/qpr/pkg/diag"
)

// ratioCatalogue has a monthly percent indicator aggregated as a ratio, and a quarterly count
// that is not.
func ratioCatalogue(t *testing.T) *catalogue.Catalogue {
	t.Helper()
	cat, err := catalogue.Parse("c.yaml", []byte(`directorates: [{code: D, name: D}]
indicators:
  - {code: RT01, name: R, directorate: D, polarity: higher, unit: percent, frequency: monthly, aggregate: ratio}
  - {code: NR01, name: N, directorate: D, polarity: higher, unit: percent}
`))
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func loadText(t *testing.T, cat *catalogue.Catalogue, text string) (*Store, []string) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "r.csv")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	_, store, probs := Load([]string{path}, cat)
	var msgs []string
	for _, p := range probs.Problems() {
		if p.Severity == diag.Error {
			msgs = append(msgs, strings.ReplaceAll(p.Error(), dir+string(filepath.Separator), ""))
		}
	}
	return store, msgs
}

func TestRatioColumnsRead(t *testing.T) {
	store, msgs := loadText(t, ratioCatalogue(t), "code,period,value,numerator,denominator\n"+
		"RT01,2023-04,,45,60\n"+ // blank value: 45/60 x 100 = 75
		"RT01,2023-05,63,50,80\n"+ // stated 63, the ratio 62.5 is what counts
		"RT01,2023-06,n/a,,\n"+ // missing month
		"NR01,2023/24 Q1,,1,4\n"+ // not a ratio indicator, value blank: 1/4 x 100 = 25
		"NR01,2023/24 Q2,40,1,4\n") // not a ratio indicator: the stated value stands
	if len(msgs) != 0 {
		t.Fatalf("errors: %v", msgs)
	}
	rt := store.Series("RT01")
	apr, may, jun := 2023*12+3, 2023*12+4, 2023*12+5
	if v, _ := rt.At(apr); v.V != 75 || v.Ratio == nil || v.Ratio.StatedGiven {
		t.Errorf("April: %+v, want 75 from 45/60", v)
	}
	if v, _ := rt.At(may); v.V != 62.5 || v.Ratio.Stated != 63 || !v.Ratio.StatedGiven || v.Ratio.DenominatorPlace.Line != 3 {
		t.Errorf("May: %+v, want 62.5 with 63 stated", v)
	}
	if v, _ := rt.At(jun); !v.Missing || v.Ratio != nil {
		t.Errorf("June: %+v, want missing", v)
	}
	nr := store.Series("NR01")
	if v, _ := nr.At(2023 * 4); v.V != 25 {
		t.Errorf("NR01 Q1: %+v, want 25", v)
	}
	if v, _ := nr.At(2023*4 + 1); v.V != 40 {
		t.Errorf("NR01 Q2: %+v, want the stated 40", v)
	}
}

func TestRatioColumnsRefused(t *testing.T) {
	_, msgs := loadText(t, ratioCatalogue(t), "code,period,value,numerator,denominator\n"+
		"RT01,2023-04,75,,60\n"+
		"RT01,2023-05,63,x,80\n"+
		"RT01,2023-06,63,0,0\n"+
		"RT01,2023-07,63,,\n")
	want := []string{
		`r.csv:2: column "numerator" is blank while "denominator" is given; give both, or neither`,
		`r.csv:3: column "numerator": "x" is not a number; write a number such as 85 or 85%, or n/a for missing`,
		`r.csv:4: the denominator of RT01 is 0, so there is no ratio to take; give the total the numerator is out of, or n/a for a period with none`,
		`r.csv:5: RT01 is aggregated as a ratio, so each of its values needs a numerator and a denominator (columns numerator and denominator in a long table); give them, or n/a for a period with none`,
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}

// In a workbook each part has its own cell, and a problem points at it: the zero denominator
// of row 3 is E3, not the value's C3.
func TestRatioColumnsWorkbook(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.xlsx")
	S, N := xlsxgen.S, xlsxgen.N
	err := xlsxgen.WriteFile(path, xlsxgen.Sheet{Name: "KPIs", Rows: [][]xlsxgen.Cell{
		{S("code"), S("period"), S("value"), S("numerator"), S("denominator")},
		{S("RT01"), S("2023-04"), {}, N(45), N(60)},
		{S("RT01"), S("2023-05"), N(62.5), N(50), N(0)},
	}})
	if err != nil {
		t.Fatal(err)
	}
	_, store, probs := Load([]string{path}, ratioCatalogue(t))
	var msgs []string
	for _, p := range probs.Problems() {
		msgs = append(msgs, strings.ReplaceAll(p.Error(), dir+string(filepath.Separator), ""))
	}
	want := "r.xlsx:KPIs!E3: the denominator of RT01 is 0, so there is no ratio to take; give the total the numerator is out of, or n/a for a period with none"
	if strings.Join(msgs, "\n") != want {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), want)
	}
	if v, _ := store.Series("RT01").At(2023*12 + 3); v.V != 75 || v.Ratio.DenominatorPlace.Cell() != "E2" {
		t.Errorf("April: %+v, want 75 from D2/E2", v)
	}
}
