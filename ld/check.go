package ld

import (
	"fmt"
	"mime"
	"regexp"
	"slices"
	"strings"

	"github.com/scholarld/scholarld/ld/ident"
)

// fileSize is a file size as shown: a number and a unit, with an optional
// space between them.
var fileSize = regexp.MustCompile(`^[0-9]+(\.[0-9]+)? ?(B|KB|kB|MB|GB|KiB|MiB|GiB)$`)

// Check reports every problem of an article that a record must not have,
// each as a *FieldError whose Path names the field in the record format
// ("authors[1].orcid") and whose Pos is unknown (DecodeRecord fills it in).
// The list is empty for a valid article.
//
// Identifiers must be in the normal form of package ident: a bare DOI, a
// bare ORCID iD, a full ROR ID, a hyphenated ISSN; readers normalise what
// their source gives before they fill the model. Dates must exist and
// follow the order received ≤ revised ≤ accepted ≤ published, compared at
// the precision both dates have.
func Check(a *Article) ErrorList { return newErrorList(check(a)) }

// newErrorList returns the errors as an ErrorList, nil when there are none.
func newErrorList(errs []*FieldError) ErrorList {
	if len(errs) == 0 {
		return nil
	}
	list := make(ErrorList, len(errs))
	for i, err := range errs {
		list[i] = err
	}
	return list
}

// check is Check with the errors' type kept.
func check(a *Article) []*FieldError {
	c := &checker{}
	if a == nil {
		c.add(recordPath, "no article")
		return c.errs
	}
	if a.Type != "" && !slices.Contains(ArticleTypes, a.Type) {
		c.add("type", "unknown type %q (want one of %s)", a.Type, quoteAll(ArticleTypes))
	}
	if strings.TrimSpace(a.Title) == "" {
		c.add("title", "required")
	}
	affiliationIDs := map[string]bool{}
	for _, af := range a.Affiliations {
		affiliationIDs[af.ID] = true
	}
	for i, au := range a.Authors {
		c.author(elemPath("authors", i), &au, affiliationIDs)
	}
	c.affiliations(a.Affiliations)
	if a.Journal != nil {
		c.journal(a.Journal)
	}
	c.pages(a.FirstPage, a.LastPage)
	c.identifier("", "doi", a.DOI, ident.NormalizeDOI, "write the bare DOI %q")
	c.url("", "url", a.URL)
	c.dates(&a.Dates)
	if a.License != nil {
		c.url("", "license.url", a.License.URL)
	}
	if a.Copyright != nil && a.Copyright.Year != 0 && (a.Copyright.Year < 1000 || a.Copyright.Year > 9999) {
		c.add("copyright.year", "%d is not a year from 1000 to 9999", a.Copyright.Year)
	}
	if a.Language != "" {
		c.addErr("language", ident.CheckLanguage(a.Language))
	}
	for i, f := range a.Files {
		path := elemPath("files", i)
		c.requiredURL(path, ".url", f.URL)
		c.mediaType(path+".mediaType", f.MediaType)
		if f.Size != "" && !fileSize.MatchString(f.Size) {
			c.add(path+".size", "%q is not a number and a unit (B, KB, kB, MB, GB, KiB, MiB or GiB)", f.Size)
		}
		c.addErr(path+".uploaded", f.Uploaded.Validate())
	}
	if g := a.GraphicalAbstract; g != nil {
		c.requiredURL("", "graphicalAbstract.url", g.URL)
		c.mediaType("graphicalAbstract.mediaType", g.MediaType)
	}
	for i, r := range a.References {
		path := elemPath("references", i)
		if r.DOI == "" && r.URL == "" && strings.TrimSpace(r.Text) == "" {
			c.add(path, "a reference needs a doi, a url or a text")
		}
		c.identifier(path, ".doi", r.DOI, ident.NormalizeDOI, "write the bare DOI %q")
		c.url(path, ".url", r.URL)
	}
	for i, r := range a.Related {
		path := elemPath("related", i)
		switch {
		case r.Relation == "":
			c.add(path+".relation", "required (one of %s)", quoteAll(Relations))
		case !slices.Contains(Relations, r.Relation):
			c.add(path+".relation", "unknown relation %q (want one of %s)", r.Relation, quoteAll(Relations))
		}
		if r.DOI == "" && r.URL == "" {
			c.add(path, "a related article needs a doi or a url")
		}
		c.identifier(path, ".doi", r.DOI, ident.NormalizeDOI, "write the bare DOI %q")
		c.url(path, ".url", r.URL)
	}
	c.work(a, affiliationIDs)
	return c.errs
}

// checker collects the errors of one article in field order.
type checker struct {
	errs []*FieldError
}

func (c *checker) add(path, format string, args ...any) {
	c.errs = append(c.errs, &FieldError{Path: path, Err: fmt.Errorf(format, args...)})
}

// addErr adds err, when not nil, at path.
func (c *checker) addErr(path string, err error) {
	if err != nil {
		c.errs = append(c.errs, &FieldError{Path: path, Err: err})
	}
}

func (c *checker) author(path string, au *Author, affiliationIDs map[string]bool) {
	switch au.Kind {
	case "", PersonAuthor:
		if strings.TrimSpace(au.Family) == "" && strings.TrimSpace(au.Name) == "" {
			c.add(path, "a person needs a family name or a name")
		}
	case OrganizationAuthor:
		if strings.TrimSpace(au.Name) == "" {
			c.add(path+".name", "required for an organization author")
		}
	default:
		c.add(path+".kind", "unknown kind %q (want one of %s)", au.Kind, quoteAll(AuthorKinds))
	}
	c.identifier(path, ".orcid", au.ORCID, ident.NormalizeORCID, "write the bare ORCID iD %q")
	if au.Email != "" {
		c.addErr(path+".email", ident.CheckEmail(au.Email))
	}
	c.identifier(path, ".ror", au.ROR, ident.NormalizeROR, "write the full ROR ID %q")
	for j, id := range au.Affiliations {
		if !affiliationIDs[id] {
			c.add(elemPath(path+".affiliations", j), "no affiliation has id %q", id)
		}
	}
}

func (c *checker) affiliations(affiliations []Affiliation) {
	first := map[string]int{}
	for i, af := range affiliations {
		path := elemPath("affiliations", i)
		if af.ID == "" {
			c.add(path+".id", "required")
		} else if j, dup := first[af.ID]; dup {
			c.add(path+".id", "duplicate id %q (also affiliations[%d])", af.ID, j)
		} else {
			first[af.ID] = i
		}
		if strings.TrimSpace(af.Name) == "" && strings.TrimSpace(af.Department) == "" {
			c.add(path, "an affiliation needs a name or a department")
		}
		c.identifier(path, ".ror", af.ROR, ident.NormalizeROR, "write the full ROR ID %q")
	}
}

func (c *checker) journal(j *Journal) {
	if strings.TrimSpace(j.Title) == "" {
		c.add("journal.title", "required")
	}
	c.issns("journal.issns", j.ISSNs)
}

// pages checks that a last page comes with a first page, and that numeric
// pages are in order.
func (c *checker) pages(first, last string) {
	switch {
	case last == "":
	case first == "":
		c.add("lastPage", "given without firstPage")
	case isNumber(first) && isNumber(last) && compareNumbers(first, last) > 0:
		c.add("lastPage", "%s is before firstPage %s", last, first)
	}
}

func isNumber(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// compareNumbers compares two non-negative decimal numbers of any length.
func compareNumbers(a, b string) int {
	a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

// identifier checks a non-empty value with normalize and requires it to be
// in normal form already; hint tells how to write it, given that form.
// The value is the field of the element at path ("authors[2]", ".orcid"):
// the two are joined only for a report, because every author and
// reference of every record passes here.
func (c *checker) identifier(path, field, value string, normalize func(string) (string, error), hint string) {
	if value == "" {
		return
	}
	normal, err := normalize(value)
	switch {
	case err != nil:
		c.addErr(path+field, err)
	case normal != value:
		c.add(path+field, hint, normal)
	}
}

// url checks a URL, when given.
func (c *checker) url(path, field, value string) {
	c.identifier(path, field, value, ident.CheckHTTPURL, "write the URL as %q")
}

func (c *checker) requiredURL(path, field, value string) {
	if value == "" {
		c.add(path+field, "required")
	}
	c.url(path, field, value)
}

// mediaType checks a media type, when given: type/subtype and parameters.
func (c *checker) mediaType(path, value string) {
	if value == "" {
		return
	}
	mediaType, _, err := mime.ParseMediaType(value)
	switch {
	case err != nil:
		c.add(path, "%q is not a media type: %v", value, err)
	case !strings.Contains(mediaType, "/"):
		c.add(path, "%q is not a media type of the form type/subtype", value)
	}
}

// dates checks that each date exists and that the milestones are in order.
func (c *checker) dates(d *Dates) {
	type milestone struct {
		path string
		date Date
	}
	var order []milestone
	note := func(path string, date Date, ordered bool) {
		if err := date.Validate(); err != nil {
			c.addErr(path, err)
			return
		}
		if ordered && !date.IsZero() {
			order = append(order, milestone{path, date})
		}
	}
	note("dates.received", d.Received, true)
	for i, date := range d.Revised {
		path := elemPath("dates.revised", i)
		if date.IsZero() {
			c.add(path, "empty date")
		}
		note(path, date, true)
	}
	note("dates.accepted", d.Accepted, true)
	note("dates.published", d.Published, true)
	note("dates.publishedPrint", d.PublishedPrint, false)
	for j, later := range order {
		for _, earlier := range order[:j] {
			if later.date.Before(earlier.date) {
				c.add(later.path, "%s is before %s %s", later.date, earlier.path, earlier.date)
				break
			}
		}
	}
}

// quoteAll lists values quoted and separated by commas.
func quoteAll[T ~string](values []T) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(quoted, ", ")
}
