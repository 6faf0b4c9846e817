package xlsx

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/templates"
)

// oddCells are cells of every kind, with text that needs each of excelize's ways of
// escaping, keeping white space, cutting and re-encoding, beside text that needs none.
func oddCells() [][]present.SheetCell {
	text := func(s string) present.SheetCell { return present.SheetCell{Kind: present.Text, Text: s} }
	num := func(v float64) present.SheetCell {
		return present.SheetCell{Kind: present.Number, Number: v, Format: present.NumberFormat{Places: 1}}
	}
	texts := []string{
		"plain", "", "K00001", "Amber", "2023/24 Q2",
		`quotes " and ' and & < >`, "tab\there", "line\nfeed", "carriage\rreturn", "crlf\r\nend",
		" leading space", "trailing space ", "\tleading tab", "trailing newline\n",
		"£ – é ✓ 日本", "emoji 😀 outside the BMP", "replacement \uFFFD char",
		"_x0041_ an escape excelize keeps", "_x005F_x0041_", "snake_xcase", "_x", "a_x00",
		"control \x01 char", "null \x00 byte", "invalid \xff utf-8", "surrogate-ish \xed\xa0\x80",
		"private \uE000 use", "non-char \uFFFE",
		"&#xA; literal", "del \x7f char",
		strings.Repeat("long text ", 3300), strings.Repeat("ü", 20000), strings.Repeat("😀", 9000),
	}
	var rows [][]present.SheetCell
	for i, s := range texts {
		rows = append(rows, []present.SheetCell{
			text(s),
			num(float64(i) * 1.5),
			{Kind: present.Bool, Bool: i%2 == 0},
			{Kind: present.Marker, Text: present.NotAvailable},
			{Kind: present.Text, Text: s + " wrapped in a narrow column with a long tail of words to wrap"},
		})
	}
	numbers := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1e21, 1e-7, 123456789.125, math.MaxFloat64, math.SmallestNonzeroFloat64,
		math.NaN(), math.Inf(1), math.Inf(-1), 59.99999999999999}
	for _, v := range numbers {
		rows = append(rows, []present.SheetCell{text("n"), num(v), {}, {Kind: present.Date, Date: time.Date(2023, 9, 30, 0, 0, 0, 0, time.UTC)}, {}})
	}
	rows = append(rows,
		[]present.SheetCell{{Kind: present.Date, Date: time.Date(2024, 2, 29, 12, 30, 0, 0, time.UTC)}, num(2), {}, {}, {}},
		[]present.SheetCell{text("short row")},
		[]present.SheetCell{{}, {}, {}, {}, {}},
		[]present.SheetCell{text("status"), {Kind: present.Text, Text: "Red", Status: present.Status("red"), Bold: true}, {}, {}, {}},
		[]present.SheetCell{text(strings.Repeat("tall ", 2000)), {}, {}, {}, text(strings.Repeat("word ", 400))},
	)
	return rows
}

func oddWorkbook(rows [][]present.SheetCell) *present.Workbook {
	cols := []present.SheetColumn{
		{Header: "Text", Width: 20}, {Header: "Number", Width: 10, Numeric: true}, {Header: "Flag", Width: 8},
		{Header: "Marker", Width: 8, Numeric: true}, {Header: "Wrapped", Width: 12, Wrap: true},
	}
	table := &present.SheetTable{Name: "Odd", Columns: cols, Len: len(rows), Rows: slices.Values(rows)}
	return &present.Workbook{
		Title: "Odd cells", AsAt: time.Date(2023, 9, 30, 0, 0, 0, 0, time.UTC),
		Sheets: []present.Sheet{
			{Name: "Cover", Title: "Cover", Lines: []string{"A workbook of odd cells."}},
			{Name: "Odd", Title: "Odd cells", Lines: []string{"One table."}, Widths: []float64{20, 10, 8, 8, 12}, FreezeCols: 1,
				Parts: []present.Part{{Table: table}}},
			{Name: "Plain", Title: "Plain cells", Widths: []float64{20, 10, 8, 8, 12},
				Parts: []present.Part{{Table: &present.SheetTable{Name: "Plain", Columns: cols, Len: 2, Rows: slices.Values(rows[:2])}}}},
		},
	}
}

// paintWith paints wb with the large sheets' rows written by rowXML or by excelize alone.
func paintWith(t *testing.T, wb *present.Workbook, splice bool) []byte {
	t.Helper()
	defer func(was bool) { spliceRows = was }(spliceRows)
	spliceRows = splice
	var b bytes.Buffer
	if err := Paint(&b, wb, templates.Default().Style()); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The rows rowXML writes are the bytes excelize's stream writer writes for the same cells,
// whether it writes them itself or hands them back to the stream writer.
func TestSplicedRowsAreExcelizes(t *testing.T) {
	rows := oddCells()
	own := paintWith(t, oddWorkbook(rows), false)
	spliced := paintWith(t, oddWorkbook(rows), true)
	if !bytes.Equal(own, spliced) {
		a, b := zipParts(t, own), zipParts(t, spliced)
		for name, part := range a {
			if !bytes.Equal(part, b[name]) {
				i := 0
				for i < len(part) && i < len(b[name]) && part[i] == b[name][i] {
					i++
				}
				lo := max(0, i-200)
				t.Errorf("%s differs at byte %d:\nexcelize: %q\nspliced:  %q", name, i, part[lo:min(len(part), i+200)], b[name][lo:min(len(b[name]), i+200)])
			}
		}
		t.Fatal("the workbook differs")
	}
	// Both paths were taken: some rows are written by rowXML, some handed back.
	var fromRowXML, handedBack int
	for _, r := range rows {
		values := make([]rowCell, len(r))
		for i, c := range r {
			values[i].value, _ = cellOf(c, present.SheetColumn{})
		}
		if writable(1, values, 0) {
			fromRowXML++
		} else {
			handedBack++
		}
	}
	if fromRowXML < 10 || handedBack < 10 {
		t.Fatalf("rowXML wrote %d rows and handed %d back; the test means both to be many", fromRowXML, handedBack)
	}
}

// The generated report's workbook, whose rows all go through rowXML, is excelize's byte for
// byte.
func TestSplicedWorkbookIsExcelizes(t *testing.T) {
	wb, err := present.WorkbookOf(generatedReport(300, 8), templates.Default())
	if err != nil {
		t.Fatal(err)
	}
	own := paintWith(t, wb, false)
	wb, err = present.WorkbookOf(generatedReport(300, 8), templates.Default())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(own, paintWith(t, wb, true)) {
		t.Fatal("the workbook differs from excelize's own")
	}
}

// Text excelize would escape in a way of its own is not written by rowXML.
func TestPlainText(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"plain", true}, {"", true}, {"£ – é", true}, {"😀", true}, {`" ' & < >`, true},
		{"\t\n\r", true}, {" space ", true}, {"\uFFFD", true}, {"\x7f", true},
		{"\x01", false}, {"\x00", false}, {"\xff", false}, {"\uFFFE", false}, {"\xed\xa0\x80", false},
		{"_x0041_", false}, {"a_x", false}, {"_", true}, {"x_", true}, {"_X0041_", true},
		{strings.Repeat("a", 32767), true}, {strings.Repeat("a", 32768), false},
	} {
		if got := plainText(c.s); got != c.want {
			t.Errorf("plainText(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// blocks hands back what was written, in order, across block boundaries.
func TestBlocks(t *testing.T) {
	var b blocks
	var want bytes.Buffer
	for i := 0; i < 5000; i++ {
		s := strings.Repeat(string(rune('a'+i%26)), i%97)
		b.WriteString(s)
		b.Write([]byte(s))
		want.WriteString(s)
		want.WriteString(s)
	}
	b.WriteString(strings.Repeat("z", 3*blockSize+7))
	want.WriteString(strings.Repeat("z", 3*blockSize+7))
	var got bytes.Buffer
	n, err := b.WriteTo(&got)
	if err != nil || n != int64(want.Len()) || !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("wrote %d bytes (err %v), want %d; equal %v", n, err, want.Len(), bytes.Equal(got.Bytes(), want.Bytes()))
	}
}
