package xlsx

import (
	"strconv"

	"github.com/xuri/excelize/v2"
)

// setPrintLayout makes a sheet print landscape on A4, shrunk to the page's width (as many
// pages down as it needs), with the table's header row repeated on every page when the
// sheet holds one table (headerRow > 0).
func setPrintLayout(f *excelize.File, sheet string, headerRow int) error {
	landscape, a4, one, zero, fit := "landscape", 9, 1, 0, true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Orientation: &landscape, Size: &a4, FitToWidth: &one, FitToHeight: &zero,
	}); err != nil {
		return err
	}
	if headerRow == 0 {
		return nil
	}
	rows := "$" + strconv.Itoa(headerRow)
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: sheetRef(sheet) + "!" + rows + ":" + rows, Scope: sheet})
}
