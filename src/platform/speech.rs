//! On-device speech recognition (the Web Speech API's `processLocally`, Chrome 139 and later),
//! reached through `js_sys::Reflect` because `web-sys` does not have it yet.
//!
//! The default recogniser may send audio to a server, so a recogniser is only ever made by
//! [`OnDevice::new`], which sets `processLocally = true` and refuses a browser that does not
//! keep it; [`OnDevice::start`], the one place that starts a recogniser, checks it again.

use js_sys::{Array, Function, Object, Reflect};
use leptos::prelude::window;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const LANG: &str = "en-US";

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

fn class() -> Option<Function> {
    let window: JsValue = window().into();
    ["SpeechRecognition", "webkitSpeechRecognition"]
        .iter()
        .find_map(|name| Reflect::get(&window, &(*name).into()).ok()?.dyn_into().ok())
}

fn options() -> Object {
    let options = Object::new();
    let _ = Reflect::set(&options, &"langs".into(), &Array::of1(&LANG.into()));
    let _ = Reflect::set(&options, &"processLocally".into(), &JsValue::TRUE);
    options
}

async fn call_static(name: &str) -> Result<JsValue, JsValue> {
    let class = class().ok_or(JsValue::NULL)?;
    let method: Function = Reflect::get(&class, &name.into())?.dyn_into()?;
    let promise: js_sys::Promise = method.call1(&class, &options())?.dyn_into()?;
    JsFuture::from(promise).await
}

/// Asks `SpeechRecognition.available({ langs: ["en-US"], processLocally: true })`.
pub async fn availability() -> Availability {
    match call_static("available")
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
    match call_static("install").await {
        Ok(v) if v.as_bool() == Some(true) => Ok(()),
        Ok(_) => Err(
            "The browser did not install speech recognition (the download was refused or failed)."
                .into(),
        ),
        Err(e) => Err(format!(
            "Speech recognition could not be downloaded: {}.",
            Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "the browser gave no reason".into())
        )),
    }
}

/// A recogniser that runs on the device: it cannot be made without `processLocally = true`.
pub struct OnDevice(JsValue);

impl OnDevice {
    /// A continuous English recogniser with interim results, on the device; `None` where the
    /// browser has no recogniser or does not keep `processLocally`.
    pub fn new() -> Option<OnDevice> {
        let class = class()?;
        // A browser without on-device mode would keep `processLocally` as a plain property
        // and recognise on a server: the class itself must define it, and `available`.
        let prototype = Reflect::get(&class, &"prototype".into()).ok()?;
        let on_device = Reflect::has(&prototype, &"processLocally".into()).ok()?
            && Reflect::has(&class, &"available".into()).ok()?;
        if !on_device {
            return None;
        }
        let recogniser = Reflect::construct(&class, &Array::new()).ok()?;
        Reflect::set(&recogniser, &"processLocally".into(), &JsValue::TRUE).ok()?;
        for (name, value) in [
            ("lang", JsValue::from_str(LANG)),
            ("continuous", JsValue::TRUE),
            ("interimResults", JsValue::TRUE),
        ] {
            Reflect::set(&recogniser, &name.into(), &value).ok()?;
        }
        let device = OnDevice(recogniser);
        device.local().then_some(device)
    }

    fn local(&self) -> bool {
        Reflect::get(&self.0, &"processLocally".into())
            .ok()
            .and_then(|v| v.as_bool())
            == Some(true)
    }

    fn set(&self, event: &str, handler: &JsValue) {
        let _ = Reflect::set(&self.0, &format!("on{event}").into(), handler);
    }

    fn call(&self, method: &str) -> bool {
        Reflect::get(&self.0, &method.into())
            .ok()
            .and_then(|m| m.dyn_into::<Function>().ok())
            .is_some_and(|m| m.call0(&self.0).is_ok())
    }

    /// Starts recognising, only if `processLocally` is still `true`.
    fn start(&self) -> bool {
        self.local() && self.call("start")
    }
}

/// Recognition running alongside a recording.
pub struct Listening {
    device: Rc<OnDevice>,
    stopped: Rc<Cell<bool>>,
}

/// The text of every result of a `result` event, best alternative each, joined.
fn results_text(event: &JsValue) -> String {
    let results = Reflect::get(event, &"results".into()).unwrap_or(JsValue::UNDEFINED);
    let length = Reflect::get(&results, &"length".into())
        .ok()
        .and_then(|l| l.as_f64())
        .unwrap_or(0.0) as u32;
    (0..length)
        .filter_map(|i| {
            let result = Reflect::get_u32(&results, i).ok()?;
            let best = Reflect::get_u32(&result, 0).ok()?;
            Reflect::get(&best, &"transcript".into()).ok()?.as_string()
        })
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
            Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
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
            Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
                let code = Reflect::get(&event, &"error".into())
                    .ok()
                    .and_then(|e| e.as_string())
                    .unwrap_or_default();
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
        device.set("result", &result.into_js_value());
        device.set("end", &end.into_js_value());
        device.set("error", &error.into_js_value());
        device.start().then_some(Listening { device, stopped })
    }

    /// Stops listening; the last results still arrive through `on_text`.
    pub fn stop(&self) {
        self.stopped.set(true);
        self.device.call("stop");
    }
}
