package acceptance_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// pdfEdition is the PDF as pdftotext -layout gives it: text only, so each indicator's heading,
// statuses and facts are looked for as the run of words a reader meets.
type pdfEdition struct{ text string }

func (e pdfEdition) check(t reporter, ref reference) {
	t.Helper()
	flat := strings.Join(strings.Fields(e.text), " ")
	for _, d := range ref.Directorates {
		if !hasLine(e.text, d.Name) {
			t.Errorf("pdf: no heading line %q for directorate %s", d.Name, d.Code)
		}
	}
	for _, in := range ref.Indicators {
		head := in.Code + " " + in.Name + " "
		i := -1
		if loc := regexp.MustCompile(regexp.QuoteMeta(head) + `(Rating|Against range): `).FindStringIndex(flat); loc != nil {
			i = loc[0]
		}
		if i < 0 {
			t.Errorf("pdf: %s: no heading %q", in.Code, strings.TrimSpace(head))
			continue
		}
		rest := flat[i+len(head):]
		m := statusLine.FindStringSubmatch(strings.SplitN(rest, " Value ", 2)[0])
		if m == nil {
			t.Errorf("pdf: %s: no status line after the heading: %.120q", in.Code, rest)
			continue
		}
		if !wordOK(m[1], in.status()) || !wordOK(m[2], in.direction()) {
			t.Errorf("pdf: %s: section says %q and %q; the JSON's status is %s, direction %s", in.Code, m[1], m[2], in.status(), in.direction())
		}
		_, facts, ok := strings.Cut(rest, " Value ")
		if !ok {
			t.Errorf("pdf: %s: no facts line", in.Code)
			continue
		}
		facts, _, _ = strings.Cut(facts, " better")
		checkFacts(t, "pdf", in, "Value "+facts)
	}
	for _, title := range []string{"Rating", "Direction of travel", "Activity"} {
		want, _ := summaryRows(title, ref.Summary)
		for label, w := range want {
			if w[0] == 0 && w[1] == 0 {
				continue
			}
			line := label + " " + strconv.Itoa(w[0]) + " " + strconv.Itoa(w[1]) + " " + changeWord(w[0]-w[1])
			if !strings.Contains(flat, " "+line+" ") && !strings.HasPrefix(label, "Too few") && !strings.HasPrefix(label, "Insufficient") {
				t.Errorf("pdf: the summary has no row %q", line)
			}
		}
	}
}

// sheetTable is a worksheet as its reader sees it: each cell's text as shown.
type workbookEdition struct {
	name   string
	sheets map[string][][]string
}

func (e workbookEdition) check(t reporter, ref reference) {
	t.Helper()
	byCode := map[string]refIndicator{}
	for _, in := range ref.Indicators {
		byCode[in.Code] = in
	}
	seen := map[string]int{}
	for _, d := range ref.Directorates {
		rows, ok := e.sheets[d.Code]
		if !ok {
			t.Errorf("%s: no sheet %s for directorate %q", e.name, d.Code, d.Name)
			continue
		}
		if title := cell(rowOf(rows, 0), 0); !strings.HasPrefix(title, d.Name+" ("+d.Code+")") {
			t.Errorf("%s: sheet %s is titled %q, not after the directorate %q", e.name, d.Code, title, d.Name)
		}
		var head []string
		col := map[string]int{}
		for _, row := range rows {
			if cell(row, 0) == "Code" {
				head = row
				for i, h := range head {
					h, _, _ = strings.Cut(h, " [note")
					col[h] = i
				}
				continue
			}
			in, ok := byCode[cell(row, 0)]
			if head == nil || !ok {
				continue
			}
			seen[in.Code]++
			if in.Directorate != d.Code {
				t.Errorf("%s: %s is on sheet %s; the JSON puts it in %s", e.name, in.Code, d.Code, in.Directorate)
			}
			if got, want := cell(row, col["Value"]), workbookShown(in); got != want {
				t.Errorf("%s: %s: value shown as %q; the JSON's display %s is %q", e.name, in.Code, got, jsonText(in.Display), want)
			}
			if got := cell(row, col["Basis"]); got != in.Basis {
				t.Errorf("%s: %s: basis %q; the JSON's is %q", e.name, in.Code, got, in.Basis)
			}
			if got := cell(row, col["Rating"]); !wordOK(got, in.status()) {
				t.Errorf("%s: %s: rating %q; the JSON's status is %s", e.name, in.Code, got, in.status())
			}
			if got := cell(row, col["Direction of travel"]); !wordOK(got, in.direction()) {
				t.Errorf("%s: %s: direction %q; the JSON's is %s", e.name, in.Code, got, in.direction())
			}
		}
	}
	for _, in := range ref.Indicators {
		if seen[in.Code] != 1 {
			t.Errorf("%s: %s is on %d directorate sheet rows, want 1", e.name, in.Code, seen[in.Code])
		}
	}
	if rows, ok := e.sheets["Directorates"]; !ok {
		t.Errorf("%s: no Directorates sheet", e.name)
	} else {
		for i, row := range rows {
			if cell(row, 0) == "Directorate" {
				checkCountsTable(t, e.name, row, rows[i+1:], ref)
				break
			}
		}
	}
	found := map[string]bool{}
	if _, ok := e.sheets["Directorates"]; ok {
		found["counts by directorate"] = true
	}
	rows := e.sheets["Summary"]
	for i, row := range rows {
		if len(row) > 3 && cell(row, 3) == "Change" {
			title, _, _ := strings.Cut(cell(rowOf(rows, i-1), 0), " [note")
			title = strings.TrimPrefix(title, "Ratings of KPIs")
			if title == "" {
				title = "Rating"
			}
			if strings.HasPrefix(title, "Activity") || strings.HasPrefix(title, "Direction") || title == "Rating" {
				var body [][]string
				for _, r := range rows[i+1:] {
					if cell(r, 0) == "" || len(r) < 4 {
						break
					}
					body = append(body, r)
				}
				found[strings.Fields(title)[0]] = true
				if strings.HasPrefix(title, "Direction") {
					found["Direction of travel"] = true
				}
				checkChangeTable(t, e.name, title, body, ref.Summary)
			}
		}
	}
	checkFound(t, e.name, found, ref)
}

func rowOf(rows [][]string, i int) []string {
	if i >= 0 && i < len(rows) {
		return rows[i]
	}
	return nil
}

// workbookShown is a value as a workbook shows it: the number in its unit, "[x]" for none.
func workbookShown(in refIndicator) string {
	if in.Display == nil {
		return "[x]"
	}
	return shownText(in)
}

// readXLSX reads every sheet's cells as Excel shows them: a number through its cell's format.
func readXLSX(t testing.TB, b []byte) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("xlsx: %v", err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("xlsx: sheet %s: %v", sheet, err)
		}
		for r, row := range rows {
			for c, raw := range row {
				v, err := strconv.ParseFloat(raw, 64)
				if err != nil {
					continue
				}
				name, _ := excelize.CoordinatesToCellName(c+1, r+1)
				id, err := f.GetCellStyle(sheet, name)
				if err != nil {
					t.Fatal(err)
				}
				st, err := f.GetStyle(id)
				if err != nil {
					t.Fatal(err)
				}
				if st.CustomNumFmt != nil {
					row[c] = excelFormat(v, *st.CustomNumFmt)
				}
			}
		}
		out[sheet] = rows
	}
	return out
}

// excelFormat shows v through an Excel format code of the kinds a report uses: up to three
// sections, each maybe with a condition ([<0.5]), quoted literals, 0 and #,##0 with places.
func excelFormat(v float64, code string) string {
	sections := strings.Split(code, ";")
	pick := sections[0]
	conditional := strings.HasPrefix(sections[0], "[")
	switch {
	case conditional:
		pick = sections[len(sections)-1]
		for _, s := range sections {
			if cond, rest, ok := strings.Cut(strings.TrimPrefix(s, "["), "]"); ok && strings.HasPrefix(s, "[") {
				if holds(v, cond) {
					pick = rest
					break
				}
			}
		}
	case len(sections) >= 2 && v < 0:
		pick, v = sections[1], -v
	case len(sections) >= 3 && v == 0:
		pick = sections[2]
	}
	var b strings.Builder
	for i := 0; i < len(pick); i++ {
		switch c := pick[i]; {
		case c == '"':
			j := strings.IndexByte(pick[i+1:], '"')
			b.WriteString(pick[i+1 : i+1+j])
			i += j + 1
		case c == '0' || c == '#':
			j := i
			for j < len(pick) && strings.IndexByte("0#,.", pick[j]) >= 0 {
				j++
			}
			digits := pick[i:j]
			places := 0
			if _, frac, ok := strings.Cut(digits, "."); ok {
				places = len(frac)
			}
			b.WriteString(number(v, places, strings.Contains(digits, ",")))
			i = j - 1
		case c == '\\':
			i++
			b.WriteByte(pick[i])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func holds(v float64, cond string) bool {
	for _, op := range []string{"<=", ">=", "<>", "<", ">", "="} {
		if rest, ok := strings.CutPrefix(cond, op); ok {
			x, err := strconv.ParseFloat(rest, 64)
			if err != nil {
				return false
			}
			switch op {
			case "<=":
				return v <= x
			case ">=":
				return v >= x
			case "<>":
				return v != x
			case "<":
				return v < x
			case ">":
				return v > x
			}
			return v == x
		}
	}
	return false
}

// number shows v to places as a spreadsheet does: from the shortest decimal that reads back as
// v, half away from zero, with a comma between thousands when grouping.
func number(v float64, places int, grouping bool) string {
	neg := v < 0
	if neg {
		v = -v
	}
	digits := strconv.FormatFloat(v, 'f', -1, 64)
	whole, frac, _ := strings.Cut(digits, ".")
	if len(frac) > places {
		up := frac[places] >= '5'
		kept := []byte(whole + frac[:places])
		for i := len(kept) - 1; up && i >= 0; i-- {
			if kept[i] == '9' {
				kept[i] = '0'
				if i == 0 {
					kept = append([]byte{'1'}, kept...)
				}
				continue
			}
			kept[i]++
			up = false
		}
		whole, frac = string(kept[:len(kept)-places]), string(kept[len(kept)-places:])
	} else {
		frac += strings.Repeat("0", places-len(frac))
	}
	if grouping {
		var b strings.Builder
		for i, c := range whole {
			if i > 0 && (len(whole)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(c)
		}
		whole = b.String()
	}
	s := whole
	if places > 0 {
		s += "." + frac
	}
	if neg && strings.Trim(whole+frac, "0,") != "" {
		s = "-" + s
	}
	return s
}

// odsNumberStyle is an ODF number style: its parts in order, and its conditional maps.
type odsNumberStyle struct {
	parts []odsPart
	maps  [][2]string // condition, style name
}

type odsPart struct {
	text     string
	number   bool
	places   int
	grouping bool
}

// readODS reads content.xml (and the number styles of styles.xml): every table's rows, each
// cell's text as shown, a number through its cell style's data style.
func readODS(t testing.TB, b []byte) map[string][][]string {
	t.Helper()
	numberStyles := map[string]*odsNumberStyle{}
	cellData := map[string]string{} // cell style -> data style
	for _, part := range []string{"styles.xml", "content.xml"} {
		readODSStyles(t, zipEntry(t, b, part), numberStyles, cellData)
	}
	dec := xml.NewDecoder(bytes.NewReader(zipEntry(t, b, "content.xml")))
	out := map[string][][]string{}
	var sheet string
	var text strings.Builder
	var cellStyle, valueType, value string
	var repeat int
	inCell := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("ods: content.xml: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "table":
				if e.Name.Space == odsTableNS {
					sheet = odsAttr(e, "name")
				}
			case "table-row":
				out[sheet] = append(out[sheet], nil)
			case "table-cell", "covered-table-cell":
				inCell = true
				text.Reset()
				cellStyle, valueType, value = odsAttr(e, "style-name"), odsAttr(e, "value-type"), odsAttr(e, "value")
				repeat, _ = strconv.Atoi(odsAttr(e, "number-columns-repeated"))
			case "p":
				if inCell && text.Len() > 0 {
					text.WriteString(" ")
				}
			}
		case xml.CharData:
			if inCell {
				text.Write(e)
			}
		case xml.EndElement:
			if e.Name.Local == "table-cell" || e.Name.Local == "covered-table-cell" {
				inCell = false
				s := text.String()
				if valueType == "float" || valueType == "percentage" || valueType == "currency" {
					if v, err := strconv.ParseFloat(value, 64); err == nil {
						s = strconv.FormatFloat(v, 'f', -1, 64) // General
						if ns := numberStyles[cellData[cellStyle]]; ns != nil {
							s = ns.format(v, numberStyles)
						}
					}
				}
				rows := out[sheet]
				for range max(repeat, 1) {
					rows[len(rows)-1] = append(rows[len(rows)-1], s)
				}
			}
		}
	}
	return out
}

const odsTableNS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"

func odsAttr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func readODSStyles(t testing.TB, b []byte, numberStyles map[string]*odsNumberStyle, cellData map[string]string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var cur *odsNumberStyle
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("ods: styles: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "style":
				if ds := odsAttr(e, "data-style-name"); ds != "" {
					cellData[odsAttr(e, "name")] = ds
				}
			case "number-style", "percentage-style", "currency-style":
				cur = &odsNumberStyle{}
				numberStyles[odsAttr(e, "name")] = cur
			case "number":
				if cur != nil && e.Name.Space != odsTableNS {
					places, _ := strconv.Atoi(odsAttr(e, "decimal-places"))
					cur.parts = append(cur.parts, odsPart{number: true, places: places, grouping: odsAttr(e, "grouping") == "true"})
				}
			case "text":
				if cur != nil {
					inText = true
					cur.parts = append(cur.parts, odsPart{})
				}
			case "map":
				if cur != nil {
					cur.maps = append(cur.maps, [2]string{odsAttr(e, "condition"), odsAttr(e, "apply-style-name")})
				}
			}
		case xml.CharData:
			if inText && cur != nil {
				cur.parts[len(cur.parts)-1].text += string(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "text":
				inText = false
			case "number-style", "percentage-style", "currency-style":
				cur = nil
			}
		}
	}
}

// format shows v as ODF says: the first map whose condition holds picks another style
// (a style reached by a sign condition shows the number without its sign).
func (s *odsNumberStyle) format(v float64, all map[string]*odsNumberStyle) string {
	for _, m := range s.maps {
		cond := strings.TrimPrefix(m[0], "value()")
		if holds(v, cond) {
			if other := all[m[1]]; other != nil {
				if strings.HasPrefix(cond, "<") && v < 0 {
					v = -v
				}
				return other.format(v, nil)
			}
		}
	}
	var b strings.Builder
	for _, p := range s.parts {
		if p.number {
			b.WriteString(number(v, p.places, p.grouping))
		} else {
			b.WriteString(p.text)
		}
	}
	return b.String()
}
