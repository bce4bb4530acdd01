//! The templates' `t` function: `{{ t(key="steps-heading") }}`,
//! `{{ t(key="guide-count", count=3) }}`, in the language of the page being rendered (the
//! context's `lang`).

use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use tera::{Kwargs, State, TeraResult};

use super::catalog::{FALLBACK, Locales};

/// Registers `t` on `tera`, reading messages from `locales`. Each page picks its language
/// with the `lang` variable of its context (a BCP 47 tag); without one, English.
///
/// `key` names the message, `attr` one of its attributes; every other argument is a
/// variable of the message (numbers choose plural forms).
pub fn register(tera: &mut tera::Tera, locales: Arc<Locales>) {
    tera.register_function("t", move |kwargs: Kwargs, state: &State<'_>| -> TeraResult<String> {
        let key: &str = kwargs.must_get("key")?;
        let attr: Option<&str> = kwargs.get("attr")?;
        let lang: String = state.get("lang")?.unwrap_or_else(|| FALLBACK.to_owned());
        let locale = locales.get(&lang);
        let mut args = FluentArgs::new();
        for (k, v) in kwargs.iter() {
            let Some(name) = k.as_str() else { continue };
            if name == "key" || name == "attr" {
                continue;
            }
            if let Some(n) = v.as_i64() {
                args.set(name.to_owned(), FluentValue::from(n));
            } else if let Some(f) = v.as_f64() {
                args.set(name.to_owned(), FluentValue::from(f));
            } else {
                args.set(name.to_owned(), FluentValue::from(v.to_string()));
            }
        }
        locale.format_args(key, attr, &args).ok_or_else(|| {
            tera::Error::message(format!(
                "no message `{key}` in the locale `{lang}` nor in English (add it to locales/{lang}.ftl)"
            ))
        })
    });
}
