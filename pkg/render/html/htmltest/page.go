package htmltest

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// DocURL is where a page's document appears to come from. The browser never reaches it: every
// request the tab makes is intercepted, this one answered with the document, any other
// recorded and refused.
const DocURL = "http://qpr.test/report.html"

// Page is one tab holding one document.
type Page struct {
	ctx    context.Context
	cancel func()

	mu      sync.Mutex
	outside []string // requests for anything but the document itself
}

// Open loads doc in a new tab whose viewport is width CSS pixels wide.
func (b *Browser) Open(doc []byte, width int) (*Page, error) {
	ctx, cancel := chromedp.NewContext(b.ctx)
	p := &Page{ctx: ctx, cancel: cancel}
	// The first Run opens the tab; interception is on before anything is requested.
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}})
		return err
	}))
	if err != nil {
		cancel()
		return nil, fmt.Errorf("opening a tab: %w", err)
	}
	paused := chromedp.Events(ctx, fetch.RequestPaused)
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			p.answer(ev, doc)
		}
	}()
	load := chromedp.Steps(chromedp.EmulateViewport(int64(width), 900), chromedp.Navigate(DocURL))
	if err := p.run(load, time.Minute); err != nil {
		cancel()
		return nil, fmt.Errorf("loading the document: %w", err)
	}
	return p, nil
}

func (p *Page) answer(ev fetch.EventRequestPaused, doc []byte) {
	call := func(f func(ctx context.Context, t *chromedp.Target) error) {
		_ = chromedp.Do(p.ctx, chromedp.Func(f))
	}
	if ev.Request != nil && ev.Request.URL == DocURL {
		call(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, fetch.FulfillRequest, fetch.FulfillRequestParams{
				RequestID: ev.RequestID, ResponseCode: 200, Body: doc,
				ResponseHeaders: []*fetch.HeaderEntry{{Name: "Content-Type", Value: "text/html; charset=utf-8"}},
			})
			return err
		})
		return
	}
	url := "(no URL)"
	if ev.Request != nil {
		url = ev.Request.URL
	}
	p.mu.Lock()
	p.outside = append(p.outside, url)
	p.mu.Unlock()
	call(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
		return err
	})
}

// Close closes the tab.
func (p *Page) Close() { p.cancel() }

// run runs an action with a time limit.
func (p *Page) run(a chromedp.Action[chromedp.Void], limit time.Duration) error {
	ctx, cancel := context.WithTimeout(p.ctx, limit)
	defer cancel()
	return chromedp.Do(ctx, a)
}

// Eval evaluates a JavaScript expression (a promise is awaited) and decodes its JSON value.
func Eval[T any](p *Page, expr string) (T, error) {
	// axe-core over a 200-indicator page takes about 20 s on a quiet machine and over two
	// minutes on a loaded one; the limit is for a browser that has hung, not a slow one.
	ctx, cancel := context.WithTimeout(p.ctx, 8*time.Minute)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// Outside lists the requests the page attempted for anything other than its own document.
func (p *Page) Outside() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.outside...)
}

// SetWidth resizes the viewport to width CSS pixels.
func (p *Page) SetWidth(width int) error {
	return p.run(chromedp.EmulateViewport(int64(width), 900), 30*time.Second)
}

// Widths are the document's full scroll width and the viewport's width, in CSS pixels.
type Widths struct {
	Document int `json:"document"`
	Viewport int `json:"viewport"`
}

// Widths measures whether the page scrolls sideways: Document > Viewport means it does.
func (p *Page) Widths() (Widths, error) {
	return Eval[Widths](p, `({document: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth})`)
}

// Heading is one heading of the document, in document order.
type Heading struct {
	Level int    `json:"level"`
	Text  string `json:"text"`
	ID    string `json:"id"`
}

// Headings lists the document's h1 to h6.
func (p *Page) Headings() ([]Heading, error) {
	return Eval[[]Heading](p, `[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => ({level: +h.tagName[1], text: h.textContent.replace(/\s+/g, ' ').trim(), id: h.id}))`)
}

// Violation is one axe rule that failed, with the elements that fail it.
type Violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []string `json:"target"`
		HTML    string   `json:"html"`
		Summary string   `json:"failureSummary"`
	} `json:"nodes"`
}

func (v Violation) String() string {
	s := fmt.Sprintf("%s (%s): %s, %d element(s)", v.ID, v.Impact, v.Help, len(v.Nodes))
	for i, n := range v.Nodes {
		if i == 3 {
			s += fmt.Sprintf("\n    ... and %d more", len(v.Nodes)-3)
			break
		}
		s += fmt.Sprintf("\n    %v %s\n      %s", n.Target, n.HTML, n.Summary)
	}
	return s
}

// Axe injects axe-core and runs the rules with the given tags over the whole document.
func (p *Page) Axe(b *Browser, tags []string) ([]Violation, error) {
	if _, err := Eval[chromedp.Void](p, b.axe); err != nil {
		return nil, fmt.Errorf("injecting axe-core: %w", err)
	}
	tagList, _ := json.Marshal(tags)
	expr := `axe.run(document, {runOnly: {type: 'tag', values: ` + string(tagList) + `}, resultTypes: ['violations']}).then(r => r.violations)`
	return Eval[[]Violation](p, expr)
}

// Screenshot is a PNG of the whole page at the current width.
func (p *Page) Screenshot() ([]byte, error) {
	ctx, cancel := context.WithTimeout(p.ctx, time.Minute)
	defer cancel()
	return chromedp.Run(ctx, chromedp.FullScreenshot(100))
}

// ScreenshotAt is a PNG of the viewport scrolled so that the element with the given id is at
// its top ("" for the top of the page).
func (p *Page) ScreenshotAt(id string) ([]byte, error) {
	script := `window.scrollTo(0, 0)`
	if id != "" {
		idJSON, _ := json.Marshal(id)
		script = `document.getElementById(` + string(idJSON) + `).scrollIntoView()`
	}
	if _, err := Eval[chromedp.Void](p, script); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(p.ctx, time.Minute)
	defer cancel()
	return chromedp.Run(ctx, chromedp.CaptureScreenshot())
}

// SetMedia emulates a CSS media type ("print", "screen"; "" for none).
func (p *Page) SetMedia(media string) error {
	return p.run(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	}), 30*time.Second)
}

// SetForcedColors emulates a Windows contrast theme (forced-colors: active, with a dark
// preferred scheme, as the common "Night sky" and "Aquatic" themes are), or ends it.
func (p *Page) SetForcedColors(on bool) error {
	var features []*emulation.MediaFeature
	if on {
		features = []*emulation.MediaFeature{{Name: "forced-colors", Value: "active"}, {Name: "prefers-color-scheme", Value: "dark"}}
	}
	return p.run(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: features})
		return err
	}), 30*time.Second)
}
