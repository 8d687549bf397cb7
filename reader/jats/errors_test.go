package jats

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
)

func TestSyntaxErrors(t *testing.T) {
	mdpi, err := os.ReadFile("testdata/mdpi-like.xml")
	if err != nil {
		t.Fatal(err)
	}
	// Cut inside the history dates: line 63 is
	// `<date date-type="received"><day>30</day><month>05</month><year>2014</year></date>`.
	cut := strings.Index(string(mdpi), `<date date-type="received"><day>30</day><mon`) + len(`<date date-type="received"><day>30</day><mon`)
	tests := []struct {
		name string
		data string
		want string
	}{
		{"truncated", string(mdpi[:cut]), "in.xml:63:45: jats: unexpected end of input: <date> is not closed"},
		{"truncated after a start tag", "<article>\n<front>", "in.xml:2:8: jats: unexpected end of input: <front> is not closed"},
		{"mismatched end tag", "<article>\n  <front></article>", "in.xml:2:20: jats: element <front> closed by </article>"},
		{"unknown entity", "<article><front>&bogus;</front></article>", "in.xml:1:24: jats: invalid character entity &bogus;"},
		{"not XML", "TY  - JOUR\nER  - \n", "in.xml:1:1: jats: no XML element in the input: not JATS"},
		{"JSON", `{"message": {}}`, "in.xml:1:1: jats: no XML element in the input: not JATS"},
		{"HTML", "<html>\n<body><article>x</article></body></html>", "in.xml:1:1: jats: root element <html> holds no JATS <article>: not JATS"},
		{"Crossref XML", `<doi_records><doi_record><crossref/></doi_record></doi_records>`, "in.xml:1:1: jats: root element <doi_records> holds no JATS <article>: not JATS"},
		{"empty", "", "in.xml:1:1: jats: no XML element in the input: not JATS"},
		{"bad charset", `<?xml version="1.0" encoding="klingon"?><article/>`, "in.xml:1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			records, err := Read([]byte(tt.data), "in.xml")
			if err == nil {
				t.Fatalf("got %d records, want error %q", len(records), tt.want)
			}
			var syntaxErr *reader.SyntaxError
			if !errors.As(err, &syntaxErr) {
				t.Fatalf("error %T %v is not a *reader.SyntaxError", err, err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error\n got %q\nwant %q...", err, tt.want)
			}
		})
	}
}

// TestTruncatedPosition checks the line and column against the input.
func TestTruncatedPosition(t *testing.T) {
	data := "<article>\n<front>\n<article-meta>\n<title-group><article-title>Trunc"
	_, err := Read([]byte(data), "t.xml")
	var syntaxErr *reader.SyntaxError
	if !errors.As(err, &syntaxErr) {
		t.Fatalf("error %v is not a *reader.SyntaxError", err)
	}
	lines := strings.Split(data, "\n")
	want := ld.Position{File: "t.xml", Line: len(lines), Column: len(lines[len(lines)-1]) + 1}
	if syntaxErr.Pos != want {
		t.Errorf("position %v, want %v (the end of the input)", syntaxErr.Pos, want)
	}
}

func TestRecordErrors(t *testing.T) {
	tests := []struct {
		name, xml string
		want      []string // FieldError paths with their positions
	}{
		{
			name: "no title",
			xml:  "<article>\n<front><article-meta>\n<title-group><article-title> </article-title></title-group></article-meta></front></article>",
			want: []string{"err.xml:3:14: article-meta/title-group/article-title: required"},
		},
		{
			name: "no title group",
			xml:  "<article>\n<front>\n<article-meta><volume>1</volume></article-meta></front></article>",
			want: []string{"err.xml:3:1: article-meta/title-group/article-title: required"},
		},
		{
			name: "no article-meta",
			xml:  "<article><front/></article>",
			want: []string{"err.xml:1:1: front/article-meta: required"},
		},
		{
			name: "impossible dates",
			xml: minimal(`<history>
<date date-type="received"><day>30</day><month>2</month><year>2014</year></date>
<date date-type="accepted"><day>1</day><month>13</month><year>2014</year></date>
<date date-type="rev-recd"><month>Febtober</month><year>2014</year></date></history>
<pub-date pub-type="epub"><day>x</day><month>1</month><year>2014</year></pub-date>
<pub-date pub-type="ppub"><year>MMXIV</year></pub-date>
<pub-date pub-type="epub" iso-8601-date="2014-02-30"/>`),
			want: []string{
				"err.xml:4:1: article-meta/history/date[1]: day 30 of 2014-02 does not exist",
				"err.xml:5:1: article-meta/history/date[2]: month 13 of 2014 does not exist",
				`err.xml:6:1: article-meta/history/date[3]/month: month "Febtober" is neither`,
				`err.xml:7:1: article-meta/pub-date[1]/day: day "x" is not a number`,
				`err.xml:8:1: article-meta/pub-date[2]/year: year "MMXIV" is not a number`,
				`err.xml:9:1: article-meta/pub-date[3]: dates: "2014-02-30"`,
			},
		},
		{
			name: "dates out of order",
			xml: minimal(`<history><date date-type="accepted"><day>1</day><month>6</month><year>2014</year></date></history>
<pub-date pub-type="epub"><day>1</day><month>5</month><year>2014</year></pub-date>`),
			want: []string{"err.xml:3:1: article-meta: dates.published: 2014-05-01 is before dates.accepted 2014-06-01"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			records, err := Read([]byte(tt.xml), "err.xml")
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			record := records[0]
			if record.Article != nil || record.Err == nil {
				t.Fatalf("got article %v and error %v, want only an error", record.Article, record.Err)
			}
			var list ld.ErrorList
			if !errors.As(record.Err, &list) {
				t.Fatalf("error %T is not an ld.ErrorList", record.Err)
			}
			if len(list) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(list), len(tt.want), record.Err)
			}
			for i, err := range list {
				var fieldErr *ld.FieldError
				if !errors.As(err, &fieldErr) {
					t.Errorf("error %d %T is not an *ld.FieldError", i, err)
				}
				if !strings.HasPrefix(err.Error(), tt.want[i]) {
					t.Errorf("error %d\n got %q\nwant %q...", i, err, tt.want[i])
				}
			}
		})
	}
}

func TestArticleSet(t *testing.T) {
	data, err := os.ReadFile("testdata/pmc-articleset.xml")
	if err != nil {
		t.Fatal(err)
	}
	records, err := Read(data, "set.xml")
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if len(records) != 3 {
		t.Fatalf("got %d records, want 3", len(records))
	}
	for i, record := range records {
		if record.Index != i {
			t.Errorf("record %d has index %d", i, record.Index)
		}
	}
	eq(t, "positions", []int{records[0].Pos.Line, records[1].Pos.Line, records[2].Pos.Line}, []int{3, 13, 22})
	eq(t, "first title", records[0].Article.Title, "First article")
	eq(t, "third title", records[2].Article.Title, "Third article")
	if records[1].Article != nil || records[1].Err == nil {
		t.Fatalf("second record: article %v, error %v; want only an error", records[1].Article, records[1].Err)
	}
	want := "set.xml:17:1: article-meta/pub-date[1]: day 31 of 2020-04 does not exist"
	if records[1].Err.Error() != want {
		t.Errorf("second record error\n got %q\nwant %q", records[1].Err, want)
	}
	for _, i := range []int{0, 2} {
		if errs := ld.Check(records[i].Article); len(errs) > 0 {
			t.Errorf("record %d: %v", i, errs)
		}
	}
}

func TestSniff(t *testing.T) {
	mdpi, err := os.ReadFile("testdata/mdpi-like.xml")
	if err != nil {
		t.Fatal(err)
	}
	longComment := "<?xml version=\"1.0\"?><!--" + strings.Repeat("x", 5000) + "--><article/>"
	tests := []struct {
		name string
		data string
		want bool
	}{
		{"MDPI-like file", string(mdpi), true},
		{"bare article", "<article><front/></article>", true},
		{"prefixed article", `<jats:article xmlns:jats="x"/>`, true},
		{"article set", "\uFEFF<?xml version=\"1.0\"?>\n<pmc-articleset><article/></pmc-articleset>", true},
		{"only the first 4 KiB", longComment, false},
		{"HTML", "<!DOCTYPE html><html><article></article></html>", false},
		{"Crossref XML", `<?xml version="1.0"?><crossref_result/>`, false},
		{"JSON", `{"title": "<article>"}`, false},
		{"text before the root", "hello <article/>", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff([]byte(tt.data)); got != tt.want {
				t.Errorf("Sniff = %v, want %v", got, tt.want)
			}
		})
	}
}
