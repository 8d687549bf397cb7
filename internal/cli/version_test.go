package cli

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionLine(t *testing.T) {
	info := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/scholarld/scholarld", Version: "v1.2.0"}}
	for _, tt := range []struct {
		settings []debug.BuildSetting
		want     string
	}{
		{nil, "scholarld v1.2.0, go1.26.8"},
		{[]debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-12-02T05:00:00Z"}, {Key: "vcs.modified", Value: "true"}},
			"scholarld v1.2.0, commit 0123456789ab of 2026-12-02T05:00:00Z with local changes, go1.26.8"},
	} {
		info.Settings = tt.settings
		if got := versionLine(info, true); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
	if got := versionLine(nil, false); got != "scholarld (no build information)" {
		t.Errorf("without build information: %q", got)
	}
	for _, arg := range []string{"version", "--version", "-version"} {
		code, out, _ := run(t, "", arg)
		if code != ExitOK || !strings.HasPrefix(out, "scholarld ") || !strings.Contains(out, ", go1.") {
			t.Errorf("%s: exit %d, %q", arg, code, out)
		}
	}
}
