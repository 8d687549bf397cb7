package validate

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// The report writers write as findings arrive, so that a report of any
// size takes no memory and a run stopped early (--max-findings, an
// interrupted pipe) still leaves a whole document: Close completes it.

// NewTextWriter writes reports for people: each input's findings in input
// order, each with where it is, its severity, its message, its rule and
// a one-line fix; then a line of counts ("2 errors, 1 warning, 0 info")
// and the count of each rule.
func NewTextWriter(w io.Writer) Writer { return &textWriter{w: bufio.NewWriter(w)} }

type textWriter struct {
	w     *bufio.Writer
	files int
}

func (t *textWriter) Begin(file, format string) error {
	if t.files > 0 {
		t.w.WriteByte('\n')
	}
	t.files++
	return nil
}

func (t *textWriter) Finding(file string, f *Finding) error {
	fmt.Fprintf(t.w, "  %-7s %s: %s [%s]\n", f.Severity, location(file, f), f.Message, f.Rule)
	_, err := fmt.Fprintf(t.w, "          fix: %s\n", f.Fix)
	return err
}

func (t *textWriter) End(s *Summary) error {
	fmt.Fprintf(t.w, "%s (%s): %s\n", s.File, formatName(s.Format), counts(s))
	if len(s.Rules) > 0 {
		parts := make([]string, 0, len(s.Rules))
		for _, name := range ruleOrder(s.Rules) {
			parts = append(parts, fmt.Sprintf("%s %d", name, s.Rules[name]))
		}
		fmt.Fprintf(t.w, "  by rule: %s\n", strings.Join(parts, ", "))
	}
	if s.Stopped {
		fmt.Fprintf(t.w, "  stopped at the finding limit (--max-findings): the rest was not checked\n")
	}
	return nil
}

func (t *textWriter) Close() error { return t.w.Flush() }

// counts writes "2 errors, 1 warning, 0 info".
func counts(s *Summary) string {
	plural := func(n int, word string) string {
		if n == 1 || word == "info" {
			return fmt.Sprintf("%d %s", n, word)
		}
		return fmt.Sprintf("%d %ss", n, word)
	}
	return plural(s.Count(Error), "error") + ", " + plural(s.Count(Warning), "warning") + ", " + plural(s.Count(Info), "info")
}

// ruleOrder lists the rules counted, in the order of Rules.
func ruleOrder(counted map[string]int) []string {
	var out []string
	for _, r := range Rules {
		if counted[r.Name] > 0 {
			out = append(out, r.Name)
		}
	}
	return out
}

// JSONOutput is the document the JSON writer writes, for readers to
// decode. Its field names are stable: "files" holds one object per input
// with "file", "format", "findings" (each with "severity", "rule",
// "message", "fix" and, where known, "record", "path", "node",
// "property", "line", "column"), "unreadable", "stopped", "counts"
// ("error", "warning", "info") and "rules" (findings per rule name);
// "stopped" at the top tells that the run stopped at the finding limit.
type JSONOutput struct {
	Files   []JSONFile `json:"files"`
	Stopped bool       `json:"stopped"`
}

// JSONFile is one input of JSONOutput.
type JSONFile struct {
	File       string         `json:"file"`
	Format     string         `json:"format"`
	Findings   []Finding      `json:"findings"`
	Unreadable bool           `json:"unreadable"`
	Stopped    bool           `json:"stopped"`
	Counts     map[string]int `json:"counts"`
	Rules      map[string]int `json:"rules"`
}

// NewJSONWriter writes reports as one JSON document, JSONOutput, one
// finding a line.
func NewJSONWriter(w io.Writer) Writer { return &jsonWriter{w: bufio.NewWriter(w)} }

type jsonWriter struct {
	w        *bufio.Writer
	files    int
	findings int // of the current file
	stopped  bool
	buf      bytes.Buffer
}

// marshal writes v as JSON without escaping <, > and &, and without the
// encoder's newline. The result is valid until the next call with buf.
func marshal(buf *bytes.Buffer, v any) []byte {
	buf.Reset()
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	enc.Encode(v) // the values written are plain structs and maps
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// marshalString is marshal for use beside other calls.
func marshalString(buf *bytes.Buffer, v any) string { return string(marshal(buf, v)) }

func (j *jsonWriter) Begin(file, format string) error {
	if j.files == 0 {
		j.w.WriteString("{\n  \"files\": [\n")
	} else {
		j.w.WriteString(",\n")
	}
	j.files++
	j.findings = 0
	fmt.Fprintf(j.w, "    {\n      \"file\": %s,\n      \"format\": %s,\n      \"findings\": [", marshalString(&j.buf, file), marshalString(&j.buf, format))
	return nil
}

func (j *jsonWriter) Finding(file string, f *Finding) error {
	if j.findings > 0 {
		j.w.WriteByte(',')
	}
	j.findings++
	j.w.WriteString("\n        ")
	_, err := j.w.Write(marshal(&j.buf, f))
	return err
}

func (j *jsonWriter) End(s *Summary) error {
	if j.findings > 0 {
		j.w.WriteString("\n      ")
	}
	j.stopped = j.stopped || s.Stopped
	counts := map[string]int{"error": s.Count(Error), "warning": s.Count(Warning), "info": s.Count(Info)}
	fmt.Fprintf(j.w, "],\n      \"unreadable\": %t,\n      \"stopped\": %t,\n      \"counts\": %s,\n      \"rules\": %s\n    }",
		s.Unreadable, s.Stopped, marshalString(&j.buf, counts), marshalString(&j.buf, s.Rules))
	return nil
}

func (j *jsonWriter) Close() error {
	if j.files == 0 {
		j.w.WriteString("{\n  \"files\": [")
	} else {
		j.w.WriteString("\n  ")
	}
	fmt.Fprintf(j.w, "],\n  \"stopped\": %t\n}\n", j.stopped)
	return j.w.Flush()
}

// NewSARIFWriter writes reports as a SARIF 2.1.0 log of one run whose
// driver lists every rule of Rules. Each result names its rule, its level
// (error, warning, note), a message that holds where in the file it is
// (the field path or the node and property) and its fix, and the file,
// with the line and column where known. The run's property bag holds the
// count of each rule ("rules") and whether the run stopped at the finding
// limit ("stopped").
func NewSARIFWriter(w io.Writer) Writer {
	return &sarifWriter{w: bufio.NewWriter(w), rules: map[string]int{}}
}

type sarifWriter struct {
	w       *bufio.Writer
	started bool
	results int
	rules   map[string]int
	stopped bool
	buf     bytes.Buffer
}

func (s *sarifWriter) start() {
	if s.started {
		return
	}
	s.started = true
	driver := sarifDriver{Name: "scholarld", InformationURI: "https://github.com/scholarld/scholarld"}
	for _, r := range Rules {
		rule := sarifRule{ID: r.Name, ShortDescription: sarifMessage{r.Summary}, Help: sarifMessage{r.Fix}}
		rule.DefaultConfiguration.Level = sarifLevel(r.Severity)
		driver.Rules = append(driver.Rules, rule)
	}
	var tool bytes.Buffer
	json.Indent(&tool, marshal(&s.buf, sarifTool{Driver: driver}), "      ", "  ") // valid JSON from marshal
	fmt.Fprintf(s.w, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": %s,\n      \"results\": [", tool.Bytes())
}

func (s *sarifWriter) Begin(file, format string) error {
	s.start()
	return nil
}

func (s *sarifWriter) Finding(file string, f *Finding) error {
	var loc sarifLocation
	loc.PhysicalLocation.ArtifactLocation.URI = fileURI(file)
	if f.Line > 0 {
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: f.Line, StartColumn: f.Column}
	}
	res := sarifResult{
		RuleID:    f.Rule,
		RuleIndex: slices.IndexFunc(Rules, func(rule Rule) bool { return rule.Name == f.Rule }),
		Level:     sarifLevel(f.Severity),
		Message:   sarifMessage{strings.TrimPrefix(place(f)+": ", ": ") + f.Message + " (fix: " + f.Fix + ")"},
		Locations: []sarifLocation{loc},
	}
	if s.results > 0 {
		s.w.WriteByte(',')
	}
	s.results++
	s.rules[f.Rule]++
	s.w.WriteString("\n        ")
	_, err := s.w.Write(marshal(&s.buf, res))
	return err
}

func (s *sarifWriter) End(sum *Summary) error {
	s.stopped = s.stopped || sum.Stopped
	return nil
}

func (s *sarifWriter) Close() error {
	s.start()
	if s.results > 0 {
		s.w.WriteString("\n      ")
	}
	fmt.Fprintf(s.w, "],\n      \"properties\": {\"stopped\": %t, \"rules\": %s}\n    }\n  ]\n}\n", s.stopped, marshal(&s.buf, s.rules))
	return s.w.Flush()
}

// collector gathers a run's findings into Reports.
type collector struct {
	reports []*Report
}

func (c *collector) Begin(file, format string) error {
	c.reports = append(c.reports, &Report{File: file, Format: format, Findings: []Finding{}})
	return nil
}

func (c *collector) Finding(file string, f *Finding) error {
	r := c.reports[len(c.reports)-1]
	r.Findings = append(r.Findings, *f)
	return nil
}

func (c *collector) End(s *Summary) error {
	c.reports[len(c.reports)-1].Unreadable = s.Unreadable
	return nil
}

func (c *collector) Close() error { return nil }

// write replays reports made whole into a Writer.
func write(out Writer, reports []*Report) error {
	for _, r := range reports {
		if err := out.Begin(r.File, r.Format); err != nil {
			return err
		}
		s := &Summary{File: r.File, Format: r.Format, Unreadable: r.Unreadable, Rules: map[string]int{}}
		for i := range r.Findings {
			f := &r.Findings[i]
			if err := out.Finding(r.File, f); err != nil {
				return err
			}
			s.Counts[f.Severity]++
			s.Rules[f.Rule]++
		}
		if err := out.End(s); err != nil {
			return err
		}
	}
	return out.Close()
}

// WriteText writes reports made whole with the text writer.
func WriteText(w io.Writer, reports []*Report) error { return write(NewTextWriter(w), reports) }

// WriteJSON writes reports made whole as one JSON document, JSONOutput.
func WriteJSON(w io.Writer, reports []*Report) error { return write(NewJSONWriter(w), reports) }

// WriteSARIF writes reports made whole as a SARIF 2.1.0 log.
func WriteSARIF(w io.Writer, reports []*Report) error { return write(NewSARIFWriter(w), reports) }

// UnmarshalText reads a severity's name, so that JSONOutput decodes.
func (s *Severity) UnmarshalText(text []byte) error {
	for i, name := range severityNames {
		if name == string(text) {
			*s = Severity(i)
			return nil
		}
	}
	return fmt.Errorf("validate: unknown severity %q", text)
}
