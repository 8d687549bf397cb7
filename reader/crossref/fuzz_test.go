package crossref

import (
	"errors"
	"github.com/scholarld/scholarld/internal/testkit/readertest"
	"testing"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
)

// checkRead is the property both fuzz targets test: no panic; either an
// error of this package's kinds or records that are each an error or an
// article passing ld.Check.
func checkRead(t *testing.T, records []reader.Record, err error) {
	if err != nil {
		var syntax *reader.SyntaxError
		if !errors.As(err, &syntax) && !errors.Is(err, errNotCrossref) {
			t.Fatalf("error %q is neither a syntax error nor not-Crossref", err)
		}
		if records != nil {
			t.Fatalf("records and an error together")
		}
		return
	}
	for i, rec := range records {
		if rec.Index != i {
			t.Fatalf("record %d has index %d", i, rec.Index)
		}
		switch {
		case errors.Is(rec.Err, errInvalidArticle):
			t.Fatalf("record %d: the reader let an invalid value through: %v", i, rec.Err)
		case rec.Err != nil && rec.Article != nil:
			t.Fatalf("record %d has an error and an article", i)
		case rec.Err == nil && rec.Article == nil:
			t.Fatalf("record %d has neither an error nor an article", i)
		case rec.Article != nil:
			if errs := ld.Check(rec.Article); len(errs) > 0 {
				t.Fatalf("record %d fails ld.Check: %v", i, errs)
			}
		}
	}
}

func FuzzRead(f *testing.F) {
	readertest.AddSeeds(f, "rest/*.json", "crossref-rest/*.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		records, err := Read(data, "fuzz.json")
		checkRead(t, records, err)
	})
}

func FuzzReadXML(f *testing.F) {
	readertest.AddSeeds(f, "xml/*.xml", "crossref-xml/*.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		records, err := ReadXML(data, "fuzz.xml")
		checkRead(t, records, err)
	})
}
