package catalogue

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// quickDocument parses the shape most catalogues have - block mappings and sequences of keys
// with values on one line, and one-line flow mappings and lists such as
// `- {code: K1, name: "...", tags: [qpr]}` - straight into the node tree yaml.v3 builds for
// them: the same Kind, Style, Tag, Value, Line, Column and Content for every node (comments,
// which qpr does not read, are not kept). It is several times quicker than yaml.v3 on a large
// catalogue. On anything else (an empty value, a value over several lines, an anchor, alias,
// tag, merge key, escape, tab, document marker, or anything it does not fully understand) it
// returns nil, and the whole file is parsed by yaml.v3, which also tells every error: a file
// it takes is one yaml.v3 reads without error. TestQuickYAMLAgrees and FuzzQuickYAML hold it
// to that.
func quickDocument(src []byte) *yaml.Node {
	if !quickText(src) {
		return nil
	}
	p := &quickParser{src: string(src)}
	if !p.splitLines() || len(p.lines) == 0 || p.lines[0].col != 0 {
		return nil
	}
	first := p.lines[0]
	root := p.blockNode(0)
	if root == nil || p.i != len(p.lines) {
		return nil
	}
	doc := p.node(yaml.DocumentNode, "", "", first, first.pos)
	doc.Content = []*yaml.Node{root}
	return doc
}

// quickText reports whether src holds only what the quick parser reads as yaml.v3 does: no
// byte-order mark, tab, control character or carriage return other than in a Windows line
// end, valid UTF-8, and only characters yaml.v3 accepts that are not line breaks (U+0085,
// U+2028 and U+2029 are).
func quickText(src []byte) bool {
	for i := 0; i < len(src); {
		b := src[i]
		if b < utf8.RuneSelf {
			crlf := b == '\r' && i+1 < len(src) && src[i+1] == '\n' // a Windows line end
			if (b < 0x20 && b != '\n' && !crlf) || b == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError:
			return false
		case r >= 0xa0 && r <= 0xd7ff && r != 0x2028 && r != 0x2029:
		case r >= 0xe000 && r <= 0xfffd && r != 0xfeff:
		default:
			return false
		}
		i += size
	}
	return true
}

// quickLine is one line with content: not blank, not only a comment.
type quickLine struct {
	num        int  // from 1
	start, end int  // the line's bytes in src, without its newline
	pos        int  // where its content starts: after the indentation, or after "- " within it
	col        int  // pos's column from 0 (all before it is spaces and "- ")
	ascii      bool // every byte of the line is ASCII, so a column is a byte offset
}

type quickParser struct {
	src   string
	lines []quickLine
	i     int // the line being read

	nodes   []yaml.Node  // nodes are taken from here, a block at a time
	kids    []*yaml.Node // the children of the collections being read, innermost last
	content []*yaml.Node // each collection's Content is cut from here
	depth   int
	tags    map[string]string // a plain scalar's tag by its value
}

// maxQuickDepth bounds nesting; deeper documents are left to yaml.v3.
const maxQuickDepth = 64

// quickNodeBlock is how many nodes are made at once: few enough to be a small object.
const quickNodeBlock = 128

// maxQuickKey is the longest key taken: yaml.v3 refuses a key of more than 1,024 characters.
const maxQuickKey = 512

func (p *quickParser) splitLines() bool {
	src := p.src
	// room for every line of a usual catalogue at once, but not for a file of blank lines
	p.lines = make([]quickLine, 0, min(strings.Count(src, "\n")+1, len(src)/32+1))
	for num, start := 1, 0; start < len(src); num++ {
		end := start
		ascii := true
		for end < len(src) && src[end] != '\n' {
			if src[end] >= utf8.RuneSelf {
				ascii = false
			}
			end++
		}
		next := end + 1
		if end > start && src[end-1] == '\r' {
			end-- // the line end is \r\n
		}
		pos := start
		for pos < end && src[pos] == ' ' {
			pos++
		}
		switch {
		case pos == end || src[pos] == '#':
			// blank, or only a comment
		case pos == start && (src[pos] == '%' || hasPrefixAt(src, pos, "---") || hasPrefixAt(src, pos, "...")):
			return false // a directive or document marker
		default:
			p.lines = append(p.lines, quickLine{num: num, start: start, end: end, pos: pos, col: pos - start, ascii: ascii})
		}
		start = next
	}
	return true
}

func hasPrefixAt(s string, at int, prefix string) bool {
	return len(s)-at >= len(prefix) && s[at:at+len(prefix)] == prefix
}

// node makes a node at byte offset at of line l, as yaml.v3's parser does: a plain scalar's
// tag is resolved from its value.
func (p *quickParser) node(kind yaml.Kind, tag string, value string, l quickLine, at int) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]yaml.Node, 0, quickNodeBlock)
	}
	p.nodes = p.nodes[:len(p.nodes)+1]
	n := &p.nodes[len(p.nodes)-1]
	n.Kind, n.Tag, n.Value, n.Line = kind, tag, value, l.num
	n.Column = at - l.start + 1
	if !l.ascii {
		n.Column = utf8.RuneCountInString(p.src[l.start:at]) + 1
	}
	if kind == yaml.ScalarNode && tag == "" {
		// The same keys and many of the same values come again and again; yaml.v3 tries each
		// as a number, a date and more before calling it a string.
		t, ok := p.tags[value]
		if !ok {
			t = n.ShortTag()
			if p.tags == nil {
				p.tags = map[string]string{}
			}
			p.tags[value] = t
		}
		n.Tag = t
	}
	return n
}

// collect ends a collection whose children were pushed onto kids from mark.
func (p *quickParser) collect(n *yaml.Node, mark int) {
	kids := p.kids[mark:]
	if len(kids) > cap(p.content)-len(p.content) {
		p.content = make([]*yaml.Node, 0, max(len(kids), 4096))
	}
	start := len(p.content)
	p.content = append(p.content, kids...)
	n.Content = p.content[start:len(p.content):len(p.content)]
	p.kids = p.kids[:mark]
}

// blockNode reads the block mapping or sequence starting at the current line's content,
// whose column is indent.
func (p *quickParser) blockNode(indent int) *yaml.Node {
	l := p.lines[p.i]
	switch {
	case p.seqEntry(l):
		return p.blockSequence(indent)
	case p.keyAt(l, l.pos):
		return p.blockMapping(indent)
	}
	return nil
}

func (p *quickParser) seqEntry(l quickLine) bool {
	return p.src[l.pos] == '-' && (l.pos+1 == l.end || p.src[l.pos+1] == ' ')
}

// keyAt reports whether a key and its colon start at offset at of line l.
func (p *quickParser) keyAt(l quickLine, at int) bool {
	_, end, ok := p.scalar(l, at, false)
	return ok && p.colonAt(l, end)
}

// colonAt reports whether a key's colon is at offset at: followed by a space or the line's end.
func (p *quickParser) colonAt(l quickLine, at int) bool {
	return at < l.end && p.src[at] == ':' && (at+1 == l.end || p.src[at+1] == ' ')
}

func (p *quickParser) enter() bool {
	p.depth++
	return p.depth <= maxQuickDepth
}

func (p *quickParser) blockMapping(indent int) *yaml.Node {
	if !p.enter() {
		return nil
	}
	defer func() { p.depth-- }()
	first := p.lines[p.i]
	m := p.node(yaml.MappingNode, "!!map", "", first, first.pos)
	mark := len(p.kids)
	for p.i < len(p.lines) {
		l := p.lines[p.i]
		if l.col < indent {
			break
		}
		if l.col > indent {
			return nil
		}
		key, end, ok := p.scalar(l, l.pos, false)
		if !ok || !p.colonAt(l, end) || end-l.pos > maxQuickKey || (key.Style == 0 && key.Value == "<<") {
			return nil
		}
		p.kids = append(p.kids, key)
		at := skipSpaces(p.src, end+1, l.end)
		if at < l.end && p.src[at] != '#' {
			v, end := p.inline(l, at, false)
			if v == nil || !p.lineEndsAt(l, end) {
				return nil
			}
			p.kids = append(p.kids, v)
			p.i++
			if p.i < len(p.lines) && p.lines[p.i].col > indent {
				return nil // the value would go on over the next line
			}
			continue
		}
		// The value is on the lines below: more indented, or a list at the key's own indent.
		p.i++
		if p.i == len(p.lines) {
			return nil
		}
		next := p.lines[p.i]
		var v *yaml.Node
		switch {
		case next.col > indent:
			v = p.blockNode(next.col)
		case next.col == indent && p.seqEntry(next):
			v = p.blockSequence(indent)
		}
		if v == nil {
			return nil
		}
		p.kids = append(p.kids, v)
	}
	p.collect(m, mark)
	return m
}

func (p *quickParser) blockSequence(indent int) *yaml.Node {
	if !p.enter() {
		return nil
	}
	defer func() { p.depth-- }()
	first := p.lines[p.i]
	s := p.node(yaml.SequenceNode, "!!seq", "", first, first.pos)
	mark := len(p.kids)
	for p.i < len(p.lines) {
		l := p.lines[p.i]
		if l.col < indent || (l.col == indent && !p.seqEntry(l)) {
			break
		}
		if l.col > indent {
			return nil
		}
		at := skipSpaces(p.src, l.pos+1, l.end)
		if at == l.end || p.src[at] == '#' || p.src[at] == '-' {
			return nil // an entry on the lines below, or a list in a list
		}
		if p.keyAt(l, at) {
			// a mapping that starts on the entry's line: its keys line up with the first
			l.pos, l.col = at, at-l.start
			p.lines[p.i] = l
			v := p.blockMapping(l.col)
			if v == nil {
				return nil
			}
			p.kids = append(p.kids, v)
			continue
		}
		v, end := p.inline(l, at, false)
		if v == nil || !p.lineEndsAt(l, end) {
			return nil
		}
		p.kids = append(p.kids, v)
		p.i++
		if p.i < len(p.lines) && p.lines[p.i].col > indent {
			return nil
		}
	}
	p.collect(s, mark)
	return s
}

// lineEndsAt reports whether nothing but spaces and a comment follow offset at on line l.
func (p *quickParser) lineEndsAt(l quickLine, at int) bool {
	rest := skipSpaces(p.src, at, l.end)
	return rest == l.end || (p.src[rest] == '#' && rest > at)
}

func skipSpaces(s string, at, end int) int {
	for at < end && s[at] == ' ' {
		at++
	}
	return at
}

// inline reads a value written on one line from offset at: a flow mapping or list, or a
// scalar, which within a flow collection (inFlow) ends at its indicators too; it returns the
// offset after it.
func (p *quickParser) inline(l quickLine, at int, inFlow bool) (*yaml.Node, int) {
	switch p.src[at] {
	case '{':
		return p.flow(l, at, yaml.MappingNode)
	case '[':
		return p.flow(l, at, yaml.SequenceNode)
	}
	n, end, ok := p.scalar(l, at, inFlow)
	if !ok {
		return nil, 0
	}
	return n, end
}

// flow reads a flow mapping ({...}) or list ([...]) that opens at offset at and closes on the
// same line, entries separated by commas; it returns the offset after it.
func (p *quickParser) flow(l quickLine, at int, kind yaml.Kind) (*yaml.Node, int) {
	if !p.enter() {
		return nil, 0
	}
	defer func() { p.depth-- }()
	tag, closing := "!!seq", byte(']')
	if kind == yaml.MappingNode {
		tag, closing = "!!map", '}'
	}
	c := p.node(kind, tag, "", l, at)
	c.Style = yaml.FlowStyle
	mark := len(p.kids)
	i := skipSpaces(p.src, at+1, l.end)
	if i < l.end && p.src[i] == closing {
		p.collect(c, mark)
		return c, i + 1
	}
	for i < l.end {
		if kind == yaml.MappingNode {
			key, end, ok := p.scalar(l, i, true)
			if !ok || !(end+1 < l.end && p.src[end] == ':' && p.src[end+1] == ' ') || end-i > maxQuickKey || (key.Style == 0 && key.Value == "<<") {
				return nil, 0
			}
			if i = skipSpaces(p.src, end+1, l.end); i == l.end {
				return nil, 0
			}
			p.kids = append(p.kids, key)
		}
		v, end := p.inline(l, i, true)
		if v == nil {
			return nil, 0
		}
		p.kids = append(p.kids, v)
		if i = skipSpaces(p.src, end, l.end); i == l.end {
			return nil, 0
		}
		switch p.src[i] {
		case closing:
			p.collect(c, mark)
			return c, i + 1
		case ',':
			i = skipSpaces(p.src, i+1, l.end)
		default:
			return nil, 0 // in a list, a colon (a one-pair mapping); anything else
		}
	}
	return nil, 0
}

// scalar reads a scalar at offset at of line l: double-quoted without escapes, single-quoted
// without a doubled quote, or plain. flow says whether it is inside a flow collection, where
// a plain scalar ends at , ? [ ] { } as yaml.v3's does. It returns the offset after it; not ok for anything else.
func (p *quickParser) scalar(l quickLine, at int, flow bool) (n *yaml.Node, end int, ok bool) {
	src := p.src
	switch c := src[at]; c {
	case '"', '\'':
		close := -1
		for i := at + 1; i < l.end; i++ {
			if src[i] == '\\' && c == '"' {
				return nil, 0, false
			}
			if src[i] == c {
				close = i
				break
			}
		}
		if close < 0 || (c == '\'' && close+1 < l.end && src[close+1] == '\'') {
			return nil, 0, false
		}
		n = p.node(yaml.ScalarNode, "!!str", src[at+1:close], l, at)
		n.Style = yaml.DoubleQuotedStyle
		if c == '\'' {
			n.Style = yaml.SingleQuotedStyle
		}
		return n, close + 1, true
	case '-':
		// a plain scalar may start with '-' only as a number does: -5, -.5
		if at+1 == l.end || !(isDigit(src[at+1]) || src[at+1] == '.') {
			return nil, 0, false
		}
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`', ' ':
		return nil, 0, false
	}
	i := at
	for ; i < l.end; i++ {
		c := src[i]
		if c == ':' {
			if i+1 == l.end || src[i+1] == ' ' {
				break
			}
			if flow {
				return nil, 0, false
			}
		}
		if c == ' ' && i+1 < l.end && src[i+1] == '#' {
			break
		}
		if flow && (c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}') {
			break
		}
	}
	end = i
	for end > at && src[end-1] == ' ' {
		end--
	}
	if end == at {
		return nil, 0, false
	}
	return p.node(yaml.ScalarNode, "", src[at:end], l, at), end, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
