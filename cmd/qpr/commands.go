package main

import (
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/example/qpr/pkg/app"
	"github.com/example/qpr/pkg/render"
	"github.com/example/qpr/pkg/trend"
)

func newBuildCmd(s app.Streams) *cobra.Command {
	var o app.BuildOptions
	c := &cobra.Command{
		Use:   "build",
		Short: "Write the report packs (" + strings.Join(render.DefaultNames(), ", ") + ", and on request " + strings.Join(onRequest(), ", ") + ") for a quarter",
		Example: `  qpr build
  qpr build --catalogue catalogue.yaml --data data/ --period "2023/24 Q2"
  qpr build --format json --pack qpr --out reports/ --as-at 2023-10-20`,
		Args: usageArgs(0, 0),
		RunE: func(c *cobra.Command, args []string) error {
			o.Dir = "."
			o.SourceDateEpoch = os.Getenv("SOURCE_DATE_EPOCH")
			if on, err := strconv.ParseBool(os.Getenv("QPR_TIMINGS")); err == nil && on {
				o.Timings = true
			}
			return app.RunBuild(s, o)
		},
	}
	inputFlags(c, &o.Inputs)
	periodFlag(c, &o.Inputs, "quarter to report")
	templatesFlag(c, &o.Inputs)
	c.Flags().StringVar(&o.Out, "out", "", "output folder (default from qpr.yaml, else out)")
	c.Flags().StringSliceVar(&o.Formats, "format", nil, "formats to write: "+strings.Join(app.Formats, ",")+" (default "+strings.Join(render.DefaultNames(), ",")+", or qpr.yaml's formats)")
	c.Flags().StringArrayVar(&o.Packs, "pack", nil, "pack id to build (repeatable; default every pack)")
	c.Flags().StringVar(&o.AsAt, "as-at", "", `the "data as at" date the report carries, e.g. 2023-10-20 or 20/10/2023 (default: SOURCE_DATE_EPOCH, else the quarter's last day)`)
	c.Flags().BoolVar(&o.AllowEmpty, "allow-empty", false, "build even when no indicator has a value for the quarter")
	c.Flags().BoolVarP(&o.Quiet, "quiet", "q", false, "show no progress, and count warnings rather than list them (a percentage that looks typed as a fraction is still told)")
	strictFlag(c, &o.Inputs)
	complete(c, "format", app.Formats)
	completePacks(c, &o.Inputs)
	c.Flags().BoolVar(&o.Timings, "timings", false, "print to stderr where the time went (also QPR_TIMINGS=1)")
	return c
}

func newRagCmd(s app.Streams) *cobra.Command {
	var o app.RagOptions
	c := &cobra.Command{
		Use:   "rag [CODE...] [--pack ID | --all] | rag --value V --target T [--floor F] [--polarity higher|lower]",
		Short: "Rate indicators (or a value) green, amber or red; a CI gate with --fail-on",
		Long: `Rate indicators for a quarter (by CODE, --pack or --all), or a value given on the command line.

Exit status: 3 when any rating is one --fail-on names (each listed on stderr); else 1 when any
indicator has no value for the quarter, unless --fail-on was given without no_data (a gate
that deliberately lets missing values through); else 0. A --period outside the data is exit 1.`,
		Example: `  qpr rag CS01
  qpr rag CS01 CS02 --period "2023/24 Q1" --json
  qpr rag --pack qpr --fail-on red            # exit 3 if any KPI in the pack is red
  qpr rag --all --fail-on red,no_data --json  # a list; exit 3 naming each match
  qpr rag --value 82.4 --target 85 --floor 75`,
		ValidArgsFunction: completeCode(&o.Inputs),
		RunE: func(c *cobra.Command, args []string) error {
			o.Dir = "."
			o.Codes = args
			return app.RunRag(s, o)
		},
	}
	inputFlags(c, &o.Inputs)
	periodFlag(c, &o.Inputs, "quarter")
	c.Flags().StringArrayVar(&o.Packs, "pack", nil, "rate every indicator in this pack (repeatable)")
	c.Flags().BoolVar(&o.All, "all", false, "rate every indicator in the catalogue")
	c.Flags().BoolVar(&o.JSON, "json", false, "print JSON: an object for one CODE or --value, a list for several, --pack or --all")
	c.Flags().StringSliceVar(&o.FailOn, "fail-on", nil, "exit 3 when any rating is one of these: "+strings.Join(app.FailOnWords(), ","))
	c.Flags().StringVar(&o.Value, "value", "", "a value to rate without any files")
	c.Flags().StringVar(&o.Target, "target", "", "the target, with --value")
	c.Flags().StringVar(&o.Floor, "floor", "", "the floor standard, with --value")
	c.Flags().StringVar(&o.Polarity, "polarity", "", "higher (default) or lower is better, with --value")
	complete(c, "fail-on", app.FailOnWords())
	complete(c, "polarity", []string{"higher", "lower"})
	completePacks(c, &o.Inputs)
	return c
}

func newTrendCmd(s app.Streams) *cobra.Command {
	var o app.TrendOptions
	c := &cobra.Command{
		Use:   "trend CODE",
		Short: "Explain one indicator's direction of travel",
		Example: `  qpr trend CS01
  qpr trend CS01 --method spc --window 12
  qpr trend CS01 --json`,
		Args:              usageArgs(1, 1),
		ValidArgsFunction: completeCode(&o.Inputs),
		RunE: func(c *cobra.Command, args []string) error {
			o.Dir = "."
			o.Code = args[0]
			o.WindowGiven = c.Flags().Changed("window")
			return app.RunTrend(s, o)
		},
	}
	inputFlags(c, &o.Inputs)
	periodFlag(c, &o.Inputs, "quarter")
	methods := make([]string, len(trend.Methods))
	for i, m := range trend.Methods {
		methods[i] = string(m)
	}
	c.Flags().StringVar(&o.Method, "method", "", strings.Join(methods, ", ")+" (default: the catalogue's)")
	c.Flags().IntVar(&o.Window, "window", 0, "quarters in the trend window (default: the catalogue's)")
	c.Flags().BoolVar(&o.JSON, "json", false, "print JSON")
	complete(c, "method", methods)
	return c
}

func newValidateCmd(s app.Streams) *cobra.Command {
	var o app.ValidateOptions
	c := &cobra.Command{
		Use:   "validate",
		Short: "Check the catalogue, data, qpr.yaml and templates, listing every problem with its place",
		Example: `  qpr validate
  qpr validate --catalogue catalogue.yaml --data q2/ --data late-returns.xlsx
  qpr validate --json > problems.json`,
		Args: usageArgs(0, 0),
		RunE: func(c *cobra.Command, args []string) error {
			o.Dir = "."
			return app.RunValidate(s, o)
		},
	}
	inputFlags(c, &o.Inputs)
	periodFlag(c, &o.Inputs, "quarter the warnings are about")
	templatesFlag(c, &o.Inputs)
	c.Flags().BoolVar(&o.JSON, "json", false, `print {"problems": [...]} as JSON`)
	strictFlag(c, &o.Inputs)
	return c
}

func newInitCmd(s app.Streams) *cobra.Command {
	return &cobra.Command{
		Use:     "init DIR",
		Short:   "Write an example project (catalogue, data, qpr.yaml, templates) to start from",
		Example: `  qpr init my-report && cd my-report && qpr build`,
		Args:    usageArgs(1, 1),
		RunE: func(c *cobra.Command, args []string) error {
			return app.RunInit(s, app.InitOptions{Dir: args[0]})
		},
	}
}

func periodFlag(c *cobra.Command, in *app.Inputs, what string) {
	c.Flags().StringVar(&in.Period, "period", "", what+`, e.g. "2023/24 Q2" (default: qpr.yaml's period, else the latest with data)`)
}

func templatesFlag(c *cobra.Command, in *app.Inputs) {
	c.Flags().StringVar(&in.Templates, "templates", "", "folder of templates overriding the built-in ones (qpr init writes them; default from qpr.yaml)")
	_ = c.MarkFlagDirname("templates")
}

// complete offers a fixed list of values for a flag; a comma-separated flag completes its
// last item.
func complete(c *cobra.Command, flag string, values []string) {
	_ = c.RegisterFlagCompletionFunc(flag, func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return listCompletions(values, toComplete), cobra.ShellCompDirectiveNoFileComp
	})
}

// listCompletions completes the last item of a comma-separated list (--fail-on red,no_data):
// the values not given already, matched in any case.
func listCompletions(values []string, toComplete string) []string {
	done, last := "", toComplete
	if i := strings.LastIndex(toComplete, ","); i >= 0 {
		done, last = toComplete[:i+1], toComplete[i+1:]
	}
	given := strings.Split(strings.TrimSuffix(done, ","), ",")
	var out []string
	for _, v := range values {
		if containsFold(given, v) {
			continue
		}
		if c, ok := completeFold(v, last); ok {
			out = append(out, done+c)
		}
	}
	return out
}

// completeFold is candidate completed from what was typed when it starts with typed in any
// case, keeping the letters typed as they were typed: shells match a completion's prefix
// case-sensitively, and qpr takes codes, pack ids and words in any case, so "hs" completes to
// "hs01" for HS01.
func completeFold(candidate, typed string) (string, bool) {
	if len(typed) > len(candidate) || !strings.EqualFold(candidate[:len(typed)], typed) {
		return "", false
	}
	return typed + candidate[len(typed):], true
}

// completePacks offers the catalogue's pack ids for --pack.
func completePacks(c *cobra.Command, in *app.Inputs) {
	_ = c.RegisterFlagCompletionFunc("pack", func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		in.Dir = "."
		var out []string
		for _, id := range app.PackIDs(*in) {
			name, desc, hasDesc := strings.Cut(id, "\t")
			if c, ok := completeFold(name, toComplete); ok {
				if hasDesc {
					c += "\t" + desc
				}
				out = append(out, c)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}

// completeCode offers the catalogue's indicator codes for CODE arguments, matched in any
// case, leaving out those already given.
func completeCode(in *app.Inputs) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if c.Name() == "trend" && len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		in.Dir = "."
		var out []string
		for _, code := range app.IndicatorCodes(*in) {
			name, desc, hasDesc := strings.Cut(code, "\t")
			if containsFold(args, name) {
				continue
			}
			if c, ok := completeFold(name, toComplete); ok {
				if hasDesc {
					c += "\t" + desc
				}
				out = append(out, c)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// strictFlag is --strict, for CI: every warning is an error.
func strictFlag(c *cobra.Command, in *app.Inputs) {
	c.Flags().BoolVar(&in.Strict, "strict", false, "treat every warning as an error: list them and exit 1 (also qpr.yaml strict: true)")
}

// onRequest are the formats a build writes only when they are named.
func onRequest() []string {
	var out []string
	for _, f := range render.Formats {
		if f.OnRequest {
			out = append(out, f.Name)
		}
	}
	return out
}
