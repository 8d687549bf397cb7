package jats_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/jats"
)

// article is a small JATS article with a title.
func article(title string) string {
	return "<article><front><article-meta><title-group><article-title>" + title +
		"</article-title></title-group></article-meta></front></article>"
}

// TestSplitKeepsEveryArticle cuts article sets of several shapes: every
// article Read finds is read, at its place, and a set that holds none is
// reported, not passed over in silence.
func TestSplitKeepsEveryArticle(t *testing.T) {
	tests := []struct {
		name, input string
		want        []string // each record's "line:col title" or "error"
	}{
		{"a set", "<pmc-articleset>\n" + article("A") + "\n  " + article("B") + "\n</pmc-articleset>\n", []string{"2:1 A", "3:3 B"}},
		{"articles in groups", "<set>\n<group>\n" + article("A") + "\n</group>\n<group>" + article("B") + article("C") + "</group>\n</set>", []string{"3:1 A", "5:8 B", "5:130 C"}},
		{"articles and other children", "<set>\n<meta>x</meta>\n" + article("A") + "\n<note>article</note>\n<group>\n" + article("B") + "</group>\n</set>", []string{"3:1 A", "6:1 B"}},
		{"no article", "<pmc-articleset>\n<note/>\n</pmc-articleset>\n", []string{"error"}},
		{"one article", article("A"), []string{"1:1 A"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			whole, err := jats.Read([]byte(tt.input), "in.xml")
			var read []string
			if err != nil {
				read = []string{"error"}
			}
			for _, rec := range whole {
				read = append(read, describe(rec))
			}
			var streamed []string
			for rec := range reader.Records(strings.NewReader(tt.input), "in.xml", jats.Split, reader.DecodeAt(jats.Read, reader.WarningPathsInRecord)) {
				streamed = append(streamed, describe(rec))
			}
			if fmt.Sprint(read) != fmt.Sprint(tt.want) || fmt.Sprint(streamed) != fmt.Sprint(tt.want) {
				t.Errorf("\n    Read: %q\nstreamed: %q\n    want: %q", read, streamed, tt.want)
			}
		})
	}
}

func describe(rec reader.Record) string {
	if rec.Err != nil {
		return "error"
	}
	return fmt.Sprintf("%d:%d %s", rec.Pos.Line, rec.Pos.Column, rec.Article.Title)
}

// TestSplitGoesOnAfterABrokenArticle streams a set whose second article
// breaks XML itself (Read rejects the whole set): only that article is
// rejected, and the articles after it are read at their places.
func TestSplitGoesOnAfterABrokenArticle(t *testing.T) {
	broken := "<article><front><article-meta><title-group><article-title>B < C</article-title></title-group></article-meta></front></article>"
	tests := []struct {
		name, input string
		want        []string
	}{
		{"in the middle", "<pmc-articleset>\n" + article("A") + "\n" + broken + "\n  " + article("C") + article("D") + "\n</pmc-articleset>\n", []string{"2:1 A", "error", "4:3 C", "4:125 D"}},
		{"two broken", "<set>\n" + broken + broken + "\n" + article("C") + "</set>", []string{"error", "error", "3:1 C"}},
		{"a root tag on two lines", "<pmc-articleset\n  xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n" + broken + article("C") + "\n</pmc-articleset>", []string{"error", "3:127 C"}},
		{"at the end", "<set>\n" + article("A") + "\n" + broken + "\n</set>", []string{"2:1 A", "error"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var streamed []string
			for rec := range reader.Records(strings.NewReader(tt.input), "in.xml", jats.Split, reader.DecodeAt(jats.Read, reader.WarningPathsInRecord)) {
				streamed = append(streamed, describe(rec))
			}
			if fmt.Sprint(streamed) != fmt.Sprint(tt.want) {
				t.Errorf("\nstreamed: %q\n    want: %q", streamed, tt.want)
			}
		})
	}
}

// FuzzSplit cuts any input: no panic, and every chunk at a place in it.
func FuzzSplit(f *testing.F) {
	broken := "<article><front><article-meta><title-group><article-title>B < C</article-title></title-group></article-meta></front></article>"
	for _, seed := range []string{"<set>\n" + article("A") + broken + article("C") + "</set>", "<a><article>", "<set><g><article><front/></article></g></set>"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input string) {
		lines := strings.Count(input, "\n") + 1
		for c, err := range jats.Split(strings.NewReader(input), "in.xml") {
			if err != nil {
				return
			}
			if c.Pos.Line < 1 || c.Pos.Line > lines || c.Pos.Column < 1 {
				t.Fatalf("a chunk at %d:%d of %d lines", c.Pos.Line, c.Pos.Column, lines)
			}
		}
	})
}
