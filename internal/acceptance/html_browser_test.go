package acceptance_test

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/example/qpr/pkg/render/html/htmltest"
)

// One Chromium serves every browser test of this binary (htmltest.Shared).
func TestMain(m *testing.M) { os.Exit(htmltest.Main(m)) }

// docFacts are what the browser reads of the document's structure in one go.
type docFacts struct {
	Lang       string   `json:"lang"`
	Title      string   `json:"title"`
	H1s        int      `json:"h1s"`
	Banners    int      `json:"banners"`
	Navs       int      `json:"navs"`
	Mains      int      `json:"mains"`
	FirstLink  string   `json:"firstLink"`
	NavLinks   []string `json:"navLinks"`
	Broken     []string `json:"broken"`     // in-page links whose target is missing
	Charts     int      `json:"charts"`     // svg role=img
	Unnamed    []string `json:"unnamed"`    // charts without a name or description
	NoData     []string `json:"noData"`     // charts not followed by their figures as a table
	Uncaptured []string `json:"uncaptured"` // tables without a caption
	Unscoped   int      `json:"unscoped"`   // th without a scope
	Scripts    int      `json:"scripts"`
	Indicators int      `json:"indicators"`
}

const factsScript = `(() => {
  const q = s => [...document.querySelectorAll(s)];
  const named = id => { const e = id && document.getElementById(id); return !!e && e.textContent.trim() !== ''; };
  const first = q('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')[0];
  return {
    lang: document.documentElement.lang,
    title: document.title,
    h1s: q('h1').length,
    banners: q('header').filter(h => !h.closest('main, article, section, nav, aside')).length,
    navs: q('nav').length,
    mains: q('main').length,
    firstLink: first ? first.getAttribute('href') || '' : '',
    navLinks: q('nav a').map(a => a.getAttribute('href')),
    broken: q('a[href^="#"]').map(a => a.getAttribute('href')).filter(h => !document.getElementById(h.slice(1))).slice(0, 5),
    charts: q('svg[role="img"]').length,
    unnamed: q('svg[role="img"]').filter(s => !named(s.getAttribute('aria-labelledby')) || !named(s.getAttribute('aria-describedby'))).map(s => s.outerHTML.slice(0, 80)).slice(0, 5),
    noData: q('svg[role="img"]').filter(s => {
      const d = s.closest('article') && s.closest('article').querySelector('details');
      return !d || !(s.compareDocumentPosition(d) & Node.DOCUMENT_POSITION_FOLLOWING) || !d.querySelector('table');
    }).map(s => s.getAttribute('aria-labelledby')).slice(0, 5),
    uncaptured: q('table').filter(t => !t.caption || t.caption.textContent.trim() === '').map(t => t.id).slice(0, 5),
    unscoped: q('th').filter(th => !th.getAttribute('scope')).length,
    scripts: q('script').length,
    indicators: q('article.indicator').length,
  };
})()`

// TestHTMLInChromium opens the HTML edition of the example's corporate pack and of a
// generated catalogue of 200 indicators in headless Chromium and checks what WCAG 2.2 AA and
// the issue ask of it: no axe-core violations (wcag2a, wcag2aa, wcag21a, wcag21aa,
// wcag22aa); one h1 and no skipped heading level; landmarks, a skip link and a contents
// list that reaches every directorate and indicator; every chart named, described and
// followed by its figures as a table; captioned tables with scoped headers; no page-level
// sideways scrolling at 320 CSS pixels; a visible keyboard focus; a print style without
// the contents and with each directorate on a new page; and no request for anything
// outside the file.
func TestHTMLInChromium(t *testing.T) {
	b := htmltest.Shared(t)
	for _, c := range htmlCases(t) {
		t.Run(c.name, func(t *testing.T) {
			p, err := b.Open(renderHTML(t, c.report), 1280)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()

			f, err := htmltest.Eval[docFacts](p, factsScript)
			if err != nil {
				t.Fatal(err)
			}
			checkStructure(t, f, c)

			h, err := p.Headings()
			if err != nil {
				t.Fatal(err)
			}
			checkHeadings(t, h)

			start := time.Now()
			v, err := p.Axe(b, htmltest.AxeTags)
			t.Logf("axe took %v", time.Since(start))
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range v {
				t.Errorf("axe: %s", v)
			}

			checkFocus(t, p)
			checkOneCellRows(t, p)
			checkReflow(t, p, 320)
			checkTableBoxes(t, p)
			checkPrint(t, p)
			checkForcedColours(t, p, c.name)

			if out := p.Outside(); len(out) > 0 {
				t.Errorf("the page asked for %d things outside the file: %v", len(out), out)
			}
		})
	}
}

func checkStructure(t *testing.T, f docFacts, c htmlCase) {
	t.Helper()
	if f.Lang != "en-GB" {
		t.Errorf("<html lang=%q>, want en-GB (the catalogue gives no language)", f.Lang)
	}
	if !strings.Contains(f.Title, c.report.Title) || !strings.Contains(f.Title, "2023/24 Q2") {
		t.Errorf("<title> %q does not name the report and its quarter", f.Title)
	}
	if f.H1s != 1 || f.Banners != 1 || f.Navs != 1 || f.Mains != 1 {
		t.Errorf("%d h1, %d header (banner), %d nav, %d main; want one of each", f.H1s, f.Banners, f.Navs, f.Mains)
	}
	if f.FirstLink != "#main" {
		t.Errorf("the first thing to focus links to %q; want the skip link to #main", f.FirstLink)
	}
	for _, d := range c.report.Directorates {
		if !slices.Contains(f.NavLinks, "#dir-"+d.Code) {
			t.Errorf("the contents have no link to directorate %s", d.Code)
		}
	}
	for _, in := range c.report.Indicators {
		if !slices.Contains(f.NavLinks, "#ind-"+in.Code) {
			t.Errorf("the contents have no link to indicator %s", in.Code)
		}
	}
	if len(f.Broken) > 0 {
		t.Errorf("links to nothing: %v", f.Broken)
	}
	if f.Indicators != len(c.report.Indicators) {
		t.Errorf("%d indicator sections for %d indicators", f.Indicators, len(c.report.Indicators))
	}
	if f.Charts == 0 {
		t.Error("no charts")
	}
	if len(f.Unnamed) > 0 || len(f.NoData) > 0 {
		t.Errorf("charts without a name or description: %v; charts not followed by their figures: %v", f.Unnamed, f.NoData)
	}
	if len(f.Uncaptured) > 0 || f.Unscoped > 0 {
		t.Errorf("tables without a caption: %v; %d th without a scope", f.Uncaptured, f.Unscoped)
	}
	if f.Scripts > 0 {
		t.Errorf("%d script elements; the edition needs no JavaScript", f.Scripts)
	}
}

// checkHeadings: one h1, first; no heading more than one level below the one before it.
func checkHeadings(t *testing.T, hs []htmltest.Heading) {
	t.Helper()
	if len(hs) == 0 || hs[0].Level != 1 {
		t.Fatalf("the first heading is %+v; want the h1", hs[:min(1, len(hs))])
	}
	for i := 1; i < len(hs); i++ {
		if hs[i].Level == 1 {
			t.Errorf("a second h1: %q", hs[i].Text)
		}
		if hs[i].Level > hs[i-1].Level+1 {
			t.Errorf("heading %q (h%d) follows %q (h%d): a level is skipped", hs[i].Text, hs[i].Level, hs[i-1].Text, hs[i-1].Level)
		}
	}
}

type focusFacts struct {
	Style   string  `json:"style"`
	Width   float64 `json:"width"`
	Colour  string  `json:"colour"`
	Visible bool    `json:"visible"`
}

// checkFocus focuses the skip link and a contents link as a keyboard user would reach them:
// each must come into view and carry an outline at least 2 pixels wide.
func checkFocus(t *testing.T, p *htmltest.Page) {
	t.Helper()
	for _, sel := range []string{"a.skip", "nav a", "main a"} {
		f, err := htmltest.Eval[focusFacts](p, `(() => {
  const a = document.querySelector(`+"`"+sel+"`"+`); a.focus({focusVisible: true});
  const s = getComputedStyle(a), r = a.getBoundingClientRect();
  return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor,
          visible: r.bottom > 0 && r.top < innerHeight && r.width > 0};
})()`)
		if err != nil {
			t.Fatal(err)
		}
		if f.Style == "none" || f.Width < 2 || !f.Visible {
			t.Errorf("focused %s: outline %s %gpx %s, in view %v; want a visible outline of at least 2px", sel, f.Style, f.Width, f.Colour, f.Visible)
		}
	}
}

// checkReflow: at width CSS pixels the page never scrolls sideways (WCAG 1.4.10); wide
// tables scroll inside their own box.
func checkReflow(t *testing.T, p *htmltest.Page, width int) {
	t.Helper()
	if err := p.SetWidth(width); err != nil {
		t.Fatal(err)
	}
	w, err := p.Widths()
	if err != nil {
		t.Fatal(err)
	}
	// the viewport is the window less its scroll bar
	if w.Viewport > width || w.Viewport < width-20 || w.Document > w.Viewport {
		over, _ := htmltest.Eval[[]string](p, `[...document.querySelectorAll('body *')].filter(e => !e.closest('.table-wrap') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).slice(0, 5).map(e => e.outerHTML.slice(0, 120))`)
		t.Errorf("at %dpx the document is %dpx wide in a %dpx viewport; too wide: %q", width, w.Document, w.Viewport, over)
	}
}

type printFacts struct {
	Nav          string   `json:"nav"`
	Skip         string   `json:"skip"`
	Breaks       []string `json:"breaks"`
	Figures      int      `json:"figures"`
	FiguresShown int      `json:"figuresShown"`
}

// checkPrint: the print style drops the contents and the skip link and starts each
// directorate on a new page.
func checkPrint(t *testing.T, p *htmltest.Page) {
	t.Helper()
	if err := p.SetMedia("print"); err != nil {
		t.Fatal(err)
	}
	defer p.SetMedia("")
	f, err := htmltest.Eval[printFacts](p, `({
  nav: getComputedStyle(document.querySelector('nav')).display,
  skip: getComputedStyle(document.querySelector('a.skip')).display,
  breaks: [...document.querySelectorAll('section.directorate')].map(s => getComputedStyle(s).breakBefore),
  figures: document.querySelectorAll('details.chart-data table').length,
  figuresShown: [...document.querySelectorAll('details.chart-data table')].filter(t => t.getBoundingClientRect().height > 0).length,
})`)
	if err != nil {
		t.Fatal(err)
	}
	if f.Nav != "none" || f.Skip != "none" {
		t.Errorf("printed, the contents are display:%s and the skip link display:%s; want none", f.Nav, f.Skip)
	}
	for i, b := range f.Breaks {
		if b != "page" {
			t.Errorf("printed, directorate %d starts with break-before:%s; want page", i+1, b)
		}
	}
	// a printed or saved-as-PDF copy keeps each chart's figures
	if f.Figures == 0 || f.FiguresShown != f.Figures {
		t.Errorf("printed, %d of %d charts' figures tables are shown; want all", f.FiguresShown, f.Figures)
	}
}

// checkOneCellRows: no table row of one cell where the table has more columns (a screen
// reader announces it as a row of data, not as the heading of the rows below it).
func checkOneCellRows(t *testing.T, p *htmltest.Page) {
	t.Helper()
	rows, err := htmltest.Eval[[]string](p, `[...document.querySelectorAll('table')].flatMap(t => {
  const cols = t.tHead ? t.tHead.rows[0].cells.length : 0;
  return [...t.tBodies].flatMap(b => [...b.rows]).filter(r => cols > 1 && r.cells.length === 1).map(r => t.id + ': ' + r.textContent.trim().slice(0, 40));
}).slice(0, 5)`)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) > 0 {
		t.Errorf("rows of one cell in tables of several columns: %q", rows)
	}
}

type tableBoxFacts struct {
	Needless  []string `json:"needless"` // Tab stops around tables that do not scroll
	Hidden    []string `json:"hidden"`   // row headings that scroll out of view
	Boxes     int      `json:"boxes"`
	NotLatest []string `json:"notLatest"` // tables of quarters not opened at the latest
	Periods   int      `json:"periods"`
}

// checkTableBoxes, at a phone's width: a table's scrolling box is a Tab stop and a region
// only where the table is wider than the screen; and in each one, scrolled fully sideways,
// the row headings stay in view at the box's left.
func checkTableBoxes(t *testing.T, p *htmltest.Page) {
	t.Helper()
	f, err := htmltest.Eval[tableBoxFacts](p, `(() => {
  const boxes = [...document.querySelectorAll('.table-wrap')];
  const needless = boxes.filter(b => b.scrollWidth <= b.clientWidth).map(b => b.querySelector('table').id);
  const hidden = [], notLatest = [];
  const periods = boxes.filter(b => b.classList.contains('periods') && b.scrollWidth > b.clientWidth);
  for (const b of periods) {
    const last = b.querySelector('thead th:last-child').getBoundingClientRect(), box = b.getBoundingClientRect();
    if (last.right > box.right + 1 || last.left < box.left) notLatest.push(b.querySelector('table').id);
  }
  for (const b of boxes.filter(b => b.scrollWidth > b.clientWidth)) {
    const th = b.querySelector('tbody th[scope="row"]');
    if (!th) continue;
    const start = b.scrollLeft;
    b.scrollLeft = b.scrollLeft > 0 ? 0 : b.scrollWidth;
    if (b.classList.contains('periods')) b.scrollLeft = -b.scrollWidth; // a right-to-left box scrolls to negative offsets
    if (Math.abs(th.getBoundingClientRect().left - b.getBoundingClientRect().left) > 1) hidden.push(b.querySelector('table').id);
    b.scrollLeft = start;
  }
  return {needless: needless.slice(0, 5), hidden: hidden.slice(0, 5), boxes: boxes.length, notLatest: notLatest.slice(0, 5), periods: periods.length};
})()`)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Needless) > 0 {
		t.Errorf("at 320px, of %d scrolling boxes these tables fit and need no Tab stop: %v", f.Boxes, f.Needless)
	}
	if len(f.Hidden) > 0 {
		t.Errorf("at 320px, scrolled sideways, these tables' row headings leave the view: %v", f.Hidden)
	}
	if f.Periods == 0 || len(f.NotLatest) > 0 {
		t.Errorf("at 320px, of %d tables of quarters that scroll, these do not open at the latest quarter: %v", f.Periods, f.NotLatest)
	}
}

type contrastFacts struct {
	Background string   `json:"background"`
	Lines      []string `json:"lines"`
	Text       []string `json:"text"`
}

// checkForcedColours, in a Windows contrast theme: every chart line and mark, and every
// chart label, takes a system colour with at least 3:1 (lines) and 4.5:1 (text) against the
// page's background. A screenshot of the first chart is written to QPR_SCREENSHOTS, if set.
func checkForcedColours(t *testing.T, p *htmltest.Page, name string) {
	t.Helper()
	if err := p.SetForcedColors(true); err != nil {
		t.Fatal(err)
	}
	defer p.SetForcedColors(false)
	f, err := htmltest.Eval[contrastFacts](p, `(() => {
  const svg = document.querySelector('svg.chart');
  const uniq = a => [...new Set(a)];
  return {
    background: getComputedStyle(document.body).backgroundColor,
    lines: uniq([...svg.querySelectorAll('.series, .axis, .target, .floor, .mean, .limit, .trend')].map(e => getComputedStyle(e).stroke)
      .concat([...svg.querySelectorAll('.dot, .sc-improvement, .sc-concern, .sc-neutral')].map(e => getComputedStyle(e).fill))),
    text: uniq([...svg.querySelectorAll('text')].map(e => getComputedStyle(e).fill)),
  };
})()`)
	if err != nil {
		t.Fatal(err)
	}
	bg, ok := cssColour(f.Background)
	if !ok {
		t.Fatalf("the page's background %q in a contrast theme is not a colour", f.Background)
	}
	for _, c := range f.Lines {
		if col, ok := cssColour(c); !ok || contrast(col, bg) < 3 {
			t.Errorf("in a contrast theme a chart line or mark is %s on %s (%.1f:1); want at least 3:1", c, f.Background, contrast(col, bg))
		}
	}
	for _, c := range f.Text {
		if col, ok := cssColour(c); !ok || contrast(col, bg) < 4.5 {
			t.Errorf("in a contrast theme chart text is %s on %s (%.1f:1); want at least 4.5:1", c, f.Background, contrast(col, bg))
		}
	}
	if dir := os.Getenv("QPR_SCREENSHOTS"); dir != "" {
		id, _ := htmltest.Eval[string](p, `document.querySelector('svg.chart').closest('article').querySelector('h3').id`)
		if png, err := p.ScreenshotAt(id); err == nil {
			os.WriteFile(filepath.Join(dir, name+"-forced-colours.png"), png, 0o644)
		}
	}
}

// cssColour reads a computed colour, "rgb(r, g, b)" or "rgba(r, g, b, a)".
func cssColour(s string) ([3]float64, bool) {
	var c [3]float64
	s = strings.TrimSpace(s)
	open, close := strings.Index(s, "("), strings.LastIndex(s, ")")
	if open < 0 || close < open {
		return c, false
	}
	parts := strings.Split(s[open+1:close], ",")
	if len(parts) < 3 {
		return c, false
	}
	for i := range 3 {
		v, err := strconv.ParseFloat(strings.TrimSpace(parts[i]), 64)
		if err != nil {
			return c, false
		}
		c[i] = v
	}
	return c, true
}

// contrast is WCAG's contrast ratio of two sRGB colours (0-255 channels).
func contrast(a, b [3]float64) float64 {
	lum := func(c [3]float64) float64 {
		var l [3]float64
		for i, v := range c {
			v /= 255
			if v <= 0.04045 {
				l[i] = v / 12.92
			} else {
				l[i] = math.Pow((v+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
	}
	x, y := lum(a), lum(b)
	if x < y {
		x, y = y, x
	}
	return (x + 0.05) / (y + 0.05)
}

// TestAxeSeesFaultsInTheEdition breaks a copy of the CED dashboard in the browser — a chart
// loses its accessible name, a table heading turns pale grey — and expects axe-core to
// report both, so that a clean run of TestHTMLInChromium means the rules ran on this
// document rather than found nothing to check.
func TestAxeSeesFaultsInTheEdition(t *testing.T) {
	b := htmltest.Shared(t)
	p, err := b.Open(renderHTML(t, loadExample(t).build(t, "ced")), 1280)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if _, err := htmltest.Eval[bool](p, `(() => {
  const svg = document.querySelector('svg.chart');
  svg.removeAttribute('aria-labelledby'); svg.querySelector('title').remove();
  document.querySelector('thead th').style.color = '#bbbbbb';
  return true;
})()`); err != nil {
		t.Fatal(err)
	}
	v, err := p.Axe(b, htmltest.AxeTags)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, v := range v {
		ids = append(ids, v.ID)
	}
	for _, want := range []string{"svg-img-alt", "color-contrast"} {
		if !slices.Contains(ids, want) {
			t.Errorf("axe reported %v; want %s among them", ids, want)
		}
	}
}
