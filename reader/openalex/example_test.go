package openalex_test

import (
	"fmt"

	"github.com/scholarld/scholarld/reader/openalex"
)

func ExampleRead() {
	// Two works of a snapshot file, one per line.
	data := []byte(`{"id": "https://openalex.org/W1", "doi": "https://doi.org/10.5555/one", "title": "One", "type": "article", "publication_year": 2020, "authorships": [{"author": {"display_name": "Ada Lovelace"}, "institutions": [{"display_name": "Example University", "ror": "https://ror.org/05gq02987"}], "is_corresponding": true}], "abstract_inverted_index": {"Two": [1], "One": [0], "three.": [2]}}
{"id": "https://openalex.org/W2", "title": "Two", "type": "dataset"}
`)
	records, err := openalex.Read(data, "works.jsonl")
	if err != nil {
		fmt.Println(err)
		return
	}
	a := records[0].Article
	fmt.Println(a.DOI, "|", a.Title, "|", a.Dates.Published, "|", a.Abstract)
	fmt.Println(a.Authors[0].Given, a.Authors[0].Family, a.Authors[0].Corresponding, a.Affiliations[0].ROR)
	fmt.Println(a.Identifiers[0].Scheme, a.Identifiers[0].Value)
	fmt.Println(records[1].Err)
	// Output:
	// 10.5555/one | One | 2020 | One Two three.
	// Ada Lovelace true https://ror.org/05gq02987
	// openalex W1
	// works.jsonl:2:1: type: OpenAlex type dataset is not a work scholarld maps
}
