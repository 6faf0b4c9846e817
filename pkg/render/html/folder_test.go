package html

import (
	"bytes"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// memFolder keeps a folder's files in memory, in the order they were made.
type memFolder struct {
	names []string
	files map[string]*bytes.Buffer
}

type memFile struct{ *bytes.Buffer }

func (memFile) Close() error { return nil }

func (m *memFolder) Create(name string) (io.WriteCloser, error) {
	if m.files == nil {
		m.files = map[string]*bytes.Buffer{}
	}
	b := &bytes.Buffer{}
	m.names = append(m.names, name)
	m.files[name] = b
	return memFile{b}, nil
}

// smallPages makes the example pack a folder of pages of three indicators each, as a pack
// of thousands would be.
func smallPages(t *testing.T) {
	t.Helper()
	past, per := FolderPast, PageIndicators
	FolderPast, PageIndicators = 10, 3
	t.Cleanup(func() { FolderPast, PageIndicators = past, per })
}

// TestFolderPagesLinkUp: every indicator is on exactly one page; every link from one page to
// another names a page of the folder and an id on that page; every page is a whole document
// with one h1 and a title of its own; and a second render gives the same bytes.
func TestFolderPagesLinkUp(t *testing.T) {
	smallPages(t)
	r := exampleReport(t, "qpr")
	if !Folder(r) {
		t.Fatalf("a pack of %d indicators past %d is not a folder", len(r.Indicators), FolderPast)
	}
	var f memFolder
	if err := RenderFolder(&f, r, nil); err != nil {
		t.Fatal(err)
	}
	if f.names[0] != IndexPage {
		t.Errorf("the first page is %s, want %s", f.names[0], IndexPage)
	}
	ids := map[string]map[string]bool{}
	idRE := regexp.MustCompile(` id="([^"]+)"`)
	for name, b := range f.files {
		ids[name] = map[string]bool{}
		for _, m := range idRE.FindAllStringSubmatch(b.String(), -1) {
			ids[name][m[1]] = true
		}
	}
	hrefRE := regexp.MustCompile(`href="([^"#]*)(?:#([^"]*))?"`)
	titles := map[string]string{}
	titleRE := regexp.MustCompile(`<title>([^<]*)</title>`)
	for name, b := range f.files {
		page := b.String()
		if !strings.HasPrefix(page, "<!DOCTYPE html>") || !strings.HasSuffix(strings.TrimSpace(page), "</html>") {
			t.Errorf("%s is not a whole document", name)
		}
		if n := strings.Count(page, "<h1"); n != 1 {
			t.Errorf("%s has %d h1 elements, want 1", name, n)
		}
		title := titleRE.FindStringSubmatch(page)[1]
		if other, ok := titles[title]; ok {
			t.Errorf("%s and %s have the same title %q", name, other, title)
		}
		titles[title] = name
		for _, m := range hrefRE.FindAllStringSubmatch(page, -1) {
			file, id := m[1], m[2]
			if strings.HasPrefix(file, "data:") {
				continue
			}
			target := name
			if file != "" {
				target = file
			}
			if _, ok := f.files[target]; !ok {
				t.Errorf("%s links to %s, which is not a page of the folder", name, m[0])
				continue
			}
			if id != "" && !ids[target][id] {
				t.Errorf("%s links to %s, which has no id %q", name, target, id)
			}
		}
	}
	for _, in := range r.Indicators {
		var on []string
		for _, name := range f.names {
			if ids[name]["ind-"+in.Code] {
				on = append(on, name)
			}
		}
		if len(on) != 1 {
			t.Errorf("indicator %s is on pages %v, want one", in.Code, on)
		}
	}
	// pages of three: CED's six indicators take two pages
	if !slices.Contains(f.names, "dir-CED.html") || !slices.Contains(f.names, "dir-CED-2.html") || slices.Contains(f.names, "dir-CED-3.html") {
		t.Errorf("CED's six indicators are on pages %v, want dir-CED.html and dir-CED-2.html", f.names)
	}

	var again memFolder
	if err := RenderFolder(&again, r, nil); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(f.names, again.names) {
		t.Fatalf("a second render made %v, the first %v", again.names, f.names)
	}
	for _, name := range f.names {
		if !bytes.Equal(f.files[name].Bytes(), again.files[name].Bytes()) {
			t.Errorf("%s differs between two renders", name)
		}
	}
}

// TestFolderSpreadsLongTables: in a folder no page holds a table of more rows about
// indicators than a page has indicators. The summary's grid of ratings over the last five
// quarters (a row for each of the example's 45 indicators) is spread over the directorate
// pages: the index says so where it stood, each indicator's row is on exactly one page, the
// page with the indicator itself, and the index's contents list a directorate's pages, not
// its indicators.
func TestFolderSpreadsLongTables(t *testing.T) {
	smallPages(t)
	r := exampleReport(t, "qpr")
	var f memFolder
	if err := RenderFolder(&f, r, nil); err != nil {
		t.Fatal(err)
	}
	tableRE := regexp.MustCompile(`(?s)<table\b.*?</table>`)
	rowRE := regexp.MustCompile(`(?s)<tr\b.*?</tr>`)
	linkRE := regexp.MustCompile(`href="[^"#]*#ind-([^"]+)"`)
	gridRows := map[string][]string{} // code: the pages whose grid has its row
	for _, name := range f.names {
		page := f.files[name].String()
		for _, table := range tableRE.FindAllString(page, -1) {
			rows := 0
			for _, row := range rowRE.FindAllString(table, -1) {
				m := linkRE.FindStringSubmatch(row)
				if m == nil {
					continue
				}
				rows++
				if strings.Contains(table, `id="history-grid-caption"`) {
					gridRows[m[1]] = append(gridRows[m[1]], name)
				}
			}
			if rows > PageIndicators {
				t.Errorf("%s has a table of %d rows about indicators, past the %d a page holds", name, rows, PageIndicators)
			}
		}
	}
	if len(r.Indicators) != 45 {
		t.Fatalf("the example has %d indicators, this test counts on 45", len(r.Indicators))
	}
	for _, in := range r.Indicators {
		on := gridRows[in.Code]
		if len(on) != 1 || !strings.Contains(f.files[on[0]].String(), `id="ind-`+in.Code+`"`) {
			t.Errorf("%s's row of the ratings grid is on %v, want just the page with %s itself", in.Code, on, in.Code)
		}
	}
	index := f.files[IndexPage].String()
	if !strings.Contains(index, "one row for each of 45 indicators, too many for one page") {
		t.Error("the index does not say where the ratings grid's rows went")
	}
	nav := regexp.MustCompile(`(?s)<nav class="contents".*?</nav>`).FindString(index)
	if strings.Contains(nav, "#ind-") {
		t.Error("the index's contents list indicators, want each directorate's pages")
	}
	// Growth, Environment and Transport has 10 indicators: pages of 3, 3, 3 and 1.
	for _, want := range []string{`<a href="dir-GET-2.html">Page 2 of 4: `, `<a href="dir-GET-4.html">Page 4 of 4: WM04</a>`} {
		if !strings.Contains(nav, want) {
			t.Errorf("the index's contents lack %q", want)
		}
	}
}
