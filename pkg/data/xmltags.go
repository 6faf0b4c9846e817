package data

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
)

// tagReader walks the tags of an XML stream, ignoring text, comments, CDATA and processing
// instructions. The metadata pass over a worksheet needs nothing else, and encoding/xml's
// allocation per token made that pass cost as much as reading the values.
type tagReader struct {
	r     *bufio.Reader
	name  []byte // local name of the last tag, without any namespace prefix
	attrs []byte // raw attribute text of the last start tag
	end   bool   // the last tag is an end tag
	empty bool   // the last start tag closes itself: <c r="A1"/>
}

func newTagReader(r io.Reader) *tagReader {
	return &tagReader{r: bufio.NewReaderSize(r, 64<<10)}
}

// next moves to the next start or end tag; io.EOF at the end of the stream.
func (t *tagReader) next() error {
	for {
		if _, err := t.r.ReadSlice('<'); err != nil {
			if err == bufio.ErrBufferFull {
				continue // long text between tags
			}
			return err
		}
		c, err := t.r.ReadByte()
		if err != nil {
			return unexpectedEOF(err)
		}
		switch c {
		case '?':
			err = t.skipPast("?>")
		case '!':
			err = t.skipSpecial()
		default:
			if err := t.r.UnreadByte(); err != nil {
				return err
			}
			return t.readTag()
		}
		if err != nil {
			return err
		}
	}
}

func (t *tagReader) skipSpecial() error {
	head, err := t.r.Peek(2)
	if err == nil && string(head) == "--" {
		return t.skipPast("-->")
	}
	if head, err := t.r.Peek(7); err == nil && string(head) == "[CDATA[" {
		return t.skipPast("]]>")
	}
	return t.skipPast(">")
}

// skipPast consumes input up to and including the marker.
func (t *tagReader) skipPast(marker string) error {
	last := marker[len(marker)-1]
	var tail []byte
	for {
		chunk, err := t.r.ReadSlice(last)
		if err != nil && err != bufio.ErrBufferFull {
			return unexpectedEOF(err)
		}
		tail = append(tail, chunk...)
		if err == nil && bytes.HasSuffix(tail, []byte(marker)) {
			return nil
		}
		if len(tail) > len(marker) {
			tail = append(tail[:0], tail[len(tail)-len(marker):]...)
		}
	}
}

// readTag reads a tag after its '<'. Attribute values may hold '>' only inside quotes.
func (t *tagReader) readTag() error {
	t.attrs = t.attrs[:0]
	var quote byte
	for {
		c, err := t.r.ReadByte()
		if err != nil {
			return unexpectedEOF(err)
		}
		if quote != 0 {
			if c == quote {
				quote = 0
			}
		} else if c == '"' || c == '\'' {
			quote = c
		} else if c == '>' {
			break
		}
		t.attrs = append(t.attrs, c)
	}
	tag := t.attrs
	t.end = len(tag) > 0 && tag[0] == '/'
	if t.end {
		tag = tag[1:]
	}
	t.empty = len(tag) > 0 && tag[len(tag)-1] == '/'
	if t.empty {
		tag = tag[:len(tag)-1]
	}
	n := bytes.IndexAny(tag, " \t\r\n")
	if n < 0 {
		n = len(tag)
	}
	t.name = tag[:n]
	if i := bytes.IndexByte(t.name, ':'); i >= 0 {
		t.name = t.name[i+1:]
	}
	t.attrs = tag[n:]
	if len(t.name) == 0 {
		return fmt.Errorf("the worksheet is not well-formed XML (a tag has no name)")
	}
	return nil
}

// attr is the value of the named attribute of the last start tag (prefix ignored).
func (t *tagReader) attr(name string) ([]byte, bool) {
	s := t.attrs
	for {
		s = bytes.TrimLeft(s, " \t\r\n")
		eq := bytes.IndexByte(s, '=')
		if eq < 0 {
			return nil, false
		}
		key := bytes.TrimSpace(s[:eq])
		if i := bytes.IndexByte(key, ':'); i >= 0 {
			key = key[i+1:]
		}
		s = bytes.TrimLeft(s[eq+1:], " \t\r\n")
		if len(s) == 0 || (s[0] != '"' && s[0] != '\'') {
			return nil, false
		}
		end := bytes.IndexByte(s[1:], s[0])
		if end < 0 {
			return nil, false
		}
		if string(key) == name {
			return s[1 : 1+end], true
		}
		s = s[end+2:]
	}
}

func (t *tagReader) is(name string) bool { return string(t.name) == name }

func unexpectedEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
