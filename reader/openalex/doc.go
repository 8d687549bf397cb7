// Package openalex reads OpenAlex work objects: one work, an API list
// response ({"meta": …, "results": […]}), or a stream of either, as the
// lines of a snapshot file (works/updated_date=…/part_*.gz, one work per
// line once decompressed; the bulk pipeline decompresses and may hand the
// reader a line at a time). The work object is the one the OpenAlex
// documentation describes (docs.openalex.org, Work and Authorship
// objects).
//
// What is read, and how (docs/worktypes.md has the model's side):
//
//   - type: article is a work of no asserted genre (as Crossref's
//     journal-article), unless its source is a conference, which makes it a
//     conference paper; preprint, review, editorial, erratum (a
//     correction), retraction, letter, book-review, book-chapter and
//     report are the model's types; peer-review, reference-entry, standard
//     and other are "other". dataset, book, dissertation, paratext,
//     libguides, supplementary-materials and grant are refused by name:
//     "OpenAlex type dataset is not a work scholarld maps".
//   - title (else display_name), with its HTML face markup converted;
//     doi; language; publication_date, else publication_year.
//   - authorships, in order: the author's display_name split as a
//     librarian would, the ORCID, is_corresponding; the institutions with
//     their ROR as affiliations, or, when OpenAlex matched none, the raw
//     affiliation strings.
//   - primary_location: landing_page_url is the URL, pdf_url a PDF file;
//     the source by its type: a journal is the journal (display_name, the
//     ISSN-L as linking ISSN and the other ISSNs, host_organization_name
//     its publisher), a repository (arXiv, bioRxiv) the work's publisher,
//     a conference the event, a book series the series; otherwise the host
//     organisation is the publisher. license: OpenAlex names a Creative
//     Commons licence without its version ("cc-by"), so it is kept as the
//     label "CC BY" without URL; cc0 is CC0 1.0 with its URL;
//     other-oa and publisher-specific-oa are reported.
//   - biblio: volume and issue (of a journal), first and last page.
//   - open_access.is_oa is openAccess.
//   - abstract_inverted_index: rebuilt by Abstract, the words in position
//     order joined by single spaces, which is exact because OpenAlex
//     splits the abstract on white space; an index with a gap or two
//     words at one position is reported and dropped, never guessed.
//   - keywords/topics, by this rule: the keywords' display names in
//     OpenAlex's order, then the primary topic's (else the first
//     topic's), each once. Lower-ranked topics, their subfields, fields
//     and domains, and the legacy concepts are broad classifications and
//     are not kept.
//   - referenced_works are the references, as OpenAlex work IRIs.
//   - awards and funders (which replaced grants in 2025): each award a
//     funding with its funder_award_id, its display_name as the award's
//     title and its DOI as the award's page, the funder by
//     funder_display_name with the ROR the funders list gives it; a listed
//     funder that no award names is a funding without an award. The
//     legacy grants of older snapshots: each a funder by
//     funder_display_name with award_id (OpenAlex's own funder IDs are
//     neither ROR nor Crossref Funder IDs).
//   - ids: the OpenAlex ID, PMID and PMCID as identifiers, in bare form.
//
// One bad work rejects only itself; a syntax error rejects the input from
// there, with its position.
package openalex
