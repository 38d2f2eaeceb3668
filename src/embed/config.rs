//! One typed parser for every URL parameter, with an allow-list and length caps. Bad values
//! never break the page: each falls back to its default and is named in a `Problem`.

use crate::content::{self, GUIDES};
use crate::interview::setup::{MAX_COUNT, MAX_SECONDS, MIN_SECONDS};
use crate::interview::{AnswerMode, Order, Setup};
use crate::route::{decode, Browse, Route};

/// Longer query strings are not read at all.
pub const MAX_QUERY: usize = 2_048;
/// Longer values are refused.
pub const MAX_VALUE: usize = 512;
/// The most items in a list parameter (`parts`, `sections`, `q`).
pub const MAX_ITEMS: usize = 30;

/// The values a parameter takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Values {
    OneOf(&'static [&'static str]),
    /// A whole number in this range.
    Number {
        min: u32,
        max: u32,
    },
    /// Guide parts, comma-separated.
    Parts,
    /// Section slugs, or `<part>/<slug>`, comma-separated.
    Sections,
    /// Question ids, comma-separated.
    Questions,
    /// A hex colour.
    Colour,
    /// One of `FLAG_TRUE` or `FLAG_FALSE`.
    Flag,
}

/// Every parameter `parse` reads and the values it accepts. The WordPress plugin checks its
/// attributes against this table (tests/wordpress_parameters.rs writes it out for the plugin);
/// a test here checks `parse` agrees with it.
pub const PARAMETERS: &[(&str, Values)] = &[
    ("mode", Values::OneOf(&["interview", "browse", "question"])),
    ("parts", Values::Parts),
    ("sections", Values::Sections),
    ("q", Values::Questions),
    (
        "count",
        Values::Number {
            min: 1,
            max: MAX_COUNT as u32,
        },
    ),
    (
        "time",
        Values::Number {
            min: MIN_SECONDS,
            max: MAX_SECONDS,
        },
    ),
    ("order", Values::OneOf(&["random", "guide"])),
    ("answer", Values::OneOf(&["type", "speak"])),
    ("theme", Values::OneOf(&["light", "dark", "auto"])),
    ("accent", Values::Colour),
    ("compact", Values::Flag),
];

/// What `compact` reads as true (a bare `compact` too) and as false.
pub const FLAG_TRUE: &[&str] = &["", "1", "true", "yes"];
pub const FLAG_FALSE: &[&str] = &["0", "false", "no"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Opens on a ready-to-start interview.
    Interview,
    /// Opens on the question browser.
    Browse,
    /// Opens on one question.
    Question,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn parse(value: &str) -> Option<Theme> {
        match value {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The `data-theme` attribute, or `None` to follow the system.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// `None`: the whole app, as on the blog.
    pub mode: Option<Mode>,
    pub parts: Vec<u8>,
    /// Sections as `<part>/<slug>`.
    pub sections: Vec<String>,
    /// Fixed question ids (`q`).
    pub questions: Vec<String>,
    pub count: Option<usize>,
    pub seconds: Option<u32>,
    pub order: Option<Order>,
    pub answer: Option<AnswerMode>,
    pub theme: Theme,
    /// A validated `#rrggbb` colour.
    pub accent: Option<String>,
    pub compact: bool,
}

/// A parameter that was ignored, and why; shown to the reader as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub param: String,
    pub reason: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.param, self.reason)
    }
}

/// Parses `location.search` (with or without `?`).
pub fn parse(query: &str) -> (Config, Vec<Problem>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    if query.len() > MAX_QUERY {
        problems.push(problem(
            "URL",
            format!("parameters longer than {MAX_QUERY} characters are ignored"),
        ));
        return (config, problems);
    }
    let mut seen: Vec<String> = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = shorten(&decode(raw_key));
        let value = decode(raw_value);
        if seen.contains(&key) {
            problems.push(problem(
                &key,
                "given more than once; the first is used".into(),
            ));
            continue;
        }
        seen.push(key.clone());
        if value.chars().count() > MAX_VALUE {
            problems.push(problem(&key, format!("longer than {MAX_VALUE} characters")));
            continue;
        }
        if let Err(reason) = apply(&mut config, &key, value.trim()) {
            problems.push(problem(&key, reason));
        }
    }
    (config, problems)
}

fn problem(param: &str, reason: String) -> Problem {
    Problem {
        param: param.to_string(),
        reason,
    }
}

/// Keeps reader-facing echoes of URL text short.
fn shorten(text: &str) -> String {
    if text.chars().count() <= 40 {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(40).collect::<String>())
    }
}

fn quoted(value: &str) -> String {
    format!("“{}”", shorten(value))
}

fn apply(config: &mut Config, key: &str, value: &str) -> Result<(), String> {
    match key {
        "mode" => {
            config.mode = Some(match value {
                "interview" => Mode::Interview,
                "browse" => Mode::Browse,
                "question" => Mode::Question,
                _ => {
                    return Err(format!(
                        "must be interview, browse or question, not {}",
                        quoted(value)
                    ))
                }
            })
        }
        "parts" => {
            config.parts = list(value)?
                .iter()
                .map(|p| match p.parse::<u8>() {
                    Ok(part) if content::guide(part).is_some() => Ok(part),
                    _ => Err(format!(
                        "must list guide parts 1 to {}, not {}",
                        GUIDES.len(),
                        quoted(p)
                    )),
                })
                .collect::<Result<_, _>>()?
        }
        "sections" => {
            config.sections = list(value)?
                .iter()
                .map(|slug| section_key(slug).ok_or_else(|| format!("no section {}", quoted(slug))))
                .collect::<Result<_, _>>()?
        }
        "q" => {
            config.questions = list(value)?
                .iter()
                .map(|id| match content::question(id) {
                    Some(q) => Ok(q.id.to_string()),
                    None => Err(format!("no question {}", quoted(id))),
                })
                .collect::<Result<_, _>>()?
        }
        "count" => config.count = Some(number(value, 1, MAX_COUNT as u32)? as usize),
        "time" => config.seconds = Some(number(value, MIN_SECONDS, MAX_SECONDS)?),
        "order" => {
            config.order = Some(match value {
                "random" => Order::Random,
                "guide" => Order::Guide,
                _ => return Err(format!("must be random or guide, not {}", quoted(value))),
            })
        }
        "answer" => {
            config.answer = Some(match value {
                "type" => AnswerMode::Type,
                "speak" => AnswerMode::Speak,
                _ => return Err(format!("must be type or speak, not {}", quoted(value))),
            })
        }
        "theme" => {
            config.theme = Theme::parse(value)
                .ok_or_else(|| format!("must be light, dark or auto, not {}", quoted(value)))?
        }
        "accent" => config.accent = Some(accent(value)?),
        "compact" => {
            config.compact = if FLAG_TRUE.contains(&value) {
                true
            } else if FLAG_FALSE.contains(&value) {
                false
            } else {
                return Err(format!("must be true or false, not {}", quoted(value)));
            }
        }
        _ => return Err("unknown parameter".into()),
    }
    Ok(())
}

fn list(value: &str) -> Result<Vec<String>, String> {
    let items: Vec<String> = value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if items.is_empty() {
        return Err("is empty".into());
    }
    if items.len() > MAX_ITEMS {
        return Err(format!("lists more than {MAX_ITEMS} items"));
    }
    Ok(items)
}

fn number(value: &str, min: u32, max: u32) -> Result<u32, String> {
    match value.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(format!(
            "must be a whole number from {min} to {max}, not {}",
            quoted(value)
        )),
    }
}

/// `#1a2b3c`, `1a2b3c` or `#abc`, as `#rrggbb` in lower case.
fn accent(value: &str) -> Result<String, String> {
    let hex = value.strip_prefix('#').unwrap_or(value);
    let valid = hex.chars().all(|c| c.is_ascii_hexdigit());
    match hex.len() {
        6 if valid => Ok(format!("#{}", hex.to_ascii_lowercase())),
        3 if valid => Ok(format!(
            "#{}",
            hex.chars()
                .flat_map(|c| [c, c])
                .collect::<String>()
                .to_ascii_lowercase()
        )),
        _ => Err(format!(
            "must be a hex colour such as #0b5cad, not {}",
            quoted(value)
        )),
    }
}

/// Black or white text, whichever reads better on the accent (`#rrggbb`), by WCAG luminance.
/// In `f32`: its `powf` is in the start page's piece anyway (the schedule's), `f64`'s would be a
/// second one there, and the choice is the same for every colour (tested).
pub fn text_on(accent: &str) -> &'static str {
    let channel = |i: usize| {
        let c =
            f32::from(u8::from_str_radix(accent.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0))
                / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    // Contrast with white is (1.05)/(L+0.05); with near-black (#111, L≈0.0056) (L+0.05)/0.0556.
    if 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.0556 {
        "#ffffff"
    } else {
        "#111111"
    }
}

/// A section slug (or `<part>/<slug>`) as `<part>/<slug>`.
fn section_key(slug: &str) -> Option<String> {
    let (part, slug) = match slug.split_once('/') {
        Some((part, slug)) => (part.parse::<u8>().ok(), slug),
        None => (None, slug),
    };
    GUIDES
        .iter()
        .filter(|g| part.is_none_or(|p| p == g.part))
        .find(|g| g.section_index(slug).is_some())
        .map(|g| format!("{}/{slug}", g.part))
}

impl Config {
    /// Whether the URL asks for the widget as embedded on another page.
    pub fn is_configured(&self) -> bool {
        self.mode.is_some()
    }

    /// The interview set-up the parameters describe.
    pub fn setup(&self) -> Setup {
        let defaults = Setup::default();
        let mut parts = self.parts.clone();
        for key in &self.sections {
            if let Some(part) = key.split('/').next().and_then(|p| p.parse().ok()) {
                if !parts.contains(&part) {
                    parts.push(part);
                }
            }
        }
        Setup {
            parts,
            sections: self.sections.clone(),
            count: if self.questions.is_empty() {
                self.count.unwrap_or(defaults.count)
            } else {
                self.questions.len()
            },
            seconds_per_question: self.seconds.unwrap_or(defaults.seconds_per_question),
            order: self.order.unwrap_or(defaults.order),
            mode: self.answer.unwrap_or(defaults.mode),
        }
        .clamped()
    }

    /// The page to open on when the URL names no page.
    pub fn start_route(&self) -> Route {
        match self.mode {
            Some(Mode::Browse) => {
                let section = self.sections.first().and_then(|s| s.split_once('/'));
                Route::Questions(Browse {
                    part: section
                        .and_then(|(part, _)| part.parse().ok())
                        .or(self.parts.first().copied()),
                    section: section.map(|(_, slug)| slug.to_string()),
                    query: String::new(),
                })
            }
            Some(Mode::Question) => match self.questions.first() {
                Some(id) => Route::Question(id.clone()),
                None => Route::Questions(Browse::default()),
            },
            Some(Mode::Interview) | None => Route::Home,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_parameters_is_the_whole_app() {
        let (config, problems) = parse("");
        assert_eq!(config, Config::default());
        assert!(problems.is_empty());
        assert_eq!(config.start_route(), Route::Home);
    }

    #[test]
    fn every_parameter_parses() {
        let (config, problems) = parse(
            "?mode=interview&parts=1,3&sections=cloud-concepts&q=dba-raid,ops-cdn&count=3&time=90\
             &order=guide&answer=speak&theme=dark&accent=%23FF8800&compact=1",
        );
        assert_eq!(problems, []);
        assert_eq!(config.mode, Some(Mode::Interview));
        assert_eq!(config.parts, [1, 3]);
        assert_eq!(config.sections, ["1/cloud-concepts"]);
        assert_eq!(config.questions, ["dba-raid", "ops-cdn"]);
        assert_eq!((config.count, config.seconds), (Some(3), Some(90)));
        assert_eq!(config.order, Some(Order::Guide));
        assert_eq!(config.answer, Some(AnswerMode::Speak));
        assert_eq!(config.theme, Theme::Dark);
        assert_eq!(config.accent.as_deref(), Some("#ff8800"));
        assert!(config.compact);
        let setup = config.setup();
        assert_eq!(setup.count, 2, "a fixed set sets the count");
        assert_eq!(setup.seconds_per_question, 90);
    }

    #[test]
    fn bad_values_fall_back_and_are_named() {
        let (config, problems) = parse(
            "mode=quiz&count=0&time=5&theme=pink&accent=red&parts=4&q=nope&zoom=2&order=guide&order=random",
        );
        let named: Vec<&str> = problems.iter().map(|p| p.param.as_str()).collect();
        assert_eq!(
            named,
            ["mode", "count", "time", "theme", "accent", "parts", "q", "zoom", "order"]
        );
        assert_eq!(config.mode, None);
        assert_eq!(config.count, None);
        assert_eq!(config.theme, Theme::Auto);
        assert_eq!(config.order, Some(Order::Guide));
        assert_eq!(
            problems[1].to_string(),
            "count: must be a whole number from 1 to 30, not “0”"
        );
        assert_eq!(problems[7].to_string(), "zoom: unknown parameter");
    }

    /// Values the table says `values` accepts, and values it refuses.
    fn samples(values: Values) -> (Vec<String>, Vec<String>) {
        let own = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        match values {
            Values::OneOf(names) => (
                own(names),
                names
                    .iter()
                    .flat_map(|n| [format!("{n}s"), n.to_uppercase()])
                    .chain(["".into()])
                    .collect(),
            ),
            Values::Number { min, max } => (
                own(&[&min.to_string(), &max.to_string(), &format!("+{min}")]),
                own(&[
                    &(min - 1).to_string(),
                    &(max + 1).to_string(),
                    "1.5",
                    "-1",
                    "ten",
                    "",
                ]),
            ),
            Values::Parts => {
                let parts: Vec<String> = GUIDES.iter().map(|g| g.part.to_string()).collect();
                let all = parts.join(",");
                let beyond = (GUIDES.len() + 1).to_string();
                (
                    parts.into_iter().chain([all]).collect(),
                    own(&["0", &beyond, "one", ""]),
                )
            }
            Values::Sections => {
                let mut good = Vec::new();
                for guide in GUIDES {
                    for section in guide.sections {
                        good.push(format!("{}/{}", guide.part, section.slug));
                        good.push(section.slug.to_string());
                    }
                }
                (good, own(&["no-such-section", "9/cloud-concepts", ""]))
            }
            Values::Questions => (
                content::QUESTIONS
                    .iter()
                    .map(|q| q.id.to_string())
                    .collect(),
                own(&["no-such-question", ""]),
            ),
            Values::Colour => (
                own(&["#0b5cad", "0B5CAD", "#abc"]),
                own(&["red", "#abcd", "#0b5cadd", "javascript:alert(1)", ""]),
            ),
            Values::Flag => (
                FLAG_TRUE
                    .iter()
                    .chain(FLAG_FALSE)
                    .map(|s| s.to_string())
                    .collect(),
                own(&["maybe", "TRUE", "2"]),
            ),
        }
    }

    #[test]
    fn the_table_of_parameters_is_what_the_parser_reads() {
        let names: Vec<&str> = PARAMETERS.iter().map(|(name, _)| *name).collect();
        assert_eq!(
            names,
            [
                "mode", "parts", "sections", "q", "count", "time", "order", "answer", "theme",
                "accent", "compact"
            ]
        );
        for (name, values) in PARAMETERS {
            let (good, bad) = samples(*values);
            for value in good {
                let query = format!("{name}={}", interview_text::percent_encode(&value));
                assert_eq!(parse(&query).1, [], "{query} is in the table");
            }
            for value in bad {
                let query = format!("{name}={}", interview_text::percent_encode(&value));
                let problems = parse(&query).1;
                assert_eq!(problems.len(), 1, "{query} is not in the table");
                assert_ne!(problems[0].reason, "unknown parameter");
            }
        }
        assert_eq!(parse("label=x").1[0].reason, "unknown parameter");
    }

    #[test]
    fn hostile_input_is_capped_and_stays_text() {
        let long = format!("mode={}", "x".repeat(3_000));
        let (_, problems) = parse(&long);
        assert_eq!(problems[0].param, "URL");
        let (_, problems) = parse("theme=%3Cscript%3Ealert(1)%3C%2Fscript%3E&%ZZ=1&=&&");
        assert_eq!(
            problems[0].reason,
            "must be light, dark or auto, not “<script>alert(1)</script>”"
        );
        let many = format!("q={}", vec!["dba-raid"; 31].join(","));
        assert_eq!(parse(&many).1[0].reason, "lists more than 30 items");
    }

    #[test]
    fn accent_text_keeps_contrast() {
        assert_eq!(text_on("#0b5cad"), "#ffffff");
        assert_eq!(text_on("#ffdd00"), "#111111");
        assert_eq!(text_on("#000000"), "#ffffff");
        assert_eq!(text_on("bad"), "#ffffff");
    }

    /// The contrast of white and of near-black text on `rgb`, by the WCAG formula in `f64`.
    fn contrasts_f64(rgb: u32) -> (f64, f64) {
        let channel = |shift: u32| {
            let c = f64::from((rgb >> shift) & 0xff) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
        (1.05 / (luminance + 0.05), (luminance + 0.05) / 0.0556)
    }

    #[test]
    fn text_on_reads_as_well_as_the_formula_in_f64_on_every_colour() {
        let mut ties = 0;
        for rgb in 0..=0xff_ffff_u32 {
            let accent = format!("#{rgb:06x}");
            let (white, black) = contrasts_f64(rgb);
            let best = if white >= black { "#ffffff" } else { "#111111" };
            if text_on(&accent) != best {
                // Only where both read alike: `f32` rounds the other way at the tie.
                assert!(
                    (white - black).abs() < 1e-5 * white,
                    "{accent}: {white} against {black}"
                );
                ties += 1;
            }
        }
        assert!(ties < 20, "{ties} colours differ");
    }

    #[test]
    fn start_routes() {
        assert_eq!(
            parse("mode=question&q=ops-cdn").0.start_route(),
            Route::Question("ops-cdn".into())
        );
        assert_eq!(
            parse("mode=browse&sections=3/raid").1.len(),
            1,
            "unknown section slug"
        );
        assert_eq!(
            parse("mode=browse&sections=cloud-concepts").0.start_route(),
            Route::Questions(Browse {
                part: Some(1),
                section: Some("cloud-concepts".into()),
                query: String::new()
            })
        );
    }
}
