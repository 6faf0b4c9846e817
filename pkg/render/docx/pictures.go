package docx

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/render/chartpng"
	"github.com/example/qpr/templates"
)

// pictures paints the charts' pictures on workers of their own, since painting is most of
// the Word edition's work, and hands each finished picture to put in the order the charts
// were added, so the package's bytes do not depend on how many workers there are. At most
// queue pictures are waiting or being painted at once: the document never waits on more.
// A picture's bytes, once put, are painted over by a later picture (a picture's buffer is
// about 64 KB, which twenty thousand pictures would otherwise each allocate).
type pictures struct {
	put     func(png []byte) error // png is not kept past the call
	queue   int
	jobs    chan picture
	spare   chan []byte    // buffers of pictures put
	waiting []chan painted // in the order added
	quit    chan struct{}
	workers sync.WaitGroup
	stopped bool
}

type picture struct {
	chart present.Chart
	done  chan painted
}

type painted struct {
	png []byte
	err error
}

// A painter paints one chart's picture, appending it to dst; each worker has its own.
type painterFunc func(dst []byte, c present.Chart) ([]byte, error)

// pngPainter paints as chartpng does, in the style st, keeping its Encoder between charts.
func pngPainter(st templates.Style) painterFunc {
	var enc chartpng.Encoder
	return func(dst []byte, c present.Chart) ([]byte, error) {
		b := bytes.NewBuffer(dst)
		b.Grow(64 << 10)
		if err := enc.Encode(b, c, st); err != nil {
			return nil, err
		}
		return b.Bytes(), nil
	}
}

// newPictures starts workers, each painting with a painter newPainter makes.
func newPictures(workers int, newPainter func() painterFunc, put func(png []byte) error) *pictures {
	workers = max(workers, 1)
	p := &pictures{put: put, queue: 4 * workers, quit: make(chan struct{})}
	p.jobs = make(chan picture, p.queue)
	p.spare = make(chan []byte, p.queue+workers)
	for range workers {
		p.workers.Add(1)
		go p.work(newPainter())
	}
	return p
}

func (p *pictures) work(paint painterFunc) {
	defer p.workers.Done()
	for j := range p.jobs {
		select {
		case <-p.quit:
			j.done <- painted{err: errStopped}
			continue
		default:
		}
		var dst []byte
		select {
		case dst = <-p.spare:
		default:
		}
		j.done <- safely(paint, dst[:0], j.chart)
	}
}

var errStopped = fmt.Errorf("chart picture: not painted, the document was abandoned")

// safely is one picture, or why not; a panic in the painter is an error of this document
// rather than the end of the program, whose other outputs may be fine.
func safely(paint painterFunc, dst []byte, c present.Chart) (out painted) {
	defer func() {
		if v := recover(); v != nil {
			out = painted{err: fmt.Errorf("chart picture: internal error: %v", v)}
		}
	}()
	png, err := paint(dst, c)
	return painted{png: png, err: err}
}

// add queues c's picture, first putting the oldest picture if the queue is full.
func (p *pictures) add(c present.Chart) error {
	if len(p.waiting) >= p.queue {
		if err := p.putOldest(); err != nil {
			return err
		}
	}
	done := make(chan painted, 1)
	p.waiting = append(p.waiting, done)
	p.jobs <- picture{chart: c, done: done} // never blocks: jobs holds as many as may wait
	return nil
}

func (p *pictures) putOldest() error {
	r := <-p.waiting[0]
	p.waiting[0] = nil
	p.waiting = p.waiting[1:]
	if r.err != nil {
		return r.err
	}
	err := p.put(r.png)
	select {
	case p.spare <- r.png:
	default:
	}
	return err
}

// finish puts every picture still waiting and stops the workers.
func (p *pictures) finish() error {
	for len(p.waiting) > 0 {
		if err := p.putOldest(); err != nil {
			p.stop()
			return err
		}
	}
	p.stop()
	return nil
}

// stop ends the workers, painting nothing more, and waits for them; it may be called again.
func (p *pictures) stop() {
	if p.stopped {
		return
	}
	p.stopped = true
	close(p.quit)
	close(p.jobs)
	p.workers.Wait()
}
