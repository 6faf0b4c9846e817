package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// badDataDir holds broken data inputs, each beside a .want file with the exact messages a user
// gets from reading it and matching it to testCatalogue, one per line, warnings marked.
const badDataDir = "../../testdata/bad/data"

func TestBadDataInputs(t *testing.T) {
	entries, err := os.ReadDir(badDataDir)
	if err != nil {
		t.Fatal(err)
	}
	inputs := map[string]string{} // case name -> input path
	wants := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, ".want") {
			wants[strings.TrimSuffix(name, ".want")] = true
			continue
		}
		inputs[strings.TrimSuffix(name, filepath.Ext(name))] = filepath.Join(badDataDir, name)
	}
	if len(inputs) < 12 {
		t.Errorf("only %d broken inputs; the suite promises at least 12", len(inputs))
	}
	for name := range wants {
		if inputs[name] == "" {
			t.Errorf("%s.want has no input beside it", name)
		}
	}
	for name, path := range inputs {
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(badDataDir, name+".want"))
			if err != nil {
				t.Fatalf("no expected messages: %v", err)
			}
			ds, probs := Read([]string{path}, april)
			_, matchProbs := Match(ds, testCatalogue())
			got := append(messages(probs, badDataDir), messages(matchProbs, badDataDir)...)
			assertMessages(t, got, strings.Split(strings.TrimRight(string(want), "\n"), "\n"))
		})
	}
}
