//! "Did you mean" suggestions for misspelt names.

/// The candidate closest to `input`, if one is close enough to be a likely typo.
///
/// Closeness is the optimal-string-alignment distance (a swap of two neighbours counts once,
/// so `andriod` finds `android`), accepted up to a third of the word's length.
pub fn did_you_mean<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let input_lc = input.to_lowercase();
    let limit = (input.chars().count() / 3).max(1);
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    // A unique candidate that starts with what was typed is the likely meaning.
    if input.len() >= 3 {
        let mut prefixed = candidates
            .iter()
            .filter(|c| c.to_lowercase().starts_with(&input_lc) && **c != input);
        if let (Some(only), None) = (prefixed.next(), prefixed.next()) {
            return Some(only);
        }
    }
    candidates
        .into_iter()
        .map(|c| (strsim::osa_distance(&input_lc, &c.to_lowercase()), c))
        .filter(|&(d, c)| d <= limit && c != input)
        .min_by(|a, b| {
            a.0.cmp(&b.0).then_with(|| {
                let ja = strsim::jaro_winkler(&input_lc, a.1);
                let jb = strsim::jaro_winkler(&input_lc, b.1);
                jb.total_cmp(&ja)
            })
        })
        .map(|(_, c)| c)
}

/// Formats a help line with a suggestion, or the list of valid names when none is close.
pub fn help_for<'a, I>(input: &str, candidates: I, what: &str) -> String
where
    I: IntoIterator<Item = &'a str> + Clone,
{
    match did_you_mean(input, candidates.clone()) {
        Some(s) => format!("did you mean \"{s}\"?"),
        None => {
            let list: Vec<&str> = candidates.into_iter().collect();
            if list.is_empty() {
                format!("no {what} is defined")
            } else if list.len() <= 16 {
                format!("expected one of: {}", list.join(", "))
            } else {
                format!("{} {what}s are defined; check the spelling", list.len())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_transpositions_and_typos() {
        let platforms = ["web", "android", "ios"];
        assert_eq!(did_you_mean("andriod", platforms), Some("android"));
        assert_eq!(did_you_mean("IOS", platforms), Some("ios"));
        assert_eq!(did_you_mean("stpes", ["steps", "tips"]), Some("steps"));
        assert_eq!(did_you_mean("tpa", ["tap", "type"]), Some("tap"));
    }

    #[test]
    fn rejects_far_candidates() {
        assert_eq!(did_you_mean("windows", ["web", "android", "ios"]), None);
        assert_eq!(did_you_mean("x", ["ios"]), None);
    }

    #[test]
    fn help_lists_candidates_when_nothing_is_close() {
        assert_eq!(
            help_for("zzz", ["a", "b"], "platform"),
            "expected one of: a, b"
        );
        assert_eq!(
            help_for("zzz", std::iter::empty(), "platform"),
            "no platform is defined"
        );
    }
}
