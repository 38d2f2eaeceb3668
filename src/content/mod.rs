//! The blog's articles and interview guides, compiled from content/ at build time
//! (crates/content) into the statics below, and the long texts in data files by need (`bodies`).
//! Pure: no browser APIs, tested natively.

mod bodies;
mod model;

pub use bodies::{
    answers, article_html, load as load_file, marking, question_text, Answers, BodiesError,
    File as DataFile, Marking, QuestionText,
};
pub use model::{Article, Guide, KeyPoint, KeyPoints, Question, Section};

/// HTML that the content compiler sanitised at build time (crates/content, an allow-list of
/// tags and attributes): the only HTML the app sets as markup. Its field is private to this
/// module (the compiled statics, and `bodies` from the data files that passed their checksum), so
/// no other code can make one, from a reader's text or a URL or anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Html(&'static str);

impl Html {
    pub fn as_str(&self) -> &'static str {
        self.0
    }
}

include!(concat!(env!("OUT_DIR"), "/content.rs"));

pub fn article(id: &str) -> Option<&'static Article> {
    ARTICLES.iter().find(|a| a.id == id)
}

pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

pub fn guide(part: u8) -> Option<&'static Guide> {
    GUIDES.iter().find(|g| g.part == part)
}

/// Articles that are not interview guides: the blog's other reading.
pub fn reading() -> impl Iterator<Item = &'static Article> {
    ARTICLES.iter().filter(|a| a.guide_part.is_none())
}

pub fn questions_in(part: u8) -> impl Iterator<Item = &'static Question> {
    QUESTIONS.iter().filter(move |q| q.part == part)
}

/// Questions that point to the article (`related:`), in guide order.
pub fn questions_citing(article: &str) -> impl Iterator<Item = &'static Question> + '_ {
    QUESTIONS
        .iter()
        .filter(move |q| q.related.contains(&article))
}

/// The questions before and after this one, in guide order across all parts.
pub fn neighbours(id: &str) -> (Option<&'static Question>, Option<&'static Question>) {
    let Some(index) = QUESTIONS.iter().position(|q| q.id == id) else {
        return (None, None);
    };
    let previous = index.checked_sub(1).map(|i| &QUESTIONS[i]);
    (previous, QUESTIONS.get(index + 1))
}

impl Question {
    pub fn guide(&self) -> &'static Guide {
        guide(self.part).expect("the content compiler checks every question's part")
    }

    pub fn section(&self) -> &'static Section {
        &self.guide().sections[self.section]
    }

    /// The article the question was published in, for its credit line.
    pub fn source(&self) -> &'static Article {
        article(self.guide().article).expect("the content compiler checks guide articles")
    }
}

/// The text of build-time HTML without its tags (for search and scoring): the content ships
/// each answer once, as HTML.
pub use interview_text::plain_text;

impl Guide {
    pub fn section_index(&self, slug: &str) -> Option<usize> {
        self.sections.iter().position(|s| s.slug == slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The start page's lists come from the build (`GUIDES_HTML`, `READING_HTML`): each of their
    /// links must be the one the app's router makes, and each count the app's own.
    #[test]
    fn the_start_page_lists_link_where_the_app_routes() {
        use crate::route::{Browse, Route};
        let link = |route: Route| format!("href=\"{}\"", route.href().replace('&', "&amp;"));
        let guides = GUIDES_HTML.as_str();
        for guide in GUIDES {
            let browse = |section: Option<&str>| {
                Route::Questions(Browse {
                    part: Some(guide.part),
                    section: section.map(str::to_string),
                    query: String::new(),
                })
            };
            let count = questions_in(guide.part).count();
            assert!(guides.contains(&format!(
                "{}>Part {}: {}</a>",
                link(browse(None)),
                guide.part,
                guide.short
            )));
            assert!(guides.contains(&format!("{count} questions · from “{}”", guide.title)));
            assert!(guides.contains(&link(Route::Article(guide.article.into()))));
            for (index, section) in guide.sections.iter().enumerate() {
                let count = questions_in(guide.part)
                    .filter(|q| q.section == index)
                    .count();
                assert!(guides.contains(&format!(
                    "{}>{}</a> <span class=\"count\">({count})</span>",
                    link(browse(Some(section.slug))),
                    interview_text::escape(section.title)
                )));
            }
        }
        let library = READING_HTML.as_str();
        assert_eq!(library.matches("<li>").count(), reading().count());
        for article in reading() {
            assert!(library.contains(&format!(
                "{}>{}</a>",
                link(Route::Article(article.id.into())),
                interview_text::escape(article.title)
            )));
        }
    }

    #[test]
    fn three_guides_in_order_with_their_short_names() {
        let shorts: Vec<_> = GUIDES.iter().map(|g| (g.part, g.short)).collect();
        assert_eq!(
            shorts,
            [
                (1, "Operations"),
                (2, "Deployment"),
                (3, "DBA and Architecture")
            ]
        );
    }

    #[test]
    fn ten_articles_by_their_author() {
        assert_eq!(ARTICLES.len(), 10);
        assert!(ARTICLES.iter().all(|a| a.author == "Sean Hull"));
        assert_eq!(reading().count(), 7);
    }

    #[test]
    fn every_guide_question_of_the_blog_is_there_once() {
        let mut ids: Vec<_> = QUESTIONS.iter().map(|q| q.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), QUESTIONS.len());
        assert_eq!(questions_in(1).count(), 23);
        assert_eq!(questions_in(2).count(), 23);
        assert_eq!(questions_in(3).count(), 17);
        // The part 1 teaser repeats part 3 questions: they are not duplicated.
        let backups = QUESTIONS
            .iter()
            .filter(|q| q.ask.starts_with("What can go wrong with backups"))
            .count();
        assert_eq!(backups, 1);
    }

    #[test]
    fn unanswered_teaser_questions_point_elsewhere() {
        for id in ["ops-drbd", "ops-auditing", "ops-benchmark-load-testing"] {
            let q = question(id).unwrap();
            assert!(question_text(q).unwrap().answer().is_none(), "{id}");
            assert!(!q.see.is_empty() || !q.related.is_empty(), "{id}");
        }
    }

    /// The labels live apart from the questions (`KEY_POINTS`): each question finds its own,
    /// in the guide's order, and every label belongs to one question.
    #[test]
    fn each_question_reads_its_own_key_points() {
        let labels: Vec<_> = question("dba-raid")
            .unwrap()
            .key_points
            .iter()
            .map(|k| k.label)
            .collect();
        assert_eq!(
            labels,
            [
                "RAID 10",
                "RAID 5 write penalty",
                "more disks sharing the work",
                "slow rebuild on RAID 5",
                "fast I/O"
            ]
        );
        let total: usize = QUESTIONS.iter().map(|q| q.key_points.len()).sum();
        assert_eq!(total, KEY_POINTS.len());
        assert!(QUESTIONS
            .iter()
            .all(|q| q.key_points.labels().len() == q.key_points.len()));
        // Out of range (never built so) gives no labels rather than a panic.
        let stray = KeyPoints {
            at: u32::MAX,
            len: 3,
        };
        assert!(stray.labels().is_empty());
    }

    #[test]
    fn answers_keep_their_formatting() {
        let tools = question("ops-command-line-tools").unwrap();
        let html = question_text(tools).unwrap().answer().unwrap().as_str();
        assert!(html.contains("<li>rsync (pronounced our-sync)"), "{html}");
        assert_eq!(html.matches("<li>").count(), 11);
    }

    #[test]
    fn multi_az_points_to_the_airbnb_outage() {
        assert!(question("ops-multi-az")
            .unwrap()
            .related
            .contains(&"airbnb-didnt-have-to-fail"));
        assert!(questions_citing("disaster-recovery-lessons-sandy").any(|q| q.id == "dba-backups"));
    }

    #[test]
    fn pull_quotes_are_marked() {
        let airbnb = article_html(article("airbnb-didnt-have-to-fail").unwrap()).unwrap();
        assert!(airbnb
            .as_str()
            .contains("<blockquote class=\"pull-quote\">"));
        assert!(!airbnb.as_str().contains("[quote]"));
    }

    #[test]
    fn answers_as_plain_text() {
        assert_eq!(
            plain_text("<p>A &amp; B &lt;i&gt;</p>\n<ul><li>x</li></ul>"),
            " A & B <i> \n  x  "
        );
        let answers = answers().unwrap();
        let raid = answers.answer_text(question("dba-raid").unwrap());
        assert!(raid.contains("RAID 10! It mirrors each volume"), "{raid}");
        assert!(!raid.contains('<'));
        assert_eq!(answers.answer_text(question("ops-drbd").unwrap()), "");
    }

    #[test]
    fn credits_and_neighbours() {
        let raid = question("dba-raid").unwrap();
        assert_eq!(raid.source().title, "Cloud DBA and Management Interview");
        assert_eq!(raid.section().title, "Database administration experience");
        let (previous, next) = neighbours("dba-raid");
        assert_eq!(previous.unwrap().part, 2);
        assert_eq!(next.unwrap().id, "dba-indexes");
        assert_eq!(neighbours(QUESTIONS[0].id).0, None);
    }
}
