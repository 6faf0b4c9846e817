package present

import (
	"fmt"
	"strings"
	"time"

	"github.com/example/qpr/pkg/report"
)

// The words for a report's returns: its Draft marking, the revision mark and its note, and the
// data-quality note naming who signed the figures off. Every edition takes them from here.
const (
	// DraftMarking is shown on the cover and every page of a report not yet final.
	DraftMarking = "Draft"
	// RevisedMark follows a value a later signed return changed, as the Analysis Function's
	// guidance marks revisions.
	RevisedMark = "[r]"
	// DataQualityHeading heads the pack's note on its returns.
	DataQualityHeading = "Data quality and sign-off"
)

// markingOf is the document's status marking: Draft while a return is outstanding.
func markingOf(r *report.Report) string {
	if r.Status == report.Draft {
		return DraftMarking
	}
	return ""
}

// revisedIn reports whether in's value for period p (a quarter, or a month of it for a
// monthly indicator) was revised.
func revisedIn(in *report.Indicator, p report.Period) bool {
	for _, rv := range in.Revisions {
		q, err := report.ParsePeriod(rv.Period, p.YearStart)
		if err == nil && q.QuarterPeriod() == p.QuarterPeriod() {
			return true
		}
	}
	return false
}

// ValueMark is the mark after an indicator's value: RevisedMark when the value shown was
// revised, else "".
func ValueMark(in *report.Indicator) string {
	if in.ValuePeriod != nil && revisedIn(in, *in.ValuePeriod) {
		return RevisedMark
	}
	return ""
}

// RevisionNotes say, for each revision of an indicator's figures, what the figure was, what
// it is and where the new one came from: "[r] 2023/24 Q2 revised from 92.8 to 60 by ...".
func RevisionNotes(in *report.Indicator) []Note {
	var out []Note
	for _, rv := range in.Revisions {
		text := fmt.Sprintf("%s revised from %s to %s by a later signed return (%s).",
			rv.Period, revisionFigure(in, rv.From), revisionFigure(in, rv.To), baseName(rv.Source))
		out = append(out, Note{Mark: RevisedMark, Text: text})
	}
	return out
}

func revisionFigure(in *report.Indicator, v *float64) string {
	if v == nil {
		return "not available"
	}
	return Threshold(in, v).Text
}

// SignOffNote says who signed off the return an indicator's value came from, or "".
func SignOffNote(in *report.Indicator) string {
	ret := in.Return
	if ret == nil {
		return ""
	}
	if ret.SignedBy == nil || ret.SignedOn == nil {
		return fmt.Sprintf("From the %s return (%s), not yet signed off.", ret.Owner, baseName(ret.File))
	}
	return fmt.Sprintf("From the %s return, signed off by %s on %s.", ret.Owner, signer(ret), dateWords(*ret.SignedOn))
}

func signer(ret *report.ReturnRef) string {
	if ret.SignedRole != nil && *ret.SignedRole != "" {
		return *ret.SignedBy + " (" + *ret.SignedRole + ")"
	}
	return *ret.SignedBy
}

func dateWords(iso string) string {
	if t, err := time.Parse(time.DateOnly, iso); err == nil {
		return t.Format("2 January 2006")
	}
	return iso
}

func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}

// DataQualityLines are the pack's note on its returns: each return its figures came from and
// who signed it off, each return still outstanding, and what a revision mark means, ending
// with earlier: where this edition gives a revised figure's earlier value. None for a report
// with no returns.
func DataQualityLines(r *report.Report, earlier string) []string {
	type signed struct{ owner, who string }
	var seen []signed
	revised := false
	for i := range r.Indicators {
		in := &r.Indicators[i]
		revised = revised || len(in.Revisions) > 0
		if in.Return == nil {
			continue
		}
		who := "not yet signed off"
		if in.Return.SignedBy != nil && in.Return.SignedOn != nil {
			who = "signed off by " + signer(in.Return) + " on " + dateWords(*in.Return.SignedOn)
		}
		s := signed{in.Return.Owner, who}
		found := false
		for _, x := range seen {
			found = found || x == s
		}
		if !found {
			seen = append(seen, s)
		}
	}
	var out []string
	if len(seen) > 0 {
		var parts []string
		for _, s := range seen {
			parts = append(parts, s.owner+", "+s.who)
		}
		out = append(out, "Figures for "+Label(r.Period)+" come from returns made by their owners: "+strings.Join(parts, "; ")+".")
	}
	if len(r.Outstanding) > 0 {
		var parts []string
		for _, o := range r.Outstanding {
			what := "not received"
			if o.Reason == "unsigned" {
				what = "not signed off"
			}
			parts = append(parts, fmt.Sprintf("%s (%s) %s", o.Owner, o.Name, what))
		}
		out = append(out, "This report is a draft until every return is in and signed off. Outstanding: "+strings.Join(parts, "; ")+".")
	}
	if revised {
		out = append(out, RevisedMark+" marks a figure revised since it was first returned: a later signed return changed it. "+earlier)
	}
	return out
}

// Where each edition gives a revised figure's earlier value: the document in a note under
// the indicator; the workbook does not hold it, the JSON does.
const (
	earlierInDocument = "The note under the indicator gives the earlier figure."
	earlierInWorkbook = "The JSON edition lists each revision with its earlier figure."
)

// dataQuality is the executive summary's note on the pack's returns, nil when it has none.
func (o *outline) dataQuality() *Section {
	lines := DataQualityLines(o.r, earlierInDocument)
	if len(lines) == 0 {
		return nil
	}
	var blocks []Block
	for _, l := range lines {
		blocks = append(blocks, &Paragraph{Text: l, Role: RoleBody})
	}
	return summarySection(IDDataQuality, DataQualityHeading, blocks...)
}

// indicatorNotes are the footnotes under an indicator's chart: its revisions, and who signed
// off the return its value came from.
func indicatorNotes(in *report.Indicator) []Note {
	notes := RevisionNotes(in)
	if s := SignOffNote(in); s != "" {
		notes = append(notes, Note{Text: s})
	}
	return notes
}

// revisionNote is the workbook's note on revision marks, when any figure was revised.
func revisionNote(r *report.Report) []string {
	for i := range r.Indicators {
		if len(r.Indicators[i].Revisions) > 0 {
			return []string{RevisedMark + " after a value period marks a figure revised since it was first returned: a later signed return changed it. " +
				"The Data quality row on the Cover says whose returns the figures come from; the JSON lists each revision with its earlier figure."}
		}
	}
	return nil
}

// markWorkbook puts "Draft" before every sheet's title while the report is a draft.
func markWorkbook(r *report.Report, sheets []Sheet) {
	if markingOf(r) == "" {
		return
	}
	for i := range sheets {
		sheets[i].Title = DraftMarking + ": " + sheets[i].Title
	}
}

// coverReturnRows are the Cover's rows on the report's returns: its status while a draft,
// and the note on whose returns the figures come from.
func coverReturnRows(r *report.Report) [][]SheetCell {
	var out [][]SheetCell
	item := func(s string) SheetCell { return SheetCell{Kind: Text, Text: s, Bold: true} }
	if markingOf(r) != "" {
		out = append(out, []SheetCell{item("Status"), textCell(DraftMarking + ": not for publication until every return is in and signed off.")})
	}
	if lines := DataQualityLines(r, earlierInWorkbook); len(lines) > 0 {
		out = append(out, []SheetCell{item(DataQualityHeading), textCell(strings.Join(lines, " "))})
	}
	return out
}
