package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/example/qpr/pkg/app"
)

// version is set at link time (-ldflags "-X main.version=v1.2.3"); otherwise the module's.
var version = ""

const exitStatus = `
EXIT STATUS
  0    done
  1    bad input or a failure (messages on stderr as place: message), including a quarter
       with no data (build --allow-empty lets one through) and rag finding no value
  2    bad usage (a wrong flag or argument)
  3    --fail-on matched
  129  stopped by SIGHUP (the terminal closed); 130 by Ctrl-C (SIGINT); 143 by SIGTERM
       (temporary files removed, earlier outputs left whole)

--strict (build, validate; or qpr.yaml strict: true) makes every warning an error: exit 1.

Given --json, a command reports a failure on stderr as JSON:
  {"problems": [{"severity", "file", "line", "sheet", "cell", "message", "hint", "code",
  "period"}], "exit_status": N}
`

func newRootCmd(s app.Streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "qpr",
		Short: "Quarterly Performance Report: RAG ratings, direction of travel, PDF/Excel/JSON/HTML packs",
		Long: `qpr rates each indicator in a catalogue against its target and floor, works out its
direction of travel, and writes the Quarterly Performance Report and directorate dashboards
as PDF, Excel, JSON and an accessible HTML edition.

A qpr.yaml in the working directory may set catalogue, data, out, formats, templates,
period, limits and strict, so that a bare "qpr build" works; flags win over it.` + "\n" + exitStatus,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       versionLine(),
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return app.UsageError("%v (see qpr %s --help)", err, c.Name())
	})
	root.AddCommand(
		newBuildCmd(s),
		newRagCmd(s),
		newTrendCmd(s),
		newValidateCmd(s),
		newInitCmd(s),
		newVersionCmd(s),
	)
	root.InitDefaultCompletionCmd()
	if c, _, err := root.Find([]string{"completion"}); err == nil && c != root {
		// cobra's parent command only prints its help, with exit 0, when no shell is named:
		// a missing shell is bad usage, as a missing argument is elsewhere.
		// (A shell it does not know is cobra's "unknown command", also exit 2.)
		c.RunE = func(c *cobra.Command, args []string) error {
			return app.UsageError("qpr completion: name a shell: bash, zsh, fish or powershell (see qpr completion --help)")
		}
	}
	return root
}

// inputFlags are the flags naming the catalogue and data, shared by every command that reads them.
func inputFlags(c *cobra.Command, in *app.Inputs) {
	c.Flags().StringVar(&in.Catalogue, "catalogue", "", "indicator catalogue (YAML); default from qpr.yaml, else catalogue.yaml")
	c.Flags().StringArrayVar(&in.Data, "data", nil, "data file or folder of .xlsx/.csv (repeatable); default from qpr.yaml, else data/")
	c.Flags().StringArrayVar(&in.Limits, "limit", nil, "raise a read limit, NAME=VALUE (repeatable), e.g. file_size=4GB; NAME is one of "+strings.Join(app.LimitNames(), ", ")+" (the Limits page of qpr's documentation gives each default)")
}

// usageArgs makes a wrong number of arguments a usage error (exit 2), as cobra's own are not.
func usageArgs(min, max int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < min || len(args) > max {
			return app.UsageError("%s: expected %s, got %d (usage: %s; see qpr %s --help)", c.CommandPath(), argsWord(min, max), len(args), c.UseLine(), c.Name())
		}
		return nil
	}
}

func argsWord(min, max int) string {
	switch {
	case min == max && min == 0:
		return "no arguments"
	case min == max:
		return fmt.Sprintf("%d %s", min, map[bool]string{true: "argument", false: "arguments"}[min == 1])
	default:
		return fmt.Sprintf("%d to %d arguments", min, max)
	}
}

// versionLine is what `qpr version` and `qpr --version` both print: the module version and,
// from the build information Go records, the commit and its time ("modified" when built from
// a working tree with changes).
func versionLine() string {
	bi, _ := debug.ReadBuildInfo()
	return formatVersion(version, bi)
}

func formatVersion(linked string, bi *debug.BuildInfo) string {
	v := linked
	if v == "" && bi != nil {
		v = bi.Main.Version
	}
	if v == "" {
		v = "(devel)"
	}
	var revision, when string
	modified := false
	if bi != nil {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	var parts []string
	if revision != "" {
		parts = append(parts, "commit "+revision[:min(12, len(revision))])
	}
	if when != "" {
		parts = append(parts, when)
	}
	if modified {
		parts = append(parts, "modified")
	}
	if bi != nil && bi.GoVersion != "" {
		parts = append(parts, bi.GoVersion)
	}
	if len(parts) == 0 {
		return "qpr " + v
	}
	return "qpr " + v + " (" + strings.Join(parts, ", ") + ")"
}

func newVersionCmd(s app.Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print qpr's version, commit and build time (the same as qpr --version)",
		Args:  usageArgs(0, 0),
		RunE: func(c *cobra.Command, args []string) error {
			fmt.Fprintln(s.Out, versionLine())
			return nil
		},
	}
}
