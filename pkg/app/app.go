// Package app holds what each qpr command does, apart from how its flags are parsed: every
// command is an options struct and a run function writing to injectable streams, so commands
// are tested without a terminal or a process.
package app

import (
	"errors"
	"fmt"
	"io"
)

// Streams are where a command writes; tests pass buffers.
type Streams struct {
	Out io.Writer
	Err io.Writer
	// ErrIsTerminal says stderr is a terminal, where progress may be shown.
	ErrIsTerminal bool
}

// Exit codes of the contract (section 7).
const (
	ExitOK      = 0
	ExitFailure = 1
	ExitUsage   = 2
	ExitFailOn  = 3
)

// ExitError carries the process exit code a failure should give.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string { return e.Err.Error() }
func (e *ExitError) Unwrap() error { return e.Err }

// UsageError is bad usage: a wrong flag value or a missing argument (exit 2).
func UsageError(format string, args ...any) error {
	return &ExitError{Code: ExitUsage, Err: fmt.Errorf(format, args...)}
}

// ExitCode is the exit code for err.
func ExitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var e *ExitError
	if errors.As(err, &e) {
		return e.Code
	}
	return ExitFailure
}

// errAlreadyReported marks a failure whose details the command has already printed.
var errAlreadyReported = errors.New("")

// AlreadyReported says err needs no message of its own.
func AlreadyReported(err error) bool { return errors.Is(err, errAlreadyReported) }
