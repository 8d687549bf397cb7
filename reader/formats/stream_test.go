package formats_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/formats"
)

// streamInputs are the inputs the streaming test reads: the real
// fixtures, the testdata records, and the readers' own rule fixtures.
func streamInputs(t *testing.T) []string {
	root := testkit.Root(t)
	var paths []string
	for _, pattern := range []string{"testdata/fixtures/*/*", "testdata/records/*.json", "reader/*/testdata/*", "reader/*/testdata/*/*"} {
		found, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, found...)
	}
	return paths
}

// TestStreamingReadsWhatReadReads reads every input twice, whole with
// Read and chunk by chunk with Split and Decode, and checks that both give
// the same records: articles, warnings, and errors with their positions.
func TestStreamingReadsWhatReadReads(t *testing.T) {
	checked := map[string]int{}
	for _, path := range streamInputs(t) {
		info, err := os.Stat(path)
		if err != nil || info.IsDir() || strings.HasSuffix(path, ".md") {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		in, err := formats.Detect(path, data)
		if err != nil || in.Split == nil {
			continue
		}
		t.Run(strings.TrimPrefix(path, testkit.Root(t)+"/"), func(t *testing.T) {
			whole, err := in.Read(data, path)
			if err != nil {
				whole = []reader.Record{{Err: err}}
			}
			streamed := slicesCollect(reader.Records(bytes.NewReader(data), path, in.Split, in.Decode))
			if len(whole) != len(streamed) {
				t.Fatalf("Read gives %d records, streaming %d", len(whole), len(streamed))
			}
			for i := range whole {
				w, s := whole[i], streamed[i]
				if !reflect.DeepEqual(w.Article, s.Article) {
					t.Errorf("record %d: the articles differ", i+1)
				}
				if w.Pos.IsValid() && w.Pos != s.Pos {
					t.Errorf("record %d: at %v read whole, at %v streamed", i+1, w.Pos, s.Pos)
				}
				// Field errors are the same; an element that cannot be read
				// at all is reported in the splitter's or reader's words.
				var wl, sl ld.ErrorList
				exact := errors.As(w.Err, &wl) || errors.As(s.Err, &sl)
				if exact && fmt.Sprint(w.Err) != fmt.Sprint(s.Err) || (w.Err == nil) != (s.Err == nil) {
					t.Errorf("record %d: error\n  Read: %v\nstream: %v", i+1, w.Err, s.Err)
				}
				// An error is placed where Read places it, unless the
				// splitter found it first, in its own words ("json: ...").
				if w.Err != nil && s.Err != nil && !strings.HasPrefix(s.Err.Error(), "json: ") && place(w.Err) != place(s.Err) {
					t.Errorf("record %d: error at %s read whole, at %s streamed\n  Read: %v\nstream: %v", i+1, place(w.Err), place(s.Err), w.Err, s.Err)
				}
				if fmt.Sprint(w.Warnings) != fmt.Sprint(s.Warnings) {
					t.Errorf("record %d: warnings\n  Read: %v\nstream: %v", i+1, w.Warnings, s.Warnings)
				}
			}
		})
		checked[in.Name]++
	}
	t.Logf("inputs read both ways, by format: %v", checked)
	for _, in := range formats.Inputs {
		if in.Split != nil && checked[in.Name] == 0 {
			t.Errorf("no input of format %s was read both ways", in.Name)
		}
	}
}

// place is the first "line:col" of an error's message.
func place(err error) string {
	return placeRE.FindString(err.Error())
}

var placeRE = regexp.MustCompile(`:\d+:\d+:`)

func slicesCollect(seq func(func(reader.Record) bool)) []reader.Record {
	var out []reader.Record
	for r := range seq {
		out = append(out, r)
	}
	return out
}

// FuzzStreaming reads any input with every format's Split and Decode:
// no panic, and each record holds an article or an error.
func FuzzStreaming(f *testing.F) {
	for _, path := range []string{"testdata/fixtures/ris/elife.01567.crossref.ris", "testdata/fixtures/bibtex/elife.01567.crossref.bib", "reader/jats/testdata/pmc-articleset.xml", "testdata/fixtures/crossref-rest/acs.orglett.9b00971.crossref-envelope.json"} {
		data, err := os.ReadFile(filepath.Join(testkit.Root(f), path))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, in := range formats.Inputs {
			if in.Split == nil {
				continue
			}
			for rec := range reader.Records(bytes.NewReader(data), "in", in.Split, in.Decode) {
				if (rec.Article == nil) == (rec.Err == nil) {
					t.Fatalf("%s: a record with article %v and error %v", in.Name, rec.Article != nil, rec.Err)
				}
			}
		}
	})
}
