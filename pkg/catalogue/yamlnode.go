package catalogue

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/example/qpr/pkg/diag"
)

// parser walks the yaml.Node tree rather than decoding into structs so that every key keeps its
// line and every problem in the file is collected, not just the first.
type parser struct {
	file string
	list diag.List

	// merged holds each mapping's keys with merges applied, worked out once: a mapping merged
	// into many others would otherwise be expanded again for each, which grows exponentially
	// in a file that nests merges (the "billion laughs").
	merged map[*yaml.Node][]pair

	// directorateRefs are the directorates indicators name, checked once the whole file is
	// read; indicators left out of the catalogue for other faults are checked too.
	directorateRefs []directorateRef

	// directoratesUnreadable is set when the directorates list itself could not be read, so
	// that references to directorates are not each reported as unknown as well.
	directoratesUnreadable bool

	// ownerRefs are the owner: keys read, checked once the whole file is read (see owners.go).
	ownerRefs        []ownerRef
	ownersUnreadable bool
	// comparatorsUnreadable is set when a comparator group could not be read, so that an
	// indicator's benchmark naming it is not reported as naming an unknown group as well.
	comparatorsUnreadable bool

	// quick is set when the tree is the quick parser's: no anchor, alias or merge key, and
	// every node on its own lines, in file order (see eachIndicator).
	quick bool
}

type directorateRef struct {
	indicator string // code, or #n when it has none
	code      string
	line      int
}

func (p *parser) errorf(line int, format string, args ...any) {
	p.list.Errorf(diag.Place{File: p.file, Line: line}, format, args...)
}

// pair is one key of a mapping with its value.
type pair struct {
	key, val *yaml.Node
}

// name is the key as the user wrote it, for messages.
func (f pair) name() string { return f.key.Value }

// line is where a problem with the value should point: the value itself when it has a line,
// else its key (an empty value has no text of its own).
func (f pair) line() int {
	if v := resolve(f.val); v != nil && v.Line > 0 && !isNull(v) {
		return v.Line
	}
	return f.key.Line
}

// maxAliasHops bounds alias chains; the yaml parser refuses cycles, this is a second guard.
const maxAliasHops = 64

func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i == maxAliasHops {
			return nil
		}
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	n = resolve(n)
	return n == nil || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null")
}

// describe names what a node holds, for "found ..." parts of messages.
func describe(n *yaml.Node) string {
	n = resolve(n)
	switch {
	case isNull(n):
		return "nothing"
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	}
	return strconv.Quote(n.Value)
}

// pairs lists a mapping's own keys followed by keys merged in with "<<" that the mapping does
// not set itself, as YAML's merge key says. Callers check that n is a mapping.
func (p *parser) pairs(n *yaml.Node) []pair {
	return p.pairsDepth(n, 0)
}

func (p *parser) pairsDepth(n *yaml.Node, depth int) []pair {
	if !hasMergeKey(n) {
		// Nothing to expand, and nothing worth keeping: most mappings are this.
		return p.expand(n, depth)
	}
	if done, ok := p.merged[n]; ok {
		return done
	}
	if p.merged == nil {
		p.merged = map[*yaml.Node][]pair{}
	}
	// Marked before expanding, so a mapping that merges itself stops here.
	p.merged[n] = nil
	out := p.expand(n, depth)
	p.merged[n] = out
	return out
}

func hasMergeKey(n *yaml.Node) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
			return true
		}
	}
	return false
}

func (p *parser) expand(n *yaml.Node, depth int) []pair {
	own := make([]pair, 0, len(n.Content)/2)
	var merged []pair
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
			merged = append(merged, p.mergeSources(k, v, depth)...)
			continue
		}
		own = append(own, pair{key: k, val: v})
	}
	if len(merged) == 0 {
		return own
	}
	seen := map[string]bool{}
	for _, f := range own {
		seen[f.key.Value] = true
	}
	for _, f := range merged {
		if !seen[f.key.Value] {
			seen[f.key.Value] = true
			own = append(own, f)
		}
	}
	return own
}

func (p *parser) mergeSources(k, v *yaml.Node, depth int) []pair {
	if depth > maxAliasHops {
		p.errorf(k.Line, "merge key << nests too deeply; merge at most %d levels", maxAliasHops)
		return nil
	}
	src := resolve(v)
	var sources []*yaml.Node
	switch {
	case src != nil && src.Kind == yaml.MappingNode:
		sources = []*yaml.Node{src}
	case src != nil && src.Kind == yaml.SequenceNode:
		for _, item := range src.Content {
			sources = append(sources, resolve(item))
		}
	default:
		sources = []*yaml.Node{src}
	}
	var out []pair
	for _, s := range sources {
		if s == nil || s.Kind != yaml.MappingNode {
			p.errorf(k.Line, "merge key << must name a mapping, e.g. <<: *defaults; found %s", describe(s))
			continue
		}
		out = append(out, p.pairsDepth(s, depth+1)...)
	}
	return out
}

// fields checks a mapping's keys against the known ones and returns the known ones by name.
// where completes "unknown key ... <where>", e.g. "in indicator CS01".
func (p *parser) fields(n *yaml.Node, where string, known []string) map[string]pair {
	all := p.pairs(n)
	out := make(map[string]pair, len(all))
	// where each key was first given: looked up in all itself while the mapping is short
	var first map[string]int
	if len(all) > shortMapping {
		first = make(map[string]int, len(all))
	}
	for i, f := range all {
		var prev pair
		if i > 0 {
			prev = all[i-1]
		}
		if f.key.Kind != yaml.ScalarNode {
			p.errorf(f.key.Line, "a key %s is %s; keys are plain names such as %s", where, describe(f.key), known[0])
			continue
		}
		name := f.key.Value
		if line, dup := firstGiven(first, all[:i], name); dup {
			p.errorf(f.key.Line, "key %q is given twice %s (first at line %d); give it once", name, where, line)
			continue
		}
		if first != nil {
			first[name] = f.key.Line
		}
		if !contains(known, name) {
			if joined, split := commaSplit(n, prev, f); split {
				p.errorf(f.key.Line, "unknown key %q %s; a comma ends a value inside { }, so put the whole value in quotes: %s: %q", name, where, prev.name(), joined)
			} else if s := suggest(name, known); s != "" {
				p.errorf(f.key.Line, "unknown key %q %s; did you mean %q?", name, where, s)
			} else {
				p.errorf(f.key.Line, "unknown key %q %s; valid keys are %s", name, where, strings.Join(known, ", "))
			}
			continue
		}
		out[name] = f
	}
	return out
}

// shortMapping is the most keys a mapping has for fields to look for a key given twice among
// the keys before it rather than in a map.
const shortMapping = 32

// firstGiven is the line where name was first given: from first when it is set, else among
// the scalar keys before.
func firstGiven(first map[string]int, before []pair, name string) (int, bool) {
	if first != nil {
		line, ok := first[name]
		return line, ok
	}
	for _, f := range before {
		if f.key.Kind == yaml.ScalarNode && f.key.Value == name {
			return f.key.Line, true
		}
	}
	return 0, false
}

// commaSplit recognises {name: Growth, Environment and Transport}: a plain value cut short by
// a comma, its rest read as a key without a value. It returns the value as meant.
func commaSplit(n *yaml.Node, prev, f pair) (string, bool) {
	if n.Style&yaml.FlowStyle == 0 || prev.key == nil || !isNull(f.val) || f.val.Kind != yaml.ScalarNode || f.val.Value != "" {
		return "", false
	}
	pv := prev.val
	if pv.Kind != yaml.ScalarNode || pv.Style != 0 || isNull(pv) || f.key.Style != 0 {
		return "", false
	}
	return pv.Value + ", " + f.key.Value, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// scalar returns a single value's text, reporting an empty value or a list or mapping in its
// place; hint says what to write instead.
func (p *parser) scalar(f pair, hint string) (string, bool) {
	v := resolve(f.val)
	if isNull(v) {
		p.errorf(f.line(), "%s is empty; %s", f.name(), hint)
		return "", false
	}
	if v.Kind != yaml.ScalarNode {
		p.errorf(f.line(), "%s must be a single value, not %s; %s", f.name(), describe(v), hint)
		return "", false
	}
	return v.Value, true
}

// text is a non-blank string with surrounding spaces removed.
func (p *parser) text(f pair, hint string) (string, bool) {
	s, ok := p.scalar(f, hint)
	if !ok {
		return "", false
	}
	s = strings.TrimSpace(s)
	if s == "" {
		p.errorf(f.line(), "%s is blank; %s", f.name(), hint)
		return "", false
	}
	return s, true
}

// number is a finite number together with the text the user wrote, so messages quote it as
// written.
type number struct {
	value float64
	text  string
	line  int
}

func (p *parser) number(f pair) (number, bool) {
	hint := "write a plain number such as 85"
	s, ok := p.scalar(f, hint)
	if !ok {
		return number{}, false
	}
	s = strings.TrimSpace(s)
	if yamlNonFinite(s) {
		p.errorf(f.line(), "%s %s is not a finite number; %s", f.name(), s, hint)
		return number{}, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil && !isRangeError(err) {
		p.errorf(f.line(), "%s %q is not a number; %s", f.name(), s, hint)
		return number{}, false
	}
	if math.IsInf(v, 0) || math.IsNaN(v) {
		p.errorf(f.line(), "%s %s is not a finite number; %s", f.name(), s, hint)
		return number{}, false
	}
	return number{value: v, text: s, line: f.line()}, true
}

// yamlNonFinite recognises YAML's spellings of infinity and not-a-number, which Go's parser
// does not read.
func yamlNonFinite(s string) bool {
	switch strings.ToLower(strings.TrimLeft(s, "+-")) {
	case ".inf", ".nan":
		return true
	}
	return false
}

func isRangeError(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// wholeAtLeast reads a whole number no smaller than low; unit names what it counts for the
// hint ("quarters", "decimal places").
func (p *parser) wholeAtLeast(f pair, low int, unit string) (int, bool) {
	if v := resolve(f.val); v != nil && v.Kind == yaml.ScalarNode && !isNull(v) {
		if n, err := strconv.Atoi(strings.TrimSpace(v.Value)); err == nil && n >= low {
			return n, true // the usual case, told without making the hint
		}
	}
	hint := fmt.Sprintf("use a whole number of %s, %d or more", unit, low)
	s, ok := p.scalar(f, hint)
	if !ok {
		return 0, false
	}
	s = strings.TrimSpace(s)
	n, err := strconv.Atoi(s)
	if err != nil {
		p.errorf(f.line(), "%s %q is not a whole number; %s", f.name(), s, hint)
		return 0, false
	}
	if n < low {
		if n < 0 {
			p.errorf(f.line(), "%s %d is negative; %s", f.name(), n, hint)
		} else {
			p.errorf(f.line(), "%s %d is too small; %s", f.name(), n, hint)
		}
		return 0, false
	}
	return n, true
}

// choice reads one of a fixed set of words, case-insensitively, and returns it in the set's
// spelling.
func (p *parser) choice(f pair, options []string) (string, bool) {
	if v := resolve(f.val); v != nil && v.Kind == yaml.ScalarNode && !isNull(v) {
		for _, o := range options { // the usual case, told without making the hint
			if strings.EqualFold(strings.TrimSpace(v.Value), o) {
				return o, true
			}
		}
	}
	hint := "use " + oneOf(options)
	s, ok := p.scalar(f, hint)
	if !ok {
		return "", false
	}
	p.errorf(f.line(), "%s %q is not valid; %s", f.name(), s, hint)
	return "", false
}

func (p *parser) boolean(f pair) (bool, bool) {
	v, ok := p.choice(f, []string{"true", "false"})
	return v == "true", ok
}

// words reads a list of non-blank strings; example shows a valid list in the hint.
func (p *parser) words(f pair, example string) ([]string, bool) {
	hint := func() string { return fmt.Sprintf("write a list such as %s: [%s]", f.name(), example) }
	v := resolve(f.val)
	if isNull(v) {
		p.errorf(f.line(), "%s is empty; %s", f.name(), hint())
		return nil, false
	}
	if v.Kind != yaml.SequenceNode {
		p.errorf(f.line(), "%s must be a list, not %s; %s", f.name(), describe(v), hint())
		return nil, false
	}
	out := make([]string, 0, len(v.Content))
	ok := true
	for _, item := range v.Content {
		it := resolve(item)
		if it == nil || it.Kind != yaml.ScalarNode || isNull(it) || strings.TrimSpace(it.Value) == "" {
			line := f.line()
			if it != nil && it.Line > 0 {
				line = it.Line
			}
			p.errorf(line, "an entry of %s is %s; each entry must be a single word, as in %s: [%s]", f.name(), describeEntry(it), f.name(), example)
			ok = false
			continue
		}
		out = append(out, strings.TrimSpace(it.Value))
	}
	return out, ok
}

func describeEntry(n *yaml.Node) string {
	if n != nil && n.Kind == yaml.ScalarNode && !isNull(n) {
		return "blank"
	}
	return describe(n)
}

// mapping checks that a value is a mapping, saying what it should look like if not.
func (p *parser) mapping(f pair, example string) (*yaml.Node, bool) {
	v := resolve(f.val)
	if v == nil || v.Kind != yaml.MappingNode {
		p.errorf(f.line(), "%s must be a mapping such as %s; found %s", f.name(), example, describe(v))
		return nil, false
	}
	return v, true
}

// sequence checks that a value is a list, saying what an entry should look like if not.
func (p *parser) sequence(f pair, example string) (*yaml.Node, bool) {
	v := resolve(f.val)
	if v == nil || v.Kind != yaml.SequenceNode {
		p.errorf(f.line(), "%s must be a list of entries, each starting with \"- \", as in %s; found %s", f.name(), example, describe(v))
		return nil, false
	}
	return v, true
}

// peek reads a key's text from a mapping without checking anything, to name the mapping in
// messages about its other keys.
func peek(n *yaml.Node, key string) string {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			if v := resolve(n.Content[i+1]); v != nil && v.Kind == yaml.ScalarNode && !isNull(v) {
				return strings.TrimSpace(v.Value)
			}
		}
	}
	return ""
}

func atoi(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// entry wraps a list item so messages about it read "each entry of directorates ...".
func entry(list pair, item *yaml.Node) pair {
	line := item.Line
	if line == 0 {
		line = list.key.Line
	}
	return pair{key: &yaml.Node{Kind: yaml.ScalarNode, Value: "each entry of " + list.name(), Line: line}, val: item}
}

// ordinal names an entry that has no code yet: "#3" for the third.
func ordinal(i int) string { return "#" + strconv.Itoa(i+1) }

func quote(s string) string { return strconv.Quote(s) }
