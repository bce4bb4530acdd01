//! Illustrations: paths inside the guides folder, files that exist, alt text, and
//! callouts inside the screenshot they mark. Reads the probes [`crate::resolve`] took; never
//! the disk.

use std::path::Path;

use crate::diag::{Code, Diagnostic};
use crate::model::{CalloutShape, Guide, Image};
use crate::resolve::{ImageFile, Resolved, image_path};

/// Appends the illustration findings of every guide.
pub(super) fn check(resolved: &Resolved<'_>, diags: &mut Vec<Diagnostic>) {
    for g in &resolved.project.guides {
        guide_images(resolved, g, diags);
    }
}

/// Illustration paths stay inside the guides folder, exist, and come with alt text.
fn guide_images(resolved: &Resolved<'_>, g: &Guide, diags: &mut Vec<Diagnostic>) {
    let project = resolved.project;
    {
        for step in g.written_steps() {
            let Some(img) = &step.image else { continue };
            if img.src.is_none() && !img.callouts.is_empty() {
                diags.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        img.callouts[0].span,
                        "callouts mark a screenshot, and this image has no `src`",
                    )
                    .help("add the screenshot's `src`, or remove the callouts to get a generated schematic"),
                );
            }
            match &img.alt {
                Some(alt) if !alt.value.trim().is_empty() => {}
                // Without a screenshot, a schematic is drawn and its alt text generated.
                None if img.src.is_none() => {}
                _ => diags.push(
                    Diagnostic::new(Code::MissingAltText, img.span, "this illustration has no alt text")
                        .help("describe what the picture shows: `image: {src: ..., alt: The Account page with Sign out highlighted}`"),
                ),
            }
            let Some(src) = &img.src else { continue };
            match image_path(g, &src.value) {
                Err(why) => diags.push(
                    Diagnostic::new(
                        Code::ImagePathInvalid,
                        src.span,
                        format!("illustration path `{}` {why}", src.value),
                    )
                    .help("give a path relative to the guide file, inside the guides folder, e.g. `img/account.png`"),
                ),
                Ok(rel) => {
                    let file = resolved.image(&rel);
                    if let Some(file) = file
                        && !img.callouts.is_empty()
                    {
                        callouts_inside(img, file, &project.root.join(&rel), diags);
                    }
                    // An in-memory project has no folder to look in.
                    if !project.root.as_os_str().is_empty() && file.is_none() {
                        diags.push(
                            Diagnostic::new(
                                Code::ImageNotFound,
                                src.span,
                                format!("illustration `{}` does not exist", src.value),
                            )
                            .help(format!(
                                "looked for `{}`; paths are relative to the guide's folder",
                                project.root.join(&rel).display()
                            )),
                        );
                    }
                }
            }
        }
    }
}

/// Callouts must lie inside the screenshot they mark.
fn callouts_inside(img: &Image, file: &ImageFile, path: &Path, diags: &mut Vec<Diagnostic>) {
    let Some((w, h)) = file.pixels() else {
        if let Some(first) = img.callouts.first() {
            diags.push(
                Diagnostic::new(
                    Code::CalloutOutOfBounds,
                    first.span,
                    format!(
                        "cannot read the size of `{}` to place its callouts",
                        path.display()
                    ),
                )
                .help("use a PNG, JPEG or WebP screenshot for callouts"),
            );
        }
        return;
    };
    let (w, h) = (u64::from(w), u64::from(h));
    for c in &img.callouts {
        let (x2, y2) = match c.shape {
            CalloutShape::Box(x, y, bw, bh) => {
                (u64::from(x) + u64::from(bw), u64::from(y) + u64::from(bh))
            }
            CalloutShape::Arrow(x1, y1, x2, y2) => (u64::from(x1.max(x2)), u64::from(y1.max(y2))),
            // A marker's circle (11 px) may overhang; its centre must be on the image.
            CalloutShape::Marker(x, y) => (u64::from(x), u64::from(y)),
        };
        if x2 > w || y2 > h {
            diags.push(
                Diagnostic::new(
                    Code::CalloutOutOfBounds,
                    c.span,
                    format!("this callout reaches ({x2}, {y2}), outside the {w}×{h} pixel image"),
                )
                .help("measure the callout in pixels of the image file, from its top-left corner"),
            );
        }
    }
}
