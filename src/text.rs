//! Untrusted feed text as data before it is DOM. For now: paragraphs and line breaks, from
//! blank lines, newlines and `<br>` tags; every other character, tags included, stays text.
//! The view renders the result as text nodes only, never as HTML.

/// One paragraph: its lines, to be joined by line breaks.
pub type Paragraph = Vec<String>;

/// Splits a body into paragraphs of lines. `<br>`, `<br/>` and `<br />` (any case) count as
/// newlines; a blank line (or two breaks) separates paragraphs; lines are trimmed and empty
/// paragraphs dropped.
pub fn paragraphs(body: &str) -> Vec<Paragraph> {
    let normalised = replace_breaks(&body.replace("\r\n", "\n"));
    let mut out: Vec<Paragraph> = Vec::new();
    let mut current: Paragraph = Vec::new();
    for line in normalised.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line.to_owned());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Replaces `<br>` tags (`<br>`, `<br/>`, `<br />`, any case) with newlines.
fn replace_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tag = &rest[start..];
        match break_tag_len(tag) {
            Some(len) => {
                out.push('\n');
                rest = &tag[len..];
            }
            None => {
                out.push('<');
                rest = &tag[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The length of a `<br ... >` tag at the start of `s`, if there is one.
fn break_tag_len(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    if bytes.len() < 4 || !bytes[1..3].eq_ignore_ascii_case(b"br") {
        return None;
    }
    let after = &s[3..];
    let trimmed = after.trim_start();
    let trimmed = trimmed.strip_prefix('/').unwrap_or(trimmed).trim_start();
    trimmed.strip_prefix('>').map(|rest| s.len() - rest.len())
}

/// The URL itself when it is an absolute `http:` or `https:` address (after trimming);
/// anything else (`javascript:`, `data:`, relative paths) is not linked.
pub fn http_url(raw: &str) -> Option<String> {
    let url = raw.trim();
    let scheme_end = url.find("://")?;
    let scheme = &url[..scheme_end];
    let host_present = url.len() > scheme_end + 3;
    (host_present && (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")))
        .then(|| url.to_owned())
}
