// Package project reads qpr.yaml, the working directory's defaults, so that a bare `qpr build`
// works in a report folder.
package project

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/inputfile"
	"github.com/example/qpr/pkg/suggest"
	"github.com/example/qpr/pkg/yamltext"
)

// FileName is the project file looked for in the working directory.
const FileName = "qpr.yaml"

// maxFileSize bounds the read of qpr.yaml, a file of a few lines.
const maxFileSize = 1 << 20

// Config is what qpr.yaml may set. Relative paths are relative to the file's folder. Its yaml
// tags are the file's keys: a key added here is known to the unknown-key check too.
type Config struct {
	Catalogue string     `yaml:"catalogue"`
	Data      StringList `yaml:"data"`
	Out       string     `yaml:"out"`
	Formats   StringList `yaml:"formats"`
	Templates string     `yaml:"templates"`
	Period    string     `yaml:"period"`
	Limits    Settings   `yaml:"limits"`
	// Strict makes every warning of build and validate an error (exit 1), for CI.
	Strict bool `yaml:"strict"`

	File  string         `yaml:"-"` // where it was read from; empty when there is none
	lines map[string]int // line of each key's value, and of each list item as "key.N"
}

// Keys lists the keys qpr.yaml may hold, in the order of Config's fields.
func Keys() []string {
	t := reflect.TypeFor[Config]()
	var keys []string
	for i := range t.NumField() {
		if k, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); k != "" && k != "-" {
			keys = append(keys, k)
		}
	}
	return keys
}

// Place is where key's value was written (item >= 0: that item of a list), so a bad value is
// reported at its line in qpr.yaml, not as a flag the user never typed.
func (c Config) Place(key string, item int) diag.Place {
	at := key
	if item >= 0 {
		at = fmt.Sprintf("%s.%d", key, item)
	}
	line, ok := c.lines[at]
	if !ok {
		line = c.lines[key]
	}
	return diag.Place{File: c.File, Line: line}
}

// Load reads dir/qpr.yaml; a missing file is an empty Config, not an error. As with Parse,
// the Config returned with an error holds what could be read.
func Load(dir string) (Config, error) {
	path := filepath.Join(dir, FileName)
	if dir == "." {
		path = FileName
	}
	src, err := inputfile.ReadAll(path, maxFileSize)
	var notRegular *inputfile.NotRegularError
	var tooLarge *inputfile.TooLargeError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Config{}, nil
	case errors.As(err, &notRegular):
		return Config{}, diag.Problem{Place: diag.Place{File: path}, Message: fmt.Sprintf("this is %s, not a regular file; qpr.yaml must be a YAML text file", notRegular.What())}
	case errors.As(err, &tooLarge):
		return Config{}, diag.Problem{Place: diag.Place{File: path}, Message: fmt.Sprintf("the file is %d bytes; qpr.yaml holds a few settings, so this cannot be it", tooLarge.Size)}
	case err != nil:
		return Config{}, diag.Problem{Place: diag.Place{File: path}, Message: "cannot read: " + reason(err)}
	}
	return Parse(path, src)
}

// Parse reads a qpr.yaml held in memory; file names the place in messages. Its errors are
// diag.Problems (one, or *diag.Errors for several) placed at qpr.yaml's lines: every unknown,
// repeated or mistyped key is listed. With an *diag.Errors the Config still holds the keys
// that were read, so that their values can be checked in the same run.
func Parse(file string, src []byte) (Config, error) {
	c := Config{File: file, lines: map[string]int{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return Config{}, syntaxProblem(file, src, err)
	}
	if len(doc.Content) == 0 {
		return c, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
			return c, nil
		}
		return Config{}, diag.Problem{Place: diag.Place{File: file, Line: root.Line},
			Message: "qpr.yaml holds settings as key: value lines, e.g. catalogue: catalogue.yaml"}
	}
	var problems diag.List
	keys := Keys()
	fields := c.fields()
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if !contains(keys, k.Value) {
			msg := fmt.Sprintf("unknown key %q", k.Value)
			if s, ok := meant[strings.ToLower(k.Value)]; ok {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else if s := suggest.Nearest(k.Value, keys); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += "; valid keys are " + strings.Join(keys, ", ")
			}
			problems.Errorf(diag.Place{File: file, Line: k.Line}, "%s", msg)
			continue
		}
		if first, dup := seen[k.Value]; dup {
			problems.Errorf(diag.Place{File: file, Line: k.Line}, "key %q is given twice (first at line %d); give it once", k.Value, first)
			continue
		}
		seen[k.Value] = k.Line
		c.lines[k.Value] = v.Line
		if v.Kind == yaml.SequenceNode {
			for j, item := range v.Content {
				c.lines[fmt.Sprintf("%s.%d", k.Value, j)] = item.Line
			}
		}
		// Each key is decoded on its own, so that every key's problem is found in one run.
		if _, single := fields[k.Value].(*string); single && v.Kind != yaml.ScalarNode {
			problems.Errorf(diag.Place{File: file, Line: v.Line}, "%s must be a single value, not a list or mapping; e.g. %s: %s", k.Value, k.Value, examples[k.Value])
			continue
		}
		if err := v.Decode(fields[k.Value]); err != nil {
			problems.Merge(yamlProblem(file, err))
		}
	}
	base := filepath.Dir(file)
	c.Catalogue = resolve(base, c.Catalogue)
	for i, d := range c.Data {
		c.Data[i] = resolve(base, d)
	}
	c.Out = resolve(base, c.Out)
	c.Templates = resolve(base, c.Templates)
	return c, problems.Err()
}

// fields are pointers to c's fields by their yaml key.
func (c *Config) fields() map[string]any {
	out := map[string]any{}
	v := reflect.ValueOf(c).Elem()
	for i := range v.NumField() {
		if k, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("yaml"), ","); k != "" && k != "-" {
			out[k] = v.Field(i).Addr().Interface()
		}
	}
	return out
}

// examples are values of the keys that take a single value, for messages.
var examples = map[string]string{
	"catalogue": "catalogue.yaml", "out": "reports", "templates": "templates", "period": "2023/24 Q2",
}

// meant are names people write for a key that are not a slip of typing: the flag's name, the
// American spelling, the singular.
var meant = map[string]string{
	"output": "out", "outdir": "out", "output_dir": "out", "format": "formats", "catalog": "catalogue",
	"template": "templates", "quarter": "period", "inputs": "data", "input": "data", "limit": "limits",
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func resolve(base, p string) string {
	if p == "" || filepath.IsAbs(p) || base == "." {
		return p
	}
	return filepath.Join(base, p)
}

// syntaxProblem is text that is not YAML at all, placed and worded as the catalogue's.
func syntaxProblem(file string, src []byte, err error) error {
	line, msg := yamltext.SyntaxError(src, err)
	return diag.Problem{Place: diag.Place{File: file, Line: line}, Severity: diag.Error, Message: msg}
}

// yamlProblem turns yaml's "yaml: line 3: ..." into problems placed at file:3.
func yamlProblem(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: unmarshal errors:\n")
	var problems diag.List
	for _, l := range strings.Split(msg, "\n") {
		l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "yaml: "))
		if l == "" {
			continue
		}
		var n int
		if _, e := fmt.Sscanf(l, "line %d:", &n); e == nil {
			problems.Errorf(diag.Place{File: file, Line: n}, "%s", strings.TrimSpace(l[strings.Index(l, ":")+1:]))
			continue
		}
		problems.Errorf(diag.Place{File: file}, "%s", l)
	}
	if ps := problems.Errors(); len(ps) == 1 {
		return ps[0]
	}
	return problems.Err()
}

func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// StringList is a list that may also be written as a single item (data: data), as people
// write it by hand.
type StringList []string

// UnmarshalYAML takes a single item or a list of them.
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

// UnmarshalYAML takes a mapping of names to single values.
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
