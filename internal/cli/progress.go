package cli

import (
	"fmt"
	"io"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/scholarld/scholarld/reader/source"
)

// progress draws a convert run's progress on standard error: bytes read of
// the total when the inputs' size is known (with the time left), records/s
// and triples/s. It draws only on a terminal, unless --progress forces it.
type progress struct {
	bar     *progressbar.ProgressBar
	mu      sync.Mutex
	start   time.Time
	last    time.Time
	records int
	triples int
}

// newProgress returns the run's progress, which does nothing when it is
// not drawn.
func newProgress(c *convertFlags, stderr io.Writer) *progress {
	p := &progress{start: time.Now()}
	draw := c.progress
	if !c.progress && !c.noProgress {
		f, ok := stderr.(*os.File)
		draw = ok && term.IsTerminal(int(f.Fd()))
	}
	if !draw {
		return p
	}
	total, known := source.Size(c.inputs)
	if !known {
		total = -1
	}
	p.bar = progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionSetWidth(24),
		progressbar.OptionClearOnFinish(),
	)
	return p
}

// addBytes counts input bytes read; the source package calls it.
func (p *progress) addBytes(n int) {
	if p.bar != nil {
		p.bar.Add64(int64(n))
	}
}

// addRecord counts a written record, and refreshes the rates shown.
func (p *progress) addRecord(triples int) {
	if p.bar == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.records++
	p.triples += triples
	if now := time.Now(); now.Sub(p.last) > 200*time.Millisecond {
		p.last = now
		secs := now.Sub(p.start).Seconds()
		p.bar.Describe(fmt.Sprintf("%d records, %.0f records/s, %.0f triples/s", p.records, float64(p.records)/secs, float64(p.triples)/secs))
	}
}

// clear makes room for a message line.
func (p *progress) clear() {
	if p.bar != nil {
		p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

// sortByCount sorts keys by their count, highest first, then by key.
func sortByCount(keys []string, count func(string) int) {
	slices.SortFunc(keys, func(a, b string) int {
		if d := count(b) - count(a); d != 0 {
			return d
		}
		if a < b {
			return -1
		}
		return 1
	})
}
