package acceptance_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/app"
)

// TestFailedBuildLeavesOutputsUntouched: a build that fails leaves the files of the last good
// build exactly as they were, and no temporary files behind (docs/commands.md: outputs
// are written whole or not at all).
func TestFailedBuildLeavesOutputsUntouched(t *testing.T) {
	cases := []struct {
		name      string
		narrative string
		wantError string
	}{
		{
			// Caught when the templates are loaded, before any report is built.
			name:      "template that does not parse",
			narrative: "{{define \"directorate\"}}{{end}}\nOf the {{.Summary.KPIs KPIs\n",
			wantError: "narrative.tmpl:2",
		},
		{
			// Parses, but fails while the PDF and workbook are being rendered, after the
			// reports are built: the point where a careless writer would have begun writing.
			name:      "template that fails as it runs",
			narrative: "{{define \"directorate\"}}{{end}}Of the {{.Summary.NoSuchCount}} KPIs\n",
			wantError: "NoSuchCount",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := t.TempDir()
			runBuild(t, buildOptions(t, out, ""))
			before := readDir(t, out)
			if len(before) == 0 {
				t.Fatal("the first build wrote nothing")
			}

			broken := t.TempDir()
			if err := os.WriteFile(filepath.Join(broken, "narrative.tmpl"), []byte(c.narrative), 0o644); err != nil {
				t.Fatal(err)
			}
			// A different date too: had anything been written, its bytes would differ.
			o := buildOptions(t, out, "1700000000")
			o.Templates = broken
			var stdout, stderr bytes.Buffer
			err := app.RunBuild(app.Streams{Out: &stdout, Err: &stderr}, o)
			if err == nil {
				t.Fatalf("the build with a broken narrative.tmpl succeeded; stdout:\n%s", stdout.String())
			}
			if !strings.Contains(err.Error(), c.wantError) {
				t.Errorf("error %q does not point at %s", err, c.wantError)
			}
			if app.ExitCode(err) != app.ExitFailure {
				t.Errorf("exit code %d, want %d for a failure", app.ExitCode(err), app.ExitFailure)
			}
			if stdout.Len() != 0 {
				t.Errorf("the failed build listed files as written:\n%s", stdout.String())
			}

			after := readDir(t, out)
			for name, b := range before {
				if !bytes.Equal(after[name], b) {
					t.Errorf("%s changed although the build failed", name)
				}
			}
			for name := range after {
				if _, ok := before[name]; !ok {
					t.Errorf("the failed build left %s behind", name)
				}
				if strings.HasPrefix(name, ".") && strings.HasSuffix(name, ".tmp") {
					t.Errorf("temporary file %s left behind", name)
				}
			}
		})
	}
}

// A build that fails while rendering leaves no output folder behind where there was none.
func TestFailedBuildLeavesNoNewOutputFolder(t *testing.T) {
	broken := t.TempDir()
	narrative := "{{define \"directorate\"}}{{end}}Of the {{.Summary.NoSuchCount}} KPIs\n"
	if err := os.WriteFile(filepath.Join(broken, "narrative.tmpl"), []byte(narrative), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "reports")
	o := buildOptions(t, out, "")
	o.Templates = broken
	if err := app.RunBuild(app.Streams{Out: io.Discard, Err: io.Discard}, o); err == nil {
		t.Fatal("the build with a failing narrative.tmpl succeeded")
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the failed build left its output folder %s (%v)", out, err)
	}
}

// A build's warnings are the same whether they come from a pack of every indicator, built
// once for both, or from a report of the catalogue made for them alone.
func TestBuildWarningsWhateverThePacks(t *testing.T) {
	warnings := func(pack string) string {
		o := buildOptions(t, t.TempDir(), "")
		o.Packs = []string{pack}
		o.Formats = []string{"json"}
		o.Quiet = false
		var stderr bytes.Buffer
		if err := app.RunBuild(app.Streams{Out: io.Discard, Err: &stderr}, o); err != nil {
			t.Fatalf("build --pack %s: %v", pack, err)
		}
		return stderr.String()
	}
	whole, one := warnings("qpr"), warnings("ced")
	if whole == "" {
		t.Fatal("the example gives no warnings to compare")
	}
	if whole != one {
		t.Errorf("warnings differ:\n--pack qpr:\n%s\n--pack ced:\n%s", whole, one)
	}
}
