//! `title-form`: titles follow the site's conventions (`style: how-to`, the default, or any
//! of `how-to`, `task`, `question` and `symptom`) and end without punctuation (a question
//! with its question mark).

use super::rule::{Rule, RuleConfig, guide_language, is_english};
use crate::diag::{Code, Diagnostic, OptionKind, OptionSpec, RuleDoc, RuleMeta, Severity};
use crate::resolve::Resolved;

/// The `title-form` rule.
pub(super) struct TitleForm;

static META: RuleMeta = RuleMeta {
    id: "title-form",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "A title does not follow the site's title convention.",
    doc: RuleDoc {
        explanation: "Reports a guide title that follows none of the site's title styles. `how-to` (the default): the title starts with \"How to \". `task`: an imperative verb phrase, starting with a capitalised verb (\"Sign out of all devices\", not \"Signing out\" or \"Account settings\"). `question`: a question the reader asks, ending with \"?\" (\"How do I sign out of all devices?\"). `symptom`: the problem as the reader puts it (\"I'm not recognized on Apple TV\", \"The app does not start\"). Apart from questions, a title ends without punctuation. Consistent titles make lists and search results scannable. Configure it with `rules: {title-form: {style: task}}`, or accept several styles with `style: [how-to, question]`. The `how-to` default holds for English guides only: in a site of another language the rule checks titles only when `style` is set, for every language or for one with `languages: {fr: {style: task}}` (which also overrides the site-wide style for that language). Outside English only a title's form is checked, as the words of each style are English: a question ends with \"?\", other titles end without punctuation.",
        bad: "title: Signing out of Netflix on all devices.",
        good: "title: How to sign out of Netflix on all devices",
    },
    options: &[STYLE],
};

/// The styles, in the order the option lists them.
const STYLES: &[&str] = &["how-to", "task", "question", "symptom"];

const STYLE: OptionSpec = OptionSpec {
    name: "style",
    kind: OptionKind::Choices {
        choices: STYLES,
        default: 1,
    },
    doc: "The title styles the site accepts, one or several: `how-to` (titles start with \"How to \"), `task` (an imperative verb phrase: \"Sign out of all devices\"), `question` (\"How do I sign out?\"), `symptom` (\"I'm not recognized on Apple TV\").",
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for TitleForm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        for rg in &site.guides {
            let lang = guide_language(rg);
            let cfg = cfg.in_language(lang);
            // "How to" is English: in other languages only a style the site sets applies.
            if !cfg.sets(&STYLE) && !is_english(lang) {
                continue;
            }
            let styles = cfg.choices(&STYLE);
            let t = &rg.guide.title;
            let found = if is_english(lang) {
                problem(t.value.trim(), &styles)
            } else {
                form_problem(t.value.trim(), &styles)
            };
            if let Some((what, help)) = found {
                out.push(Diagnostic::new(CODE, t.span, format!("the title {what}")).help(help));
            }
        }
    }
}

/// [`problem`] for a title in a language other than English, whose words the style lists
/// do not know: only the form counts (a question ends with "?", other titles end without
/// punctuation).
fn form_problem(title: &str, styles: &[&str]) -> Option<(String, String)> {
    let question = title.ends_with('?');
    if question && styles.contains(&"question") {
        return None;
    }
    let statement = styles.iter().any(|s| *s != "question");
    if statement && !ends_with_punctuation(title) {
        return None;
    }
    Some(if statement && !question {
        (
            "ends with punctuation".into(),
            "remove the final punctuation mark".into(),
        )
    } else if statement {
        (
            "is a question, but this site does not title guides as questions".into(),
            "write the task itself, without a question mark".into(),
        )
    } else {
        (
            "is not a question ending with \"?\"".into(),
            "write the title as the question the reader asks".into(),
        )
    })
}

/// What is wrong with `title` under the accepted `styles`, with the fix; `None` if it
/// follows one of them.
fn problem(title: &str, styles: &[&str]) -> Option<(String, String)> {
    let fits = |style: &str| match style {
        "how-to" => title.starts_with("How to ") && !ends_with_punctuation(title),
        "task" => is_task(title) && !ends_with_punctuation(title),
        "question" => is_question(title),
        "symptom" => is_symptom(title) && !ends_with_punctuation(title),
        _ => false,
    };
    if styles.iter().any(|s| fits(s)) {
        return None;
    }
    let only = |s: &str| styles == [s];
    let how_to = title.to_lowercase().starts_with("how to");
    Some(if title.ends_with('?') && !styles.contains(&"question") {
        (
            "is a question, but this site does not title guides as questions".into(),
            example(styles),
        )
    } else if ends_with_punctuation(title) && !title.ends_with('?') {
        (
            "ends with punctuation".into(),
            "remove the final punctuation mark".into(),
        )
    } else if only("task") && how_to {
        (
            "starts with \"How to\", but this site titles guides as tasks".into(),
            "write the task itself, e.g. \"Sign out of all devices\"".into(),
        )
    } else if only("task") && !title.chars().next().is_some_and(char::is_uppercase) {
        (
            "does not start with a capitalised verb".into(),
            "start with the task's verb, e.g. \"Sign out of all devices\"".into(),
        )
    } else if only("task") {
        (
            format!(
                "does not start with an imperative verb (\"{}\")",
                first_word(title)
            ),
            "start with what the reader does, e.g. \"Sign out of all devices\"".into(),
        )
    } else if only("how-to") {
        (
            "does not start with \"How to \"".into(),
            "write it as \"How to <do the task>\"".into(),
        )
    } else if only("question") {
        (
            "is not a question ending with \"?\"".into(),
            example(styles),
        )
    } else if only("symptom") {
        (
            "does not describe a problem the reader has".into(),
            example(styles),
        )
    } else {
        (
            format!(
                "follows none of this site's title styles ({})",
                styles.join(", ")
            ),
            example(styles),
        )
    })
}

/// A help line with one example per accepted style.
fn example(styles: &[&str]) -> String {
    let examples: Vec<&str> = styles
        .iter()
        .map(|s| match *s {
            "how-to" => "\"How to sign out of all devices\"",
            "task" => "\"Sign out of all devices\"",
            "question" => "\"How do I sign out of all devices?\"",
            _ => "\"I can't sign out of my TV\"",
        })
        .collect();
    format!("write it like {}", examples.join(" or "))
}

fn ends_with_punctuation(title: &str) -> bool {
    title.ends_with(['.', '!', '?', ':', ';', ','])
}

fn first_word(title: &str) -> &str {
    title.split_whitespace().next().unwrap_or("")
}

/// An imperative verb phrase: a capitalised verb first (`Sign out`, `Change`), not
/// "How to", not a gerund (`Signing out`) or a noun phrase (`Account settings`).
pub(crate) fn is_task(title: &str) -> bool {
    let word = first_word(title);
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let word = word.trim_end_matches([',', ':']).to_lowercase();
    VERBS.binary_search(&word.as_str()).is_ok()
}

/// A question the reader asks: a question word first and a question mark last.
pub(crate) fn is_question(title: &str) -> bool {
    const STARTS: &[&str] = &[
        "how", "what", "why", "where", "when", "which", "who", "can", "could", "do", "does", "is",
        "are", "should", "will", "may", "am",
    ];
    let word = first_word(title).to_lowercase();
    title.ends_with('?')
        && STARTS.contains(&word.as_str())
        && !title.to_lowercase().starts_with("how to ")
}

/// The problem as the reader puts it: in the first person ("I'm not recognized", "My
/// code does not arrive") or a statement of something failing ("The app does not start").
pub(crate) fn is_symptom(title: &str) -> bool {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect();
    let first_person = matches!(
        words.first().copied(),
        Some("i" | "i'm" | "i’m" | "i've" | "i’ve" | "my" | "we" | "we're" | "our")
    );
    let failing = words.iter().any(|w| {
        matches!(
            *w,
            "not"
                | "no"
                | "never"
                | "cannot"
                | "missing"
                | "error"
                | "fails"
                | "failed"
                | "stuck"
                | "wrong"
                | "unable"
                | "broken"
        ) || w.ends_with("n't")
            || w.ends_with("n’t")
    });
    (first_person || failing) && !is_task(title) && !lower.starts_with("how to")
}

/// Verbs that start task titles in help centers, sorted (binary search).
const VERBS: &[&str] = &[
    "access",
    "activate",
    "add",
    "adjust",
    "allow",
    "apply",
    "approve",
    "archive",
    "assign",
    "attach",
    "authorize",
    "back",
    "block",
    "book",
    "browse",
    "buy",
    "cancel",
    "change",
    "check",
    "choose",
    "claim",
    "clear",
    "close",
    "complete",
    "configure",
    "confirm",
    "connect",
    "contact",
    "control",
    "convert",
    "copy",
    "create",
    "customize",
    "deactivate",
    "delete",
    "deregister",
    "disable",
    "disconnect",
    "dismiss",
    "display",
    "download",
    "drag",
    "duplicate",
    "edit",
    "eject",
    "email",
    "enable",
    "end",
    "enroll",
    "enter",
    "erase",
    "exit",
    "export",
    "extend",
    "find",
    "finish",
    "fix",
    "follow",
    "forget",
    "format",
    "forward",
    "get",
    "give",
    "go",
    "grant",
    "hide",
    "import",
    "increase",
    "install",
    "invite",
    "join",
    "keep",
    "launch",
    "leave",
    "limit",
    "link",
    "list",
    "load",
    "lock",
    "log",
    "make",
    "manage",
    "mark",
    "merge",
    "migrate",
    "move",
    "mute",
    "name",
    "open",
    "order",
    "organize",
    "pair",
    "pause",
    "pay",
    "pin",
    "play",
    "post",
    "prevent",
    "print",
    "protect",
    "publish",
    "purchase",
    "reactivate",
    "read",
    "receive",
    "record",
    "recover",
    "redeem",
    "refresh",
    "register",
    "reinstall",
    "reject",
    "remove",
    "rename",
    "renew",
    "reorder",
    "repair",
    "replace",
    "reply",
    "report",
    "request",
    "reschedule",
    "resend",
    "reset",
    "resize",
    "restart",
    "restore",
    "restrict",
    "resume",
    "retrieve",
    "return",
    "review",
    "revoke",
    "rotate",
    "run",
    "save",
    "scan",
    "schedule",
    "search",
    "see",
    "select",
    "send",
    "set",
    "share",
    "show",
    "shut",
    "sign",
    "skip",
    "sort",
    "split",
    "start",
    "stop",
    "stream",
    "submit",
    "subscribe",
    "switch",
    "sync",
    "take",
    "test",
    "track",
    "transfer",
    "translate",
    "troubleshoot",
    "turn",
    "unblock",
    "uninstall",
    "unlink",
    "unlock",
    "unmute",
    "unpair",
    "unsubscribe",
    "update",
    "upgrade",
    "upload",
    "use",
    "verify",
    "view",
    "watch",
    "wipe",
    "withdraw",
    "write",
];

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::{PRODUCT, findings};

    fn guide(title: &str) -> String {
        format!("title: \"{title}\"\nsummary: X.\nsteps:\n  web:\n    - open: settings\n")
    }

    fn count(site: Option<&str>, title: &str) -> usize {
        let g = guide(title);
        let mut files = vec![("demo/product.yaml", PRODUCT), ("demo/g.yaml", g.as_str())];
        if let Some(s) = site {
            files.push(("site.yaml", s));
        }
        findings(super::CODE, &files).len()
    }

    #[test]
    fn how_to_is_the_default_for_english_sites_only() {
        assert_eq!(count(None, "Sign out"), 1);
        assert_eq!(count(Some("language: en-GB\n"), "Sign out"), 1);
        // French: no "How to" demand, any title form.
        let fr = "language: fr\n";
        assert_eq!(count(Some(fr), "Se déconnecter de Netflix"), 0);
        assert_eq!(count(Some(fr), "Comment se déconnecter ?"), 0);
    }

    #[test]
    fn a_language_may_have_its_own_style() {
        let site = "language: fr-CA\nrules:\n  title-form:\n    style: how-to\n    languages:\n      fr: {style: question}\n";
        assert_eq!(count(Some(site), "Comment se déconnecter?"), 0);
        assert_eq!(count(Some(site), "How to sign out"), 1);
        // A style set for all languages applies to French too.
        let site = "language: fr\nrules:\n  title-form: {style: question}\n";
        assert_eq!(count(Some(site), "Se déconnecter"), 1);
        // An English site keeps its style when only French has one.
        let site = "rules:\n  title-form:\n    languages: {fr: {style: task}}\n";
        assert_eq!(count(Some(site), "How to sign out"), 0);
        assert_eq!(count(Some(site), "Sign out"), 1);
    }

    #[test]
    fn a_language_option_is_validated_like_the_others() {
        let site = "rules:\n  title-form:\n    languages: {fr: {styel: task}}\n";
        let g = guide("How to x");
        let files = [
            ("site.yaml", site),
            ("demo/product.yaml", PRODUCT),
            ("demo/g.yaml", g.as_str()),
        ];
        let unknown: Vec<String> = findings(crate::diag::Code::UnknownField, &files)
            .into_iter()
            .map(|d| d.message)
            .collect();
        assert_eq!(unknown, ["rule `title-form` has no option `styel`"]);
    }

    #[test]
    fn the_verb_list_is_sorted_and_lower_case() {
        assert!(super::VERBS.windows(2).all(|w| w[0] < w[1]));
        assert!(
            super::VERBS
                .iter()
                .all(|v| v.chars().all(|c| c.is_ascii_lowercase()))
        );
    }

    #[test]
    fn a_task_starts_with_an_imperative_verb() {
        for t in [
            "Sign out of all devices",
            "Change your password",
            "Turn on two-step verification",
            "Remove a device",
            "Set up a TV",
        ] {
            assert!(super::is_task(t), "{t}");
        }
        for t in [
            "Signing out of all devices",
            "Account settings",
            "Password changes",
            "sign out",
            "How to sign out",
            "Devices you can remove",
        ] {
            assert!(!super::is_task(t), "{t}");
        }
    }

    #[test]
    fn questions_and_symptoms_are_recognised() {
        assert!(super::is_question("How do I sign out of all devices?"));
        assert!(super::is_question("Why can't I see my downloads?"));
        assert!(!super::is_question("How do I sign out"));
        assert!(!super::is_question("Sign out?"));
        assert!(super::is_symptom("I'm not recognized on Apple TV"));
        assert!(super::is_symptom("My verification code does not arrive"));
        assert!(super::is_symptom("The app won't start"));
        assert!(!super::is_symptom("Sign out of all devices"));
        assert!(!super::is_symptom("Account settings"));
    }

    #[test]
    fn how_to_style() {
        for (title, bad) in [
            ("How to sign out", false),
            ("Signing out", true),
            ("How to sign out.", true),
            ("How do I sign out?", true),
        ] {
            assert_eq!(count(None, title), usize::from(bad), "{title}");
        }
    }

    #[test]
    fn task_style() {
        let site = "rules:\n  title-form: {style: task}\n";
        for (title, bad) in [
            ("Sign out of all devices", false),
            ("How to sign out", true),
            ("sign out", true),
            ("Signing out", true),
            ("Account settings", true),
        ] {
            assert_eq!(count(Some(site), title), usize::from(bad), "{title}");
        }
    }

    #[test]
    fn several_styles() {
        let site = "rules:\n  title-form:\n    style: [how-to, question, symptom]\n";
        for (title, bad) in [
            ("How to sign out", false),
            ("How do I sign out of all devices?", false),
            ("I'm not recognized on Apple TV", false),
            ("Sign out of all devices", true),
            ("How to sign out?", true),
            ("I'm not recognized on Apple TV.", true),
        ] {
            assert_eq!(count(Some(site), title), usize::from(bad), "{title}");
        }
        let commas = "rules:\n  title-form: {style: \"task, question\"}\n";
        assert_eq!(count(Some(commas), "Sign out of all devices"), 0);
        assert_eq!(count(Some(commas), "How do I sign out?"), 0);
        assert_eq!(count(Some(commas), "How to sign out"), 1);
    }

    #[test]
    fn an_unknown_style_is_reported() {
        let site = "rules:\n  title-form: {style: [how-to, questions]}\n";
        let g = guide("How to sign out");
        let bytes: Vec<(&str, &[u8])> = vec![
            ("site.yaml", site.as_bytes()),
            (
                "demo/product.yaml",
                crate::check::rules::testing::PRODUCT.as_bytes(),
            ),
            ("demo/g.yaml", g.as_bytes()),
        ];
        let (project, diags) = crate::load::load_in_memory(&bytes).expect("load");
        let report = crate::check::check_project(project, diags);
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.message.contains("`questions` is not a valid `style`"))
            .expect("reported");
        assert!(
            d.help.as_deref().unwrap_or("").contains("question"),
            "{d:?}"
        );
    }
}
