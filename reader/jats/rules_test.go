package jats

import (
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
)

// minimal wraps article-meta content (after a title) into a JATS article.
func minimal(meta string) string {
	return `<article article-type="research-article" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:ali="http://www.niso.org/schemas/ali/1.0/" xmlns:mml="http://www.w3.org/1998/Math/MathML">
<front><journal-meta><journal-title-group><journal-title>Journal</journal-title></journal-title-group></journal-meta>
<article-meta><title-group><article-title>Title</article-title></title-group>` + meta + `</article-meta></front></article>`
}

// withJournal wraps journal-meta content into a JATS article.
func withJournal(journalMeta string) string {
	return `<article><front><journal-meta>` + journalMeta + `</journal-meta>
<article-meta><title-group><article-title>Title</article-title></title-group></article-meta></front></article>`
}

// withBack wraps back matter into a JATS article.
func withBack(back string) string {
	return `<article xmlns:xlink="http://www.w3.org/1999/xlink"><front><article-meta><title-group><article-title>Title</article-title></title-group></article-meta></front><back>` + back + `</back></article>`
}

// ruleTest is one mapping rule: an input, what the article must hold and
// the warnings it must give. FuzzRead uses the inputs as seeds too.
type ruleTest struct {
	name     string
	xml      string
	check    func(t *testing.T, a *ld.Article)
	warnings []string
}

var ruleTests = []ruleTest{
	{
		name:  "review article type",
		xml:   strings.Replace(minimal(""), "research-article", "review-article", 1),
		check: func(t *testing.T, a *ld.Article) { eq(t, "type", a.Type, ld.ReviewArticle) },
	},
	{
		name:     "unknown article type",
		xml:      strings.Replace(minimal(""), "research-article", "obituary", 1),
		check:    func(t *testing.T, a *ld.Article) { eq(t, "type", a.Type, ld.OtherArticle) },
		warnings: []string{`article/@article-type: article type "obituary" has no equivalent: read as "other"`},
	},
	{
		name:  "no article type",
		xml:   withJournal(""),
		check: func(t *testing.T, a *ld.Article) { eq(t, "type", a.Type, "") },
	},
	{
		name:  "language",
		xml:   strings.Replace(minimal(""), "<article ", `<article xml:lang="pt-BR" `, 1),
		check: func(t *testing.T, a *ld.Article) { eq(t, "language", a.Language, "pt-BR") },
	},
	{
		name:     "bad language",
		xml:      strings.Replace(minimal(""), "<article ", `<article xml:lang="english" `, 1),
		check:    func(t *testing.T, a *ld.Article) { eq(t, "language", a.Language, "") },
		warnings: []string{`article/@xml:lang: dropped: language tag "english"`},
	},
	{
		name: "subtitle kept as the subtitle, as the Crossref readers keep it",
		xml: strings.Replace(minimal(""), "<article-title>Title</article-title>",
			"<article-title>Big <italic>data</italic></article-title><subtitle>A <bold>short</bold> guide</subtitle><subtitle>Second</subtitle>", 1),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "title and subtitle", []string{a.Title, a.Subtitle}, []string{"Big <i>data</i>", "A <b>short</b> guide"})
		},
		warnings: []string{`article-meta/title-group/subtitle[2]: a further subtitle "Second" not kept`},
	},
	{
		name: "alternative and translated titles",
		xml: strings.Replace(minimal(""), "</title-group>",
			`<alt-title alt-title-type="running-head">Short</alt-title><trans-title-group xml:lang="de"><trans-title>Titel</trans-title></trans-title-group></title-group>`, 1),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "title", a.Title, "Title")
			eq(t, "translated title", a.AlternativeTitles, []ld.AlternativeTitle{{Title: "Titel", Language: "de"}})
		},
		warnings: []string{
			`article-meta/title-group/alt-title: alternative title "Short" (running-head) not kept`,
		},
	},
	{
		name: "title entities, footnote and CDATA",
		xml: strings.Replace(minimal(""), "<article-title>Title</article-title>",
			`<article-title>Smith&nbsp;&amp;&#x00A0;Jones&ndash;<![CDATA[<1>]]> 2020<fn><p>Note</p></fn></article-title>`, 1),
		check:    func(t *testing.T, a *ld.Article) { eq(t, "title", a.Title, "Smith & Jones–<1> 2020") },
		warnings: []string{`article-meta/title-group/article-title/fn: footnote not kept: "Note"`},
	},
	{
		name: "string-name without parts",
		xml:  minimal(`<contrib-group><contrib contrib-type="author"><string-name>Smith, Amos B., III</string-name></contrib></contrib-group>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "authors", a.Authors, []ld.Author{{Given: "Amos B.", Family: "Smith", Suffix: "III"}})
		},
	},
	{
		name: "string-name with parts",
		xml:  minimal(`<contrib-group><contrib><string-name><given-names>Maria</given-names> <surname>De Leo</surname></string-name></contrib></contrib-group>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "authors", a.Authors, []ld.Author{{Given: "Maria", Family: "De Leo"}})
		},
	},
	{
		name: "name alternatives prefer Latin",
		xml: minimal(`<contrib-group><contrib contrib-type="author"><name-alternatives>
				<name name-style="eastern" xml:lang="zh"><surname>张</surname><given-names>伟</given-names></name>
				<name name-style="western" xml:lang="en"><surname>Zhang</surname><given-names>Wei</given-names></name>
				</name-alternatives></contrib></contrib-group>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "authors", a.Authors, []ld.Author{{Given: "Wei", Family: "Zhang"}})
		},
		warnings: []string{`article-meta/contrib-group[1]/contrib[1]/name-alternatives/name[1]: other form of the name "张 伟" not kept`},
	},
	{
		name: "collab with members",
		xml: minimal(`<contrib-group><contrib contrib-type="author"><name><surname>Doe</surname><given-names>Jane</given-names></name></contrib>
				<contrib contrib-type="author"><collab>The <italic>ABC</italic> Consortium<contrib-group><contrib><name><surname>Roe</surname></name></contrib><contrib><name><surname>Poe</surname></name></contrib></contrib-group></collab></contrib></contrib-group>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "authors", a.Authors, []ld.Author{{Given: "Jane", Family: "Doe"}, {Kind: ld.OrganizationAuthor, Name: "The ABC Consortium"}})
		},
		warnings: []string{`article-meta/contrib-group[1]/contrib[2]/collab/contrib-group: 2 members of "The ABC Consortium" not kept`},
	},
	{
		name: "ORCID forms",
		xml: minimal(`<contrib-group>
				<contrib><name><surname>A</surname></name><contrib-id contrib-id-type="orcid">0000-0002-1825-0097</contrib-id></contrib>
				<contrib><name><surname>B</surname></name><contrib-id contrib-id-type="orcid">https://orcid.org/0000-0001-9876-5439</contrib-id></contrib>
				<contrib><name><surname>C</surname></name><contrib-id contrib-id-type="orcid">0000-0002-1825-0098</contrib-id></contrib>
				<contrib><name><surname>D</surname></name><uri content-type="orcid">http://orcid.org/0000-0002-1694-233x</uri></contrib>
				<contrib><name><surname>E</surname></name><contrib-id contrib-id-type="scopus">123</contrib-id></contrib>
				</contrib-group>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "ORCIDs", []string{a.Authors[0].ORCID, a.Authors[1].ORCID, a.Authors[2].ORCID, a.Authors[3].ORCID, a.Authors[4].ORCID},
				[]string{"0000-0002-1825-0097", "0000-0001-9876-5439", "", "0000-0002-1694-233X", ""})
		},
		warnings: []string{
			`article-meta/contrib-group[1]/contrib[3]/contrib-id[1]: ORCID dropped: ORCID "0000-0002-1825-0098": check digit`,
			`article-meta/contrib-group[1]/contrib[5]/contrib-id[1]: identifier "123" of type scopus not kept`,
		},
	},
	{
		name: "editor, prefix, given name only, anonymous",
		xml: minimal(`<contrib-group>
				<contrib contrib-type="author"><name><surname>Curie</surname><given-names>Marie</given-names><prefix>Dr.</prefix></name><role>Writing</role></contrib>
				<contrib contrib-type="author"><name><given-names>Sheherazade</given-names></name></contrib>
				<contrib contrib-type="author"><anonymous/></contrib>
				<contrib contrib-type="editor"><name><surname>Ed</surname><given-names>Ann</given-names></name></contrib>
				</contrib-group>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "authors", a.Authors, []ld.Author{{Given: "Marie", Family: "Curie"}, {Family: "Sheherazade"}})
			eq(t, "editors", a.Editors, []ld.Author{{Given: "Ann", Family: "Ed"}})
		},
		warnings: []string{
			`article-meta/contrib-group[1]/contrib[1]/name/prefix: honorific "Dr." not kept`,
			`article-meta/contrib-group[1]/contrib[1]/role[1]: "Writing" not kept`,
			`article-meta/contrib-group[1]/contrib[2]/name: name without a surname: "Sheherazade" read as the family name`,
			`article-meta/contrib-group[1]/contrib[3]: author without a name not kept`,
		},
	},
	{
		name: "group affiliation without cross-references",
		xml: minimal(`<contrib-group><contrib><name><surname>A</surname></name></contrib><contrib><name><surname>B</surname></name></contrib>
				<aff><institution>Uni</institution>, <country>Norway</country></aff></contrib-group>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "affiliations", a.Affiliations, []ld.Affiliation{{ID: "aff1", Name: "Uni", Address: &ld.Address{Country: "Norway"}}})
			eq(t, "author affiliations", [][]string{a.Authors[0].Affiliations, a.Authors[1].Affiliations}, [][]string{{"aff1"}, {"aff1"}})
		},
	},
	{
		name: "article-meta affiliation without cross-references",
		xml: minimal(`<contrib-group><contrib><name><surname>A</surname></name></contrib></contrib-group>
				<aff id="x"><label>a</label>Dept. of Physics, Uni, Oslo</aff>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "affiliations", a.Affiliations, []ld.Affiliation{{ID: "aff1", Name: "Dept. of Physics, Uni, Oslo"}})
			eq(t, "author affiliations", a.Authors[0].Affiliations, []string{"aff1"})
		},
	},
	{
		name: "cross-references by xref and rid, in first-use order",
		xml: minimal(`<contrib-group>
				<contrib><name><surname>A</surname></name><xref ref-type="aff" rid="a2 a1"/></contrib>
				<contrib rid="a3"><name><surname>B</surname></name></contrib>
				<contrib><name><surname>C</surname></name></contrib>
				</contrib-group>
				<aff id="a1"><sup>1</sup><institution>One</institution></aff>
				<aff id="a2"><sup>2</sup><institution>Two</institution></aff>
				<aff id="a3"><institution>Three</institution></aff>
				<aff id="a4"><institution>Four</institution></aff>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "affiliations", a.Affiliations, []ld.Affiliation{{ID: "aff1", Name: "Two"}, {ID: "aff2", Name: "One"}, {ID: "aff3", Name: "Three"}, {ID: "aff4", Name: "Four"}})
			eq(t, "author affiliations", [][]string{a.Authors[0].Affiliations, a.Authors[1].Affiliations, a.Authors[2].Affiliations}, [][]string{{"aff1", "aff2"}, {"aff3"}, nil})
		},
	},
	{
		name: "tagged affiliation with an untyped address line",
		xml: minimal(`<contrib-group><contrib><name><surname>A</surname></name><xref ref-type="aff" rid="aff1"/></contrib></contrib-group>
				<aff id="aff1"><sup>1</sup><institution>Department of Neurology, Xiangya Hospital, Central South University</institution>, <addr-line>Changsha</addr-line>, <country>China</country></aff>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "affiliations", a.Affiliations, []ld.Affiliation{{ID: "aff1", Name: "Department of Neurology, Xiangya Hospital, Central South University", Address: &ld.Address{Country: "China"}}})
		},
		warnings: []string{`article-meta/aff[@id=aff1]/addr-line: address line "Changsha" not kept`},
	},
	{
		name: "affiliation given only as address lines",
		xml: minimal(`<contrib-group><contrib><name><surname>A</surname></name><xref ref-type="aff" rid="aff1"/></contrib></contrib-group>
				<aff id="aff1"><label>1</label><addr-line>Department of Medicine, University of Cape Town, Cape Town, South Africa</addr-line></aff>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "affiliations", a.Affiliations, []ld.Affiliation{{ID: "aff1", Name: "Department of Medicine, University of Cape Town, Cape Town, South Africa"}})
			eq(t, "author affiliations", a.Authors[0].Affiliations, []string{"aff1"})
		},
	},
	{
		name: "running-text affiliation with tagged parts",
		xml: minimal(`<contrib-group><contrib><name><surname>A</surname></name><xref ref-type="aff" rid="aff1"/></contrib></contrib-group>
				<aff id="aff1"><label>1</label>Department of Physics, <institution>University of Oslo</institution>, <addr-line>Oslo</addr-line>, <country country="NO">Norway</country>; <email>a@example.org</email></aff>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "affiliations", a.Affiliations, []ld.Affiliation{{ID: "aff1", Name: "Department of Physics, University of Oslo, Oslo, Norway", Address: &ld.Address{Country: "Norway"}}})
			eq(t, "email", a.Authors[0].Email, "")
		},
		warnings: []string{`article-meta/aff[@id=aff1]/email: e-mail "a@example.org" not kept: the affiliation is not one author's`},
	},
	{
		name: "affiliation alternatives and institution identifiers",
		xml: minimal(`<contrib-group><contrib><name><surname>A</surname></name><xref ref-type="aff" rid="a1"/></contrib></contrib-group>
				<aff-alternatives id="a1"><aff xml:lang="zh"><institution>中南大学</institution></aff><aff xml:lang="en"><institution-wrap><institution-id institution-id-type="Ringgold">12345</institution-id><institution-id institution-id-type="ROR">00f1zfq44</institution-id><institution>Central South University</institution></institution-wrap></aff></aff-alternatives>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "affiliations", a.Affiliations, []ld.Affiliation{{ID: "aff1", Name: "Central South University", ROR: "https://ror.org/00f1zfq44"}})
		},
		warnings: []string{
			`article-meta/aff[@id=a1]/aff[1]: other form of the affiliation "中南大学" not kept`,
			`article-meta/aff[@id=a1]/institution-id: identifier "12345" of type ringgold not kept`,
		},
	},
	{
		name: "bad ROR and empty affiliation",
		xml: minimal(`<contrib-group><contrib><name><surname>A</surname></name><xref ref-type="aff" rid="a1 a2"/></contrib></contrib-group>
				<aff id="a1"><institution-wrap><institution-id institution-id-type="ror">https://ror.org/03yjb2x38</institution-id><institution>Calgary</institution></institution-wrap></aff>
				<aff id="a2"><label>2</label><country>Chile</country></aff>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "affiliations", a.Affiliations, []ld.Affiliation{{ID: "aff1", Name: "Calgary"}})
		},
		warnings: []string{
			`article-meta/aff[@id=a1]/institution-id: ROR ID dropped`,
			`article-meta/aff[@id=a2]: affiliation without an institution not kept`,
		},
	},
	{
		name: "correspondence note pointed to by one author",
		xml: minimal(`<contrib-group><contrib><name><surname>A</surname></name><xref ref-type="corresp" rid="c1"/></contrib><contrib><name><surname>B</surname></name></contrib></contrib-group>
				<author-notes><corresp id="c1">Correspondence: <email>a@example.org</email></corresp></author-notes>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "authors", a.Authors, []ld.Author{{Family: "A", Email: "a@example.org", Corresponding: true}, {Family: "B"}})
		},
	},
	{
		name: "correspondence note shared or unlinked",
		xml: minimal(`<contrib-group>
				<contrib><name><surname>A</surname></name><xref ref-type="corresp" rid="c1"/></contrib>
				<contrib><name><surname>B</surname></name><xref ref-type="corresp" rid="c1"/></contrib>
				<contrib corresp="yes"><name><surname>C</surname></name></contrib></contrib-group>
				<author-notes><corresp id="c1"><email>ab@example.org</email></corresp><corresp><email>c@example.org</email></corresp><fn fn-type="present-address"><p>Now elsewhere.</p></fn></author-notes>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "authors", a.Authors, []ld.Author{{Family: "A", Corresponding: true}, {Family: "B", Corresponding: true}, {Family: "C", Email: "c@example.org", Corresponding: true}})
		},
		warnings: []string{
			`article-meta/author-notes/corresp[1]: e-mail "ab@example.org" not kept: the note is shared by 2 authors`,
			`article-meta/author-notes/fn[1]: author note "Now elsewhere." not kept`,
		},
	},
	{
		name: "author e-mail",
		xml: minimal(`<contrib-group><contrib><name><surname>A</surname></name><email>mailto:a@example.org</email></contrib>
				<contrib><name><surname>B</surname></name><address><email>not an address</email></address></contrib></contrib-group>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "emails", []string{a.Authors[0].Email, a.Authors[1].Email}, []string{"a@example.org", ""})
		},
		warnings: []string{`article-meta/contrib-group[1]/contrib[2]/address[1]/email: e-mail dropped`},
	},
	{
		name: "history dates of every form",
		xml: minimal(`<history>
				<date date-type="received"><day>3</day><month>Feb</month><year>2015</year></date>
				<date date-type="rev-request"><day>10</day><month>3</month><year>2015</year></date>
				<date date-type="rev-recd"><season>Spring</season><year>2015</year></date>
				<date date-type="rev-recd" iso-8601-date="2015-04"/>
				<date date-type="accepted"><string-date>1 May 2015</string-date></date>
				</history>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "dates", a.Dates, ld.Dates{Received: date("2015-02-03"), Revised: []ld.Date{date("2015"), date("2015-04")}, Accepted: date("2015-05-01")})
		},
		warnings: []string{
			`article-meta/history/date[2]: date 2015-03-10 of type rev-request not kept`,
			`article-meta/history/date[3]/season: season "Spring" not kept: the date is read as the year 2015`,
		},
	},
	{
		name: "publication dates: JATS 1.0 pub-type",
		xml: minimal(`<pub-date pub-type="ppub"><month>6</month><year>2014</year></pub-date>
				<pub-date pub-type="epub"><day>20</day><month>5</month><year>2014</year></pub-date>
				<pub-date pub-type="pmc-release"><day>1</day><month>6</month><year>2015</year></pub-date>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "dates", a.Dates, ld.Dates{Published: date("2014-05-20"), PublishedPrint: date("2014-06")})
		},
		warnings: []string{`article-meta/pub-date[3]: date 2015-06-01 of type pmc-release not kept`},
	},
	{
		name: "publication dates: JATS 1.1 date-type and publication-format",
		xml: minimal(`<pub-date date-type="pub" publication-format="print"><year>2014</year></pub-date>
				<pub-date date-type="pub" publication-format="electronic"><day>20</day><month>05</month><year>2014</year></pub-date>
				<pub-date date-type="pub" publication-format="electronic"><day>18</day><month>05</month><year>2014</year></pub-date>
				<pub-date date-type="collection" publication-format="print"><year>2014</year></pub-date>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "dates", a.Dates, ld.Dates{Published: date("2014-05-18"), PublishedPrint: date("2014")})
		},
		warnings: []string{
			`article-meta/pub-date[2]: publication date 2014-05-20 not kept: the earliest is the publication date`,
			`article-meta/pub-date[4]: issue date 2014 not kept`,
		},
	},
	{
		name: "publication dates: epub-ppub",
		xml:  minimal(`<pub-date pub-type="epub-ppub"><month>7</month><year>2013</year></pub-date>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "dates", a.Dates, ld.Dates{Published: date("2013-07")})
		},
	},
	{
		name: "publication dates: print only, and untyped",
		xml: minimal(`<pub-date pub-type="ppub"><year>2012</year></pub-date>
				<pub-date><day>2</day><month>1</month><year>2012</year></pub-date>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "dates", a.Dates, ld.Dates{Published: date("2012-01-02"), PublishedPrint: date("2012")})
		},
	},
	{
		name:  "publication dates: iso-8601-date only",
		xml:   minimal(`<pub-date pub-type="epub" iso-8601-date="2019-11-30"/>`),
		check: func(t *testing.T, a *ld.Article) { eq(t, "published", a.Dates.Published, date("2019-11-30")) },
	},
	{
		name: "pages, article number and single values",
		xml:  minimal(`<volume>3</volume><volume>4</volume><issue>2</issue><fpage>iv</fpage><lpage>x</lpage><elocation-id>e1</elocation-id><page-range>iv-x</page-range>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "numbers", []string{a.Volume, a.Issue, a.FirstPage, a.LastPage, a.ArticleNumber}, []string{"3", "2", "iv", "x", "e1"})
		},
		warnings: []string{`article-meta/volume[2]: second value "4" not kept`},
	},
	{
		name:     "page range without fpage",
		xml:      minimal(`<page-range>12-19</page-range>`),
		check:    func(t *testing.T, a *ld.Article) { eq(t, "first page", a.FirstPage, "") },
		warnings: []string{`article-meta/page-range[1]: page range "12-19" not kept`},
	},
	{
		name: "article identifiers",
		xml: minimal(`<article-id pub-id-type="pmid">123</article-id><article-id pub-id-type="doi">https://doi.org/10.1000/XYZ.1</article-id>
				<article-id pub-id-type="doi">10.1000/other</article-id><article-id pub-id-type="doi">11.1/bad</article-id>`),
		check: func(t *testing.T, a *ld.Article) { eq(t, "DOI", a.DOI, "10.1000/XYZ.1") },
		warnings: []string{
			`article-meta/article-id[1]: identifier "123" of type pmid not kept`,
			`article-meta/article-id[3]: second DOI "10.1000/other" not kept`,
			`article-meta/article-id[4]: DOI dropped`,
		},
	},
	{
		name: "ISSN kinds",
		xml: withJournal(`<journal-title>J</journal-title><issn pub-type="ppub">0028-0836</issn><issn publication-format="electronic">1476-4687</issn>
				<issn>0028-0836</issn><issn-l>0028-0836</issn-l><issn pub-type="epub">1476-4688</issn>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "journal", a.Journal, &ld.Journal{Title: "J", ISSNs: []ld.ISSN{
				{Value: "0028-0836", Kind: ld.PrintISSN}, {Value: "1476-4687", Kind: ld.ElectronicISSN},
				{Value: "0028-0836"}, {Value: "0028-0836", Kind: ld.LinkingISSN},
			}})
		},
		warnings: []string{`journal-meta/issn[4]: ISSN dropped`},
	},
	{
		name: "MathML in a title keeps its TeX annotation or alttext",
		xml: strings.Replace(minimal(`<abstract><p>The mass <inline-formula><mml:math alttext="m_p"><mml:msub><mml:mi>m</mml:mi><mml:mi>p</mml:mi></mml:msub></mml:math></inline-formula> vanishes.</p></abstract>`),
			`<article-title>Title</article-title>`,
			`<article-title>When <inline-formula><mml:math><mml:semantics><mml:mrow><mml:msub><mml:mi>m</mml:mi><mml:mi>p</mml:mi></mml:msub><mml:mo>=</mml:mo><mml:mn>0</mml:mn></mml:mrow><mml:annotation encoding="application/x-tex">m_p = 0</mml:annotation></mml:semantics></mml:math></inline-formula> holds</article-title>`, 1),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "title", a.Title, "When m_p = 0 holds")
			eq(t, "abstract", a.Abstract, "The mass m_p vanishes.")
		},
	},
	{
		name: "alternatives give one formula, TeX first, without PMC's LaTeX document",
		xml: strings.Replace(minimal(``), `<article-title>Title</article-title>`,
			`<article-title>Rate <inline-formula><alternatives><tex-math>\documentclass{minimal}\begin{document}$k_{on}$\end{document}</tex-math><mml:math><mml:msub><mml:mi>k</mml:mi><mml:mi>on</mml:mi></mml:msub></mml:math></alternatives></inline-formula> measured</article-title>`, 1),
		check: func(t *testing.T, a *ld.Article) { eq(t, "title", a.Title, "Rate k_{on} measured") },
	},
	{
		name: "MathML without a readable form is flattened with a warning",
		xml: strings.Replace(minimal(``), `<article-title>Title</article-title>`,
			`<article-title>When <mml:math><mml:mi>x</mml:mi><mml:mo>=</mml:mo><mml:mn>0</mml:mn></mml:math></article-title>`, 1),
		check:    func(t *testing.T, a *ld.Article) { eq(t, "title", a.Title, "When x=0") },
		warnings: []string{`article-meta/title-group/article-title: MathML "x=0" flattened to its text`},
	},
	{
		name: "JATS 1.1 publication date types",
		xml: minimal(`<pub-date date-type="collection" publication-format="electronic"><year>2016</year></pub-date>
				<pub-date date-type="publication" publication-format="electronic"><day>25</day><month>04</month><year>2016</year></pub-date>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "published", a.Dates.Published, ld.Date{Year: 2016, Month: 4, Day: 25})
		},
		warnings: []string{`article-meta/pub-date[1]: issue date 2016 not kept`},
	},
	{
		name: "JATS 1.1 pub date beside a collection year",
		xml: minimal(`<pub-date date-type="pub" publication-format="electronic"><day>25</day><month>04</month><year>2016</year></pub-date>
				<pub-date date-type="collection" publication-format="electronic"><year>2016</year></pub-date>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "published", a.Dates.Published, ld.Date{Year: 2016, Month: 4, Day: 25})
		},
		warnings: []string{`article-meta/pub-date[2]: issue date 2016 not kept`},
	},
	{
		name: "journal without a title is named by its nlm-ta journal-id",
		xml:  withJournal(`<journal-id journal-id-type="publisher-id">plos</journal-id><journal-id journal-id-type="nlm-ta">PLoS Med</journal-id><issn>0028-0836</issn><publisher><publisher-name>PLoS</publisher-name></publisher>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "journal", a.Journal, &ld.Journal{Title: "PLoS Med", ISSNs: []ld.ISSN{{Value: "0028-0836"}}, Publisher: &ld.Publisher{Name: "PLoS"}})
		},
		warnings: []string{`journal-meta: no journal-title: the journal-id "PLoS Med" (nlm-ta) stands for it`},
	},
	{
		name: "journal without a title is named by its abbreviation",
		xml:  withJournal(`<journal-id journal-id-type="nlm-ta">PLoS Med</journal-id><abbrev-journal-title abbrev-type="publisher">PLoS Med.</abbrev-journal-title><issn>0028-0836</issn>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "journal", a.Journal, &ld.Journal{Title: "PLoS Med.", Abbreviation: "PLoS Med.", ISSNs: []ld.ISSN{{Value: "0028-0836"}}})
		},
		warnings: []string{`journal-meta: no journal-title: the abbreviated title "PLoS Med." stands for it`},
	},
	{
		name: "journal with no name at all",
		xml:  withJournal(`<journal-id journal-id-type="publisher-id">plos</journal-id><issn>0028-0836</issn>`),
		check: func(t *testing.T, a *ld.Article) {
			if a.Journal != nil {
				t.Errorf("journal = %+v, want none", a.Journal)
			}
		},
		warnings: []string{"journal-meta: journal without a title or a name among its journal-ids not kept"},
	},
	{
		name: "journal parts",
		xml: withJournal(`<journal-title-group><journal-title>Nature</journal-title><journal-title>Nature UK</journal-title><abbrev-journal-title>Nat.</abbrev-journal-title></journal-title-group>
				<publisher><publisher-name>Springer</publisher-name><publisher-loc><city>London</city><country>UK</country></publisher-loc></publisher><notes>x</notes>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "journal", a.Journal, &ld.Journal{Title: "Nature", Abbreviation: "Nat.", Publisher: &ld.Publisher{Name: "Springer", Address: &ld.Address{City: "London", Country: "UK"}}})
		},
		warnings: []string{
			`journal-meta/journal-title[2]: second journal title "Nature UK" not kept`,
			`journal-meta/notes[1]: <notes> not kept`,
		},
	},
	{
		name: "permissions with ali:license_ref and a short label",
		xml: minimal(`<permissions><copyright-year>20x4</copyright-year><license><ali:license_ref>https://creativecommons.org/licenses/by-nc/4.0/</ali:license_ref><license-p>CC BY-NC 4.0</license-p></license>
				<license xlink:href="https://example.org/tdm"><license-p>TDM</license-p></license><ali:free_to_read/></permissions>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "license", a.License, &ld.License{URL: "https://creativecommons.org/licenses/by-nc/4.0/", Label: "CC BY-NC 4.0"})
			if a.Copyright != nil || a.OpenAccess == nil || !*a.OpenAccess {
				t.Errorf("copyright %v, open access %v: want none, and open access from ali:free_to_read", a.Copyright, a.OpenAccess)
			}
		},
		warnings: []string{
			`article-meta/permissions[1]/copyright-year: year "20x4" dropped`,
			`article-meta/permissions[1]/license[2]: second licence "https://example.org/tdm" not kept`,
		},
	},
	{
		name: "free to read for a time only asserts nothing",
		xml:  minimal(`<permissions><ali:free_to_read start_date="2030-01-01"/></permissions>`),
		check: func(t *testing.T, a *ld.Article) {
			if a.OpenAccess != nil {
				t.Errorf("open access %v, want unknown", *a.OpenAccess)
			}
		},
		warnings: []string{`article-meta/permissions[1]/ali:free_to_read: free to read from "2030-01-01" to "": open access not asserted`},
	},
	{
		name: "a licence given only as text names its Creative Commons licence",
		xml:  minimal(`<permissions><license><license-p>This is an open-access article distributed under the terms of the Creative Commons Attribution 4.0 International License, which permits unrestricted use, distribution, and reproduction in any medium.</license-p></license></permissions>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "license", a.License, &ld.License{URL: "https://creativecommons.org/licenses/by/4.0/", Label: "CC BY 4.0"})
		},
	},
	{
		name: "a licence text without a version gives the label only",
		xml:  minimal(`<permissions><license><license-p>This is an open-access article distributed under the terms of the Creative Commons Attribution License, which permits unrestricted use, distribution, and reproduction in any medium.</license-p></license></permissions>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "license", a.License, &ld.License{Label: "CC BY"})
		},
		warnings: []string{`article-meta/permissions[1]/license[1]/license-p: the text names CC BY without a version: no licence URL`},
	},
	{
		name: "licence reference beside the licence",
		xml:  minimal(`<permissions><ali:license_ref>https://creativecommons.org/licenses/by/4.0/</ali:license_ref></permissions>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "license", a.License, &ld.License{URL: "https://creativecommons.org/licenses/by/4.0/"})
		},
	},
	{
		name: "keywords from several groups",
		xml: strings.Replace(minimal(`<kwd-group xml:lang="en"><title>Keywords</title><kwd>alpha</kwd><kwd>beta</kwd></kwd-group>
				<kwd-group kwd-group-type="author-generated"><kwd>beta</kwd><compound-kwd><compound-kwd-part>gamma</compound-kwd-part><compound-kwd-part>ray</compound-kwd-part></compound-kwd></kwd-group>
				<kwd-group xml:lang="de"><kwd>Alpha</kwd></kwd-group>
				<kwd-group kwd-group-type="MeSH"><kwd>Humans</kwd></kwd-group>`), "<article ", `<article xml:lang="en" `, 1),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "keywords", a.Keywords, []string{"alpha", "beta", "gamma ray"})
		},
		warnings: []string{
			`article-meta/kwd-group[3]: keywords in de ["Alpha"] not kept`,
			`article-meta/kwd-group[4]: terms of type MeSH ["Humans"] not kept as keywords`,
		},
	},
	{
		name: "abstract choice and sections",
		xml: minimal(`<abstract abstract-type="executive-summary"><p>Digest.</p></abstract>
				<abstract><sec><title>Background</title><p>One <italic>two</italic>.</p></sec><sec><title>Results</title><p>Three.</p></sec></abstract>
				<abstract abstract-type="graphical"><p>G</p></abstract><trans-abstract xml:lang="fr"><p>Résumé</p></trans-abstract>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "abstract", a.Abstract, "Background One <i>two</i>. Results Three.")
		},
		warnings: []string{
			`article-meta/abstract[1]: abstract of type executive-summary not kept`,
			`article-meta/abstract[3]: abstract of type graphical not kept`,
			`article-meta/trans-abstract[1]: translated abstract not kept`,
		},
	},
	{
		name:  "summary abstract",
		xml:   minimal(`<abstract abstract-type="summary"><title>Summary</title><p>S.</p></abstract>`),
		check: func(t *testing.T, a *ld.Article) { eq(t, "abstract", a.Abstract, "Summary S.") },
	},
	{
		name: "self links",
		xml: minimal(`<self-uri xlink:href="https://example.org/a.PDF"/><self-uri content-type="pdf" xlink:href="a.pdf"/>
				<self-uri xlink:href="https://example.org/a.html" content-type="html"/>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "files", a.Files, []ld.File{{URL: "https://example.org/a.PDF", MediaType: "application/pdf"}})
		},
		warnings: []string{
			`article-meta/self-uri[2]: PDF link dropped: URL "a.pdf" is relative`,
			`article-meta/self-uri[3]: link "https://example.org/a.html" (html) not kept`,
		},
	},
	{
		name: "related articles",
		xml: minimal(`<related-article related-article-type="retracted-article" ext-link-type="doi" xlink:href="10.1000/r1"/>
				<related-article related-article-type="commentary-article" xlink:href="https://doi.org/10.1000/c1"/>
				<related-article related-article-type="correction-forward" xlink:href="https://example.org/fix"/>
				<related-article related-article-type="companion" xlink:href="10.1000/x"/>
				<related-article related-article-type="corrected-article"><pub-id pub-id-type="doi">10.1000/p1</pub-id></related-article>
				<related-article related-article-type="corrected-article" xlink:href="nonsense"/>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "related", a.Related, []ld.Related{
				{Relation: ld.Retracts, DOI: "10.1000/r1"},
				{Relation: ld.CommentOn, DOI: "10.1000/c1"},
				{Relation: ld.CorrectedBy, URL: "https://example.org/fix"},
				{Relation: ld.Corrects, DOI: "10.1000/p1"},
			})
		},
		warnings: []string{
			`article-meta/related-article[4]: related article of type companion not kept`,
			`article-meta/related-article[6]/@xlink:href: link dropped`,
			`article-meta/related-article[6]: related article (corrected-article) without a DOI or URL not kept`,
		},
	},
	{
		name: "sections from nested headings",
		xml: minimal(`<article-categories><subj-group subj-group-type="Discipline"><subject>Biology</subject><subj-group><subject>Cells</subject></subj-group></subj-group>
				<subj-group subj-group-type="heading"><subject>Cell Biology</subject></subj-group><series-title>Series</series-title></article-categories>`),
		check: func(t *testing.T, a *ld.Article) { eq(t, "section", a.Section, "Cell Biology") },
		warnings: []string{
			`article-meta/article-categories/subj-group[1]: subjects (Discipline) ["Biology" "Cells"] not kept`,
			`article-meta/article-categories/series-title: "Series" not kept`,
		},
	},
	{
		name: "references",
		xml: withBack(`<ref-list><ref id="r1"><label>1</label><citation-alternatives><mixed-citation>Doe J. <italic>Paper</italic>. 2001.</mixed-citation><element-citation><source>x</source></element-citation></citation-alternatives></ref>
				<ref id="r2"><mixed-citation>Web page <uri xlink:href="https://example.org/p">here</uri>, see <ext-link xlink:href="http://dx.doi.org/10.1000/abc">doi</ext-link>.</mixed-citation></ref>
				<ref id="r3"><note><p/></note></ref>
				<ref-list><ref id="r4"><element-citation><person-group><name><surname>Roe</surname><given-names>R</given-names></name><etal/></person-group><source>Book</source><year>1999</year><pub-id pub-id-type="doi">bad</pub-id></element-citation></ref></ref-list></ref-list>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "references", a.References, []ld.Reference{
				{Text: "Doe J. Paper. 2001."},
				{DOI: "10.1000/abc", URL: "https://example.org/p", Text: "Web page here, see doi."},
				{Text: "Roe R Book 1999 bad"},
			})
		},
		warnings: []string{
			`back/ref-list[1]/ref[1]: 1 other citation(s) in the same reference not kept`,
			`back/ref-list[1]/ref[3]: empty reference not kept`,
			`back/ref-list[1]/ref[4]/pub-id: DOI dropped`,
		},
	},
	{
		name:     "unmapped elements",
		xml:      minimal(`<conference><conf-name>Example Workshop</conf-name></conference>`),
		check:    func(t *testing.T, a *ld.Article) { eq(t, "title", a.Title, "Title") },
		warnings: []string{`article-meta/conference[1]: <conference> not kept: the model has no place for it`},
	},
	{
		name: "funding: sources with Funder ID or ROR, award numbers, a plain source",
		xml: minimal(`<funding-group>
			<award-group id="fund1"><funding-source><institution-wrap><institution-id institution-id-type="FundRef">http://dx.doi.org/10.13039/100000001</institution-id><institution>National Science Foundation</institution></institution-wrap></funding-source><award-id>1234567</award-id><award-id>7654321</award-id></award-group>
			<award-group><funding-source><institution-wrap><institution-id institution-id-type="ror">https://ror.org/029chgv08</institution-id><institution>Wellcome Trust</institution></institution-wrap></funding-source></award-group>
			<award-group><funding-source>Example Foundation</funding-source><award-id>EF-1</award-id></award-group>
			<funding-statement>Funded by NSF, Wellcome and the Example Foundation.</funding-statement>
			</funding-group>`),
		check: func(t *testing.T, a *ld.Article) {
			nsf := ld.Funder{Name: "National Science Foundation", DOI: "10.13039/100000001"}
			eq(t, "funding", a.Funding, []ld.Funding{
				{Funder: nsf, Award: "1234567"}, {Funder: nsf, Award: "7654321"},
				{Funder: ld.Funder{Name: "Wellcome Trust", ROR: "https://ror.org/029chgv08"}},
				{Funder: ld.Funder{Name: "Example Foundation"}, Award: "EF-1"},
			})
		},
		warnings: []string{`article-meta/funding-group[1]/funding-statement: funding statement not kept: the awards are`},
	},
	{
		name: "funding, editors and translated titles are each read once: no warning for what is kept",
		xml: minimal(`<contrib-group><contrib contrib-type="editor"><name><surname>Editor</surname><given-names>Erin</given-names></name></contrib></contrib-group>
			<funding-group><funding-statement>The authors received no specific funding.</funding-statement></funding-group>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "editors", a.Editors, []ld.Author{{Given: "Erin", Family: "Editor"}})
			eq(t, "funding", len(a.Funding), 0)
		},
		warnings: []string{`article-meta/funding-group[1]: <funding-group> without an <award-group> not kept: the model holds funders and awards, not statements`},
	},
	{
		name: "a preprint: article-version typed preprint (JATS 1.3)",
		xml:  minimal(`<article-version article-version-type="preprint">1</article-version>`),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "type", a.Type, ld.Preprint)
		},
	},
	{
		name: "a preprint: article-type preprint",
		xml:  strings.Replace(minimal(""), `article-type="research-article"`, `article-type="preprint"`, 1),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "type", a.Type, ld.Preprint)
		},
	},
	{
		name:     "an accepted manuscript is not a work type",
		xml:      minimal(`<article-version article-version-type="AM">2</article-version>`),
		check:    func(t *testing.T, a *ld.Article) { eq(t, "type", a.Type, ld.ResearchArticle) },
		warnings: []string{`article-meta/article-version[1]: article version "2" (am) not kept`},
	},
	{
		name: "namespace prefixes and a default namespace",
		xml: `<j:article xmlns:j="http://jats.nlm.nih.gov" xmlns:x="http://www.w3.org/1999/xlink" article-type="letter"><j:front><j:article-meta>
				<j:title-group><j:article-title>T <j:italic>i</j:italic></j:article-title></j:title-group>
				<j:self-uri x:href="https://example.org/t.pdf"/></j:article-meta></j:front></j:article>`,
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "type and title", []string{string(a.Type), a.Title, a.Files[0].URL}, []string{"letter", "T <i>i</i>", "https://example.org/t.pdf"})
		},
	},
	{
		name: "declared charset",
		xml: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<article><front><article-meta><title-group><article-title>Caf\xe9</article-title></title-group>" +
			"<contrib-group><contrib><name><surname>M\xfcller</surname></name></contrib></contrib-group></article-meta></front></article>",
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "title and author", []string{a.Title, a.Authors[0].Family}, []string{"Café", "Müller"})
		},
	},
	{
		name: "sub-articles",
		xml:  strings.Replace(minimal(""), "</article>", `<sub-article article-type="decision-letter"><front-stub><title-group><article-title>Decision</article-title></title-group></front-stub></sub-article></article>`, 1),
		check: func(t *testing.T, a *ld.Article) {
			eq(t, "title", a.Title, "Title")
		},
		warnings: []string{"article/sub-article: 1 sub-article element(s) not read"},
	},
}

func TestRules(t *testing.T) {
	for _, tt := range ruleTests {
		t.Run(tt.name, func(t *testing.T) {
			records, err := Read([]byte(tt.xml), "rule.xml")
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if len(records) != 1 {
				t.Fatalf("got %d records, want 1", len(records))
			}
			if records[0].Err != nil {
				t.Fatalf("record error: %v", records[0].Err)
			}
			if errs := ld.Check(records[0].Article); len(errs) > 0 {
				t.Fatalf("ld.Check: %v", errs)
			}
			tt.check(t, records[0].Article)
			checkWarnings(t, records[0].Warnings, tt.warnings)
		})
	}
}
