package cli

import (
	"os"
	"path/filepath"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows a long ingest's progress on a terminal, and nothing when
// standard error is not one (a script, a log file, CI).
type progress struct {
	bar *progressbar.ProgressBar
}

func newProgress(e *env, name string) *progress {
	f, ok := e.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription(filepath.Base(name)),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100_000_000),
		progressbar.OptionClearOnFinish(),
	)}
}

func (p *progress) update(read, size int64) {
	if p.bar == nil {
		return
	}
	if p.bar.GetMax64() != size {
		p.bar.ChangeMax64(size)
	}
	p.bar.Set64(read)
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
