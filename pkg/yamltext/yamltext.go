// Package yamltext says where a YAML file stops being valid YAML and why, worded for the person
// who edits it. The yaml package's own line is where the enclosing block starts (often a
// top-level key for a slip deep inside it), or missing for line 1; every YAML file qpr reads
// (the catalogue, qpr.yaml, style.yaml) is placed the same way, here.
package yamltext

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// SyntaxError is the line of src where it stops being YAML and the message to give there,
// for err, the yaml package's error on decoding src: bytes that are not UTF-8 and characters
// YAML forbids are named first, since the package's own words for them mislead.
func SyntaxError(src []byte, err error) (line int, message string) {
	if line, ok := badUTF8Line(src); ok {
		return line, "the file is not valid UTF-8 text; save it as UTF-8"
	}
	if line, r, ok := controlCharLine(src); ok {
		return line, fmt.Sprintf("control character %U is not allowed in YAML; remove it", r)
	}
	from, complaint := split(err)
	return problemLine(src, from, complaint), "not valid YAML: " + complaint + "; check the indentation and punctuation on this line and the one before"
}

// split separates the package's line from its complaint. A message without a line is about
// line 1, which the package leaves out.
func split(err error) (int, string) {
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
		err := decodeAll(bytes.Join(lines[:k], nil))
		if err == nil {
			return false
		}
		_, c := split(err)
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
func decodeAll(src []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
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
