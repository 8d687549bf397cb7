package html

import (
	"encoding/json"
	"errors"
	"github.com/scholarld/scholarld/internal/testkit/readertest"
	"reflect"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
)

// checkRead holds for any input: a clean error of the expected kinds, or
// one record that is either a field error or an article passing ld.Check
// whose JSON record decodes again; and the same result every time.
func checkRead(t *testing.T, read func([]byte, string) ([]reader.Record, error), data []byte, inputError func(error) bool) {
	records, err := read(data, "fuzz")
	again, errAgain := read(data, "fuzz")
	if !reflect.DeepEqual(records, again) || (err == nil) != (errAgain == nil) {
		t.Fatal("two reads of the same input differ")
	}
	if err != nil {
		if !inputError(err) || records != nil {
			t.Fatalf("unexpected error %T: %v (records %v)", err, err, records)
		}
		return
	}
	if len(records) != 1 {
		t.Fatalf("%d records, want 1", len(records))
	}
	record := records[0]
	if record.Err != nil {
		if record.Article != nil {
			t.Fatal("a record with both an error and an article")
		}
		var fieldErr *ld.FieldError
		if !errors.As(record.Err, &fieldErr) {
			t.Fatalf("record error %T: %v", record.Err, record.Err)
		}
		return
	}
	if errs := ld.Check(record.Article); len(errs) > 0 {
		t.Fatalf("ld.Check: %v\n%+v", errs, record.Article)
	}
	encoded, err := json.Marshal(record.Article)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ld.DecodeRecord(encoded, "fuzz.json"); err != nil {
		t.Fatalf("the article's record does not decode: %v\n%s", err, encoded)
	}
}

func FuzzRead(f *testing.F) {
	readertest.AddSeeds(f, "*.html", "html/*.html")
	f.Add([]byte(`<meta name="citation_title" content="x"><meta name="citation_firstpage" content="9"><meta name="citation_lastpage" content="10">`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, Read, data, func(err error) bool { return errors.Is(err, ErrNoMetadata) })
	})
}

func FuzzReadJSONLD(f *testing.F) {
	readertest.AddSeeds(f, "*.jsonld", "schemaorg/*.json")
	f.Add([]byte(`{"@graph": [{"@type": "Article", "name": "x", "author": {"@id": "#a"}}, {"@id": "#a", "name": "Ng, W."}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, ReadJSONLD, data, func(err error) bool {
			var syntax *reader.SyntaxError
			return errors.As(err, &syntax) || strings.Contains(err.Error(), "html: no schema.org article node found")
		})
	})
}
