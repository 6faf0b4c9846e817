package catalogue

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/example/qpr/internal/synthproject"
)

// yamlV3Document is the tree yaml.v3 reads src into, as document does without the quick path,
// or false when yaml.v3 finds an error, nothing, or more than one document.
func yamlV3Document(src []byte) (*yaml.Node, bool) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc, extra yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, false
	}
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, false
	}
	return &doc, true
}

// sameTree says where two trees first differ in anything but comments, or "" when they agree.
func sameTree(path string, got, want *yaml.Node) string {
	if (got == nil) != (want == nil) {
		return fmt.Sprintf("%s: node %v, want %v", path, got, want)
	}
	if got == nil {
		return ""
	}
	type fields struct {
		Kind         yaml.Kind
		Style        yaml.Style
		Tag, Value   string
		Anchor       string
		Alias        bool
		Line, Column int
		Content      int
	}
	g := fields{got.Kind, got.Style, got.Tag, got.Value, got.Anchor, got.Alias != nil, got.Line, got.Column, len(got.Content)}
	w := fields{want.Kind, want.Style, want.Tag, want.Value, want.Anchor, want.Alias != nil, want.Line, want.Column, len(want.Content)}
	if g != w {
		return fmt.Sprintf("%s: %+v, yaml.v3 %+v", path, g, w)
	}
	for i := range got.Content {
		if d := sameTree(fmt.Sprintf("%s/%d", path, i), got.Content[i], want.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

// checkQuick fails when the quick parser takes src and yaml.v3 does not, or reads it otherwise.
// It reports whether the quick parser took it.
func checkQuick(t testing.TB, name string, src []byte) bool {
	t.Helper()
	quick := quickDocument(src)
	if quick == nil {
		return false
	}
	want, ok := yamlV3Document(src)
	if !ok {
		t.Fatalf("%s: the quick parser took a file yaml.v3 refuses:\n%s", name, src)
	}
	if d := sameTree("doc", quick, want); d != "" {
		t.Fatalf("%s: the quick parser's tree differs from yaml.v3's at %s\n%s", name, d, src)
	}
	return true
}

// quickCorpus is every YAML file of the repository's test data, the example project's and the
// returns' catalogues and the synthetic ones, by name.
func quickCorpus(t testing.TB) map[string][]byte {
	files := map[string][]byte{}
	for _, pattern := range []string{"../../testdata/*/*.yaml", "../../testdata/*/*/*.yaml", "testdata/*.yaml", "testdata/*/*.yaml"} {
		names, _ := filepath.Glob(pattern)
		for _, name := range names {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			files[name] = src
		}
	}
	if len(files) < 20 {
		t.Fatalf("found %d YAML files of test data, expected at least 20", len(files))
	}
	windows := map[string][]byte{} // as saved on Windows
	for name, src := range files {
		windows[name+", with Windows line ends"] = bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))
	}
	maps.Copy(files, windows)
	for _, one := range []bool{false, true} {
		dir := t.TempDir()
		if err := synthproject.WriteIn(dir, 300, 4, map[bool]int{false: 8, true: 1}[one], false); err != nil {
			t.Fatal(err)
		}
		src, err := os.ReadFile(filepath.Join(dir, "catalogue.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		files[fmt.Sprintf("synthetic, one directorate %v", one)] = src
	}
	return files
}

// quickShapes are documents the quick parser is meant to take, each checked against yaml.v3.
var quickShapes = []string{
	"a: 1\n",
	"a: 1\nb: two words\nc: \"quoted: yes, with , and #\"\nd: 'single'\ne: -5\nf: .5\ng: 0x1F\nh: true\ni: ~\nj: null\nk: 2015-04-01\n",
	"a:\n  b: 1\n  c:\n    d: [x, y, 3]\ne: {f: 1, g: [], h: {}}\n",
	"list:\n- a\n- b\nnext: 1\n",
	"list:\n  - a\n  -   b   # comment\n\n  # a comment line\n  - {code: X, name: \"Y\", tags: [qpr, z]}\n",
	"items:\n  - code: A\n    name: Alpha\n    tags: [a]\n  - code: B\n    sub:\n      - 1\n      - 2\n    more:\n    - 3\n",
	"# head\n\n  # indented comment\norganisation: Café £ ñ — “quotes”\nname: \"日本\"\n",
	"expected: {2015/16: {lower: 58.5, upper: 69.2}}\n",
	"a: b#c\nd: http://example.org/x\ne: 10:30\nf: a [b] {c}\n",
	"'quoted key': 1\n\"double key\": 2\n",
	"- a\n- b: 1\n  c: 2\n",
	"a: {x: \"1\" , y: 2 }\n",
	"a: ...\nb: x---\n",
	"a: 1   \nb: 2\n",
	"a: [[1, 2], [3, {b: c}]]\n",
	"a: 1\n# trailing comment\n",
	"a: 1",
	"a: b\r\nc:\r\n  - {d: \"e\", f: [g]}   # comment\r\n\r\n  - h\r\n",
	"a: 1\r\nb: 2\nc: 3\r\n",
}

// quickRefused are documents it must leave to yaml.v3 (each is either an error or a shape it
// does not read); yaml.v3's messages for them are the ones users see.
var quickRefused = []string{
	"", "# only a comment\n", "---\na: 1\n", "a: 1\n---\nb: 2\n", "a: 1\n...\n", "%YAML 1.2\n---\na: 1\n",
	"a:\n", "a:\nb: 1\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "<<: {a: 1}\n", "a: |\n  text\n",
	"a: >\n  text\n", "a: long\n  continued\n", "a: \"esc\\n\"\n", "a: 'it''s'\n", "a: {b: 1,\n  c: 2}\n",
	"a:\tb\n", "a: b\rc: d\n", "a: b\r", "a: b\r\r\n", "\ufeffa: 1\n", "a: {b}\n", "a: {b: }\n", "a: {name: Growth, Environment}\n",
	"a: [b: c]\n", "a: b: c\n", "a: - b\n", "- - a\n", "-\n  a: 1\n", "a: 1\n b: 2\n", "  a: 1\n",
	"a:\n    b: 1\n  c: 2\n", "a : 1\n", "a: \"unclosed\n", "a: {b: 1} x\n", "{a: 1}\n", "a: 😀\n",
	"a: b\u2028c\n", "a: @x\n", "a: `x`\n", "a: ?x\n", "a: {\"b\":1}\n", "a: [1, 2,]\n",
}

func TestQuickYAMLAgrees(t *testing.T) {
	for i, s := range quickShapes {
		if !checkQuick(t, fmt.Sprintf("shape %d", i), []byte(s)) {
			t.Errorf("shape %d was left to yaml.v3; the quick parser is meant to read it:\n%s", i, s)
		}
	}
	for i, s := range quickRefused {
		if quickDocument([]byte(s)) != nil {
			t.Errorf("refused shape %d was read by the quick parser:\n%q", i, s)
		}
	}
	taken := 0
	for name, src := range quickCorpus(t) {
		if checkQuick(t, name, src) {
			taken++
		}
		if strings.HasPrefix(name, "../../testdata/example/catalogue.yaml") || strings.HasPrefix(name, "synthetic") {
			if quickDocument(src) == nil {
				t.Errorf("%s was left to yaml.v3; the quick parser is meant to read it", name)
			}
		}
	}
	t.Logf("the quick parser read %d files of the corpus", taken)
}

// TestQuickYAMLMutated checks the quick parser against yaml.v3 on many small changes to the
// corpus: a byte deleted, one of YAML's characters put in, a line's indentation changed, a
// line doubled or dropped. Whatever the quick parser takes, yaml.v3 must read alike.
func TestQuickYAMLMutated(t *testing.T) {
	corpus := quickCorpus(t)
	rounds := 4000
	if testing.Short() {
		rounds = 400
	}
	r := rand.New(rand.NewPCG(19, 2026))
	names := make([]string, 0, len(corpus))
	for name, src := range corpus {
		if len(src) < 20_000 { // the synthetic catalogues are long; their lines are alike
			names = append(names, name)
		}
	}
	taken := 0
	for round := range rounds {
		name := names[r.IntN(len(names))]
		src := mutate(r, corpus[name], 1+r.IntN(3))
		if checkQuick(t, fmt.Sprintf("%s, mutation %d", name, round), src) {
			taken++
		}
	}
	t.Logf("the quick parser took %d of %d mutated files", taken, rounds)
}

const yamlBytes = " \n-:,#{}[]\"'&*!|>%@`?<~.0aZ\t\r\\"

func mutate(r *rand.Rand, src []byte, times int) []byte {
	out := bytes.Clone(src)
	for range times {
		if len(out) == 0 {
			return append(out, yamlBytes[r.IntN(len(yamlBytes))])
		}
		at := r.IntN(len(out))
		lineStart := bytes.LastIndexByte(out[:at], '\n') + 1
		lineEnd := len(out)
		if i := bytes.IndexByte(out[at:], '\n'); i >= 0 {
			lineEnd = at + i + 1
		}
		switch r.IntN(6) {
		case 0:
			out = append(out[:at], out[at+1:]...)
		case 1, 2:
			out = append(out[:at], append([]byte{yamlBytes[r.IntN(len(yamlBytes))]}, out[at:]...)...)
		case 3:
			out = append(out[:lineStart], append([]byte(strings.Repeat(" ", 1+r.IntN(3))), out[lineStart:]...)...)
		case 4:
			line := bytes.Clone(out[lineStart:lineEnd])
			out = append(out[:lineEnd], append(line, out[lineEnd:]...)...)
		case 5:
			out = append(out[:lineStart], out[lineEnd:]...)
		}
	}
	return out
}

func FuzzQuickYAML(f *testing.F) {
	for _, src := range quickCorpus(f) {
		if len(src) < 20_000 {
			f.Add(src)
		}
	}
	for _, s := range append(quickShapes, quickRefused...) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkQuick(t, "fuzzed", src)
	})
}
