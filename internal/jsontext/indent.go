package jsontext

import (
	"bufio"
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// SignificantFigures is the most significant figures a JSON number is written with: beyond
// them a float64 carries only arithmetic noise (90.39999999999999 is written 90.4).
const SignificantFigures = 10

// WriteIndented writes v to w as encoding/json's Encoder with SetIndent("", "  ") and
// SetEscapeHTML(false) would, followed by a newline, in one pass and straight to w: no compact
// copy of the whole document is made and indented afterwards. Every number that is not a whole
// integer is written to at most SignificantFigures significant figures. The value's own
// MarshalJSON methods are honoured; their output is indented in place.
func WriteIndented(w io.Writer, v any) error {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriterSize(w, 64<<10)
	}
	e := &indentEncoder{w: bw}
	if err := e.value(reflect.ValueOf(v), 0); err != nil {
		return err
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

// Marshal is json.Marshal without HTML escaping, for qpr's MarshalJSON methods: compact, its
// numbers as WriteIndented writes them.
func Marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	e := &indentEncoder{w: &buf, compact: true}
	if err := e.value(reflect.ValueOf(v), 0); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sink is what the encoder writes to: a bufio.Writer over a file, or a bytes.Buffer.
type sink interface {
	io.Writer
	io.ByteWriter
	io.StringWriter
}

type indentEncoder struct {
	w       sink
	scratch []byte
	compact bool // no newlines or indentation, as json.Marshal writes
	worker  bool // writing a part of a long array for another encoder: no parts of its own
}

var (
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	shaperType        = reflect.TypeFor[Shaper]()
	appenderType      = reflect.TypeFor[Appender]()
)

// Shaper is a json.Marshaler that can say instead which value its JSON is the JSON of, so
// the encoder writes that value in its own pass, indented in place, rather than calling
// MarshalJSON and indenting its output: report.Trend's JSON is a struct with one key
// shadowed.
type Shaper interface {
	json.Marshaler
	JSONShape() any
}

// Appender is a json.Marshaler of a scalar that can append its compact JSON to a buffer
// without allocating it apart: report.Period's label.
type Appender interface {
	json.Marshaler
	AppendJSON(dst []byte) []byte
}

// indentation is a newline and the spaces of the deepest indentation written at once.
var indentation = "\n" + strings.Repeat("  ", 32)

func (e *indentEncoder) newline(depth int) {
	if e.compact {
		return
	}
	if n := 1 + 2*depth; n <= len(indentation) {
		e.w.WriteString(indentation[:n])
		return
	}
	e.w.WriteByte('\n')
	for range depth {
		e.w.WriteString("  ")
	}
}

// typeFlags are the methods of a type the encoder looks for, found once per type.
type typeFlags struct {
	appender, shaper, marshaler, ptrMarshaler, textMarshaler bool
}

var flagCache sync.Map // reflect.Type -> typeFlags

func flagsOf(t reflect.Type) typeFlags {
	if f, ok := flagCache.Load(t); ok {
		return f.(typeFlags)
	}
	// A method promoted from an embedded field speaks for that field, not for t (t may have
	// a MarshalJSON of its own around it): only t's own Shaper or Appender is used.
	promoted := func(iface reflect.Type) bool {
		if t.Kind() != reflect.Struct {
			return false
		}
		for i := range t.NumField() {
			if f := t.Field(i); f.Anonymous && (f.Type.Implements(iface) || reflect.PointerTo(f.Type).Implements(iface)) {
				return true
			}
		}
		return false
	}
	f := typeFlags{
		appender:      t.Implements(appenderType) && !promoted(appenderType),
		shaper:        t.Implements(shaperType) && !promoted(shaperType),
		marshaler:     t.Implements(marshalerType),
		ptrMarshaler:  reflect.PointerTo(t).Implements(marshalerType),
		textMarshaler: t.Implements(textMarshalerType),
	}
	flagCache.Store(t, f)
	return f
}

func (e *indentEncoder) value(v reflect.Value, depth int) error {
	return e.valueAs(v, depth, nil)
}

// staticFlags are the flags of the type a value of static type t has once its pointers are
// followed, found once for a struct field or an array's entries; nil where that type is an
// interface, whose dynamic type is looked up value by value.
func staticFlags(t reflect.Type) *typeFlags {
	if f, ok := staticFlagsOf(t); ok {
		return &f
	}
	return nil
}

func staticFlagsOf(t reflect.Type) (typeFlags, bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Interface {
		return typeFlags{}, false
	}
	return flagsOf(t), true
}

// valueAs writes v; known, when set, are the flags of v's type once its pointers are followed
// (see staticFlags), so that they are not looked up again for every value.
func (e *indentEncoder) valueAs(v reflect.Value, depth int, known *typeFlags) error {
	if !v.IsValid() {
		e.w.WriteString("null")
		return nil
	}
	t := v.Type()
	if t.Kind() == reflect.Pointer {
		// *T's methods are T's or reached through the addressable T: write T
		if v.IsNil() {
			e.w.WriteString("null")
			return nil
		}
		return e.valueAs(v.Elem(), depth, known)
	}
	if t.Kind() == reflect.Interface {
		if v.IsNil() {
			e.w.WriteString("null")
			return nil
		}
		return e.value(v.Elem(), depth)
	}
	var flags typeFlags
	if known != nil {
		flags = *known
	} else {
		flags = flagsOf(t)
	}
	switch {
	case flags.appender:
		e.scratch = boxed(v).(Appender).AppendJSON(e.scratch[:0])
		e.w.Write(e.scratch)
		return nil
	case flags.shaper:
		return e.value(reflect.ValueOf(boxed(v).(Shaper).JSONShape()), depth)
	case flags.marshaler:
		return e.marshaler(v, depth)
	case flags.ptrMarshaler && v.CanAddr():
		return e.marshaler(v.Addr(), depth)
	case flags.textMarshaler:
		return e.fallback(v, depth) // rare in qpr's documents: encoding/json's way, indented
	}
	switch t.Kind() {
	case reflect.Bool:
		e.w.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.scratch = strconv.AppendInt(e.scratch[:0], v.Int(), 10)
		e.w.Write(e.scratch)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.scratch = strconv.AppendUint(e.scratch[:0], v.Uint(), 10)
		e.w.Write(e.scratch)
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Errorf("json: unsupported value: %v", f)
		}
		e.scratch = AppendNumber(e.scratch[:0], f)
		e.w.Write(e.scratch)
	case reflect.String:
		e.scratch = appendString(e.scratch[:0], v.String())
		e.w.Write(e.scratch)
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			e.w.WriteString("null")
			return nil
		}
		return e.value(v.Elem(), depth)
	case reflect.Slice:
		if v.IsNil() {
			e.w.WriteString("null")
			return nil
		}
		if t.Elem().Kind() == reflect.Uint8 {
			return e.fallback(v, depth) // base64, as encoding/json writes bytes
		}
		return e.array(v, depth)
	case reflect.Array:
		return e.array(v, depth)
	case reflect.Struct:
		return e.object(v, depth)
	default: // maps and anything else: encoding/json's way, indented
		return e.fallback(v, depth)
	}
	return nil
}

func (e *indentEncoder) array(v reflect.Value, depth int) error {
	n := v.Len()
	if n == 0 {
		e.w.WriteString("[]")
		return nil
	}
	if n >= partsFrom && !e.worker && runtime.GOMAXPROCS(0) > 1 {
		return e.arrayInParts(v, depth)
	}
	var known *typeFlags
	if f, ok := staticFlagsOf(v.Type().Elem()); ok {
		known = &f
	}
	e.w.WriteByte('[')
	for i := range n {
		if i > 0 {
			e.w.WriteByte(',')
		}
		e.newline(depth + 1)
		if err := e.valueAs(v.Index(i), depth+1, known); err != nil {
			return err
		}
	}
	e.newline(depth)
	e.w.WriteByte(']')
	return nil
}

// A long array (a report's indicators) is written in parts of partLength entries by workers
// side by side, each into a buffer of its own, and the parts copied out in order: the same
// bytes as written one entry after another. At most partsAhead parts wait to be copied, so
// the memory stays a few parts'.
const (
	partsFrom   = 64
	partLength  = 16
	partsAhead  = 8
	partWorkers = 4
)

type arrayPart struct {
	buf *bytes.Buffer
	err error
}

var partBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func (e *indentEncoder) arrayInParts(v reflect.Value, depth int) error {
	n := v.Len()
	parts := (n + partLength - 1) / partLength
	results := make([]chan arrayPart, parts) // one slot each, so a worker never waits to hand a part in
	for k := range results {
		results[k] = make(chan arrayPart, 1)
	}
	ahead := make(chan struct{}, partsAhead)
	stop := make(chan struct{})
	defer close(stop)
	next := make(chan int)
	go func() { // hands out the parts in order while fewer than partsAhead wait
		defer close(next)
		for k := range parts {
			select {
			case ahead <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case next <- k:
			case <-stop:
				return
			}
		}
	}()
	known := staticFlags(v.Type().Elem())
	for range min(partWorkers, runtime.GOMAXPROCS(0), parts) {
		go func() {
			for k := range next {
				buf := partBuffers.Get().(*bytes.Buffer)
				buf.Reset()
				w := &indentEncoder{w: buf, compact: e.compact, worker: true}
				var err error
				for i := k * partLength; i < min(n, (k+1)*partLength) && err == nil; i++ {
					if i > 0 {
						buf.WriteByte(',')
					}
					w.newline(depth + 1)
					err = w.valueAs(v.Index(i), depth+1, known)
				}
				results[k] <- arrayPart{buf: buf, err: err}
			}
		}()
	}
	e.w.WriteByte('[')
	for k := range parts {
		part := <-results[k]
		<-ahead
		if part.err != nil {
			return part.err
		}
		e.w.Write(part.buf.Bytes())
		if part.buf.Cap() <= 1<<20 {
			partBuffers.Put(part.buf)
		}
	}
	e.newline(depth)
	e.w.WriteByte(']')
	return nil
}

func (e *indentEncoder) object(v reflect.Value, depth int) error {
	fields := fieldsOf(v.Type())
	if fields == nil {
		return e.fallback(v, depth) // embedded structs: encoding/json's promotion rules
	}
	wrote := false
	for _, f := range fields.list {
		fv := v.FieldByIndex(f.index)
		if f.omitEmpty && isEmpty(fv) {
			continue
		}
		if wrote {
			e.w.WriteByte(',')
		} else {
			e.w.WriteByte('{')
		}
		wrote = true
		e.newline(depth + 1)
		if e.compact {
			e.w.WriteString(f.compact)
		} else {
			e.w.WriteString(f.key)
		}
		if err := e.valueAs(fv, depth+1, f.known); err != nil {
			return err
		}
	}
	if !wrote {
		e.w.WriteString("{}")
		return nil
	}
	e.newline(depth)
	e.w.WriteByte('}')
	return nil
}

// boxed is v as an interface for calling a method T has on its value: through a pointer to v
// where v is addressable (an entry of a slice, a field reached through a pointer), which puts
// nothing on the heap, where v.Interface() would copy a struct there.
func boxed(v reflect.Value) any {
	if v.CanAddr() {
		return v.Addr().Interface()
	}
	return v.Interface()
}

// marshaler writes what v's MarshalJSON gives, indented at depth.
func (e *indentEncoder) marshaler(v reflect.Value, depth int) error {
	b, err := v.Interface().(json.Marshaler).MarshalJSON()
	if err != nil {
		return err
	}
	return e.reindent(b, depth)
}

// fallback writes v as encoding/json writes it, indented at depth: for the kinds qpr's
// documents hardly use (maps, embedded structs, text marshalers, bytes).
func (e *indentEncoder) fallback(v reflect.Value, depth int) error {
	b, err := marshalStd(v.Interface())
	if err != nil {
		return err
	}
	return e.reindent(b, depth)
}

// reindent copies compact JSON b, as encoding/json writes it, indented at depth, its numbers
// written as AppendNumber writes them.
func (e *indentEncoder) reindent(b []byte, depth int) error {
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch c {
		case '"':
			j := i + 1
			for j < len(b) && b[j] != '"' {
				if b[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(b) {
				return fmt.Errorf("json: unterminated string in MarshalJSON output")
			}
			e.w.Write(b[i : j+1])
			i = j
		case '{', '[':
			if i+1 < len(b) && (b[i+1] == '}' || b[i+1] == ']') {
				e.w.Write(b[i : i+2])
				i++
				continue
			}
			e.w.WriteByte(c)
			depth++
			e.newline(depth)
		case '}', ']':
			depth--
			e.newline(depth)
			e.w.WriteByte(c)
		case ',':
			e.w.WriteByte(',')
			e.newline(depth)
		case ':':
			if e.compact {
				e.w.WriteByte(':')
			} else {
				e.w.WriteString(": ")
			}
		case ' ', '\t', '\n', '\r':
		default:
			j := i
			for j < len(b) && strings.IndexByte("{}[],: \t\n\r\"", b[j]) < 0 {
				j++
			}
			e.w.Write(renumber(e.scratch[:0], b[i:j]))
			i = j - 1
		}
	}
	return nil
}

// renumber is a literal (number, true, false or null) of encoding/json's output as
// WriteIndented writes it: a number with a fraction or an exponent to SignificantFigures.
func renumber(dst, lit []byte) []byte {
	if !slices.ContainsFunc(lit, func(c byte) bool { return c == '.' || c == 'e' || c == 'E' }) {
		return append(dst, lit...)
	}
	f, err := strconv.ParseFloat(string(lit), 64)
	if err != nil {
		return append(dst, lit...)
	}
	return AppendNumber(dst, f)
}

// AppendNumber appends f as encoding/json writes a float64 once rounded to SignificantFigures
// significant figures: 90.4 for 90.39999999999999, 1e-7 for 1.0000000000000001e-07.
func AppendNumber(dst []byte, f float64) []byte {
	start := len(dst)
	dst = appendFloat(dst, f)
	if significantDigits(dst[start:]) <= SignificantFigures {
		return dst // already short: as encoding/json writes it
	}
	return appendRounded(dst[:start], f)
}

// appendRounded appends f rounded to SignificantFigures figures in encoding/json's form. The
// rounded number's shortest form is its ten digits with trailing zeros dropped (two different
// numbers of at most ten digits are never one float64 apart), so it is written from them
// without reading them back.
func appendRounded(dst []byte, f float64) []byte {
	var tmp [32]byte
	if abs := math.Abs(f); abs < 1e-300 || abs > 1e300 {
		// subnormal numbers carry fewer digits than ten, and the largest round past the
		// largest float64: read the rounded form back, keeping f where it does not read
		r, err := strconv.ParseFloat(string(strconv.AppendFloat(tmp[:0], f, 'g', SignificantFigures, 64)), 64)
		if err == nil {
			f = r
		}
		return appendFloat(dst, f)
	}
	e := strconv.AppendFloat(tmp[:0], f, 'e', SignificantFigures-1, 64) // -d.ddddddddde±XX
	neg := e[0] == '-'
	if neg {
		e = e[1:]
	}
	mant, expPart, _ := bytes.Cut(e, []byte("e"))
	exp, err := strconv.Atoi(string(expPart))
	if err != nil {
		return appendFloat(dst, f)
	}
	digits := make([]byte, 0, SignificantFigures)
	digits = append(digits, mant[0])
	if len(mant) > 2 {
		digits = append(digits, mant[2:]...)
	}
	for len(digits) > 1 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
	}
	if neg {
		dst = append(dst, '-')
	}
	if exp < -6 || exp >= 21 { // below 1e-6 or from 1e21: exponent form, as encoding/json
		dst = append(dst, digits[0])
		if len(digits) > 1 {
			dst = append(append(dst, '.'), digits[1:]...)
		}
		dst = append(dst, 'e')
		if exp < 0 {
			dst = append(dst, '-')
			exp = -exp
		} else {
			dst = append(dst, '+')
			if exp < 10 {
				dst = append(dst, '0')
			}
		}
		return strconv.AppendInt(dst, int64(exp), 10)
	}
	if exp < 0 {
		dst = append(dst, '0', '.')
		for range -exp - 1 {
			dst = append(dst, '0')
		}
		return append(dst, digits...)
	}
	if len(digits) <= exp+1 {
		dst = append(dst, digits...)
		for range exp + 1 - len(digits) {
			dst = append(dst, '0')
		}
		return dst
	}
	dst = append(dst, digits[:exp+1]...)
	return append(append(dst, '.'), digits[exp+1:]...)
}

// appendFloat appends f as encoding/json writes a float64.
func appendFloat(dst []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// e-09 to e-9, as encoding/json writes it
		if n := len(dst); n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

// significantDigits counts the significant digits of a number as strconv writes it: leading
// zeros, the sign, the point and any exponent not counted (trailing zeros of a whole number
// are, which only makes a large whole number take the slower, same-result path).
func significantDigits(num []byte) int {
	n, leading := 0, true
	for _, c := range num {
		switch {
		case c == 'e' || c == 'E':
			return n
		case c == '0' && leading:
		case c >= '0' && c <= '9':
			leading = false
			n++
		}
	}
	return n
}

const hexDigits = "0123456789abcdef"

// appendString appends s quoted as encoding/json writes it without HTML escaping.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// field is one struct field as the encoder writes it.
type field struct {
	index     []int  // path through embedded structs
	key       string // `"name": ` ready to write
	compact   string // `"name":`
	omitEmpty bool
	known     *typeFlags // staticFlags of the field's type
}

type structFields struct{ list []field }

var fieldCache sync.Map // reflect.Type -> *structFields (nil: use encoding/json)

// fieldsOf is t's fields as encoding/json names and orders them, embedded structs' fields
// promoted by its rules (the shallowest wins, then the one tagged; a tie drops both), or nil
// where t embeds a pointer or asks for a `,string` field, which the fallback handles.
func fieldsOf(t reflect.Type) *structFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*structFields)
	}
	type candidate struct {
		field
		name   string
		depth  int
		tagged bool
	}
	var found []candidate
	ok := true
	var walk func(t reflect.Type, path []int)
	walk = func(t reflect.Type, path []int) {
		for i := range t.NumField() {
			sf := t.Field(i)
			tag := sf.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if strings.Contains(","+opts+",", ",string,") {
				ok = false
				return
			}
			at := append(slices.Clip(path), i)
			if sf.Anonymous && name == "" {
				switch {
				case sf.Type.Kind() == reflect.Struct:
					walk(sf.Type, at)
					continue
				case sf.Type.Kind() == reflect.Pointer:
					ok = false
					return
				case !sf.IsExported():
					continue
				}
			} else if !sf.IsExported() {
				continue
			}
			tagged := name != "" && validTag(name)
			if !tagged {
				name = sf.Name
			}
			key := string(appendString(nil, name))
			found = append(found, candidate{field{index: at, key: key + ": ", compact: key + ":", omitEmpty: strings.Contains(","+opts+",", ",omitempty,"), known: staticFlags(sf.Type)}, name, len(path), tagged})
		}
	}
	walk(t, nil)
	if !ok {
		fieldCache.Store(t, (*structFields)(nil))
		return nil
	}
	out := &structFields{}
	for _, c := range found {
		winner, ties := true, 0
		for _, d := range found {
			if d.name != c.name || slices.Equal(d.index, c.index) {
				continue
			}
			switch {
			case d.depth < c.depth, d.depth == c.depth && d.tagged && !c.tagged:
				winner = false
			case d.depth == c.depth && d.tagged == c.tagged:
				ties++
			}
		}
		if winner && ties == 0 {
			out.list = append(out.list, c.field)
		}
	}
	slices.SortStableFunc(out.list, func(a, b field) int { return slices.Compare(a.index, b.index) })
	fieldCache.Store(t, out)
	return out
}

// validTag is encoding/json's test of a tag name it will use.
func validTag(s string) bool {
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c > 127):
			return false
		}
	}
	return true
}

func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}
