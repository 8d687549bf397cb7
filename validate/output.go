package validate

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// WriteText writes reports for people: per file, a line of counts, then
// the findings grouped by severity (errors first), each with where it is,
// its rule, its message and a one-line fix.
func WriteText(w io.Writer, reports []*Report) error {
	bw := bufio.NewWriter(w)
	for i, r := range reports {
		if i > 0 {
			fmt.Fprintln(bw)
		}
		fmt.Fprintf(bw, "%s (%s): %s\n", r.File, formatName(r.Format), counts(r))
		for _, sev := range []Severity{Error, Warning, Info} {
			for _, f := range r.Findings {
				if f.Severity != sev {
					continue
				}
				fmt.Fprintf(bw, "  %-7s %s: %s [%s]\n", f.Severity, location(r.File, &f), f.Message, f.Rule)
				fmt.Fprintf(bw, "          fix: %s\n", f.Fix)
			}
		}
	}
	return bw.Flush()
}

func formatName(format string) string {
	if format == "" {
		return "format unknown"
	}
	return format
}

// counts writes "2 errors, 1 warning, 0 info".
func counts(r *Report) string {
	plural := func(n int, word string) string {
		if n == 1 || word == "info" {
			return fmt.Sprintf("%d %s", n, word)
		}
		return fmt.Sprintf("%d %ss", n, word)
	}
	return plural(r.Count(Error), "error") + ", " + plural(r.Count(Warning), "warning") + ", " + plural(r.Count(Info), "info")
}

// location writes where a finding is: "file:line:col", then place.
func location(file string, f *Finding) string {
	at := file
	if f.Line > 0 {
		at = fmt.Sprintf("%s:%d:%d", file, f.Line, f.Column)
	}
	if p := place(f); p != "" {
		return at + ": " + p
	}
	return at
}

// place writes where a finding is within its file: "record N", the field
// path, or the node and property; "" when nothing is known.
func place(f *Finding) string {
	var parts []string
	if f.Record > 0 {
		parts = append(parts, fmt.Sprintf("record %d", f.Record))
	}
	switch {
	case f.Path != "":
		parts = append(parts, f.Path)
	case f.Node != "" && f.Property != "":
		parts = append(parts, f.Node+" <"+f.Property+">")
	case f.Node != "":
		parts = append(parts, f.Node)
	}
	return strings.Join(parts, ": ")
}

// JSONOutput is the document WriteJSON writes. Its field names are
// stable: "files" holds one object per input with "file", "format",
// "unreadable", "counts" ("error", "warning", "info") and "findings",
// each finding with "severity", "rule", "message", "fix" and, where
// known, "record", "path", "node", "property", "line", "column".
type JSONOutput struct {
	Files []JSONFile `json:"files"`
}

// JSONFile is one input of JSONOutput.
type JSONFile struct {
	*Report
	Counts map[string]int `json:"counts"`
}

// WriteJSON writes reports as one JSON document, JSONOutput.
func WriteJSON(w io.Writer, reports []*Report) error {
	out := JSONOutput{Files: make([]JSONFile, len(reports))}
	for i, r := range reports {
		out.Files[i] = JSONFile{Report: r, Counts: map[string]int{
			"error": r.Count(Error), "warning": r.Count(Warning), "info": r.Count(Info),
		}}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// SARIF 2.1.0, the subset WriteSARIF writes.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool    sarifTool     `json:"tool"`
		Results []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string       `json:"id"`
		ShortDescription     sarifMessage `json:"shortDescription"`
		Help                 sarifMessage `json:"help"`
		DefaultConfiguration struct {
			Level string `json:"level"`
		} `json:"defaultConfiguration"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex int             `json:"ruleIndex"`
		Level     string          `json:"level"`
		Message   sarifMessage    `json:"message"`
		Locations []sarifLocation `json:"locations"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region *sarifRegion `json:"region,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
)

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "note"
}

// WriteSARIF writes reports as a SARIF 2.1.0 log of one run whose driver
// lists every rule of Rules. Each result names its rule, its level
// (error, warning, note), a message that holds where in the file it is
// (the field path or the node and property) and its fix, and the file,
// with the line and column where known.
func WriteSARIF(w io.Writer, reports []*Report) error {
	driver := sarifDriver{Name: "scholarld", InformationURI: "https://github.com/scholarld/scholarld"}
	for _, r := range Rules {
		rule := sarifRule{ID: r.Name, ShortDescription: sarifMessage{r.Summary}, Help: sarifMessage{r.Fix}}
		rule.DefaultConfiguration.Level = sarifLevel(r.Severity)
		driver.Rules = append(driver.Rules, rule)
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: []sarifResult{}}
	for _, r := range reports {
		for _, f := range r.Findings {
			var loc sarifLocation
			loc.PhysicalLocation.ArtifactLocation.URI = fileURI(r.File)
			if f.Line > 0 {
				loc.PhysicalLocation.Region = &sarifRegion{StartLine: f.Line, StartColumn: f.Column}
			}
			run.Results = append(run.Results, sarifResult{
				RuleID:    f.Rule,
				RuleIndex: slices.IndexFunc(Rules, func(rule Rule) bool { return rule.Name == f.Rule }),
				Level:     sarifLevel(f.Severity),
				Message:   sarifMessage{strings.TrimPrefix(place(&f)+": ", ": ") + f.Message + " (fix: " + f.Fix + ")"},
				Locations: []sarifLocation{loc},
			})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

// fileURI writes a file name as a relative URI reference, escaping what
// a URI may not hold; standard input stays "<stdin>" escaped.
func fileURI(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', strings.IndexByte("-._~/:", c) >= 0:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
