package catalogue

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/example/qpr/internal/synthproject"
)

// BenchmarkParse1000 parses a synthetic catalogue of 1,000 indicators: the whole of Parse, and
// the YAML tree alone by the quick parser and by yaml.v3.
func BenchmarkParse1000(b *testing.B) {
	dir := b.TempDir()
	if err := synthproject.Write(dir, 1000, 4, false); err != nil {
		b.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(dir, "catalogue.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Parse("c.yaml", src); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("tree/quick", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if quickDocument(src) == nil {
				b.Fatal("the quick parser left the catalogue to yaml.v3")
			}
		}
	})
	b.Run("tree/yaml.v3", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := yamlV3Document(src); !ok {
				b.Fatal("yaml.v3 refused the catalogue")
			}
		}
	})
}
