package crossref_test

import (
	"fmt"

	"github.com/scholarld/scholarld/reader/crossref"
)

func ExampleRead() {
	data := []byte(`{
  "status": "ok",
  "message-type": "work",
  "message": {
    "DOI": "10.1021/acs.orglett.7b03845",
    "type": "journal-article",
    "title": ["Twenty Years of <i>Organic Letters</i>"],
    "author": [{"given": "Amos B.", "family": "Smith", "suffix": "III", "sequence": "first"}],
    "container-title": ["Organic Letters"],
    "ISSN": ["1523-7060"],
    "issn-type": [{"value": "1523-7060", "type": "print"}],
    "page": "1-3",
    "published-print": {"date-parts": [[2018, 1]]},
    "funder": [{"name": "NIH"}]
  }
}`)
	records, err := crossref.Read(data, "work.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, rec := range records {
		a := rec.Article
		fmt.Println(a.Title)
		fmt.Println(a.Authors[0].DisplayName(), "|", a.Journal.Title, a.Journal.ISSNs[0].Value, a.Journal.ISSNs[0].Kind)
		fmt.Println(a.FirstPage, a.LastPage, a.Dates.Published)
		fmt.Println("funder:", a.Funding[0].Funder.Name)
		for _, w := range rec.Warnings {
			fmt.Println("warning:", w)
		}
	}
	// Output:
	// Twenty Years of <i>Organic Letters</i>
	// Amos B. Smith III | Organic Letters 1523-7060 print
	// 1 3 2018-01
	// funder: NIH
}

func ExampleRead_syntaxError() {
	_, err := crossref.Read([]byte("{\n  \"title\": [\"cut"), "cut.json")
	fmt.Println(err)
	// Output:
	// cut.json:2:17: crossref: unexpected end of JSON input
}

func ExampleReadXML() {
	data := []byte(`<doi_records>
  <doi_record>
    <crossref xmlns="http://www.crossref.org/xschema/1.1">
      <journal>
        <journal_metadata><full_title>eLife</full_title><issn media_type="electronic">2050-084X</issn></journal_metadata>
        <journal_article>
          <titles><title>Automated quantitative histology</title></titles>
          <contributors>
            <person_name contributor_role="author" sequence="first"><given_name>Martial</given_name><surname>Sankar</surname></person_name>
          </contributors>
          <publication_date media_type="online"><month>02</month><day>11</day><year>2014</year></publication_date>
          <publisher_item><item_number item_number_type="article_number">e01567</item_number></publisher_item>
          <doi_data><doi>10.7554/eLife.01567</doi><resource>https://elifesciences.org/articles/01567</resource></doi_data>
        </journal_article>
      </journal>
    </crossref>
  </doi_record>
</doi_records>`)
	records, err := crossref.ReadXML(data, "elife.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	a := records[0].Article
	fmt.Println(a.Title, "|", a.Authors[0].DisplayName())
	fmt.Println(a.Journal.Title, a.ArticleNumber, a.DOI, a.Dates.Published)
	fmt.Println("record at", records[0].Pos)
	// Output:
	// Automated quantitative histology | Martial Sankar
	// eLife e01567 10.7554/eLife.01567 2014-02-11
	// record at elife.xml:6:9
}

func ExampleSniff() {
	fmt.Println(crossref.Sniff([]byte(`{"status":"ok","message-type":"work","message":{"DOI":"10.5555/x"}}`)))
	fmt.Println(crossref.Sniff([]byte(`{"type":"article-journal","title":"A CSL-JSON item"}`)))
	// Output:
	// true
	// false
}

func ExampleSniffXML() {
	fmt.Println(crossref.SniffXML([]byte(`<?xml version="1.0"?><crossref_result xmlns="http://www.crossref.org/qrschema/3.0">`)))
	fmt.Println(crossref.SniffXML([]byte(`<?xml version="1.0"?><article article-type="research-article">`)))
	// Output:
	// true
	// false
}
