package jats

import (
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/vocab"
)

// TestOlderPLOSLike reads a file written like older PLOS articles, which
// lost their journal, affiliations, date and licence: every rule of issue
// 11 for JATS at once, through to the mapping.
func TestOlderPLOSLike(t *testing.T) {
	a, warnings := readOne(t, "testdata/older-plos-like.xml")
	eq(t, "journal", a.Journal, &ld.Journal{
		Title:     "PLoS Med",
		ISSNs:     []ld.ISSN{{Value: "1549-1277", Kind: ld.PrintISSN}, {Value: "1549-1676", Kind: ld.ElectronicISSN}},
		Publisher: &ld.Publisher{Name: "Public Library of Science"},
	})
	eq(t, "affiliations", a.Affiliations, []ld.Affiliation{
		{ID: "aff1", Name: "Department of Medicine, University of Cape Town, Cape Town, South Africa"},
		{ID: "aff2", Name: "Division of Infectious Diseases, Example University, Lagos, Nigeria"},
	})
	eq(t, "published", a.Dates.Published, ld.Date{Year: 2009, Month: 7, Day: 14})
	eq(t, "licence", a.License, &ld.License{Label: "CC BY"})
	eq(t, "open access", a.OpenAccess != nil && *a.OpenAccess, true)
	eq(t, "title", a.Title, "Why m_p = 0 in a study of many affiliations")
	eq(t, "abstract", a.Abstract, "A mass m of zero.")
	for _, want := range []string{
		`journal-meta: no journal-title: the journal-id "PLoS Med" (nlm-ta) stands for it`,
		`article-meta/permissions[1]/license[1]/license-p: the text names CC BY without a version`,
	} {
		found := false
		for _, w := range warnings {
			found = found || strings.HasPrefix(w.String(), want)
		}
		if !found {
			t.Errorf("missing warning %q in %q", want, warnings)
		}
	}

	g, err := ld.Map(a, ld.SchemaProfile)
	if err != nil {
		t.Fatal(err)
	}
	organizations := map[string]bool{}
	for _, tr := range g.Triples {
		if tr.Pred.String() == vocab.RDFType && tr.Obj.String() == vocab.SchemaOrganization {
			organizations[tr.Subj.String()] = true
		}
	}
	holders := 0
	for _, tr := range g.Triples {
		switch tr.Pred.String() {
		case vocab.SchemaAffiliation:
			if organizations[tr.Subj.String()] {
				t.Errorf("the collab author has schema:affiliation, which schema.org defines for persons only")
			}
		case vocab.SchemaCopyrightHolder:
			holders++
		case vocab.SchemaName:
			if tr.Obj.String() == "Harrison et al" {
				t.Errorf("%s is named \"Harrison et al\": the holder is the authors", tr.Subj)
			}
		}
	}
	if holders != 3 {
		t.Errorf("%d copyright holders, want the 3 authors", holders)
	}
}
