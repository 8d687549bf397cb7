package ris_test

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/bibtex"
	"github.com/scholarld/scholarld/reader/ris"
)

// TestAgreesWithBibTeX reads eLife 01567 from its RIS and its BibTeX export
// and checks that the two readers agree on every field both formats carry.
func TestAgreesWithBibTeX(t *testing.T) {
	risData, err := os.ReadFile(testkit.Shared(t, "fixtures", "ris", "elife.01567.crossref.ris"))
	if err != nil {
		t.Fatal(err)
	}
	bibData, err := os.ReadFile(testkit.Shared(t, "fixtures", "bibtex", "elife.01567.crossref.bib"))
	if err != nil {
		t.Fatal(err)
	}
	risRecords, err := ris.Read(risData, "elife.ris")
	if err != nil || len(risRecords) != 1 || risRecords[0].Err != nil {
		t.Fatalf("ris.Read: %v %v", err, risRecords)
	}
	bibRecords, err := bibtex.Read(bibData, "elife.bib")
	if err != nil || len(bibRecords) != 1 || bibRecords[0].Err != nil {
		t.Fatalf("bibtex.Read: %v %v", err, bibRecords)
	}
	fromRIS, fromBib := risRecords[0].Article, bibRecords[0].Article
	fields := []struct {
		name     string
		ris, bib any
		foldCase bool // DOIs are case-insensitive
	}{
		{name: "title", ris: fromRIS.Title, bib: fromBib.Title},
		{name: "authors", ris: fromRIS.Authors, bib: fromBib.Authors},
		{name: "journal title", ris: fromRIS.Journal.Title, bib: fromBib.Journal.Title},
		{name: "ISSNs", ris: fromRIS.Journal.ISSNs, bib: fromBib.Journal.ISSNs},
		{name: "volume", ris: fromRIS.Volume, bib: fromBib.Volume},
		{name: "issue", ris: fromRIS.Issue, bib: fromBib.Issue},
		{name: "pages", ris: fromRIS.FirstPage + "-" + fromRIS.LastPage, bib: fromBib.FirstPage + "-" + fromBib.LastPage},
		{name: "article number", ris: fromRIS.ArticleNumber, bib: fromBib.ArticleNumber},
		{name: "DOI", ris: fromRIS.DOI, bib: fromBib.DOI, foldCase: true},
		{name: "URL", ris: fromRIS.URL, bib: fromBib.URL},
		{name: "year", ris: fromRIS.Dates.Published.Year, bib: fromBib.Dates.Published.Year},
		{name: "abstract", ris: fromRIS.Abstract, bib: fromBib.Abstract},
	}
	for _, f := range fields {
		same := reflect.DeepEqual(f.ris, f.bib)
		if f.foldCase {
			same = strings.EqualFold(f.ris.(string), f.bib.(string))
		}
		if !same {
			t.Errorf("%s: RIS gives %v, BibTeX %v", f.name, f.ris, f.bib)
		}
	}
	// The BibTeX export has the month; RIS only the year. Each is as
	// precise as its source.
	if got := fromRIS.Dates.Published.Precision(); got != ld.YearPrecision {
		t.Errorf("RIS date precision %v, want year", got)
	}
	if got := fromBib.Dates.Published.Precision(); got != ld.MonthPrecision {
		t.Errorf("BibTeX date precision %v, want month", got)
	}
}
