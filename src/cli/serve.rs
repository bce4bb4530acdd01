//! `stepwise serve`: preview the site in a browser with live reload.

use std::io::Write;
use std::net::IpAddr;
use std::path::PathBuf;

use clap::Args;

use crate::serve::{ServeOptions, serve};

/// Arguments of `stepwise serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The guides folder (default: found from the working folder upward, as for `check`).
    pub dir: Option<PathBuf>,
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = 3000)]
    pub port: u16,
    /// Address to listen on. Anything but 127.0.0.1 exposes the preview to the network.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Folder of template overrides (default: `templates/` beside the guides folder).
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Folder of files copied into the site as they are (default: `static/` beside the guides
    /// folder).
    #[arg(long = "static", value_name = "DIR")]
    pub static_dir: Option<PathBuf>,
}

/// Serves until Ctrl-C; returns the exit code.
pub(super) fn run(args: &ServeArgs) -> Result<u8, Box<dyn std::error::Error>> {
    let opts = ServeOptions {
        guides: super::output::guides_dir(args.dir.as_deref()),
        templates: args.templates.clone(),
        static_dir: args.static_dir.clone(),
        bind: args.bind,
        port: args.port,
    };
    let open = args.open;
    serve(&opts, |addr| {
        let url = format!("http://{addr}/");
        let mut out = std::io::stdout().lock();
        let _ = writeln!(
            out,
            "Serving {} on {url} (Ctrl-C to stop)",
            opts.guides.display()
        );
        let _ = out.flush();
        if open {
            // Best effort: a missing opener is not an error.
            let _ = std::process::Command::new("xdg-open")
                .arg(&url)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn();
        }
    })?;
    Ok(0)
}
