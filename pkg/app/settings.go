package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/project"
	"github.com/example/qpr/pkg/render"
	"github.com/example/qpr/templates"
)

// Inputs are the flags naming what a command reads; an empty field falls back to qpr.yaml in
// Dir, then to the default. They are resolved once, by Inputs.settings.
type Inputs struct {
	Dir       string
	Catalogue string
	Data      []string
	Templates string
	Period    string
	Limits    []string // NAME=VALUE settings raising the read limits (--limit)
	Strict    bool     // --strict: every warning is an error (also qpr.yaml strict: true)
}

// Outputs are build's flags for what it writes; empty fields fall back the same way.
type Outputs struct {
	Out     string
	Formats []string
}

// Defaults: the conventional layout of a report folder, as `qpr init` writes it.
const (
	defaultCatalogue = "catalogue.yaml"
	defaultData      = "data"
	defaultOut       = "out"
)

// settings are every setting a command uses, each resolved in one place: its flag, else
// qpr.yaml, else the default. A bad flag value is bad usage (exit 2); a bad qpr.yaml value is
// bad input placed at its line in qpr.yaml (exit 1), never reported as a flag.
type settings struct {
	project   project.Config
	catalogue string
	data      []string
	templates string // "" = the built-in templates
	out       string
	formats   []render.Format
	limits    data.Limits
	strict    bool // every warning is an error: --strict, or qpr.yaml's strict: true

	periodText  string // as written; "" = the latest quarter with data
	periodPlace *diag.Place

	// badConfig are qpr.yaml's problems, kept to be told together with the period's, which
	// can be checked only on the catalogue's calendar: a bad formats: never hides a bad period:.
	badConfig diag.List
}

// settings resolves the inputs (and outputs, for build).
func (in Inputs) settings(outs Outputs) (*settings, error) {
	dir := in.Dir
	if dir == "" {
		dir = "."
	}
	cfg, err := project.Load(dir)
	s := &settings{project: cfg}
	s.badConfig.Merge(err)
	s.catalogue = first(in.Catalogue, cfg.Catalogue, filepath.Join(dir, defaultCatalogue))
	s.data = in.Data
	if len(s.data) == 0 {
		s.data = cfg.Data
	}
	if len(s.data) == 0 {
		if st, err := os.Stat(filepath.Join(dir, defaultData)); err == nil && st.IsDir() {
			s.data = []string{filepath.Join(dir, defaultData)}
		}
	}
	s.templates = first(in.Templates, cfg.Templates)
	s.strict = in.Strict || cfg.Strict
	s.out = first(outs.Out, cfg.Out, filepath.Join(dir, defaultOut))
	s.periodText = in.Period
	if in.Period == "" && cfg.Period != "" {
		s.periodText = cfg.Period
		at := cfg.Place("period", -1)
		s.periodPlace = &at
	}
	if s.limits, err = readLimits(cfg, in.Limits, &s.badConfig); err != nil {
		return nil, err
	}
	if len(outs.Formats) > 0 {
		if s.formats, err = parseFormats(outs.Formats, nil); err != nil {
			return nil, err
		}
	} else if s.formats, err = parseFormats(cfg.Formats, &cfg); err != nil {
		s.badConfig.Merge(err)
	}
	return s, nil
}

// configErr is every problem found in qpr.yaml, with more (the catalogue's) told beside them;
// nil when qpr.yaml has none.
func (s *settings) configErr(more error) error {
	if !s.badConfig.HasErrors() {
		return nil
	}
	var others diag.List
	others.Merge(more)
	var own, rest []diag.Problem
	own = s.badConfig.Errors()
	for _, p := range others.Problems() {
		if p.Place.File == s.project.File {
			own = append(own, p) // catalogue: naming a file that is not there
		} else {
			rest = append(rest, p)
		}
	}
	diag.SortByPlace(own)
	var out diag.List
	out.AddAll(own)
	out.AddAll(rest)
	return out.Err()
}

func first(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// readLimits are the read limits: the defaults, raised by qpr.yaml's limits: (each bad one
// added to bad, placed at its line there), then by --limit (a bad one bad usage).
func readLimits(cfg project.Config, flags []string, bad *diag.List) (data.Limits, error) {
	lim := data.DefaultLimits()
	for _, s := range cfg.Limits {
		if err := lim.Set(s.Name, s.Value); err != nil {
			bad.Add(diag.Problem{Place: diag.Place{File: cfg.File, Line: s.Line}, Message: "limits: " + err.Error(), Severity: diag.Error})
		}
	}
	if err := lim.SetAll(flags); err != nil {
		if strings.HasPrefix(err.Error(), "--limit") {
			return lim, UsageError("%v", err)
		}
		// The flag is the place, as qpr.yaml's line is for its limits:.
		return lim, UsageError("--limit: %v", err)
	}
	return lim, nil
}

// parseFormats reads format names (comma-separated allowed) against the render registry; cfg
// non-nil means they came from qpr.yaml, so each bad one is placed there. None asked for means
// the default formats (every one but those written only on request).
func parseFormats(asked []string, cfg *project.Config) ([]render.Format, error) {
	var out []render.Format
	var bad diag.List
	for i, a := range asked {
		for _, name := range strings.Split(a, ",") {
			name = strings.TrimSpace(name)
			if name == "" {
				continue
			}
			f, ok := render.Lookup(name)
			if !ok {
				msg := fmt.Sprintf("%q is not a format; use %s (comma-separated)", name, render.List("or"))
				if cfg != nil {
					bad.Add(diag.Problem{Place: cfg.Place("formats", i), Message: "formats: " + msg, Severity: diag.Error})
					continue
				}
				return nil, UsageError("--format: %s", msg)
			}
			if !slices.ContainsFunc(out, func(g render.Format) bool { return g.Name == f.Name }) {
				out = append(out, f)
			}
		}
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return render.Defaults(), nil
	}
	return out, nil
}

// loaded is everything read for a command.
type loaded struct {
	settings *settings
	cat      *catalogue.Catalogue
	dataset  *data.Dataset
	store    *data.Store
	problems diag.List // errors and warnings from reading and matching
}

// catalogueSource finds the catalogue and reads its bytes, within the limits.
func (s *settings) catalogueSource(flag string) ([]byte, error) {
	path := s.catalogue
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		switch {
		case flag == "" && s.project.Catalogue == "":
			return nil, UsageError("no catalogue: give --catalogue FILE, or set catalogue: in %s (qpr init DIR writes an example)", project.FileName)
		case flag == "":
			return nil, diag.Problem{Place: s.project.Place("catalogue", -1), Message: "catalogue: " + path + ": no such file"}
		}
		return nil, diag.Problem{Place: diag.Place{File: path}, Message: "no such file; give the catalogue's path with --catalogue, or set catalogue: in " + project.FileName}
	}
	return catalogue.ReadSource(path, s.limits.Catalogue())
}

// loadCatalogue reads only the catalogue (for commands that need no data), and reports
// qpr.yaml's problems with the catalogue's.
func (s *settings) loadCatalogue(flag string) (*catalogue.Catalogue, error) {
	src, err := s.catalogueSource(flag)
	if err != nil {
		return nil, s.orConfigErr(err)
	}
	cat, err := catalogue.ParseWithin(s.catalogue, src, s.limits.Catalogue())
	if err := s.checkConfigPeriod(cat, err); err != nil {
		return nil, err
	}
	return cat, err
}

// orConfigErr is err told beside qpr.yaml's problems, if it has any; bad usage is told alone,
// as it stops the command before any file is read.
func (s *settings) orConfigErr(err error) error {
	if ExitCode(err) == ExitUsage {
		return err
	}
	if cerr := s.configErr(err); cerr != nil {
		return cerr
	}
	return err
}

// checkConfigPeriod checks qpr.yaml's period: on the catalogue's calendar (when the catalogue
// could be read: catErr is its error), and returns every problem in qpr.yaml together with
// catErr; nil when qpr.yaml has none.
func (s *settings) checkConfigPeriod(cat *catalogue.Catalogue, catErr error) error {
	if s.periodPlace != nil && cat != nil {
		if _, err := cat.Calendar.ParseQuarter(s.periodText); err != nil {
			s.badConfig.Add(diag.Problem{Place: *s.periodPlace, Message: "period: " + err.Error(), Severity: diag.Error})
		}
	}
	return s.configErr(catErr)
}

// load resolves the settings, reads the catalogue and the data and matches them. Data problems
// are collected, not returned as an error, so validate can list them all; callers that must
// stop on them use problems.Err().
//
// The data files are read while the catalogue is parsed: reading needs only the calendar,
// which is taken from the catalogue's year_start line before parsing, and checked after (on
// a wrong guess the data is read again).
func (in Inputs) load(outs Outputs) (*loaded, error) {
	s, err := in.settings(outs)
	if err != nil {
		return nil, err
	}
	src, err := s.catalogueSource(in.Catalogue)
	if err != nil {
		return nil, s.orConfigErr(err)
	}
	if s.badConfig.HasErrors() {
		// The data is not read under settings that are wrong, only the catalogue, whose
		// problems and calendar (for period:) are told with qpr.yaml's.
		cat, err := catalogue.ParseWithin(s.catalogue, src, s.limits.Catalogue())
		return nil, s.checkConfigPeriod(cat, err)
	}
	type read struct {
		ds    *data.Dataset
		probs *diag.List
	}
	guess := catalogue.PeekCalendar(src)
	early := make(chan read, 1)
	if len(s.data) > 0 {
		go func() {
			ds, probs := data.ReadWithin(s.data, guess, s.limits)
			early <- read{ds, probs}
		}()
	}
	cat, err := catalogue.ParseWithin(s.catalogue, src, s.limits.Catalogue())
	var r read
	if len(s.data) > 0 {
		r = <-early
	}
	if err != nil {
		return nil, err
	}
	if len(s.data) == 0 {
		return nil, UsageError("no data: give --data FILE_OR_DIR (repeatable), or set data: in %s", project.FileName)
	}
	if cat.Calendar != guess {
		r.ds, r.probs = data.ReadWithin(s.data, cat.Calendar, s.limits)
	}
	store, matchProblems := data.Match(r.ds, cat)
	// The store holds the values now; the packed observations would only double the memory.
	l := &loaded{settings: s, cat: cat, dataset: r.ds.Summary(), store: store}
	l.problems.AddAll(r.probs.Problems())
	l.problems.AddAll(matchProblems.Problems())
	return l, nil
}

// reportPeriod reads the quarter asked for with the catalogue's calendar; nothing asked means
// the latest quarter with data (the zero Quarter).
func (l *loaded) reportPeriod() (period.Quarter, error) {
	s := l.settings
	if s.periodText == "" {
		return period.Quarter{}, nil
	}
	q, err := l.cat.Calendar.ParseQuarter(s.periodText)
	if err != nil {
		if s.periodPlace != nil {
			return period.Quarter{}, diag.Problem{Place: *s.periodPlace, Message: "period: " + err.Error()}
		}
		return period.Quarter{}, UsageError("--period: %v", err)
	}
	return q, nil
}

// loadTemplates reads the templates folder, or gives the built-in set.
func (s *settings) loadTemplates() (*templates.Set, error) {
	if s.templates == "" {
		return templates.Default(), nil
	}
	t, err := templates.Load(s.templates)
	return t, placed(err)
}

// IndicatorCodes lists the catalogue's codes with their names, for shell completion; nil when
// the catalogue cannot be read.
func IndicatorCodes(in Inputs) []string {
	cat := completionCatalogue(in)
	if cat == nil {
		return nil
	}
	out := make([]string, 0, len(cat.Indicators))
	for _, ind := range cat.Indicators {
		out = append(out, ind.Code+"\t"+ind.Name)
	}
	return out
}

// PackIDs lists the catalogue's packs with their titles, for shell completion.
func PackIDs(in Inputs) []string {
	cat := completionCatalogue(in)
	if cat == nil {
		return nil
	}
	out := make([]string, 0, len(cat.Packs))
	for _, p := range cat.Packs {
		out = append(out, p.ID+"\t"+p.Title)
	}
	return out
}

func completionCatalogue(in Inputs) *catalogue.Catalogue {
	s, err := in.settings(Outputs{})
	if err != nil {
		return nil
	}
	cat, err := s.loadCatalogue(in.Catalogue)
	if err != nil {
		return nil
	}
	return cat
}

// LimitNames lists the read limits --limit and qpr.yaml's limits: may raise, for help.
func LimitNames() []string { return data.LimitNames() }
