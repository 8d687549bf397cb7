package validate

import (
	"fmt"
	"strings"
)

func formatName(format string) string {
	if format == "" {
		return "format unknown"
	}
	return format
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

// SARIF 2.1.0, the subset WriteSARIF writes.
type (
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
