//! Native tests: the rich-text subset, and a hostile corpus that must never yield a link to
//! anything but http(s) or mailto.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::hrefs;
use status_widget::text::{decode_entities, parse, plain_text, safe_href, Block, Inline};

fn text(s: &str) -> Inline {
    Inline::Text(s.to_owned())
}

fn link(href: &str, label: &str) -> Inline {
    Inline::Link { href: href.to_owned(), children: vec![text(label)] }
}

fn para(items: Vec<Inline>) -> Block {
    Block::Paragraph(items)
}

#[test]
fn plain_text_paragraphs_and_breaks() {
    assert_eq!(
        parse("One.\n\nTwo,\nthree."),
        [para(vec![text("One.")]), para(vec![text("Two,"), Inline::Break, text("three.")])]
    );
    assert_eq!(
        parse("a<br />b<BR>c<br/><br/>d"),
        [para(vec![
            text("a"),
            Inline::Break,
            text("b"),
            Inline::Break,
            text("c"),
            Inline::Break,
            Inline::Break,
            text("d"),
        ])]
    );
    assert_eq!(parse("\r\n\r\n  \n"), []);
    assert_eq!(parse("5 < 6 and 7 > 3"), [para(vec![text("5 < 6 and 7 > 3")])]);
}

#[test]
fn html_structure_is_kept() {
    let blocks = parse("<p>Intro</p><ul>\n<li><strong>10:00</strong> started</li>\n<li><em>10:30</em> fixed</li>\n</ul><p>End</p>");
    assert_eq!(
        blocks,
        [
            para(vec![text("Intro")]),
            Block::List {
                ordered: false,
                items: vec![
                    vec![Inline::Strong(vec![text("10:00")]), text(" started")],
                    vec![Inline::Emphasis(vec![text("10:30")]), text(" fixed")],
                ],
            },
            para(vec![text("End")]),
        ]
    );
    assert!(
        matches!(&parse("<ol><li>a</li><li>b</li></ol>")[0], Block::List { ordered: true, items } if items.len() == 2)
    );
}

#[test]
fn links_from_html_markdown_and_bare_urls() {
    assert_eq!(
        parse(r#"See <a href="https://status.aws.amazon.com/">AWS</a>."#),
        [para(vec![text("See "), link("https://status.aws.amazon.com/", "AWS"), text(".")])]
    );
    assert_eq!(
        parse(r#"Read [the docs](https://docs.example.com/x "Docs") now"#),
        [para(vec![text("Read "), link("https://docs.example.com/x", "the docs"), text(" now")])]
    );
    assert_eq!(
        parse("Updates at: https://status.aws.amazon.com/. Thanks"),
        [para(vec![
            text("Updates at: "),
            link("https://status.aws.amazon.com/", "https://status.aws.amazon.com/"),
            text(". Thanks")
        ])]
    );
    assert_eq!(
        parse("mail [us](mailto:ops@example.com)")[0],
        para(vec![text("mail "), link("mailto:ops@example.com", "us")])
    );
}

#[test]
fn entities_and_other_tags() {
    assert_eq!(
        decode_entities("a&amp;b &lt;x&gt; &#8217; &#x2019; &nbsp;&bogus; & &#0; &#xZZ;"),
        "a&b <x> ’ ’ \u{a0}&bogus; & &#0; &#xZZ;"
    );
    // Unknown tags and every attribute but href show as the text they are.
    assert_eq!(parse("<span class=x>hi</span>"), [para(vec![text("<span class=x>hi</span>")])]);
    assert_eq!(plain_text(&parse("<script>alert(1)</script>")), "<script>alert(1)</script>");
}

#[test]
fn real_github_bodies() {
    let fixtures = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/statuspage");
    let Ok(bytes) = std::fs::read(
        fixtures.join("github_incident_6swlsy1h3wy9_legacy-html-body_GitHub-Incident-History.json"),
    ) else {
        assert_ne!(std::env::var("CI").as_deref(), Ok("true"), "fixtures missing under CI");
        return;
    };
    let (_, snapshot) = status_widget::feed::decode(&bytes).unwrap();
    let blocks = parse(&snapshot.incidents[0].updates[0].body);
    let lists = blocks.iter().filter(|b| matches!(b, Block::List { .. })).count();
    assert!(lists >= 1, "the <ul> timeline is a list: {blocks:?}");
    assert!(!plain_text(&blocks).contains("<li>"), "no tag shows as text");
}

#[test]
fn the_hostile_corpus_never_links_anything_unsafe() {
    let corpus = include_str!("corpus/xss.txt");
    for payload in corpus.lines().chain(std::iter::once(corpus)) {
        let blocks = parse(payload);
        for href in hrefs(&blocks) {
            let lower = href.to_ascii_lowercase();
            assert!(
                lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:"),
                "{payload:?} produced href {href:?}"
            );
            assert!(!href.chars().any(|c| c.is_whitespace() || c.is_control()), "{href:?}");
        }
    }
    assert_eq!(safe_href("jav&#x09;ascript:alert(1)"), None);
    assert_eq!(safe_href(" \u{e}javascript:alert(1)"), None);
    assert_eq!(safe_href("https://ok.example/a b").as_deref(), Some("https://ok.example/ab"));
    assert_eq!(safe_href("//evil.example"), None, "protocol-relative is not linked");
}

#[test]
fn pathological_inputs_stay_fast_and_bounded() {
    // Linear-time inputs: each would be quadratic with unbounded look-ahead.
    for body in [
        "<".repeat(100_000),
        "[".repeat(100_000),
        "&".repeat(100_000),
        "x".repeat(100_000),
        "<b>".repeat(30_000),
        // Quoted values are scanned at most MAX_TAG bytes from each `<`.
        format!("{}<a t='>", "<b ".repeat(700)).repeat(40),
        "<a t='".repeat(20_000),
        format!("{}='>'", "<b".repeat(500)).repeat(99),
        format!("{}='>'", "<b ".repeat(300)).repeat(110),
    ] {
        let blocks = parse(&body);
        assert!(plain_text(&blocks).len() <= body.len() * 2);
    }
    // Nesting is bounded: 1,000 nested <b> do not make 1,000 nested elements.
    fn depth(items: &[Inline]) -> usize {
        items
            .iter()
            .map(|i| match i {
                Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } => 1 + depth(c),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }
    let nested = format!("{}deep{}", "<b>".repeat(1000), "</b>".repeat(1000));
    let Block::Paragraph(items) = &parse(&nested)[0] else { panic!() };
    assert!(depth(items) <= 8);
}

mod properties {
    use proptest::prelude::*;
    use status_widget::text::{parse, plain_text};

    /// Fragments real and hostile bodies are made of.
    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z0-9 .,:;!?'-]{0,12}",
            Just("<br />".to_owned()),
            Just("\n".to_owned()),
            Just("\n\n".to_owned()),
            Just("<ul><li>".to_owned()),
            Just("</li></ul>".to_owned()),
            Just("<strong>".to_owned()),
            Just("</strong>".to_owned()),
            Just("<a href=\"".to_owned()),
            Just("\">".to_owned()),
            Just("</a>".to_owned()),
            Just("javascript:".to_owned()),
            Just("jav&#x09;ascript:".to_owned()),
            Just("data:text/html,".to_owned()),
            Just("https://example.com/".to_owned()),
            Just("mailto:a@b.c".to_owned()),
            Just("[x](".to_owned()),
            Just(")".to_owned()),
            Just("&amp;".to_owned()),
            Just("&#".to_owned()),
            Just("<".to_owned()),
            Just(">".to_owned()),
            Just("é\u{202e}\u{200b}".to_owned()),
        ]
    }

    fn body() -> impl Strategy<Value = String> {
        proptest::collection::vec(fragment(), 0..40).prop_map(|parts| parts.concat())
    }

    fn links(blocks: &[status_widget::text::Block]) -> Vec<String> {
        // Reuse the rendering walk through plain Debug output: every href is `href: "..."`.
        let debug = format!("{blocks:?}");
        debug.split("href: \"").skip(1).map(|rest| rest.split('"').next().unwrap_or("").to_owned()).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn no_disallowed_scheme_ever_becomes_a_link(body in body()) {
            for href in links(&parse(&body)) {
                let lower = href.to_ascii_lowercase();
                prop_assert!(lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:"), "{href:?} from {body:?}");
            }
        }

        #[test]
        fn plain_words_are_kept_exactly(words in proptest::collection::vec("[a-zA-Z0-9.,!?']{1,10}", 1..30)) {
            let body = words.join(" ");
            prop_assert_eq!(plain_text(&parse(&body)), body);
        }

        #[test]
        fn text_between_tags_is_never_lost(words in proptest::collection::vec("[a-zA-Z0-9]{1,10}", 1..20)) {
            let body = words.iter().map(|w| format!("<strong>{w}</strong><br />")).collect::<String>();
            let text = plain_text(&parse(&body));
            for word in &words {
                prop_assert!(text.contains(word.as_str()), "{word} lost from {body:?}");
            }
        }
    }
}

#[test]
fn spaces_between_inline_tags_part_the_words() {
    let read = |s: &str| plain_text(&parse(s));
    assert_eq!(read("<strong>Update:</strong> <em>monitoring</em>"), "Update: monitoring");
    assert_eq!(read("<b>A</b>&nbsp;<b>B</b>"), "A\u{a0}B");
    assert_eq!(read("<b>A</b>   <i>B</i> and <b>C</b>"), "A B and C");
    // Whitespace that is layout of the HTML (with line breaks) still adds nothing.
    assert_eq!(read("<p>One</p>\n  <p>Two</p>"), "One\n\nTwo");
    assert_eq!(read("<ul>\n <li>a</li>\n <li>b</li>\n</ul>"), "a\nb");
    assert_eq!(read("<p> </p><p>x</p>"), "x");
}

#[test]
fn links_are_read_as_browsers_read_them() {
    let links = |s: &str| hrefs(&parse(s));
    // Unquoted values run to the next space, slashes and all.
    assert_eq!(
        links("<a href=https://status.example.com/incidents/1>details</a>"),
        ["https://status.example.com/incidents/1"]
    );
    // A bare URL whose host is not ASCII.
    assert_eq!(links("see http://ünicode.example/x now"), ["http://ünicode.example/x"]);
    assert_eq!(links("HTTPS://Example.com/ü."), ["HTTPS://Example.com/ü"]);
    // Parentheses that belong to the address.
    assert_eq!(
        links("[wiki](https://en.wikipedia.org/wiki/Foo_(bar))"),
        ["https://en.wikipedia.org/wiki/Foo_(bar)"]
    );
    assert_eq!(
        links("(see https://en.wikipedia.org/wiki/Foo_(bar))"),
        ["https://en.wikipedia.org/wiki/Foo_(bar)"]
    );
    assert_eq!(links("(see https://example.com/a)."), ["https://example.com/a"]);
    // `href=` inside another attribute's value is that value, not the link.
    assert_eq!(
        links(r#"<a title="x href=https://evil.example/" href="https://good.example/">y</a>"#),
        ["https://good.example/"]
    );
    assert_eq!(links(r#"<a data-x='href="https://evil.example/"'>y</a>"#), Vec::<String>::new());
    assert_eq!(links(r#"<a title="href=javascript:alert(1)">y</a>"#), Vec::<String>::new());
    assert_eq!(links("<a HREF = 'https://a.example/'>y</a>"), ["https://a.example/"]);
    // A `>` inside a quoted value does not end the tag (HTML's rule): the link is made and
    // none of the tag shows as text.
    let body = r#"<a title="a > b" href="https://q.example/">details</a> here"#;
    assert_eq!(links(body), ["https://q.example/"]);
    assert_eq!(plain_text(&parse(body)), "details here");
    let body = "<p class='x>y'>Fixed</p>";
    assert_eq!(plain_text(&parse(body)), "Fixed");
    // An unclosed quote is forgiven: the first `>` ends the tag, even when the sentence
    // goes on with quotes of its own, and nothing of it disappears into the link.
    assert_eq!(plain_text(&parse(r#"<b title="x>bold</b> text"#)), "bold text");
    assert_eq!(plain_text(&parse(r#"<b title="x>bold</b> text, it's "done""#)), r#"bold text, it's "done""#);
    let body = r#"<a href="https://x.example/>Status page</a>: we said "fixed"."#;
    assert_eq!(plain_text(&parse(body)), r#"Status page: we said "fixed"."#);
    assert_eq!(links(body), ["https://x.example/"]);
    let body = r#"<a href="https://x.example/>Status page</a>: we said "fixed". <br>Thanks"#;
    let text = plain_text(&parse(body));
    assert!(text.contains("Status page") && text.contains("we said") && text.contains("Thanks"), "{text:?}");
    // A quote inside an unquoted value opens nothing (HTML's rule).
    assert_eq!(links(r#"<a href=https://a.example/?q=">">t</a> after"#), [r#"https://a.example/?q=""#]);
}
