package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/internal/testkit/rdftest"
	"github.com/scholarld/scholarld/ld"
)

// TestBrowser opens the seed's landing page in headless Chromium: the
// JSON-LD read through the DOM is the graph convert gives, the visible
// title and the five authors are there, the page has its landmarks and
// ordered headings, and it fits a phone's width. Screenshots are saved in
// $SCHOLARLD_ARTEFACTS, else in the test's temporary folder (named in the
// log).
func TestBrowser(t *testing.T) {
	chromium := testkit.Tool(t, "chromium", "apt-get install chromium")
	srv, records := newTestServer(t, Options{})
	var seed *ld.Article
	for _, r := range records {
		if r.article.DOI == "10.3390/ijms150814348" {
			seed = r.article
		}
	}

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox, // Chromium refuses to run as root with its sandbox
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTimeout()

	do := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("chromium: %v", err)
		}
	}
	do(chromedp.Navigate(srv.URL+seedPath), chromedp.WaitVisible(chromedp.CSS("h1")))
	script := run(t, ctx, chromedp.Evaluate[string](`document.querySelector('script[type="application/ld+json"]').textContent`))
	title := run(t, ctx, chromedp.Text(chromedp.CSS("h1")))
	authors := run(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('.authors li')).map(li => li.innerText.trim())`))
	headings := run(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map(h => h.tagName)`))
	landmarks := run(t, ctx, chromedp.Evaluate[[]string](`['header','main','footer','nav'].filter(n => document.querySelector(n))`))
	lang := run(t, ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
	desktop := run(t, ctx, chromedp.FullScreenshot(100))

	do(chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Navigate(srv.URL+seedPath), chromedp.WaitVisible(chromedp.CSS("h1")))
	phoneScrollWidth := run(t, ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	phoneWidth := run(t, ctx, chromedp.Evaluate[int](`window.innerWidth`))
	phone := run(t, ctx, chromedp.FullScreenshot(100))

	// Inline markup is rendered, and text that looks like markup is text.
	markupPath := ""
	for _, r := range records {
		if r.name == "synthetic-markup-escaping.json" {
			_, markupPath = articleKey(r.article)
		}
	}
	do(chromedp.EmulateReset(), chromedp.Navigate(srv.URL+markupPath), chromedp.WaitVisible(chromedp.CSS("h1")))
	sub := run(t, ctx, chromedp.Evaluate[string](`document.querySelector('h1 sub').textContent + '|' + document.querySelector('h1 i').textContent`))
	abstract := run(t, ctx, chromedp.Evaluate[string](`document.querySelector('#abstract').parentElement.innerText`))
	scripts := run(t, ctx, chromedp.Evaluate[int](`document.scripts.length`))
	markupShot := run(t, ctx, chromedp.FullScreenshot(100))
	if sub != "2|E. coli" {
		t.Errorf("the title's <sub> and <i> read %q", sub)
	}
	if !strings.Contains(abstract, "</script> and <!--") || !strings.Contains(abstract, "p < 0.05") {
		t.Errorf("the abstract does not show its markup-like text as text:\n%s", abstract)
	}
	if scripts != 1 {
		t.Errorf("%d script elements, want the one JSON-LD script", scripts)
	}

	// A chapter's and a working paper's pages show what these works carry,
	// and their JSON-LD is the graph convert gives.
	shots := map[string][]byte{"landing-page-desktop.png": desktop, "landing-page-phone.png": phone, "landing-page-markup.png": markupShot}
	works := map[string]struct{ shot, fact string }{
		"synthetic-book-chapter.json":  {"landing-page-chapter.png", "In the book"},
		"synthetic-working-paper.json": {"landing-page-working-paper.png", "Report number"},
	}
	for _, r := range records {
		work, ok := works[r.name]
		if !ok {
			continue
		}
		_, path := articleKey(r.article)
		do(chromedp.Navigate(srv.URL+path), chromedp.WaitVisible(chromedp.CSS("h1")))
		labels := run(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('.facts dt')).map(dt => dt.innerText.trim())`))
		if !strings.Contains(strings.Join(labels, "|"), work.fact) {
			t.Errorf("%s: the facts %q lack %q", r.name, labels, work.fact)
		}
		script := run(t, ctx, chromedp.Evaluate[string](`document.querySelector('script[type="application/ld+json"]').textContent`))
		sameGraph(t, r.name, r.article, script)
		shots[work.shot] = run(t, ctx, chromedp.FullScreenshot(100))
	}

	dir := os.Getenv("SCHOLARLD_ARTEFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	for name, shot := range shots {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, shot, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", path)
	}

	// The JSON-LD in the DOM is the graph convert gives.
	sameGraph(t, "the seed", seed, script)

	if want := "Mesenchymal Stem Cell-Derived Microparticles: A Promising Therapeutic Strategy"; title != want {
		t.Errorf("title %q, want %q", title, want)
	}
	wantAuthors := []string{"X. Tan", "Y.-Z. Gong", "P. Wu", "D.-F. Liao", "X.-L. Zheng"}
	if strings.Join(authors, "|") != strings.Join(wantAuthors, "|") {
		t.Errorf("authors %q, want %q", authors, wantAuthors)
	}
	if lang != "en" {
		t.Errorf("html lang %q", lang)
	}
	if len(headings) == 0 || headings[0] != "H1" || strings.Count(strings.Join(headings, " "), "H1") != 1 {
		t.Errorf("headings %v: want one h1, first", headings)
	}
	for i := 1; i < len(headings); i++ {
		if headings[i][1] > headings[i-1][1]+1 {
			t.Errorf("heading %s follows %s: a level is skipped", headings[i], headings[i-1])
		}
	}
	if strings.Join(landmarks, " ") != "header main footer nav" {
		t.Errorf("landmarks %v", landmarks)
	}
	if phoneScrollWidth > phoneWidth {
		t.Errorf("on a phone the page is %d px wide in a %d px viewport: it scrolls sideways", phoneScrollWidth, phoneWidth)
	}
}

// sameGraph checks that the JSON-LD a page holds is the graph convert
// gives for its article.
func sameGraph(t *testing.T, name string, a *ld.Article, script string) {
	t.Helper()
	g, err := ld.Map(a, ld.SchemaProfile)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := ld.FormatByName("jsonld")
	converted := rdftest.Encode(t, g, f.NewEncoder)
	loader := ld.OfflineLoader{}
	got := rdftest.Canonical(t, rdftest.JSONLD(t, rdftest.DecodeJSON(t, script), loader))
	want := rdftest.Canonical(t, rdftest.JSONLD(t, rdftest.DecodeJSON(t, converted), loader))
	if got != want || got == "" {
		t.Errorf("%s: the page's JSON-LD is another graph than convert's:\n got: %s\nwant: %s", name, got, want)
	}
}

// run runs one browser action and returns its value.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	return v
}
