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

// InitOptions are init's arguments.
type InitOptions struct {
	Dir string
}

// RunInit writes the example project and the report templates into a folder, never over
// anything already there.
func RunInit(streams Streams, o InitOptions) error {
	if o.Dir == "" {
		return UsageError("give the folder to create, e.g. qpr init my-report")
	}
	if err := emptyOrNew(o.Dir); err != nil {
		return err
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
	if err := os.MkdirAll(tmplDir, 0o755); err != nil {
		return diag.Problem{Place: diag.Place{File: tmplDir}, Message: "cannot create the folder: " + osReason(err)}
	}
	for _, f := range templates.Defaults() {
		if err := writeAtomically(filepath.Join(tmplDir, f.Name), f.Data); err != nil {
			return err
		}
	}
	fmt.Fprintf(streams.Out, "wrote an example project to %s\n", o.Dir)
	fmt.Fprintf(streams.Out, "next: cd %s && qpr validate && qpr build\n", o.Dir)
	return nil
}

// emptyOrNew refuses a folder that holds anything (but a .git, so a fresh repository can be
// started with qpr init .): init never mixes the example into someone's files, whether the
// folder is named or is the current one.
func emptyOrNew(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		var pe *fs.PathError
		if errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "not a directory") {
			return diag.Problem{Place: diag.Place{File: dir}, Message: "already exists and is not a folder: qpr init writes into a new or empty folder"}
		}
		return diag.Problem{Place: diag.Place{File: dir}, Message: osReason(err)}
	}
	var names []string
	for _, e := range entries {
		if e.Name() != ".git" {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		return nil
	}
	shown := names[:min(3, len(names))]
	more := ""
	if len(names) > len(shown) {
		more = fmt.Sprintf(" and %d more", len(names)-len(shown))
	}
	return diag.Problem{Place: diag.Place{File: dir}, Message: fmt.Sprintf(
		"is not empty (it holds %s%s): qpr init writes only into a new or empty folder, never over anything; choose another folder",
		strings.Join(shown, ", "), more)}
}

func sortedValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}
