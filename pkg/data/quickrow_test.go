package data

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/diag"
)

// readBothWays reads a csv text with quickRow on and off: the observations, comments and
// messages of each.
func readBothWays(t *testing.T, content string) (quick, slow [2]any) {
	t.Helper()
	read := func() [2]any {
		ds, probs := &Dataset{}, &diag.List{}
		readCSVBytes("rows.csv", []byte(content), april, DefaultLimits(), ds, probs)
		return [2]any{[]any{ds.Observations(), ds.Comments}, messages(probs, "")}
	}
	quick = read()
	noQuickRows = true
	defer func() { noQuickRows = false }()
	return quick, read()
}

// quickRow reads every row it takes exactly as longRow does: the same observations, in the
// same order with the same places, and the same messages, over tables of every kind of cell
// (plain numbers and others, periods good and bad, cells to trim, blanks, short rows).
func TestQuickRowReadsAsLongRow(t *testing.T) {
	codes := []string{"CS01", "CS02", " CS03", "CS04 ", "", "CS\u00a005", "FN05"}
	periods := []string{"2023/24 Q2", "2023/24 Q3", "2023-09", "Sep-23", " 2023/24 Q1", "Q5", "", "45107", "2023/24\u00a0Q2"}
	values := []string{"85", "85.5", "-0", "0", "007.50", "1.23456789012", "123456789012345678", "85%", "1,234", "n/a", "-", "", " 85", "x", "1e3", "£5", "0.1"}
	notes := []string{"", "checked", " late ", "a\u00a0b", "é"}
	headers := []string{"code,period,value", "code,period,value,note", "period,code,value,note", "value,code,period", "code,period,value,numerator", "code,period,value,context"}
	rng := rand.New(rand.NewPCG(3, 9))
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	for range 300 {
		header := pick(headers)
		var b strings.Builder
		b.WriteString(header + "\n")
		for range rng.IntN(40) + 1 {
			var cells []string
			for _, col := range strings.Split(header, ",") {
				switch col {
				case "code":
					cells = append(cells, pick(codes))
				case "period":
					cells = append(cells, pick(periods))
				case "value", "numerator":
					cells = append(cells, `"`+pick(values)+`"`)
				default:
					cells = append(cells, pick(notes))
				}
			}
			if rng.IntN(10) == 0 {
				cells = cells[:len(cells)-1] // a short row
			}
			b.WriteString(strings.Join(cells, ",") + "\n")
		}
		quick, slow := readBothWays(t, b.String())
		if !reflect.DeepEqual(quick, slow) {
			t.Fatalf("%s\nquickRow: %v\nlongRow:  %v", b.String(), quick, slow)
		}
	}
}

// The same in a worksheet, where a place names the cell, and cells have kinds other than
// text: numbers, percentages, formulas' results.
func TestQuickRowReadsAsLongRowInASheet(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	texts := []string{"CS01", "2023/24 Q2", "2023-09", "85", "85.5", " 85", "n/a", "", "1.23456789012", "checked", "x\u00a0"}
	kinds := []cellKind{kindText, kindText, kindText, kindNumber, kindPercent, kindError, kindNoResult, kindUncalculated}
	headers := [][]string{{"code", "period", "value"}, {"code", "period", "value", "note"}, {"note", "value", "period", "code"}}
	for range 300 {
		header := headers[rng.IntN(len(headers))]
		rows := [][]cell{}
		for range rng.IntN(30) + 1 {
			var row []cell
			for range header {
				c := cell{text: texts[rng.IntN(len(texts))], kind: kinds[rng.IntN(len(kinds))], formula: rng.IntN(4) == 0}
				if c.kind == kindNumber || c.kind == kindPercent {
					// Quarters, and thousandths that a percentage's scaling leaves inexact
					// (0.57 * 100 is 56.99999999999999); now and then one out of range.
					nums := []float64{float64(rng.IntN(200)) / 4, float64(rng.IntN(2000)) / 1000, 1e308 * float64(rng.IntN(3))}
					c.num = nums[rng.IntN(len(nums))]
				}
				row = append(row, c)
			}
			rows = append(rows, row)
		}
		read := func() [2]any {
			ds, probs := &Dataset{}, &diag.List{}
			tb := &table{file: "w.xlsx", sheet: "Data", cal: april, ds: ds, probs: probs, formulas: &formulaNotes{}}
			var head []cell
			for _, h := range header {
				head = append(head, cell{text: h})
			}
			tb.add(1, head)
			for i, r := range rows {
				tb.add(i+2, r)
			}
			tb.finish()
			return [2]any{ds.Observations(), messages(probs, "")}
		}
		quick := read()
		noQuickRows = true
		slow := read()
		noQuickRows = false
		if !reflect.DeepEqual(quick, slow) {
			t.Fatalf("header %v, rows %+v\nquickRow: %v\nlongRow:  %v", header, rows, quick, slow)
		}
	}
}
