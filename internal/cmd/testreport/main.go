// Command testreport reads `go test -json` on stdin and prints what `go test` prints (a line
// per package, the output of what failed), plus one line for every test that was skipped with
// its reason, so a test that could not run is never silent in `make test`. It exits 1 when
// anything failed.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// event is one line of `go test -json` (cmd/test2json).
type event struct {
	Action  string
	Package string
	Test    string
	Elapsed float64
	Output  string
}

func main() {
	failed, err := report(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testreport:", err)
		os.Exit(1)
	}
	if failed {
		os.Exit(1)
	}
}

func report(in io.Reader, out io.Writer) (failed bool, err error) {
	output := map[string][]string{} // package + "\x00" + test -> its output lines
	var skips []string
	var passed, failedTests int
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			// Not an event (a build error printed as text): pass it through.
			fmt.Fprintln(out, sc.Text())
			continue
		}
		key := e.Package + "\x00" + e.Test
		switch e.Action {
		case "output":
			output[key] = append(output[key], e.Output)
		case "build-output":
			fmt.Fprint(out, e.Output)
		case "skip":
			if e.Test != "" {
				skips = append(skips, fmt.Sprintf("SKIP %s %s: %s", e.Package, e.Test, reason(output[key])))
			}
			delete(output, key)
		case "pass":
			if e.Test != "" {
				passed++
			}
			if e.Test == "" {
				fmt.Fprintf(out, "ok  \t%s\t%.3fs\n", e.Package, e.Elapsed)
			}
			delete(output, key)
		case "fail":
			failed = true
			if e.Test != "" {
				failedTests++
			}
			if e.Test == "" {
				// A package's own output ends with go test's FAIL line for it.
				text := strings.Join(output[key], "")
				fmt.Fprint(out, text)
				if !strings.Contains(text, "FAIL\t"+e.Package) {
					fmt.Fprintf(out, "FAIL\t%s\t%.3fs\n", e.Package, e.Elapsed)
				}
			} else {
				fmt.Fprint(out, strings.Join(output[key], ""))
			}
			delete(output, key)
		}
	}
	if err := sc.Err(); err != nil {
		return true, err
	}
	for _, s := range skips {
		fmt.Fprintln(out, s)
	}
	// The plain closing line CI and people read; subtests count as tests.
	fmt.Fprintf(out, "tests: %d passed, %d failed, %d skipped\n", passed, failedTests, len(skips))
	return failed, nil
}

// reason is the message a skipped test gave: its last output line other than the
// "--- SKIP" line and the "=== RUN" line.
func reason(lines []string) string {
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if l == "" || strings.HasPrefix(l, "--- SKIP") || strings.HasPrefix(l, "=== ") {
			continue
		}
		// t.Skip's output is "file_test.go:12: message".
		if _, msg, ok := strings.Cut(l, ": "); ok && strings.Contains(l[:strings.Index(l, ": ")], "_test.go:") {
			return msg
		}
		return l
	}
	return "(no reason given)"
}
