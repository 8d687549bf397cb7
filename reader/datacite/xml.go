package datacite

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
)

// ReadXML reads DataCite XML: one <resource> of the metadata kernel 4.x
// (and 3.x, whose elements it shares but for fundingReferences), or an
// OAI-PMH or other wrapper around several; each resource is one record.
// Elements are matched by local name, so any kernel namespace is read.
func ReadXML(data []byte, file string) ([]reader.Record, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var records []reader.Record
	for {
		offset := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, xmlError(data, file, err, dec)
		}
		start, ok := tok.(xml.StartElement)
		if !ok || start.Name.Local != "resource" {
			continue
		}
		pos := position(data, file, int(offset))
		var x xmlResource
		if err := dec.DecodeElement(&x, &start); err != nil {
			return nil, xmlError(data, file, err, dec)
		}
		index := len(records)
		records = append(records, build(x.resource(), index, pos, ""))
	}
	if records == nil {
		return nil, fmt.Errorf("datacite: %s: %w: no <resource> element", file, errNotDataCite)
	}
	return records, nil
}

func xmlError(data []byte, file string, err error, dec *xml.Decoder) error {
	var syntax *xml.SyntaxError
	if errors.As(err, &syntax) {
		err = errors.New(syntax.Msg)
	}
	return &reader.SyntaxError{Format: "datacite", Pos: position(data, file, int(dec.InputOffset())), Err: err, PosFirst: true}
}

// position gives the line and column of a byte offset.
func position(data []byte, file string, offset int) ld.Position {
	offset = min(max(offset, 0), len(data))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := offset - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return ld.Position{File: file, Line: line, Column: col}
}

// SniffXML reports whether data looks like DataCite XML: an element of
// the kernel's namespace in its first 4 KiB.
func SniffXML(data []byte) bool {
	return sniffKernel.Match(data[:min(len(data), 4096)])
}

var sniffKernel = regexp.MustCompile(`xmlns(:\w+)?="https?://datacite\.org/schema/kernel-[234]"`)

// xmlResource is the kernel's <resource>; affiliation and nameIdentifier
// attributes are read as kernel 4.3 writes them.
type xmlResource struct {
	Identifier struct {
		Type  string `xml:"identifierType,attr"`
		Value string `xml:",chardata"`
	} `xml:"identifier"`
	Creators     []xmlCreator `xml:"creators>creator"`
	Contributors []xmlCreator `xml:"contributors>contributor"`
	Titles       []struct {
		Type  string `xml:"titleType,attr"`
		Lang  string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
		Value string `xml:",chardata"`
	} `xml:"titles>title"`
	Publisher       string `xml:"publisher"`
	PublicationYear string `xml:"publicationYear"`
	ResourceType    struct {
		General string `xml:"resourceTypeGeneral,attr"`
		Value   string `xml:",chardata"`
	} `xml:"resourceType"`
	Subjects []string `xml:"subjects>subject"`
	Dates    []struct {
		Type  string `xml:"dateType,attr"`
		Value string `xml:",chardata"`
	} `xml:"dates>date"`
	Language           string `xml:"language"`
	RelatedIdentifiers []struct {
		Type                string `xml:"relatedIdentifierType,attr"`
		Relation            string `xml:"relationType,attr"`
		ResourceTypeGeneral string `xml:"resourceTypeGeneral,attr"`
		Value               string `xml:",chardata"`
	} `xml:"relatedIdentifiers>relatedIdentifier"`
	RelatedItems []struct {
		Type       string `xml:"relatedItemType,attr"`
		Relation   string `xml:"relationType,attr"`
		Identifier struct {
			Type  string `xml:"relatedItemIdentifierType,attr"`
			Value string `xml:",chardata"`
		} `xml:"relatedItemIdentifier"`
		Titles    []string `xml:"titles>title"`
		Volume    string   `xml:"volume"`
		Issue     string   `xml:"issue"`
		FirstPage string   `xml:"firstPage"`
		LastPage  string   `xml:"lastPage"`
		Publisher string   `xml:"publisher"`
	} `xml:"relatedItems>relatedItem"`
	Rights []struct {
		URI      string `xml:"rightsURI,attr"`
		ID       string `xml:"rightsIdentifier,attr"`
		IDScheme string `xml:"rightsIdentifierScheme,attr"`
		Value    string `xml:",chardata"`
	} `xml:"rightsList>rights"`
	Descriptions []struct {
		Type  string `xml:"descriptionType,attr"`
		Lang  string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
		Value string `xml:",innerxml"`
	} `xml:"descriptions>description"`
	Funding []struct {
		FunderName       string `xml:"funderName"`
		FunderIdentifier struct {
			Type  string `xml:"funderIdentifierType,attr"`
			Value string `xml:",chardata"`
		} `xml:"funderIdentifier"`
		AwardNumber struct {
			URI   string `xml:"awardURI,attr"`
			Value string `xml:",chardata"`
		} `xml:"awardNumber"`
		AwardTitle string `xml:"awardTitle"`
	} `xml:"fundingReferences>fundingReference"`
}

type xmlCreator struct {
	ContributorType string `xml:"contributorType,attr"`
	Name            struct {
		Type  string `xml:"nameType,attr"`
		Value string `xml:",chardata"`
	} `xml:"creatorName"`
	ContributorName struct {
		Type  string `xml:"nameType,attr"`
		Value string `xml:",chardata"`
	} `xml:"contributorName"`
	GivenName       string `xml:"givenName"`
	FamilyName      string `xml:"familyName"`
	NameIdentifiers []struct {
		Scheme string `xml:"nameIdentifierScheme,attr"`
		Value  string `xml:",chardata"`
	} `xml:"nameIdentifier"`
	Affiliations []struct {
		ID     string `xml:"affiliationIdentifier,attr"`
		Scheme string `xml:"affiliationIdentifierScheme,attr"`
		Value  string `xml:",chardata"`
	} `xml:"affiliation"`
}

// breakTags matches the <br/> that kernel 4 allows inside a description.
var breakTags = regexp.MustCompile(`<br\s*/?>|</?[A-Za-z][^<>]*>`)

func (x *xmlResource) resource() *resource {
	r := &resource{
		Publisher: x.Publisher, PublicationYear: x.PublicationYear,
		ResourceTypeGen: strings.TrimSpace(x.ResourceType.General), ResourceType: x.ResourceType.Value,
		Subjects: x.Subjects, Language: x.Language,
	}
	if strings.EqualFold(x.Identifier.Type, "DOI") {
		r.DOI = x.Identifier.Value
	}
	convert := func(cs []xmlCreator) []creator {
		var out []creator
		for _, c := range cs {
			name, nameType := c.Name.Value, c.Name.Type
			if name == "" {
				name, nameType = c.ContributorName.Value, c.ContributorName.Type
			}
			cr := creator{Name: name, NameType: nameType, GivenName: c.GivenName, FamilyName: c.FamilyName, ContributorType: c.ContributorType}
			for _, id := range c.NameIdentifiers {
				cr.NameIDs = append(cr.NameIDs, nameIdentifier{ID: strings.TrimSpace(id.Value), Scheme: id.Scheme})
			}
			for _, a := range c.Affiliations {
				cr.Affiliations = append(cr.Affiliations, affiliation{Name: a.Value, ID: a.ID, Scheme: a.Scheme})
			}
			out = append(out, cr)
		}
		return out
	}
	r.Creators, r.Contributors = convert(x.Creators), convert(x.Contributors)
	for _, t := range x.Titles {
		r.Titles = append(r.Titles, title{Title: t.Value, Type: t.Type, Lang: t.Lang})
	}
	for _, d := range x.Dates {
		r.Dates = append(r.Dates, date{Date: d.Value, Type: d.Type})
	}
	for _, ri := range x.RelatedIdentifiers {
		r.RelatedIdentifiers = append(r.RelatedIdentifiers, relatedIdentifier{
			ID: strings.TrimSpace(ri.Value), IDType: ri.Type, RelationType: ri.Relation, ResourceTypeGeneral: ri.ResourceTypeGeneral,
		})
	}
	for _, it := range x.RelatedItems {
		r.RelatedItems = append(r.RelatedItems, relatedItem{
			ItemType: it.Type, RelationType: it.Relation, ID: strings.TrimSpace(it.Identifier.Value), IDType: it.Identifier.Type,
			Titles: it.Titles, Volume: it.Volume, Issue: it.Issue, FirstPage: it.FirstPage, LastPage: it.LastPage, Publisher: it.Publisher,
		})
	}
	for _, rt := range x.Rights {
		r.Rights = append(r.Rights, rights{Text: rt.Value, URI: rt.URI, ID: rt.ID, IDScheme: rt.IDScheme})
	}
	for _, d := range x.Descriptions {
		value := breakTags.ReplaceAllString(d.Value, " ")
		r.Descriptions = append(r.Descriptions, description{Text: unescapeXML(value), Type: d.Type, Lang: d.Lang})
	}
	for _, f := range x.Funding {
		r.Funding = append(r.Funding, fundingReference{
			FunderName: f.FunderName, FunderID: strings.TrimSpace(f.FunderIdentifier.Value), FunderIDType: f.FunderIdentifier.Type,
			AwardNumber: f.AwardNumber.Value, AwardURI: f.AwardNumber.URI, AwardTitle: f.AwardTitle,
		})
	}
	return r
}

// unescapeXML decodes the character references of inner XML text.
func unescapeXML(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var out strings.Builder
	dec := xml.NewDecoder(strings.NewReader("<x>" + s + "</x>"))
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if cd, ok := tok.(xml.CharData); ok {
			out.Write(cd)
		}
	}
	return out.String()
}
