//! `--generate`: the man page and the shell completions, rendered from the
//! clap definition so they never drift from the flags.

use std::io::{self, Write};

use anyhow::Result;
use clap::CommandFactory;

use super::ExitStatus;
use crate::cli::{Cli, Generate};
use crate::messages::stdout_failure;

/// Prints the man page or a completion script. Rendered into memory first:
/// the generators panic on a write error, and a closed pipe must end the
/// run quietly.
pub fn run(kind: Generate) -> Result<ExitStatus> {
    let mut cmd = Cli::command();
    let mut rendered = Vec::new();
    let shell = match kind {
        Generate::Man => {
            man_page(cmd.clone(), &mut rendered)?;
            None
        }
        Generate::CompleteBash => Some(clap_complete::Shell::Bash),
        Generate::CompleteZsh => Some(clap_complete::Shell::Zsh),
        Generate::CompleteFish => Some(clap_complete::Shell::Fish),
    };
    if let Some(shell) = shell {
        clap_complete::generate(shell, &mut cmd, "newsdedup", &mut rendered);
    }
    let mut out = io::stdout().lock();
    out.write_all(&rendered)
        .and_then(|()| out.flush())
        .map_err(stdout_failure)?;
    Ok(ExitStatus::Success)
}

/// The man page: clap_mangen's sections, then the examples and the exit
/// status from the long help, set line for line (`.nf`); clap_mangen's own
/// rendering of that text fills it into paragraphs, which scrambles the
/// columns of the examples.
fn man_page(cmd: clap::Command, w: &mut Vec<u8>) -> io::Result<()> {
    let extra = cmd
        .get_after_long_help()
        .map(ToString::to_string)
        .unwrap_or_default();
    let man = clap_mangen::Man::new(cmd);
    man.render_title(w)?;
    man.render_name_section(w)?;
    // clap_mangen writes a positional that takes many values as `[PATH]`;
    // the usage line says `[PATH]...`, and so should the synopsis.
    let mut synopsis = Vec::new();
    man.render_synopsis_section(&mut synopsis)?;
    let synopsis =
        String::from_utf8_lossy(&synopsis).replace("[\\fIPATH\\fR]", "[\\fIPATH\\fR]...");
    w.extend_from_slice(synopsis.as_bytes());
    man.render_description_section(w)?;
    man.render_options_section(w)?;
    let escape = |line: &str| {
        let line = line.replace('\\', "\\e").replace('-', "\\-");
        if line.starts_with(['.', '\'']) {
            format!("\\&{line}")
        } else {
            line
        }
    };
    let mut examples = false;
    for block in extra.split("\n\n") {
        let (heading, body) = block.split_once('\n').unwrap_or((block, ""));
        let heading = heading.trim_end_matches(':');
        if heading == "Exit status" {
            writeln!(w, ".SH \"EXIT STATUS\"")?;
        } else {
            if !examples {
                writeln!(w, ".SH EXAMPLES")?;
                examples = true;
            }
            writeln!(w, ".SS {}", escape(heading).replace('"', "\\(dq"))?;
        }
        writeln!(w, ".nf")?;
        for line in body.lines() {
            writeln!(w, "{}", escape(line))?;
        }
        writeln!(w, ".fi")?;
    }
    man.render_version_section(w)
}
