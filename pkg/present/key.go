package present

import "github.com/example/qpr/pkg/report"

// KeyGroup is one group of the key: a title and the statuses it explains, each with its mark
// and its key.tmpl entry (the entry's name is the status's value).
type KeyGroup struct {
	Title    string
	Statuses []Status
}

// KeyGroups are the key's groups of marks, in order.
var KeyGroups = []KeyGroup{
	{"Ratings of key performance indicators (KPIs)", []Status{Green, Amber, Red, NotRated, NoData}},
	{"Activity indicators (compared with an expected range, not rated)", []Status{Above, Within, Below}},
	{"Direction of travel", []Status{Improving, Stable, Worsening, Rising, Falling, Insufficient}},
}

// KeyNote is a key section of prose: a title and the key.tmpl entries under it.
type KeyNote struct {
	Title   string
	Entries []string
}

// KeyNotes are the key's prose sections after the marks.
var KeyNotes = []KeyNote{
	{"How the direction of travel is worked out", []string{"method"}},
	{"How values are shown", []string{"values", "stale", "partial", "grid", "basis", AbbreviationsEntry}},
}

// AbbreviationsEntry is the key.tmpl entry explaining the short forms of narrow columns; an
// edition whose tables write everything in full leaves it out.
const AbbreviationsEntry = "abbreviations"

// Abbreviation is a short form the report uses, with what it stands for.
type Abbreviation struct {
	Short, Meaning string
}

// Abbreviations are the short forms of the directorate tables' narrow columns, for the key:
// the rating grid's status abbreviations, its stale and part-quarter notes, the short period
// label and the dash. The basis codes are explained apart (Bases).
func Abbreviations() []Abbreviation {
	var out []Abbreviation
	for _, s := range []Status{Green, Amber, Red, NotRated, NoData} {
		out = append(out, Abbreviation{s.Short(), s.Word()})
	}
	for _, s := range []Status{Above, Within, Below} {
		out = append(out, Abbreviation{s.Short(), s.Word() + " the expected range"})
	}
	return append(out,
		Abbreviation{"*", "from an earlier quarter (stale)"},
		Abbreviation{"p", "part quarter"},
		Abbreviation{"23/24 Q2", "short for 2023/24 Q2"},
		Abbreviation{"–", "none set"},
	)
}

// KeyData is what key.tmpl's entries are given: the catalogue's direction-of-travel setting
// (.Method, .Window, .Alpha), the report's abbreviations (.Abbreviations) and the basis
// codes (.Bases).
type KeyData struct {
	report.TrendDefaults
	Abbreviations []Abbreviation
	Bases         []Abbreviation
}

// KeyDataOf is the key's data for r.
func KeyDataOf(r *report.Report) KeyData {
	return KeyData{TrendDefaults: r.Trend, Abbreviations: Abbreviations(), Bases: Bases()}
}
