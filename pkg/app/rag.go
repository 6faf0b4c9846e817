package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/rag"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/pkg/unit"
)

type RagOptions struct {
	Inputs
	Code   string
	Period string
	JSON   bool
	FailOn []string

	// The form with no files: a value against a target (and floor).
	Value, Target, Floor string
	Polarity             string
}

// statusWords are every word --fail-on may name.
var statusWords = []string{rag.Green, rag.Amber, rag.Red, rag.NotRated, rag.NoData, rag.Above, rag.Within, rag.Below}

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
	ValuePeriod *report.Period         `json:"value_period,omitempty"`
	Stale       bool                   `json:"stale"`
	Partial     bool                   `json:"partial"`
	Expected    *report.Range          `json:"expected,omitempty"`
	Activity    *report.ActivityStatus `json:"activity,omitempty"`
}

// RunRag rates one indicator for a quarter, or a value given on the command line.
func RunRag(io Streams, o RagOptions) error {
	failOn, err := parseFailOn(o.FailOn)
	if err != nil {
		return err
	}
	var res ragResult
	var line string
	if o.Value != "" || o.Target != "" || o.Floor != "" {
		if o.Code != "" {
			return UsageError("give either an indicator CODE or --value with --target, not both")
		}
		res, line, err = rateGiven(o)
	} else {
		if o.Code == "" {
			return UsageError("give an indicator CODE, or --value V --target T [--floor F] to rate a number")
		}
		res, line, err = rateIndicator(o)
	}
	if err != nil {
		return err
	}
	if o.JSON {
		var buf strings.Builder
		if err := encodeJSON(&buf, res); err != nil {
			return err
		}
		fmt.Fprint(io.Out, buf.String())
	} else {
		fmt.Fprintln(io.Out, line)
	}
	var word *string
	if res.RAG != nil {
		w := string(*res.RAG)
		word = &w
	} else if res.Activity != nil {
		w := string(*res.Activity)
		word = &w
	}
	if word != nil && slices.Contains(failOn, *word) {
		return &ExitError{Code: ExitFailOn, Err: fmt.Errorf("rating is %s, which --fail-on names", *word)}
	}
	return nil
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

func rateIndicator(o RagOptions) (ragResult, string, error) {
	ind, r, err := singleIndicatorReport(o.Inputs, o.Code, o.Period, nil)
	if err != nil {
		return ragResult{}, "", err
	}
	res := ragResult{
		Code: &ind.Code, Name: ind.Name, Period: &r.Period, Value: ind.Value, Target: ind.Target, Floor: ind.Floor,
		Polarity: ind.Polarity, RAG: ind.RAG, Display: ind.Display, ValuePeriod: ind.ValuePeriod,
		Stale: ind.Stale, Partial: ind.Partial, Expected: ind.Expected, Activity: ind.Activity,
	}
	return res, present.VerdictLine(r, ind), nil
}

// singleIndicatorReport builds the report of one indicator, with its trend settings changed
// by override if given, through the same engine as a full build.
func singleIndicatorReport(in Inputs, code, periodFlag string, override func(*catalogue.TrendSpec)) (*report.Indicator, *report.Report, error) {
	l, err := in.load()
	if err != nil {
		return nil, nil, err
	}
	ind, ok := l.cat.Indicator(code)
	if !ok {
		return nil, nil, UsageError("no indicator %q in %s%s", code, l.cat.File, suggestCode(l.cat, code))
	}
	if err := l.problems.Err(); err != nil {
		return nil, nil, err
	}
	q, err := l.reportPeriod(periodFlag)
	if err != nil {
		return nil, nil, err
	}
	one := *ind
	if override != nil {
		override(&one.Trend)
	}
	cat := *l.cat
	cat.Indicators = []*catalogue.Indicator{&one}
	r, err := report.Build(report.Options{Catalogue: &cat, Store: l.store, Pack: catalogue.Pack{ID: one.Code}, Period: q})
	if err != nil {
		return nil, nil, err
	}
	return &r.Indicators[0], r, nil
}
