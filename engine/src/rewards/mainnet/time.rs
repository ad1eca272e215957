//! Slots and calendar dates (UTC): mainnet's beacon chain began at Unix time
//! [`GENESIS`] and a slot lasts 12 s, so slot `s` starts at `GENESIS + 12 s`.

/// The Unix time of slot 0 (1 Dec 2020, 12:00:23 UTC).
pub const GENESIS: i64 = 1_606_824_023;
/// Seconds a slot.
pub const SLOT_SECONDS: i64 = 12;
/// Slots in a day (86,400 s / 12 s).
pub const SLOTS_PER_DAY: u64 = 7_200;

/// The Unix time at which `slot` starts.
pub fn slot_time(slot: u64) -> i64 {
    GENESIS + SLOT_SECONDS * slot as i64
}

/// Days since 1 Jan 1970 of the UTC day in which `slot` starts.
pub fn slot_day(slot: u64) -> i64 {
    slot_time(slot).div_euclid(86_400)
}

/// The civil date `(year, month 1–12, day 1–31)` of a day count since 1970-01-01
/// (H. Hinnant's `civil_from_days`, proleptic Gregorian).
///
/// ```
/// use et_engine::rewards::mainnet::time::date_of_day;
/// assert_eq!(date_of_day(0), (1970, 1, 1));
/// assert_eq!(date_of_day(19_640), (2023, 10, 10));
/// ```
pub fn date_of_day(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The day count since 1970-01-01 of a civil date (inverse of [`date_of_day`]).
pub fn day_of_date(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The first slot starting at or after 00:00 UTC of day `days` (0 before genesis).
pub fn first_slot_of_day(days: i64) -> u64 {
    let t = days * 86_400 - GENESIS;
    if t <= 0 {
        0
    } else {
        (t as u64).div_ceil(SLOT_SECONDS as u64)
    }
}

/// `slot`'s UTC date as `YYYY-MM-DD`.
pub fn slot_date(slot: u64) -> String {
    let (y, m, d) = date_of_day(slot_day(slot));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The first slot of the UTC date `YYYY-MM-DD`, or `None` if the text is no such date.
pub fn parse_date(text: &str) -> Option<u64> {
    let mut it = text.trim().splitn(3, '-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.parse().ok()?;
    let day = day_of_date(y, m, d);
    (date_of_day(day) == (y, m, d)).then(|| first_slot_of_day(day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_s_first_and_last_slots_have_their_documented_dates() {
        // docs/mainnet-data.md: slots 7,509,685 to 8,822,072, 10 Oct 2023 – 9 Apr 2024.
        assert_eq!(slot_date(7_509_685), "2023-10-10");
        assert_eq!(slot_date(8_822_072), "2024-04-09");
        assert_eq!(slot_time(0), 1_606_824_023);
    }

    #[test]
    fn dates_round_trip_and_days_start_at_midnight() {
        for day in [-1_000, 0, 59, 60, 11_016, 19_640, 19_782, 40_000] {
            let (y, m, d) = date_of_day(day);
            assert_eq!(day_of_date(y, m, d), day);
        }
        let s = parse_date("2023-11-01").unwrap();
        assert_eq!(slot_date(s), "2023-11-01");
        assert_eq!(slot_date(s - 1), "2023-10-31");
        assert_eq!(parse_date("2023-02-30"), None);
        assert_eq!(parse_date("nope"), None);
        // 2024 is a leap year.
        assert_eq!(slot_date(parse_date("2024-02-29").unwrap()), "2024-02-29");
    }
}
