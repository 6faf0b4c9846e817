package ods

import (
	"bufio"
	"strconv"

	"github.com/example/qpr/pkg/present"
)

// writeSettings writes settings.xml: the view a reader opens on, the first sheet, with each
// sheet of one table frozen below its header row (and beside its code and name columns), as
// the xlsx is. These are LibreOffice's view settings, which other programs ignore.
func writeSettings(w *bufio.Writer, wb *present.Workbook) error {
	item := func(name, typ, value string) {
		w.WriteString(`<config:config-item config:name="` + name + `" config:type="` + typ + `">`)
		escape(w, value)
		w.WriteString(`</config:config-item>`)
	}
	w.WriteString(xmlHeader)
	w.WriteString(`<office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" office:version="1.3"><office:settings>`)
	w.WriteString(`<config:config-item-set config:name="ooo:view-settings"><config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>`)
	item("ViewId", "string", "view1")
	w.WriteString(`<config:config-item-map-named config:name="Tables">`)
	for i := range wb.Sheets {
		s := &wb.Sheets[i]
		if s.OneTable() == nil {
			continue
		}
		rows, cols := strconv.Itoa(2+len(s.Lines)), strconv.Itoa(s.FreezeCols)
		w.WriteString(`<config:config-item-map-entry config:name="`)
		escape(w, s.Name)
		w.WriteString(`">`)
		horizontal, active := "0", "2"
		if s.FreezeCols > 0 {
			horizontal, active = "2", "3"
		}
		item("HorizontalSplitMode", "short", horizontal)
		item("VerticalSplitMode", "short", "2")
		item("HorizontalSplitPosition", "int", cols)
		item("VerticalSplitPosition", "int", rows)
		item("ActiveSplitRange", "short", active)
		item("PositionLeft", "int", "0")
		item("PositionRight", "int", cols)
		item("PositionTop", "int", "0")
		item("PositionBottom", "int", rows)
		w.WriteString(`</config:config-item-map-entry>`)
	}
	w.WriteString(`</config:config-item-map-named>`)
	item("ActiveTable", "string", wb.Sheets[0].Name)
	_, err := w.WriteString(`</config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings></office:document-settings>`)
	return err
}
