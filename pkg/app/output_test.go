package app

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/report"
)

// files is a folder's regular files by name.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		if e.Type().IsRegular() {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			out[e.Name()] = string(b)
		}
	}
	return out
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// stageAll stages each name with new content.
func stageAll(t *testing.T, dir string, names ...string) []staged {
	t.Helper()
	var out []staged
	for _, n := range names {
		s, err := stage(filepath.Join(dir, n), []byte("new "+n))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

func TestPublishReplacesEveryOutput(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.pdf"), "old a.pdf")
	if err := publish(stageAll(t, dir, "a.pdf", "a.xlsx")); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a.pdf": "new a.pdf", "a.xlsx": "new a.xlsx"}
	if got := files(t, dir); !sameFiles(got, want) {
		t.Errorf("folder holds %q, want %q (nothing else: no temporary or kept files)", got, want)
	}
}

// A rename that fails part way puts back the outputs already renamed: the folder holds the
// earlier build's files, not a mix of two builds.
func TestPublishFailingPartWayPutsEarlierOutputsBack(t *testing.T) {
	dir := t.TempDir()
	earlier := map[string]string{"a.pdf": "old a.pdf", "a.xlsx": "old a.xlsx", "a.json": "old a.json"}
	for n, text := range earlier {
		write(t, filepath.Join(dir, n), text)
	}
	// b.pdf had no earlier file: putting back means removing it.
	s := stageAll(t, dir, "a.pdf", "b.pdf", "a.xlsx", "a.json")
	// The third rename fails: its staged file has gone.
	if err := os.Remove(s[2].tmp); err != nil {
		t.Fatal(err)
	}
	err := publish(s)
	if err == nil {
		t.Fatal("publish succeeded with a staged file missing")
	}
	if !strings.Contains(err.Error(), "a.xlsx") {
		t.Errorf("error %q does not name a.xlsx", err)
	}
	if got := files(t, dir); !sameFiles(got, earlier) {
		t.Errorf("after the failure the folder holds %q, want the earlier build %q", got, earlier)
	}
}

// A folder in the way of an output is found before any output is renamed.
func TestPublishChecksEveryDestinationFirst(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.pdf"), "old a.pdf")
	if err := os.Mkdir(filepath.Join(dir, "a.xlsx"), 0o755); err != nil {
		t.Fatal(err)
	}
	err := publish(stageAll(t, dir, "a.pdf", "a.xlsx"))
	want := filepath.Join(dir, "a.xlsx") + ": is a folder, so this output cannot be written there; move the folder away, or choose another --out"
	if err == nil || err.Error() != want {
		t.Fatalf("error %v, want %q", err, want)
	}
	if got, want := files(t, dir), map[string]string{"a.pdf": "old a.pdf"}; !sameFiles(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}

func TestStageWithRemovesItsFileWhenTheRendererFails(t *testing.T) {
	dir := t.TempDir()
	boom := errors.New("boom")
	_, err := stageWith(filepath.Join(dir, "a.pdf"), func(w io.Writer) error {
		io.WriteString(w, "half a document")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("error %v, want the renderer's own", err)
	}
	if got := files(t, dir); len(got) != 0 {
		t.Errorf("a failed render left %q", got)
	}
}

func TestStageWithPlacesAFileThatCannotBeWritten(t *testing.T) {
	_, err := stageWith(filepath.Join(t.TempDir(), "no-such-folder", "a.pdf"), func(w io.Writer) error { return nil })
	if err == nil || !strings.Contains(err.Error(), filepath.Join("no-such-folder", "a.pdf")+": cannot write: ") {
		t.Errorf("error %v, want one placed at a.pdf", err)
	}
}

func sameFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// countingPlan plans a build of packs in three formats, counting its reports and renders.
type countingPlan struct {
	builds    atomic.Int32
	rendering atomic.Int32
	mu        sync.Mutex
	most      int32
	fail      map[string]error // by output file name
}

func (c *countingPlan) plan(dir string, packs, workers int) outputPlan {
	var ps []catalogue.Pack
	for i := range packs {
		ps = append(ps, catalogue.Pack{ID: fmt.Sprintf("p%d", i)})
	}
	return outputPlan{
		packs:   ps,
		formats: []string{"pdf", "xlsx", "json"},
		out:     dir,
		workers: workers,
		build: func(p catalogue.Pack) (*report.Report, error) {
			c.builds.Add(1)
			return &report.Report{Pack: report.PackRef{ID: p.ID}, FileLabel: "2023-24-Q2"}, nil
		},
		render: func(w io.Writer, format string, r *report.Report) error {
			now := c.rendering.Add(1)
			defer c.rendering.Add(-1)
			c.mu.Lock()
			c.most = max(c.most, now)
			c.mu.Unlock()
			time.Sleep(2 * time.Millisecond) // long enough for the others to start
			name := r.Pack.ID + "-" + r.FileLabel + "." + format
			if err := c.fail[name]; err != nil {
				return err
			}
			_, err := io.WriteString(w, name)
			return err
		},
		progress: newProgress(Streams{Err: io.Discard}, true, packs*3),
	}
}

func TestRenderOutputsRunsAFewAtATimeInOrder(t *testing.T) {
	dir := t.TempDir()
	var c countingPlan
	staged, err := renderOutputs(c.plan(dir, 12, 3))
	if err != nil {
		t.Fatal(err)
	}
	if c.most > 3 {
		t.Errorf("%d outputs rendered at once, want at most 3", c.most)
	}
	if c.builds.Load() != 12 {
		t.Errorf("%d reports built for 12 packs, want each once", c.builds.Load())
	}
	var names []string
	for _, s := range staged {
		names = append(names, filepath.Base(s.path))
		b, err := os.ReadFile(s.tmp)
		if err != nil || string(b) != filepath.Base(s.path) {
			t.Errorf("%s staged as %q (%v)", s.path, b, err)
		}
	}
	if names[0] != "p0-2023-24-Q2.pdf" || names[1] != "p0-2023-24-Q2.xlsx" || names[3] != "p1-2023-24-Q2.pdf" || len(names) != 36 {
		t.Errorf("outputs in order %v, want pack by pack, formats as given", names)
	}
	discard(staged)
}

// A failure stops the build, leaves no staged file and is the first failing output in order,
// whichever finished first.
func TestRenderOutputsStopsAtAFailure(t *testing.T) {
	for range 20 {
		dir := t.TempDir()
		c := countingPlan{fail: map[string]error{
			"p1-2023-24-Q2.xlsx": errors.New("first"),
			"p1-2023-24-Q2.json": errors.New("second"),
		}}
		_, err := renderOutputs(c.plan(dir, 40, 2))
		if err == nil || !strings.Contains(err.Error(), "first") || !strings.Contains(err.Error(), "p1-2023-24-Q2.xlsx") {
			t.Fatalf("error %v, want the first failure, placed at its file", err)
		}
		if got := files(t, dir); len(got) != 0 {
			t.Fatalf("a failed build left %v", slices.Sorted(maps.Keys(got)))
		}
		if c.builds.Load() >= 40 {
			t.Errorf("all 40 packs were built although the second failed")
		}
	}
}

// Outputs render together only while their estimated memory fits the budget; one larger
// than the budget renders alone, and every output is still written.
func TestRenderOutputsKeepsWithinTheMemoryBudget(t *testing.T) {
	weights := map[string]int64{"pdf": 5, "xlsx": 3, "json": 1}
	for range 10 {
		dir := t.TempDir()
		var c countingPlan
		p := c.plan(dir, 6, 3)
		p.weight = func(pack int, format string) int64 {
			if pack == 2 && format == "pdf" {
				return 9 // larger than the budget
			}
			return weights[format]
		}
		p.budget = 6
		var mu sync.Mutex
		var held, most int64
		var beside []string
		inner := p.render
		p.render = func(w io.Writer, format string, r *report.Report) error {
			pack, _ := strconv.Atoi(strings.TrimPrefix(r.Pack.ID, "p"))
			wt := p.weight(pack, format)
			mu.Lock()
			if wt > p.budget && held > 0 {
				beside = append(beside, r.Pack.ID+" "+format)
			}
			held += wt
			if wt <= p.budget {
				most = max(most, held)
			}
			mu.Unlock()
			defer func() { mu.Lock(); held -= wt; mu.Unlock() }()
			return inner(w, format, r)
		}
		staged, err := renderOutputs(p)
		if err != nil {
			t.Fatal(err)
		}
		if most > 6 {
			t.Fatalf("outputs of %d weight rendered at once, want at most the budget of 6", most)
		}
		if len(beside) > 0 {
			t.Fatalf("%v rendered beside another output although larger than the budget", beside)
		}
		if len(staged) != 18 || c.builds.Load() != 6 {
			t.Fatalf("%d outputs from %d reports, want 18 from 6", len(staged), c.builds.Load())
		}
		discard(staged)
	}
}

// stagePages stages a folder at dir/name holding the pages given, each holding its name.
func stagePages(t *testing.T, dir, name string, pages ...string) staged {
	t.Helper()
	s, err := stageFolder(filepath.Join(dir, name), func(c fileCreator) error {
		for _, p := range pages {
			w, err := c.Create(p)
			if err != nil {
				return err
			}
			if _, err := w.Write([]byte("new " + p)); err != nil {
				return err
			}
			if err := w.Close(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// An output that is a folder replaces an earlier folder whole (no page of the earlier build
// is left among the new ones) and the same report written before as one file; and the other
// way round. Nothing temporary is left beside them.
func TestPublishFolderReplacesEitherForm(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "r.html"), "old r.html")
	if err := publish([]staged{stagePages(t, dir, "r", "index.html", "d1.html"), removal(filepath.Join(dir, "r.html"), false)}); err != nil {
		t.Fatal(err)
	}
	if got := files(t, dir); len(got) != 0 {
		t.Errorf("beside the folder are %q, want nothing (the earlier r.html removed)", got)
	}
	if got, want := files(t, filepath.Join(dir, "r")), map[string]string{"index.html": "new index.html", "d1.html": "new d1.html"}; !sameFiles(got, want) {
		t.Errorf("the folder holds %q, want %q", got, want)
	}

	// a smaller folder: the earlier d1.html goes with the earlier folder
	if err := publish([]staged{stagePages(t, dir, "r", "index.html"), removal(filepath.Join(dir, "r.html"), false)}); err != nil {
		t.Fatal(err)
	}
	if got, want := files(t, filepath.Join(dir, "r")), map[string]string{"index.html": "new index.html"}; !sameFiles(got, want) {
		t.Errorf("the rebuilt folder holds %q, want %q", got, want)
	}

	// one file again: the folder goes
	s, err := stage(filepath.Join(dir, "r.html"), []byte("new r.html"))
	if err != nil {
		t.Fatal(err)
	}
	if err := publish([]staged{s, removal(filepath.Join(dir, "r"), true)}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "r.html" {
		t.Errorf("the folder holds %v, want only r.html", entries)
	}
}
