package html

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"iter"
	"strconv"
	"strings"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// A browser opens a page of a few hundred indicators in a moment, but one of thousands only
// after a long wait, and one of tens of thousands not at all. So a pack of more than
// FolderPast indicators is written as a folder of pages instead of one file: index.html
// with the cover, contents, key and executive summary, then each directorate's pages of at
// most PageIndicators indicators each, the first with the directorate's tables. Every page is
// self-contained (its own styles) and links to the index and to the pages before and after.
var (
	FolderPast     = 1000
	PageIndicators = 250
)

// IndexPage is the folder's first page.
const IndexPage = "index.html"

// Folder reports whether r is written as a folder of pages rather than one file.
func Folder(r *report.Report) bool { return len(r.Indicators) > FolderPast }

// FileCreator makes the folder's files, each written whole and closed before the next is
// asked for.
type FileCreator = interface {
	Create(name string) (io.WriteCloser, error)
}

// RenderFolder writes r as a folder of linked pages through create, worded and styled by t.
func RenderFolder(create FileCreator, r *report.Report, t *templates.Set) error {
	if r == nil {
		return errors.New("html: no report to render")
	}
	if t == nil {
		t = templates.Default()
	}
	doc, err := present.DocumentOf(r, t)
	if err != nil {
		return err
	}
	s := planSite(doc)
	tmpl, err := parsePage(t)
	if err != nil {
		return err
	}
	defer func() {
		for _, stop := range s.stops {
			stop()
		}
	}()
	for i := range s.pages {
		if err := s.write(create, tmpl, i); err != nil {
			return err
		}
	}
	return nil
}

// site is the folder's pages and which page holds each id, worked out from the contents
// before any page is written.
type site struct {
	doc   *present.Document
	pages []sitePage
	where map[string]int // a section's id: the page it is on
	// dirParts yields each directorate's indicators, one directorate after another, as its
	// pages are written.
	dirParts map[string]func() (*present.Section, bool)
	stops    []func()
	// indicator holds the indicators' ids; pageIDs the ids the index's contents link to a
	// directorate's pages by (the page's name without .html).
	indicator map[string]bool
	pageIDs   map[string]int
	// spread are the tables spread over the directorate pages (spread.go), as the pages
	// that held them are written.
	spread []spreadTable
}

// sitePage is one file of the folder: the index, or one page of a directorate.
type sitePage struct {
	Name       string
	Title      string // the page's own heading, under the report's title
	dir        *present.Section
	first      bool // the directorate's first page: its narrative and tables too
	indicators int  // how many of the directorate's indicators it holds
	Part, Of   int  // this page's number among the directorate's, and how many it has
}

func planSite(doc *present.Document) *site {
	s := &site{doc: doc, where: map[string]int{}, dirParts: map[string]func() (*present.Section, bool){},
		indicator: map[string]bool{}, pageIDs: map[string]int{}}
	s.pages = append(s.pages, sitePage{Name: IndexPage})
	var mark func(es []present.Entry, page int)
	mark = func(es []present.Entry, page int) {
		for _, e := range es {
			s.where[e.ID] = page
			if e.Minor {
				s.indicator[e.ID] = true
			}
			mark(e.Children, page)
		}
	}
	s.where[present.IDContents] = 0
	for _, sec := range doc.Sections {
		e := entryOf(doc, sec.ID)
		if sec.Kind != present.KindPart || !sec.NewPage || len(e.Children) == 0 || !isDirectorate(sec) {
			mark([]present.Entry{e}, 0)
			continue
		}
		n := len(e.Children)
		of := (n + PageIndicators - 1) / PageIndicators
		for part := 1; part <= of; part++ {
			first := part == 1
			count := min(PageIndicators, n-(part-1)*PageIndicators)
			name := sec.ID + ".html"
			if !first {
				name = sec.ID + "-" + strconv.Itoa(part) + ".html"
			}
			title := sec.Heading
			if of > 1 {
				title = fmt.Sprintf("%s, page %d of %d", sec.Heading, part, of)
			}
			page := len(s.pages)
			s.pageIDs[strings.TrimSuffix(name, ".html")] = page
			s.pages = append(s.pages, sitePage{Name: name, Title: title, dir: sec, first: first, indicators: count, Part: part, Of: of})
			if first {
				s.where[sec.ID] = page
			}
			mark(e.Children[(part-1)*PageIndicators:(part-1)*PageIndicators+count], page)
		}
	}
	return s
}

func isDirectorate(sec *present.Section) bool {
	return sec.ID != present.IDKey && sec.ID != present.IDSummary
}

func entryOf(doc *present.Document, id string) present.Entry {
	for _, e := range doc.Contents {
		if e.ID == id {
			return e
		}
	}
	return present.Entry{ID: id}
}

// href is the link to id from page: within the page, or to the page that holds it.
func (s *site) href(page int, id string) string {
	if at, ok := s.pageIDs[id]; ok {
		return s.pages[at].Name
	}
	at, ok := s.where[id]
	if !ok || at == page {
		return "#" + id
	}
	if d := s.pages[at].dir; d != nil && id == d.ID && s.pages[at].first {
		return s.pages[at].Name
	}
	return s.pages[at].Name + "#" + id
}

// pageView is what page.gohtml paints: the document, and on a folder's page which part of
// it this page holds and the links around it.
type pageView struct {
	*present.Document
	Sections []*present.Section
	// Page is set on a folder's page other than the index; Index, Prev and Next are the
	// links around it ("" for none).
	Page              *sitePage
	Index, Prev, Next string
	// Folder is set on every page of a folder, the index too.
	Folder bool
	// Contents are the contents the index lists; in a folder a directorate of more than one
	// page lists its pages rather than each indicator.
	Contents []present.Entry
}

func (s *site) write(create FileCreator, tmpl *template.Template, i int) error {
	p := s.pages[i]
	view := pageView{Document: s.doc, Folder: true}
	if i > 0 {
		view.Page = &s.pages[i]
		view.Index = IndexPage
		view.Prev = s.pages[i-1].Name
		view.Sections = []*present.Section{s.directoratePage(p, i)}
	} else {
		view.Contents = s.contents()
		for _, sec := range s.doc.Sections {
			if !isDirectorate(sec) {
				view.Sections = append(view.Sections, s.indexSection(sec))
			}
		}
	}
	if i+1 < len(s.pages) {
		view.Next = s.pages[i+1].Name
	}
	href := func(id string) string { return s.href(i, id) }
	page, err := tmpl.Clone()
	if err != nil {
		return fmt.Errorf("html: %w", err)
	}
	page.Funcs(template.FuncMap{"href": href})
	w, err := create.Create(p.Name)
	if err != nil {
		return err
	}
	if err := execute(w, page, view, href); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// contents are the index's contents: a directorate of more than one page lists its pages,
// each by the codes of its first and last indicators.
func (s *site) contents() []present.Entry {
	var out []present.Entry
	for _, e := range s.doc.Contents {
		at, ok := s.where[e.ID]
		if !ok || at == 0 || s.pages[at].Of < 2 {
			out = append(out, e)
			continue
		}
		dir := e
		dir.Children = nil
		for k := at; k < at+s.pages[at].Of; k++ {
			p := s.pages[k]
			from := (p.Part - 1) * PageIndicators
			first, last := e.Children[from], e.Children[from+p.indicators-1]
			title := fmt.Sprintf("Page %d of %d: %s to %s", p.Part, p.Of, code(first.Title), code(last.Title))
			if p.indicators == 1 {
				title = fmt.Sprintf("Page %d of %d: %s", p.Part, p.Of, code(first.Title))
			}
			dir.Children = append(dir.Children, present.Entry{ID: strings.TrimSuffix(p.Name, ".html"), Level: first.Level, Title: title})
		}
		out = append(out, dir)
	}
	return out
}

// code is an indicator entry's code, the first word of its title.
func code(title string) string {
	c, _, _ := strings.Cut(title, " ")
	return c
}

// directoratePage is the part of the directorate's section that page p (the site's page'th)
// holds: on its first page the narrative and tables, and its next p.indicators indicators,
// with the rows of the tables spread over its pages that are about those indicators.
func (s *site) directoratePage(p sitePage, at int) *present.Section {
	next, ok := s.dirParts[p.dir.ID]
	if !ok {
		pull, stop := iter.Pull(p.dir.Parts())
		next = pull
		s.stops = append(s.stops, stop)
		s.dirParts[p.dir.ID] = next
	}
	var list []*present.Section
	for range p.indicators {
		in, ok := next()
		if !ok {
			break
		}
		list = append(list, in)
	}
	page := *p.dir
	var blocks []present.Block
	if p.first {
		blocks, _ = s.spreadBlocks(p.dir.BlockList(), p.dir.ID, at)
	}
	page.SetBlocks(append(blocks, s.spreadRows(p, at)...)...)
	page.SetParts(list...)
	return &page
}
