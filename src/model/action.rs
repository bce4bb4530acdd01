//! The actions a step can take. Each step does exactly one.

/// Whether an action takes a target control.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetArity {
    /// A target is required (`tap: my-netflix`).
    Required,
    /// A target may be given (`sign-in:` or `sign-in: netflix-site`).
    Optional,
    /// The value is free Markdown text, not a target (`do:`, `wait:`).
    Text,
}

/// One kind of user action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Click with a pointer.
    Click,
    /// Tap on a touch screen.
    Tap,
    /// Press a control with the platform's own verb (click on web, tap on phones).
    Press,
    /// Choose an item from a menu or list.
    Select,
    /// Open an app, page or screen.
    Open,
    /// Scroll until a control is visible.
    ScrollTo,
    /// Type text into a field (`value:`).
    Type,
    /// Switch a toggle (`to: on|off`).
    Toggle,
    /// Swipe on a control.
    Swipe,
    /// Hover the pointer over a control.
    Hover,
    /// Sign in to the product.
    SignIn,
    /// Wait for something (free text).
    Wait,
    /// Any other instruction, as free Markdown text.
    Do,
}

impl Action {
    /// Every action with its YAML name.
    pub const NAMES: &'static [(&'static str, Action)] = &[
        ("click", Action::Click),
        ("tap", Action::Tap),
        ("press", Action::Press),
        ("select", Action::Select),
        ("open", Action::Open),
        ("scroll-to", Action::ScrollTo),
        ("type", Action::Type),
        ("toggle", Action::Toggle),
        ("swipe", Action::Swipe),
        ("hover", Action::Hover),
        ("sign-in", Action::SignIn),
        ("wait", Action::Wait),
        ("do", Action::Do),
    ];

    /// The action named `name`.
    pub fn from_name(name: &str) -> Option<Action> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, a)| *a)
    }

    /// The YAML name.
    pub fn as_str(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, a)| *a == self)
            .map_or("do", |(n, _)| n)
    }

    /// What the action's value means.
    pub fn arity(self) -> TargetArity {
        match self {
            Action::SignIn => TargetArity::Optional,
            Action::Wait | Action::Do => TargetArity::Text,
            _ => TargetArity::Required,
        }
    }
}
