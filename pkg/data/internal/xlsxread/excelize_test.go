package xlsxread

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// excelize is the independent oracle: a workbook it writes must read here exactly as its own
// reader reads it, cell by cell (raw values), and with the same number format for each cell.

// texts are the strings the random workbooks draw from: what makes XML writers and readers
// differ (markup characters, entities, white space at the ends, line ends, control
// characters excelize writes as _xHHHH_, a literal _x000D_, characters outside the BMP).
var texts = []string{
	"code", "period", "value", "CS01", "2023/24 Q2", "Sep-23", "n/a", "85%", "1,234",
	" leading", "trailing ", "  ", "a&b", "<tag>", `"quoted"`, "it's", "x]]>y", "&amp;",
	"line\nbreak", "cr\r\nlf", "tab\there", "ctl\x01\x1f", "_x000D_", "_x005F_", "£€¥", "Ysgol Gymraeg Aberystwyth – Ŵŷ",
	"日本語のテキスト", "😀 emoji", strings.Repeat("long ", 300), "=not a formula", "0012", "1e5", "TRUE",
}

var numFmtIDs = []int{0, 2, 9, 10, 14, 17, 22, 45, 47}

var customFmts = []string{"0.0%", "mmm-yy", "[h]:mm", `"Q"0`, "#,##0;[Red]-#,##0", "dd/mm/yyyy"}

// randomWorkbook writes a workbook of random cells with excelize, as its users would.
func randomWorkbook(t testing.TB, seed uint64) []byte {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15))
	f := excelize.NewFile()
	defer f.Close()
	var styles []int
	for _, id := range numFmtIDs {
		s, err := f.NewStyle(&excelize.Style{NumFmt: id})
		if err != nil {
			t.Fatal(err)
		}
		styles = append(styles, s)
	}
	for _, code := range customFmts {
		code := code
		s, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		if err != nil {
			t.Fatal(err)
		}
		styles = append(styles, s)
	}
	sheets := 1 + r.IntN(3)
	for si := 0; si < sheets; si++ {
		name := "Sheet1"
		if si > 0 {
			name = []string{"Q2 & Q3", "Données", "it's", "x-y (1)"}[r.IntN(4)] + fmt.Sprint(si)
			if _, err := f.NewSheet(name); err != nil {
				t.Fatal(err)
			}
		}
		rows, cols := 1+r.IntN(40), 1+r.IntN(30)
		for i := 0; i < rows*cols/2; i++ {
			ref, _ := excelize.CoordinatesToCellName(1+r.IntN(cols), 1+r.IntN(rows))
			if err := writeRandomCell(f, name, ref, r, styles); err != nil {
				t.Fatal(err)
			}
		}
	}
	if r.IntN(3) == 0 {
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: ptr(true)}); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func ptr[T any](v T) *T { return &v }

func writeRandomCell(f *excelize.File, sheet, ref string, r *rand.Rand, styles []int) error {
	var err error
	switch r.IntN(10) {
	case 0, 1, 2:
		err = f.SetCellStr(sheet, ref, texts[r.IntN(len(texts))])
	case 3:
		err = f.SetCellInt(sheet, ref, r.Int64N(2_000_000_000)-1_000_000_000)
	case 4:
		v := []float64{r.Float64(), r.NormFloat64() * 1e6, 0.57, 1e-300, 1.7976931348623157e308, math.Copysign(0, -1), 45199.5}[r.IntN(7)]
		err = f.SetCellFloat(sheet, ref, v, -1, 64)
	case 5:
		err = f.SetCellBool(sheet, ref, r.IntN(2) == 0)
	case 6:
		err = f.SetCellFormula(sheet, ref, "SUM(A1:B2)") // no saved result
	case 7:
		err = f.SetCellValue(sheet, ref, time.Date(1990+r.IntN(60), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC))
	case 8:
		err = f.SetCellRichText(sheet, ref, []excelize.RichTextRun{
			{Text: texts[r.IntN(len(texts))], Font: &excelize.Font{Bold: true}},
			{Text: texts[r.IntN(len(texts))]},
		})
	case 9:
		err = f.SetCellValue(sheet, ref, r.Float64()*100)
	}
	if err != nil {
		return err
	}
	if r.IntN(3) == 0 {
		return f.SetCellStyle(sheet, ref, ref, styles[r.IntN(len(styles))])
	}
	return nil
}

// oracleCells reads every sheet with excelize: ref -> raw value, for non-empty values, and
// each cell's number format.
func oracleCells(t testing.TB, b []byte) (map[string]string, map[string]string, map[string]bool) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	values, formats, formulas := map[string]string{}, map[string]string{}, map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.Rows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for rows.Next() {
			n++
			row, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, n)
				formula, _ := f.GetCellFormula(sheet, ref)
				if v == "" && formula == "" {
					continue
				}
				key := sheet + "!" + ref
				values[key] = v
				formulas[key] = formula != ""
				style, err := f.GetCellStyle(sheet, ref)
				if err != nil {
					t.Fatal(err)
				}
				formats[key] = "0" // General, in a workbook without styles
				if st, err := f.GetStyle(style); err == nil {
					formats[key] = fmt.Sprint(st.NumFmt)
					if st.CustomNumFmt != nil {
						formats[key] = *st.CustomNumFmt
					}
				} else if style != 0 {
					t.Fatal(err)
				}
			}
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return values, formats, formulas
}

// ourCells reads every sheet with this package, in the oracle's terms.
func ourCells(t testing.TB, b []byte) (map[string]string, map[string]string, map[string]bool) {
	t.Helper()
	wb, err := Open(bytes.NewReader(b), int64(len(b)), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	values, formats, formulas := map[string]string{}, map[string]string{}, map[string]bool{}
	for i, s := range wb.Sheets {
		err := wb.ReadSheet(i, false, func(row int, cells []Cell) bool {
			for _, c := range cells {
				key := s.Name + "!" + cellRef(c.Col, row)
				v := c.Text
				switch c.Type {
				case Bool:
					v = map[string]string{"TRUE": "1", "FALSE": "0"}[c.Text]
				case NoResult:
					v = ""
					formulas[key] = true
				}
				values[key] = v
				var nf NumFmt // General, in a workbook without styles
				if c.Style < len(wb.NumFmts) {
					nf = wb.NumFmts[c.Style]
				}
				formats[key] = fmt.Sprint(nf.ID)
				if nf.Code != "" {
					formats[key] = nf.Code
				}
			}
			return true
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return values, formats, formulas
}

// compareWithExcelize fails if the two readings of the workbook differ anywhere.
func compareWithExcelize(t testing.TB, b []byte) {
	t.Helper()
	wantV, wantF, wantFormula := oracleCells(t, b)
	gotV, gotF, gotFormula := ourCells(t, b)
	var diffs []string
	for _, key := range union(wantV, gotV) {
		w, inW := wantV[key]
		g, inG := gotV[key]
		switch {
		case !inW || !inG:
			if w != "" || g != "" || wantFormula[key] != gotFormula[key] {
				diffs = append(diffs, fmt.Sprintf("%s: excelize %q (present %v), ours %q (present %v)", key, w, inW, g, inG))
			}
		case w != g:
			diffs = append(diffs, fmt.Sprintf("%s: excelize %q, ours %q", key, w, g))
		case wantFormula[key] && w == "" && !gotFormula[key]:
			diffs = append(diffs, fmt.Sprintf("%s: a formula without a result not reported", key))
		case inG && g != "" && wantF[key] != gotF[key]:
			diffs = append(diffs, fmt.Sprintf("%s: format excelize %q, ours %q", key, wantF[key], gotF[key]))
		}
	}
	if len(diffs) > 0 {
		if len(diffs) > 10 {
			diffs = diffs[:10]
		}
		t.Errorf("differences from excelize:\n%s", strings.Join(diffs, "\n"))
	}
}

func union(a, b map[string]string) []string {
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	out := make([]string, 0, len(keys))
	for k := range keys {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestAgainstExcelize(t *testing.T) {
	for seed := uint64(1); seed <= 25; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			compareWithExcelize(t, randomWorkbook(t, seed))
		})
	}
}

func FuzzAgainstExcelize(f *testing.F) {
	f.Add(uint64(0))
	f.Add(uint64(math.MaxUint64))
	f.Fuzz(func(t *testing.T, seed uint64) {
		compareWithExcelize(t, randomWorkbook(t, seed))
	})
}

// The corpus: workbooks other programs wrote (LibreOffice), the hand-made fixtures of
// testdata/bad/data, and an openpyxl-style workbook (inline strings, no references, no
// styles) must read as excelize reads them.
func TestCorpusAgainstExcelize(t *testing.T) {
	files, err := filepath.Glob("../../testdata/xlsx/*.xlsx")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	bad, _ := filepath.Glob("../../../../testdata/bad/data/*.xlsx")
	for _, name := range append(files, bad...) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Open(bytes.NewReader(b), int64(len(b)), Limits{}); err != nil {
			continue // the fixtures of broken files
		}
		t.Run(filepath.Base(name), func(t *testing.T) { compareWithExcelize(t, b) })
	}
	t.Run("openpyxl style", func(t *testing.T) {
		parts := pkgParts(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
			`<row><c t="inlineStr"><is><t>code</t></is></c><c t="inlineStr"><is><t xml:space="preserve"> period </t></is></c><c t="inlineStr"><is><t>value</t></is></c></row>` +
			`<row><c t="inlineStr"><is><t>CS01</t></is></c><c t="inlineStr"><is><t>2023/24 Q2</t></is></c><c t="n"><v>85.5</v></c></row>` +
			`<row><c t="inlineStr"><is><t>CS02 &amp; co</t></is></c><c t="b"><v>1</v></c><c><f>SUM(A1:A2)</f><v>3</v></c></row>` +
			`</sheetData></worksheet>`)
		compareWithExcelize(t, zipBytes(t, parts[1:])) // without [Content_Types].xml's workbook override
	})
}
