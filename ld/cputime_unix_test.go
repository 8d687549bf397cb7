//go:build unix

package ld_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used, in user and system mode:
// on a machine that other work shares, a benchmark's CPU time per
// operation tells its cost where the time on the clock does not.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
