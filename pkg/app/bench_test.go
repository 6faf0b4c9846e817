package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeNational writes a catalogue of n quarterly KPIs and a long-layout csv of their values
// over q quarters, as a national body's return might be.
func writeNational(b *testing.B, n, q int) Inputs {
	b.Helper()
	dir := b.TempDir()
	var cat strings.Builder
	cat.WriteString("organisation: A National Body\nyear_start: 4\ndirectorates:\n  - {code: D1, name: Directorate One}\nindicators:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&cat, "  - {code: K%05d, name: Indicator %d, directorate: D1, type: kpi, polarity: higher, unit: percent, target: 50, floor: 40}\n", i, i)
	}
	var csv strings.Builder
	csv.WriteString("code,period,value\n")
	for qi := 0; qi < q; qi++ {
		y := 2024 - q/4 + qi/4
		label := fmt.Sprintf("%d/%02d Q%d", y, (y+1)%100, qi%4+1)
		for i := 0; i < n; i++ {
			fmt.Fprintf(&csv, "K%05d,%s,%g\n", i, label, float64((i*7+qi)%997)/10)
		}
	}
	for name, content := range map[string]string{"catalogue.yaml": cat.String(), "data.csv": csv.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return Inputs{Dir: dir, Catalogue: filepath.Join(dir, "catalogue.yaml"), Data: []string{filepath.Join(dir, "data.csv")}}
}

func benchValidate(b *testing.B, n, q int) {
	in := writeNational(b, n, q)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := RunValidate(Streams{Out: io.Discard, Err: io.Discard}, ValidateOptions{Inputs: in}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidate10kx20 validates 10,000 indicators over 20 quarters (200,000 values): the
// catalogue, reading, matching and every check.
func BenchmarkValidate10kx20(b *testing.B) { benchValidate(b, 10_000, 20) }

// BenchmarkValidate1M validates a million values: 10,000 indicators over 100 quarters.
func BenchmarkValidate1M(b *testing.B) { benchValidate(b, 10_000, 100) }
