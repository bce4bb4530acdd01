//! Dates as readers read them, in the site's language ("3 December 2026",
//! "3. Dezember 2026"); languages without a table here get the ISO form, which every
//! reader understands.

use jiff::civil::Date;
use serde::Serialize;

/// A date for templates: machine-readable and human.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateView {
    /// ISO 8601 (`2026-12-03`), for `<time datetime>`.
    pub iso: String,
    /// As written in the site's language (`December 3, 2026`).
    pub text: String,
}

impl DateView {
    /// The date, written for a site in `language` (a BCP 47 tag).
    pub fn new(date: Date, language: &str) -> DateView {
        DateView {
            iso: date.to_string(),
            text: human_date(date, language),
        }
    }
}

const EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const IT: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];
const PT: [&str; 12] = [
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
];
const NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// `date` as a reader of `language` writes it.
pub fn human_date(date: Date, language: &str) -> String {
    let lang = language.to_ascii_lowercase();
    let mut parts = lang.split(['-', '_']);
    let primary = parts.next().unwrap_or("");
    let region = parts.find(|p| p.len() == 2).unwrap_or("");
    let (y, m, d) = (
        date.year(),
        usize::from(date.month().unsigned_abs()),
        date.day(),
    );
    let month = |names: &[&'static str; 12]| names[(m - 1).min(11)];
    match primary {
        "en" if matches!(region, "" | "us" | "ph" | "ca") => format!("{} {d}, {y}", month(&EN)),
        "en" => format!("{d} {} {y}", month(&EN)),
        "de" => format!("{d}. {} {y}", month(&DE)),
        "fr" if d == 1 => format!("1er {} {y}", month(&FR)),
        "fr" => format!("{d} {} {y}", month(&FR)),
        "es" => format!("{d} de {} de {y}", month(&ES)),
        "pt" => format!("{d} de {} de {y}", month(&PT)),
        "it" => format!("{d} {} {y}", month(&IT)),
        "nl" => format!("{d} {} {y}", month(&NL)),
        _ => date.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_the_sites_language_writes_them() {
        let date = jiff::civil::date(2026, 12, 3);
        assert_eq!(human_date(date, "en"), "December 3, 2026");
        assert_eq!(human_date(date, "en-GB"), "3 December 2026");
        assert_eq!(human_date(date, "de"), "3. Dezember 2026");
        assert_eq!(human_date(date, "fr-CA"), "3 décembre 2026");
        assert_eq!(
            human_date(jiff::civil::date(2026, 3, 1), "fr"),
            "1er mars 2026"
        );
        assert_eq!(human_date(date, "pt-BR"), "3 de dezembro de 2026");
        assert_eq!(human_date(date, "ja"), "2026-12-03");
    }
}
