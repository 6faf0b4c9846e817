// Package cleanup sees that no temporary file qpr makes outlives the process, however it ends
// short of SIGKILL. Files made through CreateTemp are tracked until they are renamed into place
// or removed; Catch turns SIGINT, SIGTERM and SIGHUP into removing them, one line on stderr and
// the shell's exit code for the signal (130, 143, 129). Libraries that make their own temporary
// files (excelize spills large sheets to disk) are given a private temporary folder, removed
// the same way.
package cleanup

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
)

// ErrStopped is returned by CreateTemp once the process is being stopped by a signal.
var ErrStopped = errors.New("stopped by a signal")

var (
	// critical is held through a step that must finish or be undone as a whole (renaming a
	// set of outputs into place); a signal waits for it.
	critical sync.Mutex
	// mu guards the tracked files and stopping, and is held across creating and tracking a
	// file, so a signal never falls between the two.
	mu       sync.Mutex
	tracked  = map[string]bool{}
	stopping bool
	// private is the temporary folder given to libraries through TMPDIR; "" when Catch has
	// not made one.
	private string
)

// CreateTemp is os.CreateTemp for a file that must not outlive the process: it is removed if
// the process is stopped before Forget or Remove is called for it.
func CreateTemp(dir, pattern string) (*os.File, error) {
	mu.Lock()
	defer mu.Unlock()
	if stopping {
		return nil, ErrStopped
	}
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	tracked[f.Name()] = true
	return f, nil
}

// MkdirTemp is os.MkdirTemp for a folder that must not outlive the process: it is removed,
// with everything in it, if the process is stopped before Forget or Remove is called for it.
func MkdirTemp(dir, pattern string) (string, error) {
	mu.Lock()
	defer mu.Unlock()
	if stopping {
		return "", ErrStopped
	}
	name, err := os.MkdirTemp(dir, pattern)
	if err != nil {
		return "", err
	}
	tracked[name] = true
	return name, nil
}

// Rename moves the file or folder at path to a new tracked name in its folder, from pattern
// as CreateTemp takes it, and returns that name.
func Rename(path, pattern string) (string, error) {
	mu.Lock()
	defer mu.Unlock()
	if stopping {
		return "", ErrStopped
	}
	dir := filepath.Dir(path)
	prefix, suffix := splitPattern(pattern)
	var err error
	for range 1000 {
		name := filepath.Join(dir, prefix+strconv.FormatUint(uint64(rand.Uint32()), 10)+suffix)
		if _, serr := os.Lstat(name); serr == nil {
			continue
		}
		if err = os.Rename(path, name); err == nil {
			tracked[name] = true
			return name, nil
		}
		break
	}
	return "", err
}

func splitPattern(pattern string) (prefix, suffix string) {
	for i := len(pattern) - 1; i >= 0; i-- {
		if pattern[i] == '*' {
			return pattern[:i], pattern[i+1:]
		}
	}
	return pattern, ""
}

// Link makes a second, tracked name in dir for the file at path, from pattern as CreateTemp
// takes it (the last "*" becomes a random number), and returns that name. The file is not
// copied, so where the folder's file system has no hard links Link fails.
func Link(path, dir, pattern string) (string, error) {
	mu.Lock()
	defer mu.Unlock()
	if stopping {
		return "", ErrStopped
	}
	prefix, suffix := splitPattern(pattern)
	var err error
	for range 1000 {
		name := filepath.Join(dir, prefix+strconv.FormatUint(uint64(rand.Uint32()), 10)+suffix)
		if err = os.Link(path, name); err == nil {
			tracked[name] = true
			return name, nil
		}
		if !errors.Is(err, os.ErrExist) {
			break
		}
	}
	return "", err
}

// Forget stops tracking paths: they were renamed into place, or are to be kept.
func Forget(paths ...string) {
	mu.Lock()
	defer mu.Unlock()
	for _, p := range paths {
		delete(tracked, p)
	}
}

// Remove removes paths (a folder with everything in it) and stops tracking them.
func Remove(paths ...string) {
	for _, p := range paths {
		if p != "" {
			os.RemoveAll(p)
		}
	}
	Forget(paths...)
}

// Hold runs fn with signals held off, for a step that must be done or undone as a whole;
// a signal that arrives meanwhile is acted on once fn returns.
func Hold(fn func() error) error {
	critical.Lock()
	defer critical.Unlock()
	return fn()
}

// Catch makes a private temporary folder for the process (through TMPDIR) and handles SIGINT,
// SIGTERM and SIGHUP until release is called: each removes every tracked file and the private
// folder, writes one line to stderr and exits with 128 plus the signal's number. On a
// terminal (onTerminal) the line first clears whatever progress was being shown. release
// removes the private folder; call it as the process ends normally.
func Catch(stderr io.Writer, onTerminal bool) (release func()) {
	if dir, err := os.MkdirTemp("", "qpr-"); err == nil {
		mu.Lock()
		private = dir
		mu.Unlock()
		os.Setenv("TMPDIR", dir)
	}
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		sig := <-signals
		critical.Lock() // a set of outputs being renamed into place is finished first
		removeAll()
		if onTerminal {
			fmt.Fprint(stderr, "\r\033[K")
		}
		fmt.Fprintf(stderr, "qpr: stopped by %s; temporary files removed, earlier outputs left whole\n", signalName(sig))
		os.Exit(exitCode(sig))
	}()
	return func() {
		signal.Stop(signals)
		mu.Lock()
		defer mu.Unlock()
		removePrivate()
	}
}

// removeAll removes every tracked file and the private folder, and refuses new ones.
func removeAll() {
	mu.Lock()
	defer mu.Unlock()
	stopping = true
	for p := range tracked {
		os.RemoveAll(p)
	}
	clear(tracked)
	removePrivate()
}

// removePrivate removes the private folder; a library may still be writing into it, so a
// file made between listing and removing is caught by trying again.
func removePrivate() {
	if private == "" {
		return
	}
	for range 5 {
		if err := os.RemoveAll(private); err == nil {
			break
		}
	}
	private = ""
}

func signalName(sig os.Signal) string {
	switch sig {
	case os.Interrupt:
		return "SIGINT (interrupt)"
	case syscall.SIGTERM:
		return "SIGTERM"
	case syscall.SIGHUP:
		return "SIGHUP (hang-up)"
	}
	return sig.String()
}

// exitCode is the shell's convention for a process ended by a signal: 128 plus its number.
func exitCode(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 1
}
