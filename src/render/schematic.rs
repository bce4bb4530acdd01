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
    /// How the control is drawn: a button, an icon, an item of its menu.
    pub shape: Shape,
    /// The button of the confirmation dialog the step opens, drawn with the dialog.
    pub confirm: Option<&'a str>,
    /// For a menu item: the icon its menu opens from, and where it sits.
    pub menu_from: Option<(Location, Glyph)>,
    /// Text in the address bar of browser frames (the product's host).
    pub address: &'a str,
    /// The app's name, shown in its top bar.
    pub app: &'a str,
    /// Accessible name (alt text).
    pub alt: &'a str,
    /// Unique id prefix within the page.
    pub id: &'a str,
}

/// How a control is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A labelled control (button, tab, link, row).
    Control,
    /// An icon without text; the label is written beside it.
    Icon(Glyph),
    /// An item of a menu, drawn in its open menu (`n`: its row, 1-based).
    MenuItem(u8),
}

/// What an icon looks like, from its description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glyph {
    /// Three horizontal lines.
    Lines,
    /// A person or profile picture.
    Person,
    /// Three dots.
    Dots,
    /// A gear.
    Gear,
    /// A magnifying glass.
    Search,
    /// Anything else: a plain round button.
    Plain,
}

impl Glyph {
    /// The glyph a description such as `three horizontal lines` or `your profile picture`
    /// names.
    pub fn from_description(d: &str) -> Glyph {
        let d = d.to_lowercase();
        let has = |w: &[&str]| w.iter().any(|w| d.contains(w));
        if has(&["line", "hamburger", "bars"]) {
            Glyph::Lines
        } else if has(&["dot", "ellipsis", "kebab"]) {
            Glyph::Dots
        } else if has(&["profile", "avatar", "person", "picture", "face", "account"]) {
            Glyph::Person
        } else if has(&["gear", "cog", "wheel"]) {
            Glyph::Gear
        } else if has(&["magnif", "search", "lens"]) {
            Glyph::Search
        } else {
            Glyph::Plain
        }
    }
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

/// Where a control of `w` by `h` pixels at `at` is drawn inside `screen`.
fn target_rect(at: Location, s: Rect, touch: bool, w: f32, h: f32) -> Rect {
    let bar = if touch { 30.0 } else { 24.0 };
    let right = s.x + s.w - w - 6.0;
    let middle = s.x + (s.w - w) / 2.0;
    let bottom = s.y + s.h - h - 6.0;
    let centre_y = s.y + (s.h - h) / 2.0;
    let top = s.y + ((bar - h) / 2.0).max(3.0);
    let bottom_bar = if touch {
        s.y + s.h - bar + ((bar - h) / 2.0).max(1.0)
    } else {
        bottom
    };
    match at {
        Location::TopLeft => Rect::new(s.x + 6.0, top, w, h),
        Location::Top | Location::TopBar => Rect::new(middle, top, w, h),
        Location::TopRight => Rect::new(right, top, w, h),
        Location::Left => Rect::new(s.x + 6.0, centre_y, w, h),
        Location::Centre => Rect::new(middle, centre_y, w, h),
        Location::Right => Rect::new(right, centre_y, w, h),
        Location::BottomLeft => Rect::new(s.x + 6.0, bottom_bar, w, h),
        Location::Bottom | Location::BottomTabBar => Rect::new(middle, bottom_bar, w, h),
        Location::BottomRight => Rect::new(right, bottom_bar, w, h),
        Location::SideMenu => Rect::new(s.x + 8.0, s.y + bar + 40.0, w.min(s.w - 16.0), h),
        Location::Dialog => Rect::new(middle, centre_y, w, h),
        Location::ListRow(n) => {
            let row = 28.0;
            let y = (s.y + bar + 8.0 + f32::from(n.saturating_sub(1)) * row)
                .min(s.y + s.h - h - bar - 4.0);
            Rect::new(s.x + 8.0, y, s.w - 16.0, h)
        }
    }
}

/// A coordinate as `{:.0}` writes it, without the exact decimal expansion that formatting
/// with a precision does (a light site draws thousands of schematics): the same text.
struct D0(f32);

impl std::fmt::Display for D0 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = self.0;
        if !v.is_finite() || v.abs() > 1e15 {
            return write!(f, "{v:.0}");
        }
        let r = v.round_ties_even();
        if r == 0.0 && v.is_sign_negative() {
            return f.write_str("-0");
        }
        write!(f, "{}", r as i64)
    }
}

/// A coordinate as `{:.1}` writes it (see [`D0`]): tenths, rounded half to even from the
/// value's exact double, which an `f32` times ten always is.
struct D1(f32);

impl std::fmt::Display for D1 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = self.0;
        if !v.is_finite() || v.abs() > 1e14 {
            return write!(f, "{v:.1}");
        }
        let tenths = (f64::from(v) * 10.0).round_ties_even();
        if tenths == 0.0 && v.is_sign_negative() {
            return f.write_str("-0.0");
        }
        let t = tenths as i64;
        let sign = if t < 0 { "-" } else { "" };
        let a = t.unsigned_abs();
        write!(f, "{sign}{}.{}", a / 10, a % 10)
    }
}

fn rect(out: &mut String, class: &str, r: Rect, radius: f32) {
    let _ = write!(
        out,
        r#"<rect class="{class}" x="{}" y="{}" width="{}" height="{}" rx="{radius_0}"/>"#,
        D0(r.x),
        D0(r.y),
        D0(r.w),
        D0(r.h),
        radius_0 = D0(radius)
    );
}

/// Shortens a text to fit `width` pixels of 10 px text (the address bar, the app's name:
/// never a control's label, which is wrapped instead).
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

/// Width of a character of 11 px bold label text, on average (a little over, so that a
/// label keeps some room around it).
const CHAR_W: f32 = 6.8;
/// Height of a line of label text.
const LINE_H: f32 = 13.0;

/// A label broken into lines of at most `width` pixels, and the font size that fits its
/// longest word (11 px, smaller for a long word; never cut).
fn wrap(label: &str, width: f32) -> (Vec<String>, f32) {
    let longest = label
        .split_whitespace()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0) as f32;
    let size = if longest * CHAR_W > width {
        (11.0 * width / (longest * CHAR_W)).max(6.0)
    } else {
        11.0
    };
    let max = ((width / (CHAR_W * size / 11.0)) as usize).max(1);
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    (lines, size)
}

/// Lines of label text centred on `cx`, the first line's middle at `cy` less half the
/// block, so that the block is centred on (`cx`, `cy`).
fn text_lines(out: &mut String, class: &str, lines: &[String], size: f32, cx: f32, cy: f32) {
    let lh = LINE_H * size / 11.0;
    let top = cy - lh * (lines.len() as f32 - 1.0) / 2.0 + size * 0.36;
    let sized = if (size - 11.0).abs() > f32::EPSILON {
        format!(r#" font-size="{size_1}""#, size_1 = D1(size))
    } else {
        String::new()
    };
    let _ = write!(
        out,
        r#"<text class="{class}"{sized} x="{cx_0}" y="{top_0}" text-anchor="middle">"#,
        cx_0 = D0(cx),
        top_0 = D0(top)
    );
    for (i, l) in lines.iter().enumerate() {
        if i == 0 {
            out.push_str(&escape(l));
        } else {
            let _ = write!(
                out,
                r#"<tspan x="{cx_0}" dy="{lh_0}">{}</tspan>"#,
                escape(l),
                cx_0 = D0(cx),
                lh_0 = D0(lh)
            );
        }
    }
    out.push_str("</text>");
}

/// The SVG of a schematic illustration.
pub fn draw(s: &Schematic<'_>) -> String {
    let (w, h, screen) = frame(s.kind);
    let touch = matches!(s.kind, PlatformKind::Phone | PlatformKind::Tablet);
    let mut out = String::with_capacity(2000);
    let _ = write!(
        out,
        r#"<svg class="schematic" viewBox="0 0 {w_0} {h_0}" role="img" aria-labelledby="{id}-t" xmlns="http://www.w3.org/2000/svg"><title id="{id}-t">{alt}</title>"#,
        id = s.id,
        alt = escape(s.alt),
        w_0 = D0(w),
        h_0 = D0(h)
    );
    device(&mut out, s, w, h, screen);
    app(&mut out, s.app, screen, touch);
    // A step that opens a confirmation shows the dialog: its title names the control.
    let at = if s.confirm.is_some() { None } else { s.at };
    let pointer = match (s.shape, at) {
        (Shape::MenuItem(n), at) if at != Some(Location::SideMenu) => {
            // The menu opens below the icon it belongs to, on its side of the screen.
            let side = match s.menu_from {
                Some((from, g)) => {
                    let t = target_rect(from, screen, touch, 20.0, 20.0);
                    rect(&mut out, "sw-tag", t, 10.0);
                    glyph(&mut out, g, t);
                    Some(from)
                }
                None => at,
            };
            Some(menu(&mut out, s.label, n, side, screen, touch))
        }
        (shape, Some(Location::SideMenu)) => {
            rect(&mut out, "sw-shade", screen, 0.0);
            rect(
                &mut out,
                "sw-panel",
                Rect::new(screen.x, screen.y, screen.w * 0.72, screen.h),
                0.0,
            );
            let panel = Rect::new(screen.x, screen.y, screen.w * 0.72, screen.h);
            Some(control(
                &mut out,
                s.label,
                Location::SideMenu,
                panel,
                touch,
                shape,
            ))
        }
        (_, Some(Location::Dialog)) => Some(dialog(&mut out, None, s.label, screen)),
        (shape, Some(at)) => Some(control(&mut out, s.label, at, screen, touch, shape)),
        (_, None) if s.confirm.is_some() => None,
        (_, None) => {
            caption(&mut out, s.label, screen);
            None
        }
    };
    // A confirmation opens over the screen: the dialog, with the button that confirms.
    let pointer = match s.confirm {
        Some(button) => Some(dialog(&mut out, Some(s.label), button, screen)),
        None => pointer,
    };
    if let Some(p) = pointer {
        self::pointer(&mut out, p, touch);
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
                    r#"<circle class="sw-dot sw-dot{i}" cx="{x_0}" cy="12" r="4"/>"#,
                    x_0 = D0(*x)
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
        // The name is drawn smaller rather than cut where it is long (down to 7 px).
        let room = screen.w * 0.5;
        let chars = name.chars().count() as f32;
        let size = (room / (chars * 0.62)).clamp(7.0, 10.0);
        let sized = if size < 10.0 {
            format!(r#" font-size="{size_1}""#, size_1 = D1(size))
        } else {
            String::new()
        };
        let _ = write!(
            out,
            r#"<text class="sw-app"{sized} x="{}" y="{}">{}</text>"#,
            D0(screen.x + 10.0),
            D0(screen.y + bar / 2.0 + 4.0),
            escape(&fit(name, room * 10.0 / size))
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

/// A highlight around `t`.
fn halo(out: &mut String, t: Rect, radius: f32) {
    rect(
        out,
        "sw-target",
        Rect::new(t.x - 3.0, t.y - 3.0, t.w + 6.0, t.h + 6.0),
        radius,
    );
}

/// The size of a labelled control whose label wraps within `max_w`, and the label's lines.
fn label_box(label: &str, max_w: f32, min_w: f32, min_h: f32) -> (f32, f32, Vec<String>, f32) {
    let (lines, size) = wrap(label, max_w - 12.0);
    let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f32;
    let w = (longest * CHAR_W * size / 11.0 + 14.0).clamp(min_w.min(max_w), max_w);
    let h = (lines.len() as f32 * LINE_H * size / 11.0 + 6.0).max(min_h);
    (w, h, lines, size)
}

/// The control at `at`, highlighted and labelled; returns where the pointer goes.
fn control(
    out: &mut String,
    label: &str,
    at: Location,
    screen: Rect,
    touch: bool,
    shape: Shape,
) -> (f32, f32) {
    let bar = if touch { 30.0 } else { 24.0 };
    if let Shape::Icon(glyph) = shape {
        let size = 20.0;
        let t = target_rect(at, screen, touch, size, size);
        halo(out, t, 10.0);
        self::glyph(out, glyph, t);
        // The icon has no text: its label goes below it, or above near the bottom.
        let (w, h, lines, fs) = label_box(label, screen.w * 0.7, 0.0, 0.0);
        let cx = (t.x + t.w / 2.0).clamp(
            screen.x + w / 2.0 + 2.0,
            screen.x + screen.w - w / 2.0 - 2.0,
        );
        let cy = if t.y + t.h + h + 8.0 < screen.y + screen.h - bar {
            t.y + t.h + 6.0 + h / 2.0
        } else {
            t.y - 6.0 - h / 2.0
        };
        let tag = Rect::new(cx - w / 2.0, cy - h / 2.0, w, h);
        rect(out, "sw-tag", tag, 4.0);
        text_lines(out, "sw-label", &lines, fs, cx, cy);
        return (t.x + t.w * 0.85, t.y + t.h * 0.85);
    }
    let max_w = match at {
        Location::ListRow(_) | Location::SideMenu => screen.w - 16.0,
        _ => screen.w - 12.0,
    };
    let min_h = match at {
        Location::ListRow(_) => 22.0,
        _ => bar - 8.0,
    };
    let (w, h, lines, size) = label_box(label, max_w, screen.w * 0.34, min_h);
    let t = target_rect(at, screen, touch, w, h);
    halo(out, t, 6.0);
    text_lines(
        out,
        "sw-label",
        &lines,
        size,
        t.x + t.w / 2.0,
        t.y + t.h / 2.0,
    );
    (t.x + t.w - 6.0, t.y + t.h * 0.7)
}

/// A fingertip on touch screens, an arrow cursor elsewhere, at (`x`, `y`).
fn pointer(out: &mut String, (px, py): (f32, f32), touch: bool) {
    if touch {
        // Off the label: the fingertip sits on the control's lower right corner.
        let (px, py) = (px + 2.0, py + 3.0);
        let _ = write!(
            out,
            r#"<circle class="sw-touch" cx="{px_0}" cy="{py_0}" r="6"/>"#,
            px_0 = D0(px),
            py_0 = D0(py)
        );
    } else {
        let _ = write!(
            out,
            r#"<path class="sw-cursor" d="M{px_0} {py_0} l0 14 l4 -4 l4 7 l3 -1.5 l-4 -7 l6 0 z"/>"#,
            px_0 = D0(px),
            py_0 = D0(py)
        );
    }
}

/// An icon's picture inside `t`.
fn glyph(out: &mut String, g: Glyph, t: Rect) {
    let (cx, cy) = (t.x + t.w / 2.0, t.y + t.h / 2.0);
    match g {
        Glyph::Lines => {
            for dy in [-5.0f32, 0.0, 5.0] {
                let _ = write!(
                    out,
                    r#"<rect class="sw-glyph" x="{}" y="{}" width="12" height="2" rx="1"/>"#,
                    D0(cx - 6.0),
                    D1(cy + dy - 1.0)
                );
            }
        }
        Glyph::Dots => {
            for dy in [-5.0f32, 0.0, 5.0] {
                let _ = write!(
                    out,
                    r#"<circle class="sw-glyph" cx="{cx_0}" cy="{}" r="1.6"/>"#,
                    D0(cy + dy),
                    cx_0 = D0(cx)
                );
            }
        }
        Glyph::Person => {
            let _ = write!(
                out,
                r#"<circle class="sw-glyph" cx="{cx_0}" cy="{}" r="3.5"/><path class="sw-glyph" d="M{} {} a6.5 5 0 0 1 13 0 z"/>"#,
                D1(cy - 2.5),
                D1(cx - 6.5),
                D1(cy + 7.0),
                cx_0 = D0(cx)
            );
        }
        Glyph::Gear => {
            let _ = write!(
                out,
                r#"<circle class="sw-glyph-line" cx="{cx_0}" cy="{cy_0}" r="5"/><circle class="sw-glyph" cx="{cx_0}" cy="{cy_0}" r="2"/>"#,
                cx_0 = D0(cx),
                cy_0 = D0(cy)
            );
        }
        Glyph::Search => {
            let _ = write!(
                out,
                r#"<circle class="sw-glyph-line" cx="{}" cy="{}" r="4"/><path class="sw-glyph-line" d="M{} {} l4 4"/>"#,
                D1(cx - 1.5),
                D1(cy - 1.5),
                D1(cx + 1.5),
                D1(cy + 1.5)
            );
        }
        Glyph::Plain => {
            let _ = write!(
                out,
                r#"<circle class="sw-glyph" cx="{cx_0}" cy="{cy_0}" r="3"/>"#,
                cx_0 = D0(cx),
                cy_0 = D0(cy)
            );
        }
    }
}

/// An open menu below the top bar, on the side `at` names, with the item in row `n`
/// highlighted and labelled and the other items sketched; returns where the pointer goes.
fn menu(
    out: &mut String,
    label: &str,
    n: u8,
    at: Option<Location>,
    screen: Rect,
    touch: bool,
) -> (f32, f32) {
    let bar = if touch { 30.0 } else { 24.0 };
    let pw = if touch {
        screen.w * 0.82
    } else {
        (screen.w * 0.46).max(120.0)
    };
    let px = match at {
        Some(Location::TopLeft | Location::Left | Location::BottomLeft) => screen.x + 6.0,
        Some(Location::Top | Location::TopBar | Location::Centre | Location::Bottom) => {
            screen.x + (screen.w - pw) / 2.0
        }
        _ => screen.x + screen.w - pw - 6.0,
    };
    let (_, ih, lines, size) = label_box(label, pw - 12.0, 0.0, 18.0);
    let n = n.clamp(1, 5);
    let rows = (n + 1).max(3);
    let gap = 4.0;
    let other = 18.0;
    let ph = f32::from(rows - 1) * (other + gap) + ih + gap + 8.0;
    let py = screen.y + bar + 2.0;
    let panel = Rect::new(px, py, pw, ph.min(screen.h - bar - 4.0));
    rect(out, "sw-menu", panel, 5.0);
    let mut y = py + 6.0;
    let mut hit = (px + pw / 2.0, py + 10.0);
    for i in 1..=rows {
        if i == n {
            let t = Rect::new(px + 6.0, y, pw - 12.0, ih);
            halo(
                out,
                Rect::new(t.x + 2.0, t.y + 1.0, t.w - 4.0, t.h - 2.0),
                4.0,
            );
            text_lines(
                out,
                "sw-label",
                &lines,
                size,
                t.x + t.w / 2.0,
                t.y + t.h / 2.0,
            );
            hit = (t.x + t.w - 4.0, t.y + t.h - 2.0);
            y += ih + gap;
        } else {
            let len = [0.55f32, 0.4, 0.65, 0.5, 0.45, 0.6][usize::from(i) % 6];
            rect(
                out,
                "sw-row",
                Rect::new(px + 12.0, y + 6.0, (pw - 24.0) * len, other - 12.0),
                3.0,
            );
            y += other + gap;
        }
    }
    hit
}

/// A dialog over the dimmed screen: its title (the step's control, or sketched lines) and
/// two buttons, the one that confirms highlighted and labelled; returns where the pointer
/// goes.
fn dialog(out: &mut String, title: Option<&str>, button: &str, screen: Rect) -> (f32, f32) {
    rect(out, "sw-shade", screen, 0.0);
    let dw = screen.w * 0.84;
    let dx = screen.x + (screen.w - dw) / 2.0;
    let (tlines, tsize) = match title {
        Some(t) => wrap(t, dw - 20.0),
        None => (Vec::new(), 11.0),
    };
    let title_h = if tlines.is_empty() {
        22.0
    } else {
        tlines.len() as f32 * LINE_H * tsize / 11.0 + 8.0
    };
    let (bw, bh, blines, bsize) = label_box(button, dw * 0.55, dw * 0.3, 20.0);
    let dh = 12.0 + title_h + 10.0 + bh + 12.0;
    let dy = screen.y + (screen.h - dh) / 2.0;
    rect(out, "sw-panel", Rect::new(dx, dy, dw, dh), 8.0);
    if tlines.is_empty() {
        rect(
            out,
            "sw-row",
            Rect::new(dx + 12.0, dy + 14.0, dw * 0.6, 6.0),
            3.0,
        );
        rect(
            out,
            "sw-row",
            Rect::new(dx + 12.0, dy + 26.0, dw * 0.4, 6.0),
            3.0,
        );
    } else {
        text_lines(
            out,
            "sw-title",
            &tlines,
            tsize,
            dx + dw / 2.0,
            dy + 12.0 + title_h / 2.0 - 4.0,
        );
    }
    let by = dy + 12.0 + title_h + 10.0;
    let b = Rect::new(dx + dw - bw - 10.0, by, bw, bh);
    // The other button (cancel), sketched: its word is the app's, not the guide's.
    let other_w = (dw - bw - 30.0).clamp(16.0, 48.0);
    rect(
        out,
        "sw-button",
        Rect::new(b.x - other_w - 8.0, by, other_w, bh),
        4.0,
    );
    halo(out, b, 5.0);
    text_lines(
        out,
        "sw-label",
        &blines,
        bsize,
        b.x + b.w / 2.0,
        b.y + b.h / 2.0,
    );
    (b.x + b.w - 6.0, b.y + b.h * 0.7)
}

/// A caption in the middle of the screen, for steps without a control.
fn caption(out: &mut String, label: &str, screen: Rect) {
    let (lines, size) = wrap(label, screen.w - 30.0);
    let h = (lines.len() as f32 * LINE_H * size / 11.0 + 14.0).max(32.0);
    let c = Rect::new(
        screen.x + 10.0,
        screen.y + (screen.h - h) / 2.0,
        screen.w - 20.0,
        h,
    );
    rect(out, "sw-caption", c, 6.0);
    text_lines(
        out,
        "sw-label",
        &lines,
        size,
        c.x + c.w / 2.0,
        c.y + c.h / 2.0,
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
                    r#"<line class="co-line" x1="{x1}" y1="{y1}" x2="{bx_1}" y2="{by_1}"/><path class="co-head" d="M{x2} {y2} L{} {} L{} {} z"/>"#,
                    D1(bx + nx),
                    D1(by + ny),
                    D1(bx - nx),
                    D1(by - ny),
                    bx_1 = D1(bx),
                    by_1 = D1(by)
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

    #[test]
    fn coordinates_read_as_the_standard_formatting_writes_them() {
        let mut values = vec![
            0.5f32, 1.5, 2.5, -0.5, -1.5, 0.25, 0.35, 0.05, -0.04, -0.0, 1e20,
        ];
        values.extend((-4000..4000).map(|i| i as f32 / 40.0));
        values.extend((-4000..4000).map(|i| i as f32 * 0.37 + 0.013));
        for v in values {
            assert_eq!(D0(v).to_string(), format!("{v:.0}"), "{v:?}");
            assert_eq!(D1(v).to_string(), format!("{v:.1}"), "{v:?}");
        }
    }

    fn sample(kind: PlatformKind, at: Option<Location>) -> String {
        draw(&Schematic {
            kind,
            at,
            label: "My Netflix",
            shape: Shape::Control,
            confirm: None,
            menu_from: None,
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

    fn drawn(
        kind: PlatformKind,
        at: Option<Location>,
        label: &str,
        shape: Shape,
        confirm: Option<&str>,
    ) -> String {
        draw(&Schematic {
            kind,
            at,
            label,
            shape,
            confirm,
            menu_from: None,
            address: "www.netflix.com",
            app: "Netflix",
            alt: "alt",
            id: "f",
        })
    }

    #[test]
    fn a_menu_item_is_drawn_in_its_open_menu() {
        let svg = drawn(
            PlatformKind::Desktop,
            Some(Location::Right),
            "Account",
            Shape::MenuItem(2),
            None,
        );
        assert!(svg.contains(r#"class="sw-menu""#), "{svg}");
        assert!(svg.contains(">Account</text>"), "{svg}");
        insta::assert_snapshot!(svg);
    }

    #[test]
    fn a_confirmation_is_drawn_as_a_dialog_with_its_button() {
        let svg = drawn(
            PlatformKind::Phone,
            Some(Location::ListRow(5)),
            "Sign out of all devices",
            Shape::Control,
            Some("Log out"),
        );
        assert!(svg.contains(r#"class="sw-panel""#), "{svg}");
        assert!(svg.contains(">Log out</text>"), "{svg}");
        insta::assert_snapshot!(svg);
    }

    #[test]
    fn an_icon_is_drawn_with_its_glyph_and_its_label_beside_it() {
        let svg = drawn(
            PlatformKind::Phone,
            Some(Location::TopRight),
            "Menu",
            Shape::Icon(Glyph::Lines),
            None,
        );
        assert_eq!(svg.matches(r#"class="sw-glyph""#).count(), 3, "{svg}");
        assert!(svg.contains(">Menu</text>"), "{svg}");
        insta::assert_snapshot!(svg);
    }

    #[test]
    fn labels_wrap_or_shrink_and_are_never_cut() {
        let svg = drawn(
            PlatformKind::Phone,
            Some(Location::ListRow(5)),
            "Sign out of all devices now",
            Shape::Control,
            None,
        );
        assert!(!svg.contains('…'), "{svg}");
        assert!(svg.contains("<tspan"), "a second line: {svg}");
        let svg = drawn(
            PlatformKind::Phone,
            Some(Location::Centre),
            "Datenschutzeinstellungenverwaltung",
            Shape::Control,
            None,
        );
        assert!(
            svg.contains("Datenschutzeinstellungenverwaltung</text>"),
            "{svg}"
        );
        assert!(svg.contains("font-size="), "a smaller font: {svg}");
        assert_eq!(
            wrap("Sign out of all devices", 77.0).0,
            ["Sign out of", "all devices"]
        );
    }

    #[test]
    fn glyphs_come_from_the_description() {
        assert_eq!(
            Glyph::from_description("three horizontal lines"),
            Glyph::Lines
        );
        assert_eq!(
            Glyph::from_description("your profile picture"),
            Glyph::Person
        );
        assert_eq!(Glyph::from_description("three dots"), Glyph::Dots);
        assert_eq!(Glyph::from_description("a gear"), Glyph::Gear);
        assert_eq!(Glyph::from_description("a magnifying glass"), Glyph::Search);
        assert_eq!(Glyph::from_description("a red star"), Glyph::Plain);
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
            let shapes = [
                (Shape::Control, None),
                (Shape::Icon(Glyph::Person), None),
                (Shape::MenuItem(3), None),
                (Shape::Control, Some("Yes & <no>")),
            ];
            for (at, (shape, confirm)) in locations
                .iter()
                .flat_map(|a| shapes.iter().map(move |s| (a, s)))
            {
                let svg = draw(&Schematic {
                    kind,
                    at: *at,
                    label: "Privacy & <Security> \"settings\" with a long label",
                    shape: *shape,
                    confirm: *confirm,
                    menu_from: Some((Location::TopRight, Glyph::Lines)),
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
