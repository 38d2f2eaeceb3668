use super::note::NoteEditor;
use super::trusted_html::TrustedHtml;
use crate::content::{self, Question};
use crate::route::{Browse, Route};
use leptos::prelude::*;

/// A model answer, or a line saying the guide gives none.
pub fn model_answer(html: Option<content::Html>) -> AnyView {
    match html {
        Some(html) => view! { <TrustedHtml html class="answer-text"/> }.into_any(),
        None => view! {
            <p class="no-answer">"The guide asks this question without a model answer."</p>
        }
        .into_any(),
    }
}

/// One question: the question, then on request its model answer, key points and reading.
#[component]
pub fn QuestionPage(question: &'static Question) -> impl IntoView {
    let revealed = RwSignal::new(false);
    let guide = question.guide();
    let source = question.source();
    let section = question.section();
    let (previous, next) = content::neighbours(question.id);
    let section_href = Route::Questions(Browse {
        part: Some(guide.part),
        section: Some(section.slug.into()),
        query: String::new(),
    })
    .href();

    // Fetched now, so the answer is there when the reader asks for it.
    super::bodies::fetch(&[content::DataFile::question(question)]);
    let answer = move || {
        let model = super::bodies::with_question(question, |text| model_answer(text.answer()));
        let key_points = question
            .key_points
            .iter()
            .map(|point| view! { <li>{point.label}</li> })
            .collect_view();
        view! {
            <section id="answer" class="answer" aria-labelledby="answer-heading">
                <h2 id="answer-heading">"Model answer"</h2>
                {model}
                <h3>"Key points"</h3>
                <ul class="key-points">{key_points}</ul>
            </section>
        }
    };

    view! {
        <article class="question">
            <p class="crumbs">
                <a href=Route::Questions(Browse { part: Some(guide.part), ..Browse::default() }).href()>
                    {format!("Part {}: {}", guide.part, guide.short)}
                </a>
                " › "
                <a href=section_href>{section.title}</a>
            </p>
            <h1>{question.ask}</h1>
            <p class="credit">
                "From “"
                <a href=Route::Article(source.id.into()).href()>{source.title}</a>
                "” by " {source.author}
            </p>
            <button
                type="button"
                class="reveal"
                aria-expanded=move || revealed.get().to_string()
                aria-controls="answer"
                on:click=move |_| revealed.update(|r| *r = !*r)
            >
                {move || if revealed.get() { "Hide answer" } else { "Reveal answer" }}
            </button>
            <Show when=move || revealed.get()>{answer}</Show>
            <NoteEditor question=question.id/>
            <Reading question/>
            <nav class="pager" aria-label="Questions">
                {previous.map(|q| view! {
                    <a rel="prev" href=Route::Question(q.id.into()).href()>"← Previous: " {q.ask}</a>
                })}
                {next.map(|q| view! {
                    <a rel="next" href=Route::Question(q.id.into()).href()>"Next: " {q.ask} " →"</a>
                })}
            </nav>
        </article>
    }
}

/// The articles and other questions this question points to.
#[component]
fn Reading(question: &'static Question) -> impl IntoView {
    let articles: Vec<_> = question
        .related
        .iter()
        .filter_map(|id| content::article(id))
        .collect();
    let see: Vec<_> = question
        .see
        .iter()
        .filter_map(|id| content::question(id))
        .collect();
    (!articles.is_empty() || !see.is_empty()).then(|| {
        view! {
            <section class="related" aria-labelledby="related-heading">
                <h2 id="related-heading">"Related"</h2>
                <ul>
                    {articles
                        .into_iter()
                        .map(|a| view! {
                            <li>"Article: "<a href=Route::Article(a.id.into()).href()>{a.title}</a></li>
                        })
                        .collect_view()}
                    {see
                        .into_iter()
                        .map(|q| view! {
                            <li>
                                "Question: "<a href=Route::Question(q.id.into()).href()>{q.ask}</a>
                                {format!(" (part {})", q.part)}
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
