package dates_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/internal/dates"
)

var _ = testkit.Update // every test binary defines -update

func TestParse(t *testing.T) {
	day := func(y, m, d int) ld.Date { return ld.Date{Year: y, Month: m, Day: d} }
	tests := []struct {
		in   string
		want ld.Date
	}{
		// ISO and numeric forms.
		{"2021", day(2021, 0, 0)},
		{"2021-02", day(2021, 2, 0)},
		{"2021-02-18", day(2021, 2, 18)},
		{"2021-2-8", day(2021, 2, 8)},
		{"2021/02/18", day(2021, 2, 18)},
		{"2021/02", day(2021, 2, 0)},
		{"2021.02.18", day(2021, 2, 18)},
		{"20210218", day(2021, 2, 18)},
		{"2021-02-18T10:00:00Z", day(2021, 2, 18)},
		{"2021-02-18T23:30:00+05:30", day(2021, 2, 18)},
		{"2021-02-18T10:00:00.123-0800", day(2021, 2, 18)},
		{"2021-02-18T10:00", day(2021, 2, 18)},
		{"2021-02-18 10:00:00", day(2021, 2, 18)},
		{"2020-02-29", day(2020, 2, 29)},
		// RIS.
		{"2021///", day(2021, 0, 0)},
		{"2021/02//", day(2021, 2, 0)},
		{"2021/02/18/", day(2021, 2, 18)},
		// Day month year.
		{"18 February 2021", day(2021, 2, 18)},
		{"18 Feb 2021", day(2021, 2, 18)},
		{"18 Feb. 2021", day(2021, 2, 18)},
		{"18 FEB 2021", day(2021, 2, 18)},
		{"18-Feb-2021", day(2021, 2, 18)},
		{"18 February, 2021", day(2021, 2, 18)},
		{"1st March 2021", day(2021, 3, 1)},
		{"2nd Mar. 2021", day(2021, 3, 2)},
		{"3rd May 2021", day(2021, 5, 3)},
		{"18th Sept 2021", day(2021, 9, 18)},
		{"Thu, 18 Feb 2021", day(2021, 2, 18)},
		{"Thu, 18 Feb 2021 10:00:00 GMT", day(2021, 2, 18)},
		{"Thursday, 18 February 2021", day(2021, 2, 18)},
		// Month day, year.
		{"February 18, 2021", day(2021, 2, 18)},
		{"February 18 2021", day(2021, 2, 18)},
		{"Feb. 18, 2021", day(2021, 2, 18)},
		{"Sept. 1st, 2021", day(2021, 9, 1)},
		{"Sep 30, 2021", day(2021, 9, 30)},
		{"December 31st, 1999", day(1999, 12, 31)},
		// Month year.
		{"February 2021", day(2021, 2, 0)},
		{"Feb 2021", day(2021, 2, 0)},
		{"Feb. 2021", day(2021, 2, 0)},
		{"Sept 2021", day(2021, 9, 0)},
		{"Sept. 2021", day(2021, 9, 0)},
		{"February, 2021", day(2021, 2, 0)},
		// PubMed order.
		{"2021 Feb 18", day(2021, 2, 18)},
		{"2021 Feb", day(2021, 2, 0)},
		// Every month, full and abbreviated.
		{"January 2021", day(2021, 1, 0)}, {"Jan 2021", day(2021, 1, 0)},
		{"March 2021", day(2021, 3, 0)}, {"Mar 2021", day(2021, 3, 0)},
		{"April 2021", day(2021, 4, 0)}, {"Apr. 2021", day(2021, 4, 0)},
		{"May 2021", day(2021, 5, 0)}, {"May. 2021", day(2021, 5, 0)},
		{"June 2021", day(2021, 6, 0)}, {"Jun 2021", day(2021, 6, 0)},
		{"July 2021", day(2021, 7, 0)}, {"Jul. 2021", day(2021, 7, 0)},
		{"August 2021", day(2021, 8, 0)}, {"Aug 2021", day(2021, 8, 0)},
		{"September 2021", day(2021, 9, 0)}, {"Sep. 2021", day(2021, 9, 0)},
		{"October 2021", day(2021, 10, 0)}, {"Oct 2021", day(2021, 10, 0)},
		{"November 2021", day(2021, 11, 0)}, {"Nov. 2021", day(2021, 11, 0)},
		{"December 2021", day(2021, 12, 0)}, {"Dec 2021", day(2021, 12, 0)},
		// White space.
		{"  2021-02-18  ", day(2021, 2, 18)},
		{"\t18\u00a0February\n2021 ", day(2021, 2, 18)},
		{"February  18 ,  2021", day(2021, 2, 18)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := dates.Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("Parse(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in, wantErr string
	}{
		{"", "empty date"},
		{"   ", "empty date"},
		{"31 June 2021", "does not exist"},
		{"June 31, 2021", "does not exist"},
		{"2021-13", "month 13 does not exist"},
		{"2021-00", "month 0 does not exist"},
		{"2021-02-30", "does not exist"},
		{"2021-02-29", "does not exist"},
		{"2021-02-00", "day 0 does not exist"},
		{"0 February 2021", "day 0 does not exist"},
		{"32 January 2021", "does not exist"},
		{"0000", "year 0 is out of range"},
		{"20211301", "month 13"},
		{"2021//18/", "day given without a month"},
		{"2021-02/18", "mixed separators"},
		{"18/02/2021", "known form"},
		{"02/18/2021", "known form"},
		{"18 February", "known form"},
		{"February", "known form"},
		{"Spring 2021", `"spring" is not`},
		{"Jan-Feb 2021", "known form"},
		{"18 Febr 2021", `"febr" is not`},
		{"2021 2022", "known form"},
		{"21", "known form"},
		{"18 February 21", "known form"},
		{"yesterday", "is not a day"},
		{"10:00 18 Feb 2021", `"10:00" is not`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := dates.Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q) = %v, want an error", tt.in, got)
			}
			if !strings.HasPrefix(err.Error(), "dates: ") || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Parse(%q) error %q, want it to start with \"dates: \" and contain %q", tt.in, err, tt.wantErr)
			}
		})
	}
}

func TestFromParts(t *testing.T) {
	tests := []struct {
		parts   []int
		want    ld.Date
		wantErr string
	}{
		{parts: []int{2021}, want: ld.Date{Year: 2021}},
		{parts: []int{2021, 2}, want: ld.Date{Year: 2021, Month: 2}},
		{parts: []int{2021, 2, 18}, want: ld.Date{Year: 2021, Month: 2, Day: 18}},
		{parts: []int{2020, 2, 29}, want: ld.Date{Year: 2020, Month: 2, Day: 29}},
		{parts: nil, wantErr: "empty date-parts"},
		{parts: []int{0}, wantErr: "year 0 is out of range"},
		{parts: []int{10000}, wantErr: "out of range"},
		{parts: []int{2021, 0}, wantErr: "month 0 does not exist"},
		{parts: []int{2021, 13}, wantErr: "season"},
		{parts: []int{2021, 21}, wantErr: "season"},
		{parts: []int{2021, 25}, wantErr: "month 25 does not exist"},
		{parts: []int{2021, 13, 1}, wantErr: "month 13 does not exist"},
		{parts: []int{2021, 6, 31}, wantErr: "does not exist"},
		{parts: []int{2021, 2, 0}, wantErr: "day 0 does not exist"},
		{parts: []int{2021, 2, -1}, wantErr: "day -1 does not exist"},
		{parts: []int{2021, 2, 18, 1}, wantErr: "more than year, month and day"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.parts), func(t *testing.T) {
			got, err := dates.FromParts(tt.parts)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.HasPrefix(err.Error(), "dates: ") {
					t.Fatalf("FromParts(%v) = %v, %v; want error containing %q", tt.parts, got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("FromParts(%v) = %v, %v; want %v", tt.parts, got, err, tt.want)
			}
		})
	}
}

// FuzzParse checks that Parse never panics and gives either an error or a
// valid, non-zero date.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{"2021-02-18T10:00:00Z", "18 Feb. 2021", "Sept. 1st, 2021", "2021///", "Thu, 18 Feb 2021 10:00:00 GMT", "31 June 2021"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := dates.Parse(s)
		if err != nil {
			return
		}
		if d.IsZero() {
			t.Fatalf("Parse(%q) gave the zero date without an error", s)
		}
		if verr := d.Validate(); verr != nil {
			t.Fatalf("Parse(%q) = %v, invalid: %v", s, d, verr)
		}
	})
}

func ExampleParse() {
	for _, s := range []string{"18 Feb. 2021", "February 2021", "2021", "31 June 2021"} {
		d, err := dates.Parse(s)
		fmt.Println(d, err)
	}
	// Output:
	// 2021-02-18 <nil>
	// 2021-02 <nil>
	// 2021 <nil>
	//  dates: "31 June 2021": day 31 of 2021-06 does not exist
}

func ExampleFromParts() {
	d, err := dates.FromParts([]int{2014, 8})
	fmt.Println(d, d.Precision() == ld.MonthPrecision, err)
	// Output: 2014-08 true <nil>
}
