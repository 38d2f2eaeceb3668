//! Speak mode: recording the answer (with its level meter and on-device transcription), and
//! playing it back with its transcript and delivery figures. The recorder, the recordings in
//! IndexedDB, the recognition and the delivery figures are a piece of the wasm of their own
//! (`controls`, `player`, `delivery`): an interview answered by typing, as most embedded ones
//! are, never downloads them.

use crate::interview::delivery::Audio;
use crate::interview::Attempt;
use crate::platform::page;
use crate::platform::recorder::{self, Recording, Take};
use crate::platform::recordings;
use crate::platform::speech::{self, Availability, Listening};
use crate::progress::{Progress, Save};
use crate::views::context;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;

/// One recording at a time in a tab: the one running, with what it belongs to.
struct Active {
    recording: Recording,
    listening: Option<Listening>,
    target: Target,
}

#[derive(Clone)]
struct Target {
    interview: String,
    index: usize,
    question: &'static str,
}

thread_local! {
    static ACTIVE: RefCell<Option<Active>> = const { RefCell::new(None) };
    /// Recordings that could not be stored (IndexedDB blocked or full), by key: they play
    /// until the page closes.
    static UNSTORED: RefCell<Vec<(String, web_sys::Blob)>> = const { RefCell::new(Vec::new()) };
}

fn unstored(key: &str) -> Option<web_sys::Blob> {
    UNSTORED.with(|u| {
        u.borrow()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, b)| b.clone())
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Idle,
    Starting,
    Recording,
    Saving,
    Saved,
    /// Stopped, but IndexedDB did not store it (blocked or full): it plays on this page.
    NotStored,
}

/// Changes the interview the recording belongs to, if it is still this tab's.
fn update(
    progress: Progress,
    target: &Target,
    save: Save,
    change: impl FnOnce(&mut crate::interview::Interview),
) {
    progress.update(save, |i| {
        if i.id == target.interview {
            change(i);
        }
    });
}

/// Keeps the take: its measures in the interview, its audio in IndexedDB. `last` is the
/// final take of the recording (older recordings of the question beyond the kept number go).
/// Returns whether IndexedDB stored the audio; where it did not (blocked or full), the audio
/// plays on this page until it closes, and the page's notice says why. Nothing stored before
/// is deleted then: a failed write changes nothing, and older recordings are not pruned.
async fn keep(progress: Progress, target: Target, take: Take, last: bool) -> bool {
    let key = recordings::key(&target.interview, target.index);
    let stored = recordings::put(&key, target.question, js_sys::Date::now(), &take.blob).await;
    let all_stored = UNSTORED.with(|u| {
        let mut u = u.borrow_mut();
        u.retain(|(k, _)| *k != key);
        if stored.is_err() {
            u.push((key.clone(), take.blob.clone()));
        }
        u.is_empty()
    });
    // After the audio is where the player reads it: a player shown meanwhile reloads.
    let audio = Audio::from_levels(take.duration_ms, &take.samples);
    let index = target.index;
    update(
        progress,
        &target,
        if last { Save::Now } else { Save::Soon },
        |i| i.recorded(index, audio),
    );
    if let Err(why) = stored {
        progress.recording_not_stored(why.to_string());
        return false;
    }
    if all_stored {
        // Every recording of this page is stored now (space was freed): the notice goes.
        progress.recordings_stored();
    }
    if last {
        let keep = progress.settings.get_untracked().keep_recordings;
        // Where this fails, the older recordings stay until the next recording prunes them.
        let _ = recordings::prune(target.question, keep).await;
    }
    true
}

/// Stops the recording running in this tab, if any, and keeps what it recorded; `kept` is
/// called once it is, with whether IndexedDB stored it.
pub fn stop(progress: Progress, kept: impl FnOnce(bool) + 'static) -> bool {
    let Some(active) = ACTIVE.with(|a| a.borrow_mut().take()) else {
        return false;
    };
    if let Some(listening) = &active.listening {
        listening.stop();
    }
    spawn_local(async move {
        let stored = match active.recording.stop().await {
            Some(take) => keep(progress, active.target, take, true).await,
            None => true,
        };
        kept(stored);
    });
    true
}

crate::views::pieces::piece!(speak, controls, preload(interview: String, index: usize, question: &'static str) =>
    view! { <SpeakControls interview index question/> });
crate::views::pieces::piece!(speak, player, preload_player(interview: String, index: usize) =>
    view! { <RecordingPlayer interview index/> });
crate::views::pieces::piece!(speak, delivery, preload_delivery(attempt: Signal<Option<Attempt>>) =>
    view! { <DeliveryFigures attempt/> });

/// The speak mode's controls of the answer screen, once their piece of the wasm is here.
pub fn speak_controls(interview: String, index: usize, question: &'static str) -> AnyView {
    crate::views::pieces::deferred("The recorder", crate::views::pieces::loading, move || {
        controls(interview.clone(), index, question)
    })
}

/// The stored recording of an answer, once its piece of the wasm is here.
pub fn recording_player(interview: String, index: usize) -> AnyView {
    crate::views::pieces::deferred("The recording", crate::views::pieces::loading, move || {
        player(interview.clone(), index)
    })
}

/// A spoken answer's delivery figures, once their piece of the wasm is here.
pub fn delivery_figures(attempt: Signal<Option<Attempt>>) -> AnyView {
    crate::views::pieces::deferred(
        "The delivery figures",
        crate::views::pieces::loading,
        move || delivery(attempt),
    )
}

/// The controls of the answer screen in speak mode.
#[component]
fn SpeakControls(interview: String, index: usize, question: &'static str) -> impl IntoView {
    let progress = context::<Progress>();
    let status = RwSignal::new(Status::Idle);
    let level = RwSignal::new(0.0f64);
    let problem = RwSignal::new(None::<String>);
    let speech_note = RwSignal::new(None::<String>);
    let availability = RwSignal::new(None::<Availability>);
    let framed_out = recorder::frame_blocks_microphone();
    let target = Target {
        interview,
        index,
        question,
    };
    let kept_before = progress
        .active()
        .and_then(|i| i.attempts.get(index).and_then(|a| a.audio.clone()))
        .map(|a| a.duration_ms);

    if !framed_out {
        spawn_local(async move {
            let found = speech::availability().await;
            availability.try_set(Some(found));
        });
    }

    let finish = move || {
        if stop(progress, move |stored| {
            status.try_set(if stored {
                Status::Saved
            } else {
                Status::NotStored
            });
        }) {
            status.try_set(Status::Saving);
            level.try_set(0.0);
        }
    };
    // Done, Skip, time up and leaving the page unmount this screen: the recording stops and
    // what it recorded is kept.
    on_cleanup(move || {
        stop(progress, |_| ());
    });
    let hide = window_event_listener(leptos::ev::pagehide, move |_| finish());
    on_cleanup(move || hide.remove());

    let start = {
        let target = target.clone();
        move |_| {
            if status.get_untracked() == Status::Starting
                || status.get_untracked() == Status::Recording
            {
                return;
            }
            status.set(Status::Starting);
            problem.set(None);
            let target = target.clone();
            spawn_local(async move {
                let chunk_target = target.clone();
                let on_level = move |l: f32| {
                    level.try_set(f64::from(l * 4.0).min(1.0));
                    // Hidden page: stop, keeping the part recorded.
                    if !page::visible() {
                        finish();
                    }
                };
                let on_chunk = move |take: Take| {
                    let target = chunk_target.clone();
                    spawn_local(async move {
                        keep(progress, target, take, false).await;
                    });
                };
                let on_ended = move || {
                    problem.try_set(Some(
                        "The microphone was disconnected. What was recorded until then is kept."
                            .into(),
                    ));
                    finish();
                };
                match Recording::start(on_level, on_chunk, on_ended).await {
                    Err(error) => {
                        problem.try_set(Some(error.to_string()));
                        status.try_set(Status::Idle);
                    }
                    Ok(recording) => {
                        let listening = (availability.get_untracked()
                            == Some(Availability::Available))
                        .then(|| {
                            let index = target.index;
                            let text_target = target.clone();
                            Listening::start(
                                move |text| {
                                    update(progress, &text_target, Save::Soon, |i| {
                                        i.set_transcript(index, &text)
                                    })
                                },
                                move |message| {
                                    speech_note.try_set(Some(message));
                                },
                            )
                        })
                        .flatten();
                        if availability.get_untracked() == Some(Availability::Available)
                            && listening.is_none()
                        {
                            speech_note.try_set(Some(
                                "On-device speech recognition could not start, so there is no transcript; the recording goes on.".into(),
                            ));
                        }
                        // A new take replaces the answer's earlier one, and its transcript.
                        let index = target.index;
                        update(progress, &target, Save::Soon, |i| {
                            i.set_transcript(index, "")
                        });
                        ACTIVE.with(|a| {
                            *a.borrow_mut() = Some(Active {
                                recording,
                                listening,
                                target,
                            });
                        });
                        // The question ended while the browser asked for the microphone.
                        if status.try_set(Status::Recording).is_some() {
                            stop(progress, |_| ());
                        }
                    }
                }
            });
        }
    };

    let install = move |_| {
        availability.set(Some(Availability::Downloading));
        speech_note.set(Some("Downloading speech recognition…".into()));
        spawn_local(async move {
            match speech::install().await {
                Ok(()) => {
                    availability.try_set(Some(Availability::Available));
                    speech_note.try_set(Some(
                        "Speech recognition is installed on this device.".into(),
                    ));
                }
                Err(message) => {
                    availability.try_set(Some(speech::availability().await));
                    speech_note.try_set(Some(format!(
                        "{message} Recording and marking the key points yourself still work."
                    )));
                }
            }
        });
    };

    if framed_out {
        return view! {
            <div class="speak-controls">
                <p class="problem" role="alert">{recorder::FRAME_MESSAGE}</p>
                <button type="button" on:click=move |_| progress.update(Save::Now, |i| i.type_instead())>
                    "Type your answers instead"
                </button>
            </div>
        }
        .into_any();
    }

    let live_transcript = move || {
        progress
            .active()
            .and_then(|i| i.attempts.get(index).map(|a| a.answer.clone()))
            .unwrap_or_default()
    };
    view! {
        <div class="speak-controls">
            <p class="speak">
                "Answer out loud now, as you would in the interview. Record it to hear it back, "
                "with a transcript made on this device. Then press Done and check the key points."
            </p>
            {kept_before.map(|ms| view! {
                <p class="meta">{format!("A recording of this answer is kept ({} s). Recording again replaces it.", ms / 1_000)}</p>
            })}
            <div class="actions">
                <Show
                    when=move || status.get() == Status::Recording
                    fallback=move || view! {
                        <button type="button" class="record" on:click=start.clone() disabled=move || matches!(status.get(), Status::Starting | Status::Saving)>
                            "Start recording"
                        </button>
                    }
                >
                    <button type="button" class="record" on:click=move |_| finish()>"Stop recording"</button>
                </Show>
                <label class="level">
                    "Microphone level "
                    <meter min="0" max="1" low="0.08" value=move || level.get().to_string()></meter>
                </label>
            </div>
            <p role="status" class="meta">
                {move || match status.get() {
                    Status::Idle => "",
                    Status::Starting => "Asking for the microphone…",
                    Status::Recording => "Recording on this device.",
                    Status::Saving => "Keeping the recording…",
                    Status::Saved => "Recording stopped and kept on this device. Recording again replaces it.",
                    Status::NotStored => "Recording stopped, but not stored on this device: it plays on this page until you close it.",
                }}
            </p>
            {move || problem.get().map(|p| view! { <p class="problem" role="alert">{p}</p> })}
            <p class="meta">
                {move || match availability.get() {
                    None => "",
                    Some(Availability::Available) => "Transcription runs on this device; no audio leaves it.",
                    Some(Availability::Downloadable) => "Transcription on this device needs a one-time download by the browser.",
                    Some(Availability::Downloading) => "The browser is downloading speech recognition.",
                    Some(Availability::Unavailable) => "On-device speech recognition is not available in this browser, so there is no transcript: the recording still works, and you mark the key points yourself.",
                }}
            </p>
            <Show when=move || availability.get() == Some(Availability::Downloadable)>
                <button type="button" class="secondary" on:click=install>"Download speech recognition"</button>
            </Show>
            {move || speech_note.get().map(|n| view! { <p class="meta" role="status">{n}</p> })}
            <Show when=move || !live_transcript().is_empty()>
                <p class="live-transcript"><span class="meta">"Transcript so far: "</span>{live_transcript}</p>
            </Show>
        </div>
    }
    .into_any()
}

/// The stored recording of an answer, in an audio player labelled **Your recording**.
#[component]
fn RecordingPlayer(interview: String, index: usize) -> impl IntoView {
    let key = recordings::key(&interview, index);
    let url = RwSignal::new(None::<Result<Option<String>, String>>);
    spawn_local(async move {
        let blob = match unstored(&key) {
            Some(blob) => Ok(Some(blob)),
            None => recordings::get(&key).await,
        };
        let found = match blob {
            Ok(Some(blob)) => Ok(web_sys::Url::create_object_url_with_blob(&blob).ok()),
            Ok(None) => Ok(None),
            Err(e) => Err(e.to_string()),
        };
        if url.try_set(Some(found.clone())).is_some() {
            // Unmounted before the recording was read.
            if let Ok(Some(u)) = found {
                let _ = web_sys::Url::revoke_object_url(&u);
            }
        }
    });
    on_cleanup(move || {
        if let Some(Some(Ok(Some(u)))) = url.try_get_untracked() {
            // Not at once: the player being removed may still be reading it, and a URL revoked
            // mid-read fails that read with a console error.
            set_timeout(
                move || {
                    let _ = web_sys::Url::revoke_object_url(&u);
                },
                std::time::Duration::from_secs(1),
            );
        }
    });
    view! {
        <figure class="recording">
            <figcaption>"Your recording"</figcaption>
            {move || match url.get() {
                None => view! { <p class="meta">"Loading the recording…"</p> }.into_any(),
                Some(Ok(Some(src))) => view! { <audio controls src=src aria-label="Your recording"></audio> }.into_any(),
                Some(Ok(None)) => view! { <p class="meta">"This recording was deleted (or never stored)."</p> }.into_any(),
                Some(Err(e)) => view! { <p class="problem">{e}</p> }.into_any(),
            }}
        </figure>
    }
}

/// Delivery figures of a spoken answer, each with its reading.
#[component]
fn DeliveryFigures(#[prop(into)] attempt: Signal<Option<Attempt>>) -> impl IntoView {
    move || {
        attempt.get().and_then(|a| a.delivery()).map(|d| {
            view! {
                <section class="delivery" aria-labelledby="delivery-heading">
                    <h3 id="delivery-heading">"Delivery"</h3>
                    <dl>
                        {d.readings().into_iter().map(|(label, figure, reading)| view! {
                            <div>
                                <dt>{label}</dt>
                                <dd><strong>{figure}</strong>" "<span class="reading">{reading}</span></dd>
                            </div>
                        }).collect_view()}
                    </dl>
                </section>
            }
        })
    }
}
