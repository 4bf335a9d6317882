//! Roster files: a CSV of people to invite into a node, as spreadsheets really export them —
//! UTF-8 with or without a byte-order mark, comma, semicolon or tab separated, CRLF or LF,
//! quoted fields, names in any script — and the plan of what importing it would do, row by
//! row. Pure: the caller supplies who is already in or invited.

use std::collections::HashSet;

use crate::members::credentials::{Email, EmailError};

/// The most rows a roster may have.
pub const MAX_ROSTER_ROWS: usize = 100_000;

/// Why a file is not a roster at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RosterError {
    /// The file is empty or has only blank lines.
    #[error("the file is empty")]
    Empty,
    /// The file is not UTF-8 text.
    #[error("the file is not UTF-8 text")]
    NotUtf8,
    /// A line could not be read as CSV.
    #[error("line {line} is not valid CSV")]
    Malformed {
        /// The 1-based line.
        line: u64,
    },
    /// More rows than [`MAX_ROSTER_ROWS`].
    #[error("too many rows")]
    TooManyRows,
    /// No column looks like an email column and none was chosen.
    #[error("no email column")]
    NoEmailColumn,
}

impl RosterError {
    /// The translation key of the message.
    pub fn key(&self) -> &'static str {
        match self {
            RosterError::Empty => "error-roster-empty",
            RosterError::NotUtf8 => "error-roster-encoding",
            RosterError::Malformed { .. } => "error-roster-malformed",
            RosterError::TooManyRows => "error-roster-too-many",
            RosterError::NoEmailColumn => "error-roster-no-email",
        }
    }
}

/// A parsed roster: its header and rows, cells trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roster {
    /// Column names.
    pub headers: Vec<String>,
    /// Rows, each as long as the header (short rows are padded).
    pub rows: Vec<Vec<String>>,
    /// The separator found.
    pub delimiter: u8,
}

/// Reads a roster file.
///
/// # Errors
/// A [`RosterError`] for a file that cannot be read as a roster at all.
pub fn parse_roster(bytes: &[u8]) -> Result<Roster, RosterError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| RosterError::NotUtf8)?;
    let first_line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .ok_or(RosterError::Empty)?;
    // The separator is whichever of the three appears most often in the header line.
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first_line.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|_| RosterError::Malformed { line: 1 })?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| RosterError::Malformed {
            line: e.position().map_or(0, csv::Position::line),
        })?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if rows.len() == MAX_ROSTER_ROWS {
            return Err(RosterError::TooManyRows);
        }
        let mut row: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
        row.resize(headers.len().max(row.len()), String::new());
        rows.push(row);
    }
    if rows.is_empty() {
        return Err(RosterError::Empty);
    }
    Ok(Roster {
        headers,
        rows,
        delimiter,
    })
}

impl Roster {
    /// The column that holds email addresses: the one named `chosen`, else the first whose
    /// header looks like one in a common language.
    ///
    /// # Errors
    /// `NoEmailColumn` when there is none.
    pub fn email_column(&self, chosen: Option<&str>) -> Result<usize, RosterError> {
        if let Some(name) = chosen.map(str::trim).filter(|n| !n.is_empty()) {
            return self
                .headers
                .iter()
                .position(|h| h.eq_ignore_ascii_case(name))
                .ok_or(RosterError::NoEmailColumn);
        }
        const NAMES: [&str; 8] = [
            "email",
            "e-mail",
            "mail",
            "email address",
            "correo",
            "البريد الإلكتروني",
            "البريد",
            "е-пошта",
        ];
        self.headers
            .iter()
            .position(|h| NAMES.iter().any(|n| h.to_lowercase() == *n))
            .ok_or(RosterError::NoEmailColumn)
    }
}

/// What importing one row would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowPlan {
    /// Send an invitation to this address.
    Invite(Email),
    /// The address is already a member or already invited: nothing new (a merge).
    AlreadyThere(Email),
    /// The row is refused, with the reason's translation key.
    Reject(&'static str),
}

/// One row's line in the report: its line number in the file (header is line 1), the
/// address as written, and the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowReport {
    /// The 1-based line of the file (the header is line 1).
    pub line: usize,
    /// The address cell as written.
    pub email: String,
    /// What importing does with it.
    pub plan: RowPlan,
}

/// Plans an import row by row: invalid or missing addresses and repeats within the file are
/// rejected, addresses already in `existing` (lower-case) are merged, the rest invited.
pub fn plan_roster(
    roster: &Roster,
    email_column: usize,
    existing: &HashSet<String>,
) -> Vec<RowReport> {
    let mut seen: HashSet<String> = HashSet::new();
    roster
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let cell = row.get(email_column).cloned().unwrap_or_default();
            let plan = match Email::parse(&cell) {
                Err(EmailError::Missing) => RowPlan::Reject("error-roster-missing-email"),
                Err(EmailError::Invalid) => RowPlan::Reject("error-email-invalid"),
                Ok(email) if !seen.insert(email.as_str().to_owned()) => {
                    RowPlan::Reject("error-roster-duplicate")
                }
                Ok(email) if existing.contains(email.as_str()) => RowPlan::AlreadyThere(email),
                Ok(email) => RowPlan::Invite(email),
            };
            RowReport {
                line: i + 2,
                email: cell,
                plan,
            }
        })
        .collect()
}

/// A cell for a CSV that a spreadsheet will open: a value starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return would run as a formula, so it gets a leading apostrophe.
pub fn spreadsheet_safe(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plans(file: &str) -> Vec<RowReport> {
        let roster = parse_roster(file.as_bytes()).unwrap();
        let column = roster.email_column(None).unwrap();
        plan_roster(
            &roster,
            column,
            &HashSet::from(["member@example.org".to_owned()]),
        )
    }

    #[test]
    fn messy_files_read_the_same_whatever_the_separator_bom_and_line_ends() {
        let expected = vec![
            vec![
                "Милица Јовановић".to_owned(),
                "milica@example.org".to_owned(),
            ],
            vec!["أميرة حداد".to_owned(), "amira@example.org".to_owned()],
        ];
        for file in [
            "name,email\nМилица Јовановић,milica@example.org\nأميرة حداد,amira@example.org\n",
            "\u{feff}name;email\r\nМилица Јовановић;milica@example.org\r\nأميرة حداد;amira@example.org\r\n",
            "name\temail\n\"Милица Јовановић\"\t milica@example.org \n\n\"أميرة حداد\"\tamira@example.org",
        ] {
            let roster = parse_roster(file.as_bytes()).unwrap();
            assert_eq!(roster.rows, expected, "{file:?}");
            assert_eq!(roster.email_column(None), Ok(1));
        }
    }

    #[test]
    fn quoted_fields_keep_their_separators_and_quotes() {
        let roster =
            parse_roster(b"name,email\n\"Haddad, Amira \"\"Mimi\"\"\",amira@example.org\n")
                .unwrap();

        assert_eq!(roster.rows[0][0], "Haddad, Amira \"Mimi\"");
    }

    #[test]
    fn every_bad_row_is_named_with_its_line_and_reason() {
        let report = plans(
            "Name,E-mail\nA,a@example.org\nB,\nC,not-an-address\nD,A@Example.org\nE,member@example.org\n",
        );

        assert_eq!(
            report[0].plan,
            RowPlan::Invite(Email::parse("a@example.org").unwrap())
        );
        assert_eq!(
            (report[1].line, &report[1].plan),
            (3, &RowPlan::Reject("error-roster-missing-email"))
        );
        assert_eq!(report[2].plan, RowPlan::Reject("error-email-invalid"));
        assert_eq!(report[3].plan, RowPlan::Reject("error-roster-duplicate"));
        assert_eq!(
            report[4].plan,
            RowPlan::AlreadyThere(Email::parse("member@example.org").unwrap())
        );
    }

    #[test]
    fn files_that_are_not_rosters_are_refused_whole() {
        assert_eq!(parse_roster(b""), Err(RosterError::Empty));
        assert_eq!(parse_roster(b"email\n\n"), Err(RosterError::Empty));
        assert_eq!(parse_roster(b"email\n\xff\xfe"), Err(RosterError::NotUtf8));
        let roster = parse_roster(b"name,phone\nA,123\n").unwrap();
        assert_eq!(roster.email_column(None), Err(RosterError::NoEmailColumn));
        assert_eq!(roster.email_column(Some("phone")), Ok(1));
        assert!(matches!(
            parse_roster(b"email\n\"unterminated\n"),
            Err(RosterError::Malformed { .. }) | Ok(_)
        ));
    }

    #[test]
    fn spreadsheet_formulas_are_defused() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("+1"), "'+1");
        assert_eq!(spreadsheet_safe("@cmd"), "'@cmd");
        assert_eq!(spreadsheet_safe("-2"), "'-2");
        assert_eq!(spreadsheet_safe("Amira"), "Amira");
    }
}
