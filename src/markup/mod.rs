//! Static markup for readers: the page's no-JavaScript content (`page`) and the embed code with the
//! chart already drawn (`embed`). These modules only escape and assemble: every piece of data goes
//! through [`esc`], and nothing from a dataset ever becomes markup.

pub mod embed;
pub mod page;

/// Escapes text for HTML text and double-quoted attribute values: `& < > " '` become character
/// references, and control characters other than tab and newline (which validation refuses anyway)
/// become U+FFFD, so nothing from a dataset can open a tag, an attribute or an entity.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\t' && c != '\n' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escapes_everything_that_could_become_markup() {
        assert_eq!(
            esc("<a href=\"x\" onclick='y'>&amp;</a>"),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
        );
        assert_eq!(esc("a\u{0}b\u{85}c\td\ne"), "a\u{FFFD}b\u{FFFD}c\td\ne");
        assert_eq!(esc("שלום 👩🏽‍⚕️"), "שלום 👩🏽‍⚕️");
    }
}
