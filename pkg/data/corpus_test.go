package data

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/period"
)

// corpusDir holds data files written by the programs analysts use (openpyxl, xlsxwriter,
// pandas with both engines, LibreOffice, Gnumeric and Excel's csv flavours), made by
// testdata/corpus/make.sh, with manifest.json saying what each holds: the values typed into
// the script that wrote it, and the messages the documentation promises for it.
const corpusDir = "../../testdata/corpus"

type corpusFile struct {
	File     string
	Writer   string
	Values   [][4]any // code, period label, value (null: missing), note
	Messages []string
}

func TestCorpusOfRealWriters(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(corpusDir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var manifest struct{ Files []corpusFile }
	if err := json.Unmarshal(raw, &manifest); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(corpusDir, "files", "*"))
	if len(files) != len(manifest.Files) || len(files) < 20 {
		t.Errorf("%d files in the corpus, %d in the manifest", len(files), len(manifest.Files))
	}
	dir := filepath.Join(corpusDir, "files")
	for _, f := range manifest.Files {
		t.Run(f.File, func(t *testing.T) {
			ds, probs := Read([]string{filepath.Join(dir, f.File)}, april)
			assertMessages(t, messages(probs, dir), f.Messages)
			var got []string
			for _, o := range ds.Observations() {
				got = append(got, corpusLine(o.Code, periodLabel(o.Period), o.Value, o.Missing, o.Note))
			}
			var want []string
			for _, v := range f.Values {
				value, missing := 0.0, v[2] == nil
				if !missing {
					value = v[2].(float64)
				}
				want = append(want, corpusLine(v[0].(string), v[1].(string), value, missing, v[3].(string)))
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s (written by %s), values:\n got %s\nwant %s", f.File, f.Writer, strings.Join(got, "\n     "), strings.Join(want, "\n     "))
			}
		})
	}
}

func corpusLine(code, period string, value float64, missing bool, note string) string {
	v := fmt.Sprint(value)
	if missing {
		v = "missing"
	}
	return fmt.Sprintf("%s %s %s %q", code, period, v, note)
}

func periodLabel(p period.Period) string {
	if p.Kind == period.KindMonth {
		return p.Month.String()
	}
	return april.Label(p.Quarter)
}
