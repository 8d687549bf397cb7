package text

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/scholarld/scholarld/ld/ident"
)

// Language turns a language value into a BCP 47 tag: an English language
// name ("German", any case) or a tag, ISO 639-2 codes included ("deu",
// "en-US"). It returns "" for anything else and for "und", which says
// nothing. A reader whose format has names of its own (BibTeX's babel
// names) looks those up first.
func Language(value string) string {
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

// languageNames maps English language names, lower case, to tags.
var languageNames = map[string]string{
	"english": "en", "german": "de", "french": "fr", "spanish": "es",
	"italian": "it", "portuguese": "pt", "dutch": "nl", "afrikaans": "af",
	"danish": "da", "norwegian": "no", "swedish": "sv", "finnish": "fi",
	"icelandic": "is", "estonian": "et", "latvian": "lv", "lithuanian": "lt",
	"polish": "pl", "czech": "cs", "slovak": "sk", "slovene": "sl",
	"slovenian": "sl", "croatian": "hr", "serbian": "sr", "bosnian": "bs",
	"macedonian": "mk", "bulgarian": "bg", "russian": "ru", "ukrainian": "uk",
	"belarusian": "be", "greek": "el", "turkish": "tr", "hungarian": "hu",
	"romanian": "ro", "albanian": "sq", "armenian": "hy", "georgian": "ka",
	"hebrew": "he", "arabic": "ar", "persian": "fa", "farsi": "fa",
	"urdu": "ur", "hindi": "hi", "bengali": "bn", "tamil": "ta",
	"chinese": "zh", "japanese": "ja", "korean": "ko", "vietnamese": "vi",
	"thai": "th", "indonesian": "id", "malay": "ms", "latin": "la",
	"welsh": "cy", "irish": "ga", "catalan": "ca", "galician": "gl",
	"basque": "eu", "esperanto": "eo", "swahili": "sw",
}
