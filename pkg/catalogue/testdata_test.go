package catalogue

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/diag"
)

// badDir is the folder of broken catalogues, relative to the repository root.
const badDir = "testdata/bad/catalogue"

// TestBadCatalogues loads each broken catalogue from the repository root, so messages carry
// the stable relative path testdata/bad/catalogue/NAME.yaml, and compares the whole error
// text with NAME.want (see the README there).
func TestBadCatalogues(t *testing.T) {
	t.Chdir("../..")
	files, err := filepath.Glob(filepath.Join(badDir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 12 {
		t.Fatalf("found %d broken catalogues in %s, expected at least 12", len(files), badDir)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".yaml")
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(file, ".yaml") + ".want")
			if err != nil {
				t.Fatalf("no expected text: %v", err)
			}
			cat, err := Load(filepath.ToSlash(file))
			if err == nil {
				t.Fatalf("loaded without error: %+v", cat)
			}
			var errs *diag.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("error is %T, want *diag.Errors", err)
			}
			if got, want := err.Error(), strings.TrimRight(string(want), "\n"); got != want {
				t.Errorf("error text differs\n got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
