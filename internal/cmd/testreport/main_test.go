package main

import (
	"strings"
	"testing"
)

func TestReportListsSkipsWithTheirReasonAndFailsOnAFailure(t *testing.T) {
	in := strings.Join([]string{
		`{"Action":"run","Package":"p","Test":"TestA"}`,
		`{"Action":"output","Package":"p","Test":"TestA","Output":"=== RUN   TestA\n"}`,
		`{"Action":"output","Package":"p","Test":"TestA","Output":"    a_test.go:9: pdftotext is not installed (apt-get install poppler-utils), so this test cannot run\n"}`,
		`{"Action":"output","Package":"p","Test":"TestA","Output":"--- SKIP: TestA (0.00s)\n"}`,
		`{"Action":"skip","Package":"p","Test":"TestA"}`,
		`{"Action":"pass","Package":"p","Test":"TestC"}`,
		`{"Action":"pass","Package":"p","Elapsed":0.5}`,
		`{"Action":"output","Package":"q","Test":"TestB","Output":"    b_test.go:3: got 2, want 3\n"}`,
		`{"Action":"fail","Package":"q","Test":"TestB"}`,
		`{"Action":"fail","Package":"q","Elapsed":0.25}`,
	}, "\n")
	var out strings.Builder
	failed, err := report(strings.NewReader(in), &out)
	if err != nil {
		t.Fatal(err)
	}
	if !failed {
		t.Error("a failed test must fail the report")
	}
	for _, want := range []string{
		"ok  \tp\t0.500s\n",
		"b_test.go:3: got 2, want 3\n",
		"FAIL\tq\t0.250s\n",
		"tests: 1 passed, 1 failed, 1 skipped\n",
		"SKIP p TestA: pdftotext is not installed (apt-get install poppler-utils), so this test cannot run\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
