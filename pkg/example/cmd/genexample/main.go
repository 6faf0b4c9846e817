// Command genexample writes the example project that `qpr init` copies and `make demo`
// builds: go run ./pkg/example/cmd/genexample [DIR] (default testdata/example).
package main

import (
	"fmt"
	"os"

	"github.com/example/qpr/pkg/example"
)

func main() {
	dir := "testdata/example"
	switch len(os.Args) {
	case 1:
	case 2:
		dir = os.Args[1]
	default:
		fmt.Fprintln(os.Stderr, "usage: genexample [DIR]   (default testdata/example)")
		os.Exit(2)
	}
	if err := example.Generate(dir); err != nil {
		fmt.Fprintln(os.Stderr, "genexample:", err)
		os.Exit(1)
	}
}
