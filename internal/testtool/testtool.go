// Package testtool lets a test that needs an outside program say plainly when it cannot run:
// on a developer's machine it skips with the reason and the install command; under CI (CI=true,
// as GitHub Actions and GitLab CI set it) a missing program fails the test, so a green CI run
// means every test ran.
package testtool

import (
	"os"
	"os/exec"
	"strconv"
	"testing"
)

// Need returns the path of the program name, or stops the test: skipped locally, failed in CI.
// install says how to get it, e.g. "apt-get install poppler-utils".
func Need(t testing.TB, name, install string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	msg := name + " is not installed (" + install + "), so this test cannot run"
	if InCI() {
		t.Fatal(msg + "; under CI every test must run")
	}
	t.Skip(msg)
	return ""
}

// InCI says the tests run under continuous integration: CI set to a true value.
func InCI() bool {
	v, err := strconv.ParseBool(os.Getenv("CI"))
	return err == nil && v
}
