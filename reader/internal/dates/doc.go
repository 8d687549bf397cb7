// Package dates reads the dates of outside metadata into ld.Date, keeping
// the precision the source gives: a year stays a year, a month a month.
//
// Parse takes one date written as text, in ISO 8601 or in English:
//
//	2021, 2021-02, 2021-02-18, 2021/02/18, 2021/02/18/ (RIS), 20210218
//	2021-02-18T10:00:00Z (the calendar date as written; the time is dropped)
//	18 February 2021, 18th Feb. 2021, 18-Feb-2021, Thu, 18 Feb 2021
//	February 18, 2021, Sept. 18th, 2021, February 2021, 2021 Feb 18
//
// FromParts takes the date-parts arrays of Crossref and CSL-JSON
// ([2021, 2, 18]). Both reject dates that do not exist ("31 June 2021",
// "2021-13") and forms that cannot be read without guessing ("02/03/2021",
// "Spring 2021"); the error says why, and the reader names the field.
package dates
