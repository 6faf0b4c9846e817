package example

import (
	"fmt"
	"os"
	"path/filepath"
)

//go:generate go run ./cmd/genexample ../../testdata/example

// qprYAML lets a bare `qpr build` in the example directory build every pack.
const qprYAML = `# Settings for "qpr build" run in this directory; flags win over them.
catalogue: catalogue.yaml
data: [data]
out: out
formats: [pdf, xlsx, json, html]
`

// Files returns the example project: each file's path, relative to the project directory
// and with forward slashes, and its contents.
func Files() (map[string][]byte, error) {
	all := map[string]series{}
	for _, k := range kpis {
		s, err := synthesiseKPI(k)
		if err != nil {
			return nil, err
		}
		all[k.Code] = s
	}
	all[councilTax.Code] = councilTaxSeries()
	ranges := map[string][]yearRange{}
	for _, a := range activities {
		all[a.Code], ranges[a.Code] = synthesiseActivity(a)
	}
	files := map[string][]byte{
		"README.md":       []byte(readme),
		"qpr.yaml":        []byte(qprYAML),
		"catalogue.yaml":  []byte(catalogueYAML(ranges)),
		"data/" + csvName: potholesCSV(all["HT01"]),
	}
	for _, d := range directorates {
		book, err := workbook(d, all)
		if err != nil {
			return nil, fmt.Errorf("writing %s: %w", d.File, err)
		}
		files["data/"+d.File] = book
	}
	for name, body := range comparatorFiles(all) {
		files[name] = body
	}
	return files, nil
}

// Generate writes the example project into dir, creating it if need be. Files of the same
// names are overwritten; nothing else in dir is touched.
func Generate(dir string) error {
	files, err := Files()
	if err != nil {
		return err
	}
	for name, body := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := writeFileAtomic(path, body); err != nil {
			return err
		}
	}
	return nil
}

// writeFileAtomic writes beside path and renames, so a reader never sees half a file.
func writeFileAtomic(path string, body []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(body); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
