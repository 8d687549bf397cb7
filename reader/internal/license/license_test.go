package license

import (
	"fmt"
	"testing"
)

func TestRecognise(t *testing.T) {
	const by4 = "https://creativecommons.org/licenses/by/4.0/"
	tests := []struct {
		in, url, label string
	}{
		// SPDX identifiers.
		{"CC-BY-4.0", by4, "CC BY 4.0"},
		{"CC-BY-3.0", "https://creativecommons.org/licenses/by/3.0/", "CC BY 3.0"},
		{"CC-BY-NC-ND-4.0", "https://creativecommons.org/licenses/by-nc-nd/4.0/", "CC BY-NC-ND 4.0"},
		{"CC-BY-SA-2.5", "https://creativecommons.org/licenses/by-sa/2.5/", "CC BY-SA 2.5"},
		{"CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0"},
		{"mit", "https://opensource.org/licenses/MIT", "MIT"},
		{"Apache-2.0", "https://www.apache.org/licenses/LICENSE-2.0", "Apache-2.0"},
		// Short and long names.
		{"CC BY 4.0", by4, "CC BY 4.0"},
		{"cc by-nc 3.0", "https://creativecommons.org/licenses/by-nc/3.0/", "CC BY-NC 3.0"},
		{"CC BY", "", "CC BY"},
		{"Creative Commons Attribution 4.0 International", by4, "CC BY 4.0"},
		{"Creative Commons Attribution-NonCommercial-ShareAlike 3.0 Unported License", "https://creativecommons.org/licenses/by-nc-sa/3.0/", "CC BY-NC-SA 3.0"},
		{"Creative Commons Attribution-NonCommercial-NoDerivs 3.0", "https://creativecommons.org/licenses/by-nc-nd/3.0/", "CC BY-NC-ND 3.0"},
		{"Creative Commons Attribution-No Derivative Works 2.5", "https://creativecommons.org/licenses/by-nd/2.5/", "CC BY-ND 2.5"},
		{"Creative Commons Attribution License 2.0", "https://creativecommons.org/licenses/by/2.0/", "CC BY 2.0"},
		// Sentences of licence text.
		{"This is an open-access article distributed under the terms of the Creative Commons Attribution License, which permits unrestricted use, distribution, and reproduction in any medium, provided the original author and source are credited.", "", "CC BY"},
		{"This article is distributed under the terms of the Creative Commons Attribution 4.0 International License.", by4, "CC BY 4.0"},
		{"This is an open access article under the CC BY-NC-ND license.", "", "CC BY-NC-ND"},
		{"Open Access. This article is licensed under CC BY 4.0. The Creative Commons Public Domain Dedication waiver applies to the data.", by4, "CC BY 4.0"},
		{"This is an open-access article, free of all copyright, made available under the Creative Commons CC0 public domain dedication.", "https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0"},
		{"No known copyright restrictions: Public Domain Mark", "https://creativecommons.org/publicdomain/mark/1.0/", "Public Domain Mark 1.0"},
		// A version that no Creative Commons licence has.
		{"CC BY 5.0", "", "CC BY"},
	}
	for _, tt := range tests {
		got, ok := Recognise(tt.in)
		if !ok || got.URL != tt.url || got.Label != tt.label {
			t.Errorf("Recognise(%q) = %+v, %v; want %q %q", tt.in, got, ok, tt.url, tt.label)
		}
	}
}

func TestRecogniseRefuses(t *testing.T) {
	for _, in := range []string{
		"",
		"2010 Springer Science+Business Media, LLC",
		"© The Author(s) 2020",
		"All rights reserved",
		"http://www.springer.com/tdm",
		"Creative writing commons",
		"GPL",
	} {
		if got, ok := Recognise(in); ok {
			t.Errorf("Recognise(%q) = %+v, want no licence", in, got)
		}
	}
}

func ExampleRecognise() {
	l, _ := Recognise("Creative Commons Attribution-NonCommercial 4.0 International License")
	fmt.Println(l.Label, l.URL)
	l, _ = Recognise("CC-BY-3.0")
	fmt.Println(l.Label, l.URL)
	// Output:
	// CC BY-NC 4.0 https://creativecommons.org/licenses/by-nc/4.0/
	// CC BY 3.0 https://creativecommons.org/licenses/by/3.0/
}

// FuzzRecognise checks that any text gives either no licence or one with
// a label, and a URL only on creativecommons.org or the named hosts.
func FuzzRecognise(f *testing.F) {
	for _, seed := range []string{"CC-BY-4.0", "Creative Commons Attribution-NonCommercial-NoDerivs 3.0", "cc0", "MIT", "2010 Springer", ""} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, ok := Recognise(s)
		if !ok {
			if l.URL != "" || l.Label != "" {
				t.Errorf("Recognise(%q) = %+v without ok", s, l)
			}
			return
		}
		if l.Label == "" {
			t.Errorf("Recognise(%q) = %+v: no label", s, l)
		}
	})
}
