//! The widget's CSS, compiled in and attached as a constructed stylesheet
//! (`adoptedStyleSheets`), which strict Content-Security-Policies allow: no `<style>`
//! element, no `style=` attribute.

use std::cell::OnceCell;

use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;
use web_sys::CssStyleSheet;

/// Every stylesheet, tokens first, then one file per component (`styles/`, minified by
/// `build.rs`).
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

thread_local! {
    // One parsed sheet shared by every widget on the page.
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

/// Adds the widget's stylesheet to `target`'s `adoptedStyleSheets` (a document or a shadow
/// root), keeping what is already there.
pub fn adopt(target: &JsValue) -> Result<(), JsValue> {
    let sheet = SHEET.with(|cell| {
        cell.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(CSS).ok()?;
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
