// Command scamint is an intelligence platform for investigators of
// scam-centre fraud. See README.md, and `scamint help`.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/scamint/scamint/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
