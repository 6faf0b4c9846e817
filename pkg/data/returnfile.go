package data

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/example/qpr/pkg/data/internal/xlsxread"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/returns/form"
)

// Return is a workbook that is a filled-in return (qpr returns make wrote it): its Return
// sheet is read as ordinary data; this is what it was issued as and who signed it off.
type Return struct {
	File       string
	Manifest   form.Manifest
	SignedBy   string
	SignedRole string
	SignedOn   time.Time  // zero when not filled in
	SignedAt   diag.Place // the SignedBy cell, where a message about the sign-off points
}

// Signed reports whether the return has been signed off: a name and a date.
func (r Return) Signed() bool { return r.SignedBy != "" && !r.SignedOn.IsZero() }

// returnSheets reports whether the workbook is a return: it has the Return sheet and the
// manifest sheet that qpr returns make writes.
func (wb *workbook) isReturn() bool {
	data, manifest := false, false
	for _, s := range wb.x.Sheets {
		data = data || s.Name == form.DataSheet
		manifest = manifest || (s.Name == form.ManifestSheet && s.Hidden)
	}
	return data && manifest
}

// returnOnly reports whether sheet i of a return is one read by readReturn, not as a table.
func (wb *workbook) returnOnly(i int) bool {
	n := wb.x.Sheets[i].Name
	return n == form.CoverSheet || n == form.ManifestSheet
}

// readReturn reads a return's manifest and sign-off into ds.Returns.
func (wb *workbook) readReturn(ds *Dataset, probs *diag.List) {
	r := Return{File: wb.path}
	manifest := -1
	for i, s := range wb.x.Sheets {
		if s.Name == form.ManifestSheet {
			manifest = i
		}
	}
	var lines [][2]string
	err := wb.x.ReadSheet(manifest, true, func(row int, cells []xlsxread.Cell) bool {
		var l [2]string
		for _, c := range cells {
			if c.Col < 2 {
				l[c.Col] = c.Text
			}
		}
		lines = append(lines, l)
		return len(lines) <= wb.lim.manifestRows()
	})
	if err != nil {
		wb.report(err, manifest, probs)
		return
	}
	at := diag.Place{File: wb.path, Sheet: form.ManifestSheet}
	if r.Manifest, err = form.Parse(lines); err != nil {
		probs.Errorf(at, "%v; the return's hidden manifest was changed, so it cannot be checked against what was issued: make the return again with qpr returns make", err)
		return
	}
	wb.readSignOff(&r, probs)
	ds.Returns = append(ds.Returns, r)
}

// manifestRows bounds the manifest read: a row for each indicator and month issued.
func (l Limits) manifestRows() int {
	if l.Rows > 0 {
		return int(min(l.Rows, 1<<20))
	}
	return 1 << 20
}

// readSignOff reads the cells the names SignedBy, SignedRole and SignedOn refer to.
func (wb *workbook) readSignOff(r *Return, probs *diag.List) {
	type want struct {
		sheet    int
		row, col int
	}
	wanted := map[string]want{}
	for _, n := range wb.x.Names {
		if n.Name != form.SignedBy && n.Name != form.SignedRole && n.Name != form.SignedOn {
			continue
		}
		sheet, ref, ok := splitRef(n.RefersTo)
		if !ok {
			continue
		}
		col, row, err := excelize.CellNameToCoordinates(strings.ReplaceAll(ref, "$", ""))
		if err != nil {
			continue
		}
		for i, s := range wb.x.Sheets {
			if s.Name == sheet {
				wanted[n.Name] = want{i, row, col - 1}
			}
		}
	}
	for _, name := range []string{form.SignedBy, form.SignedRole, form.SignedOn} {
		w, ok := wanted[name]
		if !ok {
			probs.Errorf(diag.Place{File: wb.path}, "the return has no defined name %s, where its sign-off is read from; make the return again with qpr returns make", name)
			return
		}
		at := diag.CellAt(wb.path, wb.x.Sheets[w.sheet].Name, w.row, w.col+1)
		if name == form.SignedBy {
			r.SignedAt = at
		}
		var got *cell
		err := wb.x.ReadSheet(w.sheet, true, func(row int, cells []xlsxread.Cell) bool {
			if row < w.row {
				return true
			}
			for _, c := range cells {
				if row == w.row && c.Col == w.col {
					x := wb.cell(c)
					got = &x
				}
			}
			return false
		})
		if err != nil {
			wb.report(err, w.sheet, probs)
			return
		}
		if got == nil || got.blank() {
			continue
		}
		switch name {
		case form.SignedBy:
			r.SignedBy = got.trimmed()
		case form.SignedRole:
			r.SignedRole = got.trimmed()
		case form.SignedOn:
			d, err := signOffDate(*got, wb.x.Date1904)
			if err != nil {
				probs.Errorf(at, "the sign-off date %s; type the date the return was signed off, e.g. 20/10/2023", err)
				continue
			}
			r.SignedOn = d
		}
	}
}

// splitRef splits 'Cover'!$B$19 into the sheet and the cell.
func splitRef(ref string) (sheet, cell string, ok bool) {
	i := strings.LastIndex(ref, "!")
	if i < 0 {
		return "", "", false
	}
	sheet, cell = ref[:i], ref[i+1:]
	if strings.HasPrefix(sheet, "'") && strings.HasSuffix(sheet, "'") && len(sheet) >= 2 {
		sheet = strings.ReplaceAll(sheet[1:len(sheet)-1], "''", "'")
	}
	return sheet, cell, true
}

// signOffDate reads the sign-off date: a date cell, a date serial in a cell without a date
// format (as some programs leave it), or a date typed as text.
func signOffDate(c cell, date1904 bool) (time.Time, error) {
	switch c.kind {
	case kindDate:
		if !c.date.IsZero() {
			return day(c.date), nil
		}
	case kindNumber:
		if c.num >= 1 && c.num < 2958466 && c.num == math.Trunc(c.num) {
			if t, err := excelize.ExcelDateToTime(c.num, date1904); err == nil {
				return day(t), nil
			}
		}
		return time.Time{}, fmt.Errorf("%s is not a date", strconv.FormatFloat(c.num, 'f', -1, 64))
	}
	d, err := period.ParseDate(c.trimmed())
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date", c.trimmed())
	}
	return d, nil
}

func day(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }

// Standing is the return that stands among those for one owner and quarter label: the one
// signed off last (by its sign-off date, then its issue time), or, when none is signed, the
// one issued last. The order the files were given in never decides. nil when there is none.
func Standing(rs []Return, owner, quarter string) *Return {
	var best *Return
	for i := range rs {
		r := &rs[i]
		if !strings.EqualFold(r.Manifest.Owner, owner) || r.Manifest.Period != quarter {
			continue
		}
		if best == nil || laterReturn(r, best) {
			best = r
		}
	}
	return best
}

// laterReturn reports whether a stands over b: signed beats unsigned, then the later
// sign-off date, then the later issue time, then (for two copies of one issue, signed the
// same day) the file name, so that the choice never depends on the order of --data.
func laterReturn(a, b *Return) bool {
	if a.Signed() != b.Signed() {
		return a.Signed()
	}
	if !a.SignedOn.Equal(b.SignedOn) {
		return a.SignedOn.After(b.SignedOn)
	}
	if !a.Manifest.Issued.Equal(b.Manifest.Issued) {
		return a.Manifest.Issued.After(b.Manifest.Issued)
	}
	return a.File > b.File
}
