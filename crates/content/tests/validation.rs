//! The content compiler on fixture folders: a valid one, and broken files that must fail with a
//! message naming the file, the line and the entry.

use interview_content::{compile, data_files, library, read, Library, Sources};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn valid() -> Library {
    compile(&fixtures().join("valid")).unwrap_or_else(|errors| panic!("{errors}"))
}

/// The valid folder with its guide replaced by `broken/<name>`; returns the error lines.
fn errors_with_guide(name: &str) -> Vec<String> {
    let mut sources = read(&fixtures().join("valid")).unwrap();
    let path = fixtures().join("broken").join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    sources.guides = vec![(path, text)];
    errors(&sources)
}

fn errors(sources: &Sources) -> Vec<String> {
    match library::build(sources) {
        Ok(_) => panic!("the broken content was accepted"),
        Err(errors) => errors.0.iter().map(|e| e.to_string()).collect(),
    }
}

fn assert_error(errors: &[String], expected: &str) {
    assert!(
        errors.iter().any(|e| e.contains(expected)),
        "expected an error containing {expected:?}, got {errors:#?}"
    );
}

#[test]
fn valid_content_compiles_into_articles_guides_and_questions() {
    let library = valid();
    assert_eq!(library.guides.len(), 1);
    assert_eq!(library.guides[0].sections[0].slug, "storage");
    let ids: Vec<_> = library.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["basics-raid", "basics-drbd"]);
    let raid = &library.questions[0];
    assert_eq!(raid.key_points[0].label, "RAID 10");
    assert_eq!(
        raid.key_points[0].alternatives,
        [vec!["RAID 10"], vec!["RAID10"], vec!["mirror", "stripe"]]
    );
    assert_eq!(raid.related, ["outage"]);
    assert!(raid
        .answer_html
        .as_deref()
        .unwrap()
        .contains("<li>fast I/O</li>"));
    assert!(raid.answer_text.contains("RAID 10 mirrors, then stripes."));
    assert_eq!(library.questions[1].answer_html, None);
}

/// The long texts go into a file per question and per article, named after their checksum, so
/// that a page downloads only what it shows.
#[test]
fn data_files_hold_each_question_and_article_apart() {
    let files = data_files(&valid());
    let names: Vec<&str> = files.questions.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names.len(), 2);
    assert!(
        names[0].starts_with("content-question-basics-raid-"),
        "{names:?}"
    );
    for file in files.all() {
        let checksum = format!("-{:016x}.json", interview_text::checksum(&file.text));
        assert!(file.name.ends_with(&checksum), "{}", file.name);
    }
    // Its own answer and key points, and no other question's.
    let raid = &files.questions[0].text;
    assert!(raid.contains("RAID 10 mirrors, then stripes."), "{raid}");
    assert!(
        raid.contains("\"points\":[\"RAID 10|RAID10|mirror+stripe\""),
        "{raid}"
    );
    assert!(!raid.contains("DRBD"), "{raid}");
    // A question without a model answer has only its key points.
    assert!(!files.questions[1].text.contains("\"answer\""));
    assert!(files
        .articles
        .iter()
        .any(|f| f.name.starts_with("content-article-outage-")));
    assert!(files.marking.name.starts_with("content-marking-"));
    assert!(files.marking.text.contains("\"glossary\":"));
    // The file of every model answer, for the search: the one answer there is.
    assert!(files.answers.text.contains("\"basics-raid\":"));
    assert!(!files.answers.text.contains("\"basics-drbd\""));
    let unique: std::collections::BTreeSet<&str> = files.all().map(|f| f.name.as_str()).collect();
    assert_eq!(unique.len(), files.all().count());
}

#[test]
fn guide_is_also_an_article_with_its_sections_and_questions() {
    let library = valid();
    let guide = library.articles.iter().find(|a| a.id == "basics").unwrap();
    assert_eq!(guide.guide_part, Some(1));
    assert!(guide.html.contains("<h2 id=\"storage\">1. Storage</h2>"));
    assert!(guide
        .html
        .contains("<a href=\"#/q/basics-raid\">What is RAID? Which type is best?</a>"));
    assert!(guide.html.contains("<p>Prose between questions.</p>"));
    assert!(guide.html.contains("without a model answer"));
}

#[test]
fn raw_html_is_text_and_quotes_are_pull_quotes() {
    let library = valid();
    let outage = library.articles.iter().find(|a| a.id == "outage").unwrap();
    assert!(
        outage
            .html
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{}",
        outage.html
    );
    assert!(!outage.html.contains("<script"));
    assert!(outage.html.contains("<blockquote class=\"pull-quote\">"));
    assert!(outage.html.contains("<a href=\"#/q/basics-raid\">RAID</a>"));
    assert_eq!(
        library.footer_html,
        "<p>Read this far? Grab our newsletter.</p>\n"
    );
}

#[test]
fn missing_format_version() {
    let errors = errors_with_guide("no-format.md");
    assert_error(&errors, "broken/no-format.md:1: missing format version");
}

#[test]
fn unsupported_format_version() {
    let mut sources = read(&fixtures().join("valid")).unwrap();
    sources.footer.1 = sources.footer.1.replace("format: 1", "format: 2");
    assert_error(
        &errors(&sources),
        "footer.md:1: unsupported format version `2`",
    );
}

#[test]
fn duplicate_question_ids_name_both_places() {
    let errors = errors_with_guide("duplicate-question.md");
    assert_error(
        &errors,
        "duplicate-question.md:18: question basics-raid: duplicate question id, first used at",
    );
    assert_error(&errors, "duplicate-question.md:10");
}

#[test]
fn duplicate_article_ids() {
    let mut sources = read(&fixtures().join("valid")).unwrap();
    let (_, text) = sources.articles[0].clone();
    sources.articles.push((
        PathBuf::from("content/articles/basics.md"),
        text.replace("id: outage", "id: basics"),
    ));
    assert_error(
        &errors(&sources),
        "part-1-basics.md:3: article basics: duplicate article id, first used at content/articles/basics.md:2",
    );
}

#[test]
fn article_id_must_match_its_file_name() {
    let mut sources = read(&fixtures().join("valid")).unwrap();
    sources.articles[0].1 = sources.articles[0].1.replace("id: outage", "id: other");
    assert_error(&errors(&sources), "outage.md:2: article other: the id `other` must equal the file name without `.md` (`outage`)");
}

#[test]
fn empty_question() {
    assert_error(
        &errors_with_guide("empty-question.md"),
        "empty-question.md:10: question basics-raid: the question is empty",
    );
}

#[test]
fn empty_answer() {
    assert_error(
        &errors_with_guide("empty-answer.md"),
        "empty-answer.md:10: question basics-raid: the model answer is empty",
    );
}

#[test]
fn key_points_count_and_emptiness() {
    assert_error(
        &errors_with_guide("too-many-key-points.md"),
        "too-many-key-points.md:10: question basics-raid: needs 1 to 6 key points (`key:` lines), has 7",
    );
    assert_error(
        &errors_with_guide("empty-key-point.md"),
        "empty-key-point.md:12: question basics-raid: key point `RAID 10 |  | mirror` has an empty alternative",
    );
}

#[test]
fn a_model_answer_must_cover_its_own_key_points() {
    assert_error(
        &errors_with_guide("uncovered-key-point.md"),
        "uncovered-key-point.md:18: question basics-raid: the model answer does not cover its own key point `hot spare`",
    );
}

#[test]
fn a_key_point_alternative_may_not_be_a_lone_everyday_word() {
    assert_error(
        &errors_with_guide("common-word-key.md"),
        "common-word-key.md:17: question basics-raid: key point `more disks`: the alternative `important` is an everyday word",
    );
}

#[test]
fn a_key_point_naming_one_thing_may_not_list_another_of_its_kind() {
    let mut sources = read(&fixtures().join("valid")).unwrap();
    let path = fixtures().join("broken").join("another-member-key.md");
    sources.guides = vec![(path.clone(), std::fs::read_to_string(&path).unwrap())];
    sources.glossary.1 =
        "format: 1\n---\nRAID 10 = RAID 1+0\nkind RAID level: RAID 5, RAID 6, RAID 10\n".into();
    assert_error(
        &errors(&sources),
        "another-member-key.md:15: question basics-raid: key point `RAID 10`: the alternative `RAID 6` names another RAID level than the label does",
    );
    // The same alternatives, with no kinds in the glossary, pass.
    sources.glossary.1 = "format: 1\n---\nRAID 10 = RAID 1+0\n".into();
    assert!(library::build(&sources).is_ok());
}

#[test]
fn a_bad_glossary_line_names_its_file_and_line() {
    let mut sources = read(&fixtures().join("valid")).unwrap();
    sources.glossary.1 = "format: 1\n---\nRAID 10 = RAID 1+0\nAZ\n".into();
    assert_error(
        &errors(&sources),
        "glossary.md:4: a line needs two terms or more",
    );
}

#[test]
fn the_glossary_reaches_the_compiled_library() {
    assert_eq!(valid().glossary, ["RAID 10 = RAID 1+0"]);
}

#[test]
fn unknown_related_article() {
    assert_error(
        &errors_with_guide("unknown-related.md"),
        "unknown-related.md:15: question basics-raid: `related:` names unknown article `no-such-article`",
    );
}

#[test]
fn links_may_only_point_inside_the_app() {
    assert_error(
        &errors_with_guide("outside-link.md"),
        "outside-link.md:16: link `https://example.com/` must point inside the app",
    );
}

#[test]
fn unknown_block_marker() {
    assert_error(
        &errors_with_guide("unknown-block.md"),
        "unknown-block.md:10: unknown block `== quiz: basics-raid`",
    );
}

#[test]
fn the_real_content_compiles() {
    let library = compile(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"))
        .unwrap_or_else(|errors| panic!("{errors}"));
    assert_eq!(library.articles.len(), 10);
    assert_eq!(library.questions.len(), 63);
}

#[test]
fn english_words_a_slip_from_a_key_word_are_real_words() {
    let library = compile(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"))
        .unwrap_or_else(|errors| panic!("{errors}"));
    // "clearer" is a slip away from "cleaner" (easier to configure), and no frequent word.
    assert!(library.real_words.iter().any(|w| w == "clearer"));
    // Only words near a key word ship.
    assert!(!library.real_words.iter().any(|w| w == "zebra"));
    assert!(library.real_words.len() < 5_000);
}
