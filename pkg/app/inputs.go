package app

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/project"
)

// Inputs names the catalogue and data a command reads; empty fields fall back to qpr.yaml in
// Dir, then to catalogue.yaml and data/ in Dir.
type Inputs struct {
	Dir       string
	Catalogue string
	Data      []string
	Limits    []string // NAME=VALUE settings raising the read limits (--limit)
}

// Defaults the conventional layout of a report folder, as `qpr init` writes it.
const (
	defaultCatalogue = "catalogue.yaml"
	defaultData      = "data"
)

// loaded is everything read for a command.
type loaded struct {
	project  project.Config
	cat      *catalogue.Catalogue
	dataset  *data.Dataset
	store    *data.Store
	problems diag.List // errors and warnings from reading and matching
}

func (in Inputs) projectConfig() (project.Config, error) {
	dir := in.Dir
	if dir == "" {
		dir = "."
	}
	cfg, err := project.Load(dir)
	return cfg, placed(err)
}

func (in Inputs) resolve(cfg project.Config) (cat string, paths []string) {
	cat, paths = in.Catalogue, in.Data
	if cat == "" {
		cat = cfg.Catalogue
	}
	if len(paths) == 0 {
		paths = cfg.Data
	}
	if cat == "" {
		cat = filepath.Join(in.Dir, defaultCatalogue)
	}
	if len(paths) == 0 {
		if st, err := os.Stat(filepath.Join(in.Dir, defaultData)); err == nil && st.IsDir() {
			paths = []string{filepath.Join(in.Dir, defaultData)}
		}
	}
	return cat, paths
}

// limits are the read limits: the defaults, raised by qpr.yaml's limits:, then by --limit.
func (in Inputs) limits(cfg project.Config) (data.Limits, error) {
	lim := data.DefaultLimits()
	for _, s := range cfg.Limits {
		if err := lim.Set(s.Name, s.Value); err != nil {
			return lim, diag.Problem{Place: diag.Place{File: cfg.File, Line: s.Line}, Message: "limits: " + err.Error(), Severity: diag.Error}
		}
	}
	if err := lim.SetAll(in.Limits); err != nil {
		return lim, UsageError("%v", err)
	}
	return lim, nil
}

// catalogueSource finds the catalogue and reads its bytes, within the limits.
func (in Inputs) catalogueSource(cfg project.Config, lim data.Limits) (string, []byte, error) {
	path, _ := in.resolve(cfg)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if in.Catalogue == "" && cfg.Catalogue == "" {
			return "", nil, UsageError("no catalogue: give --catalogue FILE, or set catalogue: in %s (qpr init DIR writes an example)", project.FileName)
		}
		return "", nil, diag.Problem{Place: diag.Place{File: path}, Message: "no such file; give the catalogue's path with --catalogue, or set catalogue: in " + project.FileName}
	}
	src, err := catalogue.ReadSource(path, lim.Catalogue())
	return path, src, err
}

// loadCatalogue reads only the catalogue (for commands that need no data).
func (in Inputs) loadCatalogue() (*catalogue.Catalogue, project.Config, error) {
	cfg, err := in.projectConfig()
	if err != nil {
		return nil, cfg, err
	}
	lim, err := in.limits(cfg)
	if err != nil {
		return nil, cfg, err
	}
	path, src, err := in.catalogueSource(cfg, lim)
	if err != nil {
		return nil, cfg, err
	}
	cat, err := catalogue.ParseWithin(path, src, lim.Catalogue())
	return cat, cfg, err
}

// load reads the catalogue and the data and matches them. Data problems are collected, not
// returned as an error, so validate can list them all; callers that must stop on them use
// problems.Err().
//
// The data files are read while the catalogue is parsed: reading needs only the calendar,
// which is taken from the catalogue's year_start line before parsing, and checked after (on
// a wrong guess the data is read again).
func (in Inputs) load() (*loaded, error) {
	cfg, err := in.projectConfig()
	if err != nil {
		return nil, err
	}
	lim, err := in.limits(cfg)
	if err != nil {
		return nil, err
	}
	path, src, err := in.catalogueSource(cfg, lim)
	if err != nil {
		return nil, err
	}
	_, paths := in.resolve(cfg)

	type read struct {
		ds    *data.Dataset
		probs *diag.List
	}
	guess := catalogue.PeekCalendar(src)
	early := make(chan read, 1)
	if len(paths) > 0 {
		go func() {
			ds, probs := data.ReadWithin(paths, guess, lim)
			early <- read{ds, probs}
		}()
	}
	cat, err := catalogue.ParseWithin(path, src, lim.Catalogue())
	var r read
	if len(paths) > 0 {
		r = <-early
	}
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, UsageError("no data: give --data FILE_OR_DIR (repeatable), or set data: in %s", project.FileName)
	}
	if cat.Calendar != guess {
		r.ds, r.probs = data.ReadWithin(paths, cat.Calendar, lim)
	}
	store, matchProblems := data.Match(r.ds, cat)
	// The store holds the values now; the packed observations would only double the memory.
	l := &loaded{project: cfg, cat: cat, dataset: r.ds.Summary(), store: store}
	l.problems.AddAll(r.probs.Problems())
	l.problems.AddAll(matchProblems.Problems())
	return l, nil
}

// reportPeriod reads the quarter asked for: the --period flag, else qpr.yaml's period, with
// the catalogue's calendar; neither means the latest quarter with data (the zero Quarter).
func (l *loaded) reportPeriod(flag string) (period.Quarter, error) {
	switch {
	case flag != "":
		q, err := l.cat.Calendar.ParseQuarter(flag)
		if err != nil {
			return period.Quarter{}, UsageError("--period: %v", err)
		}
		return q, nil
	case l.project.Period != "":
		q, err := l.cat.Calendar.ParseQuarter(l.project.Period)
		if err != nil {
			return period.Quarter{}, diag.Problem{Place: diag.Place{File: l.project.File}, Message: "period: " + err.Error()}
		}
		return q, nil
	}
	return period.Quarter{}, nil
}

// IndicatorCodes lists the catalogue's codes with their names, for shell completion; nil when
// the catalogue cannot be read.
func IndicatorCodes(in Inputs) []string {
	cat, _, err := in.loadCatalogue()
	if err != nil {
		return nil
	}
	out := make([]string, 0, len(cat.Indicators))
	for _, ind := range cat.Indicators {
		out = append(out, ind.Code+"\t"+ind.Name)
	}
	return out
}
