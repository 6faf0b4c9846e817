package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/example/qpr/pkg/app"
	"github.com/example/qpr/pkg/returns"
)

func newReturnsCmd(s app.Streams) *cobra.Command {
	c := &cobra.Command{
		Use:   "returns",
		Short: "Make each owner's return workbook for a quarter, and see which are in and signed",
		Args:  usageArgs(0, 0),
		RunE: func(c *cobra.Command, args []string) error {
			return app.UsageError("name what to do: qpr returns make, or qpr returns status")
		},
	}
	c.AddCommand(newReturnsMakeCmd(s), newReturnsStatusCmd(s))
	return c
}

func newReturnsMakeCmd(s app.Streams) *cobra.Command {
	var o app.ReturnsMakeOptions
	c := &cobra.Command{
		Use:   "make",
		Short: "Write one return workbook per owner, for the owner to fill in and sign off",
		Long: `Write OUT/<owner>-<period>.xlsx for each owner in the catalogue: a cover with guidance and a
sign-off, and a Return sheet with one row per indicator and period due, the input cells
unlocked and checked for the indicator's unit. The quarter is --period, else the one after
the latest quarter wholly in the data (the quarter being collected). --data supplies the
last values shown beside each row; it may be left out.`,
		Example: `  qpr returns make
  qpr returns make --period "2023/24 Q3" --owner FIN --out returns/`,
		Args: usageArgs(0, 0),
		RunE: func(c *cobra.Command, args []string) error {
			o.Dir = "."
			return app.RunReturnsMake(s, o)
		},
	}
	inputFlags(c, &o.Inputs)
	periodFlag(c, &o.Inputs, "quarter the returns collect")
	c.Flags().StringVar(&o.Out, "out", "", "folder to write the returns to (default returns)")
	c.Flags().StringArrayVar(&o.Owners, "owner", nil, "only this owner's return (repeatable, or comma-separated)")
	return c
}

func newReturnsStatusCmd(s app.Streams) *cobra.Command {
	var o app.ReturnsStatusOptions
	c := &cobra.Command{
		Use:   "status",
		Short: "Say per owner whether the return is in, signed off and complete, and what lacks commentary",
		Long: `For each owner: whether the quarter's return has been received and signed off, the rows
due that have nothing given, and the red or amber KPIs without both commentary and actions.
The quarter is --period, else the latest any return read is for.

Exit status: 3 when anything --fail-on names is outstanding (each listed on stderr).`,
		Example: `  qpr returns status --data data --data returns
  qpr returns status --json
  qpr returns status --fail-on missing,unsigned`,
		Args: usageArgs(0, 0),
		RunE: func(c *cobra.Command, args []string) error {
			o.Dir = "."
			return app.RunReturnsStatus(s, o)
		},
	}
	inputFlags(c, &o.Inputs)
	periodFlag(c, &o.Inputs, "quarter of the returns")
	c.Flags().BoolVar(&o.JSON, "json", false, "print the status as JSON")
	c.Flags().StringSliceVar(&o.FailOn, "fail-on", nil, "exit 3 when any of these is outstanding: "+strings.Join(returns.FailOnWords, ","))
	complete(c, "fail-on", returns.FailOnWords)
	return c
}

func newDiffCmd(s app.Streams) *cobra.Command {
	var o app.DiffOptions
	c := &cobra.Command{
		Use:   "diff OLD.json NEW.json",
		Short: "List every change between two reports' JSON (values, ratings, directions, thresholds) with its cause",
		Long: `Compare two reports written by qpr build --format json, such as a quarter's report before and
after late or revised returns, and list each change: the indicator, period, field, the value
before and after, and its cause - revised, late, threshold, catalogue or rule. The report's
own changes come first: its status (draft or final) and each owner's outstanding return,
with the cause returns.`,
		Example: `  qpr diff published/qpr-2023-24-Q2.json out/qpr-2023-24-Q2.json
  qpr diff old.json new.json --json`,
		Args: usageArgs(2, 2),
		RunE: func(c *cobra.Command, args []string) error {
			o.Old, o.New = args[0], args[1]
			return app.RunDiff(s, o)
		},
	}
	c.Flags().BoolVar(&o.JSON, "json", false, `print {"from", "to", "changes": [...]} as JSON`)
	return c
}
