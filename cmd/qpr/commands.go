package main

import (
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/example/qpr/pkg/app"
)

func newBuildCmd(s app.Streams) *cobra.Command {
	var o app.BuildOptions
	c := &cobra.Command{
		Use:   "build",
		Short: "Write the report packs (PDF, Excel, JSON) for a quarter",
		Example: `  qpr build
  qpr build --catalogue catalogue.yaml --data data/ --period "2023/24 Q2"
  qpr build --format json --pack qpr --out reports/`,
		Args: usageArgs(0, 0),
		RunE: func(c *cobra.Command, args []string) error {
			o.Dir = "."
			o.SourceDateEpoch = os.Getenv("SOURCE_DATE_EPOCH")
			return app.RunBuild(s, o)
		},
	}
	inputFlags(c, &o.Inputs)
	c.Flags().StringVar(&o.Period, "period", "", `quarter to report, e.g. "2023/24 Q2" (default: the latest with data)`)
	c.Flags().StringVar(&o.Out, "out", "", "output folder (default from qpr.yaml, else out)")
	c.Flags().StringSliceVar(&o.Formats, "format", nil, "formats to write: "+strings.Join(app.Formats, ",")+" (default all, or qpr.yaml's formats)")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(app.Formats, cobra.ShellCompDirectiveNoFileComp))
	c.Flags().StringArrayVar(&o.Packs, "pack", nil, "pack id to build (repeatable; default every pack)")
	c.Flags().StringVar(&o.Templates, "templates", "", "folder of templates overriding the built-in ones (qpr init writes them)")
	c.Flags().BoolVarP(&o.Quiet, "quiet", "q", false, "show no progress")
	return c
}

func newRagCmd(s app.Streams) *cobra.Command {
	var o app.RagOptions
	c := &cobra.Command{
		Use:   "rag CODE | rag --value V --target T [--floor F] [--polarity higher|lower]",
		Short: "Rate one indicator (or a value) green, amber or red",
		Example: `  qpr rag CS01
  qpr rag CS01 --period "2023/24 Q1" --json
  qpr rag CS01 --fail-on red,amber      # exit 3 if CS01 is red or amber
  qpr rag --value 82.4 --target 85 --floor 75`,
		Args:              usageArgs(0, 1),
		ValidArgsFunction: completeCode(&o.Inputs),
		RunE: func(c *cobra.Command, args []string) error {
			o.Dir = "."
			if len(args) == 1 {
				o.Code = args[0]
			}
			return app.RunRag(s, o)
		},
	}
	inputFlags(c, &o.Inputs)
	c.Flags().StringVar(&o.Period, "period", "", `quarter, e.g. "2023/24 Q2" (default: the latest with data)`)
	c.Flags().BoolVar(&o.JSON, "json", false, "print JSON")
	c.Flags().StringSliceVar(&o.FailOn, "fail-on", nil, "exit 3 when the rating is one of these (e.g. red,amber)")
	c.Flags().StringVar(&o.Value, "value", "", "a value to rate without any files")
	c.Flags().StringVar(&o.Target, "target", "", "the target, with --value")
	c.Flags().StringVar(&o.Floor, "floor", "", "the floor standard, with --value")
	c.Flags().StringVar(&o.Polarity, "polarity", "", "higher (default) or lower is better, with --value")
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
			return app.RunTrend(s, o)
		},
	}
	inputFlags(c, &o.Inputs)
	c.Flags().StringVar(&o.Period, "period", "", `quarter, e.g. "2023/24 Q2" (default: the latest with data)`)
	c.Flags().StringVar(&o.Method, "method", "", "regression, mann-kendall, spc, last-change or year-on-year (default: the catalogue's)")
	c.Flags().IntVar(&o.Window, "window", 0, "quarters in the trend window (default: the catalogue's)")
	c.Flags().BoolVar(&o.JSON, "json", false, "print JSON")
	return c
}

func newValidateCmd(s app.Streams) *cobra.Command {
	var o app.ValidateOptions
	c := &cobra.Command{
		Use:   "validate",
		Short: "Check the catalogue and data, listing every problem with its place",
		Example: `  qpr validate
  qpr validate --catalogue catalogue.yaml --data q2/ --data late-returns.xlsx`,
		Args: usageArgs(0, 0),
		RunE: func(c *cobra.Command, args []string) error {
			o.Dir = "."
			return app.RunValidate(s, o)
		},
	}
	inputFlags(c, &o.Inputs)
	c.Flags().StringVar(&o.Period, "period", "", "quarter the warnings are about (default: the latest with data)")
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

// completeCode offers the catalogue's indicator codes for a CODE argument.
func completeCode(in *app.Inputs) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		in.Dir = "."
		return app.IndicatorCodes(*in), cobra.ShellCompDirectiveNoFileComp
	}
}
