package bibtex

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/scholarld/scholarld/ld/ident"
)

// languageTag turns a language field into a BCP 47 tag: a babel or
// polyglossia name as BibLaTeX's langid holds ("ngerman"), an English
// language name ("German"), or a tag itself ("de", "deu", "en-US"). It
// returns "" for anything else and for "und", which says nothing.
func languageTag(value string) string {
	value = strings.TrimSpace(value)
	if tag, ok := languageNames[strings.ToLower(value)]; ok {
		return tag
	}
	parsed, err := language.Parse(value)
	if err != nil {
		return ""
	}
	tag := parsed.String()
	if tag == "und" || ident.CheckLanguage(tag) != nil {
		return ""
	}
	return tag
}

// languageNames maps the babel and polyglossia language names and the
// English names of languages, lower case, to BCP 47 tags.
var languageNames = map[string]string{
	"english": "en", "american": "en-US", "usenglish": "en-US",
	"british": "en-GB", "ukenglish": "en-GB", "canadian": "en-CA",
	"australian": "en-AU", "newzealand": "en-NZ",
	"german": "de", "ngerman": "de", "austrian": "de-AT",
	"naustrian": "de-AT", "swissgerman": "de-CH", "nswissgerman": "de-CH",
	"french": "fr", "francais": "fr", "français": "fr", "acadian": "fr-CA",
	"canadien": "fr-CA", "spanish": "es", "mexican": "es-MX",
	"castilian": "es", "catalan": "ca", "galician": "gl", "basque": "eu",
	"italian": "it", "portuguese": "pt", "portuges": "pt",
	"brazil": "pt-BR", "brazilian": "pt-BR", "dutch": "nl", "flemish": "nl-BE",
	"afrikaans": "af", "danish": "da", "norwegian": "no", "norsk": "nb",
	"nynorsk": "nn", "swedish": "sv", "finnish": "fi", "icelandic": "is",
	"estonian": "et", "latvian": "lv", "lithuanian": "lt", "polish": "pl",
	"czech": "cs", "slovak": "sk", "slovene": "sl", "slovenian": "sl",
	"croatian": "hr", "serbian": "sr", "bosnian": "bs", "macedonian": "mk",
	"bulgarian": "bg", "russian": "ru", "ukrainian": "uk",
	"belarusian": "be", "greek": "el", "polutonikogreek": "el",
	"turkish": "tr", "hungarian": "hu", "magyar": "hu", "romanian": "ro",
	"albanian": "sq", "armenian": "hy", "georgian": "ka", "hebrew": "he",
	"arabic": "ar", "persian": "fa", "farsi": "fa", "urdu": "ur",
	"hindi": "hi", "bengali": "bn", "tamil": "ta", "marathi": "mr",
	"sanskrit": "sa", "chinese": "zh", "japanese": "ja", "korean": "ko",
	"vietnamese": "vi", "thai": "th", "indonesian": "id", "bahasa": "id",
	"bahasai": "id", "malay": "ms", "bahasam": "ms", "latin": "la",
	"welsh": "cy", "irish": "ga", "scottish": "gd", "breton": "br",
	"esperanto": "eo", "interlingua": "ia", "swahili": "sw",
}
