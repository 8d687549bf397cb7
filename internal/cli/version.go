package cli

import (
	"fmt"
	"io"
	"runtime/debug"
)

// versionLine describes the running binary from its build information:
// the module version ("(devel)" for a build from a checkout), the commit
// and its time when the build recorded them, and the Go release.
func versionLine(info *debug.BuildInfo, ok bool) string {
	if !ok {
		return "scholarld (no build information)"
	}
	line := "scholarld " + info.Main.Version
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		line += ", commit " + rev
		if t := settings["vcs.time"]; t != "" {
			line += " of " + t
		}
		if settings["vcs.modified"] == "true" {
			line += " with local changes"
		}
	}
	return line + ", " + info.GoVersion
}

// printVersion writes the version line of the running binary.
func printVersion(w io.Writer) int {
	fmt.Fprintln(w, versionLine(debug.ReadBuildInfo()))
	return ExitOK
}
