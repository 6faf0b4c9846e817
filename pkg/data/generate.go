package data

// The broken workbooks among the test inputs are generated, so their content can be read in
// the generator; the csv inputs beside them are written by hand.
//go:generate go run ./internal/genfixtures ../../testdata/bad/data
