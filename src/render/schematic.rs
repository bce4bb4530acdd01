//! Schematic illustrations drawn from what the guide already knows: the platform's device
//! frame and where the glossary says the step's control sits, with the control highlighted
//! and labelled. Small inline SVG: no file per illustration, colours from the stylesheet
//! (classes, so light and dark schemes both work), no scripts or style attributes.

use std::fmt::Write;

use crate::model::{CalloutShape, Image, Location, PlatformKind};

use super::escape::html as escape;

/// What to draw.
#[derive(Debug, Clone)]
pub struct Schematic<'a> {
    /// Device frame.
    pub kind: PlatformKind,
    /// Where the control sits (`None`: no control, a caption in the middle).
    pub at: Option<Location>,
    /// The control's label, or the instruction for steps without a control.
    pub label: &'a str,
    /// Text in the address bar of browser frames (the product's host).
    pub address: &'a str,
    /// The app's name, shown in its top bar.
    pub app: &'a str,
    /// Accessible name (alt text).
    pub alt: &'a str,
    /// Unique id prefix within the page.
    pub id: &'a str,
}

/// A rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Rect {
    x: f32,
    y: f32,
    w: f32,
    h: f32,
}

impl Rect {
    fn new(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect { x, y, w, h }
    }
}

/// The screen area and the size of the whole drawing for a device.
fn frame(kind: PlatformKind) -> (f32, f32, Rect) {
    match kind {
        PlatformKind::Phone => (180.0, 320.0, Rect::new(10.0, 14.0, 160.0, 292.0)),
        PlatformKind::Tablet => (300.0, 220.0, Rect::new(12.0, 12.0, 276.0, 196.0)),
        PlatformKind::Desktop => (320.0, 200.0, Rect::new(1.0, 44.0, 318.0, 155.0)),
        PlatformKind::Tv => (320.0, 200.0, Rect::new(8.0, 8.0, 304.0, 170.0)),
    }
}

/// Where a control at `at` is drawn inside `screen`, wide enough for a label of
/// `label_chars` characters where the screen allows.
fn target_rect(at: Location, s: Rect, touch: bool, label_chars: usize) -> Rect {
    let bar = if touch { 30.0 } else { 24.0 };
    let w = (label_chars as f32 * 6.4 + 14.0).clamp(s.w * 0.34, s.w - 12.0);
    let h = bar - 8.0;
    let right = s.x + s.w - w - 6.0;
    let middle = s.x + (s.w - w) / 2.0;
    let bottom = s.y + s.h - h - 6.0;
    let centre_y = s.y + (s.h - h) / 2.0;
    match at {
        Location::TopLeft => Rect::new(s.x + 6.0, s.y + 4.0, w, h),
        Location::Top | Location::TopBar => Rect::new(middle, s.y + 4.0, w, h),
        Location::TopRight => Rect::new(right, s.y + 4.0, w, h),
        Location::Left => Rect::new(s.x + 6.0, centre_y, w, h),
        Location::Centre => Rect::new(middle, centre_y, w, h),
        Location::Right => Rect::new(right, centre_y, w, h),
        Location::BottomLeft => Rect::new(s.x + 6.0, bottom, w, h),
        Location::Bottom | Location::BottomTabBar => Rect::new(middle, bottom, w, h),
        Location::BottomRight => Rect::new(right, bottom, w, h),
        Location::SideMenu => Rect::new(s.x + 8.0, s.y + bar + 40.0, s.w * 0.6, h),
        Location::Dialog => Rect::new(s.x + s.w * 0.5, s.y + s.h * 0.5 + 8.0, s.w * 0.3, h),
        Location::ListRow(n) => {
            let row = 22.0;
            let y = (s.y + bar + 10.0 + f32::from(n.saturating_sub(1)) * (row + 6.0))
                .min(s.y + s.h - row - bar);
            Rect::new(s.x + 8.0, y, s.w - 16.0, row)
        }
    }
}

fn rect(out: &mut String, class: &str, r: Rect, radius: f32) {
    let _ = write!(
        out,
        r#"<rect class="{class}" x="{:.0}" y="{:.0}" width="{:.0}" height="{:.0}" rx="{radius:.0}"/>"#,
        r.x, r.y, r.w, r.h
    );
}

/// Shortens a label to fit `width` pixels of 11 px text (about 6 px a character).
fn fit(label: &str, width: f32) -> String {
    let max = ((width / 6.2) as usize).max(4);
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let mut s: String = label.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

/// The SVG of a schematic illustration.
pub fn draw(s: &Schematic<'_>) -> String {
    let (w, h, screen) = frame(s.kind);
    let touch = matches!(s.kind, PlatformKind::Phone | PlatformKind::Tablet);
    let mut out = String::with_capacity(1600);
    let _ = write!(
        out,
        r#"<svg class="schematic" viewBox="0 0 {w:.0} {h:.0}" role="img" aria-labelledby="{id}-t" xmlns="http://www.w3.org/2000/svg"><title id="{id}-t">{alt}</title>"#,
        id = s.id,
        alt = escape(s.alt)
    );
    device(&mut out, s, w, h, screen);
    app(&mut out, s.app, screen, touch);
    match s.at {
        Some(Location::SideMenu) => {
            rect(&mut out, "sw-shade", screen, 0.0);
            rect(
                &mut out,
                "sw-panel",
                Rect::new(screen.x, screen.y, screen.w * 0.72, screen.h),
                0.0,
            );
        }
        Some(Location::Dialog) => {
            rect(&mut out, "sw-shade", screen, 0.0);
            rect(
                &mut out,
                "sw-panel",
                Rect::new(
                    screen.x + screen.w * 0.1,
                    screen.y + screen.h * 0.32,
                    screen.w * 0.8,
                    screen.h * 0.36,
                ),
                8.0,
            );
        }
        _ => {}
    }
    match s.at {
        Some(at) => control(&mut out, s.label, at, screen, touch),
        None => caption(&mut out, s.label, screen),
    }
    out.push_str("</svg>");
    out
}

/// The device around the screen: a browser window, a TV on its stand, a phone or tablet.
fn device(out: &mut String, s: &Schematic<'_>, w: f32, h: f32, screen: Rect) {
    match s.kind {
        PlatformKind::Desktop => {
            rect(out, "sw-frame", Rect::new(0.5, 0.5, w - 1.0, h - 1.0), 6.0);
            for (i, x) in [12.0f32, 24.0, 36.0].iter().enumerate() {
                let _ = write!(
                    out,
                    r#"<circle class="sw-dot sw-dot{i}" cx="{x:.0}" cy="12" r="4"/>"#
                );
            }
            rect(
                out,
                "sw-address",
                Rect::new(50.0, 24.0, w - 64.0, 14.0),
                7.0,
            );
            let _ = write!(
                out,
                r#"<text class="sw-url" x="58" y="34">{}</text>"#,
                escape(&fit(s.address, w - 80.0))
            );
            rect(out, "sw-screen", screen, 0.0);
        }
        PlatformKind::Tv => {
            rect(out, "sw-frame", Rect::new(0.5, 0.5, w - 1.0, 186.0), 6.0);
            rect(
                out,
                "sw-frame",
                Rect::new(w / 2.0 - 40.0, 188.0, 80.0, 8.0),
                3.0,
            );
            rect(out, "sw-screen", screen, 2.0);
        }
        PlatformKind::Phone | PlatformKind::Tablet => {
            rect(out, "sw-frame", Rect::new(0.5, 0.5, w - 1.0, h - 1.0), 22.0);
            rect(out, "sw-screen", screen, 12.0);
            if s.kind == PlatformKind::Phone {
                rect(
                    out,
                    "sw-frame",
                    Rect::new(w / 2.0 - 22.0, 4.0, 44.0, 6.0),
                    3.0,
                );
            }
        }
    }
}

/// The app's structure: a top bar with its name, a few rows, a tab bar on touch screens.
fn app(out: &mut String, name: &str, screen: Rect, touch: bool) {
    let bar = if touch { 30.0 } else { 24.0 };
    rect(
        out,
        "sw-bar",
        Rect::new(screen.x, screen.y, screen.w, bar),
        0.0,
    );
    if !name.is_empty() {
        let _ = write!(
            out,
            r#"<text class="sw-app" x="{:.0}" y="{:.0}">{}</text>"#,
            screen.x + 10.0,
            screen.y + bar / 2.0 + 4.0,
            escape(&fit(name, screen.w * 0.4))
        );
    }
    for i in 0..4 {
        let y = screen.y + bar + 10.0 + i as f32 * 28.0;
        if y + 22.0 < screen.y + screen.h - bar - 4.0 {
            rect(
                out,
                "sw-row",
                Rect::new(screen.x + 8.0, y, screen.w - 16.0, 22.0),
                4.0,
            );
        }
    }
    if touch {
        rect(
            out,
            "sw-bar",
            Rect::new(screen.x, screen.y + screen.h - bar, screen.w, bar),
            0.0,
        );
    }
}

/// The control at `at`, highlighted and labelled, with a pointer on it.
fn control(out: &mut String, label: &str, at: Location, screen: Rect, touch: bool) {
    let t = target_rect(at, screen, touch, label.chars().count());
    let halo = Rect::new(t.x - 3.0, t.y - 3.0, t.w + 6.0, t.h + 6.0);
    rect(out, "sw-target", halo, 6.0);
    let label = fit(label, t.w.max(90.0) - 10.0);
    // The label goes inside a wide target, otherwise below or above it.
    let (lx, ly, anchor) = if t.w >= 90.0 {
        (t.x + t.w / 2.0, t.y + t.h / 2.0 + 4.0, "middle")
    } else if t.y + t.h + 20.0 < screen.y + screen.h {
        (
            (t.x + t.w / 2.0).clamp(screen.x + 40.0, screen.x + screen.w - 40.0),
            t.y + t.h + 16.0,
            "middle",
        )
    } else {
        (
            (t.x + t.w / 2.0).clamp(screen.x + 40.0, screen.x + screen.w - 40.0),
            t.y - 8.0,
            "middle",
        )
    };
    let _ = write!(
        out,
        r#"<text class="sw-label" x="{lx:.0}" y="{ly:.0}" text-anchor="{anchor}">{}</text>"#,
        escape(&label)
    );
    // A pointer: a fingertip on touch screens, an arrow cursor elsewhere.
    let (px, py) = (t.x + t.w - 4.0, t.y + t.h * 0.75);
    if touch {
        let _ = write!(
            out,
            r#"<circle class="sw-touch" cx="{px:.0}" cy="{py:.0}" r="7"/>"#
        );
    } else {
        let _ = write!(
            out,
            r#"<path class="sw-cursor" d="M{px:.0} {py:.0} l0 14 l4 -4 l4 7 l3 -1.5 l-4 -7 l6 0 z"/>"#
        );
    }
}

/// A caption in the middle of the screen, for steps without a control.
fn caption(out: &mut String, label: &str, screen: Rect) {
    let c = Rect::new(
        screen.x + 10.0,
        screen.y + screen.h / 2.0 - 16.0,
        screen.w - 20.0,
        32.0,
    );
    rect(out, "sw-caption", c, 6.0);
    let _ = write!(
        out,
        r#"<text class="sw-label" x="{:.0}" y="{:.0}" text-anchor="middle">{}</text>"#,
        c.x + c.w / 2.0,
        c.y + 20.0,
        escape(&fit(label, c.w - 10.0))
    );
}

/// The overlay of a screenshot's callouts, in the image's own pixel coordinates, so that it
/// scales with the image. Decorative: the callouts' labels are also listed as text.
pub fn callouts(img: &Image, width: u32, height: u32) -> Option<String> {
    if img.callouts.is_empty() {
        return None;
    }
    let mut out = format!(
        r#"<svg class="callouts" viewBox="0 0 {width} {height}" preserveAspectRatio="none" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">"#
    );
    let mut markers = 0;
    for c in &img.callouts {
        match c.shape {
            CalloutShape::Box(x, y, w, h) => {
                // A light halo under the mark keeps it visible on any background.
                let _ = write!(
                    out,
                    r#"<rect class="co-halo" x="{x}" y="{y}" width="{w}" height="{h}" rx="4"/><rect class="co-box" x="{x}" y="{y}" width="{w}" height="{h}" rx="4"/>"#
                );
            }
            CalloutShape::Arrow(x1, y1, x2, y2) => {
                let (dx, dy) = (x2 as f32 - x1 as f32, y2 as f32 - y1 as f32);
                let len = (dx * dx + dy * dy).sqrt().max(1.0);
                let (ux, uy) = (dx / len, dy / len);
                let head = 10.0f32.min(len / 2.0);
                let (bx, by) = (x2 as f32 - ux * head, y2 as f32 - uy * head);
                let (nx, ny) = (-uy * head * 0.6, ux * head * 0.6);
                let _ = write!(
                    out,
                    r#"<line class="co-line" x1="{x1}" y1="{y1}" x2="{bx:.1}" y2="{by:.1}"/><path class="co-head" d="M{x2} {y2} L{:.1} {:.1} L{:.1} {:.1} z"/>"#,
                    bx + nx,
                    by + ny,
                    bx - nx,
                    by - ny
                );
            }
            CalloutShape::Marker(x, y) => {
                markers += 1;
                let i = markers - 1;
                let _ = write!(
                    out,
                    r#"<circle class="co-marker" cx="{x}" cy="{y}" r="11"/><text class="co-number" x="{x}" y="{}" text-anchor="middle">{}</text>"#,
                    y + 4,
                    i + 1
                );
            }
        }
    }
    out.push_str("</svg>");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(kind: PlatformKind, at: Option<Location>) -> String {
        draw(&Schematic {
            kind,
            at,
            label: "My Netflix",
            address: "www.netflix.com",
            app: "Netflix",
            alt: "My Netflix tab, bottom right of the Netflix app on Android",
            id: "android-3",
        })
    }

    #[test]
    fn phone_bottom_right_tab() {
        insta::assert_snapshot!(sample(PlatformKind::Phone, Some(Location::BottomRight)));
    }

    #[test]
    fn browser_top_right_icon() {
        insta::assert_snapshot!(sample(PlatformKind::Desktop, Some(Location::TopRight)));
    }

    #[test]
    fn every_frame_and_location_is_well_formed_xml() {
        let mut locations: Vec<Option<Location>> = crate::model::LOCATION_NAMES
            .iter()
            .map(|(_, l)| Some(*l))
            .collect();
        locations.extend([
            Some(Location::ListRow(1)),
            Some(Location::ListRow(12)),
            None,
        ]);
        for kind in [
            PlatformKind::Phone,
            PlatformKind::Tablet,
            PlatformKind::Desktop,
            PlatformKind::Tv,
        ] {
            for at in &locations {
                let svg = draw(&Schematic {
                    kind,
                    at: *at,
                    label: "Privacy & <Security> \"settings\" with a long label",
                    address: "example.com/?a=1&b=2",
                    app: "A & B",
                    alt: "A <b> & \"c\"",
                    id: "x",
                });
                roxmltree::Document::parse(&svg)
                    .unwrap_or_else(|e| panic!("{kind:?} {at:?}: {e}\n{svg}"));
                assert!(!svg.contains("style="));
            }
        }
    }

    #[test]
    fn callout_overlay_scales_with_the_image() {
        use crate::model::{Callout, Image};
        use crate::source::{FileId, Span};
        let span = Span::file_start(FileId(0));
        let img = Image {
            src: None,
            alt: None,
            callouts: vec![
                Callout {
                    shape: CalloutShape::Box(10, 10, 40, 20),
                    label: None,
                    span,
                },
                Callout {
                    shape: CalloutShape::Arrow(0, 0, 30, 30),
                    label: None,
                    span,
                },
                Callout {
                    shape: CalloutShape::Marker(50, 30),
                    label: None,
                    span,
                },
            ],
            span,
        };
        let svg = callouts(&img, 64, 40).unwrap();
        assert!(svg.contains(r#"viewBox="0 0 64 40""#));
        roxmltree::Document::parse(&svg).unwrap();
    }
}
