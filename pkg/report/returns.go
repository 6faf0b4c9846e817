package report

import (
	"time"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/period"
)

// Status says whether a report may be published: final once every return it depends on is in
// and signed off, else draft.
type Status string

const (
	Draft Status = "draft"
	Final Status = "final"
)

// Outstanding is an owner whose return for the report quarter keeps the report a draft.
type Outstanding struct {
	Owner  string `json:"owner"`
	Name   string `json:"name"`
	Reason string `json:"reason"` // missing | unsigned
}

// ReturnRef is the return an indicator's value came from, with its sign-off (nil when it
// is not signed off).
type ReturnRef struct {
	Owner      string  `json:"owner"`
	File       string  `json:"file"`
	SignedBy   *string `json:"signed_by"`
	SignedRole *string `json:"signed_role"`
	SignedOn   *string `json:"signed_on"` // 2006-01-02
}

// Revision is a value a later signed return changed, up to the report quarter: the period (a
// month for a monthly indicator), the value before (null for a missing marker), the value
// that stands, and the file it came from.
type Revision struct {
	Period string   `json:"period"`
	From   *float64 `json:"from"`
	To     *float64 `json:"to"`
	Source string   `json:"source"`
}

// applyReturns works out, for a catalogue with owners, which return each value came from and
// whether the report is final: every owner of a pack's indicators has a signed return for
// the report quarter. A catalogue without owners collects no returns, so is always final.
func applyReturns(r *Report, cat *catalogue.Catalogue, members []*catalogue.Indicator, store *data.Store, q period.Quarter) {
	r.Status = Final
	applyRevisions(r, cat, store, q)
	if len(cat.Owners) == 0 {
		return
	}
	var returns []data.Return
	if store != nil {
		returns = store.Returns
	}
	byFile := map[string]*data.Return{}
	for i := range returns {
		byFile[returns[i].File] = &returns[i]
	}
	label := cat.Calendar.Label(q)
	seen := map[string]bool{}
	for _, ind := range members {
		if ind.Owner == "" || seen[ind.Owner] {
			continue
		}
		seen[ind.Owner] = true
		o, _ := cat.Owner(ind.Owner)
		reason := ""
		switch ret := data.Standing(returns, o.ID, label); {
		case ret == nil:
			reason = "missing"
		case !ret.Signed():
			reason = "unsigned"
		}
		if reason != "" {
			r.Outstanding = append(r.Outstanding, Outstanding{Owner: o.ID, Name: o.Name, Reason: reason})
		}
	}
	if len(r.Outstanding) > 0 {
		r.Status = Draft
	}
	for i := range r.Indicators {
		ri := &r.Indicators[i]
		if ri.ValuePeriod == nil {
			continue
		}
		if ret := byFile[valueFile(cat, store, ri.Code, ri.ValuePeriod.Quarter)]; ret != nil {
			ref := &ReturnRef{Owner: ret.Manifest.Owner, File: ret.File}
			if ret.SignedBy != "" {
				by := ret.SignedBy
				ref.SignedBy = &by
			}
			if ret.SignedRole != "" {
				role := ret.SignedRole
				ref.SignedRole = &role
			}
			if !ret.SignedOn.IsZero() {
				on := ret.SignedOn.Format(time.DateOnly)
				ref.SignedOn = &on
			}
			ri.Return = ref
		}
	}
}

// valueFile is the file a quarter value came from: the quarter's own value, or a monthly
// indicator's latest month with one.
func valueFile(cat *catalogue.Catalogue, store *data.Store, code string, q period.Quarter) string {
	ind, ok := cat.Indicator(code)
	if !ok {
		return ""
	}
	s := store.Series(code)
	if ind.Frequency != catalogue.Monthly {
		v, _ := s.At(q.Index())
		return v.Place.File
	}
	months := cat.Calendar.Months(q)
	for i := len(months) - 1; i >= 0; i-- {
		if v, ok := s.At(months[i].Index()); ok {
			return v.Place.File
		}
	}
	return ""
}

// applyRevisions gives each indicator the revisions of its periods up to quarter q.
func applyRevisions(r *Report, cat *catalogue.Catalogue, store *data.Store, q period.Quarter) {
	if store == nil || len(store.Revisions) == 0 {
		return
	}
	at := map[string]*Indicator{}
	for i := range r.Indicators {
		at[r.Indicators[i].Code] = &r.Indicators[i]
	}
	for _, rev := range store.Revisions {
		ri, ind := at[rev.Code], (*catalogue.Indicator)(nil)
		if ri == nil {
			continue
		}
		ind, _ = cat.Indicator(rev.Code)
		label := cat.Calendar.Label(period.FromIndex(rev.Index))
		if ind.Frequency == catalogue.Monthly {
			label = period.MonthFromIndex(rev.Index).String()
		}
		if q.Before(cat.Calendar.QuarterOfPeriod(rev.Period)) {
			continue
		}
		ri.Revisions = append(ri.Revisions, Revision{Period: label, From: valueOf(rev.From), To: valueOf(rev.To), Source: rev.Source})
	}
}

func valueOf(v data.Value) *float64 {
	if v.Missing {
		return nil
	}
	x := v.V
	return &x
}
