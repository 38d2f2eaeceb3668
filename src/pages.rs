//! Every page of the app, one entry each: its address, its title, its link in the header, the
//! piece of the wasm its code is in, and the component that shows it. `route.rs` makes the
//! addresses of this table (`Route`); `views/app.rs` makes the rest (`Page`: titles, the header's
//! links, each piece's entry points and downloads). A new page is an entry here and its
//! component in `views/` (a file, its `mod` line and its `pub use` in `views/mod.rs`).
//!
//! An entry, its parts in this order:
//! - its name, then `address`: `"history"` is `#/history`; `"history" / id: String` is
//!   `#/history/<id>`, and the component gets `id`; with the type of a content item
//!   (`&'static Question`), the item with that id, and "Page not found" where there is none;
//!   `"questions" ? filters: Browse` is `#/questions?<filters>`, which the page reads from the
//!   route (changing them does not build the page again);
//! - `title`: the page's name in the window's title (empty for the app's name alone);
//! - `navigation`, optional: the text of its link in the header, in this table's order;
//! - `piece`: where its code is: `start`, the start page's piece, which every visit downloads
//!   first; or a group of pages downloaded when one of them first shows, or a link to one is
//!   pointed at. Few groups: wasm-split also makes a file for every set of groups that shares
//!   code, and many files queue on the browser's few connections;
//! - `meanwhile`, optional: what shows while that piece downloads instead of "Loading…", when
//!   the given function says it has something to show; such a page starts downloading its piece
//!   once that has painted, and not when a link to it is pointed at;
//! - `view`: the component, given the address's parameter as the property of that name.

macro_rules! pages {
    ($then:ident) => {
        $then! {
            /// The guides, the library and the one-click interview.
            Home {
                address: "",
                title: "",
                navigation: "Guides",
                piece: start,
                view: Home,
            }
            /// The question browser, filtered by guide, section and words.
            Questions {
                address: "questions" ? filters: Browse,
                title: "Questions",
                navigation: "Questions",
                piece: reading,
                view: QuestionBrowser,
            }
            Question {
                address: "q" / question: &'static crate::content::Question,
                title: question.ask,
                piece: reading,
                view: QuestionPage,
            }
            Article {
                address: "article" / article: &'static crate::content::Article,
                title: article.title,
                piece: reading,
                view: ArticlePage,
            }
            /// Choosing an interview's questions, time and mode.
            NewInterview {
                address: "interview/new",
                title: "Set up an interview",
                piece: interview,
                view: SetupPage,
            }
            /// This tab's interview: running, revealing, or its summary.
            Interview {
                address: "interview",
                title: "Mock interview",
                navigation: "Interview",
                piece: interview,
                meanwhile: AnsweringShell when has_shell,
                view: InterviewPage,
            }
            /// Spaced review: the questions due today.
            Review {
                address: "review",
                title: "Review",
                navigation: "Review",
                piece: marking,
                view: ReviewPage,
            }
            Stats {
                address: "stats",
                title: "Statistics",
                navigation: "Statistics",
                piece: history,
                view: StatsPage,
            }
            History {
                address: "history",
                title: "Interview history",
                navigation: "History",
                piece: history,
                view: HistoryPage,
            }
            /// A completed interview, every answer.
            PastInterview {
                address: "history" / id: String,
                title: "Interview history",
                piece: history,
                view: PastInterviewPage,
            }
            /// Export, import, and the Anki file.
            Data {
                address: "data",
                title: "Your data",
                navigation: "Your data",
                piece: data,
                view: DataPage,
            }
            /// The snippet builder for host pages.
            Embed {
                address: "embed",
                title: "Embed",
                navigation: "Embed",
                piece: data,
                view: EmbedPage,
            }
        }
    };
}
pub(crate) use pages;
