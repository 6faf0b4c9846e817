package data

import (
	"archive/zip"
	"bufio"
	"bytes"
	"io"
	"os"
	"strconv"
	"testing"
)

// The floor benchmarks read the same million rows as BenchmarkReadCSV1M and
// BenchmarkReadXLSX1M with the least a reader could do: no checks, no messages, no periods
// understood. They are what the readers' speed is measured against (docs/performance.md:
// csv within 3x of its floor, xlsx within 2x), in the same run, so a loaded machine slows
// both alike.

// BenchmarkFloorCSV1M splits the million-row csv into lines and fields and parses each value.
func BenchmarkFloorCSV1M(b *testing.B) {
	path, _ := millionRowCSV(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; i < b.N; i++ {
		if rows, _ := floorCSV(b, path); rows != 1_000_000 {
			b.Fatalf("%d rows", rows)
		}
	}
	reportCPU(b, cpu)
}

// floorCSV is the rows below the header of the csv at path, and the sum of their values.
func floorCSV(b *testing.B, path string) (int, float64) {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	rows, sum := -1, 0.0
	for sc.Scan() {
		rows++
		if rows == 0 {
			continue
		}
		line := sc.Bytes()
		var fields [4][]byte
		n := 0
		for n < 3 {
			i := bytes.IndexByte(line, ',')
			if i < 0 {
				break
			}
			fields[n], line = line[:i], line[i+1:]
			n++
		}
		fields[n] = line
		v, err := strconv.ParseFloat(string(fields[2]), 64)
		if err != nil {
			b.Fatal(err)
		}
		sum += v
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return rows, sum
}

// BenchmarkFloorXLSX1M inflates the million-row workbook's shared strings and sheet and
// picks each cell's value out of the XML bytes: numbers parsed, shared strings looked up.
func BenchmarkFloorXLSX1M(b *testing.B) {
	path := millionRowWorkbook(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if cells := floorXLSX(b, path); cells != 4*(millionRows+1) {
			b.Fatalf("%d cells", cells)
		}
	}
}

// floorXLSX is the number of cells with a value in the first sheet of the workbook at path.
func floorXLSX(b *testing.B, path string) int {
	zr, err := zip.OpenReader(path)
	if err != nil {
		b.Fatal(err)
	}
	defer zr.Close()
	part := func(name string) *bufio.Reader {
		for _, f := range zr.File {
			if f.Name == name {
				rc, err := f.Open()
				if err != nil {
					b.Fatal(err)
				}
				return bufio.NewReaderSize(rc, 64<<10)
			}
		}
		b.Fatalf("no %s", name)
		return nil
	}
	var strs []string
	scanElements(part("xl/sharedStrings.xml"), "<t", "</t>", func(_, text []byte) { strs = append(strs, string(text)) })
	cells := 0
	scanElements(part("xl/worksheets/sheet1.xml"), "<c ", "</c>", func(attrs, body []byte) {
		v := body
		if i := bytes.Index(v, []byte("<v>")); i >= 0 {
			v = v[i+3:]
			if j := bytes.IndexByte(v, '<'); j >= 0 {
				v = v[:j]
			}
		} else {
			return
		}
		if bytes.Contains(attrs, []byte(`t="s"`)) {
			n, err := strconv.Atoi(string(v))
			if err != nil || n >= len(strs) {
				b.Fatalf("shared string %q", v)
			}
			_ = strs[n]
		} else if _, err := strconv.ParseFloat(string(v), 64); err != nil {
			b.Fatal(err)
		}
		cells++
	})
	return cells
}

// scanElements calls fn with the attributes and content of each element of r that starts
// with open (up to the next '>') and ends with end.
func scanElements(r *bufio.Reader, open, end string, fn func(attrs, body []byte)) {
	var data []byte // the bytes not yet scanned, from data[0]
	chunk := make([]byte, 64<<10)
	for {
		n, err := r.Read(chunk)
		data = append(data, chunk[:n]...)
		buf := data
		for {
			i := bytes.Index(buf, []byte(open))
			if i < 0 {
				break
			}
			gt := bytes.IndexByte(buf[i:], '>')
			if gt < 0 {
				break
			}
			gt += i
			if buf[gt-1] == '/' { // an empty element
				buf = buf[gt+1:]
				continue
			}
			j := bytes.Index(buf[gt:], []byte(end))
			if j < 0 {
				break
			}
			fn(buf[i+len(open):gt], buf[gt+1:gt+j])
			buf = buf[gt+j+len(end):]
		}
		data = data[:copy(data, buf)]
		if err == io.EOF {
			return
		}
	}
}
