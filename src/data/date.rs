//! Dates that may be known only to the year or month ("2025", "2025-02").

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date with optional month and day. Ordering is chronological;
/// a less precise date sorts before the precise dates it contains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn precision(&self) -> &'static str {
        match (self.month, self.day) {
            (None, _) => "year",
            (Some(_), None) => "month",
            _ => "day",
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for PartialDate {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
        let parts: Vec<&str> = s.split('-').collect();
        if parts.is_empty() || parts.len() > 3 {
            return Err(bad());
        }
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        if !digits(parts[0], 4) {
            return Err(bad());
        }
        let year: u16 = parts[0].parse().map_err(|_| bad())?;
        let month = match parts.get(1) {
            Some(m) if digits(m, 2) => {
                let m: u8 = m.parse().map_err(|_| bad())?;
                if !(1..=12).contains(&m) {
                    return Err(format!("`{s}`: month {m} is not between 01 and 12"));
                }
                Some(m)
            }
            Some(_) => return Err(bad()),
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(d), Some(m)) if digits(d, 2) => {
                let d: u8 = d.parse().map_err(|_| bad())?;
                if d == 0 || d > days_in_month(year, m) {
                    return Err(format!("`{s}`: day {d} does not exist in that month"));
                }
                Some(d)
            }
            (Some(_), _) => return Err(bad()),
            (None, _) => None,
        };
        Ok(PartialDate { year, month, day })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Read a TOML value (a local date or a string) as a partial date.
pub fn from_toml(value: &toml::Value) -> Result<PartialDate, String> {
    match value {
        toml::Value::String(s) => s.parse(),
        toml::Value::Datetime(dt) => match (dt.date, dt.time) {
            (Some(d), None) => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day).parse(),
            _ => Err(format!(
                "`{dt}` has a time of day: write a date alone (2025-07-25), or \"2025\" / \"2025-07\""
            )),
        },
        other => Err(format!(
            "expected a date (2025-07-25) or a string \"2025\" / \"2025-07\", found {}",
            other.type_str()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_precision_and_round_trips() {
        for s in ["2025", "2025-02", "2024-02-29", "2030-12-31"] {
            let d: PartialDate = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
        }
        assert_eq!("2025".parse::<PartialDate>().unwrap().precision(), "year");
    }

    #[test]
    fn refuses_impossible_dates() {
        for s in [
            "",
            "25",
            "2025-13",
            "2025-02-29",
            "2025-1",
            "2025-01-01-01",
            "abcd",
            "2025-00",
        ] {
            assert!(s.parse::<PartialDate>().is_err(), "{s} should be refused");
        }
    }

    #[test]
    fn orders_chronologically_with_coarse_dates_first() {
        let y: PartialDate = "2025".parse().unwrap();
        let m: PartialDate = "2025-07".parse().unwrap();
        let d: PartialDate = "2025-07-25".parse().unwrap();
        let next: PartialDate = "2026".parse().unwrap();
        assert!(y < m && m < d && d < next);
    }
}
