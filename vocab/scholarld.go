package vocab

// ScholarLD is the namespace of the project's own terms. It holds only what
// neither schema.org, DCMI, BIBO, FaBiO nor PRO/SCoRO can express. The
// namespace is the project's; a w3id.org redirect has to be registered
// before its IRIs dereference.
const ScholarLD = "https://w3id.org/scholarld/terms#"

// ScholarLDDateRevised is the date a revised manuscript was received. It is
// a sub-property of dcterms:date, so a consumer that knows only DCMI still
// reads it as a date of the article; it is deliberately not
// dcterms:modified, which means a change to the published resource.
const ScholarLDDateRevised = ScholarLD + "dateRevised"

// ScholarLDDefinitions defines the project's terms in N-Triples, for the
// vocabulary check and for users who load it into their own store.
const ScholarLDDefinitions = `<` + ScholarLDDateRevised + `> <` + RDFType + `> <` + RDF + `Property> .
<` + ScholarLDDateRevised + `> <` + RDFS + `subPropertyOf> <` + DCTermsDate + `> .
<` + ScholarLDDateRevised + `> <` + RDFSLabel + `> "Date Revised"@en .
<` + ScholarLDDateRevised + `> <` + RDFS + `comment> "Date on which a revised version of the manuscript was received by the publisher."@en .
`
