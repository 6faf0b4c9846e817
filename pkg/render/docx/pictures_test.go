package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/render/chartpng"
	"github.com/example/qpr/templates"
)

// TestSameBytesOnAnyNumberOfWorkers: the pictures are painted side by side but written in
// the document's order, so the package does not depend on the machine's cores.
func TestSameBytesOnAnyNumberOfWorkers(t *testing.T) {
	r := exampleReport(t)
	var first []byte
	for _, workers := range []int{1, 2, 5} {
		var b bytes.Buffer
		if err := renderOn(&b, r, nil, workers); err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = b.Bytes()
		} else if !bytes.Equal(b.Bytes(), first) {
			t.Fatalf("%d workers give other bytes than 1", workers)
		}
	}
}

// TestPicturesInDocumentOrder: picture n of the package is the n-th chart of the document,
// painted alone, stored as it is (a PNG is already compressed), and the body's n-th
// drawing points at it.
func TestPicturesInDocumentOrder(t *testing.T) {
	r := exampleReport(t)
	pkg := render(t, r)
	doc, err := present.DocumentOf(r, templates.Default())
	if err != nil {
		t.Fatal(err)
	}
	var charts []present.Chart
	var walk func(s *present.Section)
	walk = func(s *present.Section) {
		for b := range s.Blocks() {
			if f, ok := b.(*present.Figure); ok && !f.Chart.Empty {
				charts = append(charts, f.Chart)
			}
		}
		for part := range s.Parts() {
			walk(part)
		}
	}
	for _, s := range doc.Sections {
		walk(s)
	}
	if len(charts) < 10 {
		t.Fatalf("only %d charts in the example", len(charts))
	}
	z, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	media := map[string]*zip.File{}
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "word/media/") {
			media[f.Name] = f
		}
	}
	if len(media) != len(charts) {
		t.Fatalf("%d pictures in the package for %d charts", len(media), len(charts))
	}
	st := templates.Default().Style()
	for i, c := range charts {
		name := fmt.Sprintf("word/media/chart%d.png", i+1)
		f := media[name]
		if f == nil {
			t.Fatalf("no %s", name)
		}
		if f.Method != zip.Store {
			t.Errorf("%s is compressed again (method %d)", name, f.Method)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(rc)
		var want bytes.Buffer
		if err := chartpng.Encode(&want, c, st); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("%s is not chart %d of the document", name, i+1)
		}
	}
	body := string(partOf(t, pkg, "word/document.xml"))
	rels := string(partOf(t, pkg, "word/_rels/document.xml.rels"))
	for i := range charts {
		n := i + 1
		if !strings.Contains(body, fmt.Sprintf(`<wp:docPr id="%d"`, n)) || !strings.Contains(body, fmt.Sprintf(`<a:blip r:embed="rIdPic%d"/>`, n)) {
			t.Fatalf("the body has no drawing %d of rIdPic%d", n, n)
		}
		if !strings.Contains(rels, fmt.Sprintf(`Id="rIdPic%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/chart%d.png"`, n, n)) {
			t.Fatalf("rIdPic%d does not name media/chart%d.png", n, n)
		}
	}
}

// settled waits for the goroutines to come back to want, as a stopped worker may still be
// on its way out after saying it is done.
func settled(t *testing.T, want int) {
	t.Helper()
	for range 100 {
		if runtime.NumGoroutine() <= want {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%d goroutines left, %d before", runtime.NumGoroutine(), want)
}

// TestPictureFailures: a painter's error or panic, or a failure to write a picture, reaches
// the caller as the document's error, the workers stop, and no more pictures wait than the
// queue holds.
func TestPictureFailures(t *testing.T) {
	boom := errors.New("boom")
	for _, tc := range []struct {
		name    string
		failAt  int64 // the painting that fails (1-based), 0 for none
		panics  bool
		putFail int // the picture whose writing fails, 0 for none
		want    string
	}{
		{name: "painter error", failAt: 7, want: "boom"},
		{name: "first painting", failAt: 1, want: "boom"},
		{name: "painter panic", failAt: 13, panics: true, want: "chart picture: internal error: paint 13"},
		{name: "writing fails", putFail: 5, want: "disk full"},
		{name: "none", want: ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := runtime.NumGoroutine()
			const workers, charts = 3, 60
			var painted, inFlight, most atomic.Int64
			newPainter := func() painterFunc {
				return func(dst []byte, c present.Chart) ([]byte, error) {
					n := painted.Add(1)
					waiting := inFlight.Add(1)
					for m := most.Load(); waiting > m && !most.CompareAndSwap(m, waiting); m = most.Load() {
					}
					if n == tc.failAt {
						if tc.panics {
							panic(fmt.Sprintf("paint %d", n))
						}
						return nil, boom
					}
					return append(dst, c.YTitle...), nil
				}
			}
			var got []string
			put := func(png []byte) error {
				inFlight.Add(-1)
				got = append(got, string(png))
				if len(got) == tc.putFail {
					return errors.New("disk full")
				}
				return nil
			}
			p := newPictures(workers, newPainter, put)
			var err error
			for i := range charts {
				if err = p.add(present.Chart{YTitle: fmt.Sprint(i)}); err != nil {
					break
				}
			}
			if err == nil {
				err = p.finish()
			}
			p.stop()
			settled(t, before)
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != charts {
					t.Fatalf("%d pictures written of %d", len(got), charts)
				}
				for i, g := range got {
					if g != fmt.Sprint(i) {
						t.Fatalf("picture %d is chart %s", i, g)
					}
				}
			} else if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one saying %q", err, tc.want)
			}
			if m := most.Load(); m > 4*workers {
				t.Errorf("%d pictures waiting at once, more than the queue of %d", m, 4*workers)
			}
		})
	}
}

// failAfter takes n bytes, then fails.
type failAfter struct{ n int }

func (f *failAfter) Write(b []byte) (int, error) {
	if len(b) > f.n {
		return 0, errors.New("disk full")
	}
	f.n -= len(b)
	return len(b), nil
}

// TestFailingFileStopsTheWorkers: a file that fails part way through the pictures gives
// Render its error and leaves no worker behind.
func TestFailingFileStopsTheWorkers(t *testing.T) {
	r := exampleReport(t)
	before := runtime.NumGoroutine()
	err := renderOn(&failAfter{n: 200 << 10}, r, nil, 3)
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("error %v, want the file's", err)
	}
	settled(t, before)
}
