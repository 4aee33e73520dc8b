//! Reading a publication date leniently, as a day number.

/// The day number (days since 1970-01-01) of a date written `YYYY-MM-DD`,
/// `YYYY/MM/DD` or `YYYY.MM.DD`, optionally followed by a time
/// (`2018-11-17T08:30:00Z`, `2018-11-17 08:30`). Month and day may have one
/// digit. Anything else, or an impossible date, is no date.
pub(super) fn day_number(date: &str) -> Option<i64> {
    let date = date.trim();
    let end = date.find(['T', ' ', 't']).unwrap_or(date.len());
    let mut fields = date[..end].split(['-', '/', '.']);
    let year: i64 = number(fields.next()?, 4..=4)?;
    let month: i64 = number(fields.next()?, 1..=2)?;
    let day: i64 = number(fields.next()?, 1..=2)?;
    if fields.next().is_some() || !(1..=12).contains(&month) {
        return None;
    }
    if day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

fn number(field: &str, digits: std::ops::RangeInclusive<usize>) -> Option<i64> {
    (digits.contains(&field.len()) && field.bytes().all(|b| b.is_ascii_digit()))
        .then(|| field.parse().ok())
        .flatten()
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's `days_from_civil`: the proleptic Gregorian calendar
/// without a date library.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::day_number;

    #[test]
    fn reads_iso_dates_and_their_common_variants() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2018-11-17"), Some(17_852));
        assert_eq!(day_number("2018/11/17"), day_number("2018-11-17"));
        assert_eq!(day_number("2018-11-17T08:30:00Z"), Some(17_852));
        assert_eq!(day_number(" 2018-11-17 08:30 "), Some(17_852));
        assert_eq!(day_number("2019-3-1"), day_number("2019-03-01"));
        assert_eq!(
            day_number("2020-03-01").unwrap() - day_number("2020-02-28").unwrap(),
            2
        );
        assert_eq!(day_number("1969-12-31"), Some(-1));
    }

    #[test]
    fn anything_else_is_no_date() {
        for text in [
            "",
            "17/11/2018",
            "2018-13-01",
            "2019-02-29",
            "2018-11",
            "hier",
            "2018-11-17-1",
        ] {
            assert_eq!(day_number(text), None, "{text:?}");
        }
        assert!(day_number("2020-02-29").is_some());
    }
}
