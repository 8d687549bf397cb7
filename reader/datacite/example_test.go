package datacite_test

import (
	"fmt"

	"github.com/scholarld/scholarld/reader/datacite"
)

func ExampleRead() {
	data := []byte(`{"data": {"id": "10.5555/preprint-2", "type": "dois", "attributes": {
  "doi": "10.5555/preprint-2",
  "creators": [{"name": "Carberry, Josiah", "nameType": "Personal",
    "nameIdentifiers": [{"nameIdentifier": "https://orcid.org/0000-0002-1825-0097", "nameIdentifierScheme": "ORCID"}]}],
  "titles": [{"title": "A Preprint"}],
  "publisher": "Example Preprint Server",
  "publicationYear": 2024,
  "types": {"resourceTypeGeneral": "Preprint"},
  "fundingReferences": [{"funderName": "Wellcome Trust", "funderIdentifier": "https://ror.org/029chgv08", "funderIdentifierType": "ROR", "awardNumber": "226789"}]
}}}`)
	records, err := datacite.Read(data, "preprint.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	a := records[0].Article
	fmt.Println(a.Type, "|", a.Title, "|", a.Publisher.Name, "|", a.Dates.Published)
	fmt.Println(a.Authors[0].Family, a.Authors[0].ORCID)
	fmt.Println(a.Funding[0].Funder.Name, a.Funding[0].Funder.ROR, a.Funding[0].Award)

	dataset := []byte(`{"titles": [{"title": "Some data"}], "types": {"resourceTypeGeneral": "Dataset"}}`)
	records, _ = datacite.Read(dataset, "data.json")
	fmt.Println(records[0].Err)
	// Output:
	// preprint | A Preprint | Example Preprint Server | 2024
	// Carberry 0000-0002-1825-0097
	// Wellcome Trust https://ror.org/029chgv08 226789
	// data.json:1:1: types.resourceTypeGeneral: DataCite resourceTypeGeneral Dataset is not a work scholarld maps
}
