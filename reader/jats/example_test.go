package jats_test

import (
	"fmt"

	"github.com/scholarld/scholarld/reader/jats"
)

func ExampleRead() {
	data := []byte(`<?xml version="1.0"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN" "JATS-journalpublishing1-3.dtd">
<article article-type="research-article" xmlns:xlink="http://www.w3.org/1999/xlink">
<front>
<journal-meta>
<journal-title-group><journal-title>eLife</journal-title></journal-title-group>
<issn publication-format="electronic">2050-084X</issn>
</journal-meta>
<article-meta>
<article-id pub-id-type="doi">10.7554/eLife.01567</article-id>
<title-group><article-title>Growth of <italic>E.&nbsp;coli</italic></article-title></title-group>
<contrib-group>
<contrib contrib-type="author"><name><surname>Rinke</surname><given-names>Jan</given-names></name></contrib>
<contrib contrib-type="editor"><name><surname>Kang</surname><given-names>Shen</given-names></name></contrib>
</contrib-group>
<pub-date publication-format="electronic" date-type="pub"><day>18</day><month>03</month><year>2014</year></pub-date>
<volume>3</volume>
<elocation-id>e01567</elocation-id>
</article-meta>
</front>
</article>`)
	records, err := jats.Read(data, "example.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	article := records[0].Article
	fmt.Println(article.Title)
	fmt.Println(article.Authors[0].DisplayName(), "|", article.Journal.Title, article.Journal.ISSNs[0].Value, article.Journal.ISSNs[0].Kind)
	fmt.Println(article.Volume, article.ArticleNumber, article.DOI, article.Dates.Published)
	fmt.Println("editor:", article.Editors[0].DisplayName())
	for _, warning := range records[0].Warnings {
		fmt.Println("warning:", warning)
	}
	// Output:
	// Growth of <i>E. coli</i>
	// Jan Rinke | eLife 2050-084X electronic
	// 3 e01567 10.7554/eLife.01567 2014-03-18
	// editor: Shen Kang
}

func ExampleRead_syntaxError() {
	_, err := jats.Read([]byte("<article>\n<front>\n<article-meta><title-group>"), "cut.xml")
	fmt.Println(err)
	// Output: cut.xml:3:28: jats: unexpected end of input: <title-group> is not closed
}

func ExampleSniff() {
	fmt.Println(jats.Sniff([]byte(`<?xml version="1.0"?><article article-type="editorial"><front/></article>`)))
	fmt.Println(jats.Sniff([]byte(`<html><body><article>Blog post</article></body></html>`)))
	// Output:
	// true
	// false
}
