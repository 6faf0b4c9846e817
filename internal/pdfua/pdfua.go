// Package pdfua checks a PDF against the machine-checkable rules of PDF/UA-1 (ISO 14289-1)
// that qpr's PDFs must keep, for tests: every mark on a page is tagged content or an
// artifact, and every tagged item is in the structure tree; headings start at H1 and skip no
// level; tables have header cells with a scope, in rows; lists hold items; every figure has
// alternative text; link annotations belong to Link elements and are described; the
// document has a language, a title shown as the window title, PDF/UA's XMP identifier and
// /MarkInfo Marked; every font is embedded with a ToUnicode map.
//
// It reads the file with rsc.io/pdf, independently of the code that wrote it. It is not a
// full validator (veraPDF is): it checks the rules qpr's painter could break.
package pdfua

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"rsc.io/pdf"
)

// Element is one structure element as read back: its type, alternative text, header scope,
// its text (the tagged text it holds, in order) and its children.
type Element struct {
	Role  string
	Alt   string
	Scope string
	Kids  []*Element
	// MCIDs are the marked-content sequences it holds directly, as page:mcid.
	MCIDs []string
	// Links counts the annotations it holds (OBJR).
	Links int
}

// Report is what Check found: the structure tree and every rule broken.
type Report struct {
	Root     *Element
	Problems []string
}

func (r *Report) add(format string, args ...any) {
	r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
}

// standard are the standard structure types of ISO 32000-1, 14.8.4.
var standard = strings.Fields(`Document Part Art Sect Div BlockQuote Caption TOC TOCI Index
NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span
Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form`)

// Check reads the PDF in b and checks it.
func Check(b []byte) (rep *Report) {
	rep = &Report{}
	defer func() {
		if p := recover(); p != nil {
			rep.add("unreadable PDF: %v", p)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		rep.add("unreadable PDF: %v", err)
		return rep
	}
	cat := r.Trailer().Key("Root")
	if !cat.Key("MarkInfo").Key("Marked").Bool() {
		rep.add("catalogue: /MarkInfo <</Marked true>> missing")
	}
	if strings.TrimSpace(cat.Key("Lang").Text()) == "" {
		rep.add("catalogue: no /Lang")
	}
	if !cat.Key("ViewerPreferences").Key("DisplayDocTitle").Bool() {
		rep.add("catalogue: /ViewerPreferences <</DisplayDocTitle true>> missing")
	}
	if strings.TrimSpace(r.Trailer().Key("Info").Key("Title").Text()) == "" {
		rep.add("document information: no /Title")
	}
	checkXMP(rep, cat.Key("Metadata"))

	tree := cat.Key("StructTreeRoot")
	if tree.IsNull() {
		rep.add("catalogue: no /StructTreeRoot")
		return rep
	}
	// Pages are told apart by their /StructParents, which must be unique.
	pages := map[int64]*pageMarks{}
	pageNo := map[int64]int{}
	for n := 1; n <= r.NumPage(); n++ {
		pg := r.Page(n)
		sp := pg.V.Key("StructParents")
		if sp.Kind() != pdf.Integer {
			rep.add("page %d: no /StructParents", n)
			continue
		}
		if _, dup := pages[sp.Int64()]; dup {
			rep.add("page %d: /StructParents %d given twice", n, sp.Int64())
		}
		pm := &pageMarks{mcids: map[int]bool{}, tagged: map[int]bool{}}
		pages[sp.Int64()], pageNo[sp.Int64()] = pm, n
		checkContent(rep, n, pg, pm.mcids)
		checkFonts(rep, n, pg)
		annots := pg.V.Key("Annots")
		for i := 0; i < annots.Len(); i++ {
			a := annots.Index(i)
			pm.annots++
			if a.Key("StructParent").Kind() != pdf.Integer {
				rep.add("page %d: annotation %d has no /StructParent", n, i+1)
			}
			if strings.TrimSpace(a.Key("Contents").Text()) == "" {
				rep.add("page %d: annotation %d has no /Contents description", n, i+1)
			}
		}
		if pm.annots > 0 && pg.V.Key("Tabs").Name() != "S" {
			rep.add("page %d: annotations without /Tabs /S", n)
		}
		pt := numberTree(tree.Key("ParentTree"), sp.Int64())
		if pt.Len() != len(pm.mcids) {
			rep.add("page %d: the parent tree lists %d MCIDs, the page has %d", n, pt.Len(), len(pm.mcids))
		}
	}

	var walk func(v pdf.Value, depth int) *Element
	walk = func(v pdf.Value, depth int) *Element {
		if depth > 64 {
			rep.add("structure tree deeper than 64")
			return &Element{}
		}
		e := &Element{Role: v.Key("S").Name(), Alt: v.Key("Alt").Text(), Scope: v.Key("A").Key("Scope").Name()}
		if !slices.Contains(standard, e.Role) {
			rep.add("structure type /%s is not a standard type", e.Role)
		}
		defPage := v.Key("Pg")
		kids := v.Key("K")
		each := func(k pdf.Value) {
			switch {
			case k.Kind() == pdf.Integer:
				mark(rep, pages, pageNo, defPage, int(k.Int64()), e)
			case k.Key("Type").Name() == "MCR":
				pg := k.Key("Pg")
				if pg.IsNull() {
					pg = defPage
				}
				mark(rep, pages, pageNo, pg, int(k.Key("MCID").Int64()), e)
			case k.Key("Type").Name() == "OBJR":
				e.Links++
				obj := k.Key("Obj")
				if obj.Key("Subtype").Name() == "Link" && e.Role != "Link" {
					rep.add("a link annotation is held by %s, not Link", e.Role)
				}
				if pm := pages[k.Key("Pg").Key("StructParents").Int64()]; pm != nil {
					pm.linkRef++
				}
			case k.Kind() == pdf.Dict:
				e.Kids = append(e.Kids, walk(k, depth+1))
			}
		}
		if kids.Kind() == pdf.Array {
			for i := 0; i < kids.Len(); i++ {
				each(kids.Index(i))
			}
		} else if !kids.IsNull() {
			each(kids)
		}
		return e
	}
	rep.Root = &Element{Role: "StructTreeRoot"}
	k := tree.Key("K")
	if k.Kind() == pdf.Array {
		for i := 0; i < k.Len(); i++ {
			rep.Root.Kids = append(rep.Root.Kids, walk(k.Index(i), 0))
		}
	} else {
		rep.Root.Kids = append(rep.Root.Kids, walk(k, 0))
	}
	for sp, pm := range pages {
		for id := range pm.mcids {
			if !pm.tagged[id] {
				rep.add("page %d: MCID %d is in no structure element", pageNo[sp], id)
			}
		}
		if pm.linkRef != pm.annots {
			rep.add("page %d: %d annotations, %d held by the structure tree", pageNo[sp], pm.annots, pm.linkRef)
		}
	}
	checkElements(rep, rep.Root)
	slices.Sort(rep.Problems)
	return rep
}

// pageMarks are a page's marked-content sequences and annotations, and how many of them the
// structure tree refers to.
type pageMarks struct {
	mcids   map[int]bool
	tagged  map[int]bool
	annots  int
	linkRef int
}

// mark records that e holds MCID mcid of page pg.
func mark(rep *Report, pages map[int64]*pageMarks, pageNo map[int64]int, pg pdf.Value, mcid int, e *Element) {
	sp := pg.Key("StructParents")
	pm := pages[sp.Int64()]
	if sp.Kind() != pdf.Integer || pm == nil {
		rep.add("%s refers to MCID %d on no known page", e.Role, mcid)
		return
	}
	if !pm.mcids[mcid] {
		rep.add("%s refers to MCID %d, not on page %d", e.Role, mcid, pageNo[sp.Int64()])
	}
	if pm.tagged[mcid] {
		rep.add("page %d: MCID %d held by two elements", pageNo[sp.Int64()], mcid)
	}
	pm.tagged[mcid] = true
	e.MCIDs = append(e.MCIDs, strconv.Itoa(pageNo[sp.Int64()])+":"+strconv.Itoa(mcid))
}

// numberTree is the value for key in the number tree t (a flat /Nums array or /Kids).
func numberTree(t pdf.Value, key int64) pdf.Value {
	nums := t.Key("Nums")
	for i := 0; i+1 < nums.Len(); i += 2 {
		if nums.Index(i).Int64() == key {
			return nums.Index(i + 1)
		}
	}
	kids := t.Key("Kids")
	for i := 0; i < kids.Len(); i++ {
		if v := numberTree(kids.Index(i), key); !v.IsNull() {
			return v
		}
	}
	return pdf.Value{}
}

// painting are the content operators that put marks on the page.
var painting = map[string]bool{
	"Tj": true, "TJ": true, "'": true, `"`: true, "Do": true, "sh": true, "BI": true,
	"S": true, "s": true, "f": true, "F": true, "f*": true, "B": true, "B*": true, "b": true, "b*": true,
}

// checkContent reads page n's content: every painting operator must be inside a sequence with
// an MCID or an artifact; the MCIDs found go into mcids.
func checkContent(rep *Report, n int, pg pdf.Page, mcids map[int]bool) {
	type open struct {
		artifact bool
		mcid     int // -1 for none
	}
	var stack []open
	untagged := map[string]int{}
	interpret := func(content pdf.Value) {
		pdf.Interpret(content, func(stk *pdf.Stack, op string) {
			args := make([]pdf.Value, stk.Len())
			for i := len(args) - 1; i >= 0; i-- {
				args[i] = stk.Pop()
			}
			switch op {
			case "BMC", "BDC":
				o := open{mcid: -1}
				if len(args) > 0 && args[0].Name() == "Artifact" {
					o.artifact = true
				}
				if op == "BDC" && len(args) == 2 {
					if id := args[1].Key("MCID"); id.Kind() == pdf.Integer {
						o.mcid = int(id.Int64())
						if mcids[o.mcid] {
							rep.add("page %d: MCID %d used twice", n, o.mcid)
						}
						mcids[o.mcid] = true
					}
				}
				if o.mcid >= 0 && slices.ContainsFunc(stack, func(s open) bool { return s.mcid >= 0 || s.artifact }) {
					rep.add("page %d: MCID %d nested in another sequence", n, o.mcid)
				}
				stack = append(stack, o)
			case "EMC":
				if len(stack) == 0 {
					rep.add("page %d: EMC without BMC or BDC", n)
					return
				}
				stack = stack[:len(stack)-1]
			default:
				if painting[op] && !slices.ContainsFunc(stack, func(s open) bool { return s.mcid >= 0 || s.artifact }) {
					untagged[op]++
				}
			}
		})
	}
	// A page's content may be an array of streams, read as one after another.
	content := pg.V.Key("Contents")
	streams := []pdf.Value{content}
	if content.Kind() == pdf.Array {
		streams = streams[:0]
		for i := range content.Len() {
			streams = append(streams, content.Index(i))
		}
	}
	for _, s := range streams {
		interpret(s)
	}
	if len(stack) > 0 {
		rep.add("page %d: %d marked-content sequences left open", n, len(stack))
	}
	for _, op := range slices.Sorted(mapKeys(untagged)) {
		rep.add("page %d: %d %q operators neither tagged nor artifacts", n, untagged[op], op)
	}
}

func mapKeys(m map[string]int) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// checkFonts: every font on page n is embedded and has a ToUnicode map.
func checkFonts(rep *Report, n int, pg pdf.Page) {
	fonts := pg.Resources().Key("Font")
	for _, name := range fonts.Keys() {
		f := fonts.Key(name)
		desc := f.Key("FontDescriptor")
		if f.Key("Subtype").Name() == "Type0" {
			desc = f.Key("DescendantFonts").Index(0).Key("FontDescriptor")
		}
		if desc.Key("FontFile").IsNull() && desc.Key("FontFile2").IsNull() && desc.Key("FontFile3").IsNull() {
			rep.add("page %d: font %s (%s) is not embedded", n, name, f.Key("BaseFont").Name())
		}
		if f.Key("ToUnicode").Kind() != pdf.Stream {
			rep.add("page %d: font %s (%s) has no ToUnicode map", n, name, f.Key("BaseFont").Name())
		}
	}
}

// checkXMP: the metadata stream names the document's title and PDF/UA part 1.
func checkXMP(rep *Report, md pdf.Value) {
	if md.Kind() != pdf.Stream {
		rep.add("catalogue: no XMP /Metadata")
		return
	}
	rd := md.Reader()
	x, err := io.ReadAll(rd)
	rd.Close()
	if err != nil {
		rep.add("XMP metadata unreadable: %v", err)
		return
	}
	if !bytes.Contains(x, []byte("<pdfuaid:part>1</pdfuaid:part>")) {
		rep.add("XMP metadata lacks pdfuaid:part 1")
	}
	if !bytes.Contains(x, []byte("<dc:title>")) {
		rep.add("XMP metadata lacks dc:title")
	}
}

// checkElements checks the tree's shape: headings in order, tables, lists, figures, links.
func checkElements(rep *Report, root *Element) {
	last := 0
	var walk func(e, parent *Element)
	walk = func(e, parent *Element) {
		switch e.Role {
		case "H1", "H2", "H3", "H4", "H5", "H6":
			level := int(e.Role[1] - '0')
			if last == 0 && level != 1 {
				rep.add("the first heading is %s, not H1", e.Role)
			} else if level > last+1 && last > 0 {
				rep.add("heading %s follows H%d: a level skipped", e.Role, last)
			}
			last = level
		case "H":
			rep.add("an unnumbered H heading")
		case "Figure":
			if strings.TrimSpace(e.Alt) == "" {
				rep.add("a Figure without alternative text")
			}
		case "Table":
			rows, headers := 0, 0
			for _, r := range rowsOf(e) {
				rows++
				for _, c := range r.Kids {
					if c.Role == "TH" {
						headers++
					}
				}
			}
			if rows == 0 {
				rep.add("a Table without rows")
			} else if headers == 0 {
				rep.add("a Table without header cells (TH)")
			}
		case "TR":
			if !slices.Contains([]string{"Table", "THead", "TBody", "TFoot"}, parent.Role) {
				rep.add("a TR inside %s", parent.Role)
			}
			for _, c := range e.Kids {
				if c.Role != "TH" && c.Role != "TD" {
					rep.add("a TR holds %s", c.Role)
				}
			}
		case "TH":
			if e.Scope == "" {
				rep.add("a TH without /Scope")
			}
			fallthrough
		case "TD":
			if parent.Role != "TR" {
				rep.add("a %s inside %s, not TR", e.Role, parent.Role)
			}
		case "L":
			for _, c := range e.Kids {
				if c.Role != "LI" && c.Role != "Caption" && c.Role != "L" {
					rep.add("a list (L) holds %s", c.Role)
				}
			}
		case "LI":
			if parent.Role != "L" {
				rep.add("an LI inside %s", parent.Role)
			}
			for _, c := range e.Kids {
				if c.Role != "Lbl" && c.Role != "LBody" {
					rep.add("a list item (LI) holds %s", c.Role)
				}
			}
		case "Link":
			if e.Links == 0 {
				rep.add("a Link without its annotation")
			}
		}
		if len(e.Kids) == 0 && len(e.MCIDs) == 0 && e.Links == 0 && e.Role != "StructTreeRoot" {
			rep.add("an empty %s", e.Role)
		}
		for _, k := range e.Kids {
			walk(k, e)
		}
	}
	walk(root, nil)
}

// rowsOf lists a table's rows, directly or in THead, TBody and TFoot.
func rowsOf(t *Element) []*Element {
	var rows []*Element
	for _, k := range t.Kids {
		switch k.Role {
		case "TR":
			rows = append(rows, k)
		case "THead", "TBody", "TFoot":
			rows = append(rows, rowsOf(k)...)
		}
	}
	return rows
}
