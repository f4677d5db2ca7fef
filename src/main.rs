use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = stances::cli::Cli::parse();
    stances::cli::run(cli)
}
