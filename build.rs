//! Embeds the built-in rule packs (`rules/*.yml`) in the binary, parsed at build time:
//! a built-in pack with a YAML or schema error fails the build with `file:line:col`,
//! and start-up deserialises a compact postcard blob instead of parsing YAML. The
//! packs' text is embedded too, for error excerpts. A new rule pack is a new YAML
//! file, never a Rust edit.

#[allow(dead_code)]
#[path = "src/rules/schema.rs"]
mod schema;

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yml" | "yaml")))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut builtin = Vec::new();
    let mut texts = String::from(
        "/// Built-in rule packs' text: (display name, contents), for error excerpts.\npub static BUILTIN_TEXTS: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = format!(
            "rules/{}",
            f.file_name().and_then(|n| n.to_str()).unwrap_or_default()
        );
        let text = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{name}: {e}"));
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
        let rules = if text.trim().is_empty() {
            Vec::new()
        } else {
            schema::parse_yaml(text).unwrap_or_else(|e| {
                let (l, c) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
                panic!("{name}:{l}:{c}: {}", e.without_snippet())
            })
        };
        builtin.push(schema::BuiltinFile {
            name: name.clone(),
            rules,
        });
        writeln!(
            texts,
            "    ({name:?}, include_str!({:?})),",
            f.display().to_string()
        )
        .unwrap();
    }
    texts.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).to_path_buf();
    let blob = postcard::to_stdvec(&builtin).expect("built-in rules serialise");
    std::fs::write(out.join("builtin_rules.postcard"), blob).unwrap();
    std::fs::write(out.join("builtin_rules.rs"), texts).unwrap();
}
