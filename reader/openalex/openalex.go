package openalex

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/textpos"
)

// errNotOpenAlex is wrapped by the error Read returns for JSON that is
// not an OpenAlex work or list of works.
var errNotOpenAlex = errors.New("not an OpenAlex work")

// Read reads OpenAlex works: one work object, an API list
// ({"meta": …, "results": […]}), or a stream of either, such as the lines
// of a snapshot file (works-*.gz decompressed). file names the input in
// errors. A bad work rejects only itself; a syntax error ends the input.
func Read(data []byte, file string) ([]reader.Record, error) {
	lines := textpos.New(data, file)
	start := 0
	if bytes.HasPrefix(data, utf8BOM) {
		start = len(utf8BOM)
	}
	dec := json.NewDecoder(bytes.NewReader(data[start:]))
	var records []reader.Record
	for {
		offset := start + int(dec.InputOffset())
		var value json.RawMessage
		err := dec.Decode(&value)
		if err == io.EOF {
			break
		}
		if err != nil {
			var syntax *json.SyntaxError
			if errors.As(err, &syntax) {
				return nil, &reader.SyntaxError{Format: "openalex", Pos: lines.Position(offset + textpos.JSONErrorOffset(syntax)), Err: err}
			}
			return nil, &reader.SyntaxError{Format: "openalex", Pos: lines.Position(offset), Err: err}
		}
		offset += leadingSpace(data[offset:])
		var err2 error
		records, err2 = readValue(value, offset, lines, records)
		if err2 != nil {
			return nil, err2
		}
	}
	if records == nil {
		return nil, fmt.Errorf("openalex: %s: %w: no work in the input", file, errNotOpenAlex)
	}
	return records, nil
}

var utf8BOM = []byte("\xef\xbb\xbf")

func leadingSpace(b []byte) int {
	return len(b) - len(bytes.TrimLeft(b, " \t\r\n,"))
}

// readValue reads one top-level JSON value, which starts at offset in
// the input: a work or a results list.
func readValue(value json.RawMessage, offset int, lines *textpos.Lines[[]byte], records []reader.Record) ([]reader.Record, error) {
	if trimmed := bytes.TrimSpace(value); len(trimmed) == 0 || trimmed[0] != '{' {
		return nil, fmt.Errorf("openalex: %s: %w: the JSON is not an object", lines.Position(offset), errNotOpenAlex)
	}
	results, at, isList := textpos.JSONMember(value, "results")
	if !isList {
		return append(records, readWork(value, len(records), "", lines.Position(offset))), nil
	}
	base := offset + at
	dec := json.NewDecoder(bytes.NewReader(results))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil, fmt.Errorf("openalex: %s: results: %w: not a list", lines.Position(base), errNotOpenAlex)
	}
	for i := 0; dec.More(); i++ {
		itemOffset := int(dec.InputOffset())
		var item json.RawMessage
		if err := dec.Decode(&item); err != nil {
			return nil, fmt.Errorf("openalex: %s: results[%d]: %w", lines.Position(base+itemOffset), i, err)
		}
		pos := lines.Position(base + itemOffset + leadingSpace(results[itemOffset:]))
		records = append(records, readWork(item, len(records), fmt.Sprintf("results[%d].", i), pos))
	}
	return records, nil
}

// readWork decodes one work object and builds its record.
func readWork(raw []byte, index int, prefix string, pos ld.Position) reader.Record {
	var w work
	if err := json.Unmarshal(raw, &w); err != nil {
		path := prefix
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			path += typeErr.Field
			err = fmt.Errorf("want a JSON %s, found %s", typeErr.Type, typeErr.Value)
		}
		if path == "" {
			path = "(work)"
		}
		return reader.Record{Index: index, Pos: pos, Err: &ld.FieldError{Pos: pos, Path: trimDot(path), Err: err}}
	}
	return build(&w, index, pos, prefix)
}

func trimDot(s string) string {
	if len(s) > 0 && s[len(s)-1] == '.' {
		return s[:len(s)-1]
	}
	return s
}

// Sniff reports whether data looks like OpenAlex JSON: an object whose
// first 4 KiB name an OpenAlex work ID, or hold authorships or an
// abstract_inverted_index.
func Sniff(data []byte) bool {
	head := bytes.TrimLeft(bytes.TrimPrefix(data[:min(len(data), 4096)], utf8BOM), " \t\r\n")
	if len(head) == 0 || head[0] != '{' {
		return false
	}
	return sniffWorkID.Match(head) || bytes.Contains(head, []byte(`"authorships"`)) || bytes.Contains(head, []byte(`"abstract_inverted_index"`))
}

var sniffWorkID = regexp.MustCompile(`"id"\s*:\s*"https://openalex\.org/W[0-9]+"`)

// work is an OpenAlex work object; the fields scholarld does not read
// (counts, concepts, locations other than the primary, …) are left out.
type work struct {
	ID              string           `json:"id"`
	DOI             string           `json:"doi"`
	Title           string           `json:"title"`
	DisplayName     string           `json:"display_name"`
	Type            string           `json:"type"`
	PublicationDate string           `json:"publication_date"`
	PublicationYear int              `json:"publication_year"`
	Language        string           `json:"language"`
	IDs             map[string]any   `json:"ids"`
	Authorships     []authorship     `json:"authorships"`
	PrimaryLocation *location        `json:"primary_location"`
	Biblio          biblio           `json:"biblio"`
	OpenAccess      *openAccess      `json:"open_access"`
	AbstractIndex   map[string][]int `json:"abstract_inverted_index"`
	Keywords        []named          `json:"keywords"`
	PrimaryTopic    *named           `json:"primary_topic"`
	Topics          []named          `json:"topics"`
	ReferencedWorks []string         `json:"referenced_works"`
	Grants          []grant          `json:"grants"`
	Awards          []award          `json:"awards"`
	Funders         []funder         `json:"funders"`
}

type authorship struct {
	Author struct {
		DisplayName string `json:"display_name"`
		ORCID       string `json:"orcid"`
	} `json:"author"`
	Institutions []struct {
		DisplayName string `json:"display_name"`
		ROR         string `json:"ror"`
	} `json:"institutions"`
	IsCorresponding       bool     `json:"is_corresponding"`
	RawAffiliationStrings []string `json:"raw_affiliation_strings"`
	RawAffiliationString  string   `json:"raw_affiliation_string"`
	RawAuthorName         string   `json:"raw_author_name"`
}

type location struct {
	LandingPageURL string `json:"landing_page_url"`
	PDFURL         string `json:"pdf_url"`
	License        string `json:"license"`
	Source         *struct {
		DisplayName          string   `json:"display_name"`
		ISSNL                string   `json:"issn_l"`
		ISSN                 []string `json:"issn"`
		HostOrganizationName string   `json:"host_organization_name"`
		Type                 string   `json:"type"`
	} `json:"source"`
}

type biblio struct {
	Volume    string `json:"volume"`
	Issue     string `json:"issue"`
	FirstPage string `json:"first_page"`
	LastPage  string `json:"last_page"`
}

type openAccess struct {
	IsOA *bool `json:"is_oa"`
}

type named struct {
	DisplayName string `json:"display_name"`
}

// award and funder are the work's awards and funders, which replaced
// grants in 2025 (docs: Award object, Funder object).
type award struct {
	DisplayName       string `json:"display_name"`
	FunderAwardID     string `json:"funder_award_id"`
	FunderID          string `json:"funder_id"`
	FunderDisplayName string `json:"funder_display_name"`
	DOI               string `json:"doi"`
}

type funder struct {
	ID          string `json:"id"`
	DisplayName string `json:"display_name"`
	ROR         string `json:"ror"`
}

// grant is the legacy form of an award, in snapshots before 2025.
type grant struct {
	Funder            string `json:"funder"`
	FunderDisplayName string `json:"funder_display_name"`
	AwardID           string `json:"award_id"`
}
