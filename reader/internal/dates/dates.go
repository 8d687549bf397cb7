package dates

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// isoDate matches the numeric ISO forms, with an optional time of day that
// is dropped: 2021, 2021-02, 2021-02-18, 2021/02/18, 2021-02-18T10:00:00Z.
var isoDate = regexp.MustCompile(`(?i)^(\d{4})(?:([-/.])(\d{1,2})(?:([-/.])(\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$`)

// compactDate matches the basic ISO form 20210218.
var compactDate = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)

// risDate matches the RIS form YYYY/MM/DD/other with empty parts allowed:
// "2021///", "2021/02//", "2021/02/18/".
var risDate = regexp.MustCompile(`^(\d{4})/(\d{0,2})/(\d{0,2})/?$`)

// timeOfDay and zone are tokens after an English date that are dropped.
var (
	timeOfDay = regexp.MustCompile(`^\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$`)
	zone      = regexp.MustCompile(`^(?:gmt|utc|ut|z|[+-]\d{4}|[+-]\d{2}:\d{2})$`)
	dayNumber = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?$`)
	yearToken = regexp.MustCompile(`^\d{4}$`)
)

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true,
	"thur": true, "thurs": true, "fri": true, "sat": true, "sun": true,
}

// Parse reads one date written as text (see the package documentation for
// the forms) at the precision it is written. An empty string, a date that
// does not exist and a form that is not understood are errors.
func Parse(s string) (ld.Date, error) {
	clean := text.Clean(s)
	if clean == "" {
		return ld.Date{}, errors.New("dates: empty date")
	}
	d, err := parse(strings.ToLower(clean))
	if err != nil {
		return ld.Date{}, fmt.Errorf("dates: %q: %w", clean, err)
	}
	return d, nil
}

// FromParts reads a date-parts array: [year], [year, month] or
// [year, month, day].
func FromParts(parts []int) (ld.Date, error) {
	var d ld.Date
	switch len(parts) {
	case 3:
		d.Day = parts[2]
		fallthrough
	case 2:
		d.Month = parts[1]
		fallthrough
	case 1:
		d.Year = parts[0]
	case 0:
		return ld.Date{}, errors.New("dates: empty date-parts")
	default:
		return ld.Date{}, fmt.Errorf("dates: date-parts %v has more than year, month and day", parts)
	}
	if d.Month >= 13 && d.Month <= 24 && len(parts) == 2 {
		return ld.Date{}, fmt.Errorf("dates: date-parts %v: month %d is a season, not a month", parts, d.Month)
	}
	if err := check(d, len(parts)); err != nil {
		return ld.Date{}, fmt.Errorf("dates: date-parts %v: %w", parts, err)
	}
	return d, nil
}

// check rejects a date that does not exist, or that has fewer parts than
// written (a 0 day or month would silently lower the precision).
func check(d ld.Date, parts int) error {
	switch {
	case d.Year < 1 || d.Year > 9999:
		return fmt.Errorf("year %d is out of range 1-9999", d.Year)
	case parts >= 2 && (d.Month < 1 || d.Month > 12):
		return fmt.Errorf("month %d does not exist", d.Month)
	case parts >= 3 && d.Day < 1:
		return fmt.Errorf("day %d does not exist", d.Day)
	}
	return d.Validate()
}

func parse(s string) (ld.Date, error) {
	if m := isoDate.FindStringSubmatch(s); m != nil {
		if m[4] != "" && m[4] != m[2] {
			return ld.Date{}, errors.New("mixed separators")
		}
		return build(m[1], m[3], m[5])
	}
	if m := compactDate.FindStringSubmatch(s); m != nil {
		return build(m[1], m[2], m[3])
	}
	if m := risDate.FindStringSubmatch(s); m != nil {
		if m[2] == "" && m[3] != "" {
			return ld.Date{}, errors.New("day given without a month")
		}
		return build(m[1], m[2], m[3])
	}
	return parseWords(s)
}

// build makes a date from its decimal parts; an empty part ends the
// precision.
func build(year, month, day string) (ld.Date, error) {
	var d ld.Date
	parts := 1
	d.Year, _ = strconv.Atoi(year)
	if month != "" {
		d.Month, _ = strconv.Atoi(month)
		parts = 2
	}
	if day != "" {
		d.Day, _ = strconv.Atoi(day)
		parts = 3
	}
	if err := check(d, parts); err != nil {
		return ld.Date{}, err
	}
	return d, nil
}

// tokenKind classifies the words of an English date.
type tokenKind byte

const (
	dayKind   tokenKind = 'D'
	monthKind tokenKind = 'M'
	yearKind  tokenKind = 'Y'
)

// englishOrders are the accepted orders of day, month and year.
var englishOrders = map[string]bool{
	"DMY": true, // 18 February 2021
	"MDY": true, // February 18, 2021
	"MY":  true, // February 2021
	"YMD": true, // 2021 Feb 18 (PubMed)
	"YM":  true, // 2021 Feb
}

func parseWords(s string) (ld.Date, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == ',' || r == '-' || r == '/'
	})
	var order []byte
	var values []int
	for i, field := range fields {
		word := strings.TrimSuffix(field, ".")
		if i == 0 && weekdays[word] {
			continue
		}
		if len(order) >= 2 && (timeOfDay.MatchString(word) || zone.MatchString(word)) {
			continue
		}
		switch {
		case months[word] != 0:
			order = append(order, byte(monthKind))
			values = append(values, months[word])
		case yearToken.MatchString(word):
			order = append(order, byte(yearKind))
			n, _ := strconv.Atoi(word)
			values = append(values, n)
		case dayNumber.MatchString(word):
			order = append(order, byte(dayKind))
			n, _ := strconv.Atoi(dayNumber.FindStringSubmatch(word)[1])
			values = append(values, n)
		default:
			return ld.Date{}, fmt.Errorf("%q is not a day, month or year", field)
		}
	}
	if !englishOrders[string(order)] {
		return ld.Date{}, errors.New("not a date in a known form")
	}
	var d ld.Date
	for i, kind := range order {
		switch tokenKind(kind) {
		case dayKind:
			d.Day = values[i]
		case monthKind:
			d.Month = values[i]
		case yearKind:
			d.Year = values[i]
		}
	}
	if err := check(d, len(order)); err != nil {
		return ld.Date{}, err
	}
	return d, nil
}
