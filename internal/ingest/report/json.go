package report

import (
	"bytes"
	"fmt"
	"io"

	"github.com/scamint/scamint/internal/model"
)

// input is a buffered reader that holds at most one item (plus what has
// been read ahead) and counts lines.
type input struct {
	r   io.Reader
	buf []byte
	// buf[start:end] is held: the item being read from start, then bytes
	// read ahead. pos is the next byte to look at.
	start, pos, end int
	// line is the line of buf[pos].
	line int
	err  error // the read error that ended the input (io.EOF at the end)
}

func newInput(r io.Reader) *input {
	return &input{r: skipBOM(r), buf: make([]byte, 64<<10), line: 1}
}

// fill reads more bytes into the buffer, keeping buf[start:], and reports
// whether there are bytes at pos to look at. It grows the buffer up to
// MaxItemSize plus its initial size and fails with errTooLarge beyond.
func (in *input) fill() (bool, error) {
	for in.pos >= in.end {
		if in.err != nil {
			return false, in.err
		}
		if in.start > 0 {
			n := copy(in.buf, in.buf[in.start:in.end])
			in.pos -= in.start
			in.end = n
			in.start = 0
		}
		if in.end == len(in.buf) {
			if len(in.buf) > MaxItemSize {
				return false, errTooLarge
			}
			grown := make([]byte, 2*len(in.buf))
			copy(grown, in.buf[:in.end])
			in.buf = grown
		}
		n, err := in.r.Read(in.buf[in.end:])
		in.end += n
		if err != nil {
			in.err = err
		}
	}
	return true, nil
}

// skipBOM returns a reader of r without the UTF-8 byte order mark that
// may start it.
func skipBOM(r io.Reader) io.Reader {
	var head [3]byte
	n, err := io.ReadFull(r, head[:])
	if n == len(head) && bytes.Equal(head[:], bom) {
		return r
	}
	rest := r
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		rest = errReader{err}
	}
	return io.MultiReader(bytes.NewReader(head[:n]), rest)
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// drop forgets the held bytes before pos.
func (in *input) drop() { in.start = in.pos }

// readLine returns the next line, without its line ending, and its number.
// The slice is valid until the next call. A line over MaxItemSize is
// skipped to its end and reported with tooLong; err is io.EOF after the
// last line.
func (in *input) readLine() (line []byte, num int, tooLong bool, err error) {
	in.drop()
	num = in.line
	for {
		if i := bytes.IndexByte(in.buf[in.pos:in.end], '\n'); i >= 0 {
			nl := in.pos + i
			line = in.buf[in.start:nl]
			in.pos = nl + 1
			in.line++
			if tooLong || len(line) > MaxItemSize {
				return nil, num, true, nil
			}
			return bytes.TrimSuffix(line, []byte("\r")), num, false, nil
		}
		in.pos = in.end
		if in.end-in.start > MaxItemSize {
			// Forget the line so far; go on looking for its end.
			tooLong = true
			in.drop()
		}
		if ok, err := in.fill(); !ok {
			switch {
			case err != io.EOF:
				return nil, num, false, err
			case tooLong:
				return nil, num, true, nil
			case in.start == in.end:
				return nil, num, false, io.EOF
			}
			return bytes.TrimSuffix(in.buf[in.start:in.end], []byte("\r")), num, false, nil
		}
	}
}

// jsonlReader reads JSON lines: one report object per line; blank lines
// are skipped. A bad line is that line's error only.
type jsonlReader struct {
	file string
	in   *input
	dec  decoder
}

func newJSONLReader(r io.Reader, file string) *jsonlReader {
	return &jsonlReader{file: file, in: newInput(r)}
}

func (j *jsonlReader) next() (Item, error) {
	for {
		line, num, tooLong, err := j.in.readLine()
		switch {
		case err == io.EOF:
			return Item{}, io.EOF
		case err != nil:
			return Item{}, readError(j.file, num, err)
		case tooLong:
			return Item{}, &ItemError{File: j.file, Line: num, Reason: fmt.Sprintf("line is over %d bytes", MaxItemSize)}
		}
		if len(bytes.TrimLeft(line, " \t\r")) == 0 {
			continue
		}
		return decodeItem(&j.dec, j.file, num, bytes.Clone(line))
	}
}

// decodeItem decodes and normalises one JSON report.
func decodeItem(d *decoder, file string, line int, raw []byte) (Item, error) {
	var r model.Report
	if fe := d.decode(string(raw), &r); fe != nil {
		return Item{}, &ItemError{File: file, Line: line, Field: jsonPath(fe.path, fe.index), Reason: fe.reason, Raw: raw}
	}
	if fe := normalize(&r); fe != nil {
		return Item{}, &ItemError{File: file, Line: line, Field: jsonPath(fe.path, fe.index), Reason: fe.reason, Raw: raw}
	}
	return Item{Report: r, Line: line, Raw: raw}, nil
}

// jsonReader reads a JSON file: an array of report objects, or one report
// object, or several of either one after the other. It finds each element's
// extent by its brackets and strings, so a bad element is that element's
// error only; a broken array (a missing comma, an unclosed bracket) ends
// the file.
type jsonReader struct {
	file    string
	in      *input
	dec     decoder
	inArray bool // between the elements of an array
	first   bool // the next element is the array's first
}

func newJSONReader(r io.Reader, file string) *jsonReader {
	return &jsonReader{file: file, in: newInput(r)}
}

func (j *jsonReader) next() (Item, error) {
	in := j.in
	for {
		c, err := j.skipSpace()
		if err == io.EOF {
			if j.inArray {
				return Item{}, j.fatal(in.line, "the array is not closed with \"]\"")
			}
			return Item{}, io.EOF
		}
		if err != nil {
			return Item{}, readError(j.file, in.line, err)
		}
		if j.inArray {
			switch {
			case c == ']':
				in.pos++
				j.inArray = false
				continue
			case j.first:
				j.first = false
			case c == ',':
				in.pos++
				c, err = j.skipSpace()
				switch {
				case err == io.EOF:
					return Item{}, j.fatal(in.line, "the array is not closed with \"]\"")
				case err != nil:
					return Item{}, readError(j.file, in.line, err)
				case c == ']':
					return Item{}, j.fatal(in.line, "a \",\" before \"]\" is not JSON")
				}
			default:
				return Item{}, j.fatal(in.line, fmt.Sprintf("want \",\" or \"]\" after an array element, not %s", quoteByte(c)))
			}
		} else if c == '[' {
			in.pos++
			j.inArray, j.first = true, true
			continue
		}
		if c != '{' {
			what := "a report object"
			if !j.inArray {
				what += " or an array of them"
			}
			return Item{}, j.fatal(in.line, fmt.Sprintf("want %s, not %s", what, quoteByte(c)))
		}
		line := in.line
		raw, err := j.object()
		if err != nil {
			return Item{}, err
		}
		return decodeItem(&j.dec, j.file, line, bytes.Clone(raw))
	}
}

// skipSpace moves past white space and returns the next byte without
// consuming it.
func (j *jsonReader) skipSpace() (byte, error) {
	in := j.in
	for {
		for ; in.pos < in.end; in.pos++ {
			switch c := in.buf[in.pos]; c {
			case ' ', '\t', '\r':
			case '\n':
				in.line++
			default:
				return c, nil
			}
		}
		in.drop()
		if _, err := in.fill(); err != nil {
			return 0, err
		}
	}
}

// inStringPlain and outStringPlain mark the bytes that leave the extent
// scan's state as it is, inside and outside a string.
var inStringPlain, outStringPlain = func() (in, out [256]bool) {
	for c := range 256 {
		in[c] = c != '"' && c != '\\' && c != '\n'
		out[c] = in[c] && c != '{' && c != '}' && c != '[' && c != ']'
	}
	return in, out
}()

// maxDepth bounds the nesting of brackets in one element; the schema needs
// three.
const maxDepth = 64

// object reads the object at pos to its closing brace, judging its extent
// by brackets and strings alone, and returns its bytes (valid until the
// next read).
func (j *jsonReader) object() ([]byte, error) {
	in := j.in
	in.drop()
	startLine := in.line
	var stack [maxDepth]byte
	depth := 0
	inString, escaped := false, false
	for {
		for in.pos < in.end {
			// Skip what cannot change the state, a run at a time.
			if inString && !escaped {
				for in.pos < in.end && inStringPlain[in.buf[in.pos]] {
					in.pos++
				}
			} else if !inString {
				for in.pos < in.end && outStringPlain[in.buf[in.pos]] {
					in.pos++
				}
			}
			if in.pos == in.end {
				break
			}
			c := in.buf[in.pos]
			in.pos++
			if c == '\n' {
				in.line++
			}
			if inString {
				switch {
				case escaped:
					escaped = false
				case c == '\\':
					escaped = true
				case c == '"':
					inString = false
				}
				continue
			}
			switch c {
			case '"':
				inString = true
			case '{', '[':
				if depth == maxDepth {
					return nil, j.fatal(in.line, fmt.Sprintf("the element starting at line %d nests deeper than %d", startLine, maxDepth))
				}
				stack[depth] = c
				depth++
			case '}', ']':
				if depth == 0 || stack[depth-1] != c-2 { // '{'+2 == '}', '['+2 == ']'
					return nil, j.fatal(in.line, fmt.Sprintf("%s does not close the element starting at line %d", quoteByte(c), startLine))
				}
				depth--
				if depth == 0 {
					if in.pos-in.start > MaxItemSize {
						return nil, j.fatal(startLine, fmt.Sprintf("the element starting here is over %d bytes", MaxItemSize))
					}
					return in.buf[in.start:in.pos], nil
				}
			}
		}
		if in.pos-in.start > MaxItemSize {
			return nil, j.fatal(startLine, fmt.Sprintf("the element starting here is over %d bytes", MaxItemSize))
		}
		_, err := in.fill()
		switch {
		case err == io.EOF:
			return nil, j.fatal(startLine, "the element starting here is not closed before the end of the file")
		case err != nil:
			return nil, readError(j.file, in.line, err)
		}
	}
}

func (j *jsonReader) fatal(line int, reason string) error {
	return &FileError{File: j.file, Line: line, Reason: reason}
}

func quoteByte(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return fmt.Sprintf("%q", c)
	}
	return fmt.Sprintf("byte 0x%02x", c)
}
