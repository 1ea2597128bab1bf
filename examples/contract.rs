//! Rewrites what the element's contract tables feed: the README's contract tables, the
//! registries' README (`package/README.md`), `package/status-widget.d.ts`,
//! `package/react.d.ts`, `package/custom-elements.json` and the bundle's modules (languages
//! and the reference incident: `src/embed/status-widget-*.js`). `tests/contract.rs` fails when
//! they are stale; run this, then read the diff:
//!
//! ```text
//! cargo run --example contract
//! ```

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::io::Result<()> {
    use status_widget::contract;
    use std::{fs, path::Path};

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = root.join("README.md");
    let text = contract::readme_with_tables(&fs::read_to_string(&readme)?);
    fs::write(&readme, &text)?;
    let files = [
        ("package/README.md", contract::registry_readme(&text)),
        ("package/status-widget.d.ts", contract::typescript()),
        ("package/react.d.ts", contract::typescript_react()),
        ("package/custom-elements.json", contract::manifest(env!("CARGO_PKG_VERSION"))),
    ];
    for (path, content) in &files {
        fs::write(root.join(path), content)?;
    }
    let modules = contract::modules();
    for (path, content) in &modules {
        fs::write(root.join(path), content)?;
    }
    println!(
        "README.md, {} and {} bundle modules written",
        files.map(|(path, _)| path).join(", "),
        modules.len()
    );
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
