package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/example/qpr/internal/synthproject"
	"github.com/example/qpr/pkg/render"
)

// TestSignalStopsABuildCleanly sends SIGINT and SIGTERM to a qpr process while it is writing
// its outputs: it must exit 130 or 143 with one line saying it was stopped, leave no
// temporary file (neither beside the outputs nor in the temporary folder) and leave the
// earlier build's outputs byte for byte as they were (docs/commands.md).
func TestSignalStopsABuildCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds qpr and a large project")
	}
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no SIGINT or SIGTERM to send to another process")
	}
	bin := filepath.Join(t.TempDir(), "qpr")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	project := t.TempDir()
	// Large enough that the build is still rendering well after its first output is staged.
	if err := synthproject.Write(project, 1500, 20, true); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(project, "out")
	qpr := func(epoch string) *exec.Cmd {
		cmd := exec.Command(bin, "build", "--catalogue", "catalogue.yaml", "--data", "data", "--out", out, "--quiet")
		cmd.Dir = project
		cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH="+epoch)
		return cmd
	}
	first := qpr("1600000000")
	firstTmp := t.TempDir()
	first.Env = append(first.Env, "TMPDIR="+firstTmp)
	if b, err := first.CombinedOutput(); err != nil {
		t.Fatalf("the first build failed: %v\n%s", err, b)
	}
	if left, _ := os.ReadDir(firstTmp); len(left) != 0 {
		t.Errorf("a build that ended normally left %s in the temporary folder", left[0].Name())
	}
	earlier := readFiles(t, out)
	if top, _ := os.ReadDir(out); len(top) != 9*len(render.Defaults()) {
		t.Fatalf("the first build wrote %d outputs, want %d: 9 packs in every default format", len(top), 9*len(render.Defaults()))
	}

	for _, c := range []struct {
		sig  syscall.Signal
		code int
		name string
	}{{syscall.SIGINT, 130, "SIGINT"}, {syscall.SIGTERM, 143, "SIGTERM"}} {
		t.Run(c.name, func(t *testing.T) {
			tmp := t.TempDir()
			// A different date: had any output been replaced, its bytes would differ.
			cmd := qpr("1700000000")
			cmd.Env = append(cmd.Env, "TMPDIR="+tmp)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			if !waitForTemporary(out, 30*time.Second) {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("no temporary output appeared while the build ran; stderr:\n%s", stderr.String())
			}
			if err := cmd.Process.Signal(c.sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != c.code {
				t.Fatalf("stopped by %s: %v, want exit code %d; stderr:\n%s", c.name, err, c.code, stderr.String())
			}
			lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
			last := lines[len(lines)-1]
			if !strings.HasPrefix(last, "qpr: stopped by "+c.name) || strings.Count(stderr.String(), "stopped") != 1 {
				t.Errorf("stderr should end with one line saying qpr was stopped by %s:\n%s", c.name, stderr.String())
			}
			after := readFiles(t, out)
			for name, b := range earlier {
				if !bytes.Equal(after[name], b) {
					t.Errorf("%s is not the earlier build's", name)
				}
			}
			for name := range after {
				if _, ok := earlier[name]; !ok {
					t.Errorf("%s left in the output folder", name)
				}
			}
			if left, _ := os.ReadDir(tmp); len(left) != 0 {
				t.Errorf("%d files left in the temporary folder, first %s", len(left), left[0].Name())
			}
		})
	}
}

// waitForTemporary polls dir until a staged output (.name.n.tmp) is in it.
func waitForTemporary(dir string, limit time.Duration) bool {
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") && strings.HasSuffix(e.Name(), ".tmp") {
				return true
			}
		}
	}
	return false
}

// readFiles is every file in dir (hidden ones too) by its path under dir, the pages of an
// output that is a folder included.
func readFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		out[rel] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
