package jats

import (
	"fmt"
	"slices"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
)

// This file reads what the model gained for issue 12 (docs/worktypes.md):
// funding, editors and translated titles, each read here and only here.

// readFundingAndEditors reads every funding-group's award-groups, the
// editors among the contributors and the translated titles.
func (r *articleReader) readFundingAndEditors() {
	for i, group := range r.meta.All("funding-group") {
		path := fmt.Sprintf("article-meta/funding-group[%d]", i+1)
		awards := group.All("award-group")
		for j, award := range awards {
			r.readAwardGroup(fmt.Sprintf("%s/award-group[%d]", path, j+1), award)
		}
		switch {
		case len(awards) == 0:
			r.warn(path, "<funding-group> without an <award-group> not kept: the model holds funders and awards, not statements")
		case group.Child("funding-statement") != nil:
			r.warn(path+"/funding-statement", "funding statement not kept: the awards are")
		}
	}
	for i, group := range r.meta.All("contrib-group") {
		for j, contrib := range group.All("contrib") {
			if !strings.EqualFold(contrib.Attr("contrib-type"), "editor") {
				continue
			}
			path := fmt.Sprintf("article-meta/contrib-group[%d]/contrib[%d]", i+1, j+1)
			var editor ld.Author
			if !r.readContribName(contrib, path, &editor) {
				continue
			}
			for k, id := range contrib.All("contrib-id") {
				if strings.EqualFold(id.Attr("contrib-id-type"), "orcid") {
					r.setORCID(&editor, plainText(id), fmt.Sprintf("%s/contrib-id[%d]", path, k+1))
				}
			}
			r.article.Editors = append(r.article.Editors, editor)
		}
	}
	for _, trans := range r.meta.Child("title-group").All("trans-title-group") {
		title := trans.Child("trans-title")
		if title == nil {
			r.warn("article-meta/title-group/trans-title-group", "translated title group without a <trans-title> not kept")
			continue
		}
		value := r.markup(title, "article-meta/title-group/trans-title-group/trans-title")
		if value == "" {
			continue
		}
		language := trans.Attr("lang")
		if language != "" && ident.CheckLanguage(language) != nil {
			r.warn("article-meta/title-group/trans-title-group/@xml:lang", "language %q dropped: not a BCP 47 tag", language)
			language = ""
		}
		r.article.AlternativeTitles = append(r.article.AlternativeTitles, ld.AlternativeTitle{Title: value, Language: language})
	}
}

// readAwardGroup reads one award-group: each funding source (its name,
// and its Crossref Funder ID or ROR from institution-id) with each award
// number, or without one when it gives none.
func (r *articleReader) readAwardGroup(path string, award *element) {
	var numbers []string
	for _, id := range award.All("award-id") {
		if v := plainText(id); v != "" && !slices.Contains(numbers, v) {
			numbers = append(numbers, v)
		}
	}
	if len(numbers) == 0 {
		numbers = []string{""}
	}
	for k, source := range award.All("funding-source") {
		spath := fmt.Sprintf("%s/funding-source[%d]", path, k+1)
		funder := r.funder(spath, source)
		if funder.Name == "" {
			r.warn(spath, "funding source without a name not kept")
			continue
		}
		for _, number := range numbers {
			f := ld.Funding{Funder: funder, Award: number}
			if !slices.Contains(r.article.Funding, f) {
				r.article.Funding = append(r.article.Funding, f)
			}
		}
	}
}

// funder reads a funding-source: the institution's name (the source's
// own text when it has no institution element) and its identifiers.
func (r *articleReader) funder(path string, source *element) ld.Funder {
	var funder ld.Funder
	ids := source.Descendants("institution-id")
	if inst := source.Descendants("institution"); len(inst) > 0 {
		funder.Name = plainText(inst[0])
	} else {
		name := plainText(source)
		for _, id := range ids {
			name = strings.TrimSpace(strings.Replace(name, plainText(id), "", 1))
		}
		funder.Name = name
	}
	for _, id := range ids {
		value := plainText(id)
		switch strings.ToLower(id.Attr("institution-id-type")) {
		case "fundref", "doi", "crossref funder id", "crossref-funder-id":
			if strings.Trim(value, "0123456789") == "" {
				value = "10.13039/" + value
			}
			if doi, err := ident.NormalizeDOI(value); err == nil {
				funder.DOI = doi
			} else {
				r.warn(path+"/institution-id", "Funder ID %q dropped: %v", value, err)
			}
		case "ror":
			r.setROR(&funder.ROR, value, path+"/institution-id")
		default:
			r.warn(path+"/institution-id", "identifier %q of type %s not kept", value, orDefault(id.Attr("institution-id-type"), "unknown"))
		}
	}
	return funder
}
