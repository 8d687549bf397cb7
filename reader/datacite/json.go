package datacite

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/textpos"
)

// errNotDataCite is wrapped by the error Read and ReadXML return for input
// that is well-formed but not DataCite metadata.
var errNotDataCite = errors.New("not DataCite metadata")

// Read reads DataCite JSON: a REST API response for one DOI
// ({"data": {"attributes": ...}}) or a list ({"data": [...]}), or the
// schema's plain JSON form (the attributes object alone, as DOI content
// negotiation gives application/vnd.datacite.datacite+json). file names
// the input in errors. A bad item of a list rejects only itself.
func Read(data []byte, file string) ([]reader.Record, error) {
	lines := textpos.New(data, file)
	start := 0
	if bytes.HasPrefix(data, utf8BOM) {
		start, data = len(utf8BOM), data[len(utf8BOM):]
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			return nil, &reader.SyntaxError{Format: "datacite", Pos: lines.Position(start + textpos.JSONErrorOffset(syntax)), Err: err}
		}
		return nil, fmt.Errorf("datacite: %s: %w: the JSON is not an object", file, errNotDataCite)
	}
	raw, offset, isAPI := textpos.JSONMember(data, "data")
	if !isAPI {
		return []reader.Record{readItem(data, 0, "", lines.Position(start))}, nil
	}
	if raw[0] == '[' {
		return readList(raw, lines, start+offset)
	}
	return []reader.Record{readItem(raw, 0, "data.", lines.Position(start+offset))}, nil
}

var utf8BOM = []byte("\xef\xbb\xbf")

// readList reads the items of a REST API list, which starts at base in
// the input, each at its position.
func readList(raw []byte, lines *textpos.Lines[[]byte], base int) ([]reader.Record, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("datacite: %s: %w", lines.Position(base), err)
	}
	var records []reader.Record
	for i := 0; dec.More(); i++ {
		offset := int(dec.InputOffset())
		var item json.RawMessage
		if err := dec.Decode(&item); err != nil {
			return nil, fmt.Errorf("datacite: %s: data[%d]: %w", lines.Position(base+offset), i, err)
		}
		// InputOffset is where the decoder stood: skip the comma and space.
		offset += len(raw[offset:]) - len(bytes.TrimLeft(raw[offset:], " \t\r\n,"))
		records = append(records, readItem(item, i, fmt.Sprintf("data[%d].", i), lines.Position(base+offset)))
	}
	return records, nil
}

// readItem reads one work: a REST API item ({"id", "type", "attributes"})
// or the attributes themselves. prefix is the item's path in the input.
func readItem(raw []byte, index int, prefix string, pos ld.Position) reader.Record {
	var item struct {
		Type       string          `json:"type"`
		Attributes json.RawMessage `json:"attributes"`
	}
	if err := json.Unmarshal(raw, &item); err != nil {
		return errRecord(index, pos, prefix, err)
	}
	attrs := raw
	if item.Attributes != nil {
		attrs, prefix = item.Attributes, prefix+"attributes."
	}
	var a jsonAttributes
	if err := json.Unmarshal(attrs, &a); err != nil {
		return errRecord(index, pos, prefix, err)
	}
	return build(a.resource(), index, pos, prefix)
}

func errRecord(index int, pos ld.Position, prefix string, err error) reader.Record {
	path := prefix
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		path += typeErr.Field
		err = fmt.Errorf("want a JSON %s, found %s", typeErr.Type, typeErr.Value)
	}
	if path == "" {
		path = "(record)"
	}
	return reader.Record{Index: index, Pos: pos, Err: &ld.FieldError{Pos: pos, Path: trimDot(path), Err: err}}
}

func trimDot(s string) string {
	if len(s) > 0 && s[len(s)-1] == '.' {
		return s[:len(s)-1]
	}
	return s
}

// jsonAttributes is a DOI's attributes in the REST API and in the
// schema's JSON form; both name the kernel's properties alike.
type jsonAttributes struct {
	DOI         string `json:"doi"`
	ID          string `json:"id"`
	URL         string `json:"url"`
	Identifiers []struct {
		Identifier     string `json:"identifier"`
		IdentifierType string `json:"identifierType"`
	} `json:"identifiers"`
	Creators        []jsonCreator `json:"creators"`
	Contributors    []jsonCreator `json:"contributors"`
	Titles          []jsonTitle   `json:"titles"`
	Publisher       flexString    `json:"publisher"`
	PublicationYear flexString    `json:"publicationYear"`
	Dates           []struct {
		Date     flexString `json:"date"`
		DateType string     `json:"dateType"`
	} `json:"dates"`
	Types struct {
		ResourceTypeGeneral string `json:"resourceTypeGeneral"`
		ResourceType        string `json:"resourceType"`
	} `json:"types"`
	Subjects flexList[struct {
		Subject string `json:"subject"`
	}] `json:"subjects"`
	Language           string `json:"language"`
	RelatedIdentifiers []struct {
		RelatedIdentifier     string `json:"relatedIdentifier"`
		RelatedIdentifierType string `json:"relatedIdentifierType"`
		RelationType          string `json:"relationType"`
		ResourceTypeGeneral   string `json:"resourceTypeGeneral"`
	} `json:"relatedIdentifiers"`
	RelatedItems []struct {
		RelatedItemType       string `json:"relatedItemType"`
		RelationType          string `json:"relationType"`
		RelatedItemIdentifier struct {
			RelatedItemIdentifier     string `json:"relatedItemIdentifier"`
			RelatedItemIdentifierType string `json:"relatedItemIdentifierType"`
		} `json:"relatedItemIdentifier"`
		Titles []struct {
			Title string `json:"title"`
		} `json:"titles"`
		Volume    flexString `json:"volume"`
		Issue     flexString `json:"issue"`
		FirstPage flexString `json:"firstPage"`
		LastPage  flexString `json:"lastPage"`
		Publisher flexString `json:"publisher"`
	} `json:"relatedItems"`
	RightsList []struct {
		Rights                 string `json:"rights"`
		RightsURI              string `json:"rightsUri"`
		RightsURIUpper         string `json:"rightsURI"`
		RightsIdentifier       string `json:"rightsIdentifier"`
		RightsIdentifierScheme string `json:"rightsIdentifierScheme"`
	} `json:"rightsList"`
	Descriptions []struct {
		Description     flexString `json:"description"`
		DescriptionType string     `json:"descriptionType"`
		Lang            string     `json:"lang"`
	} `json:"descriptions"`
	FundingReferences []struct {
		FunderName           string `json:"funderName"`
		FunderIdentifier     string `json:"funderIdentifier"`
		FunderIdentifierType string `json:"funderIdentifierType"`
		AwardNumber          string `json:"awardNumber"`
		AwardURI             string `json:"awardUri"`
		AwardTitle           string `json:"awardTitle"`
	} `json:"fundingReferences"`
	Container struct {
		Type           string     `json:"type"`
		Title          string     `json:"title"`
		Identifier     string     `json:"identifier"`
		IdentifierType string     `json:"identifierType"`
		Volume         flexString `json:"volume"`
		Issue          flexString `json:"issue"`
		FirstPage      flexString `json:"firstPage"`
		LastPage       flexString `json:"lastPage"`
	} `json:"container"`
}

type jsonCreator struct {
	Name            string `json:"name"`
	NameType        string `json:"nameType"`
	GivenName       string `json:"givenName"`
	FamilyName      string `json:"familyName"`
	ContributorType string `json:"contributorType"`
	NameIdentifiers flexList[struct {
		NameIdentifier       string `json:"nameIdentifier"`
		NameIdentifierScheme string `json:"nameIdentifierScheme"`
	}] `json:"nameIdentifiers"`
	Affiliation flexList[flexAffiliation] `json:"affiliation"`
}

type jsonTitle struct {
	Title     flexString `json:"title"`
	TitleType string     `json:"titleType"`
	Lang      string     `json:"lang"`
}

// doiURL matches the DOI resolver forms of the schema JSON's "id".
var doiURL = regexp.MustCompile(`^https?://(dx\.)?doi\.org/`)

func (a *jsonAttributes) resource() *resource {
	r := &resource{
		DOI: a.DOI, URL: a.URL, Publisher: string(a.Publisher), PublicationYear: string(a.PublicationYear),
		ResourceTypeGen: a.Types.ResourceTypeGeneral, ResourceType: a.Types.ResourceType, Language: a.Language,
	}
	if r.DOI == "" {
		for _, id := range a.Identifiers {
			if id.IdentifierType == "DOI" {
				r.DOI = id.Identifier
				break
			}
		}
	}
	if r.DOI == "" && doiURL.MatchString(a.ID) {
		r.DOI = a.ID
	}
	convert := func(cs []jsonCreator) []creator {
		var out []creator
		for _, c := range cs {
			cr := creator{Name: c.Name, NameType: c.NameType, GivenName: c.GivenName, FamilyName: c.FamilyName, ContributorType: c.ContributorType}
			for _, id := range c.NameIdentifiers {
				cr.NameIDs = append(cr.NameIDs, nameIdentifier{ID: id.NameIdentifier, Scheme: id.NameIdentifierScheme})
			}
			for _, aff := range c.Affiliation {
				cr.Affiliations = append(cr.Affiliations, affiliation(aff))
			}
			out = append(out, cr)
		}
		return out
	}
	r.Creators, r.Contributors = convert(a.Creators), convert(a.Contributors)
	for _, t := range a.Titles {
		r.Titles = append(r.Titles, title{Title: string(t.Title), Type: t.TitleType, Lang: t.Lang})
	}
	for _, d := range a.Dates {
		r.Dates = append(r.Dates, date{Date: string(d.Date), Type: d.DateType})
	}
	for _, s := range a.Subjects {
		r.Subjects = append(r.Subjects, s.Subject)
	}
	for _, ri := range a.RelatedIdentifiers {
		r.RelatedIdentifiers = append(r.RelatedIdentifiers, relatedIdentifier{
			ID: ri.RelatedIdentifier, IDType: ri.RelatedIdentifierType, RelationType: ri.RelationType, ResourceTypeGeneral: ri.ResourceTypeGeneral,
		})
	}
	for _, it := range a.RelatedItems {
		item := relatedItem{
			ItemType: it.RelatedItemType, RelationType: it.RelationType,
			ID: it.RelatedItemIdentifier.RelatedItemIdentifier, IDType: it.RelatedItemIdentifier.RelatedItemIdentifierType,
			Volume: string(it.Volume), Issue: string(it.Issue), FirstPage: string(it.FirstPage), LastPage: string(it.LastPage),
			Publisher: string(it.Publisher),
		}
		for _, t := range it.Titles {
			item.Titles = append(item.Titles, t.Title)
		}
		r.RelatedItems = append(r.RelatedItems, item)
	}
	for _, rt := range a.RightsList {
		uri := rt.RightsURI
		if uri == "" {
			uri = rt.RightsURIUpper
		}
		r.Rights = append(r.Rights, rights{Text: rt.Rights, URI: uri, ID: rt.RightsIdentifier, IDScheme: rt.RightsIdentifierScheme})
	}
	for _, d := range a.Descriptions {
		r.Descriptions = append(r.Descriptions, description{Text: string(d.Description), Type: d.DescriptionType, Lang: d.Lang})
	}
	for _, f := range a.FundingReferences {
		r.Funding = append(r.Funding, fundingReference{
			FunderName: f.FunderName, FunderID: f.FunderIdentifier, FunderIDType: f.FunderIdentifierType,
			AwardNumber: f.AwardNumber, AwardURI: f.AwardURI, AwardTitle: f.AwardTitle,
		})
	}
	c := a.Container
	r.Container = container{Type: c.Type, Title: c.Title, Identifier: c.Identifier, IdentifierType: c.IdentifierType,
		Volume: string(c.Volume), Issue: string(c.Issue), FirstPage: string(c.FirstPage), LastPage: string(c.LastPage)}
	return r
}

// Sniff reports whether data looks like DataCite JSON: an object within
// whose first 4 KiB are the kernel's resourceTypeGeneral, or a REST API
// response whose items are of type "dois".
func Sniff(data []byte) bool {
	head := bytes.TrimLeft(bytes.TrimPrefix(data[:min(len(data), 4096)], utf8BOM), " \t\r\n")
	if len(head) == 0 || head[0] != '{' {
		return false
	}
	return sniffTypeGeneral.Match(head) || sniffDois.Match(head) ||
		(bytes.Contains(head, []byte(`"creators"`)) && bytes.Contains(head, []byte(`"titles"`)))
}

var (
	sniffTypeGeneral = regexp.MustCompile(`"resourceTypeGeneral"\s*:`)
	sniffDois        = regexp.MustCompile(`"type"\s*:\s*"dois"`)
)
