package catalogue

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/inputfile"
	"github.com/example/qpr/pkg/period"
)

// DefaultTitle is the report title when the catalogue gives none.
const DefaultTitle = "Quarterly Performance Report"

// DefaultPackID is the id of the one pack a catalogue without packs: has.
const DefaultPackID = "qpr"

var topKeys = []string{"organisation", "title", "language", "year_start", "trend", "projection", "owners", "directorates", "indicators", "packs", "events", "comparators"}

// Limits bound what loading a catalogue may cost; the settings catalogue_size and
// catalogue_text raise them.
type Limits struct {
	Size int64 // bytes in the file
	Text int64 // characters in any one value (a name, a description, a key)
}

// DefaultLimits are far beyond a catalogue of 20,000 indicators (about 8 MB) and the longest
// description a report can show.
func DefaultLimits() Limits {
	return Limits{Size: 64 << 20, Text: 10_000}
}

// Load reads and checks the catalogue at path within the default limits. Every problem found
// is returned at once, as a *diag.Errors whose places name path and the line.
func Load(path string) (*Catalogue, error) {
	return LoadWithin(path, DefaultLimits())
}

// LoadWithin is Load within the limits lim. Only a regular file is read (or a link to one): a
// FIFO or a device named as the catalogue would block or never end.
func LoadWithin(path string, lim Limits) (*Catalogue, error) {
	src, err := ReadSource(path, lim)
	if err != nil {
		return nil, err
	}
	return ParseWithin(path, src, lim)
}

// ReadSource reads the catalogue file's bytes, as LoadWithin does before parsing them.
func ReadSource(path string, lim Limits) ([]byte, error) {
	src, err := readBounded(path, lim.Size)
	if err != nil {
		return nil, &diag.Errors{Problems: []diag.Problem{{Place: diag.Place{File: path}, Message: err.Error(), Severity: diag.Error}}}
	}
	return src, nil
}

// PeekCalendar is the calendar a catalogue most likely has, from a line "year_start: N" at the
// top level, found without parsing the file: reading the data needs the calendar, and can
// start on this guess while the catalogue is parsed. The guess must be checked against the
// parsed catalogue's own calendar.
func PeekCalendar(src []byte) period.Calendar {
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		rest, ok := bytes.CutPrefix(line, []byte("year_start:"))
		if !ok {
			continue
		}
		if i := bytes.IndexByte(rest, '#'); i >= 0 {
			rest = rest[:i]
		}
		if n, err := strconv.Atoi(string(bytes.TrimSpace(rest))); err == nil && n >= 1 && n <= 12 {
			return period.Calendar{YearStart: n}
		}
		break
	}
	return period.DefaultCalendar
}

func readBounded(path string, limit int64) ([]byte, error) {
	src, err := inputfile.ReadAll(path, limit)
	var notRegular *inputfile.NotRegularError
	var tooLarge *inputfile.TooLargeError
	switch {
	case err == nil:
		return src, nil
	case errors.As(err, &notRegular):
		return nil, fmt.Errorf("the catalogue is %s, not a file; give the path of the catalogue's YAML file", notRegular.What())
	case errors.As(err, &tooLarge):
		return nil, sizeError(tooLarge.Size, limit)
	}
	return nil, errors.New(readFailure(err))
}

func sizeError(size, limit int64) error {
	return fmt.Errorf("the catalogue is %s, more than the catalogue_size limit of %s; if it is right, raise it with --limit catalogue_size=%s or under limits: in qpr.yaml", megabytes(size), megabytes(limit), megabytes(limit*4))
}

func megabytes(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%dMB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

func readFailure(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "catalogue file not found; check the path (qpr init DIR writes a starter catalogue)"
	case errors.Is(err, fs.ErrPermission):
		return "catalogue file cannot be read: permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return "catalogue file cannot be read: " + pe.Err.Error()
	}
	return "catalogue file cannot be read: " + err.Error()
}

// Parse checks the catalogue held in src; file names it in messages.
func Parse(file string, src []byte) (*Catalogue, error) {
	return ParseWithin(file, src, DefaultLimits())
}

// ParseWithin is Parse with a value longer than lim.Text characters refused.
func ParseWithin(file string, src []byte, lim Limits) (*Catalogue, error) {
	p := &parser{file: file}
	if !p.linesWithin(src, lim.Text) || !p.itemsWithin(src, lim.Size) {
		return nil, p.err()
	}
	root := p.document(src)
	if root == nil {
		return nil, p.err()
	}
	if !p.textWithin(root, lim.Text) {
		return nil, p.err()
	}
	cat := p.catalogue(root)
	if err := p.err(); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(src)
	cat.Digest = hex.EncodeToString(sum[:])
	return cat, nil
}

// err returns the problems in file order, so a user reads them top to bottom. A problem in a
// mapping merged into several others (<<: *base) is found once per merge but told once.
func (p *parser) err() error {
	err := p.list.Err()
	var errs *diag.Errors
	if !errors.As(err, &errs) {
		return err
	}
	diag.SortByPlace(errs.Problems)
	told := map[diag.Problem]bool{}
	kept := errs.Problems[:0]
	for _, pr := range errs.Problems {
		if !told[pr] {
			told[pr] = true
			kept = append(kept, pr)
		}
	}
	errs.Problems = kept
	return errs
}

// textWithin reports every value longer than limit characters, which would otherwise be
// carried into every report and message; it returns false if there is one. Aliases are not
// followed: what they point at is checked where it is written.
func (p *parser) textWithin(root *yaml.Node, limit int64) bool {
	ok := true
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil || n.Kind == yaml.AliasNode {
			return
		}
		if n.Kind == yaml.ScalarNode && int64(len(n.Value)) > limit {
			if chars := int64(utf8.RuneCountInString(n.Value)); chars > limit {
				p.errorf(n.Line, "this value is %d characters long, more than the catalogue_text limit of %d; shorten it, or if it is right raise the limit with --limit catalogue_text=%d or under limits: in qpr.yaml", chars, limit, max(chars, limit*4))
				ok = false
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	return ok
}

// linesWithin refuses, before the YAML parser holds it several times over, a line that cannot
// fit within the text limit however it is read: longer than limit characters of four bytes
// each, with room for a key and indentation. Values are checked exactly once parsed.
func (p *parser) linesWithin(src []byte, limit int64) bool {
	most := 4*limit + 1024
	for line := 1; len(src) > 0; line++ {
		n := bytes.IndexByte(src, '\n')
		if n < 0 {
			n = len(src)
		}
		if int64(n) > most {
			chars := int64(utf8.RuneCount(src[:n]))
			p.errorf(line, "this line is %d characters long, more than any value may be (the catalogue_text limit is %d); shorten it, or if it is right raise the limit with --limit catalogue_text=%d or under limits: in qpr.yaml", chars, limit, max(chars, limit*4))
			return false
		}
		src = src[min(n+1, len(src)):]
	}
	return true
}

// BytesPerItem is how many bytes of catalogue_size allow one YAML item (a key, a value, a list
// or an entry of one). The YAML parser holds each item in a node of a couple of hundred bytes,
// so a file of nothing but one-character items ("1,1,1,...") would take a hundred times its
// size; a real catalogue has an item for every ten bytes or so, and one of 20,000 indicators
// about 600,000 items. However small the size limit, MinItems are allowed.
const (
	BytesPerItem = 32
	MinItems     = 100_000
)

// itemsWithin refuses, before the YAML parser builds a node for each, a catalogue with more
// items than its size limit allows (one per BytesPerItem bytes). Items are counted from above
// by what can start one: each line that is not blank or a comment, and each ':', ',', '-',
// '?', '[' and '{' before a comment.
func (p *parser) itemsWithin(src []byte, sizeLimit int64) bool {
	if sizeLimit <= 0 {
		return true
	}
	most := max(sizeLimit/BytesPerItem, MinItems)
	var items int64
	line, content, comment, prev := 1, false, false, byte('\n')
	for _, b := range src {
		switch {
		case b == '\n':
			if content {
				items++
			}
		case comment:
		case b == '#' && (prev == ' ' || prev == '\t' || prev == '\n'):
			comment = true
		case b == ':' || b == ',' || b == '-' || b == '?' || b == '[' || b == '{':
			items++
			content = true
		case b != ' ' && b != '\t' && b != '\r':
			content = true
		}
		if items > most {
			p.errorf(line, "the catalogue holds more than %s keys, values and list items by this line (counted from its punctuation); the catalogue_size limit of %s allows one for every %d bytes, since each is held in memory many times over; if it is right, raise it with --limit catalogue_size=%s or under limits: in qpr.yaml", thousands(most), megabytes(sizeLimit), BytesPerItem, megabytes(max(sizeLimit, most*BytesPerItem)*4))
			return false
		}
		if b == '\n' {
			line, content, comment = line+1, false, false
		}
		prev = b
	}
	return true
}

// thousands writes n with commas between groups of three digits.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
