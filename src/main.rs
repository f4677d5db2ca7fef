use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = stances::cli::parse();
    stances::cli::run(cli)
}
