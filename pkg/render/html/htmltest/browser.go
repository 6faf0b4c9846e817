// Package htmltest opens a rendered HTML report in a real headless Chromium for tests: it
// runs the axe-core accessibility checks, measures reflow at a given width, reads the heading
// outline and records every network request the page attempts. One browser serves a whole
// test binary; each page is its own tab.
//
// What it needs, and where it looks:
//   - Chromium: $QPR_CHROMIUM, else chromium, chromium-browser, google-chrome or
//     google-chrome-stable on the PATH (Debian: apt-get install chromium).
//   - axe-core's axe.min.js: $QPR_AXE, else .cache/axe/node_modules/axe-core/axe.min.js at
//     the repository root (npm install --no-save --prefix .cache/axe axe-core@AxeVersion).
package htmltest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// AxeVersion is the axe-core release the tests are written against; .ci/run installs it.
const AxeVersion = "4.14.1"

// AxeTags are the WCAG 2.2 AA rule sets every page must pass.
var AxeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// Missing says that a tool the browser tests need is not installed, and how to install it.
type Missing struct {
	What, Install string
}

func (m *Missing) Error() string { return m.What + " not found; " + m.Install }

// FindChromium is the browser's path, or a *Missing.
func FindChromium() (string, error) {
	if p := os.Getenv("QPR_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", &Missing{What: "Chromium at $QPR_CHROMIUM (" + p + ")", Install: "point QPR_CHROMIUM at a Chromium or Chrome binary"}
		}
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", &Missing{What: "Chromium", Install: "install it (Debian: apt-get install chromium) or set QPR_CHROMIUM to its path"}
}

// FindAxe is the path of axe.min.js, or a *Missing.
func FindAxe() (string, error) {
	if p := os.Getenv("QPR_AXE"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", &Missing{What: "axe-core at $QPR_AXE (" + p + ")", Install: "point QPR_AXE at axe-core's axe.min.js"}
		}
		return p, nil
	}
	if root, ok := repoRoot(); ok {
		p := filepath.Join(root, ".cache", "axe", "node_modules", "axe-core", "axe.min.js")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", &Missing{What: "axe-core's axe.min.js", Install: "run `npm install --no-save --prefix .cache/axe axe-core@" + AxeVersion + "` at the repository root (make browser-deps), or set QPR_AXE to axe.min.js"}
}

// repoRoot is the nearest folder above the working directory that holds go.mod.
func repoRoot() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Browser is one headless Chromium process.
type Browser struct {
	ctx    context.Context // the browser's first tab; new tabs derive from it
	cancel func()
	axe    string
	tmp    string
}

// Start launches Chromium headless. It runs without the sandbox, as CI containers run it as
// root, where the sandbox cannot start; the pages it opens are the tests' own.
func Start() (*Browser, error) {
	exe, err := FindChromium()
	if err != nil {
		return nil, err
	}
	axePath, err := FindAxe()
	if err != nil {
		return nil, err
	}
	axe, err := os.ReadFile(axePath)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", axePath, err)
	}
	tmp, err := os.MkdirTemp("", "qpr-chromium-")
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.UserDataDir(tmp),
		chromedp.Flag("hide-scrollbars", false),
		chromedp.Flag("font-render-hinting", "none"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	b := &Browser{ctx: ctx, axe: string(axe), tmp: tmp, cancel: func() { cancelCtx(); cancelAlloc() }}
	if err := chromedp.Do(ctx); err != nil {
		b.Close()
		return nil, fmt.Errorf("starting %s: %w", exe, err)
	}
	return b, nil
}

// Close stops the browser and removes its profile folder.
func (b *Browser) Close() {
	b.cancel()
	// Chromium's helpers may still write to the profile for a moment after it stops.
	for range 50 {
		if err := os.RemoveAll(b.tmp); err == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

var (
	shared     *Browser
	sharedErr  error
	sharedOnce sync.Once
)

// Shared is the test binary's one browser, started on first use. When Chromium or axe-core is
// missing the test is skipped with what to install, except under CI=true, where it fails: CI
// installs both, so a missing one means the checks did not run.
func Shared(t testing.TB) *Browser {
	t.Helper()
	sharedOnce.Do(func() { shared, sharedErr = Start() })
	if sharedErr != nil {
		var m *Missing
		if errors.As(sharedErr, &m) && os.Getenv("CI") != "true" {
			t.Skipf("browser test skipped: %v", sharedErr)
		}
		t.Fatalf("browser test cannot run: %v", sharedErr)
	}
	return shared
}

// Main runs the tests and then stops the shared browser, for TestMain.
func Main(m *testing.M) int {
	code := m.Run()
	if shared != nil {
		shared.Close()
	}
	return code
}
