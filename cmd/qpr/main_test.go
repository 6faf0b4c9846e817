package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"qpr": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the acceptance tests in testdata/script: each is a txtar file of qpr
// commands run as a user would, with $EXAMPLE a fresh copy of the example project.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			dst := filepath.Join(env.WorkDir, "example")
			env.Setenv("EXAMPLE", dst)
			return os.CopyFS(dst, os.DirFS(filepath.Join("..", "..", "testdata", "example")))
		},
	})
}
