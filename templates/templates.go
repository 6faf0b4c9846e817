// Package templates holds the report's wording and look as editable files: the executive
// summary narrative, the key's texts and the style (colours, font sizes), embedded as
// built-in defaults. A directory of the same files overrides them one file at a time, so an
// analyst can reword the report or restyle it without touching Go.
package templates

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/example/qpr/pkg/inputfile"
)

// File names, as Defaults gives them and Load looks for them.
const (
	NarrativeFile = "narrative.tmpl"
	KeyFile       = "key.tmpl"
	StyleFile     = "style.yaml"
	LogoFile      = "logo.png"
)

//go:embed narrative.tmpl key.tmpl style.yaml
var builtin embed.FS

// KeyEntries are the blocks key.tmpl must define: the rating and activity statuses, each
// direction of travel, "method" (how the direction is worked out), "values" (how values are
// rounded for display), and "stale" and "partial" (values from an earlier or part quarter).
var KeyEntries = []string{
	"green", "amber", "red", "not_rated", "no_data",
	"above", "within", "below",
	"improving", "stable", "worsening", "rising", "falling", "insufficient",
	"method", "values", "stale", "partial",
}

// OptionalKeyEntries are key.tmpl blocks added since KeyEntries was fixed: a user's key.tmpl
// written before them still loads, and the built-in wording is used for any it leaves out.
var OptionalKeyEntries = []string{"abbreviations", "grid", "basis"}

// Set is one complete set of report wording and style.
type Set struct {
	narrative *template.Template
	key       *template.Template
	// builtinKey supplies the OptionalKeyEntries a user's key.tmpl does not define.
	builtinKey *template.Template
	style      Style
	logo       []byte
	logoFile   string
}

// Default is the built-in set. The embedded files are part of the program, so a failure to
// load them is a programming error caught by the package's tests.
func Default() *Set {
	s, err := load(builtin, "", func(name string) string { return name })
	if err != nil {
		panic("templates: built-in files are invalid: " + err.Error())
	}
	return s
}

// Load reads dir for narrative.tmpl, key.tmpl, style.yaml and logo.png; each file present
// replaces the built-in one (style.yaml keys left out keep their built-in values).
func Load(dir string) (*Set, error) {
	info, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no such templates folder; give the folder qpr init writes (templates), or leave --templates out for the built-in ones", dir)
	}
	if err != nil {
		// The path is already the place: keep the reason without os's own copy of it.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: cannot read the templates directory: %w", dir, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s: is not a directory; give the directory holding %s, %s and %s", dir, NarrativeFile, KeyFile, StyleFile)
	}
	return load(overlay{dir: dir}, dir, func(name string) string { return filepath.Join(dir, name) })
}

// maxFileSize bounds each file read from a templates folder: a template or style.yaml is a
// few kilobytes, a logo a few hundred.
const maxFileSize = 10 << 20

// overlay reads a file from the user's directory when it is there, else the built-in one.
// Only a regular file within maxFileSize is read: a FIFO in the folder would block the read.
type overlay struct{ dir string }

func (o overlay) Open(name string) (fs.File, error) {
	f, _, err := inputfile.Open(filepath.Join(o.dir, filepath.FromSlash(name)), maxFileSize)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		if err != nil {
			return nil, readProblem(err)
		}
		return f, nil
	}
	return builtin.Open(name)
}

func (o overlay) has(name string) bool {
	_, err := os.Stat(filepath.Join(o.dir, filepath.FromSlash(name)))
	return err == nil
}

// readProblem words inputfile's refusal of a file in the templates folder; the caller puts
// the file's name before it.
func readProblem(err error) error {
	var notRegular *inputfile.NotRegularError
	var tooLarge *inputfile.TooLargeError
	switch {
	case errors.As(err, &notRegular):
		return fmt.Errorf("this is %s, not a file; a templates folder holds %s, %s, %s and %s as plain files", notRegular.What(), NarrativeFile, KeyFile, StyleFile, LogoFile)
	case errors.As(err, &tooLarge):
		return fmt.Errorf("the file is %d bytes, more than a template file may be (%d MB)", tooLarge.Size, maxFileSize>>20)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// load builds a Set from files in fsys; place names a file in errors and in template names,
// so that text/template's own messages point at the file the user edits.
func load(fsys fs.FS, dir string, place func(string) string) (*Set, error) {
	o, overridden := fsys.(overlay)
	placeOf := func(name string) string {
		if overridden && o.has(name) {
			return place(name)
		}
		return name
	}
	s := &Set{}
	var err error
	if s.narrative, err = parse(fsys, NarrativeFile, placeOf(NarrativeFile)); err != nil {
		return nil, err
	}
	if err := requireBlocks(s.narrative, placeOf(NarrativeFile), []string{"directorate"}); err != nil {
		return nil, err
	}
	if s.key, err = parse(fsys, KeyFile, placeOf(KeyFile)); err != nil {
		return nil, err
	}
	if err := requireBlocks(s.key, placeOf(KeyFile), KeyEntries); err != nil {
		return nil, err
	}
	if overridden && o.has(KeyFile) {
		if s.builtinKey, err = parse(builtin, KeyFile, KeyFile); err != nil {
			return nil, err
		}
	}
	styleBytes, err := fs.ReadFile(fsys, StyleFile)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", placeOf(StyleFile), err)
	}
	if s.style, err = parseStyle(styleBytes, placeOf(StyleFile)); err != nil {
		return nil, err
	}
	if overridden && o.has(LogoFile) {
		if s.logo, err = fs.ReadFile(o, LogoFile); err != nil {
			return nil, fmt.Errorf("%s: %w", place(LogoFile), err)
		}
		if _, err := png.DecodeConfig(bytes.NewReader(s.logo)); err != nil {
			return nil, fmt.Errorf("%s: is not a PNG image (%v); save the logo as PNG or remove the file", place(LogoFile), err)
		}
		s.logoFile = place(LogoFile)
	}
	return s, nil
}

func parse(fsys fs.FS, file, name string) (*template.Template, error) {
	text, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	t, err := template.New(name).Funcs(Funcs()).Option("missingkey=error").Parse(string(text))
	if err != nil {
		return nil, placeFirst(err)
	}
	return t, nil
}

func requireBlocks(t *template.Template, name string, blocks []string) error {
	var missing []string
	for _, b := range blocks {
		if t.Lookup(b) == nil {
			missing = append(missing, fmt.Sprintf("{{define %q}}", b))
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%s: missing %s; the file must define %s", name, strings.Join(missing, ", "), strings.Join(blocks, ", "))
	}
	return nil
}

// placeFirst turns text/template's "template: file:line: message" into the
// "file:line: message" form every qpr error takes, keeping the original for errors.As.
func placeFirst(err error) error {
	return &Error{msg: strings.TrimPrefix(err.Error(), "template: "), err: err}
}

// Error is a template parse or execution error; its message starts with file:line.
type Error struct {
	msg string
	err error
}

func (e *Error) Error() string { return e.msg }
func (e *Error) Unwrap() error { return e.err }

func execute(t *template.Template, name string, data any) (string, error) {
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, name, data); err != nil {
		return "", placeFirst(err)
	}
	return b.String(), nil
}

// Narrative is the executive summary's wording for data (the report). Paragraphs are
// separated by a blank line.
func (s *Set) Narrative(data any) (string, error) {
	return execute(s.narrative, s.narrative.Name(), data)
}

// DirectorateNarrative is the sentence that opens a directorate's section, from the
// "directorate" block of narrative.tmpl; data is the directorate's counts.
func (s *Set) DirectorateNarrative(data any) (string, error) {
	return execute(s.narrative, "directorate", data)
}

// Key is the key's text for one entry of KeyEntries; data is the trend setting.
func (s *Set) Key(entry string, data any) (string, error) {
	if s.key.Lookup(entry) == nil {
		if s.builtinKey != nil && s.builtinKey.Lookup(entry) != nil {
			return execute(s.builtinKey, entry, data)
		}
		return "", fmt.Errorf("%s: no key entry %q; entries are %s", s.key.Name(), entry, strings.Join(append(KeyEntries, OptionalKeyEntries...), ", "))
	}
	return execute(s.key, entry, data)
}

// Style is the set's colours and font sizes.
func (s *Set) Style() Style { return s.style }

// Logo is the cover logo as PNG bytes, or nil when there is none.
func (s *Set) Logo() []byte { return s.logo }

// LogoFile names the logo's file for error messages ("" without a logo).
func (s *Set) LogoFile() string { return s.logoFile }

// DefaultFile is one of the built-in template files, as qpr init writes it for editing.
type DefaultFile struct {
	Name string // NarrativeFile, KeyFile or StyleFile
	Data []byte
}

// Defaults returns the built-in files a templates folder holds, in the order qpr init writes
// them. Writing them is left to the caller, so that every file qpr writes goes through the
// one staged writer in pkg/app.
func Defaults() []DefaultFile {
	names := []string{NarrativeFile, KeyFile, StyleFile}
	files := make([]DefaultFile, len(names))
	for i, name := range names {
		data, err := builtin.ReadFile(name)
		if err != nil {
			panic("templates: " + name + " is not embedded: " + err.Error()) // the go:embed line names each
		}
		files[i] = DefaultFile{Name: name, Data: data}
	}
	return files
}
