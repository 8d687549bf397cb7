package html

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader/internal/dates"
	licences "github.com/scholarld/scholarld/reader/internal/license"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// jsonLDConsumed lists the properties of an article node that the reader
// reads; a property not listed is named in a warning.
var jsonLDConsumed = map[string]bool{
	"@context": true, "@type": true, "@id": true, "@graph": true,
	"headline": true, "name": true, "author": true, "creator": true,
	"datePublished": true, "isPartOf": true, "pageStart": true, "pageEnd": true,
	"pagination": true, "identifier": true, "sameAs": true, "url": true,
	"mainEntityOfPage": true, "license": true, "keywords": true, "inLanguage": true,
	"abstract": true, "description": true, "image": true, "encoding": true,
	"publisher": true, "citation": true, "isAccessibleForFree": true,
	"articleSection": true, "volumeNumber": true, "issueNumber": true, "issn": true,
	"copyrightHolder": true, "copyrightYear": true, "copyrightNotice": true,
	"genre": true, "reportNumber": true, "editor": true, "funder": true, "funding": true,
	"additionalType": true, "alternativeHeadline": true,
}

// readNode reads an article node into a source; pos is where the
// document holding it starts.
func (j *jsonLD) readNode(r *reading, n node, pos ld.Position) *source {
	s := newSource(jsonLDName)
	s.metadata = true
	a := &s.article
	kind := articleTypeOf(n)
	path := func(property string) string { return kind + "." + property }
	s.inSeries = contains(types(n), "Report") || contains(types(n), "Chapter")

	// The page's own URL is the base for relative URLs in a bare document.
	for _, key := range []string{"url", "mainEntityOfPage", "@id"} {
		r.setBase(path(key), nodeURL(j.resolve(n[key])))
	}

	name, headline := markupText(str(n["name"])), markupText(str(n["headline"]))
	switch {
	case name != "":
		s.setTitle(name, path("name"))
		if headline != "" && headline != name {
			r.unused(path("headline"), headline)
		}
	default:
		s.setTitle(headline, path("headline"))
	}

	authorKey := "author"
	if n["author"] == nil {
		authorKey = "creator"
	} else if n["creator"] != nil {
		r.unused(path("creator"), describe(n["creator"]))
	}
	for i, value := range list(n[authorKey]) {
		if author, ok := j.author(r, a, j.resolve(value), fmt.Sprintf("%s[%d]", path(authorKey), i)); ok {
			a.Authors = append(a.Authors, author)
		}
	}

	if value := str(n["datePublished"]); value != "" {
		r.date(s, datePublished, path("datePublished"), pos, value)
	}
	j.partOf(r, s, n["isPartOf"], path("isPartOf"), 0)
	r.setOnce(&a.Volume, path("volumeNumber"), text.Clean(str(n["volumeNumber"])))
	r.setOnce(&a.Issue, path("issueNumber"), text.Clean(str(n["issueNumber"])))
	for _, issn := range list(n["issn"]) {
		s.addISSN(r.issn(path("issn"), str(issn)), "")
	}
	if start, end := str(n["pageStart"]), str(n["pageEnd"]); start != "" || end != "" {
		setPages(a, start, end)
	} else {
		setPageRange(a, str(n["pagination"]))
	}

	j.identifiers(r, s, n, kind)
	r.setOnce(&a.URL, path("url"), r.optionalURL(path("url"), nodeURL(n["url"])))
	if a.URL == "" {
		a.URL = r.optionalURL(path("mainEntityOfPage"), nodeURL(j.resolve(n["mainEntityOfPage"])))
	}

	for i, value := range list(n["license"]) {
		license := j.license(r, j.resolve(value), path("license"))
		switch {
		case license == nil:
		case i == 0 || a.License == nil:
			a.License = license
		default:
			r.unused(path("license"), license.URL+license.Label)
		}
	}
	for _, value := range list(n["keywords"]) {
		value = j.resolve(value)
		if keyword, ok := value.(node); ok {
			a.Keywords = appendUnique(a.Keywords, text.Clean(str(keyword["name"])))
			continue
		}
		a.Keywords = appendUnique(a.Keywords, splitKeywords(str(value))...)
	}
	a.Language = j.language(r, j.resolve(n["inLanguage"]), path("inLanguage"))

	abstract, description := markupText(str(n["abstract"])), markupText(str(n["description"]))
	switch {
	case abstract != "":
		a.Abstract = abstract
		if description != "" && description != abstract {
			r.unused(path("description"), description)
		}
	default:
		a.Abstract = description
	}

	for i, value := range list(n["image"]) {
		image := j.image(r, j.resolve(value), path("image"))
		switch {
		case image == nil:
		case a.GraphicalAbstract == nil:
			a.GraphicalAbstract = image
		default:
			r.unused(fmt.Sprintf("%s[%d]", path("image"), i), image.URL)
		}
	}
	for _, value := range list(n["encoding"]) {
		if file, ok := j.file(r, j.resolve(value), path("encoding")); ok {
			a.Files = append(a.Files, file)
		}
	}
	for _, value := range list(n["publisher"]) {
		value = j.resolve(value)
		publisher, isNode := value.(node)
		if id := str(publisher["@id"]); isNode && id != "" && !strings.HasPrefix(id, "_:") {
			r.unused(path("publisher.@id"), id)
		}
		r.setPublisher(s, path("publisher"), nameOf(value))
		if isNode && s.article.Journal != nil && s.article.Journal.Publisher != nil && s.article.Journal.Publisher.Address == nil {
			s.article.Journal.Publisher.Address = address(j.resolve(publisher["address"]))
		}
	}
	j.work(r, s, n, kind)
	for _, value := range list(n["citation"]) {
		if reference, ok := j.reference(r, j.resolve(value), path("citation")); ok {
			a.References = append(a.References, reference)
		}
	}
	if free, ok := boolean(n["isAccessibleForFree"]); ok {
		a.OpenAccess = &free
	}
	for _, section := range list(n["articleSection"]) {
		r.setOnce(&a.Section, path("articleSection"), text.Clean(str(section)))
	}
	if kind, ok := r.articleType(path("genre"), str(n["genre"])); ok {
		a.Type = kind
	}
	// Without a genre, a schema.org Report is a report, a Chapter a book
	// chapter.
	switch {
	case a.Type != "":
	case contains(types(n), "Report"):
		a.Type = ld.Report
	case contains(types(n), "Chapter"):
		a.Type = ld.BookChapter
	}
	j.copyright(r, a, n, kind)

	var unknown []string
	for key := range n {
		if !jsonLDConsumed[key] {
			unknown = append(unknown, key)
		}
	}
	slices.Sort(unknown)
	for _, key := range unknown {
		r.unused(path(key), describe(n[key]))
	}
	return s
}

// describe gives a short text for a value in a warning.
func describe(value any) string {
	if s := str(value); s != "" {
		return s
	}
	if n, ok := value.(node); ok {
		if s := nameOf(n); s != "" {
			return s
		}
		if s := str(n["@id"]); s != "" {
			return s
		}
		return strings.Join(types(n), " ")
	}
	if values, ok := value.([]any); ok && len(values) > 0 {
		return describe(values[0])
	}
	encoded, _ := json.Marshal(value)
	return string(encoded)
}

// nameOf returns the name of a node, or a plain string.
func nameOf(value any) string {
	switch v := value.(type) {
	case node:
		return str(firstOf(v, "name", "legalName", "alternateName"))
	default:
		return str(v)
	}
}

// nodeURL returns the URL a value stands for: a string, or a node's url,
// contentUrl or @id.
func nodeURL(value any) string {
	switch v := value.(type) {
	case node:
		return str(firstOf(v, "url", "contentUrl", "@id"))
	default:
		return str(v)
	}
}

// optionalURL is url for a value that may be absent.
func (r *reading) optionalURL(path, value string) string {
	if text.Clean(value) == "" {
		return ""
	}
	return r.url(path, value)
}

func boolean(value any) (bool, bool) {
	switch v := value.(type) {
	case bool:
		return v, true
	case string:
		parsed, err := strconv.ParseBool(strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(v, "https://schema.org/"), "http://schema.org/")))
		return parsed, err == nil
	case node:
		return boolean(v["@value"])
	}
	return false, false
}

// author reads an author: a name as one string, a Person or an
// Organization.
func (j *jsonLD) author(r *reading, a *ld.Article, value any, path string) (ld.Author, bool) {
	n, ok := value.(node)
	if !ok {
		return personName(str(value))
	}
	if hasType(n, organizationTypes) {
		author := ld.Author{Kind: ld.OrganizationAuthor, Name: text.Clean(nameOf(n))}
		if author.Name == "" {
			r.warn(path, "an organisation without a name: dropped")
			return ld.Author{}, false
		}
		author.ROR = j.identifierOf(r, n, path, "ror.org", "ror", r.ror)
		return author, true
	}
	given := text.Clean(str(n["givenName"]))
	family := text.Clean(str(n["familyName"]))
	name := text.Clean(str(n["name"]))
	var author ld.Author
	switch {
	case given != "" || family != "":
		author = ld.Author{Given: given, Family: family}
		if suffix := text.Clean(str(n["honorificSuffix"])); generationalSuffix.MatchString(suffix) {
			author.Suffix = suffix
		} else if suffix != "" {
			r.unused(path+".honorificSuffix", suffix)
		}
		if name != "" && name != author.DisplayName() {
			author.Name = name
		}
		if family == "" {
			author.Name = firstNonEmpty(name, given)
		}
	case name != "":
		author, _ = personName(name)
		if author.IsOrganization() {
			return author, true
		}
	default:
		r.warn(path, "an author without a name: dropped")
		return ld.Author{}, false
	}
	author.ORCID = j.identifierOf(r, n, path, "orcid.org", "orcid", r.orcid)
	author.Email = r.email(path+".email", str(n["email"]))
	for _, affiliation := range list(n["affiliation"]) {
		if id := j.affiliation(r, a, j.resolve(affiliation), path+".affiliation"); id != "" {
			author.Affiliations = appendUnique(author.Affiliations, id)
		}
	}
	return author, true
}

func firstNonEmpty(values ...string) string {
	for _, value := range values {
		if value != "" {
			return value
		}
	}
	return ""
}

// identifierOf finds an identifier of a person or organisation in its @id,
// sameAs, identifier or url: a URL on host, or a PropertyValue whose
// propertyID is scheme.
func (j *jsonLD) identifierOf(r *reading, n node, path, host, scheme string, normalize func(path, value string) string) string {
	var values []any
	values = append(values, n["@id"])
	values = append(values, list(n["sameAs"])...)
	values = append(values, list(n["identifier"])...)
	values = append(values, list(n["url"])...)
	for _, value := range values {
		switch v := j.resolve(value).(type) {
		case node:
			if strings.EqualFold(text.Clean(str(v["propertyID"])), scheme) {
				return normalize(path, str(v["value"]))
			}
			if s := str(v["@id"]); strings.Contains(strings.ToLower(s), host) {
				return normalize(path, s)
			}
		default:
			if s := str(v); strings.Contains(strings.ToLower(s), host) {
				return normalize(path, s)
			}
		}
	}
	return ""
}

// ror returns the full ROR ID of value, or "" with a warning.
func (r *reading) ror(path, value string) string {
	value = text.Clean(value)
	if value == "" {
		return ""
	}
	ror, err := ident.NormalizeROR(value)
	if err != nil {
		r.warn(path, "dropped: %v", err)
		return ""
	}
	return ror
}

// affiliation reads an affiliation, a name or an Organization, and returns
// its ID in the article.
func (j *jsonLD) affiliation(r *reading, a *ld.Article, value any, path string) string {
	n, ok := value.(node)
	if !ok {
		if name := text.Clean(str(value)); name != "" {
			return affiliationID(a, ld.Affiliation{Name: name})
		}
		return ""
	}
	affiliation := ld.Affiliation{Name: text.Clean(nameOf(n))}
	affiliation.ROR = j.identifierOf(r, n, path, "ror.org", "ror", r.ror)
	for i, department := range list(n["department"]) {
		name := text.Clean(nameOf(j.resolve(department)))
		switch {
		case name == "":
		case affiliation.Department == "":
			affiliation.Department = name
		default:
			r.warn(fmt.Sprintf("%s.department[%d]", path, i), "a further department %q is not kept", name)
		}
	}
	addr := j.resolve(n["address"])
	affiliation.Address = address(addr)
	if an, ok := addr.(node); ok {
		// Springer writes the whole affiliation line as the address's name
		// ("Centre for Biocomposites…, University of Toronto, Toronto,
		// Canada"): it is kept whole as the name, as a JATS running-text
		// affiliation is, and not split by guesswork.
		line := text.Clean(str(an["name"]))
		switch {
		case line == "", line == affiliation.Name:
		case affiliation.Name == "" || strings.Contains(line, affiliation.Name):
			affiliation.Name = line
		default:
			r.warn(path+".address.name", "%q is not kept: the model's address has no name", line)
		}
	}
	if affiliation.Name == "" && affiliation.Department == "" {
		r.warn(path, "an affiliation without a name: dropped")
		return ""
	}
	return affiliationID(a, affiliation)
}

// address reads a PostalAddress, or an address written as one string
// (kept whole as the street).
func address(value any) *ld.Address {
	n, ok := value.(node)
	if !ok {
		if line := text.Clean(str(value)); line != "" {
			return &ld.Address{Street: line}
		}
		return nil
	}
	result := ld.Address{
		Street:     text.Clean(str(n["streetAddress"])),
		City:       text.Clean(str(n["addressLocality"])),
		Region:     text.Clean(str(n["addressRegion"])),
		PostalCode: text.Clean(str(n["postalCode"])),
		Country:    text.Clean(nameOf(n["addressCountry"])),
	}
	if result == (ld.Address{}) {
		return nil
	}
	return &result
}

// partOf follows the isPartOf chain: PublicationIssue, PublicationVolume,
// then the Periodical (or Blog, Newspaper, series) with its ISSNs.
func (j *jsonLD) partOf(r *reading, s *source, value any, path string, depth int) {
	if depth > maxDepth {
		return
	}
	for _, part := range list(value) {
		part = j.resolve(part)
		n, ok := part.(node)
		if !ok {
			if name := text.Clean(str(part)); name != "" && !isURL(name) {
				r.setOnce(&s.journal().Title, path, name)
			} else if name != "" {
				r.unused(path, name)
			}
			continue
		}
		// One node may be several parts at once: Springer writes a
		// ["Periodical", "PublicationVolume"] with name, ISSNs and volume.
		partTypes := types(n)
		isIssue, isVolume := contains(partTypes, "PublicationIssue"), contains(partTypes, "PublicationVolume")
		if isIssue || n["issueNumber"] != nil {
			r.setOnce(&s.article.Issue, path+".issueNumber", text.Clean(str(n["issueNumber"])))
		}
		if isIssue {
			j.issueDate(r, s, str(n["datePublished"]), path+".datePublished")
		}
		if isVolume || n["volumeNumber"] != nil {
			r.setOnce(&s.article.Volume, path+".volumeNumber", text.Clean(str(n["volumeNumber"])))
		}
		switch {
		case contains(partTypes, "Book"):
			j.book(r, s, n, path)
			continue
		case contains(partTypes, "CreativeWorkSeries") && s.inSeries:
			j.series(r, s, n, path)
			continue
		case hasType(n, periodicalTypes) || (!isIssue && !isVolume):
			j.periodical(r, s, n, path)
		}
		j.partOf(r, s, n["isPartOf"], path+".isPartOf", depth+1)
	}
}

// periodicalTypes are the schema.org types of what an article appears in.
var periodicalTypes = map[string]bool{
	"Periodical": true, "Newspaper": true, "Blog": true, "CreativeWorkSeries": true,
}

// issueDate reads the date of a PublicationIssue: the publication date
// when the article has none, else the print date when it differs.
func (j *jsonLD) issueDate(r *reading, s *source, value, path string) {
	if value == "" {
		return
	}
	d, err := dates.Parse(value)
	switch {
	case err != nil:
		r.warn(path, "dropped: %v", err)
	case s.article.Dates.Published.IsZero():
		s.setDate(datePublished, d, path)
	case !sameDate(d, s.article.Dates.Published):
		s.setDate(datePublishedPrint, d, path)
	}
}

// periodical reads the journal: its name, abbreviation, ISSNs and
// publisher.
func (j *jsonLD) periodical(r *reading, s *source, n node, path string) {
	journal := s.journal()
	r.setOnce(&journal.Title, path+".name", text.Clean(nameOf(n)))
	if abbreviation := text.Clean(str(n["alternateName"])); abbreviation != "" && abbreviation != journal.Title {
		r.setOnce(&journal.Abbreviation, path+".alternateName", abbreviation)
	}
	for _, issn := range list(n["issn"]) {
		s.addISSN(r.issn(path+".issn", str(issn)), "")
	}
	r.setPublisher(s, path+".publisher", nameOf(j.resolve(n["publisher"])))
	if id := str(n["@id"]); looksLikeDOI(id) {
		r.unused(path+".@id", id)
	}
}

// identifiers reads the article's DOI from identifier, @id and sameAs.
func (j *jsonLD) identifiers(r *reading, s *source, n node, kind string) {
	for _, value := range list(n["identifier"]) {
		path := kind + ".identifier"
		switch v := j.resolve(value).(type) {
		case node:
			scheme := strings.ToLower(text.Clean(str(firstOf(v, "propertyID", "name"))))
			id := str(v["value"])
			if scheme == "doi" || looksLikeDOI(id) {
				r.addDOI(s, path, id)
			} else if id != "" && !r.addIdentifier(s, path, scheme, id) {
				r.unused(path, scheme+" "+id)
			}
		default:
			id := str(v)
			if looksLikeDOI(id) {
				r.addDOI(s, path, id)
			} else if id != "" {
				r.unused(path, id)
			}
		}
	}
	if id := str(n["@id"]); looksLikeDOI(id) {
		r.addDOI(s, kind+".@id", id)
	}
	for _, value := range list(n["sameAs"]) {
		id := nodeURL(j.resolve(value))
		path := kind + ".sameAs"
		if looksLikeDOI(id) {
			r.addDOI(s, path, id)
		} else if id != "" && !sameAsIdentifier(s.article.Identifiers, id) {
			r.unused(path, id)
		}
	}
}

// addIdentifier keeps an identifier of a scheme the model holds (PMID,
// PMCID, OpenAlex, arXiv: ld.IdentifierSchemes) when ld.CheckIdentifier
// takes it, and reports whether it was one; a bad value gets a warning.
func (r *reading) addIdentifier(s *source, path, scheme, value string) bool {
	id := ld.Identifier{Scheme: ld.IdentifierScheme(scheme), Value: text.Clean(value)}
	if !slices.Contains(ld.IdentifierSchemes, id.Scheme) {
		return false
	}
	if err := ld.CheckIdentifier(id); err != nil {
		r.warn(path, "%s %q dropped: %v", scheme, id.Value, err)
		return true
	}
	if !slices.Contains(s.article.Identifiers, id) {
		s.article.Identifiers = append(s.article.Identifiers, id)
	}
	return true
}

// sameAsIdentifier reports whether a sameAs URL is the resolver URL of an
// identifier already read ("https://arxiv.org/abs/2001.00001v1").
func sameAsIdentifier(ids []ld.Identifier, url string) bool {
	for _, id := range ids {
		if strings.HasSuffix(url, "/"+id.Value) {
			return true
		}
	}
	return false
}

// license reads a licence: a URL, a label, or a CreativeWork with url and
// name.
func (j *jsonLD) license(r *reading, value any, path string) *ld.License {
	var license ld.License
	if n, ok := value.(node); ok {
		license.URL = r.optionalURL(path, nodeURL(n))
		license.Label = text.Clean(str(n["name"]))
	} else if s := text.Clean(str(value)); isURL(s) {
		license.URL = r.url(path, s)
	} else {
		license.Label = s
	}
	if license == (ld.License{}) {
		return nil
	}
	if named, ok := licences.Recognise(license.Label); ok && license.URL == "" {
		license = named
	}
	return &license
}

// language reads inLanguage: a tag, or a Language node whose alternateName
// or name is a tag.
func (j *jsonLD) language(r *reading, value any, path string) string {
	n, ok := value.(node)
	if !ok {
		return r.language(path, str(value))
	}
	for _, key := range []string{"alternateName", "identifier", "name"} {
		if tag := text.Clean(str(n[key])); tag != "" {
			if err := ident.CheckLanguage(tag); err == nil {
				return tag
			}
		}
	}
	return r.language(path, nameOf(n))
}

// image reads an image: a URL or an ImageObject.
func (j *jsonLD) image(r *reading, value any, path string) *ld.Image {
	n, isNode := value.(node)
	u := r.optionalURL(path, nodeURL(value))
	if u == "" {
		return nil
	}
	image := &ld.Image{URL: u}
	if isNode {
		image.Caption = text.Clean(str(n["caption"]))
		image.MediaType = r.mediaType(path+".encodingFormat", str(firstOf(n, "encodingFormat", "fileFormat")))
	}
	return image
}

// file reads a MediaObject of the encoding property as a full-text file.
func (j *jsonLD) file(r *reading, value any, path string) (ld.File, bool) {
	n, isNode := value.(node)
	u := r.optionalURL(path, nodeURL(value))
	if u == "" {
		return ld.File{}, false
	}
	file := ld.File{URL: u}
	if isNode {
		file.MediaType = r.mediaType(path+".encodingFormat", str(firstOf(n, "encodingFormat", "fileFormat")))
		if size := text.Clean(str(n["contentSize"])); size != "" {
			if fileSize.MatchString(size) {
				file.Size = size
			} else {
				r.warn(path+".contentSize", "%q is not a number and a unit (B, KB, MB, GB, KiB, MiB, GiB): dropped", shorten(size))
			}
		}
		if uploaded := str(n["uploadDate"]); uploaded != "" {
			if d, err := dates.Parse(uploaded); err == nil {
				file.Uploaded = d
			} else {
				r.warn(path+".uploadDate", "dropped: %v", err)
			}
		}
	}
	return file, true
}

// generationalSuffix matches the suffixes the model holds: "Jr.", "III";
// not degrees or titles ("PhD").
var generationalSuffix = regexp.MustCompile(`^(?:(?:Jr|Sr|Jnr|Snr)\.?|II|III|IV|V|VI|2nd|3rd|4th)$`)

// fileSize is the form of a file size the model holds.
var fileSize = regexp.MustCompile(`^[0-9]+(?:\.[0-9]+)? ?(?:B|KB|kB|MB|GB|KiB|MiB|GiB)$`)

// mediaTypePattern is the type/subtype form of an IANA media type.
var mediaTypePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$`)

// mediaType returns value when it is a media type, or "" with a warning.
func (r *reading) mediaType(path, value string) string {
	value = text.Clean(value)
	value, _, _ = strings.Cut(value, ";")
	value = strings.TrimSpace(value)
	if value == "" {
		return ""
	}
	if !mediaTypePattern.MatchString(value) {
		r.warn(path, "%q is not a media type: dropped", shorten(value))
		return ""
	}
	return value
}

// reference reads one entry of citation: a DOI, a URL, a citation text or
// a CreativeWork.
func (j *jsonLD) reference(r *reading, value any, path string) (ld.Reference, bool) {
	var reference ld.Reference
	n, isNode := value.(node)
	if !isNode {
		s := text.Clean(str(value))
		switch {
		case s == "":
			return reference, false
		case looksLikeDOI(s):
			reference.DOI = r.doi(path, s)
		case isURL(s):
			reference.URL = r.url(path, s)
		default:
			reference.Text = s
		}
		return reference, reference != ld.Reference{}
	}
	for _, key := range []string{"@id", "url", "sameAs", "identifier"} {
		for _, candidate := range list(n[key]) {
			id := nodeURL(candidate)
			if inner, ok := candidate.(node); ok && strings.EqualFold(str(inner["propertyID"]), "doi") {
				id = str(inner["value"])
			}
			switch {
			case looksLikeDOI(id) && reference.DOI == "":
				reference.DOI = r.doi(path, id)
			case isURL(id) && !looksLikeDOI(id) && reference.URL == "" && key != "@id":
				reference.URL = r.url(path, id)
			}
		}
	}
	reference.Text = markupText(str(firstOf(n, "name", "headline")))
	return reference, reference != ld.Reference{}
}

// copyright reads copyrightHolder, copyrightYear and copyrightNotice.
func (j *jsonLD) copyright(r *reading, a *ld.Article, n node, kind string) {
	var copyright ld.Copyright
	copyright.Holder = j.copyrightHolder(r, n, kind)
	copyright.Statement = text.Clean(str(n["copyrightNotice"]))
	if year := text.Clean(str(n["copyrightYear"])); year != "" {
		if parsed, err := strconv.Atoi(year); err == nil && parsed >= 1000 && parsed <= 9999 {
			copyright.Year = parsed
		} else {
			r.warn(kind+".copyrightYear", "%q is not a year: dropped", shorten(year))
		}
	}
	if copyright != (ld.Copyright{}) {
		a.Copyright = &copyright
	}
}

// copyrightHolder reads copyrightHolder: the holders' names, joined by
// commas. A holder that is a reference to the article's author nodes (the
// mapping's form of "the authors" and of a holder naming the byline, such
// as "Harrison et al") reads as "the authors" when it names every author;
// a reference to a node without a name (a blank node label, an IRI no node
// describes) is dropped with a warning, never read as the label.
func (j *jsonLD) copyrightHolder(r *reading, n node, kind string) string {
	authorIDs := map[string]bool{}
	for _, author := range list(n["author"]) {
		if a, ok := author.(node); ok && str(a["@id"]) != "" {
			authorIDs[str(a["@id"])] = true
		}
	}
	var names []string
	byline := map[string]bool{}
	for _, value := range list(n["copyrightHolder"]) {
		ref, isNode := value.(node)
		id := ""
		if isNode {
			id = str(ref["@id"])
		}
		if id != "" && authorIDs[id] {
			byline[id] = true
			continue
		}
		resolved := j.resolve(value)
		name := ""
		if holder, ok := resolved.(node); ok {
			name = text.Clean(str(firstOf(holder, "name", "legalName", "alternateName")))
		} else {
			name = text.Clean(str(resolved))
		}
		if name == "" {
			r.warn(kind+".copyrightHolder", "%q names no holder: dropped", shorten(describe(value)))
			continue
		}
		names = append(names, name)
	}
	switch {
	case len(byline) > 0 && len(byline) == len(authorIDs) && len(names) == 0:
		return "the authors"
	case len(byline) > 0:
		for _, author := range list(n["author"]) {
			if a, ok := author.(node); ok && byline[str(a["@id"])] {
				name := text.Clean(str(a["name"]))
				if name == "" {
					name = text.Clean(str(a["givenName"]) + " " + str(a["familyName"]))
				}
				if name != "" {
					names = append(names, name)
				}
			}
		}
	}
	return strings.Join(names, ", ")
}

// work reads what works beyond the journal article carry on the work
// node (docs/worktypes.md): a report's reportNumber, the editors, the
// funders and grants. The additionalType (FaBiO's class of the work) says
// what genre already says, so it is read as consumed.
func (j *jsonLD) work(r *reading, s *source, n node, kind string) {
	a := &s.article
	r.setOnce(&a.ReportNumber, kind+".reportNumber", text.Clean(str(n["reportNumber"])))
	// alternativeHeadline holds the subtitle and the alternative titles,
	// as ld maps them: a title tagged with a language is an alternative
	// title; the first untagged one is the subtitle (RDF keeps no order,
	// so a work with a subtitle and an untagged alternative title may read
	// them the other way round).
	for _, value := range list(n["alternativeHeadline"]) {
		title := markupText(str(value))
		language := ""
		if tagged, ok := value.(node); ok {
			language = r.language(kind+".alternativeHeadline", str(tagged["@language"]))
		}
		switch {
		case title == "":
		case language == "" && a.Subtitle == "":
			a.Subtitle = title
		default:
			a.AlternativeTitles = append(a.AlternativeTitles, ld.AlternativeTitle{Title: title, Language: language})
		}
	}
	a.Editors = append(a.Editors, j.editors(r, n["editor"], kind+".editor")...)
	j.funding(r, s, n, kind)
}

// editors reads editors as authors, without their affiliations (the
// article's affiliations are its authors').
func (j *jsonLD) editors(r *reading, value any, path string) []ld.Author {
	var editors []ld.Author
	for i, v := range list(value) {
		editor, ok := j.author(r, &ld.Article{}, j.resolve(v), fmt.Sprintf("%s[%d]", path, i))
		if !ok {
			continue
		}
		if len(editor.Affiliations) > 0 {
			r.unused(fmt.Sprintf("%s[%d].affiliation", path, i), describe(j.resolve(v).(node)["affiliation"]))
			editor.Affiliations = nil
		}
		editors = append(editors, editor)
	}
	return editors
}

// funding reads funder (Organizations, with ROR as @id and the Crossref
// Funder ID as a DOI in sameAs) and funding (Grants naming their funder,
// with the award number as identifier and its title as name). A funder
// with grants is read once, from its grants.
func (j *jsonLD) funding(r *reading, s *source, n node, kind string) {
	funderOf := func(value any) ld.Funder {
		f, _ := j.resolve(value).(node)
		funder := ld.Funder{Name: text.Clean(nameOf(f))}
		if id := str(f["@id"]); strings.Contains(id, "ror.org/") {
			funder.ROR = r.ror(kind+".funder", id)
		}
		for _, same := range list(f["sameAs"]) {
			if id := nodeURL(same); looksLikeDOI(id) {
				if doi, err := ident.NormalizeDOI(id); err == nil {
					funder.DOI = doi
				}
			}
		}
		return funder
	}
	granted := map[string]bool{}
	var grants []ld.Funding
	for _, value := range list(n["funding"]) {
		g, ok := j.resolve(value).(node)
		if !ok {
			r.unused(kind+".funding", describe(value))
			continue
		}
		funding := ld.Funding{
			Funder:     funderOf(g["funder"]),
			Award:      text.Clean(str(g["identifier"])),
			AwardTitle: text.Clean(str(g["name"])),
			AwardURL:   r.optionalURL(kind+".funding.url", str(g["url"])),
		}
		if funding.Funder.Name == "" {
			r.warn(kind+".funding", "a grant without a funder's name: dropped")
			continue
		}
		granted[funding.Funder.Name] = true
		grants = append(grants, funding)
	}
	for _, value := range list(n["funder"]) {
		funder := funderOf(value)
		switch {
		case funder.Name == "":
			r.warn(kind+".funder", "%q names no funder: dropped", shorten(describe(value)))
		case !granted[funder.Name]:
			s.article.Funding = append(s.article.Funding, ld.Funding{Funder: funder})
		}
	}
	s.article.Funding = append(s.article.Funding, grants...)
}

// book reads the Book a chapter or a conference paper is part of: its
// title, ISBNs and editors, the series it belongs to and, for
// proceedings, the event they record (recordedAt).
func (j *jsonLD) book(r *reading, s *source, n node, path string) {
	book := s.book()
	r.setOnce(&book.Title, path+".name", text.Clean(nameOf(n)))
	for _, isbn := range list(n["isbn"]) {
		s.addISBN(r.isbn(path+".isbn", str(isbn)))
	}
	book.Editors = append(book.Editors, j.editors(r, n["editor"], path+".editor")...)
	for _, part := range list(n["isPartOf"]) {
		if series, ok := j.resolve(part).(node); ok {
			j.series(r, s, series, path+".isPartOf")
		}
	}
	if event, ok := j.resolve(n["recordedAt"]).(node); ok {
		j.event(r, s, event, path+".recordedAt")
	}
}

// series reads a CreativeWorkSeries: a report's or a book's series.
func (j *jsonLD) series(r *reading, s *source, n node, path string) {
	if s.article.Series == nil {
		s.article.Series = &ld.Series{}
	}
	series := s.article.Series
	r.setOnce(&series.Title, path+".name", text.Clean(nameOf(n)))
	for _, value := range list(n["issn"]) {
		if issn := r.issn(path+".issn", str(value)); issn != "" && !slices.ContainsFunc(series.ISSNs, func(x ld.ISSN) bool { return x.Value == issn }) {
			series.ISSNs = append(series.ISSNs, ld.ISSN{Value: issn})
		}
	}
}

// event reads the Event of a conference paper's proceedings.
func (j *jsonLD) event(r *reading, s *source, n node, path string) {
	event := ld.Event{
		Name:    text.Clean(nameOf(n)),
		Acronym: text.Clean(str(n["alternateName"])),
		Place:   text.Clean(nameOf(j.resolve(n["location"]))),
	}
	for _, d := range []struct {
		key  string
		date *ld.Date
	}{{"startDate", &event.StartDate}, {"endDate", &event.EndDate}} {
		if value := str(n[d.key]); value != "" {
			parsed, err := dates.Parse(value)
			if err != nil {
				r.warn(path+"."+d.key, "dropped: %v", err)
				continue
			}
			*d.date = parsed
		}
	}
	if event.Name == "" {
		r.warn(path, "an event without a name: dropped")
		return
	}
	if s.article.Event == nil {
		s.article.Event = &event
	}
}
