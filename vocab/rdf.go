package vocab

// Namespaces of RDF itself and of XML Schema datatypes.
const (
	RDF  = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFS = "http://www.w3.org/2000/01/rdf-schema#"
	XSD  = "http://www.w3.org/2001/XMLSchema#"
)

// RDF terms: typing and the rdf:List that holds the author order.
const (
	RDFType       = RDF + "type"
	RDFFirst      = RDF + "first"
	RDFRest       = RDF + "rest"
	RDFNil        = RDF + "nil"
	RDFLangString = RDF + "langString"
	RDFSLabel     = RDFS + "label"
)

// XML Schema datatypes. DCMI dates carry xsd:date, xsd:gYearMonth or
// xsd:gYear according to their precision.
const (
	XSDString     = XSD + "string"
	XSDBoolean    = XSD + "boolean"
	XSDInteger    = XSD + "integer"
	XSDDate       = XSD + "date"
	XSDGYearMonth = XSD + "gYearMonth"
	XSDGYear      = XSD + "gYear"
)
