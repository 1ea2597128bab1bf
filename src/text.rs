#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)]
//! Untrusted feed text as data before it is DOM: [`parse`] turns an update body into
//! [`Block`]s of [`Inline`]s, a small safe subset (paragraphs, line breaks, lists, strong,
//! emphasis, links); the view builds elements from them with yew, never through innerHTML.
//! So the whole question "can a feed run code in the host page" is answered by this one pure
//! function, which is tested against a hostile corpus and fuzzed.
//!
//! What real bodies contain, and what becomes of it:
//! - plain text with `\n\n` and `\n`: paragraphs and line breaks;
//! - HTML: `<p>`, `<div>`, `<br>`, `<ul>`/`<ol>`/`<li>`, `<strong>`/`<b>`, `<em>`/`<i>`,
//!   `<h1>`–`<h6>` (a strong paragraph) and `<a href>`: the structure is kept; any other
//!   tag, and every attribute but `href`, shows as the text it is;
//! - Markdown links `[text](url "title")` and bare `http(s)://` URLs: links;
//! - entities (`&amp;`, `&nbsp;`, `&#8217;`, `&#x2019;`, …): decoded.
//!
//! Links are made only for `http:`, `https:` and `mailto:` after decoding entities and
//! removing whitespace and control characters (which browsers ignore inside a scheme);
//! anything else (`javascript:`, `data:`, `vbscript:`, relative) stays plain text.
//! Hand-written rather than a Markdown or HTML crate: the subset is small, and a general
//! parser would cost far more wasm than this module.

/// `s[i..]`, or "" when `i` is not a boundary: slicing feed text never panics.
fn from(s: &str, i: usize) -> &str {
    s.get(i..).unwrap_or_default()
}

/// `s[..i]`, or "" when `i` is not a boundary.
fn upto(s: &str, i: usize) -> &str {
    s.get(..i).unwrap_or_default()
}

/// `s[a..b]`, or "" when either is not a boundary.
fn between(s: &str, a: usize, b: usize) -> &str {
    s.get(a..b).unwrap_or_default()
}

/// Inline content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Text, entities decoded.
    Text(String),
    /// A line break.
    Break,
    /// Strong emphasis.
    Strong(Vec<Inline>),
    /// Emphasis.
    Emphasis(Vec<Inline>),
    /// A link whose `href` passed [`safe_href`].
    Link {
        /// The checked address.
        href: String,
        /// The link text.
        children: Vec<Inline>,
    },
}

/// Block content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A list; each item is inline content.
    List {
        /// Numbered (`<ol>`).
        ordered: bool,
        /// The items.
        items: Vec<Vec<Inline>>,
    },
}

/// How deeply inline elements may nest; deeper tags are ignored (their text is kept).
const MAX_DEPTH: usize = 8;

/// The longest tag recognised, in bytes.
const MAX_TAG: usize = 2048;

/// Parses an update body. Never panics, whatever the input, and stays linear in its length
/// (look-ahead for `>` is shared across all `<`, not repeated for each).
pub fn parse(body: &str) -> Vec<Block> {
    let mut builder = Builder::default();
    let mut pos = 0;
    let mut next_gt = body.find('>');
    // Quote-aware look-ahead, in bytes, for the whole body: a few passes over it at most.
    let mut budget = 4 * body.len() + MAX_TAG;
    while pos < body.len() {
        let Some(lt) = from(body, pos).find('<').map(|offset| pos + offset) else {
            builder.text(from(body, pos));
            break;
        };
        if lt > pos {
            builder.text(between(body, pos, lt));
        }
        while next_gt.is_some_and(|gt| gt < lt) {
            next_gt = from(body, lt).find('>').map(|offset| lt + offset);
        }
        let tag = next_gt
            .filter(|gt| gt - lt <= MAX_TAG)
            .map(|gt| tag_end(body, lt, gt, &mut budget))
            .and_then(|gt| Some((Tag::read(between(body, lt + 1, gt))?, gt)));
        match tag {
            Some((tag, gt)) => {
                builder.tag(&tag);
                pos = gt + 1;
            }
            None => {
                builder.text("<");
                pos = lt + 1;
            }
        }
    }
    builder.finish()
}

/// The plain text of blocks (for tests and for the length of what a reader sees).
pub fn plain_text(blocks: &[Block]) -> String {
    fn inline(out: &mut String, items: &[Inline]) {
        for item in items {
            match item {
                Inline::Text(t) => out.push_str(t),
                Inline::Break => out.push('\n'),
                Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } => inline(out, c),
            }
        }
    }
    let mut out = String::new();
    for block in blocks {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        match block {
            Block::Paragraph(items) => inline(&mut out, items),
            Block::List { items, .. } => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    inline(&mut out, item);
                }
            }
        }
    }
    out
}

/// An `href` the widget may link to: `http:`, `https:` or `mailto:` after decoding entities
/// and removing whitespace and control characters; `None` for anything else.
pub fn safe_href(raw: &str) -> Option<String> {
    let cleaned: String =
        decode_entities(raw).chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    let lower = cleaned.to_ascii_lowercase();
    let allowed = ["http://", "https://"].iter().any(|p| lower.starts_with(p) && lower.len() > p.len())
        || (lower.starts_with("mailto:") && lower.len() > 7);
    allowed.then_some(cleaned)
}

/// The URL itself when it is an absolute `http:` or `https:` address (shortlinks and page
/// addresses; no `mailto:` there); anything else is not linked.
pub fn http_url(raw: &str) -> Option<String> {
    safe_href(raw).filter(|url| !url.to_ascii_lowercase().starts_with("mailto:"))
}

/// A recognised tag.
/// Where the tag opened at `lt` ends: the first `>` outside a quoted attribute value, so
/// `<a title="a>b" href="…">` is one tag, as in HTML. `naive` is the first `>` after `lt`.
/// Lenient where HTML is not: a quoted value that holds a `<`, or never closes before the
/// tag's end, is taken for a missing closing quote, and the tag ends at `naive` (a typo
/// must not hide the sentence after it). The quote-aware scan runs only for a known tag
/// name followed by a space or `/`, with a quote before `naive`, never past [`MAX_TAG`]
/// bytes, and within `budget` bytes shared by the whole body, so parsing stays linear.
fn tag_end(body: &str, lt: usize, naive: usize, budget: &mut usize) -> usize {
    let bytes = body.as_bytes();
    let inside = between(body, lt + 1, naive);
    let name = inside.strip_prefix('/').unwrap_or(inside);
    let name_len = name.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(name.len());
    let opens_attributes = from(name, name_len).starts_with(|c: char| c.is_whitespace() || c == '/');
    if !opens_attributes
        || !Tag::known(&upto(name, name_len).to_ascii_lowercase())
        || !inside.contains(['"', '\''])
    {
        return naive;
    }
    let limit = (lt + 1 + MAX_TAG).min(bytes.len()).min(lt + 1 + *budget);
    let at = |i: usize| bytes.get(i).copied().filter(|_| i < limit);
    let mut i = lt + 1;
    let end = loop {
        let Some(byte) = at(i) else { break naive };
        i += 1;
        match byte {
            b'>' => break i - 1,
            b'=' => {
                while at(i).is_some_and(|b| b.is_ascii_whitespace()) {
                    i += 1;
                }
                match at(i) {
                    Some(quote @ (b'"' | b'\'')) => {
                        let value = bytes.get(i + 1..limit).unwrap_or_default();
                        match value.iter().position(|b| *b == quote || *b == b'<') {
                            Some(close) if value.get(close) == Some(&quote) => i += close + 2,
                            _ => break naive,
                        }
                    }
                    // An unquoted value runs to a space or `>`: a quote in it opens nothing.
                    _ => {
                        while at(i).is_some_and(|b| !b.is_ascii_whitespace() && b != b'>') {
                            i += 1;
                        }
                    }
                }
            }
            _ => {}
        }
    };
    *budget = budget.saturating_sub(i - lt);
    end
}

struct Tag {
    name: String,
    closing: bool,
    href: Option<String>,
}

impl Tag {
    /// Reads what is between `<` and `>`: `name attr…`, `/name`, `name/`. Only the names
    /// in the module docs are recognised; anything else is `None` and shows as text.
    fn read(inside: &str) -> Option<Tag> {
        let (closing, inside) = match inside.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, inside),
        };
        let name_len = inside.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(inside.len());
        let name = upto(inside, name_len).to_ascii_lowercase();
        let attributes = from(inside, name_len);
        if !Tag::known(&name)
            || (name_len < inside.len() && !attributes.starts_with(|c: char| c.is_whitespace() || c == '/'))
        {
            return None;
        }
        let href = (name == "a" && !closing).then(|| attribute(attributes, "href")).flatten();
        Some(Tag { name, closing, href })
    }

    /// Whether `name` (lower case) is one of the tags in the module docs.
    fn known(name: &str) -> bool {
        matches!(
            name,
            "p" | "div"
                | "br"
                | "ul"
                | "ol"
                | "li"
                | "strong"
                | "b"
                | "em"
                | "i"
                | "a"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
        )
    }
}

/// The value of attribute `name` in an attribute string, read attribute by attribute as
/// HTML does (quoted with `"` or `'`, or unquoted up to whitespace), so an `href=` inside
/// another attribute's value is not taken for the link. The first occurrence wins.
fn attribute(attributes: &str, name: &str) -> Option<String> {
    let mut rest = attributes;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let name_len = rest.find(|c: char| c.is_whitespace() || c == '=' || c == '/').unwrap_or(rest.len());
        // A stray `=` with no name before it is skipped like any other character.
        let found = upto(rest, name_len.max(1));
        rest = from(rest, name_len.max(1)).trim_start();
        let value = match rest.strip_prefix('=') {
            Some(after) => {
                let after = after.trim_start();
                let (value, len) = match after.chars().next() {
                    Some(quote @ ('"' | '\'')) => {
                        let inner = from(after, 1);
                        let end = inner.find(quote).unwrap_or(inner.len());
                        (upto(inner, end), (end + 2).min(after.len()))
                    }
                    _ => {
                        let end = after.find(char::is_whitespace).unwrap_or(after.len());
                        (upto(after, end), end)
                    }
                };
                rest = from(after, len);
                Some(value)
            }
            None => None,
        };
        if found.eq_ignore_ascii_case(name) {
            return Some(value.unwrap_or_default().to_owned());
        }
    }
}

/// Whether `s` starts with the ASCII `prefix`, ignoring ASCII case (by bytes, so a
/// multi-byte character right after the prefix is no problem).
fn starts_with_ignoring_case(s: &str, prefix: &str) -> bool {
    s.as_bytes().get(..prefix.len()).is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// A bare URL without the sentence punctuation that follows it: trailing `.,;:!?'` go, and
/// a trailing `)` only when it closes nothing in the URL (`…/Foo_(bar)` keeps its own).
fn trim_url(url: &str) -> &str {
    let mut url = url;
    loop {
        let trimmed =
            url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '’', '”', '»', '›', '」', '』']);
        let unbalanced =
            trimmed.ends_with(')') && trimmed.matches(')').count() > trimmed.matches('(').count();
        let trimmed = if unbalanced { upto(trimmed, trimmed.len() - 1) } else { trimmed };
        if trimmed.len() == url.len() {
            return url;
        }
        url = trimmed;
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Strong,
    Emphasis,
    Link,
}

/// Blocks being built: the finished ones, the current paragraph or list item (`root`), the
/// inline containers open above it, and the list in progress.
#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    root: Vec<Inline>,
    open: Vec<(Kind, Option<String>, Vec<Inline>)>,
    list: Option<(bool, Vec<Vec<Inline>>)>,
    list_depth: usize,
    newlines: usize,
}

impl Builder {
    fn push(&mut self, item: Inline) {
        let target = match self.open.last_mut() {
            Some((_, _, children)) => children,
            None => &mut self.root,
        };
        match (target.last_mut(), item) {
            (Some(Inline::Text(last)), Inline::Text(more)) => last.push_str(&more),
            (_, item) => target.push(item),
        }
    }

    fn inside_link(&self) -> bool {
        self.open.iter().any(|(kind, href, _)| *kind == Kind::Link && href.is_some())
    }

    fn text(&mut self, raw: &str) {
        // Whitespace with a newline between two tags is layout of the HTML, not text.
        if raw.trim().is_empty() && raw.contains('\n') && self.newlines == 0 && !self.root.is_empty() {
            if raw.contains("\n\n") {
                self.end_paragraph();
            } else {
                // As HTML shows it: a line break between two inline tags is a space (a
                // paragraph's or item's end drops it again).
                self.push(Inline::Text(" ".to_owned()));
            }
            return;
        }
        let decoded = decode_entities(&raw.replace("\r\n", "\n"));
        for (i, segment) in decoded.split('\n').enumerate() {
            if i > 0 {
                self.newlines += 1;
            }
            if segment.trim().is_empty() {
                // Spaces between inline tags part the words ("<b>A</b> <b>B</b>"), and a
                // no-break space is text; only whitespace around line breaks is layout.
                if self.newlines == 0 && !segment.is_empty() {
                    let space =
                        if segment.contains('\u{a0}') { segment.replace(' ', "") } else { " ".to_owned() };
                    self.push(Inline::Text(space));
                }
                continue;
            }
            match self.newlines {
                0 => {}
                1 => self.push(Inline::Break),
                _ => self.end_paragraph(),
            }
            self.newlines = 0;
            if self.inside_link() {
                self.push(Inline::Text(segment.to_owned()));
            } else {
                for item in linkify(segment) {
                    self.push(item);
                }
            }
        }
    }

    fn tag(&mut self, tag: &Tag) {
        self.newlines = 0;
        match (tag.name.as_str(), tag.closing) {
            ("br", _) => self.push(Inline::Break),
            ("p" | "div", _) => self.end_paragraph(),
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", false) => {
                self.end_paragraph();
                self.open_inline(Kind::Strong, None);
            }
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", true) => {
                self.close_inline(Kind::Strong);
                self.end_paragraph();
            }
            ("ul" | "ol", false) => {
                if self.list.is_none() {
                    self.end_paragraph();
                    self.list = Some((tag.name == "ol", Vec::new()));
                } else {
                    self.end_item(); // a nested list continues the outer one, flattened
                }
                self.list_depth += 1;
            }
            ("ul" | "ol", true) => {
                self.list_depth = self.list_depth.saturating_sub(1);
                if self.list_depth == 0 {
                    self.end_list();
                }
            }
            ("li", _) => self.end_item(),
            ("strong" | "b", false) => self.open_inline(Kind::Strong, None),
            ("strong" | "b", true) => self.close_inline(Kind::Strong),
            ("em" | "i", false) => self.open_inline(Kind::Emphasis, None),
            ("em" | "i", true) => self.close_inline(Kind::Emphasis),
            ("a", false) => {
                // A link inside a link, or to an unsafe address, keeps only its text.
                let href = tag.href.as_deref().and_then(safe_href).filter(|_| !self.inside_link());
                self.open_inline(Kind::Link, href);
            }
            ("a", true) => self.close_inline(Kind::Link),
            _ => {}
        }
    }

    fn open_inline(&mut self, kind: Kind, href: Option<String>) {
        if self.open.len() < MAX_DEPTH {
            self.open.push((kind, href, Vec::new()));
        }
    }

    /// Closes the innermost open container of `kind` (and any opened inside it).
    fn close_inline(&mut self, kind: Kind) {
        if !self.open.iter().any(|(k, _, _)| *k == kind) {
            return;
        }
        while let Some((k, href, children)) = self.open.pop() {
            let item = match (k, href) {
                (Kind::Strong, _) => Some(Inline::Strong(children)),
                (Kind::Emphasis, _) => Some(Inline::Emphasis(children)),
                (Kind::Link, Some(href)) => Some(Inline::Link { href, children }),
                (Kind::Link, None) => {
                    for child in children {
                        self.push(child);
                    }
                    None
                }
            };
            if let Some(item) = item.filter(|i| !is_empty(i)) {
                self.push(item);
            }
            if k == kind {
                return;
            }
        }
    }

    fn close_all_inline(&mut self) {
        while let Some((kind, _, _)) = self.open.last() {
            let kind = *kind;
            self.close_inline(kind);
        }
    }

    /// Ends the paragraph (inside a list: the current line of the item).
    fn end_paragraph(&mut self) {
        self.newlines = 0;
        if self.list.is_some() {
            if !self.root.is_empty() {
                self.push(Inline::Break);
            }
            return;
        }
        self.close_all_inline();
        let items = trim(std::mem::take(&mut self.root));
        if !items.is_empty() {
            self.blocks.push(Block::Paragraph(items));
        }
    }

    fn end_item(&mut self) {
        self.close_all_inline();
        let items = trim(std::mem::take(&mut self.root));
        match &mut self.list {
            Some((_, list)) if !items.is_empty() => list.push(items),
            Some(_) => {}
            None if !items.is_empty() => self.blocks.push(Block::Paragraph(items)),
            None => {}
        }
    }

    fn end_list(&mut self) {
        self.end_item();
        if let Some((ordered, items)) = self.list.take() {
            if !items.is_empty() {
                self.blocks.push(Block::List { ordered, items });
            }
        }
        self.list_depth = 0;
    }

    fn finish(mut self) -> Vec<Block> {
        if self.list.is_some() {
            self.end_list();
        }
        self.end_paragraph();
        self.blocks
    }
}

fn is_empty(item: &Inline) -> bool {
    match item {
        Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } => c.is_empty(),
        Inline::Text(t) => t.is_empty(),
        Inline::Break => false,
    }
}

/// Drops leading and trailing breaks and surrounding whitespace of a paragraph.
fn trim(mut items: Vec<Inline>) -> Vec<Inline> {
    while matches!(items.last(), Some(Inline::Break))
        || matches!(items.last(), Some(Inline::Text(t)) if t.trim().is_empty())
    {
        items.pop();
    }
    let leading = items
        .iter()
        .take_while(|i| matches!(i, Inline::Break) || matches!(i, Inline::Text(t) if t.trim().is_empty()))
        .count();
    items.drain(..leading);
    if let Some(Inline::Text(t)) = items.first_mut() {
        *t = t.trim_start().to_owned();
    }
    if let Some(Inline::Text(t)) = items.last_mut() {
        *t = t.trim_end().to_owned();
    }
    items
}

/// Markdown links `[text](url "title")` and bare `http(s)://` URLs in plain text become
/// links (when the address is safe); everything else stays text.
fn linkify(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    // Shared look-ahead for ']' keeps a run of '[' linear.
    let mut next_bracket = text.find(']');
    while !rest.is_empty() {
        let at = text.len() - rest.len();
        while next_bracket.is_some_and(|b| b < at) {
            next_bracket = from(text, at).find(']').map(|offset| at + offset);
        }
        let label_end =
            next_bracket.filter(|b| rest.starts_with('[') && *b > at && b - at <= 1024).map(|b| b - at - 1);
        if let Some((label, href, len)) = label_end.and_then(|end| markdown_link(rest, end)) {
            out.extend((!plain.is_empty()).then(|| Inline::Text(std::mem::take(&mut plain))));
            match safe_href(href) {
                Some(href) => out.push(Inline::Link { href, children: vec![Inline::Text(label.to_owned())] }),
                None => out.push(Inline::Text(upto(rest, len).to_owned())),
            }
            rest = from(rest, len);
            continue;
        }
        if starts_with_ignoring_case(rest, "http://") || starts_with_ignoring_case(rest, "https://") {
            let len =
                rest.find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"')).unwrap_or(rest.len());
            // Sentence punctuation after a URL is not part of it.
            let url = trim_url(upto(rest, len));
            if let Some(href) = safe_href(url) {
                out.extend((!plain.is_empty()).then(|| Inline::Text(std::mem::take(&mut plain))));
                out.push(Inline::Link { href, children: vec![Inline::Text(url.to_owned())] });
                rest = from(rest, url.len());
                continue;
            }
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            plain.push(c);
        }
        rest = chars.as_str();
    }
    if !plain.is_empty() {
        out.push(Inline::Text(plain));
    }
    out
}

/// `[label](href "title")` at the start of `s`, whose `]` is at `label_end` bytes after the
/// `[`: the label, the href, and the length.
fn markdown_link(s: &str, label_end: usize) -> Option<(&str, &str, usize)> {
    let inner = s.strip_prefix('[')?;
    let label = inner.get(..label_end)?;
    if label.is_empty() || label.contains('[') {
        return None;
    }
    let after = inner.get(label_end + 1..)?.strip_prefix('(')?;
    // The `)` that balances the opening one: Wikipedia's `…/Foo_(bar)` keeps its own.
    let mut depth = 0usize;
    let close = after.bytes().take(2048).position(|b| match b {
        b'(' => {
            depth += 1;
            false
        }
        b')' if depth > 0 => {
            depth -= 1;
            false
        }
        b')' => true,
        _ => false,
    })?;
    let target = upto(after, close).trim();
    let href = target.split_whitespace().next()?;
    Some((label, href, 1 + label_end + 2 + close + 1))
}

/// Decodes HTML entities: the common named ones and numeric ones; anything unknown stays.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(upto(rest, at));
        rest = from(rest, at);
        let end = from(rest, 1).find(|c: char| !c.is_ascii_alphanumeric() && c != '#').map(|i| i + 1);
        let (name, len) = match end {
            Some(end) if from(rest, end).starts_with(';') => (between(rest, 1, end), end + 1),
            Some(end) => (between(rest, 1, end), end),
            None => (from(rest, 1), rest.len()),
        };
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            "mdash" => Some('—'),
            "ndash" => Some('–'),
            "rsquo" => Some('’'),
            "lsquo" => Some('‘'),
            "rdquo" => Some('”'),
            "ldquo" => Some('“'),
            "hellip" => Some('…'),
            _ => name.strip_prefix('#').and_then(|n| {
                let code = match n.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => n.parse::<u32>().ok(),
                }?;
                char::from_u32(code).filter(|c| *c != '\0')
            }),
        };
        match decoded.filter(|_| !name.is_empty()) {
            Some(c) => {
                out.push(c);
                rest = from(rest, len);
            }
            None => {
                out.push('&');
                rest = from(rest, 1);
            }
        }
    }
    out.push_str(rest);
    out
}
