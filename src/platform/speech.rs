//! On-device speech recognition (the Web Speech API's `processLocally`, Chrome 139 and later),
//! through bindings of its own below: `web-sys` does not have it yet.
//!
//! The default recogniser may send audio to a server, so a recogniser is only ever made by
//! [`OnDevice::new`], which sets `processLocally = true` and refuses a browser that does not
//! keep it; [`OnDevice::start`], the one place that starts a recogniser, checks it again.

use js_sys::{Array, Function, Object, Promise, Reflect};
use leptos::prelude::window;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const LANG: &str = "en-US";

#[wasm_bindgen]
extern "C" {
    /// The class `SpeechRecognition` (Chrome's is also `webkitSpeechRecognition`).
    #[wasm_bindgen(extends = Function)]
    type RecognitionClass;

    /// The window, as far as speech recognition goes.
    type SpeechWindow;

    #[wasm_bindgen(method, getter, js_name = SpeechRecognition)]
    fn speech_recognition(this: &SpeechWindow) -> Option<RecognitionClass>;

    #[wasm_bindgen(method, getter, js_name = webkitSpeechRecognition)]
    fn webkit_speech_recognition(this: &SpeechWindow) -> Option<RecognitionClass>;

    /// Its static `available`, absent from a browser without on-device recognition.
    #[wasm_bindgen(method, getter, js_name = available)]
    fn available_function(this: &RecognitionClass) -> Option<Function>;

    #[wasm_bindgen(method, getter)]
    fn prototype(this: &RecognitionClass) -> Object;

    #[wasm_bindgen(method, catch)]
    fn available(this: &RecognitionClass, options: &Options) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn install(this: &RecognitionClass, options: &Options) -> Result<Promise, JsValue>;

    /// `{ langs, processLocally }`, for `available` and `install`.
    #[wasm_bindgen(extends = Object)]
    type Options;

    #[wasm_bindgen(method, setter)]
    fn set_langs(this: &Options, langs: &Array);

    #[wasm_bindgen(method, setter, js_name = processLocally)]
    fn set_process_locally(this: &Options, value: bool);

    /// A recogniser (`new SpeechRecognition()`).
    type Recognition;

    #[wasm_bindgen(method, getter, js_name = processLocally)]
    fn process_locally(this: &Recognition) -> JsValue;

    #[wasm_bindgen(method, setter, catch, js_name = processLocally)]
    fn set_process_locally(this: &Recognition, value: bool) -> Result<(), JsValue>;

    #[wasm_bindgen(method, setter, catch)]
    fn set_lang(this: &Recognition, value: &str) -> Result<(), JsValue>;

    #[wasm_bindgen(method, setter, catch)]
    fn set_continuous(this: &Recognition, value: bool) -> Result<(), JsValue>;

    #[wasm_bindgen(method, setter, catch, js_name = interimResults)]
    fn set_interim_results(this: &Recognition, value: bool) -> Result<(), JsValue>;

    #[wasm_bindgen(method, setter)]
    fn set_onresult(this: &Recognition, handler: &JsValue);

    #[wasm_bindgen(method, setter)]
    fn set_onend(this: &Recognition, handler: &JsValue);

    #[wasm_bindgen(method, setter)]
    fn set_onerror(this: &Recognition, handler: &JsValue);

    #[wasm_bindgen(method, catch)]
    fn start(this: &Recognition) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch)]
    fn stop(this: &Recognition) -> Result<(), JsValue>;

    /// A `result` event.
    type ResultEvent;

    #[wasm_bindgen(method, getter)]
    fn results(this: &ResultEvent) -> Option<ResultList>;

    /// Every result so far.
    type ResultList;

    #[wasm_bindgen(method, getter)]
    fn length(this: &ResultList) -> u32;

    #[wasm_bindgen(method, indexing_getter)]
    fn get(this: &ResultList, index: u32) -> Option<SpeechResult>;

    /// A result: its alternatives, the best first.
    type SpeechResult;

    #[wasm_bindgen(method, indexing_getter)]
    fn get(this: &SpeechResult, index: u32) -> Option<Alternative>;

    type Alternative;

    #[wasm_bindgen(method, getter)]
    fn transcript(this: &Alternative) -> Option<String>;

    /// An `error` event.
    type ErrorEvent;

    #[wasm_bindgen(method, getter)]
    fn error(this: &ErrorEvent) -> Option<String>;
}

/// Whether on-device recognition of English can run here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    Available,
    /// The language pack can be downloaded (**Download speech recognition**).
    Downloadable,
    Downloading,
    /// No on-device recognition in this browser (or this frame).
    Unavailable,
}

fn class() -> Option<RecognitionClass> {
    let window: SpeechWindow = window().unchecked_into();
    window
        .speech_recognition()
        .or_else(|| window.webkit_speech_recognition())
}

fn options() -> Options {
    let options: Options = Object::new().unchecked_into();
    options.set_langs(&Array::of1(&LANG.into()));
    options.set_process_locally(true);
    options
}

/// Asks `SpeechRecognition.available({ langs: ["en-US"], processLocally: true })`.
pub async fn availability() -> Availability {
    let asked = class().map(|class| class.available(&options()));
    let Some(Ok(promise)) = asked else {
        return Availability::Unavailable;
    };
    match JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_string())
        .as_deref()
    {
        Some("available") => Availability::Available,
        Some("downloadable") => Availability::Downloadable,
        Some("downloading") => Availability::Downloading,
        _ => Availability::Unavailable,
    }
}

/// Downloads the on-device language pack (`SpeechRecognition.install`); the error says why not.
pub async fn install() -> Result<(), String> {
    let asked = class()
        .ok_or(JsValue::NULL)
        .and_then(|class| class.install(&options()));
    let installed = match asked {
        Ok(promise) => JsFuture::from(promise).await,
        Err(e) => Err(e),
    };
    match installed {
        Ok(v) if v.as_bool() == Some(true) => Ok(()),
        Ok(_) => Err(
            "The browser did not install speech recognition (the download was refused or failed)."
                .into(),
        ),
        Err(e) => Err(format!(
            "Speech recognition could not be downloaded: {}.",
            e.dyn_ref::<js_sys::Error>()
                .and_then(|e| e.message().as_string())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "the browser gave no reason".into())
        )),
    }
}

/// A recogniser that runs on the device: it cannot be made without `processLocally = true`.
pub struct OnDevice(Recognition);

impl OnDevice {
    /// A continuous English recogniser with interim results, on the device; `None` where the
    /// browser has no recogniser or does not keep `processLocally`.
    pub fn new() -> Option<OnDevice> {
        let class = class()?;
        // A browser without on-device mode would keep `processLocally` as a plain property
        // and recognise on a server: the class itself must define it, and `available`.
        let on_device = Reflect::has(&class.prototype(), &"processLocally".into()).ok()?
            && class.available_function().is_some();
        if !on_device {
            return None;
        }
        let recogniser: Recognition = Reflect::construct(&class, &Array::new())
            .ok()?
            .unchecked_into();
        recogniser.set_process_locally(true).ok()?;
        recogniser.set_lang(LANG).ok()?;
        recogniser.set_continuous(true).ok()?;
        recogniser.set_interim_results(true).ok()?;
        let device = OnDevice(recogniser);
        device.local().then_some(device)
    }

    fn local(&self) -> bool {
        self.0.process_locally().as_bool() == Some(true)
    }

    /// Starts recognising, only if `processLocally` is still `true`.
    fn start(&self) -> bool {
        self.local() && self.0.start().is_ok()
    }

    fn stop(&self) {
        let _ = self.0.stop();
    }
}

/// Recognition running alongside a recording.
pub struct Listening {
    device: Rc<OnDevice>,
    stopped: Rc<Cell<bool>>,
}

/// The text of every result of a `result` event, best alternative each, joined.
fn results_text(event: &ResultEvent) -> String {
    let Some(results) = event.results() else {
        return String::new();
    };
    (0..results.length())
        .filter_map(|i| results.get(i)?.get(0)?.transcript())
        .collect::<Vec<_>>()
        .join(" ")
}

fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Listening {
    /// Starts on-device recognition; `on_text` gets the whole transcript so far on every
    /// result, `on_error` a plain message when recognition fails. `None` when no on-device
    /// recogniser could start.
    pub fn start(
        on_text: impl Fn(String) + 'static,
        on_error: impl Fn(String) + 'static,
    ) -> Option<Listening> {
        let device = Rc::new(OnDevice::new()?);
        let stopped = Rc::new(Cell::new(false));
        // Text of earlier sessions: the browser may end a continuous session after a silence,
        // and it is started again until the recording stops.
        let earlier = Rc::new(RefCell::new(String::new()));
        let current = Rc::new(RefCell::new(String::new()));
        let result = {
            let (earlier, current) = (earlier.clone(), current.clone());
            Closure::<dyn Fn(ResultEvent)>::new(move |event: ResultEvent| {
                *current.borrow_mut() = results_text(&event);
                on_text(tidy(&format!("{} {}", earlier.borrow(), current.borrow())));
            })
        };
        let end = {
            let (device, stopped) = (device.clone(), stopped.clone());
            Closure::<dyn Fn(JsValue)>::new(move |_| {
                let said = std::mem::take(&mut *current.borrow_mut());
                let joined = tidy(&format!("{} {said}", earlier.borrow()));
                *earlier.borrow_mut() = joined;
                if !stopped.get() {
                    device.start();
                }
            })
        };
        let error = {
            let stopped = stopped.clone();
            Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
                let code = event.error().unwrap_or_default();
                let message = match code.as_str() {
                    // Silence or our own stop: nothing to report.
                    "no-speech" | "aborted" => return,
                    "not-allowed" | "service-not-allowed" => "Speech recognition was not allowed here, so there is no transcript: the recording is kept and you can type what you said.",
                    "language-not-supported" => "On-device speech recognition does not have English installed, so there is no transcript: the recording is kept.",
                    "audio-capture" => "Speech recognition lost the microphone; the transcript stops here.",
                    _ => "Speech recognition stopped with an error; the transcript so far is kept.",
                };
                stopped.set(true);
                on_error(message.to_string());
            })
        };
        // The handlers live as long as the recogniser may call them (after a stop, its final
        // results still arrive), so they are handed to JavaScript's garbage collector.
        device.0.set_onresult(&result.into_js_value());
        device.0.set_onend(&end.into_js_value());
        device.0.set_onerror(&error.into_js_value());
        device.start().then_some(Listening { device, stopped })
    }

    /// Stops listening; the last results still arrive through `on_text`.
    pub fn stop(&self) {
        self.stopped.set(true);
        self.device.stop();
    }
}
