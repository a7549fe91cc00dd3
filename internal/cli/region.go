package cli

import (
	"flag"
	"fmt"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// region is the --region flag: an ISO 3166 country code, checked when it is
// set, so that a typo stops the command with a usage error instead of
// quietly finding no phone numbers.
type region string

func (r *region) String() string { return string(*r) }

func (r *region) Set(v string) error {
	cc, err := checkRegion(v)
	if err != nil {
		return err
	}
	*r = region(cc)
	return nil
}

func checkRegion(v string) (string, error) {
	cc := strings.ToUpper(strings.TrimSpace(v))
	if cc == "" {
		return "", nil
	}
	if !phonenumbers.GetSupportedRegions()[cc] {
		return "", fmt.Errorf("unknown region %q: want an ISO 3166 country code such as KR, KH, TH, US", v)
	}
	return cc, nil
}

// regionFlag registers --region on fs, defaulting to $SCAMINT_REGION.
func regionFlag(fs *flag.FlagSet, e *env, usage string) *region {
	r := new(region)
	if env := e.getenv("SCAMINT_REGION"); env != "" {
		if cc, err := checkRegion(env); err != nil {
			fmt.Fprintf(e.stderr, "scamint: ignoring $SCAMINT_REGION: %v\n", err)
		} else {
			*r = region(cc)
		}
	}
	fs.Var(r, "region", usage+" (default $SCAMINT_REGION)")
	return r
}
