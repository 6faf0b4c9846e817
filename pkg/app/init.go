package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/example/qpr"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/templates"
)

type InitOptions struct {
	Dir string
}

// RunInit writes the example project and the report templates into a folder, never over
// anything already there.
func RunInit(io Streams, o InitOptions) error {
	if o.Dir == "" {
		return UsageError("give the folder to create, e.g. qpr init my-report")
	}
	var files []string
	err := fs.WalkDir(qpr.Example, qpr.ExampleRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !strings.HasPrefix(path.Base(p), ".") && !strings.HasSuffix(p, ".go") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	targets := map[string]string{}
	for _, f := range files {
		rel := strings.TrimPrefix(f, qpr.ExampleRoot+"/")
		targets[f] = filepath.Join(o.Dir, filepath.FromSlash(rel))
	}
	tmplDir := filepath.Join(o.Dir, "templates")
	for _, t := range append(sortedValues(targets), tmplDir) {
		if _, err := os.Stat(t); err == nil {
			return diag.Problem{Place: diag.Place{File: t}, Message: "already exists: qpr init never overwrites; choose a new or empty folder"}
		} else if !errors.Is(err, fs.ErrNotExist) {
			return diag.Problem{Place: diag.Place{File: t}, Message: osReason(err)}
		}
	}
	for _, f := range files {
		content, err := qpr.Example.ReadFile(f)
		if err != nil {
			return err
		}
		if path.Base(f) == "qpr.yaml" {
			// The written templates take effect once named; they start identical to the built-in ones.
			content = append(content, []byte("templates: templates\n")...)
		}
		dst := targets[f]
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return diag.Problem{Place: diag.Place{File: filepath.Dir(dst)}, Message: "cannot create the folder: " + osReason(err)}
		}
		if err := writeAtomically(dst, content); err != nil {
			return err
		}
	}
	if err := templates.WriteDefaults(tmplDir); err != nil {
		return placed(err)
	}
	fmt.Fprintf(io.Out, "wrote an example project to %s\n", o.Dir)
	fmt.Fprintf(io.Out, "next: cd %s && qpr validate && qpr build\n", o.Dir)
	return nil
}

func sortedValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}
