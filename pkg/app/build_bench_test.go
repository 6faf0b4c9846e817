package app

import (
	"io"
	"path/filepath"
	"testing"

	"github.com/example/qpr/internal/synthproject"
)

// BenchmarkBuild is qpr build from files on disk to files on disk, as a user runs it, on
// synthetic projects (internal/synthproject): the full pack and JSON alone at 1,000
// indicators x 20 quarters, and JSON alone at 10,000 x 20, whose time over the 1,000 case
// shows whether the build grows linearly (scripts/perf.sh times the full pack at 10,000).
func BenchmarkBuild(b *testing.B) {
	for _, c := range []struct {
		name       string
		indicators int
		formats    []string
	}{
		{"full-1000x20", 1000, nil},
		{"json-1000x20", 1000, []string{"json"}},
		{"json-10000x20", 10000, []string{"json"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			dir := b.TempDir()
			if err := synthproject.Write(dir, c.indicators, 20, false); err != nil {
				b.Fatal(err)
			}
			o := BuildOptions{
				Inputs:  Inputs{Dir: dir, Catalogue: filepath.Join(dir, "catalogue.yaml"), Data: []string{filepath.Join(dir, "data")}},
				Outputs: Outputs{Out: filepath.Join(dir, "out"), Formats: c.formats},
				Quiet:   true,
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := RunBuild(Streams{Out: io.Discard, Err: io.Discard}, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
