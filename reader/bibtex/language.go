package bibtex

import (
	"strings"

	"github.com/scholarld/scholarld/reader/internal/text"
)

// languageTag turns a language field into a BCP 47 tag: a babel or
// polyglossia name as BibLaTeX's langid holds ("ngerman"), or what
// text.Language reads (an English language name, "German", or a tag
// itself, "de", "deu", "en-US"). It returns "" for anything else and for
// "und", which says nothing.
func languageTag(value string) string {
	if tag, ok := babelNames[strings.ToLower(strings.TrimSpace(value))]; ok {
		return tag
	}
	return text.Language(value)
}

// babelNames maps the babel and polyglossia language names, lower case,
// to BCP 47 tags, with the few English language names text.Language does
// not know; the names the two share are text.Language's.
var babelNames = map[string]string{
	"american": "en-US", "usenglish": "en-US", "british": "en-GB",
	"ukenglish": "en-GB", "canadian": "en-CA", "australian": "en-AU",
	"newzealand": "en-NZ", "ngerman": "de", "austrian": "de-AT",
	"naustrian": "de-AT", "swissgerman": "de-CH", "nswissgerman": "de-CH",
	"francais": "fr", "français": "fr", "acadian": "fr-CA",
	"canadien": "fr-CA", "mexican": "es-MX", "castilian": "es",
	"portuges": "pt", "brazil": "pt-BR", "brazilian": "pt-BR",
	"flemish": "nl-BE", "norsk": "nb", "nynorsk": "nn",
	"polutonikogreek": "el", "magyar": "hu", "marathi": "mr",
	"sanskrit": "sa", "bahasa": "id", "bahasai": "id", "bahasam": "ms",
	"scottish": "gd", "breton": "br", "interlingua": "ia",
}
