//! Pages as hash URLs (`#/q/<id>`), so every page survives reload and can be shared. The
//! addresses are the pages table's (`crate::pages`). Parsing never fails: anything unknown is
//! `NotFound`. Pure: tested natively.

/// `Route`, the address of every page in the pages table (`crate::pages`), with its parsing
/// and writing.
macro_rules! routes {
    ($(
        $(#[$doc:meta])*
        $Page:ident {
            address: $address:literal $(? $filters:ident: $Query:ident)? $(/ $id:ident: $Id:ty)?,
            $($rest:tt)*
        }
    )*) => {
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Route {
            $( $(#[$doc])* $Page $(($Query))? $((id_type!($id)))?, )*
            NotFound(String),
        }

        impl Route {
            pub fn parse(hash: &str) -> Route {
                let raw = hash.trim_start_matches('#');
                let (raw, query) = raw.split_once('?').unwrap_or((raw, ""));
                let path = raw.split('/').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("/");
                $(
                    if let Some(route) = route_of!(path, query, $Page $address $(? $Query)? $(/ $id)?) {
                        return route;
                    }
                )*
                Route::NotFound(decode(raw.trim_start_matches('/')))
            }

            pub fn href(&self) -> String {
                match self {
                    $( Route::$Page $(($filters))? $(($id))? => href_of!($address $(? $filters)? $(/ $id)?), )*
                    Route::NotFound(path) => format!("#/{}", encode(path)),
                }
            }
        }
    };
}

macro_rules! id_type {
    ($id:ident) => {
        String
    };
}

/// The route `path` and `query` are, if they are this page's.
macro_rules! route_of {
    ($path:ident, $query:ident, $Page:ident $address:literal) => {
        ($path == $address).then_some(Route::$Page)
    };
    ($path:ident, $query:ident, $Page:ident $address:literal ? $Query:ident) => {
        ($path == $address).then(|| Route::$Page($Query::parse($query)))
    };
    ($path:ident, $query:ident, $Page:ident $address:literal / $id:ident) => {
        $path
            .strip_prefix($address)
            .and_then(|rest| rest.strip_prefix('/'))
            .filter(|id| !id.contains('/'))
            .map(|id| Route::$Page(decode(id)))
    };
}

macro_rules! href_of {
    ($address:literal) => {
        concat!("#/", $address).to_string()
    };
    ($address:literal ? $filters:ident) => {
        match $filters.query() {
            query if query.is_empty() => concat!("#/", $address).to_string(),
            query => format!(concat!("#/", $address, "?{}"), query),
        }
    };
    ($address:literal / $id:ident) => {
        format!(concat!("#/", $address, "/{}"), encode($id))
    };
}

crate::pages::pages!(routes);

/// The question browser's filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Browse {
    pub part: Option<u8>,
    pub section: Option<String>,
    pub query: String,
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

    /// The filters as a query string, empty when none is set.
    fn query(&self) -> String {
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
        params.join("&")
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
