//! Deterministic synthetic datasets for benchmarks and stress tests:
//! quotes of realistic length (40 to 400 characters) in mixed scripts
//! (accented Latin, Cyrillic, CJK), by a few hundred speakers. The same
//! `seed` and size always give the same dataset.

use std::fmt::Write as _;

/// A small linear congruential generator: reproducible everywhere, and
/// enough for shuffling words.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

const LATIN: &[&str] = &[
    "governance",
    "cooperation",
    "regulation",
    "inclusive",
    "markets",
    "sécurité",
    "déjà",
    "éthique",
    "summit",
    "policy",
    "trust",
    "ethical",
    "oversight",
    "transparency",
    "risk",
    "innovation",
    "standards",
    "global",
    "national",
    "development",
    "safety",
    "rules",
    "fragmented",
    "shared",
    "open",
    "multilateral",
    "infrastructure",
    "investment",
    "the",
    "of",
    "and",
    "to",
    "must",
    "cannot",
    "be",
    "left",
    "alone",
    "we",
    "all",
    "future",
    "António",
    "Zürich",
    "São",
    "Paulo",
    "naïve",
    "coördination",
    "façade",
    "über",
];
const CYRILLIC: &[&str] = &[
    "сотрудничество",
    "регулирование",
    "доверие",
    "рынки",
    "безопасность",
    "правила",
    "будущее",
    "этика",
    "открытость",
    "стандарты",
];
const CJK: &[&str] = &[
    "人工智能",
    "治理",
    "合作",
    "监管",
    "信任",
    "安全",
    "市场",
    "开放",
    "标准",
    "未来",
];
const TAGS: &[&str] = &[
    "trust",
    "markets",
    "ethics",
    "inequality",
    "cooperation",
    "bias",
    "safety",
];

fn sentence(rng: &mut Lcg) -> String {
    let target = 40 + rng.next() % 361;
    let mut s = String::new();
    while s.chars().count() < target {
        let word = match rng.next() % 10 {
            0 => rng.pick(CYRILLIC),
            1 => rng.pick(CJK),
            _ => rng.pick(LATIN),
        };
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(word);
    }
    // Trim to the target length on a character boundary.
    s.chars()
        .take(target)
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// A dataset with `quotes` quotes, as TOML text that `stances validate`
/// accepts.
pub fn toml(quotes: usize, seed: u64) -> String {
    toml_with_actors(quotes, (quotes / 500).clamp(4, 400), seed)
}

/// `toml`, with the quotes spread over `speakers` actors (at least one):
/// real collections (fortune files, quote sites) have one speaker for
/// every eight quotes or so, which finds costs of quotes × actors.
pub fn toml_with_actors(quotes: usize, speakers: usize, seed: u64) -> String {
    let mut rng = Lcg(seed);
    let speakers = speakers.max(1);
    let mut out = String::with_capacity(quotes * 300);
    let _ = writeln!(
        out,
        "[dataset]\ntitle = \"Synthetic dataset: {quotes} quotes\"\n\n[[source]]\nid = \"synthetic\"\ntitle = \"Generated for benchmarks\"\n"
    );
    for a in 0..speakers {
        let first = rng.pick(LATIN);
        let _ = writeln!(
            out,
            "[[actor]]\nid = \"actor-{a}\"\nname = \"{} {a}\"\nkind = \"person\"\nrole = \"speaker {a}\"\n",
            capitalise(first)
        );
    }
    for q in 0..quotes {
        let text = sentence(&mut rng);
        let tag = rng.pick(TAGS);
        let _ = writeln!(
            out,
            "[[quote]]\nid = \"q{q}\"\nspeaker = \"actor-{}\"\ntext = \"{text}\"\nsource = \"synthetic\"\ntags = [\"{tag}\"]\n",
            rng.next() % speakers
        );
    }
    out
}

/// The same dataset as a model, without going through TOML.
pub fn dataset(quotes: usize, seed: u64) -> crate::data::Dataset {
    from_text(toml(quotes, seed))
}

/// `toml_with_actors` as a model.
pub fn dataset_with_actors(quotes: usize, speakers: usize, seed: u64) -> crate::data::Dataset {
    from_text(toml_with_actors(quotes, speakers, seed))
}

fn from_text(text: String) -> crate::data::Dataset {
    let files = [crate::data::SourceFile::new("synthetic.toml", text)];
    crate::data::check(&files)
        .dataset
        .expect("synthetic data is valid")
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn is_valid_deterministic_and_mixed() {
        let a = super::toml(300, 7);
        assert_eq!(a, super::toml(300, 7));
        let d = super::dataset(300, 7);
        assert_eq!(d.quotes.len(), 300);
        assert!(
            d.quotes.iter().all(
                |q| (40..=400).contains(&q.text.chars().count()) || q.text.chars().count() < 40
            )
        );
        assert!(
            d.quotes
                .iter()
                .any(|q| q.text.contains("治理") || q.text.contains("合作"))
        );
    }
}
