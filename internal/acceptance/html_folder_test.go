package acceptance_test

import (
	"bytes"
	"io"
	"testing"

	qhtml "github.com/example/qpr/pkg/render/html"
	"github.com/example/qpr/pkg/render/html/htmltest"
	"github.com/example/qpr/templates"
)

type pageFiles map[string]*bytes.Buffer

type pageFile struct{ *bytes.Buffer }

func (pageFile) Close() error { return nil }

func (p pageFiles) Create(name string) (io.WriteCloser, error) {
	b := &bytes.Buffer{}
	p[name] = b
	return pageFile{b}, nil
}

// TestHTMLFolderInChromium: a pack written as a folder of pages (here the example, in pages
// of three indicators, as a pack of thousands is in pages of 250) passes the same checks on
// its index and on a directorate's later page: no axe-core violations, one h1 and headings in
// order, a visible focus (on the index), no sideways scrolling at 320 pixels, and nothing asked for outside
// the page.
func TestHTMLFolderInChromium(t *testing.T) {
	past, per := qhtml.FolderPast, qhtml.PageIndicators
	qhtml.FolderPast, qhtml.PageIndicators = 10, 3
	defer func() { qhtml.FolderPast, qhtml.PageIndicators = past, per }()
	pages := pageFiles{}
	if err := qhtml.RenderFolder(pages, loadExample(t).build(t, "qpr"), templates.Default()); err != nil {
		t.Fatal(err)
	}
	b := htmltest.Shared(t)
	for _, name := range []string{qhtml.IndexPage, "dir-CED-2.html"} {
		t.Run(name, func(t *testing.T) {
			doc, ok := pages[name]
			if !ok {
				t.Fatalf("no page %s", name)
			}
			p, err := b.Open(doc.Bytes(), 1280)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			h, err := p.Headings()
			if err != nil {
				t.Fatal(err)
			}
			checkHeadings(t, h)
			v, err := p.Axe(b, htmltest.AxeTags)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range v {
				t.Errorf("axe: %s", v)
			}
			if name == qhtml.IndexPage { // a later page may have no link in its main part
				checkFocus(t, p)
			}
			checkReflow(t, p, 320)
			if out := p.Outside(); len(out) > 0 {
				t.Errorf("the page asked for %d things outside the file: %v", len(out), out)
			}
		})
	}
}
