package data

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/example/qpr/internal/synthproject"
	"github.com/example/qpr/pkg/catalogue"
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

// millionRowCSV writes a long-layout csv of 1,000,000 rows: 10,000 indicators over 100
// quarters, with a note column, as a national return might be; and the catalogue it matches.
func millionRowCSV(b *testing.B) (string, *catalogue.Catalogue) {
	return nationalCSV(b, 10_000, 100, false)
}

// nationalCSV writes a long-layout csv of n indicators over q quarters, a quarter's rows
// together, the quarters in order or (reversed) latest first; and the catalogue it matches.
func nationalCSV(b *testing.B, indicators, quarters int, reversed bool) (string, *catalogue.Catalogue) {
	b.Helper()
	var sb strings.Builder
	sb.Grow(indicators * quarters * 32)
	sb.WriteString("code,period,value,note\n")
	for i := 0; i < quarters; i++ {
		q := i
		if reversed {
			q = quarters - 1 - i
		}
		label := fmt.Sprintf("%d/%02d Q%d", 2000+q/4, (2001+q/4)%100, q%4+1)
		for i := 0; i < indicators; i++ {
			fmt.Fprintf(&sb, "K%05d,%s,%g,checked\n", i, label, float64((i*7+q)%997)/10)
		}
	}
	path := filepath.Join(b.TempDir(), "national.csv")
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return path, catalogueOf(indicators)
}

// catalogueOf is a catalogue of n quarterly KPIs, K00000 onwards.
func catalogueOf(n int) *catalogue.Catalogue {
	cat := &catalogue.Catalogue{File: "catalogue.yaml", Calendar: april}
	for i := 0; i < n; i++ {
		cat.Indicators = append(cat.Indicators, &catalogue.Indicator{Code: fmt.Sprintf("K%05d", i), Type: catalogue.KPI, Polarity: catalogue.Higher, Unit: catalogue.Percent, Frequency: catalogue.Quarterly})
	}
	cat.Reindex()
	return cat
}

// BenchmarkReadCSV1M reads a 1,000,000-row csv (the target: 1.5 s for read and
// validate). Peak memory is measured outside the benchmark: see the README.
func BenchmarkReadCSV1M(b *testing.B) {
	path, _ := millionRowCSV(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; i < b.N; i++ {
		ds, probs := Read([]string{path}, april)
		if probs.HasErrors() || ds.Len() != 1_000_000 {
			b.Fatalf("%d observations, problems %v", ds.Len(), probs.Errors())
		}
	}
	reportCPU(b, cpu)
}

// BenchmarkMatch1M10k matches a million observations to a catalogue of 10,000 indicators.
func BenchmarkMatch1M10k(b *testing.B) {
	path, cat := millionRowCSV(b)
	benchMatch(b, path, cat)
}

// BenchmarkMatch matches a tenth of a million rows and a million, each with the quarters in
// order and latest first (every series then filed out of period order): ten times the rows
// should take about ten times as long, whatever their order.
func BenchmarkMatch(b *testing.B) {
	for _, size := range []struct {
		name                 string
		indicators, quarters int
	}{{"100k", 1_000, 100}, {"1M", 10_000, 100}} {
		for _, reversed := range []bool{false, true} {
			name := size.name
			if reversed {
				name += "-reversed"
			}
			b.Run(name, func(b *testing.B) {
				path, cat := nationalCSV(b, size.indicators, size.quarters, reversed)
				benchMatch(b, path, cat)
			})
		}
	}
}

func benchMatch(b *testing.B, path string, cat *catalogue.Catalogue) {
	ds, probs := Read([]string{path}, april)
	if probs.HasErrors() {
		b.Fatal(probs.Err())
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		store, probs := Match(ds, cat)
		if probs.HasErrors() || store.Len() != len(cat.Indicators) || store.Series("K00001").Len() != 100 {
			b.Fatalf("%d indicators, problems %v", store.Len(), probs.Errors())
		}
	}
}

// BenchmarkIndicatorLookup10k looks every code of a 10,000-indicator catalogue up, in another
// case: once a linear scan per code.
func BenchmarkIndicatorLookup10k(b *testing.B) {
	cat := catalogueOf(10_000)
	codes := make([]string, len(cat.Indicators))
	for i, ind := range cat.Indicators {
		codes[i] = strings.ToLower(ind.Code)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, c := range codes {
			if _, ok := cat.Indicator(c); !ok {
				b.Fatal(c)
			}
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
func observationCount(ds *Dataset) int { return ds.Len() }

// millionRowWorkbook is the workbook BenchmarkReadXLSX1M reads: rows like those of
// BenchmarkReadXLSX100k, half the values as percentages.
func millionRowWorkbook(b *testing.B) string {
	path, err := x.BenchWorkbook(millionRows)
	if err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkReadCSVSmallFiles reads the data of a 1,000-indicator x 20-quarter project as
// internal/synthproject writes it (and as a JSON-only build of /tmp/pf/p1000 in
// docs/performance.md reads it): nine csv files of 20 KB to 150 KB, 30,000 rows in all. A
// file's fixed costs (buffers, passes over its head) show here, where a million rows in one
// file hide them.
func BenchmarkReadCSVSmallFiles(b *testing.B) {
	dir := b.TempDir()
	if err := synthproject.Write(dir, 1000, 20, false); err != nil {
		b.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	b.ReportAllocs()
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; i < b.N; i++ {
		ds, probs := Read([]string{data}, april)
		if probs.HasErrors() || len(ds.Files) != 9 || ds.Len() < 25_000 {
			b.Fatalf("%d files, %d observations, problems %v", len(ds.Files), ds.Len(), probs.Errors())
		}
	}
	reportCPU(b, cpu)
}
