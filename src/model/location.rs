//! Where a control sits on the screen, as a small vocabulary that schematic illustrations
//! can draw (`top-right`, `bottom-tab-bar`, `list-row-3`...).

/// A place on a screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Location {
    /// Top left corner.
    TopLeft,
    /// Top edge, centred.
    Top,
    /// Top right corner.
    TopRight,
    /// The bar across the top (toolbar, app bar).
    TopBar,
    /// Left edge.
    Left,
    /// Centre of the screen.
    Centre,
    /// Right edge.
    Right,
    /// Bottom left corner.
    BottomLeft,
    /// Bottom edge, centred.
    Bottom,
    /// Bottom right corner.
    BottomRight,
    /// The tab bar along the bottom of a phone app.
    BottomTabBar,
    /// A menu that slides in from the side.
    SideMenu,
    /// A dialog over the screen.
    Dialog,
    /// Row N (1-based) of a list filling the screen.
    ListRow(u8),
}

/// Names accepted in YAML (`list-row-N` is handled separately).
pub const LOCATION_NAMES: &[(&str, Location)] = &[
    ("top-left", Location::TopLeft),
    ("top", Location::Top),
    ("top-right", Location::TopRight),
    ("top-bar", Location::TopBar),
    ("left", Location::Left),
    ("centre", Location::Centre),
    ("center", Location::Centre),
    ("right", Location::Right),
    ("bottom-left", Location::BottomLeft),
    ("bottom", Location::Bottom),
    ("bottom-right", Location::BottomRight),
    ("bottom-tab-bar", Location::BottomTabBar),
    ("side-menu", Location::SideMenu),
    ("dialog", Location::Dialog),
];

impl Location {
    /// Parses a vocabulary name (`top-right`, `list-row-2`).
    pub fn parse(name: &str) -> Option<Location> {
        let n = name.trim().to_ascii_lowercase().replace([' ', '_'], "-");
        if let Some(row) = n.strip_prefix("list-row-") {
            return row
                .parse()
                .ok()
                .filter(|r| (1..=12).contains(r))
                .map(Location::ListRow);
        }
        LOCATION_NAMES
            .iter()
            .find(|(k, _)| *k == n)
            .map(|(_, l)| *l)
    }

    /// Finds a vocabulary location inside free text ("top right of My Netflix").
    pub fn find_in(text: &str) -> Option<Location> {
        let words: String = text
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
            .collect();
        let t = format!(
            " {} ",
            words.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        // Longest names first, so "bottom tab bar" wins over "bottom".
        let mut names: Vec<&(&str, Location)> = LOCATION_NAMES.iter().collect();
        names.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        names
            .into_iter()
            .find(|(k, _)| t.contains(&format!(" {} ", k.replace('-', " "))))
            .map(|(_, l)| *l)
    }

    /// Words for alt text (`bottom right`).
    pub fn words(self) -> String {
        match self {
            Location::ListRow(n) => format!("row {n} of the list"),
            Location::Centre => "centre".into(),
            other => LOCATION_NAMES
                .iter()
                .find(|(_, l)| *l == other)
                .map_or("centre", |(k, _)| k)
                .replace('-', " "),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_vocabulary() {
        assert_eq!(Location::parse("top-right"), Some(Location::TopRight));
        assert_eq!(
            Location::parse("Bottom tab bar"),
            Some(Location::BottomTabBar)
        );
        assert_eq!(Location::parse("list-row-3"), Some(Location::ListRow(3)));
        assert_eq!(Location::parse("list-row-0"), None);
        assert_eq!(Location::parse("upper right"), None);
    }

    #[test]
    fn finds_locations_in_free_text() {
        assert_eq!(
            Location::find_in("top right of My Netflix"),
            Some(Location::TopRight)
        );
        assert_eq!(
            Location::find_in("in the bottom tab bar"),
            Some(Location::BottomTabBar)
        );
        assert_eq!(Location::find_in("inside the profile menu"), None);
        assert_eq!(
            Location::find_in("at the top right."),
            Some(Location::TopRight)
        );
        assert_eq!(
            Location::find_in("(bottom-tab-bar)"),
            Some(Location::BottomTabBar)
        );
        assert_eq!(Location::words(Location::BottomRight), "bottom right");
    }
}
