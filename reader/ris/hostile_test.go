package ris_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/ris"
)

// TestHostileInput checks the repairs the issue asks to be reported: NUL
// removed, a space in a link encoded or the link rejected, never cut, and
// UTF-16 input decoded.
func TestHostileInput(t *testing.T) {
	records := readFile(t, "testdata/hostile.ris")
	if len(records) != 1 || records[0].Err != nil {
		t.Fatalf("%+v", records)
	}
	a := records[0].Article
	if a.Title != "NUL in a title" {
		t.Errorf("title %q", a.Title)
	}
	// The link with a space in its host is rejected, not cut to
	// "http://exa"; the next one, with a ";" in its path, is the page.
	if a.URL != "https://example.org/x;y" {
		t.Errorf("URL %q, want https://example.org/x;y", a.URL)
	}
	if !slices.Equal(fileURLs(a), []string{"https://example.org/a%20b.pdf"}) {
		t.Errorf("files %v", fileURLs(a))
	}
	var got []string
	for _, w := range records[0].Warnings {
		got = append(got, w.String())
	}
	for _, want := range []string{
		"TY: 1 NUL characters removed",
		`UR: the space in "https://example.org/a b.pdf" encoded as %20`,
		`UR: the space in "http://exa mple.org/landing" encoded as %20`,
		`UR: dropped: `,
	} {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, want) }) {
			t.Errorf("missing warning %q in %q", want, got)
		}
	}
	for _, g := range got {
		if strings.Contains(g, "http://exa\"") {
			t.Errorf("a link cut at its space: %s", g)
		}
	}
}

func fileURLs(a *ld.Article) []string {
	var urls []string
	for _, f := range a.Files {
		urls = append(urls, f.URL)
	}
	return urls
}

func TestUTF16(t *testing.T) {
	const record = "TY  - JOUR\r\nTI  - Über UTF-16\r\nER  - \r\n"
	data := []byte{0xFF, 0xFE}
	for _, r := range record {
		data = append(data, byte(r), byte(r>>8))
	}
	if !ris.Sniff(data) {
		t.Error("Sniff does not see RIS in UTF-16")
	}
	records, err := ris.Read(data, "utf16.ris")
	if err != nil || len(records) != 1 || records[0].Err != nil {
		t.Fatalf("%v %+v", err, records)
	}
	if records[0].Article.Title != "Über UTF-16" {
		t.Errorf("title %q", records[0].Article.Title)
	}
	if w := records[0].Warnings; len(w) == 0 || !strings.Contains(w[0].Msg, "UTF-16") {
		t.Errorf("warnings %v: want the decoding named", w)
	}
}

// TestYearRange keeps the first year of a range, with a warning, and
// tells a range from a year and month.
func TestYearRange(t *testing.T) {
	records := readFile(t, "testdata/year-range.ris")
	want := []struct {
		date    ld.Date
		warning string
	}{
		{ld.Date{Year: 1984}, "PY: year range 1984 - 1985: the first year is kept"},
		{ld.Date{Year: 1984}, "PY: year range 1984-85: the first year is kept"},
		{ld.Date{Year: 2014, Month: 8}, ""},
	}
	for i, w := range want {
		a := records[i].Article
		if a == nil || a.Dates.Published != w.date {
			t.Errorf("record %d: %+v, want published %v", i, records[i], w.date)
			continue
		}
		found := w.warning == ""
		for _, got := range records[i].Warnings {
			found = found || got.String() == w.warning
		}
		if !found {
			t.Errorf("record %d: warnings %v, want %q", i, records[i].Warnings, w.warning)
		}
	}
}
