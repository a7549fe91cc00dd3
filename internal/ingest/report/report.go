// Package report reads victim-report files (CSV, TSV, JSON and JSON lines)
// into model.Report values, each with the line it starts on and its bytes as
// they stood in the file, or into errors that name the file, the line, the
// field and the problem. docs/reports.md documents the formats for users.
//
// The package checks and normalises what has a syntax (dates, amounts,
// currencies, countries, scam types) but leaves selectors as written: the
// ingest pipeline canonicalises them, with the victim's country as region.
//
// Victim fields are personal data: no error message of this package quotes
// a victim's name, contact, country, account or narrative.
package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/scamint/scamint/internal/model"
)

// Format is a report file format.
type Format string

// The formats. TSV is CSV with tabs between cells.
const (
	CSV   Format = "csv"
	TSV   Format = "tsv"
	JSON  Format = "json"
	JSONL Format = "jsonl"
)

// Formats lists the formats.
var Formats = []Format{CSV, TSV, JSON, JSONL}

// Valid reports whether f is one of Formats.
func (f Format) Valid() bool {
	for _, known := range Formats {
		if f == known {
			return true
		}
	}
	return false
}

// MaxItemSize bounds one report, and so one line: a report or line over it
// is refused without being read whole.
const MaxItemSize = 1 << 20

var bom = []byte("\uFEFF")

// DetectFormat tells a file's format from its name's extension (.csv, .tsv,
// .tab, .json, .jsonl, .ndjson, .jsonlines), else from head, the first bytes
// of the file (a few KiB are enough). By content, a file starting with "["
// is JSON; one starting with "{" is JSON lines if its first line holds a
// whole object, else JSON; anything else is CSV (or TSV) if its first line
// names a column of the schema. A .json file whose first line holds a whole
// object is read as JSON lines, so that each line's errors stay its own.
func DetectFormat(name string, head []byte) (Format, error) {
	sniffed := sniff(head)
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return CSV, nil
	case ".tsv", ".tab":
		return TSV, nil
	case ".jsonl", ".ndjson", ".jsonlines":
		return JSONL, nil
	case ".json":
		if sniffed == JSONL {
			return JSONL, nil
		}
		return JSON, nil
	}
	if sniffed == "" {
		return "", fmt.Errorf("%s: cannot tell the format: name the file .csv, .tsv, .json or .jsonl, or give the format (--format)", displayName(name))
	}
	return sniffed, nil
}

func sniff(head []byte) Format {
	head = bytes.TrimPrefix(head, bom)
	text := bytes.TrimLeft(head, " \t\r\n")
	if len(text) == 0 {
		return ""
	}
	switch text[0] {
	case '[':
		return JSON
	case '{':
		first, _, found := bytes.Cut(text, []byte("\n"))
		if !found {
			// One line, or a line longer than head: a single-line
			// object reads the same either way.
			return JSONL
		}
		if n, ok := objectExtent(first); ok && len(bytes.TrimSpace(first[n:])) == 0 {
			return JSONL
		}
		return JSON
	}
	line, _, _ := bytes.Cut(text, []byte("\n"))
	for _, f := range []Format{TSV, CSV} {
		sep := ","
		if f == TSV {
			sep = "\t"
		}
		for _, cell := range strings.Split(string(line), sep) {
			if columnIndex(headerKey(strings.Trim(strings.TrimSpace(cell), `"`))) >= 0 {
				return f
			}
		}
	}
	return ""
}

// objectExtent returns the length of the JSON object that starts b, judged
// by its brackets and strings alone, and whether it closes within b.
func objectExtent(b []byte) (int, bool) {
	depth, inString, escaped := 0, false, false
	for i, c := range b {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth == 0 {
				return i + 1, true
			}
		}
	}
	return len(b), false
}

func displayName(name string) string {
	if name == "" {
		return "input"
	}
	return name
}

// Item is one report read from a file.
type Item struct {
	Report model.Report
	// Line is the 1-based line where the item starts: a CSV row's first
	// line, a JSON line, or the line of a JSON array element's "{".
	Line int
	// Raw is the item's bytes as they stood in the file (a CSV row without
	// its line ending, a JSON line, a JSON element), for the content hash
	// and for a rejects file. It is the item's own copy.
	Raw []byte
}

// ItemError is a bad item: the reader skips it, and Next may be called
// again for the next one (so that an ingest that skips invalid items can
// keep the good ones and write out the bad ones with their reasons).
type ItemError struct {
	File string
	// Line is the line where the item starts.
	Line int
	// Field names the field in the file's own terms ("payment_amount",
	// "payments[1].amount"); empty when the problem is the whole item.
	Field string
	// Reason says what is wrong. It never quotes a victim field's value.
	Reason string
	// Raw is the item's bytes, for a rejects file; nil when the item could
	// not be delimited (a line over MaxItemSize).
	Raw []byte
}

func (e *ItemError) Error() string {
	if e.Field == "" {
		return location(e.File, e.Line) + e.Reason
	}
	return location(e.File, e.Line) + e.Field + ": " + e.Reason
}

// FileError means the file cannot be read further: its header is wrong, a
// quote never closes, a JSON array is broken, or reading failed. Next
// returns it again on every later call.
type FileError struct {
	File string
	// Line is where the problem was found, 0 if nowhere in particular.
	Line   int
	Reason string
	// Err is the underlying error, if any (a read error).
	Err error
}

func (e *FileError) Error() string { return location(e.File, e.Line) + e.Reason }

func (e *FileError) Unwrap() error { return e.Err }

func location(file string, line int) string {
	switch {
	case line > 0 && file != "":
		return file + ":" + strconv.Itoa(line) + ": "
	case line > 0:
		return "line " + strconv.Itoa(line) + ": "
	case file != "":
		return file + ": "
	}
	return ""
}

// Reader reads the reports of one file, one item at a time.
type Reader struct {
	file string
	src  interface {
		next() (Item, error)
	}
	err error // sticky: a FileError or a read error
}

// NewReader returns a reader of the reports in r, a file called name (used
// in errors) in format f. m maps a CSV file's own column names to the
// schema's; it must be zero for JSON. For CSV, NewReader reads and checks
// the header: a column that is neither in the schema, nor mapped, nor
// ignored by m is an error naming it.
func NewReader(r io.Reader, name string, f Format, m Mapping) (*Reader, error) {
	if !f.Valid() {
		return nil, fmt.Errorf("report: unknown format %q", f)
	}
	if !m.IsZero() && f != CSV && f != TSV {
		return nil, fmt.Errorf("%s: a column mapping applies to CSV and TSV only, not to %s", displayName(name), f)
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	rd := &Reader{file: name}
	switch f {
	case CSV, TSV:
		sep := ','
		if f == TSV {
			sep = '\t'
		}
		src, err := newCSVReader(r, name, sep, m)
		if err != nil {
			return nil, err
		}
		rd.src = src
	case JSONL:
		rd.src = newJSONLReader(r, name)
	case JSON:
		rd.src = newJSONReader(r, name)
	}
	return rd, nil
}

// Next returns the next item, or io.EOF after the last. A bad item comes
// back as an *ItemError, after which Next may be called again; any other
// error (a *FileError, an I/O error) ends the file, and Next returns it
// again from then on.
func (r *Reader) Next() (Item, error) {
	if r.err != nil {
		return Item{}, r.err
	}
	it, err := r.src.next()
	if err != nil {
		var ie *ItemError
		if !errors.As(err, &ie) {
			r.err = err
		}
		return Item{}, err
	}
	return it, nil
}

// readError wraps an error from the underlying reader.
func readError(file string, line int, err error) error {
	return &FileError{File: file, Line: line, Reason: "read: " + err.Error(), Err: err}
}
