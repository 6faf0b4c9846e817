package data

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// readWithin reads paths within lim, failing the test if reading takes longer than a generous
// bound: the point of several of these tests is that a read does not block.
func readWithin(t *testing.T, lim Limits, paths ...string) (*Dataset, []string) {
	t.Helper()
	type result struct {
		ds   *Dataset
		msgs []string
	}
	done := make(chan result, 1)
	dir := filepath.Dir(paths[0])
	if info, err := os.Stat(paths[0]); err == nil && info.IsDir() {
		dir = paths[0]
	}
	go func() {
		ds, probs := ReadWithin(paths, april, lim)
		done <- result{ds, messages(probs, dir)}
	}()
	select {
	case r := <-done:
		return r.ds, r.msgs
	case <-time.After(20 * time.Second):
		t.Fatal("reading did not finish: it blocked or ran away")
	}
	return nil, nil
}

func TestFileSizeLimit(t *testing.T) {
	path := writeFile(t, "q2.csv", []byte("code,period,value\nCS01,2023/24 Q2,85\n")) // 37 bytes
	lim := DefaultLimits()
	lim.FileSize = 36
	_, msgs := readWithin(t, lim, path)
	assertMessages(t, msgs, []string{
		"q2.csv: the file is 37 bytes, more than a data file may be; the file_size limit is 36 bytes; if the file is right, raise it with --limit file_size=144 or under limits: in qpr.yaml",
	})
	lim.FileSize = 37
	if ds, msgs := readWithin(t, lim, path); len(msgs) != 0 || ds.Len() != 1 {
		t.Errorf("a file of exactly the limit: %v, %d observations", msgs, ds.Len())
	}
}

func TestLongLineIsRefusedWithoutHoldingIt(t *testing.T) {
	lim := DefaultLimits()
	lim.LineLength = 64 << 10
	long := strings.Repeat("x", 1<<20) // 1 MB on line 3
	path := writeFile(t, "long.csv", []byte("code,period,value,note\nCS01,2023/24 Q2,85,ok\nCS01,2023/24 Q3,86,"+long+"\nCS01,2023/24 Q4,87,\n"))
	ds, msgs := readWithin(t, lim, path)
	assertMessages(t, msgs, []string{
		"long.csv:3: the line is longer than 64KB (or a quoted field runs on over many lines from here): reading stopped; the line_length limit is 64KB; if the file is right, raise it with --limit line_length=256KB or under limits: in qpr.yaml",
	})
	if ds.Len() != 1 {
		t.Errorf("%d observations, want the one before the long line", ds.Len())
	}
	// The same line within the limit is read; a run of empty lines longer than the limit is
	// no long line.
	lim.LineLength = 2 << 20
	blank := strings.Repeat("\n", 200<<10)
	path = writeFile(t, "ok.csv", []byte("code,period,value,note\n"+blank+"CS01,2023/24 Q3,86,"+long+"\n"))
	lim2 := lim
	lim2.CellLength = 2 << 20
	ds, msgs = readWithin(t, lim2, path)
	if len(msgs) != 0 || ds.Len() != 1 || len(ds.Observations()[0].Note) != 1<<20 {
		t.Errorf("messages %v, %d observations", msgs, ds.Len())
	}
}

// A quoted field left open runs on over the lines after it: the message names the line
// where the quote opens, which is what to mend, and the line it ran on to; the row before it
// is read. In a file held whole and in one read in small blocks alike.
func TestQuoteLeftOpenIsPlacedWhereItOpens(t *testing.T) {
	const open = "CS01,2023/24 Q2,84,\"left open\n" // 29 bytes before its line end
	row := "CS01,2023/24 Q3,85,ok\n"                // 21
	head := "code,period,value,note\nCS01,2023/24 Q1,83,\n" + open
	lim := DefaultLimits()
	lim.LineLength = 1 << 10
	cases := []struct {
		name, content, want string
	}{
		// Three rows after it and the file ends: csv finds the quote still open on line 6.
		{"to the end", head + strings.Repeat(row, 3),
			`open.csv:3: the line is not valid csv: a quoted field begins on it and runs on to line 6 (extraneous or missing " in quoted-field); a field that contains a quote or comma must be in quotes, with each quote inside doubled`},
		// 400 rows after it: a record may hold the line limit and the 4,096 bytes read ahead,
		// 5,120 bytes; 29 + 21 x 242 = 5,111 by line 245, and line 246 takes it over.
		{"over the limit", head + strings.Repeat(row, 400),
			`open.csv:3: a quoted field begins on this line and runs on to line 246, over 1KB, without its closing quote: reading stopped; a field that contains a quote or comma must be in quotes, with each quote inside doubled; the line_length limit is 1KB; if the file is right, raise it with --limit line_length=4KB or under limits: in qpr.yaml`},
	}
	for _, c := range cases {
		for _, streamed := range []bool{false, true} {
			path := writeFile(t, "open.csv", []byte(c.content))
			wasWhole, wasBlock := csvWholeFile, csvStreamBlock
			if streamed {
				csvWholeFile, csvStreamBlock = -1, 64
			}
			ds, msgs := readWithin(t, lim, path)
			csvWholeFile, csvStreamBlock = wasWhole, wasBlock
			t.Run(fmt.Sprintf("%s, streamed %v", c.name, streamed), func(t *testing.T) {
				assertMessages(t, msgs, []string{c.want})
				if ds.Len() != 1 {
					t.Errorf("%d observations, want the one on line 2", ds.Len())
				}
			})
		}
	}
}

// The line limit is exact: a line of the limit's length is read, one byte more is not.
func TestLineLimitIsExact(t *testing.T) {
	lim := DefaultLimits()
	lim.LineLength = int64(len("CS01,2023/24 Q2,85,abc"))
	path := writeFile(t, "exact.csv", []byte("code,period,value,note\nCS01,2023/24 Q2,85,abc\nCS01,2023/24 Q3,85,abcd\n"))
	ds, msgs := readWithin(t, lim, path)
	assertMessages(t, msgs, []string{
		"exact.csv:3: the line is longer than 22 bytes (or a quoted field runs on over many lines from here): reading stopped; the line_length limit is 22 bytes; if the file is right, raise it with --limit line_length=88 or under limits: in qpr.yaml",
	})
	if ds.Len() != 1 {
		t.Errorf("%d observations, want 1", ds.Len())
	}
}

func TestFieldAndRowLimits(t *testing.T) {
	lim := DefaultLimits()
	lim.CellLength = 10
	lim.Rows = 2
	path := writeFile(t, "f.csv", []byte("code,period,value,note\nCS01,2023/24 Q1,1,ten chars!\nCS01,2023/24 Q2,2,éléven chrs\nCS01,2023/24 Q3,3,\nCS01,2023/24 Q4,4,\n"))
	ds, msgs := readWithin(t, lim, path)
	assertMessages(t, msgs, []string{
		"f.csv:3: field 4 holds 11 characters, more than a field may; the cell_length limit is 10; if the file is right, raise it with --limit cell_length=40 or under limits: in qpr.yaml",
		"f.csv:4: the file has more than 2 rows below its header: reading stopped here; the rows limit is 2; if the file is right, raise it with --limit rows=8 or under limits: in qpr.yaml",
	})
	// Line 3 is a row (the third of the limit's count is line 4), but its value is not read.
	if ds.Len() != 1 {
		t.Errorf("%d observations, want 1 (line 2)", ds.Len())
	}
}

func TestCSVEncodingFromTheWholeFile(t *testing.T) {
	header := "code,period,value,note\n"
	row := func(note string) string { return "CS01,2023/24 Q2,85," + note + "\n" }
	// Many lines of plain ASCII before the evidence, so that a guess from the start of the
	// file would be wrong.
	ascii := strings.Repeat("CS04,2023/24 Q1,n/a,\n", 5000)
	cases := []struct {
		name    string
		content string
		note    string // the note of the last observation, when the file is read
		want    []string
	}{
		{"utf8", header + ascii + row("Ysbyty Gwynedd; Ŵyddgrug; café"), "Ysbyty Gwynedd; Ŵyddgrug; café", nil},
		{"utf8-bom", "\xEF\xBB\xBF" + header + row("£5"), "£5", nil},
		{"win1252", header + ascii + row("caf\xe9 \xa35 \x93quoted\x94"), "café £5 “quoted”", nil},
		{"utf8-one-stray-byte", header + row("Wrexham – Wrecsam") + ascii + row("caf\xe9") + row("Ŵyddgrug"), "", []string{
			"mixed.csv:5003: cannot read the text: the file is UTF-8 text, but byte 0xE9 on this line is not UTF-8 (perhaps pasted from a file in another encoding); correct the line, or save it from Excel as \"CSV UTF-8 (Comma delimited)\"",
		}},
		{"bom-then-bad", "\xEF\xBB\xBF" + header + row("ok") + row("\xff"), "", []string{
			"mixed.csv:3: cannot read the text: the file says it is UTF-8 (it starts with a byte-order mark), but byte 0xFF on this line is not UTF-8; the file was damaged or pieced together from files in two encodings: correct the line, or save it from Excel as \"CSV UTF-8 (Comma delimited)\"",
		}},
		// Excel for Mac ends lines with a carriage return alone, and writes Mac OS Roman, in
		// which 0x81 is Å, 0xD2 and 0xD3 are “ and ”, 0xD5 is ’ and 0xD0 is –.
		{"cr-only-lines-mac-roman", strings.ReplaceAll(header+row("ok")+row("a\x81b \xd2quoted\xd3 don\xd5t \xd0 caf\x8e"), "\n", "\r"), "aÅb “quoted” don’t – café", nil},
		// Code page 850 (Excel's "CSV (MS-DOS)"): 0x82 is é, 0x9C is £, 0x81 is ü.
		{"cp850", header + ascii + row("caf\x82 \x9c5 M\x81nchen"), "café £5 München", nil},
		{"cp850-without-undefined-bytes", header + row("caf\x82 \x9c5 na\x8bve"), "café £5 naïve", nil},
		// As many words either way: é in Windows-1252 (0xE9), ä in code page 850 (0x84).
		{"cp1252-or-cp850", header + row("caf\xe9") + row("M\x84dchen"), "", []string{
			"mixed.csv:2: cannot read the text: the file is not UTF-8, and its letters that are not plain ASCII read as well in Windows-1252 (Excel's \"CSV\") as in DOS code page 850 (Excel's \"CSV (MS-DOS)\"), so which it is is unclear (Windows-1252 would read line 2 as \"fé\\n\", code page 850 line 3 as \"Mäd\"); save it from Excel as \"CSV UTF-8 (Comma delimited)\"",
		}},
		// CR LF is one line end, not two; 0x81, between digits, reads as nothing in either.
		{"crlf-lines", strings.ReplaceAll(header+row("ok")+row("1\x812"), "\n", "\r\n"), "", []string{
			"mixed.csv:3: cannot read the text: byte 0x81 on this line is neither UTF-8 nor Windows-1252 text, so the file's encoding is unknown; save it from Excel as \"CSV UTF-8 (Comma delimited)\"",
		}},
		{"undefined-in-1252", header + row("1\x812"), "", []string{
			"mixed.csv:2: cannot read the text: byte 0x81 on this line is neither UTF-8 nor Windows-1252 text, so the file's encoding is unknown; save it from Excel as \"CSV UTF-8 (Comma delimited)\"",
		}},
		{"nul-bytes", header + row("a") + "\x00\x00\x00\x00", "", []string{
			"mixed.csv:3: cannot read the text: the file holds NUL bytes, so it is not csv text: it is binary, or UTF-16 text without a byte-order mark; save it from Excel as \"CSV UTF-8 (Comma delimited)\"",
		}},
		{"utf16-without-bom", utf16LE(header + row("a")), "", []string{
			"mixed.csv:1: cannot read the text: the file holds NUL bytes, so it is not csv text: it is binary, or UTF-16 text without a byte-order mark; save it from Excel as \"CSV UTF-8 (Comma delimited)\"",
		}},
		{"utf16-with-bom", "\xFF\xFE" + utf16LE(header+row("Ŵyddgrug")), "Ŵyddgrug", nil},
		// Half of 😀 (U+1F600 is D83D DE00 in UTF-16) with the other half missing: read as
		// U+FFFD by golang.org/x/text, it would reach the report as a character never written.
		{"utf16-lone-surrogate", "\xFF\xFE" + utf16LE(header+row("ok")+"CS01,2023/24 Q3,86,smile ") + "\x3D\xD8" + utf16LE("!\n"), "", []string{
			"mixed.csv:3: cannot read the text: the file is UTF-16 text (it starts with a byte-order mark), but this line holds half of a character (an unpaired surrogate) that no text can hold, so the file was damaged; correct the line, or save it from Excel as \"CSV UTF-8 (Comma delimited)\"",
		}},
		{"utf16-big-endian-lone-low-half", "\xFE\xFF" + utf16BE(header) + "\xDE\x00" + utf16BE(row("x")), "", []string{
			"mixed.csv:2: cannot read the text: the file is UTF-16 text (it starts with a byte-order mark), but this line holds half of a character (an unpaired surrogate) that no text can hold, so the file was damaged; correct the line, or save it from Excel as \"CSV UTF-8 (Comma delimited)\"",
		}},
		{"utf16-odd-length", "\xFF\xFE" + utf16LE(header+row("ok")) + "x", "", []string{
			"mixed.csv: cannot read the text: the file is UTF-16 text (it starts with a byte-order mark), but it ends in the middle of a character, so it was cut short; save it from Excel as \"CSV UTF-8 (Comma delimited)\"",
		}},
		{"binary", header + strings.Repeat("\x01\x02\x03\x1b[2J", 100), "", []string{
			"mixed.csv:2: cannot read the text: the file is mostly not text (control character 0x01 here, and 400 in all); is it a csv file? If it is, save it from Excel as \"CSV UTF-8 (Comma delimited)\"",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, "mixed.csv", []byte(c.content))
			ds, msgs := readWithin(t, DefaultLimits(), path)
			assertMessages(t, msgs, c.want)
			if c.want != nil {
				if ds.Len() != 0 {
					t.Errorf("%d observations read from a file that was refused", ds.Len())
				}
				return
			}
			obs := ds.Observations()
			if len(obs) == 0 || obs[len(obs)-1].Note != c.note {
				t.Errorf("last note = %q, want %q", lastNote(obs), c.note)
			}
		})
	}
}

func lastNote(obs []Observation) string {
	if len(obs) == 0 {
		return "(no observations)"
	}
	return obs[len(obs)-1].Note
}

func utf16LE(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		if r > 0xFFFF {
			panic("outside the BMP")
		}
		b.WriteByte(byte(r))
		b.WriteByte(byte(r >> 8))
	}
	return b.String()
}

// A message quoting a file's content prints no control character, whatever the file holds.
func TestMessagesCarryNoControlCharacters(t *testing.T) {
	path := writeFile(t, "evil\x1b[31m.csv", []byte("code,period,value\nCS01,2023/24 Q2,\x1b]0;pwned\x07\nCS01\x1b[2J,2023/24 Q3,1\n"))
	ds, probs := ReadWithin([]string{path}, april, DefaultLimits())
	_, matchProbs := Match(ds, testCatalogue())
	got := append(messages(probs, filepath.Dir(path)), messages(matchProbs, filepath.Dir(path))...)
	assertMessages(t, got, []string{
		`evil\x1b[31m.csv:2: column "value": "\x1b]0;pwned\a" is not a number; write a number such as 85 or 85%, or n/a for missing`,
		`evil\x1b[31m.csv:3: code "CS01\x1b[2J" is not in the catalogue; correct the code or add the indicator to the catalogue`,
	})
	for _, m := range got {
		for _, r := range m {
			if r < 0x20 || r == 0x7f {
				t.Errorf("message %q holds control character %U", m, r)
			}
		}
	}
}

// Files are read concurrently, but observations and problems come in file and row order.
func TestConcurrentReadKeepsFileOrder(t *testing.T) {
	dir := t.TempDir()
	var want []string
	for i := 0; i < 20; i++ {
		name := filepath.Join(dir, string(rune('a'+i))+".csv")
		content := "code,period,value\nCS01,2023/24 Q2," + strconv.Itoa(i+1) + "\nZZ,2023/24 Q2,x\n"
		if i%2 == 0 {
			content += strings.Repeat("CS04,2023/24 Q1,1\n", 2000*i) // files of very different sizes
		}
		writeAt(t, name, content)
		want = append(want, string(rune('a'+i))+`.csv:3: column "value": "x" is not a number; write a number such as 85 or 85%, or n/a for missing`)
	}
	ds, msgs := readWithin(t, DefaultLimits(), dir)
	assertMessages(t, msgs, want)
	i := 0
	for o := range ds.All() {
		if o.Code != "CS01" {
			continue
		}
		if o.Place.Line != 2 || strings.TrimSuffix(filepath.Base(o.Place.File), ".csv") != string(rune('a'+i)) || o.Value != float64(i+1) {
			t.Errorf("observation %d = %+v, want %d from line 2 of %c.csv", i, o, i+1, 'a'+i)
		}
		i++
	}
	if i != 20 {
		t.Errorf("%d CS01 observations, want 20", i)
	}
}

func utf16BE(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		if r > 0xFFFF {
			panic("outside the BMP")
		}
		b.WriteByte(byte(r >> 8))
		b.WriteByte(byte(r))
	}
	return b.String()
}
