package data

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	x "github.com/example/qpr/pkg/data/internal/xlsxgen"
)

const benchRows = 100_000

// benchRow is row i of the benchmark data: 1,000 indicators over 100 quarters, long layout.
func benchRow(i int) (code, quarter string, value float64) {
	q := i / 1000
	return fmt.Sprintf("KPI%04d", i%1000), fmt.Sprintf("%d/%02d Q%d", 2000+q/4, (2001+q/4)%100, q%4+1), float64(i%997) / 10
}

func BenchmarkReadXLSX100k(b *testing.B) {
	rows := [][]x.Cell{{x.S("code"), x.S("period"), x.S("value"), x.S("note")}}
	for i := 0; i < benchRows; i++ {
		code, q, v := benchRow(i)
		value := x.N(v)
		if i%2 == 0 {
			value = x.Styled(v/100, x.Percent)
		}
		rows = append(rows, []x.Cell{x.S(code), x.S(q), value, x.S("checked")})
	}
	path := filepath.Join(b.TempDir(), "big.xlsx")
	if err := x.WriteFile(path, x.Sheet{Name: "Data", Rows: rows}); err != nil {
		b.Fatal(err)
	}
	benchRead(b, path)
}

func BenchmarkReadCSV100k(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("code,period,value,note\n")
	for i := 0; i < benchRows; i++ {
		code, q, v := benchRow(i)
		fmt.Fprintf(&sb, "%s,%s,%g,checked\n", code, q, v)
	}
	path := filepath.Join(b.TempDir(), "big.csv")
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	benchRead(b, path)
}

func benchRead(b *testing.B, path string) {
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ds, probs := Read([]string{path}, april)
		if probs.HasErrors() || len(ds.Observations) != benchRows {
			b.Fatalf("%d observations, problems %v", len(ds.Observations), probs.Errors())
		}
	}
}

// BenchmarkReadXLSX1M reads a long-layout workbook of a million rows (1,000 indicators over
// 1,000 quarters), the size of a national return. The workbook takes a while to write, so it
// is kept in the temporary directory between runs.
func BenchmarkReadXLSX1M(b *testing.B) {
	path := millionRowWorkbook(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ds, probs := Read([]string{path}, april)
		if n := observationCount(ds); probs.HasErrors() || n != millionRows {
			b.Fatalf("%d observations, problems %v", n, probs.Errors())
		}
	}
}

const millionRows = 1_000_000

// observationCount is how many observations ds holds.
func observationCount(ds *Dataset) int { return len(ds.Observations) }

// millionRowWorkbook is the workbook BenchmarkReadXLSX1M reads: rows like those of
// BenchmarkReadXLSX100k, half the values as percentages.
func millionRowWorkbook(b *testing.B) string {
	path, err := x.BenchWorkbook(millionRows)
	if err != nil {
		b.Fatal(err)
	}
	return path
}
