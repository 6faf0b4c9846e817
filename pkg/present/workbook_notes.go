package present

import (
	"fmt"
	"strings"

	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// The workbook's notes, numbered as the Notes sheet lists them. Sheets refer to them as
// "[note 1]" in their column headers and explanations, rather than holding notes beside
// their tables.
const (
	noteRatings = iota + 1
	noteActivity
	noteDirection
	noteValues
	noteStale
	notePartial
	noteHistory
	noteShorthand
	noteCodes
	noteBasis
)

// noteRef is how a sheet refers to note n.
func noteRef(n int) string { return fmt.Sprintf("[note %d]", n) }

// withNote is a header or line followed by its note references.
func withNote(s string, notes ...int) string {
	for _, n := range notes {
		s += " " + noteRef(n)
	}
	return s
}

// shorthandText explains the markers; the Cover says it too, since the guidance asks for
// shorthand to be explained where a reader starts.
const shorthandText = NotAvailable + " means not available: no value, threshold, rating or text was supplied for the indicator and quarter. " +
	NotApplicable + " means not applicable: the column does not apply to that kind of indicator (a target or floor for an activity indicator, an expected range for a KPI)."

// dataBlanksText says why a Data sheet cell is blank: the sheet is for pivot tables and
// scripts, so its number columns hold only numbers.
const dataBlanksText = "On the Data sheet, which is for pivot tables and scripts, a column of figures holds only numbers: " +
	"a cell the other sheets show as " + NotAvailable + " or " + NotApplicable + " is left blank there, as the JSON has null. " +
	"A blank target, floor or expected range is not applicable where the row's type does not use it (a target and floor for an activity indicator, " +
	"an expected range for a KPI) and not available otherwise; a blank value, value period or rating means no value was supplied for that quarter."

// workbookNotes are the notes in order. The meanings of the ratings, statuses, directions
// and value conventions come from the templates' key, so a user's rewording reaches the
// workbook as it reaches the PDF's key.
func workbookNotes(t *templates.Set, r *report.Report) ([]string, error) {
	key := func(entries ...string) (string, error) {
		var parts []string
		for _, e := range entries {
			text, err := t.Key(e, KeyDataOf(r))
			if err != nil {
				return "", err
			}
			parts = append(parts, templates.Paragraphs(text)...)
		}
		return strings.Join(parts, " "), nil
	}
	type part struct {
		lead    string
		entries []string
	}
	parts := []part{
		noteRatings - 1:   {"Each KPI is rated against the target and floor that apply for the year, and the rating is always shown as a word as well as a colour.", []string{"green", "amber", "red", "not_rated", "no_data"}},
		noteActivity - 1:  {"Activity indicators are not rated: each is compared with the expected range set for the year, shown in the columns \"Expected range lower\" and \"Expected range upper\", never as a target or floor. The status is shown as a word as well as a colour.", []string{"above", "within", "below"}},
		noteDirection - 1: {"", []string{"method", "improving", "stable", "worsening", "rising", "falling", "insufficient"}},
		noteValues - 1:    {"", []string{"values"}},
		noteStale - 1:     {"", []string{"stale"}},
		notePartial - 1:   {"", []string{"partial"}},
		noteHistory - 1:   {"", []string{"grid"}},
		noteShorthand - 1: {shorthandText + " " + dataBlanksText, nil},
		noteCodes - 1: {"The Data sheet uses the codes of qpr's JSON output so that scripts and pivot tables can read it: ratings green, amber, red, not_rated and no_data; " +
			"activity statuses above, within and below; type kpi or activity; units percent, number, days, currency and rate; basis Q, MS, YTD, R12M or A " + noteRef(noteBasis) + ". " +
			"Stale and partial are TRUE or FALSE on every sheet. A percentage is held as 82.4 meaning 82.4%.", nil},
		noteBasis - 1: {"", []string{"basis"}},
	}
	texts := make([]string, len(parts))
	for i, p := range parts {
		body, err := key(p.entries...)
		if err != nil {
			return nil, err
		}
		texts[i] = strings.TrimSpace(p.lead + " " + body)
	}
	return texts, nil
}

// notes is the Notes sheet: one table of note numbers and texts.
func (b *workbookBuilder) notes(texts []string) Sheet {
	cols := []SheetColumn{{Header: "Note number", Width: 14}, {Header: "Note text", Width: 120, Wrap: true}}
	rows := make([][]SheetCell, len(texts))
	for i, text := range texts {
		rows[i] = []SheetCell{textCell(noteRef(i + 1)), textCell(text)}
	}
	return Sheet{
		Name:   NotesSheet,
		Title:  "Notes",
		Lines:  []string{"This worksheet contains one table. The other sheets refer to these notes as [note 1], [note 2] and so on, in their column headers and in the lines above their tables."},
		Widths: widths(cols),
		Parts:  []Part{{Table: b.newTable("Notes", "", cols, rows)}},
	}
}
