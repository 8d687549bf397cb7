package ld_test

import (
	"fmt"
	"os"

	"github.com/scholarld/scholarld/ld"
)

// ExampleNewContextEncoder compacts with a context of one's own: here the
// schema.org context with the official aliases "id" and "type".
func ExampleNewContextEncoder() {
	context, err := ld.ParseContext([]byte(`{"@context": ["https://schema.org", {"id": "@id", "type": "@type"}]}`), "aliases.jsonld")
	if err != nil {
		fmt.Println(err)
		return
	}
	a := &ld.Article{Title: "A minimal article", URL: "https://example.org/a/1"}
	g, _ := ld.Map(a, ld.SchemaProfile)
	enc := ld.NewContextEncoder(os.Stdout, context)
	if err := enc.Encode(g); err != nil {
		fmt.Println(err)
	}
	enc.Close()
	// Output:
	// {
	//   "@context": [
	//     "https://schema.org",
	//     {
	//       "id": "@id",
	//       "type": "@type"
	//     }
	//   ],
	//   "headline": "A minimal article",
	//   "id": "https://example.org/a/1",
	//   "name": "A minimal article",
	//   "type": "ScholarlyArticle",
	//   "url": "https://example.org/a/1"
	// }
}

// ExampleNewFrameEncoder frames two articles of one journal under it: the
// Periodical is at the top, the articles under "@reverse".
func ExampleNewFrameEncoder() {
	frame, err := ld.ParseFrame([]byte(`{
  "@context": "https://schema.org",
  "@type": "Periodical",
  "@reverse": {"isPartOf": {"@explicit": true, "headline": {}}}
}`), "periodical.frame.jsonld")
	if err != nil {
		fmt.Println(err)
		return
	}
	journal := &ld.Journal{Title: "Example Letters", ISSNs: []ld.ISSN{{Value: "2049-3630", Kind: ld.LinkingISSN}}}
	enc := ld.NewFrameEncoder(os.Stdout, frame)
	for i, title := range []string{"First", "Second"} {
		a := &ld.Article{Title: title, URL: fmt.Sprintf("https://example.org/a/%d", i+1), Journal: journal}
		g, _ := ld.Map(a, ld.SchemaProfile)
		if err := enc.Encode(g); err != nil {
			fmt.Println(err)
		}
	}
	if err := enc.Close(); err != nil { // framing happens here
		fmt.Println(err)
	}
	// Output:
	// {
	//   "@context": "https://schema.org",
	//   "@id": "https://portal.issn.org/resource/ISSN/2049-3630",
	//   "@reverse": {
	//     "isPartOf": [
	//       {
	//         "@id": "https://example.org/a/1",
	//         "@type": "ScholarlyArticle",
	//         "headline": "First"
	//       },
	//       {
	//         "@id": "https://example.org/a/2",
	//         "@type": "ScholarlyArticle",
	//         "headline": "Second"
	//       }
	//     ]
	//   },
	//   "@type": "Periodical",
	//   "issn": "2049-3630",
	//   "name": "Example Letters"
	// }
}
