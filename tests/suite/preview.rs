//! `stepwise preview`: the seed guide in the terminal at two widths, with and without
//! colour, and its errors.

use crate::support::run as stepwise;

#[test]
fn seed_guide_at_two_widths_with_and_without_colour() {
    for width in ["60", "100"] {
        for color in ["never", "always"] {
            let (code, out, err) = stepwise(
                &[
                    "preview",
                    "sign-out-all-devices",
                    "--width",
                    width,
                    "--color",
                    color,
                ],
                &[],
            );
            assert_eq!(code, 0, "{err}");
            let longest = out
                .lines()
                .map(|l| strip_ansi(l).chars().count())
                .max()
                .unwrap();
            assert!(
                longest <= width.parse().unwrap(),
                "{width}: a line is {longest} wide"
            );
            assert_eq!(color == "always", out.contains('\u{1b}'));
            insta::assert_snapshot!(format!("seed-{width}-{color}"), out);
        }
    }
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut esc = false;
    for c in s.chars() {
        match (esc, c) {
            (false, '\u{1b}') => esc = true,
            (true, 'm') => esc = false,
            (true, _) => {}
            (false, c) => out.push(c),
        }
    }
    out
}

#[test]
fn colour_is_off_in_pipes_and_with_no_color() {
    let (_, out, _) = stepwise(&["preview", "sign-out-all-devices"], &[]);
    assert!(!out.contains('\u{1b}'));
    let (_, out, _) = stepwise(&["preview", "sign-out-all-devices"], &[("NO_COLOR", "1")]);
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn one_platform_by_path() {
    let (code, out, err) = stepwise(
        &[
            "preview",
            "guides/netflix/sign-out-all-devices.yaml",
            "--platform",
            "ios",
            "--width",
            "80",
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("── iOS"));
    assert!(!out.contains("── Web"));
    assert!(out.contains("The steps are the same as on Android."));
}

#[test]
fn unknown_ids_and_broken_guides() {
    let (code, _, err) = stepwise(&["preview", "sign-out-all-device"], &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("did you mean \"sign-out-all-devices\"?"),
        "{err}"
    );
    let (code, out, _) = stepwise(
        &[
            "preview",
            "platform",
            "--dir",
            "tests/fixtures/check/unknown-platform/guides",
        ],
        &[],
    );
    assert_eq!(code, 1);
    assert!(out.contains("error[unknown-platform]"), "{out}");
}

#[test]
fn what_the_reader_needs_comes_before_the_steps() {
    let (code, out, err) = stepwise(
        &[
            "preview",
            "sign-out-everywhere",
            "--dir",
            "tests/fixtures/build/full/guides",
            "--width",
            "80",
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "Before you start\n  You need: a web browser and your account email.\n  • Your Acme password.\n"
        ),
        "{out}"
    );
}

#[test]
fn links_into_the_site_show_the_path_they_lead_to() {
    let (code, out, err) = stepwise(
        &[
            "preview",
            "sign-out",
            "--dir",
            "tests/fixtures/build/links/guides",
            "--width",
            "200",
            "--color",
            "never",
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    for shown in [
        "Sign in again (guides/sign-in.html#android)",
        "step 2 of signing in (guides/sign-in.html#web-2)",
        "every TV guide (tags/tv.html)",
        "remote's manual (downloads/remote.txt)",
    ] {
        assert!(out.contains(shown), "{shown} in\n{out}");
    }
    assert!(!out.contains("guide:"), "{out}");
}

#[test]
fn a_french_site_previews_and_lists_its_checklist_in_french() {
    let guide = "tests/fixtures/build/i18n-fr/guides/netflix/se-deconnecter-partout.yaml";
    let (code, out, err) = stepwise(
        &[
            "preview",
            guide,
            "--platform",
            "android",
            "--color",
            "never",
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Durée\u{202f}: 2 min · Plateformes\u{202f}: Web, Android, iOS"),
        "{out}"
    );
    assert!(
        out.contains(" 3. Appuyez sur Mon Netflix (en bas à droite)."),
        "{out}"
    );
    assert!(out.contains("\nAstuces\n"), "{out}");
    let (code, out, err) = stepwise(
        &[
            "checklist",
            "se-deconnecter-partout",
            "--dir",
            "tests/fixtures/build/i18n-fr/guides",
            "--platform",
            "web",
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("- [ ] Ouvrez netflix.com."), "{out}");
}
