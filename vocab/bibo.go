package vocab

// BIBO is the namespace of the Bibliographic Ontology.
const BIBO = "http://purl.org/ontology/bibo/"

// BIBO terms, used where schema.org and DCMI have none.
const (
	// BIBOAuthorList holds the authors in byline order as an rdf:List.
	BIBOAuthorList = BIBO + "authorList"
	// BIBOISSN is a print ISSN; BIBOEISSN an electronic one.
	BIBOISSN  = BIBO + "issn"
	BIBOEISSN = BIBO + "eissn"
	// BIBONumber is a document number, used for an article number.
	BIBONumber = BIBO + "number"
)
