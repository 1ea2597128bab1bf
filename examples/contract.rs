//! Rewrites what the element's contract tables feed: the README's contract tables,
//! `package/status-widget.d.ts` and `package/custom-elements.json`. `tests/contract.rs`
//! fails when they are stale; run this, then read the diff:
//!
//! ```text
//! cargo run --example contract
//! ```

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::io::Result<()> {
    use std::{fs, path::Path};

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = root.join("README.md");
    let text = fs::read_to_string(&readme)?;
    fs::write(&readme, status_widget::contract::readme_with_tables(&text))?;
    fs::write(root.join("package/status-widget.d.ts"), status_widget::contract::typescript())?;
    fs::write(
        root.join("package/custom-elements.json"),
        status_widget::contract::manifest(env!("CARGO_PKG_VERSION")),
    )?;
    println!("README.md, package/status-widget.d.ts and package/custom-elements.json written");
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
