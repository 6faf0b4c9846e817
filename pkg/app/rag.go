package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/rag"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/pkg/unit"
)

// RagOptions are rag's flags: indicators by code, by pack or all of them, or a value given on
// the command line.
type RagOptions struct {
	Inputs
	Codes  []string
	Packs  []string
	All    bool
	JSON   bool
	FailOn []string

	// The form with no files: a value against a target (and floor).
	Value, Target, Floor string
	Polarity             string
}

// statusWords are every word --fail-on may name.
var statusWords = []string{rag.Green, rag.Amber, rag.Red, rag.NotRated, rag.NoData, rag.Above, rag.Within, rag.Below}

// FailOnWords lists what --fail-on accepts, for completion and help.
func FailOnWords() []string { return slices.Clone(statusWords) }

// ragResult is `rag --json`: the contract's keys first, then what else a script may want.
type ragResult struct {
	Code        *string                `json:"code"`
	Name        string                 `json:"name,omitempty"`
	Period      *report.Period         `json:"period"`
	Value       *float64               `json:"value"`
	Target      *float64               `json:"target"`
	Floor       *float64               `json:"floor"`
	Polarity    *catalogue.Polarity    `json:"polarity"`
	RAG         *report.Rating         `json:"rag"`
	Display     *string                `json:"display"`
	Basis       catalogue.Basis        `json:"basis,omitempty"`
	ValuePeriod *report.Period         `json:"value_period,omitempty"`
	Stale       bool                   `json:"stale"`
	Partial     bool                   `json:"partial"`
	Expected    *report.Range          `json:"expected,omitempty"`
	Activity    *report.ActivityStatus `json:"activity,omitempty"`
}

// word is the result's status: its rating, or an activity indicator's status.
func (r ragResult) word() string {
	switch {
	case r.RAG != nil:
		return string(*r.RAG)
	case r.Activity != nil:
		return string(*r.Activity)
	}
	return ""
}

// RunRag rates indicators for a quarter, or a value given on the command line. One CODE (or a
// value) prints one verdict, and one JSON object; several codes, --pack or --all print one
// verdict per indicator, and a JSON list, whatever the number found.
func RunRag(streams Streams, o RagOptions) error {
	failOn, err := parseFailOn(o.FailOn)
	if err != nil {
		return err
	}
	given := o.Value != "" || o.Target != "" || o.Floor != ""
	chosen := len(o.Codes) > 0 || len(o.Packs) > 0 || o.All
	var results []ragResult
	var lines []string
	switch {
	case given && chosen:
		return UsageError("give indicators (CODE..., --pack or --all) or --value with --target, not both")
	case given:
		res, line, err := rateGiven(o)
		if err != nil {
			return err
		}
		results, lines = []ragResult{res}, []string{line}
	case !chosen:
		return UsageError("give an indicator CODE (or several), --pack ID or --all; or --value V --target T [--floor F] to rate a number")
	default:
		if results, lines, err = rateIndicators(o); err != nil {
			return err
		}
	}
	if o.JSON {
		var v any = results
		if given || (len(o.Codes) == 1 && len(o.Packs) == 0 && !o.All) {
			v = results[0]
		}
		if err := encodeJSON(streams.Out, v); err != nil {
			return err
		}
	} else {
		for _, l := range lines {
			fmt.Fprintln(streams.Out, l)
		}
	}
	return ragVerdict(results, failOn, len(o.FailOn) > 0)
}

// ragVerdict is rag's exit: 3 when any rating is one --fail-on names, listing each; else 1
// when any indicator has no value for the quarter, unless --fail-on was given without
// no_data (a gate that deliberately lets missing values through); else 0.
func ragVerdict(results []ragResult, failOn []string, gated bool) error {
	var matched, empty diag.List
	for _, r := range results {
		who, code, period := "the value", "", ""
		if r.Code != nil {
			who = fmt.Sprintf("%s %s", *r.Code, r.Period)
			code = *r.Code
			if r.Period != nil {
				period = r.Period.String()
			}
		}
		w := r.word()
		if slices.Contains(failOn, w) {
			matched.Add(diag.Problem{Message: fmt.Sprintf("%s is %s, which --fail-on names", who, w), Severity: diag.Error}.About(code, period))
		}
		if w == rag.NoData {
			empty.Add(diag.Problem{Message: fmt.Sprintf("%s has no value; rag fails on a missing value unless --fail-on is given without no_data", who), Severity: diag.Error}.About(code, period))
		}
	}
	if err := matched.Err(); err != nil {
		return &ExitError{Code: ExitFailOn, Err: err}
	}
	if gated {
		return nil
	}
	return empty.Err()
}

func parseFailOn(flags []string) ([]string, error) {
	var out []string
	for _, f := range flags {
		for _, w := range strings.Split(f, ",") {
			w = strings.ToLower(strings.TrimSpace(w))
			if w == "" {
				continue
			}
			if !slices.Contains(statusWords, w) {
				return nil, UsageError("--fail-on: %q is not a rating; use any of %s", w, strings.Join(statusWords, ", "))
			}
			out = append(out, w)
		}
	}
	return out, nil
}

func parseNumberFlag(name, s string) (*float64, error) {
	if s == "" {
		return nil, nil
	}
	// The same reading as a data cell, so 85%, 1,234 and £2,500 work here too.
	v, missing, err := data.ParseValue(s)
	if err != nil || missing {
		return nil, UsageError("--%s: %q is not a number; write a number such as 85, 85%% or 1,234", name, s)
	}
	return &v, nil
}

func rateGiven(o RagOptions) (ragResult, string, error) {
	value, err := parseNumberFlag("value", o.Value)
	if err != nil {
		return ragResult{}, "", err
	}
	target, err := parseNumberFlag("target", o.Target)
	if err != nil {
		return ragResult{}, "", err
	}
	floor, err := parseNumberFlag("floor", o.Floor)
	if err != nil {
		return ragResult{}, "", err
	}
	if value == nil || target == nil {
		return ragResult{}, "", UsageError("rating a number needs --value and --target (and optionally --floor and --polarity)")
	}
	polarity := strings.ToLower(o.Polarity)
	if polarity == "" {
		polarity = string(catalogue.Higher)
	}
	if polarity != string(catalogue.Higher) && polarity != string(catalogue.Lower) {
		return ragResult{}, "", UsageError("--polarity: %q is not valid; use higher or lower", o.Polarity)
	}
	lower := polarity == string(catalogue.Lower)
	if floor != nil && ((!lower && *floor > *target) || (lower && *floor < *target)) {
		side := "at or below"
		if lower {
			side = "at or above"
		}
		return ragResult{}, "", UsageError("--floor %s is on the wrong side of --target %s: with polarity %s the floor must be %s the target",
			o.Floor, o.Target, polarity, side)
	}
	th := &rag.Thresholds{Target: target, Floor: floor, Lower: lower}
	word := report.Rating(rag.Rate(value, th))
	// The user typed the number: show it as typed, never rounded into another rating.
	display := strconv.FormatFloat(*value, 'f', -1, 64)
	pol := catalogue.Polarity(polarity)
	res := ragResult{Value: value, Target: target, Floor: floor, Polarity: &pol, RAG: &word, Display: &display}
	line := fmt.Sprintf("%s — %s (%s)", unit.Group(display), present.RatingStatus(&word).Verdict(), thresholdsText(target, floor, "number", polarity))
	return res, line, nil
}

func thresholdsText(target, floor *float64, unitName, polarity string) string {
	parts := []string{"target " + unit.FormatShortest(*target, 6, unitName)}
	if floor != nil {
		parts = append(parts, "floor "+unit.FormatShortest(*floor, 6, unitName))
	}
	parts = append(parts, polarity+" is better")
	return strings.Join(parts, ", ")
}

// rateIndicators rates the indicators named by code, by pack, or all of them, in catalogue
// order, through the same engine as a full build.
func rateIndicators(o RagOptions) ([]ragResult, []string, error) {
	l, err := o.load(Outputs{})
	if err != nil {
		return nil, nil, err
	}
	chosen, err := chooseIndicators(l.cat, o.Codes, o.Packs, o.All)
	if err != nil {
		return nil, nil, err
	}
	r, err := l.reportOf(chosen, nil)
	if err != nil {
		return nil, nil, err
	}
	var results []ragResult
	var lines []string
	for i := range r.Indicators {
		ind := &r.Indicators[i]
		results = append(results, ragResult{
			Code: &ind.Code, Name: ind.Name, Period: &r.Period, Value: ind.Value, Target: ind.Target, Floor: ind.Floor,
			Polarity: ind.Polarity, RAG: ind.RAG, Display: ind.Display, Basis: ind.Basis, ValuePeriod: ind.ValuePeriod,
			Stale: ind.Stale, Partial: ind.Partial, Expected: ind.Expected, Activity: ind.Activity,
		})
		lines = append(lines, present.VerdictLine(r, ind))
	}
	return results, lines, nil
}

// chooseIndicators picks indicators by code (case ignored, as in data), by pack, or all, in
// catalogue order, each once.
func chooseIndicators(cat *catalogue.Catalogue, codes, packs []string, all bool) ([]*catalogue.Indicator, error) {
	if all {
		if len(codes) > 0 || len(packs) > 0 {
			return nil, UsageError("--all takes every indicator: give it without codes or --pack")
		}
		return cat.Indicators, nil
	}
	want := map[*catalogue.Indicator]bool{}
	for _, a := range codes {
		for _, code := range strings.Split(a, ",") {
			code = strings.TrimSpace(code)
			if code == "" {
				continue
			}
			ind, ok := cat.Indicator(code)
			if !ok {
				return nil, UsageError("no indicator %q in %s%s", code, cat.File, suggestCode(cat, code))
			}
			want[ind] = true
		}
	}
	ps, err := choosePacks(cat, packs)
	if err != nil {
		return nil, err
	}
	if len(packs) > 0 {
		for _, p := range ps {
			for _, ind := range cat.Members(p) {
				want[ind] = true
			}
		}
	}
	var out []*catalogue.Indicator
	for _, ind := range cat.Indicators {
		if want[ind] {
			out = append(out, ind)
		}
	}
	if len(out) == 0 {
		return nil, UsageError("no indicators chosen: the pack selects none")
	}
	return out, nil
}

// reportOf builds the report of the chosen indicators, with their trend settings changed by
// override if given, through the same engine as a full build. A quarter asked for that the
// data does not cover is refused, as build refuses it.
func (l *loaded) reportOf(chosen []*catalogue.Indicator, override func(*catalogue.TrendSpec)) (*report.Report, error) {
	if err := l.problems.Err(); err != nil {
		return nil, err
	}
	q, err := l.reportPeriod()
	if err != nil {
		return nil, err
	}
	if err := l.checkPeriod(q, ""); err != nil {
		return nil, err
	}
	cat := *l.cat
	cat.Indicators = nil
	for _, ind := range chosen {
		one := *ind
		if override != nil {
			override(&one.Trend)
		}
		cat.Indicators = append(cat.Indicators, &one)
	}
	return report.Build(report.Options{Catalogue: &cat, Store: l.store, Pack: catalogue.Pack{ID: "rag"}, Period: q})
}
