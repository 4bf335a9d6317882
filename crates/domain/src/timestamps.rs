//! Points in time as the store keeps them: milliseconds since the Unix epoch, UTC.

use time::OffsetDateTime;

/// A point in time with millisecond precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    /// The timestamp `ms` milliseconds after the Unix epoch.
    pub fn from_unix_ms(ms: i64) -> Self {
        Self(ms)
    }

    /// Milliseconds since the Unix epoch.
    pub fn unix_ms(self) -> i64 {
        self.0
    }

    /// This timestamp moved by `seconds` (negative moves back).
    pub fn plus_seconds(self, seconds: i64) -> Self {
        Self(self.0.saturating_add(seconds.saturating_mul(1000)))
    }

    /// The same instant as a calendar date-time in UTC, if it is within the supported range.
    pub fn to_datetime(self) -> Option<OffsetDateTime> {
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.0) * 1_000_000).ok()
    }
}

impl Timestamp {
    /// RFC 3339 in UTC (`2026-11-29T04:57:52Z`), as feeds and APIs write times.
    pub fn rfc3339(self) -> String {
        self.to_datetime()
            .and_then(|d| {
                d.replace_millisecond(0)
                    .ok()?
                    .format(&time::format_description::well_known::Rfc3339)
                    .ok()
            })
            .unwrap_or_default()
    }
}

impl From<OffsetDateTime> for Timestamp {
    fn from(value: OffsetDateTime) -> Self {
        let ms = value.unix_timestamp_nanos() / 1_000_000;
        Self(i64::try_from(ms).unwrap_or(i64::MAX))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timestamp_converts_to_a_calendar_date() {
        let t = Timestamp::from_unix_ms(1_764_374_400_000);

        let dt = t.to_datetime().unwrap();

        assert_eq!((dt.year(), u8::from(dt.month()), dt.day()), (2025, 11, 29));
        assert_eq!(Timestamp::from(dt), t);
        assert_eq!(t.plus_seconds(2).unix_ms(), 1_764_374_402_000);
    }
}
