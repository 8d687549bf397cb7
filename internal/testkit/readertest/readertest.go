package readertest

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/scholarld/scholarld/internal/testkit"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
)

// ReadFunc is a format's reader: csl.Read, jats.Read, bibtex.Read.
type ReadFunc func(data []byte, file string) ([]reader.Record, error)

// ReadFile reads the file at path with read, naming the input file in
// positions and messages, and fails the test when the file cannot be
// opened or the input as a whole cannot be read.
func ReadFile(t testing.TB, read ReadFunc, path, file string) []reader.Record {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	records, err := read(data, file)
	if err != nil {
		t.Fatalf("Read(%s): %v", path, err)
	}
	return records
}

// Only returns the single record of records, and fails the test unless
// there is exactly one and its article passes ld.Check.
func Only(t testing.TB, records []reader.Record) reader.Record {
	t.Helper()
	if len(records) != 1 {
		t.Fatalf("got %d records, want 1", len(records))
	}
	record := records[0]
	if record.Err != nil {
		t.Fatalf("record error: %v", record.Err)
	}
	if errs := ld.Check(record.Article); len(errs) > 0 {
		t.Fatalf("ld.Check: %v", errs)
	}
	return record
}

// Want is what one record of a test input must give: an article (or the
// error that rejects it), the line it starts on and every warning.
type Want struct {
	Line     int
	Article  *ld.Article
	Warnings []string
	Err      string // the whole error message; "" for none
}

// CheckRecords compares records with wants and runs ld.Check on every
// article.
func CheckRecords(t testing.TB, records []reader.Record, wants []Want) {
	t.Helper()
	if len(records) != len(wants) {
		t.Fatalf("got %d records, want %d:\n%s", len(records), len(wants), Show(records))
	}
	for i, w := range wants {
		r := records[i]
		if r.Index != i {
			t.Errorf("record %d: Index = %d", i, r.Index)
		}
		if r.Pos.Line != w.Line {
			t.Errorf("record %d: starts at line %d, want %d", i, r.Pos.Line, w.Line)
		}
		gotErr := ""
		if r.Err != nil {
			gotErr = r.Err.Error()
		}
		if gotErr != w.Err {
			t.Errorf("record %d: error\n got: %s\nwant: %s", i, gotErr, w.Err)
		}
		if (r.Err == nil) == (r.Article == nil) {
			t.Errorf("record %d: Err %v with Article %v: exactly one must be set", i, r.Err, r.Article)
		}
		if !reflect.DeepEqual(r.Article, w.Article) {
			t.Errorf("record %d: article\n got: %s\nwant: %s", i, JSON(r.Article), JSON(w.Article))
		}
		var warnings []string
		for _, warning := range r.Warnings {
			warnings = append(warnings, warning.String())
		}
		if !reflect.DeepEqual(warnings, w.Warnings) {
			t.Errorf("record %d: warnings\n got: %q\nwant: %q", i, warnings, w.Warnings)
		}
		if r.Article != nil {
			if errs := ld.Check(r.Article); len(errs) > 0 {
				t.Errorf("record %d: ld.Check: %v", i, errs)
			}
		}
	}
}

// JSON is v as indented JSON, for a failure message.
func JSON(v any) string {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err.Error()
	}
	return string(data)
}

// Show lists records, each with its position, error, warnings and
// article, for a failure message.
func Show(records []reader.Record) string {
	var b strings.Builder
	for _, r := range records {
		fmt.Fprintf(&b, "%v err=%v warnings=%v\n%s\n", r.Pos, r.Err, r.Warnings, JSON(r.Article))
	}
	return b.String()
}

// CheckFuzzRecords is the property every reader's fuzz target checks of
// what Read returned: an input error comes with no records, and every
// record is either an article that passes ld.Check or a typed error
// (*reader.SyntaxError or *ld.FieldError), never both or neither.
func CheckFuzzRecords(t testing.TB, records []reader.Record, err error) {
	t.Helper()
	if err != nil {
		if records != nil {
			t.Fatalf("error %v with records", err)
		}
		return
	}
	for _, r := range records {
		switch {
		case r.Err != nil && r.Article != nil:
			t.Fatalf("record %d has both an error and an article", r.Index)
		case r.Err != nil:
			var syntaxErr *reader.SyntaxError
			var fieldErr *ld.FieldError
			if !errors.As(r.Err, &syntaxErr) && !errors.As(r.Err, &fieldErr) {
				t.Fatalf("record %d: untyped error %T: %v", r.Index, r.Err, r.Err)
			}
		case r.Article == nil:
			t.Fatalf("record %d has neither an error nor an article", r.Index)
		default:
			if errs := ld.Check(r.Article); len(errs) > 0 {
				t.Fatalf("record %d fails ld.Check: %v\n%s", r.Index, errs, JSON(r.Article))
			}
		}
	}
}

// AddSeeds adds to a fuzz corpus the files of the package's testdata that
// match testdata, and the real-record fixtures of the module's
// testdata/fixtures that match shared. Patterns are filepath.Glob's.
func AddSeeds(f *testing.F, testdata, shared string) {
	f.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", testdata))
	if err != nil {
		f.Fatal(err)
	}
	more, err := filepath.Glob(filepath.Join(testkit.Shared(f, "fixtures"), shared))
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range append(paths, more...) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}
