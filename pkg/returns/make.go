// Package returns makes the workbooks each indicator owner fills in for a quarter (a
// "return"), and checks returns that come back: the manifest they were issued with, their
// sign-off, and what is still outstanding.
package returns

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/render/xlsx"
	"github.com/example/qpr/pkg/returns/form"
)

// Issue is what one owner's return is made from.
type Issue struct {
	Catalogue *catalogue.Catalogue
	Digest    string      // sha256 of the catalogue file, hex
	Store     *data.Store // the values held, shown for context
	Owner     catalogue.Owner
	Quarter   period.Quarter
	Issued    time.Time // the as-at date: it is what the file carries, so the same inputs give the same bytes
}

// Due is one row of a return: an indicator and one period its value is due for.
type Due struct {
	Ind    *catalogue.Indicator
	Period period.Period // a month for a monthly indicator, else the quarter
}

// DueRows are the rows an owner's return holds for quarter q: each of the owner's indicators
// in catalogue order, a row for each month of the quarter for a monthly one, else one.
func DueRows(cat *catalogue.Catalogue, owner string, q period.Quarter) []Due {
	var out []Due
	for _, ind := range cat.OwnedBy(owner) {
		if ind.Frequency == catalogue.Monthly {
			for _, m := range cat.Calendar.Months(q) {
				out = append(out, Due{Ind: ind, Period: period.Period{Kind: period.KindMonth, Month: m}})
			}
			continue
		}
		out = append(out, Due{Ind: ind, Period: period.Period{Kind: period.KindQuarter, Quarter: q}})
	}
	return out
}

// FileName is the return's file name: FIN-2023-24-Q3.xlsx.
func FileName(cat *catalogue.Catalogue, owner string, q period.Quarter) string {
	return owner + "-" + cat.Calendar.FileLabel(q) + ".xlsx"
}

// column is one column of the ReturnData table.
type column struct {
	header string
	width  float64
	input  bool // a cell the owner fills in
}

// Workbook writes the owner's return.
func Workbook(is Issue) ([]byte, error) {
	rows := DueRows(is.Catalogue, is.Owner.ID, is.Quarter)
	if len(rows) == 0 {
		return nil, fmt.Errorf("owner %s has no indicators", is.Owner.ID)
	}
	w := &writer{is: is, rows: rows, f: excelize.NewFile()}
	defer w.f.Close()
	if err := w.write(); err != nil {
		return nil, err
	}
	buf, err := w.f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return xlsx.NormalizeZip(buf.Bytes(), is.Issued)
}

type writer struct {
	is     Issue
	rows   []Due
	f      *excelize.File
	styles map[string]int
	ratio  bool // the owner has a ratio indicator: numerator and denominator columns
	define bool // some indicator has a definition

	// Rows are given the height their wrapped text needs, as Excel would on editing them:
	// a file's row heights are not worked out again by every program that opens it.
	widths map[string]map[int]float64 // sheet -> column -> width
	lines  map[string]map[int]int     // sheet -> row -> lines of its tallest cell
}

func (w *writer) write() error {
	for _, r := range w.rows {
		w.ratio = w.ratio || r.Ind.Aggregate == catalogue.Ratio
		w.define = w.define || definitionOf(r.Ind) != ""
	}
	if err := w.newStyles(); err != nil {
		return err
	}
	f := w.f
	if err := f.SetSheetName("Sheet1", form.CoverSheet); err != nil {
		return err
	}
	if _, err := f.NewSheet(form.DataSheet); err != nil {
		return err
	}
	if _, err := f.NewSheet(form.ManifestSheet); err != nil {
		return err
	}
	if err := w.cover(); err != nil {
		return err
	}
	if err := w.data(); err != nil {
		return err
	}
	if err := w.manifest(); err != nil {
		return err
	}
	if err := f.SetSheetVisible(form.ManifestSheet, false, true); err != nil {
		return err
	}
	for _, sheet := range []string{form.CoverSheet, form.DataSheet} {
		if err := w.layout(sheet); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	title := w.title()
	return f.SetDocProps(&excelize.DocProperties{
		Title:          title,
		Subject:        "Return of performance figures for " + w.is.Catalogue.Calendar.Label(w.is.Quarter),
		Creator:        "qpr",
		LastModifiedBy: "qpr",
		Created:        w.is.Issued.UTC().Format(time.RFC3339),
		Modified:       w.is.Issued.UTC().Format(time.RFC3339),
		Language:       "en-GB",
	})
}

func (w *writer) title() string {
	org := w.is.Catalogue.Organisation
	t := "Performance return for " + w.is.Catalogue.Calendar.Label(w.is.Quarter) + ": " + w.is.Owner.Name
	if org != "" {
		t = org + " - " + t
	}
	return t
}

func (w *writer) newStyles() error {
	border := []excelize.Border{{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1}, {Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1}}
	unlocked := &excelize.Protection{Locked: false}
	locked := &excelize.Protection{Locked: true}
	input := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	defs := map[string]*excelize.Style{
		"title":     {Font: &excelize.Font{Bold: true, Size: 16}, Protection: locked},
		"heading":   {Font: &excelize.Font{Bold: true, Size: 13}, Protection: locked},
		"label":     {Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Protection: locked},
		"text":      {Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Protection: locked},
		"number":    {CustomNumFmt: ptr("#,##0.##########"), Alignment: &excelize.Alignment{Vertical: "top"}, Protection: locked},
		"date":      {CustomNumFmt: ptr("d mmmm yyyy"), Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}, Protection: locked},
		"in-number": {CustomNumFmt: ptr("#,##0.##########"), Fill: input, Border: border, Alignment: &excelize.Alignment{Vertical: "top"}, Protection: unlocked},
		"in-text":   {Fill: input, Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Protection: unlocked},
		"in-date":   {CustomNumFmt: ptr("dd/mm/yyyy"), Fill: input, Border: border, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}, Protection: unlocked},
	}
	w.styles = map[string]int{}
	for _, name := range []string{"title", "heading", "label", "text", "number", "date", "in-number", "in-text", "in-date"} {
		id, err := w.f.NewStyle(defs[name])
		if err != nil {
			return err
		}
		w.styles[name] = id
	}
	return nil
}

func ptr(s string) *string { return &s }

// layout sets each row's height for its wrapped text, and prints the sheet landscape, one
// page wide.
func (w *writer) layout(sheet string) error {
	for row, n := range w.lines[sheet] {
		if n > 1 {
			if err := w.f.SetRowHeight(sheet, row, float64(n)*15); err != nil {
				return err
			}
		}
	}
	fit, one, tall := true, 1, 0
	if err := w.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	landscape := "landscape"
	return w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall})
}

func (w *writer) setWidth(sheet string, col int, width float64) error {
	if w.widths == nil {
		w.widths, w.lines = map[string]map[int]float64{}, map[string]map[int]int{}
	}
	if w.widths[sheet] == nil {
		w.widths[sheet], w.lines[sheet] = map[int]float64{}, map[int]int{}
	}
	w.widths[sheet][col] = width
	name, err := excelize.ColumnNumberToName(col)
	if err != nil {
		return err
	}
	return w.f.SetColWidth(sheet, name, name, width)
}

// charsPerWidth is about how many characters of body text fill one unit of column width.
const charsPerWidth = 1.1

func (w *writer) set(sheet string, col, row int, v any, style string) error {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	if text, ok := v.(string); ok && w.widths[sheet][col] > 0 && style != "title" {
		n := int(float64(len(text))/(w.widths[sheet][col]*charsPerWidth)) + 1
		w.lines[sheet][row] = max(w.lines[sheet][row], n)
	}
	if v != nil {
		if err := w.f.SetCellValue(sheet, ref, v); err != nil {
			return err
		}
	}
	return w.f.SetCellStyle(sheet, ref, ref, w.styles[style])
}

// cover writes the sheet the owner opens on: what the return is, how to fill it in, and the
// sign-off, whose three cells are the workbook's names SignedBy, SignedRole and SignedOn.
func (w *writer) cover() error {
	s := form.CoverSheet
	is := w.is
	cal := is.Catalogue.Calendar
	if err := w.setWidth(s, 1, 30); err != nil {
		return err
	}
	if err := w.setWidth(s, 2, 90); err != nil {
		return err
	}
	row := 1
	line := func(label string, v any, style string) error {
		if err := w.set(s, 1, row, label, "label"); err != nil {
			return err
		}
		if err := w.set(s, 2, row, v, style); err != nil {
			return err
		}
		row++
		return nil
	}
	if err := w.set(s, 1, row, w.title(), "title"); err != nil {
		return err
	}
	row += 2
	months := cal.Months(is.Quarter)
	about := []struct {
		label string
		v     any
		style string
	}{
		{"Organisation", is.Catalogue.Organisation, "text"},
		{"Return for", is.Owner.Name + " (" + is.Owner.ID + ")", "text"},
		{"Quarter", cal.Label(is.Quarter) + ": " + months[0].Name() + " to " + months[2].Name(), "text"},
		{"Indicators", strconv.Itoa(len(is.Catalogue.OwnedBy(is.Owner.ID))) + " indicators, " + strconv.Itoa(len(w.rows)) + " rows to fill in on the Return sheet", "text"},
		{"Issued", issueDay(is.Issued), "date"},
	}
	if is.Owner.Email != "" {
		about = append(about[:2], append([]struct {
			label string
			v     any
			style string
		}{{"Email", is.Owner.Email, "text"}}, about[2:]...)...)
	}
	for _, a := range about {
		if err := line(a.label, a.v, a.style); err != nil {
			return err
		}
	}
	row++
	if err := w.set(s, 1, row, "How to fill in this return", "heading"); err != nil {
		return err
	}
	row++
	for i, g := range w.guidance() {
		if err := line("Step "+strconv.Itoa(i+1), g, "text"); err != nil {
			return err
		}
	}
	row++
	if err := w.set(s, 1, row, "Sign-off", "heading"); err != nil {
		return err
	}
	row++
	if err := line("Note", "By signing off you confirm that the figures and commentary in this return are complete and correct and may be published. A return that is not signed off keeps the report a draft.", "text"); err != nil {
		return err
	}
	signs := []struct{ name, label, style string }{
		{form.SignedBy, "Signed off by (name)", "in-text"},
		{form.SignedRole, "Role", "in-text"},
		{form.SignedOn, "Date signed off", "in-date"},
	}
	for _, sg := range signs {
		ref, _ := excelize.CoordinatesToCellName(2, row)
		if err := line(sg.label, nil, sg.style); err != nil {
			return err
		}
		abs := "'" + s + "'!$B$" + strconv.Itoa(row-1)
		if err := w.f.SetDefinedName(&excelize.DefinedName{Name: sg.name, RefersTo: abs}); err != nil {
			return err
		}
		if sg.name == form.SignedRole && is.Owner.Role != "" {
			dv := excelize.NewDataValidation(true)
			dv.Sqref = ref
			dv.SetInput("Role", "The role of the person signing off, usually "+is.Owner.Role+".")
			if err := w.f.AddDataValidation(s, dv); err != nil {
				return err
			}
		}
		if sg.name == form.SignedOn {
			dv := excelize.NewDataValidation(true)
			dv.Sqref = ref
			if err := dv.SetRange(36526, 73415, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
				return err
			}
			dv.SetInput("Date signed off", "Type the date as day/month/year, e.g. 20/10/2023.")
			dv.SetError(excelize.DataValidationErrorStyleStop, "Not a date", "Type the date the return was signed off as day/month/year, e.g. 20/10/2023.")
			if err := w.f.AddDataValidation(s, dv); err != nil {
				return err
			}
		}
	}
	return w.f.ProtectSheet(s, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true})
}

// issueDay is the issue time as a date cell: the day, without the time.
func issueDay(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func (w *writer) guidance() []string {
	out := []string{
		"Go to the Return sheet. Each row is one indicator and one period: a month for a monthly indicator, otherwise the quarter. Fill in only the shaded cells; the rest of the sheet is locked so that the return can be read back exactly.",
		"Type each figure as a plain number in the unit shown. For a percentage type 87 for 87%, never 0.87. Counts and days cannot be negative.",
	}
	if w.ratio {
		out = append(out, "For a rate or percentage worked out from two counts, type the numerator and the denominator; the value is worked out from them, so leave value blank.")
	}
	out = append(out,
		"If a figure is not available, type n/a in its value cell and say why in commentary. Leave no value cell blank: a blank cell is taken as not yet returned.",
		"In commentary, say what the figure shows and why it has changed. For a figure below its target, say in actions what is being done and by when.",
		"The last values held and the value a year earlier are shown beside each row for comparison. Do not add, delete or reorder rows, or change the codes and periods: the return is checked against what was sent.",
		"When the return is complete, fill in the sign-off below and send the file back as it is (do not copy the figures into another file).",
	)
	return out
}

// data writes the Return sheet: the ReturnData table at A1, so that its header is the sheet's
// first row and the file is read as ordinary data.
func (w *writer) data() error {
	s := form.DataSheet
	cols := []column{{"code", 9, false}, {"period", 11, false}, {"name", 40, false}}
	if w.define {
		cols = append(cols, column{"definition", 50, false})
	}
	cols = append(cols,
		column{"unit", 12, false}, column{"better", 10, false}, column{"target", 11, false}, column{"floor", 11, false},
		column{"last period", 11, false}, column{"last value", 11, false}, column{"a year earlier", 11, false},
		column{"value", 12, true})
	if w.ratio {
		cols = append(cols, column{"numerator", 12, true}, column{"denominator", 12, true})
	}
	cols = append(cols, column{"commentary", 50, true}, column{"actions", 50, true})
	at := map[string]int{}
	for i, c := range cols {
		at[c.header] = i + 1
		if err := w.setWidth(s, i+1, c.width); err != nil {
			return err
		}
		if err := w.set(s, i+1, 1, c.header, "label"); err != nil {
			return err
		}
	}
	cal := w.is.Catalogue.Calendar
	for i, r := range w.rows {
		row := i + 2
		ind := r.Ind
		fy := cal.QuarterOfPeriod(r.Period).Year
		last, lastV, yearAgo := w.context(r)
		vals := map[string]any{
			"code":           ind.Code,
			"period":         label(cal, r.Period),
			"name":           ind.Name,
			"definition":     definitionOf(ind),
			"unit":           unitWords(ind.Unit),
			"better":         better(ind),
			"last period":    last,
			"last value":     lastV,
			"a year earlier": yearAgo,
		}
		if th, ok := ind.ThresholdsFor(fy); ok && ind.Type == catalogue.KPI {
			vals["target"], vals["floor"] = numOrNil(th.Target), numOrNil(th.Floor)
		} else if ex, ok := ind.ExpectedFor(fy); ok && ind.Type == catalogue.Activity {
			vals["target"], vals["floor"] = rangeText(ex), nil
		}
		for _, c := range cols {
			col := at[c.header]
			v := vals[c.header]
			style := "text"
			if _, isNum := v.(float64); isNum {
				style = "number"
			}
			if c.input && w.fills(r, c.header) {
				style = "in-text"
				if c.header == "value" || c.header == "numerator" || c.header == "denominator" {
					style = "in-number"
				}
			}
			if err := w.set(s, col, row, v, style); err != nil {
				return err
			}
		}
	}
	last := len(w.rows) + 1
	end, _ := excelize.CoordinatesToCellName(len(cols), last)
	show := true
	if err := w.f.AddTable(s, &excelize.Table{Range: "A1:" + end, Name: form.TableName, StyleName: "TableStyleLight1", ShowRowStripes: &show}); err != nil {
		return err
	}
	if err := w.validations(at); err != nil {
		return err
	}
	if err := w.f.SetPanes(s, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	return w.f.ProtectSheet(s, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true})
}

// fills reports whether the owner fills column header on row r: the value, or for a ratio
// indicator its numerator and denominator; commentary and actions once a quarter, on the
// quarter's row or its last month's, since commentary is kept by quarter.
func (w *writer) fills(r Due, header string) bool {
	ratio := r.Ind.Aggregate == catalogue.Ratio
	switch header {
	case "value":
		return !ratio
	case "numerator", "denominator":
		return ratio
	case "commentary", "actions":
		return !(r.Period.Kind == period.KindMonth) || r.Period.Month == w.is.Catalogue.Calendar.LastMonth(w.is.Quarter)
	}
	return false
}

// validations put on each input cell the rule its unit allows, with a message saying it.
func (w *writer) validations(at map[string]int) error {
	s := form.DataSheet
	for i, r := range w.rows {
		row := i + 2
		for _, h := range []string{"value", "numerator", "denominator"} {
			if at[h] == 0 || !w.fills(r, h) {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(at[h], row)
			dv := excelize.NewDataValidation(true)
			dv.Sqref = ref
			title, msg, err := rule(dv, r.Ind, h)
			if err != nil {
				return err
			}
			dv.SetInput(title, msg)
			dv.SetError(excelize.DataValidationErrorStyleStop, title, msg)
			if err := w.f.AddDataValidation(s, dv); err != nil {
				return err
			}
		}
	}
	return nil
}

// rule sets dv to what column h of indicator ind may hold, and says it in words. A value may
// also be n/a: a text entry, which a number rule would refuse, so value cells allow text by
// being validated only when they hold a number (Excel applies a decimal rule to typed text
// too, so a value rule is a custom formula that lets n/a through).
func rule(dv *excelize.DataValidation, ind *catalogue.Indicator, h string) (string, string, error) {
	ref := dv.Sqref
	if h != "value" {
		err := dv.SetRange(0, "", excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorGreaterThanOrEqual)
		return "A count", "Type a whole count, 0 or more.", err
	}
	isNA := `OR(` + ref + `="n/a",` + ref + `="na",` + ref + `="-")`
	var cond, title, msg string
	switch ind.Unit {
	case catalogue.Percent:
		cond, title, msg = `AND(ISNUMBER(`+ref+`),`+ref+`>=0,`+ref+`<=100)`, "A percentage", "Type a percentage from 0 to 100 as a plain number: 87 for 87%, never 0.87. Or n/a if it is not available."
	case catalogue.Currency:
		cond, title, msg = `ISNUMBER(`+ref+`)`, "An amount in pounds", "Type the amount in pounds as a plain number, without the £ sign. Or n/a if it is not available."
	case catalogue.Days:
		cond, title, msg = `AND(ISNUMBER(`+ref+`),`+ref+`>=0)`, "A number of days", "Type the number of days, 0 or more. Or n/a if it is not available."
	case catalogue.Rate:
		cond, title, msg = `AND(ISNUMBER(`+ref+`),`+ref+`>=0)`, "A rate", "Type the rate, 0 or more, as a plain number. Or n/a if it is not available."
	default:
		cond, title, msg = `AND(ISNUMBER(`+ref+`),`+ref+`>=0)`, "A number", "Type the number, 0 or more. Or n/a if it is not available."
	}
	dv.Type = "custom"
	// excelize writes Formula1 into the XML as it is: the comparisons must be escaped.
	dv.Formula1 = xmlText.Replace("OR(" + cond + "," + isNA + ")")
	return title, msg, nil
}

// context is what the row shows for comparison: the latest earlier period with a value and
// that value, and the value of the same period a year earlier.
func (w *writer) context(r Due) (any, any, any) {
	s := w.is.Store.Series(r.Ind.Code)
	cal := w.is.Catalogue.Calendar
	idx, perYear := cal.QuarterOfPeriod(r.Period).Index(), 4
	if r.Period.Kind == period.KindMonth {
		idx, perYear = r.Period.Month.Index(), 12
	}
	var lastP, lastV, yearAgo any
	for back := 1; back <= 2*perYear; back++ {
		if v, ok := s.At(idx - back); ok && !v.Missing {
			p := period.FromIndex(idx - back)
			lastP = cal.Label(p)
			if r.Period.Kind == period.KindMonth {
				lastP = period.MonthFromIndex(idx - back).String()
			}
			lastV = v.V
			break
		}
	}
	if v, ok := s.At(idx - perYear); ok && !v.Missing {
		yearAgo = v.V
	}
	return lastP, lastV, yearAgo
}

var xmlText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func label(cal period.Calendar, p period.Period) string { return cal.PeriodLabel(p) }

func numOrNil(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

func rangeText(e catalogue.Expected) any {
	num := func(v *float64) string { return strconv.FormatFloat(*v, 'f', -1, 64) }
	switch {
	case e.Lower != nil && e.Upper != nil:
		return "expected " + num(e.Lower) + " to " + num(e.Upper)
	case e.Lower != nil:
		return "expected at least " + num(e.Lower)
	case e.Upper != nil:
		return "expected at most " + num(e.Upper)
	}
	return nil
}

func unitWords(u catalogue.Unit) string {
	switch u {
	case catalogue.Percent:
		return "percent (0-100)"
	case catalogue.Currency:
		return "pounds"
	}
	return string(u)
}

func better(ind *catalogue.Indicator) string {
	switch {
	case ind.Type == catalogue.Activity:
		return "not rated"
	case ind.Polarity == catalogue.Lower:
		return "lower"
	}
	return "higher"
}

// manifest writes what was issued to the very hidden Manifest sheet.
func (w *writer) manifest() error {
	cal := w.is.Catalogue.Calendar
	m := form.Manifest{Owner: w.is.Owner.ID, Period: cal.Label(w.is.Quarter), Issued: w.is.Issued, Catalogue: w.is.Digest}
	for _, r := range w.rows {
		m.Rows = append(m.Rows, form.Row{Code: r.Ind.Code, Period: label(cal, r.Period)})
	}
	for i, l := range m.Lines() {
		for j, v := range l {
			if err := w.set(form.ManifestSheet, j+1, i+1, v, "text"); err != nil {
				return err
			}
		}
	}
	return w.f.ProtectSheet(form.ManifestSheet, &excelize.SheetProtectionOptions{})
}

// definitionOf is what the person filling in the return is told the indicator counts: its
// definition, else its description.
func definitionOf(ind *catalogue.Indicator) string {
	if ind.Meaning.Definition != "" {
		return ind.Meaning.Definition
	}
	return ind.Description
}
