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
