// Command qpr produces a Quarterly Performance Report from an indicator catalogue and the
// quarter's spreadsheets. This package only wires flags to pkg/app.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/example/qpr/pkg/app"
	"github.com/example/qpr/pkg/diag"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes qpr with args and returns the exit code; no panic escapes it.
func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(stderr, "qpr: internal error: %v\nThis is a bug in qpr; please report it with the command you ran.\n", p)
			code = app.ExitFailure
		}
	}()
	streams := app.Streams{Out: stdout, Err: stderr, ErrIsTerminal: isTerminal(stderr)}
	root := newRootCmd(streams)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	cmd, err := root.ExecuteC()
	if err == nil {
		return app.ExitOK
	}
	if strings.HasPrefix(err.Error(), "unknown command") {
		// cobra's own usage errors carry no type to tell them by.
		err = app.UsageError("%v (see %s --help)", err, cmd.CommandPath())
	}
	if wantsJSON(cmd) {
		if !app.AlreadyReported(err) {
			app.WriteErrorJSON(stderr, err)
		}
	} else {
		printError(stderr, err)
	}
	return app.ExitCode(err)
}

// printError writes err as the contract asks: one `place: message` line per problem.
func printError(w io.Writer, err error) {
	if app.AlreadyReported(err) {
		return
	}
	var list *diag.Errors
	if errors.As(err, &list) {
		for _, p := range list.Problems {
			fmt.Fprintln(w, p.Error())
		}
		return
	}
	var p diag.Problem
	if errors.As(err, &p) {
		fmt.Fprintln(w, p.Error())
		return
	}
	fmt.Fprintf(w, "qpr: %v\n", err)
}

// wantsJSON says the command was given --json, so its failure is reported as JSON too.
func wantsJSON(c *cobra.Command) bool {
	if c == nil {
		return false
	}
	f := c.Flags().Lookup("json")
	return f != nil && f.Value.String() == "true"
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
