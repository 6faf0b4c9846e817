package app

import (
	"bytes"
	"testing"
	"time"
)

func TestProgressOnlyOnATerminalAfterAMoment(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(Streams{Err: &buf, ErrIsTerminal: true}, false, 3)
	p.done("a.pdf") // too soon: a quick build says nothing
	if buf.Len() != 0 {
		t.Fatalf("progress shown before the delay: %q", buf.String())
	}
	p.start = p.start.Add(-2 * progressDelay)
	p.done("b.xlsx")
	if got := buf.String(); got != "\r\033[Kbuilt 2 of 3: b.xlsx" {
		t.Errorf("progress = %q", got)
	}
	p.finish()
	if got := buf.String(); got != "\r\033[Kbuilt 2 of 3: b.xlsx\r\033[K" {
		t.Errorf("after finish = %q, want the line cleared", got)
	}

	for _, s := range []struct {
		name     string
		terminal bool
		quiet    bool
	}{{"not a terminal", false, false}, {"--quiet", true, true}} {
		var quiet bytes.Buffer
		p := newProgress(Streams{Err: &quiet, ErrIsTerminal: s.terminal}, s.quiet, 1)
		p.start = time.Now().Add(-time.Hour)
		p.done("a.pdf")
		p.finish()
		if quiet.Len() != 0 {
			t.Errorf("%s: progress shown: %q", s.name, quiet.String())
		}
	}
}
