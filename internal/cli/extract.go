package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/scamint/scamint/internal/selector"
)

const extractAbout = `Find every selector in free text — phone numbers, e-mail addresses, URLs and
domains (defanged ones too), crypto addresses, IBANs, IP addresses,
messenger and social-media accounts — and print one JSON object per line:
  {"kind","value","canonical","start","end"}
start and end are byte offsets into the input. Reads FILE, or standard
input when FILE is "-" or absent.`

// maxExtractInput bounds what extract reads into memory at once.
const maxExtractInput = 1 << 30

type extractedJSON struct {
	Kind      selector.Kind `json:"kind"`
	Value     string        `json:"value"`
	Canonical string        `json:"canonical"`
	Start     int           `json:"start"`
	End       int           `json:"end"`
}

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "extract [--region CC] [--json] [FILE|-]", extractAbout)
	region := regionFlag(fs, e, "ISO country code for national-format phone numbers")
	// Output is always JSON lines; --json is accepted because every listing
	// command takes it and scripts pass it.
	fs.Bool("json", true, "print JSON lines (always)")
	pos, err := parseFlags(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usageError{"extract reads one FILE (or standard input)"}
	}
	var r io.Reader = e.stdin
	name := "standard input"
	if len(pos) == 1 && pos[0] != "-" {
		f, err := os.Open(pos[0])
		if err != nil {
			return err
		}
		defer f.Close()
		r, name = f, pos[0]
	}
	data, err := io.ReadAll(io.LimitReader(r, maxExtractInput+1))
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > maxExtractInput {
		return fmt.Errorf("%s: larger than %d bytes; split it", name, maxExtractInput)
	}
	out := bufio.NewWriter(e.stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for _, m := range selector.Extract(string(data), selector.Options{Region: string(*region)}) {
		if err := enc.Encode(extractedJSON{Kind: m.Kind, Value: m.Value, Canonical: m.Canonical, Start: m.Start, End: m.End}); err != nil {
			return err
		}
	}
	return out.Flush()
}
