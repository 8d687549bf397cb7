package jats

import (
	"errors"
	"github.com/scholarld/scholarld/internal/testkit/readertest"
	"testing"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
)

// FuzzRead checks that any input gives a *reader.SyntaxError, or records each of
// which is an article that passes ld.Check or an error of FieldErrors.
func FuzzRead(f *testing.F) {
	readertest.AddSeeds(f, "*.xml", "jats/*.xml")
	for _, tt := range ruleTests {
		f.Add([]byte(tt.xml))
	}
	f.Add([]byte(minimal(`<contrib-group><contrib><collab>C<contrib-group><contrib/></contrib-group></collab></contrib></contrib-group><pub-date><season>Fall</season><year>2001</year></pub-date>`)))
	f.Add([]byte("<article>\n<front>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		records, err := Read(data, "fuzz.xml")
		if err != nil {
			var syntaxErr *reader.SyntaxError
			if !errors.As(err, &syntaxErr) || !syntaxErr.Pos.IsValid() {
				t.Fatalf("error %T %v is not a *reader.SyntaxError with a position", err, err)
			}
			return
		}
		if len(records) == 0 {
			t.Fatal("no records and no error")
		}
		for i, record := range records {
			if record.Err != nil {
				if record.Article != nil {
					t.Fatalf("record %d has both an article and an error", i)
				}
				var list ld.ErrorList
				if !errors.As(record.Err, &list) {
					t.Fatalf("record %d: error %T is not an ld.ErrorList", i, record.Err)
				}
				for _, err := range list {
					var fieldErr *ld.FieldError
					if !errors.As(err, &fieldErr) {
						t.Fatalf("record %d: error %T %v is not an *ld.FieldError", i, err, err)
					}
				}
				continue
			}
			if errs := ld.Check(record.Article); len(errs) > 0 {
				t.Fatalf("record %d fails ld.Check: %v", i, errs)
			}
			if record.Article.Title == "" {
				t.Fatalf("record %d has no title", i)
			}
		}
	})
}
