//! The widget's CSS, compiled in and attached as a constructed stylesheet
//! (`adoptedStyleSheets`), which strict Content-Security-Policies allow: no `<style>`
//! element, no `style=` attribute.

use std::cell::OnceCell;

use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;
use web_sys::CssStyleSheet;

/// Every stylesheet, tokens first, then one file per component (`styles/`, minified by
/// `build.rs`), for the element's shadow root.
#[cfg(feature = "element")]
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

/// The same for a document the component renders into directly (no host element: the
/// placements are made on the widget's root; written by `build.rs`).
pub const DOCUMENT_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget-document.css"));

thread_local! {
    // One parsed sheet shared by every widget on the page (and one for the document).
    #[cfg(feature = "element")]
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
    static DOCUMENT_SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

/// Adds the widget's stylesheet to a shadow root's `adoptedStyleSheets`, keeping what is
/// already there.
#[cfg(feature = "element")]
pub fn adopt(target: &JsValue) -> Result<(), JsValue> {
    adopt_sheet(target, &SHEET, CSS)
}

/// Adds the document's variant to a document's `adoptedStyleSheets`.
pub fn adopt_into_document(target: &JsValue) -> Result<(), JsValue> {
    adopt_sheet(target, &DOCUMENT_SHEET, DOCUMENT_CSS)
}

fn adopt_sheet(
    target: &JsValue,
    cell: &'static std::thread::LocalKey<OnceCell<Option<CssStyleSheet>>>,
    css: &str,
) -> Result<(), JsValue> {
    let sheet = cell.with(|cell| {
        cell.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(css).ok()?;
            Some(sheet)
        })
        .clone()
    });
    let sheet = sheet.ok_or_else(|| JsValue::from_str("constructable stylesheets are not supported"))?;
    let key = JsValue::from_str("adoptedStyleSheets");
    let sheets = Array::from(&Reflect::get(target, &key)?);
    if !sheets.includes(&sheet, 0) {
        sheets.push(&sheet);
        Reflect::set(target, &key, &sheets)?;
    }
    Ok(())
}
