//! Compiles the built-in rule packs (`rules/*.yml`) into static tables at build time,
//! with the same code the program uses at run time (`src/rules/{schema,tables,dict}.rs`
//! and `src/text.rs`). A built-in pack with a YAML or schema error, a duplicate id or a
//! dangling reference fails the build with its position; start-up then does no work
//! for the built-in rules. The packs' text is embedded too, for `jobfit rules check`
//! and error excerpts. A new rule pack is a new YAML file, never a Rust edit.

#![allow(dead_code)]

#[path = "src/text.rs"]
mod text;

mod rules {
    #[path = "../src/rules/dict.rs"]
    pub mod dict;
    #[path = "../src/rules/schema.rs"]
    pub mod schema;
    #[path = "../src/rules/tables.rs"]
    pub mod tables;
}

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use rules::tables::{RuleSource, Tables};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    println!("cargo:rerun-if-changed={}", dir.display());
    for src in [
        "src/text.rs",
        "src/rules/dict.rs",
        "src/rules/schema.rs",
        "src/rules/tables.rs",
    ] {
        println!("cargo:rerun-if-changed={src}");
    }
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yml" | "yaml")))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut texts = String::from(
        "/// Built-in rule packs' text: (display name, contents).\npub static BUILTIN_TEXTS: &[(&str, &str)] = &[\n",
    );
    let mut sources: Vec<RuleSource> = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = format!(
            "rules/{}",
            f.file_name().and_then(|n| n.to_str()).unwrap_or_default()
        );
        let text = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{name}: {e}"));
        let body = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
        if !body.trim().is_empty() {
            let parsed = rules::schema::parse_yaml(body).unwrap_or_else(|e| {
                let (l, c) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
                panic!("{name}:{l}:{c}: {}", e.without_snippet())
            });
            let file: rules::tables::Str = Cow::Owned(name.clone());
            for r in parsed {
                let s = RuleSource::from_input(r, &file);
                let id = s.rule.id.to_string();
                if let Some(first) = seen.insert(id.clone(), s.rule.origin.to_string()) {
                    panic!(
                        "{}: duplicate rule id `{id}` (first defined at {first})",
                        s.rule.origin
                    );
                }
                sources.push(s);
            }
        }
        writeln!(
            texts,
            "    ({name:?}, include_str!({:?})),",
            f.display().to_string()
        )
        .unwrap();
    }
    texts.push_str("];\n");
    let tables =
        Tables::build(sources).unwrap_or_else(|problems| panic!("{}", problems.join("\n")));
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).to_path_buf();
    std::fs::write(out.join("builtin_texts.rs"), texts).unwrap();
    std::fs::write(
        out.join("builtin_tables.rs"),
        tables.to_rust("BUILTIN_TABLES"),
    )
    .unwrap();
}
