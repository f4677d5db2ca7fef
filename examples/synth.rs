//! Writes a deterministic synthetic dataset for benchmarks and stress
//! tests: `cargo run --release --example synth -- QUOTES OUT.toml
//! [LINES.txt]`. The optional second file has each quote's searchable text
//! on one line (for `fzf --filter`, or any other line-based tool).

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: synth QUOTES OUT.toml [LINES.txt]");
        std::process::exit(2);
    };
    let count: usize = count.parse().unwrap_or_else(|_| {
        eprintln!("QUOTES must be a number");
        std::process::exit(2)
    });
    let toml = stances::synth::toml(count, 42);
    std::fs::write(out, &toml)?;
    if let Some(lines) = args.get(2) {
        let data = stances::synth::dataset(count, 42);
        let mut text = String::new();
        for i in 0..data.quotes.len() {
            text.push_str(&stances::search::engine::haystack_text(&data, i).replace('\n', " "));
            text.push('\n');
        }
        std::fs::write(lines, text)?;
    }
    Ok(())
}
