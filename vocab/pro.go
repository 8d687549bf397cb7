package vocab

// PRO is the namespace of the Publishing Roles Ontology; SCoRO that of the
// Scholarly Contributions and Roles Ontology, which defines the
// corresponding-author role.
const (
	PRO   = "http://purl.org/spar/pro/"
	SCoRO = "http://purl.org/spar/scoro/"
)

// Terms of the role pattern: a person pro:holdsRoleInTime a pro:RoleInTime
// that pro:withRole scoro:corresponding-author and
// pro:relatesToDocument the article.
const (
	PRORoleInTime            = PRO + "RoleInTime"
	PROHoldsRoleInTime       = PRO + "holdsRoleInTime"
	PROWithRole              = PRO + "withRole"
	PRORelatesToDocument     = PRO + "relatesToDocument"
	SCoROCorrespondingAuthor = SCoRO + "corresponding-author"
)
