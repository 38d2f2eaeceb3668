//! The WordPress plugin checks its attributes as the widget's parser does, from one table:
//! `wordpress/parameters.json` is `embed::config::PARAMETERS` with the content's guides,
//! sections and question ids, written out. This test fails when the file is out of date;
//! `WRITE_PARAMETERS=1 cargo test --test wordpress_parameters` writes it.
//!
//! tests/wordpress/cases.json holds hard cases (signs, spaces, case, empty list items) with
//! the answer the parser gives; tests/wordpress/parameters-test.php checks the plugin gives
//! the same.
#![cfg(not(target_arch = "wasm32"))]

use interview_practice::content::{GUIDES, QUESTIONS};
use interview_practice::embed::config::{
    self, Theme, Values, FLAG_FALSE, FLAG_TRUE, MAX_ITEMS, MAX_VALUE, PARAMETERS,
};
use interview_practice::interview::Setup;
use serde_json::{json, Value};
use std::path::Path;

fn parameters() -> Value {
    let defaults = Setup::default();
    let list = PARAMETERS
        .iter()
        .map(|(name, values)| {
            let mut parameter = match values {
                Values::OneOf(names) => json!({ "kind": "one_of", "values": names }),
                Values::Number { min, max } => json!({ "kind": "number", "min": min, "max": max }),
                Values::Parts => json!({ "kind": "parts" }),
                Values::Sections => json!({ "kind": "sections" }),
                Values::Questions => json!({ "kind": "questions" }),
                Values::Colour => json!({ "kind": "colour" }),
                Values::Flag => json!({ "kind": "flag", "true": FLAG_TRUE, "false": FLAG_FALSE }),
            };
            parameter["name"] = json!(name);
            // What the widget uses when the parameter is not given.
            let default = match *name {
                "count" => json!(defaults.count),
                "time" => json!(defaults.seconds_per_question),
                "order" => json!(defaults.order),
                "answer" => json!(defaults.mode),
                "theme" => json!(match Theme::default() {
                    Theme::Auto => "auto",
                    Theme::Light => "light",
                    Theme::Dark => "dark",
                }),
                "compact" => json!(config::Config::default().compact),
                _ => Value::Null,
            };
            if !default.is_null() {
                parameter["default"] = default;
            }
            parameter
        })
        .collect::<Vec<_>>();
    let guides = GUIDES
        .iter()
        .map(|g| {
            let sections: Vec<Value> = g
                .sections
                .iter()
                .map(|s| json!({ "slug": s.slug, "title": s.title }))
                .collect();
            json!({ "part": g.part, "title": g.title, "short": g.short, "sections": sections })
        })
        .collect::<Vec<_>>();
    let questions: Vec<&str> = QUESTIONS.iter().map(|q| q.id).collect();
    json!({
        "about": "The widget's URL parameters and the values it accepts, for the WordPress plugin. \
                  Written by tests/wordpress_parameters.rs from src/embed/config.rs and content/: \
                  do not edit.",
        "limits": { "value": MAX_VALUE, "items": MAX_ITEMS },
        "parameters": list,
        "guides": guides,
        "questions": questions,
    })
}

#[test]
fn the_plugins_parameters_file_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("wordpress/parameters.json");
    let written = serde_json::to_string_pretty(&parameters()).expect("JSON") + "\n";
    if std::env::var_os("WRITE_PARAMETERS").is_some() {
        std::fs::write(&path, &written).expect("wordpress/parameters.json is writable");
        return;
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == written,
        "{} is not what src/embed/config.rs and content/ say: run \
         `WRITE_PARAMETERS=1 cargo test --test wordpress_parameters` and commit it",
        path.display()
    );
}

#[test]
fn the_hard_cases_are_answered_as_the_parser_does() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wordpress/cases.json");
    let text = std::fs::read_to_string(&path).expect("tests/wordpress/cases.json");
    let cases: Vec<Value> = serde_json::from_str(&text).expect("cases.json is JSON");
    assert!(cases.len() > 20);
    for case in cases {
        let (name, value, ok) = (
            case["name"].as_str().expect("name"),
            case["value"].as_str().expect("value"),
            case["ok"].as_bool().expect("ok"),
        );
        let query = format!("{name}={}", interview_text::percent_encode(value));
        let problems = config::parse(&query).1;
        assert_eq!(problems.is_empty(), ok, "{name}={value:?}: {problems:?}");
    }
}
