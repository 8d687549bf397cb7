// Package vocab holds the IRIs of every class, property and datatype that
// scholarld emits, one documented constant per term, and the fixed-order
// prefix table used by the Turtle and JSON-LD encoders.
//
// Constants are full IRIs, never CURIEs, so that no global prefix registry
// is needed to read them. Each vocabulary has a file of its own:
//
//	schema.go     schema.org, with the http://schema.org/ IRIs that the
//	              official JSON-LD context produces
//	dcterms.go    DCMI Metadata Terms (http://purl.org/dc/terms/)
//	bibo.go       the Bibliographic Ontology (author order, ISSN kinds)
//	fabio.go      FaBiO (article genres, date received)
//	pro.go        PRO and SCoRO (the corresponding-author role)
//	scholarld.go  the project's own terms, for what no vocabulary above has
//	rdf.go        RDF, RDFS and XML Schema
//
// The tests check every constant against the vocabulary files in
// testdata/vocab, so a misspelt term fails there rather than reaching a
// triple store.
package vocab
