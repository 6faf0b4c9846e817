package data

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/diag"
)

// csvReading is everything reading a csv file gives: its observations (with their places),
// comments, comparator rows and messages.
type csvReading struct {
	Observations []obsLine
	Comments     []Comment
	Comparators  []AreaValue
	Messages     []string
}

// readCSVBothWays reads content held whole, as a small file is, and as a stream, as a large
// one is, in blocks of blockSize bytes.
func readCSVBothWays(content []byte, lim Limits, blockSize int) (whole, streamed csvReading) {
	read := func(f func(ds *Dataset, probs *diag.List)) csvReading {
		ds, probs := &Dataset{}, &diag.List{}
		f(ds, probs)
		return csvReading{lines(ds, ""), ds.Comments, ds.Comparators, messages(probs, "")}
	}
	whole = read(func(ds *Dataset, probs *diag.List) {
		readCSVWhole(bytes.Clone(content), "data.csv", april, lim, ds, probs)
	})
	defer func(was int) { csvStreamBlock = was }(csvStreamBlock)
	csvStreamBlock = blockSize
	streamed = read(func(ds *Dataset, probs *diag.List) {
		readCSVStream(bytes.NewReader(content), "data.csv", april, lim, ds, probs)
	})
	return whole, streamed
}

// assertCSVReadBothWays fails unless content reads the same held whole and streamed, within
// the default limits and within small ones. Streamed in small blocks, most rows cross from
// one block into the next, and each block's memory is read into again two blocks on: any
// text kept from a row without a copy would read as another row's.
func assertCSVReadBothWays(t *testing.T, name string, content []byte) {
	t.Helper()
	small := DefaultLimits()
	small.LineLength, small.CellLength, small.Rows = 64, 16, 8
	for _, lim := range []Limits{DefaultLimits(), small} {
		for _, blockSize := range []int{csvBlockSize, 5, 64} {
			whole, streamed := readCSVBothWays(content, lim, blockSize)
			if !reflect.DeepEqual(whole, streamed) {
				t.Fatalf("%s (%q), line_length %d, blocks of %d:\nheld whole: %+v\nstreamed:   %+v", name, content, lim.LineLength, blockSize, whole, streamed)
			}
		}
	}
}

// withEveryCSVStreamed runs f with every csv file read as a stream, however small, in blocks
// of blockSize bytes.
func withEveryCSVStreamed(blockSize int, f func()) {
	wasWhole, wasBlock := csvWholeFile, csvStreamBlock
	csvWholeFile, csvStreamBlock = -1, blockSize
	defer func() { csvWholeFile, csvStreamBlock = wasWhole, wasBlock }()
	f()
}

// A csv file held whole reads exactly as it does streamed: every file of the test data (the
// broken inputs, the real writers' corpus, the example project and its returns), and
// generated texts in every encoding, line end and separator, broken and not.
func TestCSVHeldWholeReadsAsStreamed(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../testdata/bad/data/*.csv", "../../testdata/corpus/files/*.csv", "../../testdata/example/data/*.csv", "../../testdata/returns/*/*.csv"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) < 20 {
		t.Fatalf("only %d csv files found", len(files))
	}
	for _, path := range files {
		assertCSVReadBothWays(t, path, readBytes(t, path))
	}

	rng := rand.New(rand.NewPCG(7, 19))
	for n := range 2000 {
		text := generatedTable(rng)
		if n%3 == 0 {
			text = generatedCSV(rng) // csv syntax of every kind, right and wrong
		}
		content := []byte(text)
		switch rng.IntN(10) {
		case 0: // a byte-order mark
			content = append([]byte("\xEF\xBB\xBF"), content...)
		case 1: // Excel for Mac: lines end with a carriage return alone, in Mac OS Roman
			content = bytes.ReplaceAll(bytes.ReplaceAll(content, []byte("\r\n"), []byte("\r")), []byte("\n"), []byte("\r"))
		case 2: // UTF-16 with its byte-order mark, either way round, now and then cut short
			if rng.IntN(2) == 0 {
				content = []byte("\xFF\xFE" + utf16LE(text))
			} else {
				content = []byte("\xFE\xFF" + utf16BE(text))
			}
			if rng.IntN(4) == 0 {
				content = content[:len(content)-1]
			}
		case 3: // single bytes that are not UTF-8: Windows-1252, code page 850, or damage
			for i := range content {
				if rng.IntN(30) == 0 {
					content[i] = []byte("\xe9\x82\x9c\x81\xa3\x93\x94\xff\x00\x01")[rng.IntN(10)]
				}
			}
		}
		assertCSVReadBothWays(t, "generated", content)
	}
}

// generatedTable is a csv table of the kinds qpr reads, with good rows and bad: long, wide,
// commentary and comparator layouts, comma or semicolon separated, now and then below a
// title.
func generatedTable(rng *rand.Rand) string {
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	headers := []string{
		"code,period,value", "code,period,value,note", "period,code,value,note", "code,period,value,numerator,denominator",
		"code,period,value,context,actions", "code,2023/24 Q1,2023/24 Q2,2023-09", ",code,2023/24 Q1", "code,period,context,actions",
		"area,metric,period,value", "kode,perod,vaule", "",
	}
	cells := []string{
		"CS01", "CS02", " CS03", "CS04 ", "", "2023/24 Q2", "2023-09", "Sep-23", "Q5", "45107", "85", "85.5", "1,234",
		"1.234,5", "35,5", "n/a", "-", "x", "85%", "£5", "é", "a\u00a0b", `"quoted, with ""quotes"""`, `"two` + "\n" + `lines"`, "0", "1", "2",
	}
	var b strings.Builder
	if rng.IntN(8) == 0 {
		b.WriteString("Quarterly returns\n\n")
	}
	header := pick(headers)
	sep := ","
	if rng.IntN(4) == 0 {
		sep = ";"
		header = strings.ReplaceAll(header, ",", ";")
	}
	b.WriteString(header + "\n")
	width := strings.Count(header, sep) + 1
	for range rng.IntN(40) {
		n := width
		if rng.IntN(10) == 0 {
			n = rng.IntN(width + 2)
		}
		for i := range n {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(pick(cells))
		}
		b.WriteString(pick([]string{"\n", "\n", "\r\n", "\n\n"}))
	}
	return b.String()
}

// Each of the broken inputs gives its messages when it is streamed too.
func TestBadDataInputsStreamed(t *testing.T) {
	for _, blockSize := range []int{csvBlockSize, 7} {
		withEveryCSVStreamed(blockSize, func() { TestBadDataInputs(t) })
	}
}

// The limits and the encodings are told alike when every file is streamed.
func TestHostileCSVStreamed(t *testing.T) {
	for _, blockSize := range []int{csvBlockSize, 7} {
		withEveryCSVStreamed(blockSize, func() {
			t.Run("long line", TestLongLineIsRefusedWithoutHoldingIt)
			t.Run("line limit", TestLineLimitIsExact)
			t.Run("field and row limits", TestFieldAndRowLimits)
			t.Run("encodings", TestCSVEncodingFromTheWholeFile)
			t.Run("mac line ends", TestCSVMacLineEnds)
		})
	}
}

// A file that is not the size it had when it was opened is read whole as far as it goes, or
// streamed when it has grown: as it reads at its true size.
func TestCSVOfAnotherSizeThanOpened(t *testing.T) {
	content := "code,period,value\nCS01,2023/24 Q2,85\nCS01,2023/24 Q3,86\n"
	path := writeFile(t, "q.csv", []byte(content))
	want, wantProbs := Read([]string{path}, april)
	for _, size := range []int64{0, 10, int64(len(content)) - 1, int64(len(content)) + 1, 1 << 20} {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		ds, probs := &Dataset{}, &diag.List{}
		readCSV(f, size, path, april, DefaultLimits(), ds, probs)
		f.Close()
		if !reflect.DeepEqual(lines(ds, ""), lines(want, "")) || !reflect.DeepEqual(messages(probs, ""), messages(wantProbs, "")) {
			t.Errorf("opened at %d bytes: %+v %v; want %+v %v", size, lines(ds, ""), messages(probs, ""), lines(want, ""), messages(wantProbs, ""))
		}
	}
}
