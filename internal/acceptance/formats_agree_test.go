package acceptance_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/example/qpr/internal/testtool"
	"github.com/example/qpr/pkg/render"
)

// TestFormatsAgree builds random catalogues and, for each, renders every format once and
// reads each back as its reader gets it: the JSON decoded; the HTML parsed; the PDF as
// pdftotext lays it out; the xlsx's cells with their number formats applied; the ODS's
// content.xml cells with their data styles applied; the Word document's paragraphs, headings
// and table cells. Every indicator's shown value, rating, direction and basis, every summary
// count and every directorate heading must then be what the JSON says, where the format has
// structure in the right row or section. A handful of seeds run by default; QPR_AGREE_SEEDS=n
// runs n.
func TestFormatsAgree(t *testing.T) {
	testtool.Need(t, "pdftotext", "apt-get install poppler-utils")
	seeds := 4
	if s, err := strconv.Atoi(os.Getenv("QPR_AGREE_SEEDS")); err == nil && s > 0 {
		seeds = s
	}
	for seed := range uint64(seeds) {
		t.Run(fmt.Sprintf("seed-%d", seed), func(t *testing.T) {
			r := randomReport(t, seed)
			out := renderAll(t, r)
			ref := decodeReference(t, out["json"])
			for _, e := range readEditions(t, out) {
				e.check(t, ref)
			}
		})
	}
}

// TestFormatsAgreeCatchesADifference changes one indicator's shown value or rating in one
// format at a time, as a renderer with its own rule would, and expects the comparison to say
// so, naming the format and the indicator.
func TestFormatsAgreeCatchesADifference(t *testing.T) {
	testtool.Need(t, "pdftotext", "apt-get install poppler-utils")
	r := randomReport(t, 1)
	out := renderAll(t, r)
	ref := decodeReference(t, out["json"])
	var in *refIndicator
	for i := range ref.Indicators {
		if c := &ref.Indicators[i]; c.Display != nil && c.status() == "green" && !c.Stale && !c.Partial {
			in = c
			break
		}
	}
	if in == nil {
		t.Fatal("seed 1 has no indicator rated green")
	}
	shown := shownText(*in)
	cases := []struct {
		name, format, said string
		edition            func() edition
	}{
		{"a value in the HTML", "html", shown + "9", func() edition {
			doc := bytes.Replace(out["html"], []byte(">"+html.EscapeString(shown)+"<"), []byte(">"+html.EscapeString(shown)+"9<"), 1)
			if bytes.Equal(doc, out["html"]) {
				t.Fatalf("the HTML has no cell %q to change", shown)
			}
			return documentEdition{"html", readHTMLDocument(parseHTML(t, doc))}
		}},
		{"a rating in the PDF", "pdf", "Amber", func() edition {
			lines := strings.Split(string(pdfText(t, out["pdf"])), "\n")
			for i, l := range lines {
				if !strings.HasPrefix(strings.TrimSpace(l), in.Code+" ") {
					continue
				}
				for j := i + 1; j < min(i+3, len(lines)); j++ {
					if strings.HasPrefix(strings.TrimSpace(lines[j]), "Rating:") {
						lines[j] = strings.Replace(lines[j], "Green", "Amber", 1)
					}
				}
			}
			text := strings.Join(lines, "\n")
			return pdfEdition{text}
		}},
		{"a value in the ODS", "ods", shown + "9", func() edition {
			sheets := readODS(t, out["ods"])
			for _, row := range sheets[in.Directorate] {
				if cell(row, 0) == in.Code {
					row[2] += "9"
				}
			}
			return workbookEdition{"ods", sheets}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := &recorder{}
			c.edition().check(rec, ref)
			for _, m := range rec.msgs {
				if strings.HasPrefix(m, c.format+": "+in.Code+": ") && strings.Contains(m, c.said) {
					return
				}
			}
			t.Errorf("%s went unnoticed; messages: %q", c.name, rec.msgs)
		})
	}
}

// recorder collects failures instead of failing, for the test that a difference is caught.
type recorder struct{ msgs []string }

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, a ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, a...))
}

// reporter is the part of testing.TB the checks use.
type reporter interface {
	Helper()
	Errorf(format string, a ...any)
}

// reference is the JSON file, the reference every format is compared with.
type reference struct {
	Period       string         `json:"period"`
	Summary      refSummary     `json:"summary"`
	Directorates []refCounts    `json:"directorates"`
	Indicators   []refIndicator `json:"indicators"`
}

type refSummary struct {
	KPIs             int            `json:"kpis"`
	Activities       int            `json:"activity_indicators"`
	RAG              map[string]int `json:"rag"`
	RAGPrevious      map[string]int `json:"rag_previous"`
	Trend            map[string]int `json:"trend"`
	TrendPrevious    map[string]int `json:"trend_previous"`
	Activity         map[string]int `json:"activity"`
	ActivityPrevious map[string]int `json:"activity_previous"`
}

type refCounts struct {
	Code string `json:"code"`
	Name string `json:"name"`
	refSummary
}

type refIndicator struct {
	jsonIndicator
	Name        string `json:"name"`
	Directorate string `json:"directorate"`
}

func decodeReference(t testing.TB, b []byte) reference {
	t.Helper()
	var ref reference
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatalf("decoding the JSON: %v", err)
	}
	return ref
}

// status is the JSON's headline status of in: its rating or its place against its range.
func (in refIndicator) status() string { return headlineStatus(in.jsonIndicator) }

func (in refIndicator) direction() string {
	if in.Trend == nil {
		return "insufficient"
	}
	return in.Trend.Direction
}

// wordsFor are the words a reader may be shown for a JSON status, from statusWords.
func wordOK(got, status string) bool {
	got = unmarked(got)
	for _, w := range statusWords[status] {
		if got == w {
			return true
		}
	}
	return false
}

// unmarked is a status word without the shape drawn before it ("● Green" in the Word
// edition, whose marks are characters): the word is what the formats must agree on.
func unmarked(s string) string {
	if first, rest, ok := strings.Cut(s, " "); ok && !strings.ContainsFunc(first, unicode.IsLetter) {
		return rest
	}
	return s
}

// shownText is how every edition shows the JSON's display in the indicator's unit, worked
// out here from the contract: thousands separated by commas; a % after a percentage, £
// before money (after a minus sign), " days" after days (" day" after exactly 1); "No data"
// for no value.
func shownText(in refIndicator) string {
	if in.Display == nil {
		return "No data"
	}
	n := *in.Display
	sign := ""
	if strings.HasPrefix(n, "-") {
		sign, n = "-", n[1:]
	}
	whole, frac, _ := strings.Cut(n, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	n = b.String()
	if frac != "" {
		n += "." + frac
	}
	switch in.Unit {
	case "percent":
		return sign + n + "%"
	case "currency":
		return sign + "£" + n
	case "days":
		if sign == "" && n == "1" {
			return "1 day"
		}
		return sign + n + " days"
	}
	return sign + n
}

// edition is one format as read back.
type edition interface {
	check(t reporter, ref reference)
}

func readEditions(t *testing.T, out map[string][]byte) []edition {
	t.Helper()
	for _, f := range render.Formats {
		if _, ok := out[f.Name]; !ok {
			t.Fatalf("no %s output", f.Name)
		}
	}
	return []edition{
		documentEdition{"html", readHTMLDocument(parseHTML(t, out["html"]))},
		documentEdition{"docx", readDocxDocument(t, out["docx"])},
		pdfEdition{string(pdfText(t, out["pdf"]))},
		workbookEdition{"xlsx", readXLSX(t, out["xlsx"])},
		workbookEdition{"ods", readODS(t, out["ods"])},
	}
}

// item is a heading, a paragraph or a table of a document edition, in reading order.
type item struct {
	level int // a heading's level; 0 for a paragraph or table
	text  string
	rows  [][]string // a table's rows, its header first
}

// documentEdition is the HTML or Word edition: headings, paragraphs and tables.
type documentEdition struct {
	name  string
	items []item
}

// level is an item's level in the document's outline: the HTML page's h1 is its title, so
// its parts are h2, where the Word edition's are Heading 1.
func (e documentEdition) level(it item) int {
	if e.name == "html" && it.level > 0 {
		return it.level - 1
	}
	return it.level
}

func readHTMLDocument(root *html.Node) []item {
	var items []item
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Head, atom.Style, atom.Script, atom.Svg, atom.Nav:
				return
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				items = append(items, item{level: int(n.Data[1] - '0'), text: textOf(n)})
				return
			case atom.P:
				items = append(items, item{text: textOf(n)})
				return
			case atom.Table:
				var rows [][]string
				find(n, func(c *html.Node) bool { return c.DataAtom == atom.Tr }, func(tr *html.Node) { rows = append(rows, cellsOf(tr)) })
				items = append(items, item{rows: rows})
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return items
}

// readDocxDocument reads word/document.xml: each paragraph's text (a heading's level from its
// HeadingN style) and each table's rows of cells.
func readDocxDocument(t testing.TB, docx []byte) []item {
	t.Helper()
	body := zipEntry(t, docx, "word/document.xml")
	dec := xml.NewDecoder(bytes.NewReader(body))
	var items []item
	var para strings.Builder
	level, inTable := 0, 0
	var rows [][]string
	var cell strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("docx: word/document.xml: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "p":
				para.Reset()
				level = 0
			case "pStyle":
				for _, a := range e.Attr {
					if a.Name.Local == "val" && strings.HasPrefix(a.Value, "Heading") {
						level, _ = strconv.Atoi(strings.TrimPrefix(a.Value, "Heading"))
					}
				}
			case "tab", "br":
				para.WriteString(" ")
			case "tbl":
				inTable++
				rows = nil
			case "tr":
				rows = append(rows, nil)
			case "tc":
				cell.Reset()
			case "t":
				var s string
				if err := dec.DecodeElement(&s, &e); err != nil {
					t.Fatalf("docx: %v", err)
				}
				para.WriteString(s)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "p":
				text := strings.Join(strings.Fields(para.String()), " ")
				if inTable > 0 {
					if cell.Len() > 0 && text != "" {
						cell.WriteString(" ")
					}
					cell.WriteString(text)
				} else if text != "" {
					items = append(items, item{level: level, text: text})
				}
			case "tc":
				rows[len(rows)-1] = append(rows[len(rows)-1], cell.String())
			case "tbl":
				inTable--
				items = append(items, item{rows: rows})
			}
		}
	}
	return items
}

func zipEntry(t testing.TB, b []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			out, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return out
		}
	}
	t.Fatalf("the zip has no %s", name)
	return nil
}

var statusLine = regexp.MustCompile(`^(?:Rating|[A-Z][a-z ]*range[a-z ]*|Status): (.+?) Direction of travel: (.+)$`)

func (e documentEdition) check(t reporter, ref reference) {
	t.Helper()
	// Directorate headings, each once at level 1, in the JSON's order.
	var level1 []string
	for _, it := range e.items {
		if e.level(it) == 1 {
			level1 = append(level1, it.text)
		}
	}
	at := 0
	for _, d := range ref.Directorates {
		i := indexFrom(level1, at, d.Name)
		if i < 0 {
			t.Errorf("%s: no level-1 heading %q for directorate %s after the previous one (headings %q)", e.name, d.Name, d.Code, level1)
			continue
		}
		at = i + 1
	}
	// Each indicator's section: its heading, then its statuses and its facts line.
	heads := map[string]int{}
	for i, it := range e.items {
		if e.level(it) == 2 {
			heads[it.text] = i
		}
	}
	seenRows := map[string]int{}
	found := map[string]bool{}
	for _, in := range ref.Indicators {
		i, ok := heads[in.Code+" "+in.Name]
		if !ok {
			t.Errorf("%s: %s: no level-2 heading %q", e.name, in.Code, in.Code+" "+in.Name)
			continue
		}
		var status, facts string
		for _, it := range e.items[i+1:] {
			if l := e.level(it); l > 0 && l <= 2 {
				break
			}
			if m := statusLine.FindStringSubmatch(it.text); m != nil && status == "" {
				status = it.text
				if !wordOK(m[1], in.status()) {
					t.Errorf("%s: %s: section says %q; the JSON's status is %s", e.name, in.Code, it.text, in.status())
				}
				if !wordOK(m[2], in.direction()) {
					t.Errorf("%s: %s: section says %q; the JSON's direction is %s", e.name, in.Code, it.text, in.direction())
				}
			}
			if strings.HasPrefix(it.text, "Value ") && facts == "" {
				facts = it.text
				checkFacts(t, e.name, in, facts)
			}
		}
		if status == "" || facts == "" {
			t.Errorf("%s: %s: the section has no status line (%q) or facts line (%q)", e.name, in.Code, status, facts)
		}
	}
	// The directorate tables: a row for each indicator.
	byCode := map[string]refIndicator{}
	for _, in := range ref.Indicators {
		byCode[in.Code] = in
	}
	for _, it := range e.items {
		if len(it.rows) < 2 {
			continue
		}
		head := it.rows[0]
		col := func(names ...string) int {
			for _, n := range names {
				for i, h := range head {
					if h == n {
						return i
					}
				}
			}
			return -1
		}
		switch {
		case len(head) > 0 && (head[0] == "Indicator" || head[0] == "Activity indicator") && col("Value") >= 0 && col("Basis") >= 0 && col("Direction of travel") >= 0:
			v, b, s, d := col("Value"), col("Basis"), col("Rating", "Against range", "Against expected range"), col("Direction of travel")
			for _, row := range it.rows[1:] {
				code, _, _ := strings.Cut(row[0], " ")
				in, ok := byCode[code]
				if !ok {
					continue
				}
				seenRows[code]++
				shown, _, _ := strings.Cut(cell(row, v), " (")
				if want := shownText(in); shown != want {
					t.Errorf("%s: %s: directorate table shows %q; the JSON's display %s is shown as %q", e.name, code, cell(row, v), jsonText(in.Display), want)
				}
				if cell(row, b) != in.Basis {
					t.Errorf("%s: %s: directorate table basis %q; the JSON's is %q", e.name, code, cell(row, b), in.Basis)
				}
				if s < 0 || !wordOK(cell(row, s), in.status()) {
					t.Errorf("%s: %s: directorate table status %q (column %d of %q); the JSON's is %s", e.name, code, cell(row, s), s, head, in.status())
				}
				if !wordOK(cell(row, d), in.direction()) {
					t.Errorf("%s: %s: directorate table direction %q; the JSON's is %s", e.name, code, cell(row, d), in.direction())
				}
			}
		case len(head) > 0 && head[0] == "Directorate":
			found["counts by directorate"] = true
			checkCountsTable(t, e.name, head, it.rows[1:], ref)
		case len(head) == 4 && head[3] == "Change":
			title, _, _ := strings.Cut(head[0], " (")
			found[title] = true
			checkChangeTable(t, e.name, head[0], it.rows[1:], ref.Summary)
		}
	}
	checkFound(t, e.name, found, ref)
	for _, in := range ref.Indicators {
		if seenRows[in.Code] != 1 {
			t.Errorf("%s: %s is in %d directorate table rows, want 1", e.name, in.Code, seenRows[in.Code])
		}
	}
}

func cell(row []string, i int) string {
	if i >= 0 && i < len(row) {
		return row[i]
	}
	return ""
}

func indexFrom(list []string, from int, s string) int {
	for i := from; i < len(list); i++ {
		if list[i] == s {
			return i
		}
	}
	return -1
}

// checkFacts reads "Value 91% (2023/24 Q2) · Basis Q · ...".
func checkFacts(t reporter, format string, in refIndicator, facts string) {
	t.Helper()
	shown := strings.TrimPrefix(facts, "Value ")
	shown, _, _ = strings.Cut(shown, " · ")
	shown, _, _ = strings.Cut(shown, " (")
	if want := shownText(in); shown != want {
		t.Errorf("%s: %s: facts line %q shows %q; the JSON's display %s is shown as %q", format, in.Code, facts, shown, jsonText(in.Display), want)
	}
	if in.Display != nil && !strings.Contains(facts+" ·", " · Basis "+in.Basis+" ·") {
		t.Errorf("%s: %s: facts line %q does not give the JSON's basis %q", format, in.Code, facts, in.Basis)
	}
}

// checkFound fails when a format lacks a summary table the JSON's counts call for, so that
// no comparison passes by finding nothing to compare.
func checkFound(t reporter, format string, found map[string]bool, ref reference) {
	t.Helper()
	want := []string{"counts by directorate"}
	if ref.Summary.KPIs > 0 {
		want = append(want, "Rating", "Direction of travel")
	}
	if ref.Summary.Activities > 0 {
		want = append(want, "Activity")
	}
	for _, w := range want {
		if !found[w] {
			t.Errorf("%s: no %q table found (found %v)", format, w, found)
		}
	}
}

// changeWord is a count's change as the summary tables word it.
func changeWord(n int) string {
	switch {
	case n > 0:
		return "+" + strconv.Itoa(n)
	case n < 0:
		return strconv.Itoa(n)
	}
	return "no change"
}

// summaryRows are the JSON's counts a summary table with this first heading gives, by label.
func summaryRows(title string, s refSummary) (map[string][2]int, bool) {
	rows := map[string][2]int{}
	var this, prior map[string]int
	var keys []string
	switch {
	case strings.HasPrefix(title, "Rating"):
		this, prior, keys = s.RAG, s.RAGPrevious, []string{"green", "amber", "red", "not_rated", "no_data"}
	case strings.HasPrefix(title, "Direction of travel"):
		this, prior, keys = s.Trend, s.TrendPrevious, []string{"improving", "stable", "worsening", "insufficient"}
	case strings.HasPrefix(title, "Activity"):
		this, prior, keys = s.Activity, s.ActivityPrevious, []string{"above", "within", "below"}
	default:
		return nil, false
	}
	for _, k := range keys {
		for _, w := range statusWords[k] {
			rows[w] = [2]int{this[k], prior[k]}
		}
	}
	return rows, true
}

// checkChangeTable checks a "this quarter, last quarter, change" table of the summary: every
// row's counts are the JSON's, and every status the JSON counts this quarter has a row.
func checkChangeTable(t reporter, format, title string, rows [][]string, s refSummary) {
	t.Helper()
	want, ok := summaryRows(title, s)
	if !ok {
		return
	}
	seen := map[string]bool{}
	for _, row := range rows {
		label := unmarked(cell(row, 0))
		w, ok := want[label]
		if !ok {
			continue
		}
		seen[label] = true
		got := [3]string{cell(row, 1), cell(row, 2), cell(row, 3)}
		exp := [3]string{strconv.Itoa(w[0]), strconv.Itoa(w[1]), changeWord(w[0] - w[1])}
		if got != exp {
			t.Errorf("%s: summary table %q row %s: %q; the JSON gives %q", format, title, label, got, exp)
		}
	}
	for label, w := range want {
		if w[0] > 0 && !seen[label] && !strings.HasPrefix(label, "Too few") && !strings.HasPrefix(label, "Insufficient") {
			t.Errorf("%s: summary table %q has no row %s; the JSON counts %d", format, title, label, w[0])
		}
	}
}

// countColumns are the JSON counts behind the directorate counts' column headings.
var countColumns = map[string]func(c refSummary) int{
	"KPIs": func(c refSummary) int { return c.KPIs }, "Activity indicators": func(c refSummary) int { return c.Activities },
	"Green": func(c refSummary) int { return c.RAG["green"] }, "Amber": func(c refSummary) int { return c.RAG["amber"] },
	"Red": func(c refSummary) int { return c.RAG["red"] }, "Not rated": func(c refSummary) int { return c.RAG["not_rated"] },
	"No data": func(c refSummary) int { return c.RAG["no_data"] }, "Improving": func(c refSummary) int { return c.Trend["improving"] },
	"Stable": func(c refSummary) int { return c.Trend["stable"] }, "Worsening": func(c refSummary) int { return c.Trend["worsening"] },
	"Insufficient data": func(c refSummary) int { return c.Trend["insufficient"] },
	"Above":             func(c refSummary) int { return c.Activity["above"] }, "Within": func(c refSummary) int { return c.Activity["within"] },
	"Below": func(c refSummary) int { return c.Activity["below"] },
}

// checkCountsTable checks the counts by directorate: a row per directorate by name, and the
// total row, each count under its heading.
func checkCountsTable(t reporter, format string, head []string, rows [][]string, ref reference) {
	t.Helper()
	want := map[string]refSummary{"All directorates": ref.Summary}
	for _, d := range ref.Directorates {
		want[d.Name] = d.refSummary
	}
	seen := map[string]bool{}
	for _, row := range rows {
		c, ok := want[cell(row, 0)]
		if !ok {
			t.Errorf("%s: counts by directorate: row %q names no directorate of the JSON", format, cell(row, 0))
			continue
		}
		seen[cell(row, 0)] = true
		for i, h := range head {
			h, _, _ = strings.Cut(h, " [note")
			if f, ok := countColumns[h]; ok {
				if got := cell(row, i); got != strconv.Itoa(f(c)) {
					t.Errorf("%s: counts by directorate: %s %s is %q; the JSON's is %d", format, cell(row, 0), h, got, f(c))
				}
			}
		}
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("%s: counts by directorate: no row for %q", format, name)
		}
	}
}
