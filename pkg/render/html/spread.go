package html

import (
	"fmt"

	"github.com/example/qpr/pkg/present"
)

// A folder's page stays small only if no table on it has a row for every indicator: at
// 20,000 indicators the summary's grid of ratings and a directorate's table of its KPIs
// are each some 10 MB, which a browser takes minutes to open. So in a folder a table of
// more than PageIndicators rows, each about one indicator, is spread over the indicators'
// pages: each directorate page shows the rows for the indicators on it, under the table's
// caption, and where the table stood a paragraph says where its rows went. A table of fewer
// rows, or one whose rows are not each about an indicator (counts, directorates), stays
// where it is.

// spreadTable is a table spread over the directorate pages.
type spreadTable struct {
	table *present.Table
	// dir is the directorate whose first page held the table, "" for the index.
	dir string
}

// spreads reports whether t is spread: more rows than a page holds, each row either a group
// heading or about an indicator the site puts on a directorate page.
func (s *site) spreads(t *present.Table) bool {
	rows := 0
	for _, r := range t.Rows {
		if r.Group != "" && len(r.Cells) == 0 {
			continue
		}
		if r.Total || !s.onDirectoratePage(rowLink(r)) {
			return false
		}
		rows++
	}
	return rows > PageIndicators
}

// onDirectoratePage reports whether id is an indicator's on one of the directorates' pages.
func (s *site) onDirectoratePage(id string) bool {
	if id == "" || !s.indicator[id] {
		return false
	}
	at, ok := s.where[id]
	return ok && at > 0
}

// rowLink is the indicator a row is about: the first of its cells that links somewhere.
func rowLink(r present.Row) string {
	for _, c := range r.Cells {
		if c.Link != "" {
			return c.Link
		}
	}
	return ""
}

// rowsFor is t with only the rows about indicators on page, each group heading kept with
// the rows under it; nil when page has none of its rows.
func (s *site) rowsFor(t *present.Table, page int) *present.Table {
	var rows []present.Row
	var group *present.Row
	for i, r := range t.Rows {
		if r.Group != "" && len(r.Cells) == 0 {
			group = &t.Rows[i]
			continue
		}
		if s.where[rowLink(r)] != page {
			continue
		}
		if group != nil {
			rows = append(rows, *group)
			group = nil
		}
		rows = append(rows, r)
	}
	if len(rows) == 0 {
		return nil
	}
	out := *t
	out.Caption = t.Caption + " (the indicators on this page)"
	out.Rows = rows
	return &out
}

// movedNote is what stands where a spread table stood.
func movedNote(t *present.Table) *present.Paragraph {
	return &present.Paragraph{Text: fmt.Sprintf("%s: one row for each of %d indicators, too many for one page. "+
		"Each directorate's pages show the rows for the indicators on them.", t.Caption, countRows(t))}
}

func countRows(t *present.Table) int {
	n := 0
	for _, r := range t.Rows {
		if !(r.Group != "" && len(r.Cells) == 0) {
			n++
		}
	}
	return n
}

// indexSection is sec for the index page: each spread table, in it and in its parts, noted
// as spread and kept for the directorate pages.
func (s *site) indexSection(sec *present.Section) *present.Section {
	blocks, changed := s.spreadBlocks(sec.BlockList(), "", 0)
	var parts []*present.Section
	for p := range sec.Parts() {
		parts = append(parts, s.indexSection(p))
	}
	out := *sec
	if changed {
		out.SetBlocks(blocks...)
	}
	out.SetParts(parts...)
	return &out
}

// spreadBlocks is blocks with each spread table replaced: on the index by a note that it was
// spread, on a directorate's first page (page > 0) by its rows for that page. Each spread
// table is kept, once, for the pages after.
func (s *site) spreadBlocks(blocks []present.Block, dir string, page int) ([]present.Block, bool) {
	var out []present.Block
	changed := false
	for _, b := range blocks {
		t, ok := b.(*present.Table)
		if !ok || !s.spreads(t) {
			out = append(out, b)
			continue
		}
		changed = true
		s.spread = append(s.spread, spreadTable{table: t, dir: dir})
		if page == 0 {
			out = append(out, movedNote(t))
		} else if here := s.rowsFor(t, page); here != nil {
			out = append(out, here)
		}
	}
	return out, changed
}

// spreadRows are the blocks a directorate page shows of the tables spread from elsewhere:
// its directorate's own (on its first page they stand in their place already), then the
// index's, each with its rows for this page.
func (s *site) spreadRows(p sitePage, page int) []present.Block {
	var own, index []present.Block
	for _, st := range s.spread {
		here := s.rowsFor(st.table, page)
		switch {
		case here == nil:
		case st.dir == "":
			index = append(index, here)
		case st.dir == p.dir.ID && !p.first:
			own = append(own, here)
		}
	}
	return append(own, index...)
}
