use crate::content::{self, GUIDES};
use crate::route::{Browse, Route};
use leptos::prelude::*;

/// The start page: the three guides with their sections, and the blog's other articles.
#[component]
pub fn Home() -> impl IntoView {
    let guides = GUIDES
        .iter()
        .map(|guide| {
            let count = content::questions_in(guide.part).count();
            let browse = |section: Option<&str>| {
                Route::Questions(Browse {
                    part: Some(guide.part),
                    section: section.map(str::to_string),
                    query: String::new(),
                })
                .href()
            };
            let sections = guide
                .sections
                .iter()
                .enumerate()
                .map(|(index, section)| {
                    let in_section = content::questions_in(guide.part)
                        .filter(|q| q.section == index)
                        .count();
                    view! {
                        <li>
                            <a href=browse(Some(section.slug))>{section.title}</a>
                            " "<span class="count">{format!("({in_section})")}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="guide">
                    <h3>
                        <a href=browse(None)>{format!("Part {}: {}", guide.part, guide.short)}</a>
                    </h3>
                    <p class="meta">{format!("{count} questions · from “{}”", guide.title)}</p>
                    <ul class="sections">{sections}</ul>
                    <p><a href=Route::Article(guide.article.into()).href()>"Read the guide"</a></p>
                </li>
            }
        })
        .collect_view();
    let reading = content::reading()
        .map(|article| {
            view! {
                <li><a href=Route::Article(article.id.into()).href()>{article.title}</a></li>
            }
        })
        .collect_view();
    view! {
        <h1>"Practise for your cloud interview"</h1>
        <p class="lead">
            "Sean Hull’s three-part cloud interview guide, every question with its model answer: "
            "read a question, answer it in your head or out loud, then reveal the answer."
        </p>
        <p>
            <a class="button" href=Route::Questions(Browse::default()).href()>
                {format!("Browse all {} questions", content::QUESTIONS.len())}
            </a>
        </p>
        <section aria-labelledby="guides-heading">
            <h2 id="guides-heading">"The guides"</h2>
            <ul class="guides">{guides}</ul>
        </section>
        <section aria-labelledby="library-heading">
            <h2 id="library-heading">"Further reading from the blog"</h2>
            <ul class="library">{reading}</ul>
        </section>
    }
}
