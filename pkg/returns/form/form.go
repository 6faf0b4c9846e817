// Package form is the shape of a return workbook that both its writer (pkg/returns) and the
// data reader (pkg/data) rely on: the sheet and table names, the sign-off names, and the
// manifest that says what was issued.
package form

import (
	"fmt"
	"strings"
	"time"
)

// The parts of a return workbook.
const (
	CoverSheet    = "Cover"
	DataSheet     = "Return"
	TableName     = "ReturnData"
	ManifestSheet = "Manifest" // veryHidden: the person filling the return never sees it

	SignedBy   = "SignedBy"
	SignedRole = "SignedRole"
	SignedOn   = "SignedOn"

	// Schema is the manifest's first line: what the workbook is.
	Schema = "qpr.return/v1"
)

// Manifest is what a return was issued as: for whom, for which quarter, with which rows.
type Manifest struct {
	Owner     string
	Period    string    // the quarter's canonical label, 2023/24 Q3
	Issued    time.Time // the as-at date it was made with, never the wall clock
	Catalogue string    // sha256 of the catalogue file it was made from, hex
	Rows      []Row     // in the order of the table's rows
}

// Row is one row issued: an indicator and a period due (a month or the quarter), as labels.
type Row struct {
	Code, Period string
}

// Lines are the manifest as the sheet's two columns, key and value, under a header.
func (m Manifest) Lines() [][2]string {
	out := [][2]string{
		{"key", "value"},
		{"schema", Schema},
		{"owner", m.Owner},
		{"period", m.Period},
		{"issued", m.Issued.UTC().Format(time.RFC3339)},
		{"catalogue", m.Catalogue},
	}
	for _, r := range m.Rows {
		out = append(out, [2]string{"row", r.Code + " " + r.Period})
	}
	return out
}

// Parse reads the manifest back from the sheet's lines (header first), saying what is wrong
// with one that cannot be a return's.
func Parse(lines [][2]string) (Manifest, error) {
	var m Manifest
	if len(lines) < 2 || lines[0] != [2]string{"key", "value"} || lines[1] != [2]string{"schema", Schema} {
		return m, fmt.Errorf("the %s sheet is not a qpr return's manifest (it should start key, value / schema, %s)", ManifestSheet, Schema)
	}
	for _, l := range lines[2:] {
		key, val := l[0], strings.TrimSpace(l[1])
		switch key {
		case "owner":
			m.Owner = val
		case "period":
			m.Period = val
		case "issued":
			t, err := time.Parse(time.RFC3339, val)
			if err != nil {
				return m, fmt.Errorf("the manifest's issue time %q is not a time", val)
			}
			m.Issued = t
		case "catalogue":
			m.Catalogue = val
		case "row":
			code, p, ok := strings.Cut(val, " ")
			if !ok {
				return m, fmt.Errorf("the manifest's row %q is not a code and a period", val)
			}
			m.Rows = append(m.Rows, Row{Code: code, Period: p})
		case "":
		default:
			return m, fmt.Errorf("the manifest has an unknown key %q", key)
		}
	}
	if m.Owner == "" || m.Period == "" || m.Issued.IsZero() {
		return m, fmt.Errorf("the manifest does not say its owner, period and issue time")
	}
	return m, nil
}
