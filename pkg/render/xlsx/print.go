package xlsx

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// setPrintLayout makes a sheet print as a reader expects of a wide table: landscape A4 with
// the header row repeated on every page. Columns are not squeezed onto one page across, which
// would make the text of a wide directorate sheet too small to read; the PDF is the document
// made for print.
func setPrintLayout(f *excelize.File, sheet string, repeatHeader bool) error {
	landscape, a4 := "landscape", 9
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, Size: &a4}); err != nil {
		return err
	}
	if !repeatHeader {
		return nil
	}
	quoted := "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: quoted + "!$1:$1", Scope: sheet})
}
