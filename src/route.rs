//! Pages as hash URLs (`#/q/<id>`), so every page survives reload and can be shared.
//! Parsing never fails: anything unknown is `NotFound`. Pure: tested natively.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Questions(Browse),
    /// Choosing an interview's questions, time and mode.
    NewInterview,
    /// This tab's interview: running, revealing, or its summary.
    Interview,
    History,
    /// A completed interview, every answer.
    PastInterview(String),
    /// The snippet builder for host pages.
    Embed,
    /// Spaced review: the questions due today.
    Review,
    Stats,
    /// Export, import, and the Anki file.
    Data,
    Question(String),
    Article(String),
    NotFound(String),
}

/// The question browser's filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Browse {
    pub part: Option<u8>,
    pub section: Option<String>,
    pub query: String,
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#');
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["questions"] => Route::Questions(Browse::parse(query)),
            ["interview", "new"] => Route::NewInterview,
            ["interview"] => Route::Interview,
            ["history"] => Route::History,
            ["history", id] => Route::PastInterview(decode(id)),
            ["embed"] => Route::Embed,
            ["review"] => Route::Review,
            ["stats"] => Route::Stats,
            ["data"] => Route::Data,
            ["q", id] => Route::Question(decode(id)),
            ["article", id] => Route::Article(decode(id)),
            _ => Route::NotFound(decode(path.trim_start_matches('/'))),
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Questions(browse) => browse.href(),
            Route::NewInterview => "#/interview/new".into(),
            Route::Interview => "#/interview".into(),
            Route::History => "#/history".into(),
            Route::PastInterview(id) => format!("#/history/{}", encode(id)),
            Route::Embed => "#/embed".into(),
            Route::Review => "#/review".into(),
            Route::Stats => "#/stats".into(),
            Route::Data => "#/data".into(),
            Route::Question(id) => format!("#/q/{}", encode(id)),
            Route::Article(id) => format!("#/article/{}", encode(id)),
            Route::NotFound(path) => format!("#/{}", encode(path)),
        }
    }
}

impl Browse {
    fn parse(query: &str) -> Browse {
        let mut browse = Browse::default();
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match key {
                "part" => browse.part = value.parse().ok(),
                "section" if !value.is_empty() => browse.section = Some(value),
                "q" => browse.query = value,
                _ => {}
            }
        }
        browse
    }

    pub fn href(&self) -> String {
        let mut params = Vec::new();
        if let Some(part) = self.part {
            params.push(format!("part={part}"));
        }
        if let Some(section) = &self.section {
            params.push(format!("section={}", encode(section)));
        }
        if !self.query.is_empty() {
            params.push(format!("q={}", encode(&self.query)));
        }
        if params.is_empty() {
            "#/questions".into()
        } else {
            format!("#/questions?{}", params.join("&"))
        }
    }
}

/// Percent-encodes everything but unreserved characters.
pub use interview_text::percent_encode as encode;

/// Decodes `%XX` and `+`; malformed escapes stay as written, invalid UTF-8 is replaced.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_page() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(
            Route::parse("#/q/dba-raid"),
            Route::Question("dba-raid".into())
        );
        assert_eq!(
            Route::parse("#/article/going-solo"),
            Route::Article("going-solo".into())
        );
        assert_eq!(
            Route::parse("#/questions?part=3&section=cloud-concepts&q=raid%2010"),
            Route::Questions(Browse {
                part: Some(3),
                section: Some("cloud-concepts".into()),
                query: "raid 10".into()
            })
        );
        assert_eq!(Route::parse("#/nope/x"), Route::NotFound("nope/x".into()));
    }

    #[test]
    fn href_round_trips() {
        let routes = [
            Route::Home,
            Route::Question("ops-cdn".into()),
            Route::Article("going-solo".into()),
            Route::Questions(Browse::default()),
            Route::NewInterview,
            Route::Interview,
            Route::History,
            Route::PastInterview("19a-3f".into()),
            Route::Embed,
            Route::Review,
            Route::Stats,
            Route::Data,
            Route::Questions(Browse {
                part: Some(1),
                section: None,
                query: "what’s <b>&? 100%".into(),
            }),
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn malformed_input_never_panics() {
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%ff"), "\u{fffd}");
        assert_eq!(
            Route::parse("#/questions?part=99999&q"),
            Route::Questions(Browse::default())
        );
        Route::parse("#/q/%E2%82");
    }
}
