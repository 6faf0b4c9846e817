package data

import (
	"fmt"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/period"
)

// Revision is a value a signed return changed: the value held before (from another return
// or an ordinary data file) and the one that stands.
type Revision struct {
	Code   string
	Index  int // the period's index in the indicator's own series
	Period period.Period
	From   Value // the value replaced, with its place
	To     Value // the value that stands, with its place
	Source string
}

// resolve decides between two values given for one indicator and period when either comes
// from a return. The rule: a signed return's value stands over an ordinary data file's, and
// of two returns the one that stands (Standing's order: signed, then the later sign-off date,
// then the later issue time) wins, so long as it is signed. The value it replaces, if it
// differs, is kept as a revision. Two values with no signed return between them stay an
// error, as two ordinary files' do. It reports whether it settled the pair.
func (m *matcher) resolve(ind *catalogue.Indicator, series *Series, idx int, held, given Value, table uint32, p period.Period) bool {
	a, b := m.returns[held.Place.File], m.returns[given.Place.File]
	if a == nil && b == nil {
		return false
	}
	newStands := b != nil && (a == nil || laterReturn(b, a))
	winner := a
	if newStands {
		winner = b
	}
	if winner == nil || !winner.Signed() {
		m.errorf(ind, p, given.Place, "%s; a return changes a value already held only once it is signed off: sign it off, or keep one", withoutKeepOne(m.duplicateMessage(ind, p, idx, held.Place, given.Place)))
		return true
	}
	from, to := held, given
	if !newStands {
		from, to = given, held
	} else {
		series.replace(idx, given, table)
	}
	if from.Missing != to.Missing || from.V != to.V {
		m.store.Revisions = append(m.store.Revisions, Revision{Code: ind.Code, Index: idx, Period: p, From: from, To: to, Source: winner.File})
	}
	return true
}

// withoutKeepOne trims the advice "; keep one" off a duplicate message, to give other advice.
func withoutKeepOne(msg string) string {
	const tail = "; keep one"
	if len(msg) > len(tail) && msg[len(msg)-len(tail):] == tail {
		return msg[:len(msg)-len(tail)]
	}
	return msg
}

// resolveComment decides between two commentaries for one indicator and quarter as resolve
// does between values; it reports whether it settled the pair.
func (m *matcher) resolveComment(held, given Comment) bool {
	a, b := m.returns[held.Place.File], m.returns[given.Place.File]
	if a == nil && b == nil {
		return false
	}
	newStands := b != nil && (a == nil || laterReturn(b, a))
	winner := a
	if newStands {
		winner = b
	}
	if winner == nil || !winner.Signed() {
		return false
	}
	if newStands {
		m.store.SetComment(held.Code, m.cal.QuarterOfPeriod(given.Period), given)
	}
	return true
}

// replace puts v in place of the value filed for idx.
func (s *Series) replace(idx int, v Value, table uint32) {
	i, ok := -1, false
	if s.pos != nil {
		i, ok = s.pos.get(idx)
	} else {
		i, ok = s.find(idx)
	}
	if !ok {
		panic(fmt.Sprintf("replace: no entry for period %d", idx))
	}
	s.entries[i] = s.pack(idx, v, table)
}

// returnFiles indexes the returns read by file.
func returnFiles(rs []Return) map[string]*Return {
	out := map[string]*Return{}
	for i := range rs {
		out[rs[i].File] = &rs[i]
	}
	return out
}
