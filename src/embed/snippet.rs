//! The HTML a host page pastes to embed the widget, built from the Embed page's choices. It
//! has no inline style, so it works on host pages with a strict Content-Security-Policy.

use super::config::{Mode, Theme};

/// The height a frame starts with, so the host page does not jump while it loads.
pub const INITIAL_HEIGHT: u32 = 640;
/// What the frame may use: the microphone and on-device speech recognition (speak mode).
pub const ALLOW: &str = "microphone; on-device-speech-recognition";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choices {
    pub mode: Mode,
    pub parts: Vec<u8>,
    pub count: usize,
    pub seconds: u32,
    pub theme: Theme,
}

impl Default for Choices {
    fn default() -> Self {
        Self {
            mode: Mode::Interview,
            parts: Vec::new(),
            count: 5,
            seconds: 120,
            theme: Theme::Auto,
        }
    }
}

impl Choices {
    /// The widget's URL parameters (read back by `config::parse`).
    pub fn query(&self) -> String {
        let mut params = vec![format!(
            "mode={}",
            match self.mode {
                Mode::Interview => "interview",
                Mode::Browse => "browse",
                Mode::Question => "question",
            }
        )];
        if !self.parts.is_empty() {
            let parts: Vec<String> = self.parts.iter().map(u8::to_string).collect();
            params.push(format!("parts={}", parts.join(",")));
        }
        if self.mode == Mode::Interview {
            params.push(format!("count={}", self.count));
            params.push(format!("time={}", self.seconds));
        }
        if let Some(theme) = self.theme.attribute() {
            params.push(format!("theme={theme}"));
        }
        params.join("&")
    }

    /// The snippet for a widget served at `base` (e.g. `https://example.org/practice/`).
    pub fn snippet(&self, base: &str) -> String {
        let src = format!("{base}?{}", self.query()).replace('&', "&amp;");
        format!(
            "<script src=\"{base}embed.js\" defer></script>\n\
             <iframe data-interview-practice src=\"{src}\" title=\"Interview Practice\" \
             width=\"100%\" height=\"{INITIAL_HEIGHT}\" loading=\"lazy\" allow=\"{ALLOW}\"></iframe>"
        )
    }

    /// The same widget as an `<interview-practice>` element (defined by embed.js): each URL
    /// parameter becomes an attribute of the same name and value.
    pub fn element(&self, base: &str) -> String {
        let attributes: Vec<String> = self
            .query()
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(name, value)| {
                let value = value.replace('&', "&amp;").replace('"', "&quot;");
                format!("{name}=\"{value}\"")
            })
            .collect();
        format!(
            "<script src=\"{base}embed.js\" defer></script>\n\
             <interview-practice {}></interview-practice>",
            attributes.join(" ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed::config::parse;

    #[test]
    fn the_snippet_loads_the_script_and_reserves_height() {
        let snippet = Choices::default().snippet("https://blog.example/practice/");
        assert_eq!(
            snippet,
            "<script src=\"https://blog.example/practice/embed.js\" defer></script>\n\
             <iframe data-interview-practice src=\"https://blog.example/practice/?mode=interview&amp;count=5&amp;time=120\" \
             title=\"Interview Practice\" width=\"100%\" height=\"640\" loading=\"lazy\" \
             allow=\"microphone; on-device-speech-recognition\"></iframe>"
        );
    }

    #[test]
    fn the_element_carries_the_same_parameters_as_attributes() {
        let choices = Choices {
            parts: vec![1, 3],
            theme: Theme::Dark,
            ..Choices::default()
        };
        assert_eq!(
            choices.element("https://blog.example/practice/"),
            "<script src=\"https://blog.example/practice/embed.js\" defer></script>\n\
             <interview-practice mode=\"interview\" parts=\"1,3\" count=\"5\" time=\"120\" \
             theme=\"dark\"></interview-practice>"
        );
        let browse = Choices {
            mode: Mode::Browse,
            ..Choices::default()
        };
        assert!(browse
            .element("/")
            .ends_with("<interview-practice mode=\"browse\"></interview-practice>"));
    }

    #[test]
    fn the_query_reads_back_as_the_same_choices() {
        let choices = Choices {
            mode: Mode::Interview,
            parts: vec![1, 3],
            count: 7,
            seconds: 300,
            theme: Theme::Dark,
        };
        let (config, problems) = parse(&choices.query());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.mode, Some(Mode::Interview));
        assert_eq!(config.parts, [1, 3]);
        assert_eq!((config.count, config.seconds), (Some(7), Some(300)));
        assert_eq!(config.theme, Theme::Dark);
        let browse = Choices {
            mode: Mode::Browse,
            ..Choices::default()
        };
        assert_eq!(browse.query(), "mode=browse");
    }
}
