package bibtex

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
)

// TestBracesTooDeep feeds three million nested braces, which once
// overflowed the stack: the entry is rejected with the position of the
// brace past maxBraceDepth, and the entry after it is still read.
func TestBracesTooDeep(t *testing.T) {
	deep := "@article{deep,\n  title = " + strings.Repeat("{", 3_000_000) + "\n}\n@article{ok, title = {Fine}, year = 2020}\n"
	records, err := Read([]byte(deep), "deep.bib")
	if err != nil || len(records) != 2 {
		t.Fatalf("%v, %d records", err, len(records))
	}
	if records[0].Err == nil || !strings.Contains(records[0].Err.Error(), "braces nest deeper than 100 levels") {
		t.Fatalf("record 0: %v", records[0].Err)
	}
	want := "deep.bib:2:" + strconv.Itoa(len("  title = ")+maxBraceDepth+1)
	if !strings.Contains(records[0].Err.Error(), want) {
		t.Errorf("record 0: %v, want the position %s", records[0].Err, want)
	}
	if records[1].Err != nil || records[1].Article.Title != "Fine" {
		t.Errorf("record 1: %+v", records[1])
	}
}

// TestLaTeXGroupsBounded calls the LaTeX decoder directly on nesting the
// parser would refuse: it stays bounded and reads the excess as text.
func TestLaTeXGroupsBounded(t *testing.T) {
	got := decodePlain(strings.Repeat("{", 1_000_000)+"x"+strings.Repeat("}", 1_000_000), func(string) {})
	if !strings.HasSuffix(got, "x") {
		t.Errorf("decoded %q…", got[:min(len(got), 20)])
	}
}

func TestInputRepairs(t *testing.T) {
	records, err := Read([]byte("@article{a, title = {Null\x00 byte}, year = 2020}\n"), "nul.bib")
	if err != nil || len(records) != 1 || records[0].Err != nil {
		t.Fatalf("%v %+v", err, records)
	}
	if records[0].Article.Title != "Null byte" {
		t.Errorf("title %q", records[0].Article.Title)
	}
	if w := records[0].Warnings; len(w) == 0 || w[0].String() != "@article: 1 NUL characters removed" {
		t.Errorf("warnings %v", w)
	}
	utf16 := []byte{0xFE, 0xFF}
	for _, r := range "@article{b, title = {Ärger}, year = 2021}" {
		utf16 = append(utf16, byte(r>>8), byte(r))
	}
	if !Sniff(utf16) {
		t.Error("Sniff does not see BibTeX in UTF-16")
	}
	records, err = Read(utf16, "utf16.bib")
	if err != nil || len(records) != 1 || records[0].Err != nil || records[0].Article.Title != "Ärger" {
		t.Fatalf("%v %+v", err, records)
	}
}

// TestReportNumber reads an NBER working paper: its number is the
// report's, not an issue of a periodical.
func TestReportNumber(t *testing.T) {
	data, err := os.ReadFile("testdata/techreport.bib")
	if err != nil {
		t.Fatal(err)
	}
	records, err := Read(data, "techreport.bib")
	if err != nil || len(records) != 1 || records[0].Err != nil {
		t.Fatalf("%v %+v", err, records)
	}
	a := records[0].Article
	if a.Issue != "" || a.Journal != nil {
		t.Errorf("issue %q, journal %+v: want neither", a.Issue, a.Journal)
	}
	if a.Type != ld.WorkingPaper || a.ReportNumber != "29971" || a.Series == nil || a.Series.Title != "Working Paper Series" ||
		a.Publisher == nil || a.Publisher.Name != "National Bureau of Economic Research" {
		t.Errorf("type %q, report number %q, series %+v, publisher %+v: want an NBER working paper 29971 in its series", a.Type, a.ReportNumber, a.Series, a.Publisher)
	}
	if len(records[0].Warnings) != 0 {
		t.Errorf("warnings %v", records[0].Warnings)
	}
}
