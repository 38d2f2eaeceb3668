use super::interview::Summary;
use crate::interview::{self, format_seconds};
use crate::platform::clock;
use crate::progress::Progress;
use crate::route::Route;
use crate::views::context;
use leptos::prelude::*;

/// Completed interviews, newest first; each opens its review.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let progress = context::<Progress>();
    view! {
        <h1>"Interview history"</h1>
        {move || {
            let done = progress.history();
            if done.is_empty() {
                return view! {
                    <p>"No completed interview yet."</p>
                    <p><a class="button" href=Route::NewInterview.href()>"Set up an interview"</a></p>
                }
                .into_any();
            }
            let rows = done
                .into_iter()
                .map(|i| {
                    let s = interview::Summary::of(&i);
                    view! {
                        <tr>
                            <th scope="row">
                                <a href=Route::PastInterview(i.id.clone()).href()>
                                    {clock::format_local(i.completed_at.unwrap_or(i.started_at))}
                                </a>
                            </th>
                            <td>{i.setup.parts_label()}</td>
                            <td>{s.questions}</td>
                            <td>{format!("{}%", s.score())}</td>
                            <td>{format_seconds(s.used_ms / 1_000)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-wrap" tabindex="0">
                    <table class="history">
                        <caption>"Completed interviews"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Date"</th>
                                <th scope="col">"Guides"</th>
                                <th scope="col">"Questions"</th>
                                <th scope="col">"Score"</th>
                                <th scope="col">"Duration"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
    }
}

/// One completed interview, every answer.
#[component]
pub fn PastInterviewPage(id: String) -> impl IntoView {
    let progress = context::<Progress>();
    move || {
        let found = progress.history().into_iter().find(|i| i.id == id);
        match found {
            Some(interview) => view! { <Summary interview live=false/> }.into_any(),
            None => view! {
                <h1>"Interview not found"</h1>
                <p><a href=Route::History.href()>"All interviews"</a></p>
            }
            .into_any(),
        }
    }
}
