// Command qpr produces a Quarterly Performance Report from an indicator catalogue and the
// quarter's spreadsheets. This package only wires flags to pkg/app.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	// for its initialisation: the heap's first part on huge pages, before the other
	// packages' initialisation allocates (see the package)
	_ "github.com/example/qpr/internal/hugeheap"
	"github.com/example/qpr/pkg/app"
	"github.com/example/qpr/pkg/cleanup"
	"github.com/example/qpr/pkg/diag"
)

func main() {
	release := cleanup.Catch(os.Stderr, isTerminal(os.Stderr))
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	release()
	for _, f := range atExit {
		f()
	}
	os.Exit(code)
}

// atExit holds what a profiling build (profile.go, -tags profile) finishes before exit.
var atExit []func()

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
		// cobra's own usage errors carry no type to tell them by; its suggestions are put
		// on the one line a message has.
		err = app.UsageError("%s (see %s --help)", oneLine(err.Error()), cmd.CommandPath())
	}
	if wantsJSON(cmd, args) {
		if !app.AlreadyReported(err) {
			app.WriteErrorJSON(stderr, err)
		}
	} else {
		printError(stderr, err)
	}
	return app.ExitCode(err)
}

// oneLine puts cobra's "unknown command "ragg" for "qpr"\n\nDid you mean this?\n\trag\n"
// on one line: unknown command "ragg" for "qpr"; did you mean rag?
func oneLine(msg string) string {
	head, suggestions, ok := strings.Cut(msg, "\n\nDid you mean this?\n")
	if !ok {
		return strings.TrimSpace(msg)
	}
	return head + "; did you mean " + strings.Join(strings.Fields(suggestions), " or ") + "?"
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

// wantsJSON says the command was given --json, so its failure is reported as JSON too. A
// flag error stops the parse before a --json after it is read, so the arguments are looked
// at as well: --json anywhere before a "--" asks for JSON, whatever else is wrong.
func wantsJSON(c *cobra.Command, args []string) bool {
	if c != nil {
		if f := c.Flags().Lookup("json"); f != nil && f.Changed {
			return f.Value.String() == "true"
		}
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "--json" {
			return true
		}
		if v, ok := strings.CutPrefix(a, "--json="); ok {
			b, err := strconv.ParseBool(v)
			return err == nil && b
		}
	}
	return false
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
