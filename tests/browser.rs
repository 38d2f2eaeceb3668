//! Browser component tests: `make browser-test` runs them in headless Chromium.
#![cfg(target_arch = "wasm32")]
// Tests, not shipped: the wasm's size rules (clippy.toml) do not bind them.
#![allow(clippy::disallowed_methods)]

use interview_practice::content;
use interview_practice::views::QuestionPage;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the page for one question in a fresh container.
/// The long texts, as the app would fetch them (`views::bodies`), from this build's data file.
fn load_content() {
    content::load_bodies(include_str!(concat!(env!("OUT_DIR"), "/content.json")))
        .expect("the build's data file passes its checksum");
}

fn mount_question(id: &str) -> HtmlElement {
    load_content();
    let question = content::question(id).expect("question exists");
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        // The page keeps the reader's note through their progress.
        interview_practice::progress::provide();
        view! { <QuestionPage question/> }
    });
    handle.forget();
    container
}

fn text(element: &HtmlElement) -> String {
    element.text_content().unwrap_or_default()
}

fn reveal_button(container: &HtmlElement) -> HtmlElement {
    container
        .query_selector("button.reveal")
        .unwrap()
        .expect("a reveal button")
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn question_page_hides_the_answer_until_revealed() {
    let page = mount_question("dba-raid");
    assert!(text(&page).contains("What is RAID? Which type is best?"));
    assert!(text(&page).contains("From “Cloud DBA and Management Interview” by Sean Hull"));
    assert!(!text(&page).contains("Model answer"));
    assert!(page
        .query_selector("textarea#note-dba-raid")
        .unwrap()
        .is_some());
    let button = reveal_button(&page);
    assert_eq!(text(&button), "Reveal answer");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );

    button.click();
    tick().await;

    assert!(text(&page).contains("Model answer"));
    assert!(text(&page).contains("RAID 10! It mirrors each volume"));
    let key_points = page.query_selector_all(".key-points li").unwrap();
    assert!((3..=6).contains(&key_points.length()));
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(text(&button), "Hide answer");

    button.click();
    tick().await;
    assert!(!text(&page).contains("Model answer"));
}

#[wasm_bindgen_test]
async fn question_page_lists_related_reading_and_neighbours() {
    let page = mount_question("ops-multi-az");
    let related = page
        .query_selector(".related")
        .unwrap()
        .expect("related reading");
    let link = related
        .query_selector("a[href='#/article/airbnb-didnt-have-to-fail']")
        .unwrap();
    assert!(link.is_some(), "{}", related.inner_html());
    let next = page.query_selector("a[rel=next]").unwrap().unwrap();
    assert_eq!(next.get_attribute("href").as_deref(), Some("#/q/ops-cdn"));
}

#[wasm_bindgen_test]
async fn question_without_model_answer_says_so() {
    let page = mount_question("ops-drbd");
    reveal_button(&page).click();
    tick().await;
    assert!(text(&page).contains("The guide asks this question without a model answer."));
    assert!(page
        .query_selector("a[href='#/q/dba-read-replicas-multi-az']")
        .unwrap()
        .is_some());
}

/// Mounts this tab's interview page, after starting an interview on `questions`.
fn mount_interview(questions: &'static [&'static str]) -> HtmlElement {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        let progress = interview_practice::progress::provide();
        let setup = interview_practice::interview::Setup {
            count: questions.len(),
            ..Default::default()
        };
        progress.start(setup, questions);
        view! { <interview_practice::views::InterviewPage/> }
    });
    handle.forget();
    container
}

fn button(container: &HtmlElement, label: &str) -> HtmlElement {
    let buttons = container.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|b| b.unchecked_into::<HtmlElement>())
        .find(|b| text(b).starts_with(label))
        .unwrap_or_else(|| panic!("no button {label}"))
}

/// The running question's screen at its start, on the RAID question: its place in the
/// interview (`number`), the question, and the countdown at two minutes.
fn shows_raid_first(screen: &HtmlElement, number: &str) {
    assert!(text(screen).contains(number), "{}", text(screen));
    assert!(text(screen).contains("What is RAID? Which type is best?"));
    let timer = screen
        .query_selector("[role=timer]")
        .unwrap()
        .expect("a timer");
    assert!(matches!(
        text(&timer.unchecked_into()).as_str(),
        "2:00" | "1:59"
    ));
}

#[wasm_bindgen_test]
async fn interview_page_runs_a_question_to_its_summary() {
    let page = mount_interview(&["dba-raid"]);
    tick().await;
    shows_raid_first(&page, "Question 1 of 1");

    let answer: web_sys::HtmlTextAreaElement = page
        .query_selector("textarea#answer")
        .unwrap()
        .expect("the answer box")
        .unchecked_into();
    answer.set_value("RAID 10 mirrors and stripes; RAID 5 has a write penalty");
    answer
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    assert!(
        text(&page).contains("55 / 5000 characters"),
        "{}",
        text(&page)
    );

    button(&page, "Done").click();
    tick().await;
    assert!(text(&page).contains("Model answer"));
    assert!(text(&page).contains("RAID 10 mirrors and stripes; RAID 5 has a write penalty"));
    let covered = page.query_selector_all(".mark.covered").unwrap().length();
    assert!(covered >= 2, "{covered} key points covered");

    button(&page, "Good").click();
    tick().await;
    button(&page, "See summary").click();
    tick().await;
    assert!(
        text(&page).contains("Interview complete"),
        "{}",
        text(&page)
    );
    assert_eq!(
        page.query_selector_all("table.summary tbody tr")
            .unwrap()
            .length(),
        1
    );
}

/// Mounts the running question as the start page's piece shows it while the interview page's
/// piece downloads (`AnsweringShell`), after starting an interview on `questions` in `mode`.
fn mount_shell(
    questions: &'static [&'static str],
    mode: interview_practice::interview::AnswerMode,
) -> (HtmlElement, interview_practice::progress::Progress) {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let started = std::rc::Rc::new(std::cell::Cell::new(None));
    let handle = leptos::mount::mount_to(container.clone(), {
        let started = started.clone();
        move || {
            let progress = interview_practice::progress::provide();
            let setup = interview_practice::interview::Setup {
                count: questions.len(),
                mode,
                ..Default::default()
            };
            progress.start(setup, questions);
            started.set(Some(progress));
            view! { <interview_practice::views::AnsweringShell/> }
        }
    });
    handle.forget();
    (container, started.get().expect("the interview started"))
}

#[wasm_bindgen_test]
async fn interview_shell_takes_the_answer_and_waits_for_the_page() {
    use interview_practice::interview::AnswerMode;
    let (shell, progress) = mount_shell(&["dba-raid", "dba-indexes"], AnswerMode::Type);
    tick().await;
    shows_raid_first(&shell, "Question 1 of 2");
    for label in ["Done", "Skip"] {
        assert!(
            button(&shell, label).has_attribute("disabled"),
            "{label} waits for the page"
        );
    }

    let answer: web_sys::HtmlTextAreaElement = shell
        .query_selector("textarea#answer")
        .unwrap()
        .expect("the answer box")
        .unchecked_into();
    answer.set_value("RAID 10");
    answer
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    assert!(
        text(&shell).contains("7 / 5000 characters"),
        "{}",
        text(&shell)
    );
    // Kept in the interview, for the page that takes over (and saved with it).
    let kept = progress
        .active()
        .and_then(|i| i.attempt().map(|a| a.answer.clone()));
    assert_eq!(kept.as_deref(), Some("RAID 10"));
}

#[wasm_bindgen_test]
async fn interview_shell_of_a_spoken_answer_waits_for_the_page() {
    use interview_practice::interview::AnswerMode;
    let (shell, _) = mount_shell(&["dba-raid"], AnswerMode::Speak);
    tick().await;
    assert_eq!(text(&shell), "Loading…");
}

/// Every key and value in the page's local and session storage.
fn stored() -> Vec<(String, String)> {
    let window = window();
    let mut all = Vec::new();
    for storage in [window.local_storage(), window.session_storage()] {
        let storage = storage.unwrap().expect("storage");
        for i in 0..storage.length().unwrap() {
            let key = storage.key(i).unwrap().unwrap();
            let value = storage.get_item(&key).unwrap().unwrap_or_default();
            all.push((key, value));
        }
    }
    all.sort();
    all
}

#[wasm_bindgen_test]
async fn a_rehearsed_interview_runs_in_memory_only() {
    use interview_practice::interview::{Phase, Setup};
    let before = stored();
    let owner = Owner::new();
    let progress = owner.with(interview_practice::progress::Progress::rehearsal);
    progress.start_rehearsal(Setup::default(), &["dba-raid", "dba-indexes"]);
    let interview = progress.active().expect("the rehearsal's interview runs");
    assert_eq!(interview.attempts.len(), 2);
    assert_eq!(interview.phase(), Phase::Answering);
    owner.cleanup();
    assert_eq!(stored(), before, "nothing stored, no tab claimed");
}

/// Waits `ms` milliseconds of the page's own time (timers run meanwhile).
async fn pause(ms: i32) {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_clock_ticks_until_it_says_stop() {
    let ticks = std::rc::Rc::new(std::cell::Cell::new(0));
    let counted = ticks.clone();
    interview_practice::platform::clock::every(std::time::Duration::from_millis(5), move || {
        counted.set(counted.get() + 1);
        counted.get() < 3
    });
    assert_eq!(ticks.get(), 0, "the first tick comes after one period");
    pause(150).await;
    assert_eq!(ticks.get(), 3);
}

/// The reveal's checklist beside the reader's answer: the words that covered a point are
/// marked, focusing the point highlights them, and its line says them as text.
#[wasm_bindgen_test]
async fn key_points_show_the_answer_words_that_covered_them() {
    use interview_practice::scoring;
    use interview_practice::views::self_check::{AnswerEvidence, KeyPointChecklist};
    let question = content::question("dba-raid").expect("question exists");
    let answer = "I'd pick RAID 1+0, mirrored pairs then striped. I wouldn't use RAID 5.";
    load_content();
    let found = scoring::mark(answer, question).expect("key points loaded");
    let marks: Vec<bool> = found.iter().map(|m| m.covered).collect();
    let evidence: Vec<String> = found.iter().map(|m| scoring::quote(answer, m)).collect();
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let focused = RwSignal::new(None);
    let shown = found.clone();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        view! {
            <AnswerEvidence text=answer.to_string() found=shown focused/>
            <KeyPointChecklist
                points=question.key_points.labels()
                marks=Signal::derive(move || marks.clone())
                evidence
                focused
                on_toggle=|_| {}
            />
        }
    });
    handle.forget();
    tick().await;

    let answer_text = container.query_selector(".your-answer").unwrap().unwrap();
    assert_eq!(answer_text.text_content().unwrap(), answer);
    let items = container
        .query_selector_all(".key-points-check li")
        .unwrap();
    let raid10: HtmlElement = items.get(0).unwrap().unchecked_into();
    assert!(text(&raid10).contains("covered"));
    assert!(text(&raid10).contains("your words: “RAID 1+0”"));
    assert!(container.query_selector("mark.focus").unwrap().is_none());

    // Focus moves into the first point: its words light up, and only its words.
    let checkbox: HtmlElement = raid10
        .query_selector("input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    checkbox.focus().unwrap();
    tick().await;
    let focused_marks = container.query_selector_all("mark.focus").unwrap();
    assert_eq!(focused_marks.length(), 1);
    assert_eq!(
        focused_marks.get(0).unwrap().text_content().unwrap(),
        "RAID 1+0"
    );
    // The negated RAID 5 covers nothing.
    let raid5: HtmlElement = items.get(1).unwrap().unchecked_into();
    assert!(text(&raid5).contains("missed"));
}

/// The `f32`s the app stores (memory states) come back to the bit in the browser as natively.
#[wasm_bindgen_test]
fn stored_numbers_read_in_the_browser_as_written() {
    for f in [
        0.1f32,
        3.4028235e38,
        1e-45,
        1.1754944e-38,
        7.0,
        123.456,
        -0.0,
    ] {
        let text = serde_json::to_string(&f).unwrap();
        assert_eq!(
            serde_json::from_str::<f32>(&text).unwrap().to_bits(),
            f.to_bits(),
            "{text}"
        );
    }
    assert!(serde_json::from_str::<f64>("1e400").is_err());
}

/// A file of the build that cannot be had tells the page (public/boot.js then looks whether a
/// deploy removed the build): a 404, as for a content file a new build renamed.
#[wasm_bindgen_test]
async fn a_missing_file_of_the_build_is_told_to_the_page() {
    use std::cell::Cell;
    use std::rc::Rc;
    let told = Rc::new(Cell::new(0));
    let listener = {
        let told = told.clone();
        wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || told.set(told.get() + 1))
    };
    window()
        .add_event_listener_with_callback(
            "interview-practice:download-failed",
            listener.as_ref().unchecked_ref(),
        )
        .unwrap();
    let missing = interview_practice::platform::fetch::text("content-0000000000000000.json").await;
    assert!(missing.unwrap_err().contains("404"));
    assert_eq!(told.get(), 1);
    window()
        .remove_event_listener_with_callback(
            "interview-practice:download-failed",
            listener.as_ref().unchecked_ref(),
        )
        .unwrap();
}
