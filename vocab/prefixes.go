package vocab

// Prefix binds a short name to a namespace IRI.
type Prefix struct {
	Name      string
	Namespace string
}

// Prefixes is the fixed-order prefix table used by every encoder that
// abbreviates IRIs. The order is the order in which Turtle @prefix lines
// are written.
var Prefixes = []Prefix{
	{"schema", Schema},
	{"dcterms", DCTerms},
	{"bibo", BIBO},
	{"fabio", FaBiO},
	{"pro", PRO},
	{"scoro", SCoRO},
	{"sld", ScholarLD},
	{"rdf", RDF},
	{"rdfs", RDFS},
	{"xsd", XSD},
}
