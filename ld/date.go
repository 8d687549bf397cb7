package ld

import (
	"fmt"
	"strconv"
	"time"
)

// Date is a calendar date of year, month or day precision. Month and Day
// are 0 when the precision stops above them. The zero Date means unknown.
type Date struct {
	Year  int
	Month int
	Day   int
}

// Precision of a Date.
type Precision int

// The precisions, coarsest first.
const (
	NoDate Precision = iota
	YearPrecision
	MonthPrecision
	DayPrecision
)

// ParseDate reads "2014", "2014-08" or "2014-08-18" and rejects dates that
// do not exist ("2014-13", "2014-02-30").
func ParseDate(s string) (Date, error) {
	var d Date
	var err error
	switch len(s) {
	case 4:
		d.Year, err = parseDigits(s)
	case 7:
		if s[4] != '-' {
			return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		d.Year, err = parseDigits(s[:4])
		if err == nil {
			d.Month, err = parseDigits(s[5:])
		}
	case 10:
		if s[4] != '-' || s[7] != '-' {
			return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		d.Year, err = parseDigits(s[:4])
		if err == nil {
			d.Month, err = parseDigits(s[5:7])
		}
		if err == nil {
			d.Day, err = parseDigits(s[8:])
		}
	default:
		return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	if err != nil {
		return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	if err := d.Validate(); err != nil {
		return Date{}, err
	}
	return d, nil
}

func parseDigits(s string) (int, error) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, strconv.ErrSyntax
		}
	}
	return strconv.Atoi(s)
}

// Validate reports whether the date exists: a year from 1 to 9999, a month
// from 1 to 12, a day that the month has, and no day without a month.
func (d Date) Validate() error {
	switch {
	case d.IsZero():
		return nil
	case d.Year < 1 || d.Year > 9999:
		return fmt.Errorf("year %d is out of range 1-9999", d.Year)
	case d.Month < 0 || d.Month > 12:
		return fmt.Errorf("month %d of %d does not exist", d.Month, d.Year)
	case d.Day != 0 && d.Month == 0:
		return fmt.Errorf("day %d given without a month", d.Day)
	case d.Day < 0 || d.Day > daysIn(d.Year, d.Month):
		return fmt.Errorf("day %d of %04d-%02d does not exist", d.Day, d.Year, d.Month)
	}
	return nil
}

func daysIn(year, month int) int {
	if month == 0 {
		return 0
	}
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d == Date{} }

// Precision reports how much of the date is known.
func (d Date) Precision() Precision {
	switch {
	case d.IsZero():
		return NoDate
	case d.Month == 0:
		return YearPrecision
	case d.Day == 0:
		return MonthPrecision
	}
	return DayPrecision
}

// String writes the date in ISO 8601 at its precision: "2014",
// "2014-08" or "2014-08-18"; the zero Date gives "".
func (d Date) String() string {
	var parts int
	switch d.Precision() {
	case YearPrecision:
		parts = 1
	case MonthPrecision:
		parts = 2
	case DayPrecision:
		parts = 3
	default:
		return ""
	}
	// Every article has several dates: fmt was a visible cost of bulk runs.
	b := make([]byte, 0, len("2006-01-02"))
	b = appendPadded(b, d.Year, 4)
	for _, n := range []int{d.Month, d.Day}[:parts-1] {
		b = appendPadded(append(b, '-'), n, 2)
	}
	return string(b)
}

// appendPadded appends n in decimal, zero-padded to width digits, as
// fmt's %0*d does.
func appendPadded(b []byte, n, width int) []byte {
	if n < 0 {
		return fmt.Appendf(b, "%0*d", width, n)
	}
	digits := 1
	for m := n; m >= 10; m /= 10 {
		digits++
	}
	for ; digits < width; digits++ {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// Before reports whether d certainly lies before e, comparing only the
// precision both dates have: 2014 is not before 2014-08.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month == 0 || e.Month == 0 || d.Month != e.Month {
		return d.Month != 0 && e.Month != 0 && d.Month < e.Month
	}
	return d.Day != 0 && e.Day != 0 && d.Day < e.Day
}

// MarshalText writes the ISO form.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads the ISO form, as ParseDate.
func (d *Date) UnmarshalText(text []byte) error {
	parsed, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}
