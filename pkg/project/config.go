// Package project reads qpr.yaml, the working directory's defaults, so that a bare `qpr build`
// works in a report folder.
package project

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// FileName is the project file looked for in the working directory.
const FileName = "qpr.yaml"

// maxFileSize bounds the read of qpr.yaml, a file of a few lines.
const maxFileSize = 1 << 20

// Config is what qpr.yaml may set. Relative paths are relative to the file's folder.
type Config struct {
	Catalogue string     `yaml:"catalogue"`
	Data      StringList `yaml:"data"`
	Out       string     `yaml:"out"`
	Formats   StringList `yaml:"formats"`
	Templates string     `yaml:"templates"`
	Period    string     `yaml:"period"`
	Limits    Settings   `yaml:"limits"`

	File string `yaml:"-"` // where it was read from; empty when there is none
}

// Load reads dir/qpr.yaml; a missing file is an empty Config, not an error.
func Load(dir string) (Config, error) {
	path := filepath.Join(dir, FileName)
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Config{}, nil
	}
	if err == nil && !info.Mode().IsRegular() {
		// A FIFO would block the read, a device never end it.
		return Config{}, fmt.Errorf("%s: not a regular file; qpr.yaml must be a YAML text file", path)
	}
	if err == nil && info.Size() > maxFileSize {
		return Config{}, fmt.Errorf("%s: the file is %d bytes; qpr.yaml holds a few settings, so this cannot be it", path, info.Size())
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("%s: %v", path, err)
	}
	return Parse(path, src)
}

// Parse reads a qpr.yaml held in memory; file names the place in messages.
func Parse(file string, src []byte) (Config, error) {
	var c Config
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return Config{}, fmt.Errorf("%s", placeYAMLError(file, err))
	}
	c.File = file
	base := filepath.Dir(file)
	c.Catalogue = resolve(base, c.Catalogue)
	for i, d := range c.Data {
		c.Data[i] = resolve(base, d)
	}
	c.Out = resolve(base, c.Out)
	c.Templates = resolve(base, c.Templates)
	return c, nil
}

func resolve(base, p string) string {
	if p == "" || filepath.IsAbs(p) || base == "." {
		return p
	}
	return filepath.Join(base, p)
}

// placeYAMLError turns yaml's "yaml: line 3: ..." into the contract's "file:3: ...", and says
// which keys are valid when the key is unknown.
func placeYAMLError(file string, err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: unmarshal errors:\n")
	var lines []string
	for _, l := range strings.Split(msg, "\n") {
		l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "yaml: "))
		var n int
		var rest string
		if _, e := fmt.Sscanf(l, "line %d:", &n); e == nil {
			rest = strings.TrimSpace(l[strings.Index(l, ":")+1:])
			if strings.Contains(rest, "not found in type") {
				key := strings.TrimPrefix(rest, "field ")
				key = key[:strings.Index(key, " ")]
				rest = fmt.Sprintf("unknown key %q; valid keys are catalogue, data, out, formats, templates, period, limits", key)
			}
			lines = append(lines, fmt.Sprintf("%s:%d: %s", file, n, rest))
			continue
		}
		lines = append(lines, file+": "+l)
	}
	return strings.Join(lines, "\n")
}

// StringList is a list that may also be written as a single item (data: data), as people
// write it by hand.
type StringList []string

func (l *StringList) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		*l = StringList{n.Value}
		return nil
	case yaml.SequenceNode:
		var items []string
		for _, item := range n.Content {
			if item.Kind != yaml.ScalarNode {
				return fmt.Errorf("line %d: write each item as a name or path, e.g. [data, late-returns.xlsx]", item.Line)
			}
			items = append(items, item.Value)
		}
		*l = items
		return nil
	}
	return fmt.Errorf("line %d: write a name or path, or a list of them, e.g. [data, late-returns.xlsx]", n.Line)
}

// Setting is one NAME: VALUE of a mapping such as limits:, kept as written with its line so the
// package that knows the names can check them and say where a wrong one is.
type Setting struct {
	Name, Value string
	Line        int
}

// Settings is a mapping of settings, in the order written.
type Settings []Setting

func (s *Settings) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: write limits as a mapping of names to values, e.g. limits: {file_size: 4GB, rows: 20000000}", n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			return fmt.Errorf("line %d: give %s a single value, e.g. %s: 4GB", v.Line, k.Value, k.Value)
		}
		*s = append(*s, Setting{Name: k.Value, Value: v.Value, Line: k.Line})
	}
	return nil
}
