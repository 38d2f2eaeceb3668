use super::trusted_html::TrustedHtml;
use crate::content::{self, Article};
use crate::route::{Browse, Route};
use leptos::prelude::*;

/// A blog article (or a guide, read as the article it was), with the questions that point to it.
#[component]
pub fn ArticlePage(article: &'static Article) -> impl IntoView {
    let citing: Vec<_> = content::questions_citing(article.id).collect();
    let practise = article.guide_part.map(|part| {
        let href = Route::Questions(Browse {
            part: Some(part),
            ..Browse::default()
        })
        .href();
        view! {
            <p><a class="button" href=href>
                {format!("Practise the {} questions of this guide", content::questions_in(part).count())}
            </a></p>
        }
    });
    view! {
        <article class="article">
            <h1>{article.title}</h1>
            <p class="credit">"By " {article.author}</p>
            {practise}
            {super::bodies::with_article(article, |html| view! {
                <TrustedHtml html class="prose"/>
            })}
            <TrustedHtml html=content::FOOTER_HTML class="newsletter"/>
            {(!citing.is_empty()).then(|| view! {
                <section class="related" aria-labelledby="citing-heading">
                    <h2 id="citing-heading">"Questions that point to this article"</h2>
                    <ul>
                        {citing
                            .into_iter()
                            .map(|q| view! {
                                <li>
                                    <a href=Route::Question(q.id.into()).href()>{q.ask}</a>
                                    {format!(" (part {})", q.part)}
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </section>
            })}
        </article>
    }
}
