// Package qpr holds what the qpr binary carries with it from the repository root: the example
// project, which `qpr init` writes out and the tests build.
package qpr

import "embed"

// Example is the example project (testdata/example): qpr.yaml, catalogue.yaml, data/ and
// comparators/.
//
//go:embed testdata/example
var Example embed.FS

// ExampleRoot is the folder inside Example that holds the project.
const ExampleRoot = "testdata/example"
