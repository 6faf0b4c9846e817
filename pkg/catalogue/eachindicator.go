package catalogue

import (
	"runtime"

	"go.yaml.in/yaml/v3"

	"github.com/example/qpr/internal/parallel"
)

// readIndicator is one entry of indicators: as parser.indicator reads it.
type readIndicator struct {
	ind      *Indicator
	codeLine int
}

// minIndicatorsApart is the fewest indicators worth reading on more than one core.
const minIndicatorsApart = 256

// eachIndicator reads the entries of the indicators list, in parts side by side when the
// list is long: each part by a parser of its own, whose problems and references are then
// added to p's part by part, in the list's order, so that p holds what reading the entries
// one by one would have given it. Only a tree of the quick parser, its entries on lines of
// their own in file order, is read in parts: every problem of an entry is then placed on the
// entry's own lines, so the problems sorted by place (stably) come out as before, and no
// entry shares a node with another (an alias) or needs the merge cache.
func (p *parser) eachIndicator(v pair, items []*yaml.Node, cat *Catalogue) []readIndicator {
	out := make([]readIndicator, len(items))
	read := func(q *parser, from, to int) {
		for i := from; i < to; i++ {
			out[i].ind, out[i].codeLine = q.indicator(entry(v, items[i]), i, cat)
		}
	}
	parts := min(runtime.GOMAXPROCS(0), 4, len(items)/minIndicatorsApart)
	if parts < 2 || !p.quick || !linesInOrder(items) {
		read(p, 0, len(items))
		return out
	}
	forks := make([]*parser, parts)
	forks[0] = p
	for k := 1; k < parts; k++ {
		forks[k] = &parser{file: p.file, directoratesUnreadable: p.directoratesUnreadable,
			ownersUnreadable: p.ownersUnreadable, comparatorsUnreadable: p.comparatorsUnreadable, quick: true}
	}
	// a panic comes back here, in the caller's goroutine, as reading one by one would raise it
	parallel.Each(parts, parts, func(k int) { read(forks[k], k*len(items)/parts, (k+1)*len(items)/parts) })
	for _, q := range forks[1:] {
		p.list.AddAll(q.list.Problems())
		p.directorateRefs = append(p.directorateRefs, q.directorateRefs...)
		p.ownerRefs = append(p.ownerRefs, q.ownerRefs...)
	}
	return out
}

// linesInOrder reports whether each item starts on a later line than the one before.
func linesInOrder(items []*yaml.Node) bool {
	for i := 1; i < len(items); i++ {
		if items[i].Line <= items[i-1].Line {
			return false
		}
	}
	return true
}
