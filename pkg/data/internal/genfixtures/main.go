// Command genfixtures writes the broken workbooks under testdata/bad/data, so that each one's
// content is written down here rather than hidden in a binary file. Run it through
// `go generate ./pkg/data`.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	x "github.com/example/qpr/pkg/data/internal/xlsxgen"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: genfixtures DIR")
		os.Exit(2)
	}
	if err := generate(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "genfixtures:", err)
		os.Exit(1)
	}
}

var header = []x.Cell{x.S("code"), x.S("period"), x.S("value")}

func generate(dir string) error {
	workbooks := map[string][]x.Sheet{
		"error-cells.xlsx": {{Name: "Q2", Rows: [][]x.Cell{
			header,
			{x.S("CS01"), x.S("2023/24 Q2"), x.Err("B2/C2", "#DIV/0!")},
			{x.S("CS04"), x.S("2023/24 Q2"), x.Err("VLOOKUP(A3,Calls!A:B,2,FALSE)", "#N/A")},
			{x.S("CS02"), x.S("2023-07"), x.Uncalculated("SUM(D4:F4)")},
			{x.S("CS02"), x.S("2023-08"), x.F("D5*2", 14, x.General)},
		}}},
		"skipped-sheet.xlsx": {
			{Name: "Lookup", Rows: [][]x.Cell{{x.S("Name"), x.S("Directorate")}, {x.S("Calls answered"), x.S("CED")}}},
			{Name: "Data", Rows: [][]x.Cell{header, {x.S("CS01"), x.S("2023/24 Q2"), x.Styled(0.824, x.Percent)}}},
		},
		"wide-bad-header.xlsx": {{Name: "Wide", Rows: [][]x.Cell{
			{x.S("Code"), x.S("2023/24 Q1"), x.S("Total"), {}, x.D(time.Date(2023, 10, 31, 0, 0, 0, 0, time.UTC))},
			{x.S("CS01"), x.N(80), x.N(160), x.N(1), x.Styled(0.8, x.Percent)},
		}}},
		"date-in-value.xlsx": {{Name: "Data", Rows: [][]x.Cell{
			header,
			{x.S("CS01"), x.S("2023/24 Q2"), x.D(time.Date(2023, 9, 30, 0, 0, 0, 0, time.UTC))},
			{x.S("CS04"), x.S("2023/24 Q2"), x.B(false)},
		}}},
		"empty-workbook.xlsx": {{Name: "Sheet1"}},
	}
	for name, sheets := range workbooks {
		if err := x.WriteFile(filepath.Join(dir, name), sheets...); err != nil {
			return err
		}
	}
	// A download cut short: the first half of a good workbook, without the zip's directory.
	var whole bytes.Buffer
	if err := x.Write(&whole, x.Sheet{Name: "Data", Rows: [][]x.Cell{header, {x.S("CS01"), x.S("2023/24 Q2"), x.N(85)}}}); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "truncated.xlsx"), whole.Bytes()[:whole.Len()/2], 0o644)
}
