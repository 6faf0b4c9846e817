package xlsxread

import (
	"os"
	"testing"

	x "github.com/example/qpr/pkg/data/internal/xlsxgen"
)

// BenchmarkReadSheet1M reads the cells of a million-row long table (four columns, half the
// values formatted as percentages), without turning them into observations: the reader's own
// cost. pkg/data's BenchmarkReadXLSX1M reads the same workbook end to end.
func BenchmarkReadSheet1M(b *testing.B) {
	path, err := x.BenchWorkbook(1_000_000)
	if err != nil {
		b.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	info, _ := f.Stat()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		wb, err := Open(f, info.Size(), Limits{})
		if err != nil {
			b.Fatal(err)
		}
		cells := 0
		err = wb.ReadSheet(0, false, func(row int, cs []Cell) bool { cells += len(cs); return true })
		if err != nil || cells != 4_000_004 {
			b.Fatalf("%d cells, %v", cells, err)
		}
	}
}
