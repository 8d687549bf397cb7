package ident_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/ld/ident"
)

// normalizeCase is one input of a Normalize function: the normal form it
// gives, or a substring of the error it reports.
type normalizeCase struct {
	in, want, err string
}

// userTerms is the name of the identifier, as a user knows it, that starts
// every error of each function: never a Go package prefix.
var userTerms = map[string]string{
	"NormalizeDOI": "DOI", "NormalizeISSN": "ISSN", "NormalizeISBN": "ISBN",
	"NormalizeORCID": "ORCID", "NormalizeROR": "ROR ID", "CheckHTTPURL": "URL",
	"CheckEmail": "e-mail", "CheckLanguage": "language tag",
}

func runNormalize(t *testing.T, name string, normalize func(string) (string, error), cases []normalizeCase) {
	t.Helper()
	for _, tc := range cases {
		got, err := normalize(tc.in)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s(%q): unexpected error %v", name, tc.in, err)
		case tc.err == "" && got != tc.want:
			t.Errorf("%s(%q) = %q, want %q", name, tc.in, got, tc.want)
		case tc.err != "" && err == nil:
			t.Errorf("%s(%q) = %q, want an error containing %q", name, tc.in, got, tc.err)
		case tc.err != "" && !strings.Contains(err.Error(), tc.err):
			t.Errorf("%s(%q): error %q does not contain %q", name, tc.in, err, tc.err)
		case err != nil && !strings.HasPrefix(err.Error(), userTerms[name]+" "):
			t.Errorf("%s(%q): error %q does not start with %q, the user's name for the identifier", name, tc.in, err, userTerms[name])
		}
	}
}

const (
	lancetDOI = "10.1016/S0140-6736(20)30183-5"
	siciDOI   = "10.1002/(SICI)1097-4636(199706)35:4<409::AID-JBM1>3.0.CO;2-T"
	amsDOI    = "10.1175/1520-0469(1998)055<0345:ASOTSS>2.0.CO;2"
	// hashDOI is a real Wiley SICI DOI whose check character is "#".
	hashDOI = "10.1002/(SICI)1097-0134(20000515)39:3<216::AID-PROT40>3.0.CO;2-#"
)

func TestNormalizeDOI(t *testing.T) {
	runNormalize(t, "NormalizeDOI", ident.NormalizeDOI, []normalizeCase{
		{in: "10.3390/ijms150814348", want: "10.3390/ijms150814348"},
		{in: "  10.3390/ijms150814348\n", want: "10.3390/ijms150814348"},
		{in: "doi:10.3390/ijms150814348", want: "10.3390/ijms150814348"},
		{in: "DOI: 10.3390/ijms150814348", want: "10.3390/ijms150814348"},
		{in: "https://doi.org/10.3390/ijms150814348", want: "10.3390/ijms150814348"},
		{in: "http://dx.doi.org/10.1021/acs.orglett.9b00971", want: "10.1021/acs.orglett.9b00971"},
		{in: "HTTPS://DOI.ORG/10.7554/eLife.01567", want: "10.7554/eLife.01567"},
		{in: lancetDOI, want: lancetDOI},
		{in: siciDOI, want: siciDOI},
		{in: amsDOI, want: amsDOI},
		{in: hashDOI, want: hashDOI},
		{in: "10.1000.10/123456", want: "10.1000.10/123456"},
		{in: "10.1234/日本語", want: "10.1234/日本語"},
		// A resolver URL is percent-decoded; a bare DOI is taken as written.
		{in: "https://doi.org/10.1002/(SICI)1097-4636(199706)35:4%3C409::AID-JBM1%3E3.0.CO;2-T", want: siciDOI},
		{in: "10.1000/100%25", want: "10.1000/100%25"},
		{in: "https://doi.org/10.1000/100%zz", err: "bad percent-encoding"},
		{in: "", err: `does not start with "10."`},
		{in: "11.1000/x", err: `does not start with "10."`},
		{in: "https://example.org/10.1000/x", err: `does not start with "10."`},
		{in: "10.1000", err: `has no "/"`},
		{in: "10.123/x", err: "registrant code 123 has fewer than 4 digits"},
		{in: "10.12a4/x", err: "is not 10.NNNN"},
		{in: "10.1000./x", err: "is not 10.NNNN"},
		{in: "10.1000/", err: "suffix is empty"},
		{in: "10.1000/with internal spaces", err: "white space U+0020 at byte 12"},
		{in: "10.1000/a\u00a0b", err: "white space U+00A0"},
		{in: "10.1000/a\x01b", err: "control character U+0001"},
		{in: "10.1000/a\xffb", err: "invalid UTF-8 at byte 9"},
	})
}

func TestDOIURL(t *testing.T) {
	cases := []struct{ doi, want string }{
		{"10.3390/ijms150814348", "https://doi.org/10.3390/ijms150814348"},
		{lancetDOI, "https://doi.org/10.1016/S0140-6736(20)30183-5"},
		{siciDOI, "https://doi.org/10.1002/(SICI)1097-4636(199706)35:4%3C409::AID-JBM1%3E3.0.CO;2-T"},
		{amsDOI, "https://doi.org/10.1175/1520-0469(1998)055%3C0345:ASOTSS%3E2.0.CO;2"},
		{hashDOI, "https://doi.org/10.1002/(SICI)1097-0134(20000515)39:3%3C216::AID-PROT40%3E3.0.CO;2-%23"},
		{"10.1000/a?b[c]", "https://doi.org/10.1000/a%3Fb%5Bc%5D"},
		{"10.1000/\"{|}\\^`", "https://doi.org/10.1000/%22%7B%7C%7D%5C%5E%60"},
		{"10.1000/50%25-50%", "https://doi.org/10.1000/50%2525-50%25"}, // a bare DOI holds no escapes
		{"10.1000/100%z1", "https://doi.org/10.1000/100%25z1"},
		{"10.1234/日本語_x.y-z", "https://doi.org/10.1234/日本語_x.y-z"},
		{"10.1000/a b\x7f\xff", "https://doi.org/10.1000/a%20b%7F%FF"},
	}
	for _, tc := range cases {
		if got := ident.DOIURL(tc.doi); got != tc.want {
			t.Errorf("DOIURL(%q) = %q, want %q", tc.doi, got, tc.want)
		}
	}
}

func TestNormalizeISSN(t *testing.T) {
	runNormalize(t, "NormalizeISSN", ident.NormalizeISSN, []normalizeCase{
		{in: "1422-0067", want: "1422-0067"},
		{in: "14220067", want: "1422-0067"},
		{in: "1422 0067", want: "1422-0067"},
		{in: " 2050-084x ", want: "2050-084X"},
		{in: "2050084X", want: "2050-084X"},
		{in: "0028-0836", want: "0028-0836"},
		{in: "1422-0068", err: "check digit is 8, want 7"},
		{in: "2050-0840", err: "check digit is 0, want X"},
		{in: "1422-006", err: "is not NNNN-NNNC"},
		{in: "1422_0067", err: "is not NNNN-NNNC"},
		{in: "142X-0067", err: "is not NNNN-NNNC"},
		{in: "", err: "is not NNNN-NNNC"},
	})
}

func TestNormalizeISBN(t *testing.T) {
	runNormalize(t, "NormalizeISBN", ident.NormalizeISBN, []normalizeCase{
		{in: "0-306-40615-2", want: "0306406152"},
		{in: "978-0-306-40615-7", want: "9780306406157"},
		{in: "ISBN 978-3-16-148410-0", want: "9783161484100"},
		{in: "ISBN-10: 0-8044-2957-x", want: "080442957X"},
		{in: "isbn-13:979 10 90636 07 1", want: "9791090636071"},
		{in: "0-306-40615-3", err: "check digit is 3, want 2"},
		{in: "978-0-306-40615-8", err: "check digit is 8, want 7"},
		{in: "977-0-306-40615-7", err: "starts with 978 or 979"},
		{in: "12345", err: "neither an ISBN-10 nor an ISBN-13"},
		{in: "97803064061X7", err: "neither an ISBN-10 nor an ISBN-13"},
	})
}

func TestNormalizeORCID(t *testing.T) {
	runNormalize(t, "NormalizeORCID", ident.NormalizeORCID, []normalizeCase{
		{in: "0000-0002-1825-0097", want: "0000-0002-1825-0097"},
		{in: "https://orcid.org/0000-0002-1825-0097", want: "0000-0002-1825-0097"},
		{in: "http://orcid.org/0000-0002-4149-0494", want: "0000-0002-4149-0494"},
		{in: "orcid.org/0000-0003-4448-3844", want: "0000-0003-4448-3844"},
		{in: "0000-0002-1694-233x", want: "0000-0002-1694-233X"},
		{in: "0000-0002-1825-0098", err: "check digit is 8, want 7"},
		{in: "0000-0002-1694-2330", err: "check digit is 0, want X"},
		{in: "0000000218250097", err: "is not NNNN-NNNN-NNNN-NNNC"},
		{in: "0000-0002-1825-009", err: "is not NNNN-NNNN-NNNN-NNNC"},
		{in: "0000-000X-1825-0097", err: "is not NNNN-NNNN-NNNN-NNNC"},
		{in: "https://example.org/0000-0002-1825-0097", err: "is not NNNN-NNNN-NNNN-NNNC"},
	})
}

func TestORCIDURL(t *testing.T) {
	if got, want := ident.ORCIDURL("0000-0002-1825-0097"), "https://orcid.org/0000-0002-1825-0097"; got != want {
		t.Errorf("ORCIDURL = %q, want %q", got, want)
	}
}

func TestNormalizeROR(t *testing.T) {
	runNormalize(t, "NormalizeROR", ident.NormalizeROR, []normalizeCase{
		// University of Calgary, Central South University, and ROR IDs
		// quoted in Crossref's and idutils' documentation.
		{in: "https://ror.org/03yjb2x39", want: "https://ror.org/03yjb2x39"},
		{in: "ror.org/00f1zfq44", want: "https://ror.org/00f1zfq44"},
		{in: "03yrm5c26", want: "https://ror.org/03yrm5c26"},
		{in: "http://ror.org/01k4yrm29", want: "https://ror.org/01k4yrm29"},
		{in: "05DXPS055", want: "https://ror.org/05dxps055"},
		{in: "https://ror.org/01k4yrm30", err: "checksum is 30, want 29"},
		{in: "https://ror.org/11k4yrm29", err: "is not 0, 6 base 32 characters and 2 digits"},
		{in: "https://ror.org/01k34yrm29", err: "is not 0, 6 base 32 characters and 2 digits"},
		{in: "https://ror.org/01kOyrm29", err: `'o' is not a Crockford base 32 character`},
		{in: "01k4yrmx9", err: "is not 0, 6 base 32 characters and 2 digits"},
		{in: "", err: "is not 0, 6 base 32 characters"},
	})
}

func TestCheckLanguage(t *testing.T) {
	cases := []struct{ tag, err string }{
		{"en", ""},
		{"zh-Hant-TW", ""},
		{"sr-Latn", ""},
		{"de-CH-1996", ""},
		{"en-US-u-ca-gregory", ""},
		{"", "language tag is empty"},
		{"english", "is not BCP 47"},
		{"en_US", `'_' at byte 2 is not a letter, digit or hyphen`},
		{"en-", "is not BCP 47"},
		{"en US", `' ' at byte 2`},
	}
	for _, tc := range cases {
		err := ident.CheckLanguage(tc.tag)
		checkErr(t, fmt.Sprintf("CheckLanguage(%q)", tc.tag), err, tc.err)
	}
}

func TestCheckHTTPURL(t *testing.T) {
	runNormalize(t, "CheckHTTPURL", ident.CheckHTTPURL, []normalizeCase{
		{in: "https://www.mdpi.com/1422-0067/15/8/14348", want: "https://www.mdpi.com/1422-0067/15/8/14348"},
		{in: " http://creativecommons.org/licenses/by/3.0/ ", want: "http://creativecommons.org/licenses/by/3.0/"},
		{in: "HTTPS://example.org/a?b=c#d", want: "HTTPS://example.org/a?b=c#d"},
		{in: "https://example.org/a b<c>\"{|}\\^`", want: "https://example.org/a%20b%3Cc%3E%22%7B%7C%7D%5C%5E%60"},
		{in: "https://example.org/50%", want: "https://example.org/50%25"},
		{in: "https://example.org/a%20b", want: "https://example.org/a%20b"},
		{in: "https://例え.jp/ü", want: "https://例え.jp/ü"},
		{in: "http://[::1]:8080/x", want: "http://[::1]:8080/x"},
		{in: "https://example.org/a[1]?q=[2]#f[3]", want: "https://example.org/a%5B1%5D?q=%5B2%5D#f%5B3%5D"},
		{in: "https://example.org/x#a#b", want: "https://example.org/x#a%23b"},
		{in: "https://example.org?x=[1]", want: "https://example.org?x=%5B1%5D"},
		{in: "/relative/path", err: "is relative"},
		{in: "www.example.org/x", err: "is relative"},
		{in: "ftp://example.org/x", err: `scheme "ftp" is not http or https`},
		{in: "mailto:a@example.org", err: `scheme "mailto"`},
		{in: "http:///x", err: "has no host"},
		{in: "http:example.org", err: "has no host"},
		{in: "http://:80/x", err: "has no host"},
		{in: "https://example.org/a\tb", err: "control character U+0009 at byte 21"},
		{in: "https://example.org/\xff", err: "not valid UTF-8"},
		{in: "https://exa mple.org/", err: `' ' is not allowed in the host`},
		{in: "https://example.org{x}/", err: `'{' is not allowed in the host`},
		{in: "https://example.org?q={x}", want: "https://example.org?q=%7Bx%7D"},
		{in: "https://Example-1.org:8443/a", want: "https://Example-1.org:8443/a"},
		{in: "http://example.org:/a", want: "http://example.org:/a"},
		{in: "http://user@example.org/a", want: "http://user@example.org/a"},
		{in: "http://a:1:2/x", err: `invalid port ":1:2"`},
		{in: "http://example.org:8x/a", err: `invalid port ":8x"`},
		{in: "http://user@/a", err: "has no host"},
		{in: "https://", err: "has no host"},
		{in: "httpx://example.org", err: `scheme "httpx"`},
	})
}

func TestCheckEmail(t *testing.T) {
	cases := []struct{ email, err string }{
		{"xiaolong.zheng@ucalgary.ca", ""},
		{"a+b@mail.example.org", ""},
		{"", "does not have exactly one @"},
		{"nobody", "does not have exactly one @"},
		{"a@b@example.org", "does not have exactly one @"},
		{"@example.org", "empty local part"},
		{"a@localhost", "has no dot"},
		{"a@example..org", "empty label"},
		{"a@.example.org", "empty label"},
		{"a b@example.org", "white space U+0020"},
		{"a@example.org\x00", "control character U+0000"},
	}
	for _, tc := range cases {
		checkErr(t, fmt.Sprintf("CheckEmail(%q)", tc.email), ident.CheckEmail(tc.email), tc.err)
	}
}

func checkErr(t *testing.T, call string, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("%s: unexpected error %v", call, err)
	case want != "" && err == nil:
		t.Errorf("%s: no error, want one containing %q", call, want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Errorf("%s: error %q does not contain %q", call, err, want)
	case err != nil && !strings.HasPrefix(err.Error(), userTerms[strings.Split(call, "(")[0]]+" "):
		t.Errorf("%s: error %q does not start with the user's name for the identifier", call, err)
	}
}

// TestCrossrefFixtures checks every DOI, ISSN, ORCID iD and URL of the
// real Crossref records in the shared fixtures: each must be accepted, and
// the bare DOIs and hyphenated ISSNs Crossref gives are already normal.
func TestCrossrefFixtures(t *testing.T) {
	dir := testkit.Shared(t, "fixtures", "crossref-rest")
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		walkStrings(doc, "", func(key, value string) {
			name := filepath.Base(path) + ": " + key + " " + value
			switch key {
			case "DOI":
				counts[key]++
				if got, err := ident.NormalizeDOI(value); err != nil || got != value {
					t.Errorf("%s: NormalizeDOI = %q, %v", name, got, err)
				}
			case "ISSN":
				counts[key]++
				if got, err := ident.NormalizeISSN(value); err != nil || got != value {
					t.Errorf("%s: NormalizeISSN = %q, %v", name, got, err)
				}
			case "ORCID":
				counts[key]++
				if _, err := ident.NormalizeORCID(value); err != nil {
					t.Errorf("%s: %v", name, err)
				}
			case "URL":
				counts[key]++
				if _, err := ident.CheckHTTPURL(value); err != nil {
					t.Errorf("%s: %v", name, err)
				}
			}
		})
	}
	t.Logf("checked %v", counts)
	for _, key := range []string{"DOI", "ISSN", "ORCID", "URL"} {
		if counts[key] == 0 {
			t.Errorf("no %s found in %s: the fixtures changed", key, dir)
		}
	}
}

// walkStrings calls visit for every string in doc with the key of the
// object member it is in (the member's key for the strings of an array).
func walkStrings(doc any, key string, visit func(key, value string)) {
	switch v := doc.(type) {
	case string:
		visit(key, v)
	case []any:
		for _, elem := range v {
			walkStrings(elem, key, visit)
		}
	case map[string]any:
		for k, elem := range v {
			walkStrings(elem, k, visit)
		}
	}
}

// FuzzIdentifiers holds every function to its normal form: what a
// Normalize function returns, it returns again unchanged, so that Check
// accepts what a reader stored; and a DOI's IRI parses and leads back to
// the DOI.
func FuzzIdentifiers(f *testing.F) {
	for _, s := range []string{
		lancetDOI, siciDOI, amsDOI, hashDOI, "https://doi.org/10.1000/a%20b", "doi: 10.1234/日本語",
		"2050-084x", "ISBN 0-8044-2957-X", "orcid.org/0000-0002-1694-233x", "ror.org/03YJB2X39",
		"https://example.org/a b?c#d", "zh-Hant-TW", "a@b.c", "http://a:1/x", "HTTP://a-b.c:/?#",
	} {
		f.Add(s)
	}
	normalizers := map[string]func(string) (string, error){
		"NormalizeDOI": ident.NormalizeDOI, "NormalizeISSN": ident.NormalizeISSN, "NormalizeISBN": ident.NormalizeISBN,
		"NormalizeORCID": ident.NormalizeORCID, "NormalizeROR": ident.NormalizeROR, "CheckHTTPURL": ident.CheckHTTPURL,
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, normalize := range normalizers {
			normal, err := normalize(s)
			if err != nil {
				if !strings.HasPrefix(err.Error(), userTerms[name]+" ") {
					t.Errorf("%s(%q): error %q does not start with %q", name, s, err, userTerms[name])
				}
				continue
			}
			if again, err := normalize(normal); err != nil || again != normal {
				t.Errorf("%s(%q) = %q, but %s(%q) = %q, %v", name, s, normal, name, normal, again, err)
			}
		}
		// A URL that CheckHTTPURL accepts, whether it told so itself or
		// through url.Parse, is one that url.Parse takes for an http or
		// https URL with a host.
		if checked, err := ident.CheckHTTPURL(s); err == nil {
			u, err := url.Parse(checked)
			if err != nil {
				t.Errorf("CheckHTTPURL(%q) = %q, which url.Parse rejects: %v", s, checked, err)
			} else if scheme := strings.ToLower(u.Scheme); scheme != "http" && scheme != "https" || u.Hostname() == "" {
				t.Errorf("CheckHTTPURL(%q) = %q, which url.Parse reads as scheme %q, host %q", s, checked, u.Scheme, u.Hostname())
			}
		}
		_ = ident.CheckLanguage(s)
		_ = ident.CheckEmail(s)
		doi, err := ident.NormalizeDOI(s)
		if err != nil {
			return
		}
		iri := ident.DOIURL(doi)
		if _, err := url.Parse(iri); err != nil {
			t.Errorf("DOIURL(%q) = %q does not parse: %v", doi, iri, err)
		}
		if strings.ContainsAny(iri[len("https://doi.org/"):], " \"<>\\^`{|}#?[]") {
			t.Errorf("DOIURL(%q) = %q holds a character an IRI path may not", doi, iri)
		}
		if !strings.Contains(doi, "%") {
			if back, err := ident.NormalizeDOI(iri); err != nil || back != doi {
				t.Errorf("NormalizeDOI(DOIURL(%q)) = %q, %v", doi, back, err)
			}
		}
	})
}

func ExampleNormalizeDOI() {
	for _, s := range []string{
		"https://doi.org/10.3390/ijms150814348",
		"doi:10.1016/S0140-6736(20)30183-5",
		"10.123/short",
	} {
		doi, err := ident.NormalizeDOI(s)
		fmt.Println(doi, err)
	}
	// Output:
	// 10.3390/ijms150814348 <nil>
	// 10.1016/S0140-6736(20)30183-5 <nil>
	//  DOI "10.123/short": registrant code 123 has fewer than 4 digits
}

func ExampleDOIURL() {
	fmt.Println(ident.DOIURL("10.1175/1520-0469(1998)055<0345:ASOTSS>2.0.CO;2"))
	// Output: https://doi.org/10.1175/1520-0469(1998)055%3C0345:ASOTSS%3E2.0.CO;2
}

func ExampleNormalizeISSN() {
	fmt.Println(ident.NormalizeISSN("14220067"))
	fmt.Println(ident.NormalizeISSN("1422-0068"))
	// Output:
	// 1422-0067 <nil>
	//  ISSN "1422-0068": check digit is 8, want 7
}

func ExampleNormalizeISBN() {
	fmt.Println(ident.NormalizeISBN("ISBN 978-0-306-40615-7"))
	// Output: 9780306406157 <nil>
}

func ExampleNormalizeORCID() {
	id, err := ident.NormalizeORCID("https://orcid.org/0000-0002-1825-0097")
	fmt.Println(id, err)
	fmt.Println(ident.ORCIDURL(id))
	// Output:
	// 0000-0002-1825-0097 <nil>
	// https://orcid.org/0000-0002-1825-0097
}

func ExampleNormalizeROR() {
	fmt.Println(ident.NormalizeROR("03yjb2x39"))
	// Output: https://ror.org/03yjb2x39 <nil>
}

func ExampleCheckLanguage() {
	fmt.Println(ident.CheckLanguage("zh-Hant-TW"))
	fmt.Println(ident.CheckLanguage("en_US"))
	// Output:
	// <nil>
	// language tag "en_US": '_' at byte 2 is not a letter, digit or hyphen
}

func ExampleCheckHTTPURL() {
	fmt.Println(ident.CheckHTTPURL("https://example.org/a file.pdf"))
	// Output: https://example.org/a%20file.pdf <nil>
}

func ExampleCheckEmail() {
	fmt.Println(ident.CheckEmail("xiaolong.zheng@ucalgary.ca"))
	fmt.Println(ident.CheckEmail("xiaolong.zheng"))
	// Output:
	// <nil>
	// e-mail "xiaolong.zheng" does not have exactly one @
}
