package pdfpost

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// Tagged writes src, a PDF fpdf wrote with compression off while t recorded its structure,
// to w compressed (as Compress does) and tagged: t's structure tree and parent tree,
// /StructParents and /Tabs /S on every page, each link annotation an object of its own with
// /StructParent and /Contents referred to by its Link element, and in the catalogue
// /MarkInfo <</Marked true>>, /StructTreeRoot and /ViewerPreferences <</DisplayDocTitle
// true>>. The header says PDF 1.7, the version PDF/UA-1 builds on. The painter sets the
// title, /Lang and the XMP metadata (XMP) through fpdf.
func Tagged(w io.Writer, src []byte, t *Tagger) error {
	return (&Parts{}).Write(w, src, nil, t)
}

// tag writes f, compressed already, with pages its pages in order, tagged by what t
// recorded, with the outline t recorded, and loose written as ordinary objects numbered from
// f.size on.
func tag(w io.Writer, f *file, pages []int, t *Tagger, loose [][]byte) error {
	if len(t.mcs) > len(pages) || len(t.annots) > len(pages) {
		return fmt.Errorf("pdfpost: structure recorded on page %d of %d", max(len(t.mcs), len(t.annots)), len(pages))
	}
	if !bytes.HasPrefix(f.header, []byte("%PDF-1.")) || len(f.header) < 8 {
		return errNotFpdf("header")
	}
	f.header = bytes.Clone(f.header)
	f.header[7] = '7'

	// Object numbers, all packed in object streams: the annotations page by page, then the
	// tree root, the parent tree and the elements in document order. (A report links each
	// indicator from its tables: as ordinary objects its annotations were a sixth of the file.)
	next := f.size + len(loose)
	take := func() int { next++; return next - 1 }
	annotNum := make([][]int, len(pages))
	for p, as := range t.annots {
		for range as {
			annotNum[p] = append(annotNum[p], take())
		}
	}
	treeRoot, parentTree := take(), take()
	var elems []*Elem
	var number func(e *Elem)
	number = func(e *Elem) {
		e.num = take()
		elems = append(elems, e)
		for _, k := range e.kids {
			if k.elem != nil {
				number(k.elem)
			}
		}
	}
	number(t.root)
	outlineRoot := 0
	outline := make([]int, len(t.outline))
	if len(t.outline) > 0 {
		outlineRoot = take()
		for i := range outline {
			outline[i] = take()
		}
	}
	links := outlineLinks(t.outline)
	// The packed objects, made one at a time as they are written: the annotations, the tree
	// root, the parent tree (per page the element of each MCID, then per annotation its
	// element, keyed from len(pages) on) and the elements.
	var annots [][]byte
	nAnnots := countAnnots(t.annots)
	packed := func(i int, b *bytes.Buffer) {
		if i < nAnnots {
			b.Write(annots[i])
			return
		}
		switch i -= nAnnots; i {
		case 0:
			fmt.Fprintf(b, "<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>", t.root.num, parentTree, len(pages)+countAnnots(t.annots))
		case 1:
			b.WriteString("<</Nums [")
			for p := range pages {
				b.WriteString(strconv.Itoa(p) + " [")
				if p < len(t.mcs) {
					for i, e := range t.mcs[p] {
						if i > 0 {
							b.WriteByte(' ')
						}
						b.WriteString(strconv.Itoa(e.num) + " 0 R")
					}
				}
				b.WriteString("]\n")
			}
			key := len(pages)
			for _, as := range t.annots {
				for _, a := range as {
					fmt.Fprintf(b, "%d %d 0 R\n", key, a.elem.num)
					key++
				}
			}
			b.WriteString("]>>")
		default:
			if i -= 2; i < len(elems) {
				elemObject(b, elems[i], treeRoot, pages, annotNum)
				return
			}
			if i -= len(elems); i == 0 {
				fmt.Fprintf(b, "<</Type /Outlines /First %d 0 R /Last %d 0 R>>", outline[0], outline[links.lastTop])
				return
			}
			i--
			bookmarkObject(b, t.outline[i], links.of[i], outlineRoot, outline, pages)
		}
	}

	// The pages: their parent-tree key, tab order by structure, annotations moved out.
	key := len(pages)
	for p, num := range pages {
		text, _ := f.obj(num)
		var recorded []annot
		if p < len(t.annots) {
			recorded = t.annots[p]
		}
		text, dicts, err := takeAnnots(text, annotNum[p])
		if err != nil {
			return fmt.Errorf("pdfpost: page %d: %w", p+1, err)
		}
		if len(dicts) != len(recorded) {
			return fmt.Errorf("pdfpost: page %d has %d link annotations, the structure names %d", p+1, len(dicts), len(recorded))
		}
		for i, d := range dicts {
			if to := recorded[i].to; to != nil && to.Page > 0 {
				if d, err = setDest(d, pages[to.Page-1], to.Top); err != nil {
					return fmt.Errorf("pdfpost: page %d: %w", p+1, err)
				}
			}
			a := append(bytes.Clone(d[:len(d)-2]), fmt.Sprintf(" /StructParent %d /Contents %s>>", key, textString(recorded[i].alt))...)
			annots = append(annots, a)
			key++
		}
		at := bytes.LastIndex(text, []byte("/Contents "))
		if at < 0 {
			return errNotFpdf("page without /Contents")
		}
		page := make([]byte, 0, len(text)+40)
		page = append(page, text[:at]...)
		page = append(page, fmt.Sprintf("/StructParents %d\n/Tabs /S\n", p)...)
		page = append(page, text[at:]...)
		f.set(num, page)
	}

	cat, _ := f.obj(f.root)
	head := []byte("<<\n/Type /Catalog\n")
	at := bytes.Index(cat, head)
	if at < 0 {
		return errNotFpdf("catalogue")
	}
	at += len(head)
	add := fmt.Sprintf("/MarkInfo <</Marked true>>\n/StructTreeRoot %d 0 R\n/ViewerPreferences <</DisplayDocTitle true>>\n", treeRoot)
	if outlineRoot > 0 {
		add += fmt.Sprintf("/Outlines %d 0 R\n/PageMode /UseOutlines\n", outlineRoot)
	}
	f.set(f.root, append(append(append([]byte(nil), cat[:at]...), add...), cat[at:]...))
	nOutline := 0
	if outlineRoot > 0 {
		nOutline = 1 + len(outline)
	}
	return f.writePacked(w, loose, nAnnots+2+len(elems)+nOutline, packed)
}

func countAnnots(as [][]annot) int {
	n := 0
	for _, a := range as {
		n += len(a)
	}
	return n
}

// takeAnnots replaces a page's inline /Annots array with references to the objects nums
// (one per annotation; fewer or more is reported by the caller) and returns the dictionaries.
func takeAnnots(page []byte, nums []int) ([]byte, [][]byte, error) {
	start := bytes.Index(page, []byte("\n/Annots ["))
	if start < 0 {
		return page, nil, nil
	}
	i := start + len("\n/Annots [")
	var dicts [][]byte
	for {
		for i < len(page) && page[i] == ' ' {
			i++
		}
		if i >= len(page) {
			return nil, nil, errNotFpdf("/Annots cut short")
		}
		if page[i] == ']' {
			i++
			break
		}
		end, err := dictEnd(page, i)
		if err != nil {
			return nil, nil, err
		}
		dicts = append(dicts, page[i:end])
		i = end
	}
	if len(dicts) != len(nums) {
		return page, dicts, nil
	}
	out := append([]byte(nil), page[:start]...)
	out = append(out, "\n/Annots ["...)
	for j, n := range nums {
		if j > 0 {
			out = append(out, ' ')
		}
		out = append(out, strconv.Itoa(n)+" 0 R"...)
	}
	out = append(out, ']')
	return append(out, page[i:]...), dicts, nil
}

// dictEnd is the index just past the dictionary starting at b[i:], which must be "<<".
func dictEnd(b []byte, i int) (int, error) {
	if !bytes.HasPrefix(b[i:], []byte("<<")) {
		return 0, errNotFpdf("annotation is not a dictionary")
	}
	depth := 0
	for i < len(b) {
		switch {
		case bytes.HasPrefix(b[i:], []byte("<<")):
			depth++
			i += 2
		case bytes.HasPrefix(b[i:], []byte(">>")):
			depth--
			i += 2
			if depth == 0 {
				return i, nil
			}
		case b[i] == '(':
			i = stringEnd(b, i)
		case b[i] == '<':
			j := bytes.IndexByte(b[i:], '>')
			if j < 0 {
				return 0, errNotFpdf("hex string cut short")
			}
			i += j + 1
		default:
			i++
		}
	}
	return 0, errNotFpdf("dictionary cut short")
}

// stringEnd is the index just past the literal string starting at b[i], '('.
func stringEnd(b []byte, i int) int {
	depth := 0
	for ; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return i
}

// textString is s as a PDF text string: literal when it is printable ASCII, otherwise
// UTF-16BE with a byte order mark, in hex.
func textString(s string) string {
	return string(appendTextString(nil, s))
}

// appendTextString appends s as textString writes it. Every structure element with words
// (a cell's ActualText, a figure's Alt, a link's description) goes through it.
func appendTextString(b []byte, s string) []byte {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		b = append(b, '(')
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '\\' || c == '(' || c == ')' {
				b = append(b, '\\')
			}
			b = append(b, s[i])
		}
		return append(b, ')')
	}
	const hex = "0123456789ABCDEF"
	b = append(b, "<FEFF"...)
	for _, r := range s {
		r1, r2 := utf16.EncodeRune(r)
		if r1 == utf8.RuneError && r2 == utf8.RuneError {
			r1 = r // in the Basic Multilingual Plane (or U+FFFD for invalid UTF-8)
			r2 = -1
		}
		for _, u := range [2]rune{r1, r2} {
			if u < 0 {
				continue
			}
			b = append(b, hex[u>>12&0xf], hex[u>>8&0xf], hex[u>>4&0xf], hex[u&0xf])
		}
	}
	return append(b, '>')
}

// elemObject writes e as a structure element dictionary.
func elemObject(b *bytes.Buffer, e *Elem, treeRoot int, pages []int, annotNum [][]int) {
	parent := treeRoot
	if e.parent != nil {
		parent = e.parent.num
	}
	o := b.AvailableBuffer()
	o = append(o, "<</Type /StructElem /S /"...)
	o = append(o, e.role...)
	o = append(o, " /P "...)
	o = ref(o, parent)
	if e.attr.Alt != "" {
		o = appendTextString(append(o, " /Alt "...), e.attr.Alt)
	}
	if e.attr.ActualText != "" {
		o = appendTextString(append(o, " /ActualText "...), e.attr.ActualText)
	}
	if e.attr.Scope != NoScope || e.attr.ColSpan > 1 {
		o = append(o, " /A <</O /Table"...)
		if e.attr.Scope != NoScope {
			o = append(append(o, " /Scope /"...), e.attr.Scope...)
		}
		if e.attr.ColSpan > 1 {
			o = strconv.AppendInt(append(o, " /ColSpan "...), int64(e.attr.ColSpan), 10)
		}
		o = append(o, ">>"...)
	}
	o = append(o, " /K ["...)
	for i, k := range e.kids {
		if i > 0 {
			o = append(o, ' ')
		}
		switch {
		case k.elem != nil:
			o = ref(o, k.elem.num)
		case k.annot >= 0:
			o = ref(append(o, "<</Type /OBJR /Pg "...), pages[k.page-1])
			o = ref(append(o, " /Obj "...), annotNum[k.page-1][k.annot])
			o = append(o, ">>"...)
		default:
			o = ref(append(o, "<</Type /MCR /Pg "...), pages[k.page-1])
			o = strconv.AppendInt(append(o, " /MCID "...), int64(k.mcid), 10)
			o = append(o, ">>"...)
		}
	}
	o = append(o, "]>>"...)
	b.Write(o)
}

// ref appends an indirect reference to object num.
func ref(b []byte, num int) []byte {
	return append(strconv.AppendInt(b, int64(num), 10), " 0 R"...)
}
