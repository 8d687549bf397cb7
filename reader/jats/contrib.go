package jats

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader/internal/names"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// contributor is an author being read, with what links it to
// affiliations and correspondence notes.
type contributor struct {
	author ld.Author
	path   string
	// affiliationRefs are JATS aff ids from xref and @rid.
	affiliationRefs []string
	// ownAffiliations are the aff elements inside the contrib.
	ownAffiliations []*element
	// correspondenceRefs are ids of author-notes/corresp.
	correspondenceRefs []string
	group              *element
}

// readContributors reads the authors of every contrib-group, their
// affiliations and the correspondence notes.
func (r *articleReader) readContributors() {
	meta := r.meta
	groups := meta.All("contrib-group")
	// Affiliations may stand in article-meta or in any contrib-group.
	var shared []*element
	for _, holder := range append([]*element{meta}, groups...) {
		for _, aff := range holder.Elements() {
			if aff.Name == "aff" || aff.Name == "aff-alternatives" {
				shared = append(shared, aff)
				if id := aff.Attr("id"); id != "" {
					r.affiliationsByJATSID[id] = aff
				}
			}
		}
	}
	var contributors []*contributor
	usesReferences := false
	for i, group := range groups {
		groupPath := fmt.Sprintf("article-meta/contrib-group[%d]", i+1)
		for j, contrib := range group.All("contrib") {
			path := fmt.Sprintf("%s/contrib[%d]", groupPath, j+1)
			c := r.readContrib(contrib, path)
			if c == nil {
				continue
			}
			c.group = group
			if len(c.affiliationRefs) > 0 {
				usesReferences = true
			}
			contributors = append(contributors, c)
		}
		for _, other := range group.Elements() {
			switch other.Name {
			case "contrib", "aff", "aff-alternatives", "x":
			default:
				r.warn(groupPath+"/"+other.Name, "%s not kept", truncate(plainText(other)))
			}
		}
	}
	referenced := map[*element]bool{}
	for _, c := range contributors {
		for _, aff := range c.ownAffiliations {
			r.linkAffiliation(c, aff, c.path+"/aff", true)
		}
		for _, id := range c.affiliationRefs {
			aff, ok := r.affiliationsByJATSID[id]
			if !ok {
				continue
			}
			referenced[aff] = true
			r.linkAffiliation(c, aff, "article-meta/aff[@id="+id+"]", false)
		}
		// Without any cross-references, an aff beside the contribs (in
		// their group, or else in article-meta) belongs to each of them.
		if !usesReferences && len(c.ownAffiliations) == 0 {
			for _, aff := range groupAffiliations(c.group, meta) {
				referenced[aff] = true
				r.linkAffiliation(c, aff, "article-meta/aff", false)
			}
		}
	}
	for _, aff := range shared {
		if !referenced[aff] {
			affiliation, emails, ok := r.readAffiliation(aff, "article-meta/aff")
			if ok {
				r.addAffiliation(affiliation)
			}
			r.warnSharedEmails(aff, emails, "article-meta/aff")
		}
	}
	r.readCorrespondence(contributors)
	for _, c := range contributors {
		r.article.Authors = append(r.article.Authors, c.author)
	}
}

// groupAffiliations are the affs of a contrib-group, or when it has none
// those of article-meta.
func groupAffiliations(group, meta *element) []*element {
	for _, holder := range []*element{group, meta} {
		var affs []*element
		for _, aff := range holder.Elements() {
			if aff.Name == "aff" || aff.Name == "aff-alternatives" {
				affs = append(affs, aff)
			}
		}
		if len(affs) > 0 {
			return affs
		}
	}
	return nil
}

// linkAffiliation adds the affiliation read from aff to the author. The
// e-mail address in an aff inside the contrib is the author's own.
func (r *articleReader) linkAffiliation(c *contributor, aff *element, path string, own bool) {
	affiliation, emails, ok := r.readAffiliation(aff, path)
	if !ok {
		return
	}
	id := r.addAffiliation(affiliation)
	if !slices.Contains(c.author.Affiliations, id) {
		c.author.Affiliations = append(c.author.Affiliations, id)
	}
	if own {
		for _, email := range emails {
			r.setEmail(&c.author, email, path+"/email")
		}
		return
	}
	r.warnSharedEmails(aff, emails, path)
}

// warnSharedEmails reports, once per aff, the e-mail addresses in an aff
// that is not inside one contrib: they belong to no author for sure.
func (r *articleReader) warnSharedEmails(aff *element, emails []string, path string) {
	if r.warnedEmails[aff] {
		return
	}
	r.warnedEmails[aff] = true
	for _, email := range emails {
		r.warn(path+"/email", "e-mail %q not kept: the affiliation is not one author's", email)
	}
}

// addAffiliation returns the id of an equal affiliation already listed,
// or lists this one under the next id "affN".
func (r *articleReader) addAffiliation(affiliation ld.Affiliation) string {
	for _, known := range r.article.Affiliations {
		if equalAffiliation(known, affiliation) {
			return known.ID
		}
	}
	affiliation.ID = fmt.Sprintf("aff%d", len(r.article.Affiliations)+1)
	r.article.Affiliations = append(r.article.Affiliations, affiliation)
	return affiliation.ID
}

func equalAffiliation(a, b ld.Affiliation) bool {
	a.ID, b.ID = "", ""
	var addressA, addressB ld.Address
	if a.Address != nil {
		addressA = *a.Address
	}
	if b.Address != nil {
		addressB = *b.Address
	}
	a.Address, b.Address = nil, nil
	return a == b && addressA == addressB
}

// readContrib reads one contrib; it returns nil for a contributor that is
// not an author.
func (r *articleReader) readContrib(contrib *element, path string) *contributor {
	warningsBefore := len(r.warnings)
	kind := strings.ToLower(contrib.Attr("contrib-type"))
	c := &contributor{path: path}
	author := &c.author
	if kind == "editor" {
		return nil // read by readFundingAndEditors
	}
	named := r.readContribName(contrib, path, author)
	if kind != "" && kind != "author" {
		r.warnings = r.warnings[:warningsBefore]
		r.warn(path, "%s %q not kept: the model holds authors and editors only", kind, author.DisplayName())
		return nil
	}
	if !named {
		r.warn(path, "author without a name not kept")
		return nil
	}
	if strings.EqualFold(contrib.Attr("corresp"), "yes") {
		author.Corresponding = true
	}
	for _, key := range []string{"equal-contrib", "deceased"} {
		if strings.EqualFold(contrib.Attr(key), "yes") {
			r.warn(path+"/@"+key, "%s not kept", key)
		}
	}
	c.affiliationRefs = append(c.affiliationRefs, r.knownAffiliationIDs(contrib.Attr("rid"))...)
	counts := map[string]int{}
	for _, child := range contrib.Elements() {
		counts[child.Name]++
		childPath := fmt.Sprintf("%s/%s[%d]", path, child.Name, counts[child.Name])
		switch child.Name {
		case "name", "string-name", "name-alternatives", "collab", "collab-alternatives", "x", "anonymous":
			// Read above.
		case "contrib-id":
			r.readContribID(author, child, childPath)
		case "uri", "ext-link":
			if strings.EqualFold(child.Attr("content-type"), "orcid") || strings.Contains(strings.ToLower(child.Attr("href")+plainText(child)), "orcid.org/") {
				r.setORCID(author, orDefault(child.Attr("href"), plainText(child)), childPath)
			} else {
				r.warn(childPath, "link %q not kept", orDefault(child.Attr("href"), plainText(child)))
			}
		case "email":
			r.setEmail(author, plainText(child), childPath)
		case "address":
			for _, email := range child.Descendants("email") {
				r.setEmail(author, plainText(email), childPath+"/email")
			}
		case "xref":
			switch strings.ToLower(child.Attr("ref-type")) {
			case "aff":
				c.affiliationRefs = append(c.affiliationRefs, strings.Fields(child.Attr("rid"))...)
			case "corresp":
				author.Corresponding = true
				c.correspondenceRefs = append(c.correspondenceRefs, strings.Fields(child.Attr("rid"))...)
			}
		case "aff", "aff-alternatives":
			c.ownAffiliations = append(c.ownAffiliations, child)
		default:
			r.warn(childPath, "%s not kept", truncate(plainText(child)))
		}
	}
	return c
}

// knownAffiliationIDs keeps the ids in an IDREFS value that name an aff.
func (r *articleReader) knownAffiliationIDs(ids string) []string {
	var known []string
	for _, id := range strings.Fields(ids) {
		if _, ok := r.affiliationsByJATSID[id]; ok {
			known = append(known, id)
		}
	}
	return known
}

// readContribName fills the author's name from name, string-name,
// name-alternatives or collab, and reports whether there was one.
func (r *articleReader) readContribName(contrib *element, path string, author *ld.Author) bool {
	name := contrib.Child("name")
	if name == nil {
		name = contrib.Child("string-name")
	}
	if alternatives := contrib.Child("name-alternatives"); name == nil && alternatives != nil {
		name = r.chooseName(alternatives, path+"/name-alternatives")
	}
	if name != nil {
		if collab := contrib.Child("collab"); collab != nil {
			r.warn(path+"/collab", "collaboration %q beside the person's name not kept", plainText(collab))
		}
		r.readPersonName(name, path+"/"+name.Name, author)
		return author.Family != "" || author.Given != ""
	}
	collab := contrib.Child("collab")
	if alternatives := contrib.Child("collab-alternatives"); collab == nil && alternatives != nil {
		collab = r.chooseName(alternatives, path+"/collab-alternatives")
	}
	if collab == nil {
		return false
	}
	return r.readCollab(collab, path+"/collab", author)
}

// chooseName picks the Latin-script form among name alternatives, else
// the first, and reports the others.
func (r *articleReader) chooseName(alternatives *element, path string) *element {
	forms := alternatives.Elements()
	chosen := -1
	for i, form := range forms {
		if isLatin(plainText(form)) {
			chosen = i
			break
		}
	}
	if chosen < 0 && len(forms) > 0 {
		chosen = 0
	}
	for i, form := range forms {
		if i != chosen {
			r.warn(fmt.Sprintf("%s/%s[%d]", path, form.Name, i+1), "other form of the name %q not kept", plainText(form, "surname", "given-names"))
		}
	}
	if chosen < 0 {
		return nil
	}
	return forms[chosen]
}

// isLatin reports whether every letter of s is in the Latin script.
func isLatin(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters = true
		}
	}
	return letters
}

// readPersonName reads a <name> or <string-name>. A string-name without
// tagged parts is split by reader/internal/names.
func (r *articleReader) readPersonName(name *element, path string, author *ld.Author) {
	surname := name.Child("surname")
	given := name.Child("given-names")
	if name.Name == "string-name" && surname == nil && given == nil {
		parsed := names.Parse(plainText(name))
		author.Given, author.Family, author.Suffix = parsed.Given, parsed.Family, parsed.Suffix
		return
	}
	author.Family = plainText(surname)
	author.Given = plainText(given)
	author.Suffix = plainText(name.Child("suffix"))
	if author.Family == "" && author.Given != "" {
		author.Family, author.Given = author.Given, ""
		r.warn(path, "name without a surname: %q read as the family name", author.Family)
	}
	if prefix := plainText(name.Child("prefix")); prefix != "" {
		r.warn(path+"/prefix", "honorific %q not kept", prefix)
	}
}

// readCollab reads an organisation author. Members listed inside the
// collab are reported, not kept.
func (r *articleReader) readCollab(collab *element, path string, author *ld.Author) bool {
	content := *collab
	content.Children = nil
	members := 0
	for _, child := range collab.Children {
		switch child.Name {
		case "contrib-group":
			members += len(child.Descendants("contrib"))
		case "contrib":
			members++
		case "xref", "fn", "email", "address", "institution-wrap", "contrib-id", "aff":
		default:
			content.Children = append(content.Children, child)
		}
	}
	author.Kind = ld.OrganizationAuthor
	author.Name = plainText(&content)
	if members > 0 {
		r.warn(path+"/contrib-group", "%d members of %q not kept: the collaboration is the author", members, author.Name)
	}
	for _, id := range collab.Descendants("institution-id") {
		if strings.EqualFold(id.Attr("institution-id-type"), "ror") {
			r.setROR(&author.ROR, plainText(id), path+"/institution-id")
		}
	}
	return author.Name != ""
}

func (r *articleReader) readContribID(author *ld.Author, id *element, path string) {
	value := plainText(id)
	switch kind := strings.ToLower(id.Attr("contrib-id-type")); kind {
	case "orcid":
		r.setORCID(author, value, path)
	case "ror":
		if author.IsOrganization() {
			r.setROR(&author.ROR, value, path)
			return
		}
		fallthrough
	default:
		r.warn(path, "identifier %q of type %s not kept", value, orDefault(kind, "unknown"))
	}
}

func (r *articleReader) setORCID(author *ld.Author, value, path string) {
	orcid, err := ident.NormalizeORCID(value)
	switch {
	case err != nil:
		r.warn(path, "ORCID dropped: %v", err)
	case author.ORCID == "":
		author.ORCID = orcid
	case author.ORCID != orcid:
		r.warn(path, "second ORCID %q not kept", orcid)
	}
}

func (r *articleReader) setROR(field *string, value, path string) {
	ror, err := ident.NormalizeROR(value)
	switch {
	case err != nil:
		r.warn(path, "ROR ID dropped: %v", err)
	case *field == "":
		*field = ror
	case *field != ror:
		r.warn(path, "second ROR ID %q not kept", ror)
	}
}

func (r *articleReader) setEmail(author *ld.Author, value, path string) {
	email := strings.TrimPrefix(text.Clean(value), "mailto:")
	if err := ident.CheckEmail(email); err != nil {
		r.warn(path, "e-mail dropped: %v", err)
		return
	}
	switch {
	case author.Email == "":
		author.Email = email
	case author.Email != email:
		r.warn(path, "second e-mail %q not kept", email)
	}
}

// readAffiliation reads an aff (or the chosen aff of aff-alternatives) and
// returns the e-mail addresses written inside it. ok is false when the
// aff names neither an institution nor a department.
func (r *articleReader) readAffiliation(aff *element, path string) (affiliation ld.Affiliation, emails []string, ok bool) {
	if aff.Name == "aff-alternatives" {
		aff = r.chooseAffiliation(aff, path)
		if aff == nil {
			return ld.Affiliation{}, nil, false
		}
	}
	for _, email := range aff.Descendants("email") {
		emails = append(emails, plainText(email))
	}
	var departments, institutions []string
	for _, institution := range aff.Descendants("institution") {
		value := plainText(institution)
		switch strings.ToLower(institution.Attr("content-type")) {
		case "dept", "department", "division", "section":
			departments = append(departments, value)
		default:
			institutions = append(institutions, value)
		}
	}
	for _, id := range aff.Descendants("institution-id") {
		switch kind := strings.ToLower(id.Attr("institution-id-type")); kind {
		case "ror":
			r.setROR(&affiliation.ROR, plainText(id), path+"/institution-id")
		default:
			r.warn(path+"/institution-id", "identifier %q of type %s not kept", plainText(id), orDefault(kind, "unknown"))
		}
	}
	var untyped []string
	affiliation.Address, untyped = readAddress(aff)
	if hasLooseText(aff) || len(institutions) == 0 && len(departments) == 0 && len(aff.Descendants("addr-line")) > 0 {
		// The aff is written as running text ("<label>1</label>Department
		// of..., University..., City, Country"), or only as <addr-line>s
		// (older PLOS files): it is kept whole, as the name, and not split
		// by guesswork. Address parts that are tagged are kept too.
		affiliation.Name = affiliationText(aff)
	} else {
		affiliation.Name = strings.Join(cleanAll(institutions), ", ")
		affiliation.Department = strings.Join(cleanAll(departments), ", ")
		for _, line := range untyped {
			r.warn(path+"/addr-line", "address line %q not kept: the model's address has no untyped line", line)
		}
	}
	if affiliation.Name == "" && affiliation.Department == "" {
		r.warn(path, "affiliation without an institution not kept")
		return ld.Affiliation{}, emails, false
	}
	return affiliation, emails, true
}

// chooseAffiliation picks the aff of aff-alternatives written in English
// or without a language, else the first, and reports the others.
func (r *articleReader) chooseAffiliation(alternatives *element, path string) *element {
	affs := alternatives.All("aff")
	chosen := -1
	for i, aff := range affs {
		if lang := aff.Attr("lang"); lang == "" || sameLanguage(lang, "en") {
			chosen = i
			break
		}
	}
	if chosen < 0 && len(affs) > 0 {
		chosen = 0
	}
	for i, aff := range affs {
		if i != chosen {
			r.warn(fmt.Sprintf("%s/aff[%d]", path, i+1), "other form of the affiliation %s not kept", truncate(affiliationText(aff)))
		}
	}
	if chosen < 0 {
		return nil
	}
	return affs[chosen]
}

// affiliationParts are the tagged parts of an aff; the text between them
// is punctuation when the aff is fully tagged.
var affiliationParts = map[string]bool{
	"institution": true, "institution-wrap": true, "addr-line": true,
	"city": true, "state": true, "postal-code": true, "country": true,
	"named-content": true, "email": true, "label": true, "xref": true,
	"fn": true, "uri": true, "ext-link": true, "phone": true, "fax": true,
}

// hasLooseText reports whether an aff holds words outside its tagged
// parts (a leading <sup> footnote mark aside).
func hasLooseText(aff *element) bool {
	for i, child := range aff.Children {
		switch {
		case child.Name == "":
			if strings.IndexFunc(child.Text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
				return true
			}
		case child.Name == "sup" && i == firstContent(aff):
		case !affiliationParts[child.Name]:
			return true
		}
	}
	return false
}

// firstContent is the index of the first child that is not blank text.
func firstContent(e *element) int {
	for i, child := range e.Children {
		if child.Name != "" || strings.TrimSpace(child.Text) != "" {
			return i
		}
	}
	return -1
}

// affiliationText is the running text of an aff without its label, a
// leading footnote mark, e-mail addresses and links.
func affiliationText(aff *element) string {
	content := *aff
	content.Children = nil
	first := firstContent(aff)
	for i, child := range aff.Children {
		switch {
		case child.Name == "label", child.Name == "email", child.Name == "xref", child.Name == "fn", child.Name == "institution-id":
		case child.Name == "sup" && i == first:
		default:
			content.Children = append(content.Children, child)
		}
	}
	return strings.Trim(plainText(&content, "institution", "addr-line", "city", "state", "postal-code", "country"), " ,;")
}

// readCorrespondence reads author-notes: the e-mail of a corresp note
// goes to the one author that points to it; an e-mail that cannot be
// given to one author, and the other notes, are reported.
func (r *articleReader) readCorrespondence(contributors []*contributor) {
	notes := r.meta.Child("author-notes")
	if notes == nil {
		return
	}
	var unassigned []string
	for i, corresp := range notes.All("corresp") {
		path := fmt.Sprintf("article-meta/author-notes/corresp[%d]", i+1)
		var emails []string
		for _, email := range corresp.Descendants("email") {
			emails = append(emails, plainText(email))
		}
		id := corresp.Attr("id")
		var pointing []*contributor
		for _, c := range contributors {
			if id != "" && slices.Contains(c.correspondenceRefs, id) {
				pointing = append(pointing, c)
			}
		}
		if len(pointing) == 1 && len(emails) == 1 && pointing[0].author.Email == "" {
			r.setEmail(&pointing[0].author, emails[0], path+"/email")
			continue
		}
		if len(pointing) == 0 {
			unassigned = append(unassigned, emails...)
			continue
		}
		for _, email := range emails {
			if !pointedEmail(pointing, email) {
				r.warn(path, "e-mail %q not kept: the note is shared by %d authors", email, len(pointing))
			}
		}
	}
	// A note no author points to belongs to the one corresponding author
	// without an e-mail, when there is exactly one of each.
	var waiting []*contributor
	for _, c := range contributors {
		if c.author.Corresponding && c.author.Email == "" && len(c.correspondenceRefs) == 0 {
			waiting = append(waiting, c)
		}
	}
	if len(unassigned) == 1 && len(waiting) == 1 {
		r.setEmail(&waiting[0].author, unassigned[0], "article-meta/author-notes/corresp/email")
	} else {
		for _, email := range unassigned {
			if !pointedEmail(contributors, email) {
				r.warn("article-meta/author-notes/corresp", "e-mail %q not kept: no single author it belongs to", email)
			}
		}
	}
	for i, fn := range notes.All("fn") {
		r.warn(fmt.Sprintf("article-meta/author-notes/fn[%d]", i+1), "author note %s not kept", truncate(plainText(fn)))
	}
}

// pointedEmail reports whether one of the contributors already has email.
func pointedEmail(contributors []*contributor, email string) bool {
	email = strings.TrimPrefix(text.Clean(email), "mailto:")
	for _, c := range contributors {
		if c.author.Email == email {
			return true
		}
	}
	return false
}
