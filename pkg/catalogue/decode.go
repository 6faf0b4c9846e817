package catalogue

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// document parses src into its single top-level node, reporting malformed YAML, an empty file,
// or more than one document. It returns nil when there is nothing to walk.
func (p *parser) document(src []byte) (root *yaml.Node) {
	defer func() {
		// A parser bug must not reach the user as a stack trace.
		if r := recover(); r != nil {
			p.errorf(0, "the YAML parser failed on this file (%v); check that it is a plain YAML text file", r)
			root = nil
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	err := dec.Decode(&doc)
	if errors.Is(err, io.EOF) {
		p.errorf(0, "the catalogue is empty; it needs at least directorates: and indicators:")
		return nil
	}
	if err != nil {
		p.yamlError(err, src)
		return nil
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		p.errorf(extra.Line, "a second YAML document starts here; the catalogue must be a single document, so remove this --- and what follows or merge it into the first")
	case !errors.Is(err, io.EOF):
		p.yamlError(err, src)
	}
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		p.errorf(0, "the catalogue is empty; it needs at least directorates: and indicators:")
		return nil
	}
	root = resolve(doc.Content[0])
	if root == nil || root.Kind != yaml.MappingNode {
		line := 0
		if root != nil {
			line = root.Line
		}
		p.errorf(line, "the catalogue must be a mapping of keys such as organisation:, directorates: and indicators:; found %s", describe(root))
		return nil
	}
	return root
}

// yamlError turns the yaml package's error into a problem at the line where the text stops
// being valid YAML. The package's own line is where the enclosing block starts (often the
// indicators: line for a slip deep inside one indicator), so the problem line is found as the
// shortest run of leading lines that fails with the same complaint.
func (p *parser) yamlError(err error, src []byte) {
	if line, ok := badUTF8Line(src); ok {
		p.errorf(line, "the file is not valid UTF-8 text; save it as UTF-8")
		return
	}
	if line, r, ok := controlCharLine(src); ok {
		p.errorf(line, "control character %U is not allowed in YAML; remove it", r)
		return
	}
	from, complaint := splitYAMLError(err)
	line := problemLine(src, from, complaint)
	p.errorf(line, "not valid YAML: %s; check the indentation and punctuation on this line and the one before", complaint)
}

// splitYAMLError separates the package's line from its complaint. A message without a line
// is about line 1, which the package leaves out.
func splitYAMLError(err error) (int, string) {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return line, m[2]
	}
	return 1, strings.TrimPrefix(msg, "yaml: ")
}

// problemLine finds by bisection the fewest leading lines, at least from, that fail with the
// same complaint as the whole file, falling back to from when that search finds nothing.
func problemLine(src []byte, from int, complaint string) int {
	lines := bytes.SplitAfter(src, []byte("\n"))
	failsHere := func(k int) bool {
		var n yaml.Node
		err := decodeAll(bytes.Join(lines[:k], nil), &n)
		if err == nil {
			return false
		}
		_, c := splitYAMLError(err)
		return c == complaint
	}
	lo, hi := from-1, len(lines) // failsHere(hi) is assumed, failsHere(lo) is not
	if lo < 0 {
		lo = 0
	}
	if lo >= hi || !failsHere(hi) {
		return from
	}
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if failsHere(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// decodeAll decodes every document in src, returning the first error.
func decodeAll(src []byte, n *yaml.Node) error {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for {
		if err := dec.Decode(n); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

func badUTF8Line(src []byte) (int, bool) {
	if hasUnicodeBOM(src) {
		// UTF-16 with a byte-order mark is decoded by the yaml package itself.
		return 0, false
	}
	line := 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, true
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return 0, false
}

func hasUnicodeBOM(src []byte) bool {
	return bytes.HasPrefix(src, []byte{0xFE, 0xFF}) || bytes.HasPrefix(src, []byte{0xFF, 0xFE})
}

// controlCharLine finds the first character YAML forbids in a document.
func controlCharLine(src []byte) (int, rune, bool) {
	line := 1
	for _, r := range string(src) {
		switch {
		case r == '\n':
			line++
		case r == '\t' || r == '\r' || r == 0x85 || r == 0xFEFF:
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0) || r == 0xFFFE || r == 0xFFFF:
			return line, r, true
		}
	}
	return 0, 0, false
}
