//! The microphone and the recorder: `getUserMedia` (asked only when the reader clicks
//! **Start recording**), `MediaRecorder` (WebM/Opus where supported, MP4/AAC where not, about
//! 32 kbit/s) and an `AnalyserNode` sampled every 100 ms for the level meter and the pauses.

use crate::interview::Millis;
use js_sys::{Array, Reflect};
use leptos::prelude::{document, window};
use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AnalyserNode, AudioContext, Blob, BlobEvent, MediaRecorder, MediaRecorderOptions, MediaStream,
    MediaStreamConstraints, MediaStreamTrack,
};

/// Why the microphone could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MicError {
    /// The reader (or the browser's settings) refused the microphone.
    Denied,
    /// The page is in a frame whose host did not allow the microphone.
    FrameBlocked,
    NoMicrophone,
    /// The microphone exists but another program holds it, or it failed.
    Busy,
    /// This browser cannot record.
    Unsupported,
}

impl fmt::Display for MicError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MicError::Denied => "The microphone was refused, so nothing is recorded. To record, allow the microphone for this site in the browser's site settings; you can still answer out loud and mark the key points yourself.",
            MicError::FrameBlocked => FRAME_MESSAGE,
            MicError::NoMicrophone => "No microphone was found. Connect one and try again; you can still answer out loud and mark the key points yourself.",
            MicError::Busy => "The microphone could not be started (another program may be using it). Try again; you can still answer out loud and mark the key points yourself.",
            MicError::Unsupported => "This browser cannot record audio; you can still answer out loud and mark the key points yourself.",
        })
    }
}

/// What a frame's host page must add for recording and transcription.
pub const FRAME_MESSAGE: &str = "This practice widget is in a frame that may not use the microphone. The page around it must add allow=\"microphone; on-device-speech-recognition\" to its iframe. Until then, type your answers instead.";

/// Whether this document may ask for `feature` (Permissions Policy); `true` where the browser
/// cannot say.
pub fn policy_allows(feature: &str) -> bool {
    let doc: JsValue = document().into();
    ["permissionsPolicy", "featurePolicy"]
        .iter()
        .find_map(|name| {
            let policy = Reflect::get(&doc, &(*name).into()).ok()?;
            let allows = Reflect::get(&policy, &"allowsFeature".into())
                .ok()?
                .dyn_into::<js_sys::Function>()
                .ok()?;
            allows.call1(&policy, &feature.into()).ok()?.as_bool()
        })
        .unwrap_or(true)
}

/// The page is in a frame that may not use the microphone.
pub fn frame_blocks_microphone() -> bool {
    let framed = window()
        .parent()
        .ok()
        .flatten()
        .is_some_and(|p| p != window());
    framed && !policy_allows("microphone")
}

/// The container this browser records best: WebM/Opus, else MP4/AAC, else its default.
fn mime() -> Option<&'static str> {
    [
        "audio/webm;codecs=opus",
        "audio/webm",
        "audio/mp4;codecs=mp4a.40.2",
        "audio/mp4",
    ]
    .into_iter()
    .find(|m| MediaRecorder::is_type_supported(m))
}

/// A recording in progress.
pub struct Recording {
    recorder: MediaRecorder,
    stream: MediaStream,
    context: Option<AudioContext>,
    interval: i32,
    started: f64,
    chunks: Rc<RefCell<Vec<JsValue>>>,
    samples: Rc<RefCell<Vec<(Millis, f32)>>>,
    // Kept alive as long as the recording.
    _listeners: Vec<Closure<dyn FnMut(JsValue)>>,
}

/// What a finished (or interrupted) recording holds.
pub struct Take {
    pub blob: Blob,
    pub duration_ms: Millis,
    pub samples: Vec<(Millis, f32)>,
}

fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

fn mic_error(value: JsValue) -> MicError {
    let name = Reflect::get(&value, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" | "SecurityError" if frame_blocks_microphone() => MicError::FrameBlocked,
        "NotAllowedError" | "SecurityError" | "PermissionDeniedError" => MicError::Denied,
        "NotFoundError" | "OverconstrainedError" | "DevicesNotFoundError" => MicError::NoMicrophone,
        _ => MicError::Busy,
    }
}

impl Recording {
    /// Asks for the microphone and starts recording. `on_level` gets the level (0 to 1) ten
    /// times a second; `on_chunk` the recording so far every two seconds (so a reload keeps
    /// it); `on_ended` is called when the microphone goes away (unplugged).
    pub async fn start(
        on_level: impl Fn(f32) + 'static,
        on_chunk: impl Fn(Take) + 'static,
        on_ended: impl Fn() + 'static,
    ) -> Result<Recording, MicError> {
        let devices = window()
            .navigator()
            .media_devices()
            .map_err(|_| MicError::Unsupported)?;
        let constraints = MediaStreamConstraints::new();
        constraints.set_audio(&JsValue::TRUE);
        let promise = devices
            .get_user_media_with_constraints(&constraints)
            .map_err(|_| MicError::Unsupported)?;
        let stream: MediaStream = JsFuture::from(promise)
            .await
            .map_err(mic_error)?
            .unchecked_into();
        let options = MediaRecorderOptions::new();
        options.set_audio_bits_per_second(32_000);
        if let Some(mime) = mime() {
            options.set_mime_type(mime);
        }
        let recorder =
            MediaRecorder::new_with_media_stream_and_media_recorder_options(&stream, &options)
                .map_err(|_| MicError::Unsupported)?;
        let started = now();
        let chunks = Rc::new(RefCell::new(Vec::new()));
        let samples = Rc::new(RefCell::new(Vec::new()));
        let mime = recorder.mime_type();

        let on_data = {
            let chunks = chunks.clone();
            let samples = samples.clone();
            Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
                let Some(data) = event.unchecked_into::<BlobEvent>().data() else {
                    return;
                };
                if data.size() > 0.0 {
                    chunks.borrow_mut().push(data.into());
                    if let Some(so_far) = take(&chunks.borrow(), &mime, started, &samples.borrow())
                    {
                        on_chunk(so_far);
                    }
                }
            })
        };
        recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
        let ended = Closure::<dyn FnMut(JsValue)>::new(move |_| on_ended());
        for track in stream.get_audio_tracks().iter() {
            let track: MediaStreamTrack = track.unchecked_into();
            track.set_onended(Some(ended.as_ref().unchecked_ref()));
        }

        // The level: RMS of the waveform, every 100 ms (also in a background tab, throttled).
        let context = AudioContext::new().ok();
        let analyser = context.as_ref().and_then(|c| {
            let source = c.create_media_stream_source(&stream).ok()?;
            let analyser = c.create_analyser().ok()?;
            analyser.set_fft_size(1024);
            source.connect_with_audio_node(&analyser).ok()?;
            Some(analyser)
        });
        let sample = {
            let samples = samples.clone();
            Closure::<dyn FnMut(JsValue)>::new(move |_| {
                let level = analyser.as_ref().map_or(0.0, rms);
                let at = (now() - started).max(0.0) as Millis;
                samples.borrow_mut().push((at, level));
                on_level(level);
            })
        };
        let interval = window()
            .set_interval_with_callback_and_timeout_and_arguments_0(
                sample.as_ref().unchecked_ref(),
                100,
            )
            .unwrap_or(0);
        let recording = Recording {
            recorder,
            stream,
            context,
            interval,
            started,
            chunks,
            samples,
            _listeners: vec![on_data, ended, sample],
        };
        if recording.recorder.start_with_time_slice(2_000).is_err() {
            // Release the microphone.
            let _ = recording.stop().await;
            return Err(MicError::Busy);
        }
        Ok(recording)
    }

    /// Stops recording and releases the microphone; the take holds everything recorded.
    pub async fn stop(self) -> Option<Take> {
        window().clear_interval_with_handle(self.interval);
        if self.recorder.state() != web_sys::RecordingState::Inactive {
            // The last chunk arrives before `stop`.
            let stopped = js_sys::Promise::new(&mut |resolve, _| {
                self.recorder.set_onstop(Some(&resolve));
            });
            let _ = self.recorder.stop();
            let _ = JsFuture::from(stopped).await;
        }
        for track in self.stream.get_tracks().iter() {
            track.unchecked_into::<MediaStreamTrack>().stop();
        }
        if let Some(context) = &self.context {
            let _ = context.close();
        }
        take(
            &self.chunks.borrow(),
            &self.recorder.mime_type(),
            self.started,
            &self.samples.borrow(),
        )
    }
}

fn take(chunks: &[JsValue], mime: &str, started: f64, samples: &[(Millis, f32)]) -> Option<Take> {
    let parts: Array = chunks.iter().collect();
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_blob_sequence_and_options(&parts, &options).ok()?;
    Some(Take {
        blob,
        duration_ms: (now() - started).max(0.0) as Millis,
        samples: samples.to_vec(),
    })
}

fn rms(analyser: &AnalyserNode) -> f32 {
    let mut wave = vec![0.0f32; analyser.fft_size() as usize];
    analyser.get_float_time_domain_data(&mut wave);
    let sum: f32 = wave.iter().map(|v| v * v).sum();
    (sum / wave.len().max(1) as f32).sqrt()
}
