package serve

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"io"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/scholarld/scholarld/internal/testkit"
)

// sitemapDoc is the sitemaps protocol's XML structure: a urlset of url
// elements or a sitemapindex of sitemap elements, each with loc and
// lastmod, and nothing else.
type sitemapDoc struct {
	XMLName  xml.Name
	URLs     []sitemapLoc `xml:"url"`
	Sitemaps []sitemapLoc `xml:"sitemap"`
	Other    []xml.Name   `xml:",any"`
}

type sitemapLoc struct {
	XMLName xml.Name
	Loc     string     `xml:"loc"`
	Lastmod string     `xml:"lastmod"`
	Other   []xml.Name `xml:",any"`
}

var w3cDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func fetchSitemap(t *testing.T, url string) sitemapDoc {
	t.Helper()
	resp := get(t, "GET", url)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/xml; charset=utf-8" {
		t.Fatalf("%s: %d %s", url, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var doc sitemapDoc
	if err := xml.NewDecoder(resp.Body).Decode(&doc); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	if doc.XMLName.Space != sitemapNS || len(doc.Other) > 0 {
		t.Fatalf("%s: root %v, unknown children %v", url, doc.XMLName, doc.Other)
	}
	for _, l := range append(doc.URLs, doc.Sitemaps...) {
		if l.XMLName.Space != sitemapNS || len(l.Other) > 0 || !strings.HasPrefix(l.Loc, testBase+"/") || !w3cDate.MatchString(l.Lastmod) {
			t.Errorf("%s: bad entry %+v", url, l)
		}
	}
	return doc
}

func TestSitemap(t *testing.T) {
	srv, records := newTestServer(t, Options{})
	doc := fetchSitemap(t, srv.URL+"/sitemap.xml")
	if doc.XMLName.Local != "urlset" || len(doc.URLs) != len(records) {
		t.Fatalf("%s with %d URLs, want urlset with %d", doc.XMLName.Local, len(doc.URLs), len(records))
	}
	if doc.URLs[0].Loc != testBase+"/doi/10.7554/eLife.01567" {
		t.Errorf("first URL %s", doc.URLs[0].Loc)
	}
	if resp := get(t, "GET", srv.URL+"/sitemap-1.xml"); resp.StatusCode != 404 {
		t.Errorf("a small collection has /sitemap-1.xml: %d", resp.StatusCode)
	}
}

// TestSitemapIndex: above the per-file limit (3 here, 50,000 by default)
// /sitemap.xml is an index of parts that together list every page once.
func TestSitemapIndex(t *testing.T) {
	srv, records := newTestServer(t, Options{SitemapSize: 3})
	index := fetchSitemap(t, srv.URL+"/sitemap.xml")
	parts := (len(records) + 2) / 3
	if index.XMLName.Local != "sitemapindex" || len(index.Sitemaps) != parts {
		t.Fatalf("%s with %d sitemaps, want sitemapindex with %d", index.XMLName.Local, len(index.Sitemaps), parts)
	}
	seen := map[string]bool{}
	for i, s := range index.Sitemaps {
		if want := testBase + "/sitemap-" + strconv.Itoa(i+1) + ".xml"; s.Loc != want {
			t.Errorf("sitemap %d at %s, want %s", i, s.Loc, want)
		}
		part := fetchSitemap(t, srv.URL+strings.TrimPrefix(s.Loc, testBase))
		if part.XMLName.Local != "urlset" || len(part.URLs) > 3 || len(part.URLs) == 0 {
			t.Errorf("%s: %s of %d", s.Loc, part.XMLName.Local, len(part.URLs))
		}
		for _, u := range part.URLs {
			if seen[u.Loc] {
				t.Errorf("%s listed twice", u.Loc)
			}
			seen[u.Loc] = true
		}
	}
	if len(seen) != len(records) {
		t.Errorf("the parts list %d pages, want %d", len(seen), len(records))
	}
	for _, path := range []string{"/sitemap-0.xml", "/sitemap-" + strconv.Itoa(parts+1) + ".xml", "/sitemap-01.xml", "/sitemap-x.xml"} {
		if resp := get(t, "GET", srv.URL+path); resp.StatusCode != 404 {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
	}
}

// TestVoIDAndDump: the VoID description parses with rapper and counts
// what the dump holds; the dump is gzip'd N-Quads that rapper reads, one
// graph per article, no blank node shared by two articles.
func TestVoIDAndDump(t *testing.T) {
	rapper := testkit.Tool(t, "rapper", "apt-get install raptor2-utils")
	srv, records := newTestServer(t, Options{})
	resp := get(t, "GET", srv.URL+"/.well-known/void")
	void, _ := io.ReadAll(resp.Body)
	if resp.Header.Get("Content-Type") != "text/turtle; charset=utf-8" {
		t.Errorf("VoID Content-Type %q", resp.Header.Get("Content-Type"))
	}
	triples := parseWithRapper(t, rapper, "turtle", testBase+"/.well-known/void", void)
	want := map[string]bool{
		"<https://data.example.org/.well-known/void#dataset> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://rdfs.org/ns/void#Dataset> .":                                  true,
		"<https://data.example.org/.well-known/void#dataset> <http://rdfs.org/ns/void#dataDump> <https://data.example.org/dump.nq.gz> .":                                             true,
		"<https://data.example.org/.well-known/void#dataset> <http://rdfs.org/ns/void#vocabulary> <http://schema.org/> .":                                                            true,
		"<https://data.example.org/.well-known/void#dataset> <http://rdfs.org/ns/void#vocabulary> <http://purl.org/dc/terms/> .":                                                     true,
		"<https://data.example.org/.well-known/void#dataset> <http://rdfs.org/ns/void#exampleResource> <https://doi.org/10.7554/elife.01567> .":                                      true,
		`<https://data.example.org/.well-known/void#dataset> <http://rdfs.org/ns/void#documents> "` + strconv.Itoa(len(records)) + `"^^<http://www.w3.org/2001/XMLSchema#integer> .`: true,
	}
	var voidTriples int
	for _, line := range triples {
		delete(want, line)
		if rest, ok := strings.CutPrefix(line, `<https://data.example.org/.well-known/void#dataset> <http://rdfs.org/ns/void#triples> "`); ok {
			voidTriples, _ = strconv.Atoi(rest[:strings.IndexByte(rest, '"')])
		}
	}
	for line := range want {
		t.Errorf("VoID lacks %s", line)
	}

	dump := get(t, "GET", srv.URL+"/dump.nq.gz")
	if dump.Header.Get("Content-Type") != "application/gzip" {
		t.Errorf("dump Content-Type %q", dump.Header.Get("Content-Type"))
	}
	zr, err := gzip.NewReader(dump.Body)
	if err != nil {
		t.Fatal(err)
	}
	quads, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	lines := parseWithRapper(t, rapper, "nquads", testBase+"/dump.nq.gz", quads)
	if len(lines) != voidTriples || voidTriples == 0 {
		t.Errorf("the dump holds %d quads, VoID says %d triples", len(lines), voidTriples)
	}
	graphOf := map[string]string{}
	graphs := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(quads))
	sc.Buffer(nil, 1<<20)
	blank := regexp.MustCompile(`_:[A-Za-z0-9_]+`)
	for sc.Scan() {
		line := sc.Text()
		graph := line[strings.LastIndex(strings.TrimSuffix(line, " ."), " ")+1 : len(line)-2]
		graphs[graph] = true
		for _, label := range blank.FindAllString(line, -1) {
			if g, ok := graphOf[label]; ok && g != graph {
				t.Fatalf("blank node %s is in graphs %s and %s", label, g, graph)
			}
			graphOf[label] = graph
		}
	}
	if len(graphs) != len(records) {
		t.Errorf("the dump has %d graphs, want one per article, %d", len(graphs), len(records))
	}
}

// parseWithRapper parses data with rapper and returns its N-Triples (or
// N-Quads) lines.
func parseWithRapper(t *testing.T, rapper, syntax, base string, data []byte) []string {
	t.Helper()
	output := "ntriples"
	if syntax == "nquads" {
		output = "nquads"
	}
	cmd := exec.Command(rapper, "-q", "-i", syntax, "-o", output, "-", base)
	cmd.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("rapper -i %s: %v\n%s", syntax, err, stderr.String())
	}
	return strings.Split(strings.TrimSpace(string(out)), "\n")
}

func TestIndex(t *testing.T) {
	srv, records := newTestServer(t, Options{PageSize: 3})
	pages := (len(records) + 2) / 3
	links := regexp.MustCompile(`<li><a href="(/(?:doi|id)/[^"]+)">`)
	var all []string
	for page := 1; page <= pages; page++ {
		resp := get(t, "GET", srv.URL+"/?page="+strconv.Itoa(page))
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("page %d: %d", page, resp.StatusCode)
		}
		for _, m := range links.FindAllStringSubmatch(string(body), -1) {
			all = append(all, m[1])
		}
		hasNext := strings.Contains(string(body), `rel="next" href="/?page=`+strconv.Itoa(page+1)+`"`)
		if hasNext != (page < pages) {
			t.Errorf("page %d: next link %v", page, hasNext)
		}
	}
	if len(all) != len(records) {
		t.Fatalf("the index links %d articles, want %d", len(all), len(records))
	}
	for _, path := range all {
		if resp := get(t, "HEAD", srv.URL+path); resp.StatusCode != 200 {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
	}
}
