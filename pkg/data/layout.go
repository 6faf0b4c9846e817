package data

import (
	"fmt"
	"strings"

	"github.com/example/qpr/pkg/period"
)

type layoutKind int

const (
	layoutNone layoutKind = iota
	layoutLong
	layoutWide
	layoutCommentary
	layoutComparator // comparators.go
)

// layout is what a table's header says about its columns; -1 marks an absent column.
type layout struct {
	kind                      layoutKind
	code, period, value, note int
	context, actions          int
	numerator, denominator    int // long tables: the parts of a ratio value
	// index is column A when its header is blank and the table is beside it (B onwards): it
	// may be the row index pandas writes, left out if it is one.
	index      int
	periods    []widePeriod // wide tables: one per period column
	comparator *comparatorColumns
}

// widePeriod is one period column of a wide table.
type widePeriod struct {
	col    int
	period period.Period
}

// headerProblem is a header cell that cannot be read, found while settling the layout.
type headerProblem struct {
	col int
	msg string
}

// detectLayout decides from the header row which kind of table this is. It returns the
// problems of a table that is recognisably one kind but has a faulty header.
func detectLayout(header []cell, cal period.Calendar) (layout, []headerProblem) {
	if l, probs, ok := comparatorLayout(header); ok {
		return l, probs
	}
	l := layout{code: -1, period: -1, value: -1, note: -1, context: -1, actions: -1, numerator: -1, denominator: -1, index: -1}
	var probs []headerProblem
	seen := map[string]int{}
	for i, c := range header {
		name := strings.ToLower(c.trimmed())
		col := &l.code
		switch name {
		case "code":
		case "period":
			col = &l.period
		case "value":
			col = &l.value
		case "note":
			col = &l.note
		case "context", "commentary":
			col = &l.context
		case "actions":
			col = &l.actions
		case "numerator":
			col = &l.numerator
		case "denominator":
			col = &l.denominator
		default:
			continue
		}
		if first, dup := seen[name]; dup {
			probs = append(probs, headerProblem{i, fmt.Sprintf("column %q appears twice (first in column %s); keep one", name, columnLetter(first))})
			continue
		}
		seen[name] = i
		*col = i
	}
	if len(header) > 1 && header[0].blank() {
		l.index = 0
	}
	switch {
	case l.code >= 0 && l.period >= 0 && l.value >= 0:
		l.kind = layoutLong
		return l, probs
	case l.code >= 0 && l.period >= 0 && (l.context >= 0 || l.actions >= 0):
		l.kind = layoutCommentary
		return l, probs
	case (l.code == 0 || l.code == 1 && l.index == 0) && l.period < 0:
		return wideLayout(l, header, cal)
	}
	return l, nil
}

// wideLayout reads the period headers of a table whose first column is code. It is a wide
// table if at least one other header is a period; then every other header must be one.
func wideLayout(l layout, header []cell, cal period.Calendar) (layout, []headerProblem) {
	var probs []headerProblem
	for i := l.code + 1; i < len(header); i++ {
		c := header[i]
		if c.blank() {
			continue
		}
		p, err := c.period(cal)
		if err != nil {
			probs = append(probs, headerProblem{i, fmt.Sprintf("header %s; in a wide table every column after code is a period", strings.TrimSuffix(err.Error(), "."))})
			continue
		}
		l.periods = append(l.periods, widePeriod{col: i, period: p})
	}
	if len(l.periods) == 0 {
		return layout{kind: layoutNone}, nil
	}
	l.kind = layoutWide
	return l, probs
}

// headerList is the header as written, for the message about a skipped table.
func headerList(header []cell) string {
	var names []string
	for _, c := range header {
		if !c.blank() {
			names = append(names, c.trimmed())
		}
	}
	return strings.Join(names, ", ")
}

// columnLetter is the spreadsheet name of a 0-based column: 0 = A, 26 = AA.
func columnLetter(col int) string {
	name := ""
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		name = string(rune('A'+(n-1)%26)) + name
	}
	return name
}
