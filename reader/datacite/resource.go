package datacite

import (
	"encoding/json"
	"strconv"
	"strings"
)

// resource is one DataCite record in the metadata kernel's terms, as
// both the JSON and the XML forms give it. Fields the reader does not use
// are left out and ignored.
type resource struct {
	DOI                string
	URL                string
	Creators           []creator
	Contributors       []creator
	Titles             []title
	Publisher          string
	PublicationYear    string
	Dates              []date
	ResourceTypeGen    string
	ResourceType       string
	Subjects           []string
	Language           string
	RelatedIdentifiers []relatedIdentifier
	RelatedItems       []relatedItem
	Rights             []rights
	Descriptions       []description
	Funding            []fundingReference
	Container          container
}

type creator struct {
	Name            string
	NameType        string // "Personal", "Organizational" or empty
	GivenName       string
	FamilyName      string
	ContributorType string
	NameIDs         []nameIdentifier
	Affiliations    []affiliation
}

type nameIdentifier struct {
	ID, Scheme string
}

type affiliation struct {
	Name, ID, Scheme string
}

type title struct {
	Title, Type, Lang string
}

type date struct {
	Date, Type string
}

type relatedIdentifier struct {
	ID, IDType, RelationType, ResourceTypeGeneral string
}

// relatedItem is a kernel 4.4 relatedItem: the journal or book a work is
// published in, described in place.
type relatedItem struct {
	ItemType, RelationType string
	ID, IDType             string
	Titles                 []string
	Volume, Issue          string
	FirstPage, LastPage    string
	Publisher              string
}

type rights struct {
	Text, URI, ID, IDScheme string
}

type description struct {
	Text, Type, Lang string
}

type fundingReference struct {
	FunderName, FunderID, FunderIDType string
	AwardNumber, AwardURI, AwardTitle  string
}

// container is the REST API's summary of what a work is part of.
type container struct {
	Type, Title, Identifier, IdentifierType string
	Volume, Issue, FirstPage, LastPage      string
}

// flexString decodes a JSON string, number or null as a string: the REST
// API writes publicationYear as a number, the schema's JSON as a string.
type flexString string

func (s *flexString) UnmarshalJSON(data []byte) error {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	switch v := v.(type) {
	case string:
		*s = flexString(v)
	case float64:
		*s = flexString(strconv.FormatFloat(v, 'f', -1, 64))
	case map[string]any: // kernel 4.5's publisher object
		name, _ := v["name"].(string)
		*s = flexString(name)
	}
	return nil
}

// flexAffiliation decodes an affiliation given as a string (the REST API
// by default) or as an object with its identifier (kernel 4.3 and later).
type flexAffiliation affiliation

func (a *flexAffiliation) UnmarshalJSON(data []byte) error {
	var name string
	if json.Unmarshal(data, &name) == nil {
		*a = flexAffiliation{Name: name}
		return nil
	}
	var obj struct {
		Name                        string `json:"name"`
		AffiliationIdentifier       string `json:"affiliationIdentifier"`
		AffiliationIdentifierScheme string `json:"affiliationIdentifierScheme"`
	}
	if err := json.Unmarshal(data, &obj); err != nil {
		return err
	}
	*a = flexAffiliation{Name: obj.Name, ID: obj.AffiliationIdentifier, Scheme: obj.AffiliationIdentifierScheme}
	return nil
}

// flexList decodes a list, or a single value as a list of one, as the
// older JSON forms write a lone subject or affiliation.
type flexList[T any] []T

func (l *flexList[T]) UnmarshalJSON(data []byte) error {
	if trimmed := strings.TrimSpace(string(data)); strings.HasPrefix(trimmed, "[") {
		var items []T
		err := json.Unmarshal(data, &items)
		*l = items
		return err
	}
	if strings.TrimSpace(string(data)) == "null" {
		*l = nil
		return nil
	}
	var one T
	if err := json.Unmarshal(data, &one); err != nil {
		return err
	}
	*l = []T{one}
	return nil
}
