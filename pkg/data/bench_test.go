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
		if probs.HasErrors() || ds.Len() != benchRows {
			b.Fatalf("%d observations, problems %v", ds.Len(), probs.Errors())
		}
	}
}
