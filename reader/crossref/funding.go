package crossref

import (
	"fmt"
	"slices"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader/internal/xmltree"
)

// This file reads what the model gained for issue 12 (docs/worktypes.md):
// funders with their awards, editors and the subtitle, each read here
// and only here.

// readFundingAndEditors reads message.funder (each award one funding,
// the funder's DOI its Crossref Funder ID), message.editor and the first
// subtitle.
func (w *jsonWork) readFundingAndEditors() {
	var funders []jsonFunder
	if w.get("funder", &funders) {
		for i, f := range funders {
			w.b.addFunding(fmt.Sprintf("%s[%d]", w.path("funder"), i), clean(f.Name), clean(f.DOI), f.Award)
		}
	}
	var editors []jsonContributor
	if w.get("editor", &editors) {
		for i, c := range editors {
			path := fmt.Sprintf("%s[%d]", w.path("editor"), i)
			editor := ld.Author{Given: clean(c.Given), Family: clean(c.Family), Suffix: clean(c.Suffix)}
			if name := clean(c.Name); editor.Given == "" && editor.Family == "" && name != "" {
				editor = ld.Author{Kind: ld.OrganizationAuthor, Name: name}
			} else if !w.b.person(path, &editor) {
				continue
			}
			w.b.setEditorORCID(path+".ORCID", &editor, clean(c.ORCID))
			for j, a := range c.Affiliation {
				if id, ok := w.affiliation(fmt.Sprintf("%s.affiliation[%d]", path, j), a); ok && !slices.Contains(editor.Affiliations, id) {
					editor.Affiliations = append(editor.Affiliations, id)
				}
			}
			w.b.art.Editors = append(w.b.art.Editors, editor)
		}
	}
	var subtitles stringList
	if w.get("subtitle", &subtitles) {
		w.b.setSubtitle(w.path("subtitle"), subtitles)
	}
}

// addFunding adds a funder's awards, or the funder alone when it names
// none and is not already known by name. doi is the Crossref Funder ID (a DOI under 10.13039); a value that
// is not a DOI is reported and dropped.
func (b *builder) addFunding(path, name, doi string, awards []string) {
	if name == "" {
		b.warn(path, "funder without a name not kept")
		return
	}
	funder := ld.Funder{Name: name}
	if doi != "" && strings.Trim(doi, "0123456789") == "" {
		doi = "10.13039/" + doi // a bare Funder ID, as some deposits give it
	}
	if doi != "" {
		if norm, err := ident.NormalizeDOI(doi); err == nil {
			funder.DOI = norm
		} else {
			b.warn(path, "funder DOI %q dropped: %v", doi, err)
		}
	}
	add := func(f ld.Funding) {
		if !slices.Contains(b.art.Funding, f) { // deposits repeat funders
			b.art.Funding = append(b.art.Funding, f)
		}
	}
	var kept []string
	for _, award := range awards {
		if award = clean(award); award != "" && !slices.Contains(kept, award) {
			kept = append(kept, award)
		}
	}
	named := func(f ld.Funding) bool { return f.Funder.Name == name }
	switch {
	case len(kept) > 0:
	case funder.DOI == "" && slices.ContainsFunc(b.art.Funding, named):
		// A repeated name with nothing more adds nothing.
	default:
		add(ld.Funding{Funder: funder})
	}
	for _, award := range kept {
		add(ld.Funding{Funder: funder, Award: award})
	}
}

func (b *builder) setEditorORCID(path string, editor *ld.Author, raw string) {
	if raw == "" {
		return
	}
	if orcid, err := ident.NormalizeORCID(raw); err == nil && !editor.IsOrganization() {
		editor.ORCID = orcid
	} else {
		b.warn(path, "ORCID %q dropped", raw)
	}
}

// setSubtitle keeps the first subtitle and reports the others.
func (b *builder) setSubtitle(path string, subtitles []string) {
	for _, s := range subtitles {
		switch s = inlineMarkup(s); {
		case s == "":
		case b.art.Subtitle == "":
			b.art.Subtitle = s
		default:
			b.warn(path, "a further subtitle %q not kept", s)
		}
	}
}

// readEditorsAndFunding reads the editors among the contributors, the
// first subtitle and every FundRef program of a journal_article.
func (a *xmlArticle) readEditorsAndFunding(path string, n *xmltree.Node) {
	seen := map[string]int{}
	for _, c := range n.Child("contributors").Elements() {
		seen[c.Name]++
		cpath := fmt.Sprintf("%s/contributors/%s[%d]", path, c.Name, seen[c.Name])
		if c.Attr("contributor_role") != "editor" {
			continue
		}
		var editor ld.Author
		switch c.Name {
		case "person_name":
			var ok bool
			if editor, ok = a.person(cpath, c); !ok {
				continue
			}
		case "organization":
			if editor = (ld.Author{Kind: ld.OrganizationAuthor, Name: value(c)}); editor.Name == "" {
				continue
			}
		default:
			continue
		}
		a.b.art.Editors = append(a.b.art.Editors, editor)
	}
	var subtitles []string
	for _, t := range n.Child("titles").All("subtitle") {
		subtitles = append(subtitles, xmlMarkup(t))
	}
	a.b.setSubtitle(path+"/titles/subtitle", subtitles)
	for _, prog := range fundrefPrograms(n) {
		groups := prog.All("assertion")
		if !slices.ContainsFunc(groups, func(g *xmltree.Node) bool { return g.Attr("name") == "fundgroup" }) {
			groups = []*xmltree.Node{prog}
		}
		for _, g := range groups {
			if g != prog && g.Attr("name") != "fundgroup" {
				continue
			}
			var awards []string
			for _, c := range g.All("assertion") {
				if c.Attr("name") == "award_number" {
					awards = append(awards, value(c))
				}
			}
			for _, c := range g.All("assertion") {
				if c.Attr("name") != "funder_name" {
					continue
				}
				doi := ""
				for _, id := range c.All("assertion") {
					if id.Attr("name") == "funder_identifier" {
						doi = clean(value(id))
					}
				}
				a.b.addFunding(path+"/program", clean(ownValue(c)), doi, awards)
			}
		}
	}
}

// fundrefPrograms finds the FundRef programs at any depth below n: in the
// article and in its Crossmark.
func fundrefPrograms(n *xmltree.Node) []*xmltree.Node {
	var out []*xmltree.Node
	for _, c := range n.Elements() {
		if c.Name == "program" && c.Attr("name") == "fundref" {
			out = append(out, c)
			continue
		}
		out = append(out, fundrefPrograms(c)...)
	}
	return out
}
