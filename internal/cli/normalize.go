package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/scamint/scamint/internal/selector"
)

const normalizeAbout = `Canonicalise selectors. KIND is one of:
  phone email url domain crypto iban bank telegram whatsapp line kakao
  wechat signal facebook instagram x ip
A VALUE of "-" reads one value per line from standard input.

Without --json, prints the canonical form of each valid value on standard
output and the reason for each invalid one on standard error (so the output
has fewer lines than the input when values are invalid: scripts that pair
inputs with outputs should use --json). With --json,
prints one object per value:
  {"kind","input","canonical","valid","reason", …}
Exit status 1 if any value is invalid.

Phone numbers and bank accounts in national format need a region
(--region, or $SCAMINT_REGION).`

// normalizedJSON is the line `normalize --json` prints: the contract's five
// fields first, then the attributes a script may want.
type normalizedJSON struct {
	Kind      selector.Kind `json:"kind"`
	Input     string        `json:"input"`
	Canonical string        `json:"canonical"`
	Valid     bool          `json:"valid"`
	Reason    string        `json:"reason"`
	Display   string        `json:"display,omitempty"`
	Chain     string        `json:"chain,omitempty"`
	Network   string        `json:"network,omitempty"`
	Region    string        `json:"region,omitempty"`
	Domain    string        `json:"domain,omitempty"`
	Platform  string        `json:"platform,omitempty"`
}

func runNormalize(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "normalize", "normalize KIND VALUE... [--region CC] [--network NET] [--json]", normalizeAbout)
	region := regionFlag(fs, e, "ISO country code for national-format phone numbers and bank accounts")
	network := fs.String("network", "", "network of a crypto address whose form does not name it (ethereum, bsc, polygon, tron, …)")
	asJSON := fs.Bool("json", false, "print one JSON object per value")
	pos, err := parseFlags(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		return usageError{"need a KIND and at least one VALUE"}
	}
	kind := selector.Kind(strings.ToLower(pos[0]))
	if !kind.Valid() {
		return usageError{fmt.Sprintf("unknown kind %q", pos[0])}
	}
	opts := selector.Options{Region: string(*region), Network: *network}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	bad := 0
	emit := func(v string, line int) error {
		s := selector.Parse(kind, v, opts)
		if !s.Valid {
			bad++
		}
		if s.Kind == selector.Phone && s.Valid {
			s.Display = selector.FormatPhone(s.Canonical)
		}
		if *asJSON {
			return enc.Encode(normalizedJSON{
				Kind: s.Kind, Input: s.Input, Canonical: s.Canonical, Valid: s.Valid, Reason: s.Reason,
				Display: s.Display, Chain: s.Chain, Network: s.Network, Region: s.Region, Domain: s.Domain, Platform: s.Platform,
			})
		}
		if !s.Valid {
			out.Flush()
			// The value is the user's own input, echoed back to the user
			// who typed it; nothing here goes to a log.
			where := ""
			if line > 0 {
				where = fmt.Sprintf(" (standard input line %d)", line)
			}
			fmt.Fprintf(e.stderr, "invalid %s%s %q: %s\n", kind, where, v, s.Reason)
			return nil
		}
		_, err := fmt.Fprintln(out, s.Canonical)
		return err
	}
	for _, v := range pos[1:] {
		if v != "-" {
			if err := emit(v, 0); err != nil {
				return err
			}
			continue
		}
		sc := bufio.NewScanner(e.stdin)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		for n := 1; sc.Scan(); n++ {
			line := strings.TrimSpace(sc.Text())
			if line == "" {
				continue
			}
			if err := emit(line, n); err != nil {
				return err
			}
		}
		if err := sc.Err(); err != nil {
			return fmt.Errorf("read standard input: %w", err)
		}
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if bad > 0 {
		return exitError{1}
	}
	return nil
}
