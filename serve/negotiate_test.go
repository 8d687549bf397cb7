package serve

import (
	"reflect"
	"testing"
)

func TestParseAccept(t *testing.T) {
	for _, tc := range []struct {
		header string
		want   []mediaRange
		ok     bool
	}{
		{"", nil, true},
		{" , ,", nil, true},
		{"text/html", []mediaRange{{typ: "text", subtype: "html", q: 1}}, true},
		{"TEXT/HTML;Q=0.5", []mediaRange{{typ: "text", subtype: "html", q: 0.5}}, true},
		{"*/*;q=0.1", []mediaRange{{typ: "*", subtype: "*", q: 0.1}}, true},
		{"text/*;q=0", []mediaRange{{typ: "text", subtype: "*", q: 0}}, true},
		{`application/ld+json;profile="http://www.w3.org/ns/json-ld#expanded";q=0.9`,
			[]mediaRange{{typ: "application", subtype: "ld+json", params: map[string]string{"profile": profileExpanded}, q: 0.9}}, true},
		// A quoted comma or semicolon does not split.
		{`a/b;x="1,2;3", c/d`, []mediaRange{{typ: "a", subtype: "b", params: map[string]string{"x": "1,2;3"}, q: 1}, {typ: "c", subtype: "d", q: 1}}, true},
		{`a/b;x="q\"uote"`, []mediaRange{{typ: "a", subtype: "b", params: map[string]string{"x": `q"uote`}, q: 1}}, true},
		// Bad elements are skipped; a header of nothing else is not ok.
		{"text/html;q=2, text/turtle", []mediaRange{{typ: "text", subtype: "turtle", q: 1}}, true},
		{"text/html;q=2", nil, false},
		{"text/html;q=0.1234", nil, false},
		{"text/html;q=abc", nil, false},
		{"text/html;q=", nil, false},
		{"text", nil, false},
		{"*/html", nil, false},
		{"text/html;profile", nil, false},
		{`text/html;p="unterminated`, nil, false},
		{"te xt/html", nil, false},
		{"garbage", nil, false},
	} {
		got, ok := parseAccept(tc.header)
		if ok != tc.ok || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("parseAccept(%q) = %+v, %v; want %+v, %v", tc.header, got, ok, tc.want, tc.ok)
		}
	}
}

func TestParseQ(t *testing.T) {
	for s, want := range map[string]float64{"0": 0, "1": 1, "0.5": 0.5, "0.001": 0.001, "1.000": 1, "1.": 1, "0.": 0} {
		if got, ok := parseQ(s); !ok || got != want {
			t.Errorf("parseQ(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	for _, s := range []string{"", "2", "1.5", "1.001", "0.0001", "-1", ".5", "0,5", "1e0", "01"} {
		if _, ok := parseQ(s); ok {
			t.Errorf("parseQ(%q) accepted", s)
		}
	}
}

func TestNegotiate(t *testing.T) {
	offers := []offer{
		{typ: "text", subtype: "html"},
		{typ: "application", subtype: "ld+json", profiles: []string{profileCompacted}},
		{typ: "text", subtype: "turtle"},
		{typ: "application", subtype: "ld+json", profiles: []string{profileExpanded}},
	}
	for _, tc := range []struct {
		accept string
		want   int
	}{
		{"", 0},
		{"*/*", 0},
		{"text/*", 0},
		{"application/*", 1},
		{"text/turtle", 2},
		{"text/turtle, text/html", 0},               // equal weights: the server's order
		{"text/turtle, text/html;q=0.9", 2},         // the weight decides
		{"text/*;q=0.5, text/turtle", 2},            // the most specific range gives the weight
		{"text/*, text/html;q=0", 2},                // q=0 excludes, even under a wider range
		{"*/*;q=0.1, application/ld+json;q=0.5", 1}, // compacted unless asked
		{`application/ld+json;profile="` + profileExpanded + `"`, 3},
		{`application/ld+json;profile="` + profileCompacted + `"`, 1},
		{`application/ld+json;profile="http://www.w3.org/ns/json-ld#flattened"`, -1},
		{`application/ld+json;profile="` + profileExpanded + `", */*;q=0.1`, 3},
		{"image/png", -1},
		{"text/html;q=0, */*;q=0", -1},
		{"text/html;charset=utf-8", 0}, // charset neither selects nor excludes
	} {
		ranges, _ := parseAccept(tc.accept)
		if got := negotiate(ranges, offers); got != tc.want {
			t.Errorf("negotiate(%q) = %d, want %d", tc.accept, got, tc.want)
		}
	}
}

func TestAcceptsGzip(t *testing.T) {
	for header, want := range map[string]bool{
		"": false, "gzip": true, "gzip, deflate, br": true, "GZIP;q=0.5": true, "x-gzip": true,
		"gzip;q=0": false, "identity": false, "*": true, "*;q=0": false, "*, gzip;q=0": false,
		"br, *;q=0.1": true, "gzip;q=bad": false,
	} {
		if got := acceptsGzip(header); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", header, got, want)
		}
	}
}
