package returns

import (
	"time"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/check"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/rag"
	"github.com/example/qpr/pkg/report"
)

// Status is where each owner's return for a quarter stands: the analyst's list of whom to
// chase (the JSON of returns status --json).
type Status struct {
	Period string        `json:"period"`
	Owners []OwnerStatus `json:"owners"`
}

// OwnerStatus is one owner's return.
type OwnerStatus struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	File     *string `json:"file"`
	Received bool    `json:"received"`
	Signed   bool    `json:"signed"`
	SignedBy *string `json:"signed_by"`
	SignedOn *string `json:"signed_on"`
	// Missing are the rows due with nothing given (no value, no n/a), from the return or any
	// other data file.
	Missing []DueRow `json:"missing"`
	// NeedsCommentary are the owner's KPIs rated red or amber for the quarter without both
	// commentary and actions.
	NeedsCommentary []string `json:"needs_commentary"`
}

// DueRow is a row due, by code and period label.
type DueRow struct {
	Code   string `json:"code"`
	Period string `json:"period"`
}

// Outstanding words, as --fail-on names them.
const (
	FailMissing    = "missing"
	FailUnsigned   = "unsigned"
	FailIncomplete = "incomplete"
	FailCommentary = "commentary"
)

// FailOnWords are the words returns status --fail-on takes.
var FailOnWords = []string{FailMissing, FailUnsigned, FailIncomplete, FailCommentary}

// Outstanding lists what is outstanding for the owner, as the words --fail-on names.
func (o OwnerStatus) Outstanding() []string {
	var out []string
	switch {
	case !o.Received:
		out = append(out, FailMissing)
	case !o.Signed:
		out = append(out, FailUnsigned)
	}
	if len(o.Missing) > 0 {
		out = append(out, FailIncomplete)
	}
	if len(o.NeedsCommentary) > 0 {
		out = append(out, FailCommentary)
	}
	return out
}

// StatusOf is every owner's return for quarter q, in catalogue order. r is the report of every
// indicator for q, whose ratings and commentary say which KPIs need commentary.
func StatusOf(cat *catalogue.Catalogue, store *data.Store, q period.Quarter, r *report.Report) Status {
	st := Status{Period: cat.Calendar.Label(q), Owners: []OwnerStatus{}}
	rated := map[string]*report.Indicator{}
	for i := range r.Indicators {
		rated[r.Indicators[i].Code] = &r.Indicators[i]
	}
	for _, o := range cat.Owners {
		inds := cat.OwnedBy(o.ID)
		if len(inds) == 0 {
			continue
		}
		os := OwnerStatus{ID: o.ID, Name: o.Name, Missing: []DueRow{}, NeedsCommentary: []string{}}
		if ret := data.Standing(store.Returns, o.ID, st.Period); ret != nil {
			file := ret.File
			os.File, os.Received, os.Signed = &file, true, ret.Signed()
			if ret.SignedBy != "" {
				by := ret.SignedBy
				os.SignedBy = &by
			}
			if !ret.SignedOn.IsZero() {
				on := ret.SignedOn.Format(time.DateOnly)
				os.SignedOn = &on
			}
		}
		for _, ind := range inds {
			from := q.Index()
			if ind.Frequency == catalogue.Monthly {
				from = cat.Calendar.Months(q)[0].Index()
			}
			for _, p := range check.Gaps(cat.Calendar, ind, store.Series(ind.Code), from, q) {
				os.Missing = append(os.Missing, DueRow{Code: ind.Code, Period: cat.Calendar.PeriodLabel(p)})
			}
			ri := rated[ind.Code]
			if ri == nil || ri.RAG == nil || (*ri.RAG != rag.Red && *ri.RAG != rag.Amber) {
				continue
			}
			// Only a value of this quarter needs this quarter's commentary: a stale one is
			// already a row missing.
			if ri.Stale {
				continue
			}
			if ri.Commentary == nil || ri.Commentary.Context == "" || ri.Commentary.Actions == "" {
				os.NeedsCommentary = append(os.NeedsCommentary, ind.Code)
			}
		}
		st.Owners = append(st.Owners, os)
	}
	return st
}
