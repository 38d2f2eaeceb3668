//! Recordings of spoken answers, kept on this device in IndexedDB (database
//! `interview-practice`, object store `recordings`), one record per answer:
//! `{ key: "<interview id>/<question number>", question, saved, at, mime, size, blob }`, where
//! `saved` numbers the saves on this device (see `interview::recordings`).
//! Every failure is a typed error; nothing panics.

pub use crate::interview::recordings::Stored;
use crate::interview::recordings::{beyond, newest_first, next_save};
use crate::transfer::export::{base64_decode, base64_encode, RecordingFile};
use js_sys::{Array, Function, Object, Promise, Reflect};
use leptos::prelude::window;
use std::fmt;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

const DATABASE: &str = "interview-practice";
const STORE: &str = "recordings";

/// Why recordings cannot be kept or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordingsError {
    /// No IndexedDB here (a sandboxed frame, some private modes, storage blocked).
    Blocked,
    /// The device's storage for this site is full.
    Full,
    Failed(String),
}

impl fmt::Display for RecordingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordingsError::Blocked => f.write_str(
                "This browser does not let the page keep recordings here (storage is blocked, as in a sandboxed frame or some private windows).",
            ),
            RecordingsError::Full => f.write_str(
                "The device's storage for this site is full: delete older recordings on Your data.",
            ),
            RecordingsError::Failed(why) => write!(f, "The recording could not be stored: {why}."),
        }
    }
}

fn error(value: JsValue) -> RecordingsError {
    let name = Reflect::get(&value, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" => RecordingsError::Full,
        "SecurityError" | "InvalidStateError" => RecordingsError::Blocked,
        _ => RecordingsError::Failed(
            Reflect::get(&value, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .filter(|m| !m.is_empty())
                .unwrap_or(name),
        ),
    }
}

/// A request's result, once it succeeds or fails.
async fn done(request: &IdbRequest) -> Result<JsValue, RecordingsError> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let ok = Closure::once_into_js(move |event: web_sys::Event| {
            let result = event
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.result().ok())
                .unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::NULL, &result);
        });
        let failed = Closure::once_into_js(move |event: web_sys::Event| {
            let why = event
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.error().ok().flatten())
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &why);
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(failed.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(error)
}

async fn open() -> Result<IdbDatabase, RecordingsError> {
    let factory = window()
        .indexed_db()
        .map_err(|_| RecordingsError::Blocked)?
        .ok_or(RecordingsError::Blocked)?;
    let request = factory.open_with_u32(DATABASE, 1).map_err(error)?;
    let upgrade = Closure::once_into_js(move |event: web_sys::Event| {
        let db = event
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            let options = web_sys::IdbObjectStoreParameters::new();
            options.set_key_path(&"key".into());
            let _ = db.create_object_store_with_optional_parameters(STORE, &options);
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    done(&request)
        .await?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| RecordingsError::Blocked)
}

/// Settles when `transaction` commits, or fails with the reason it was aborted. A write is
/// stored only once its transaction commits: Chromium checks the site's quota then, after the
/// request itself has succeeded, so full storage shows only here.
fn committed(transaction: &IdbTransaction) -> JsFuture {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let complete = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let aborted = Closure::once_into_js(move |event: web_sys::Event| {
            let why = event
                .target()
                .and_then(|t| t.dyn_into::<IdbTransaction>().ok())
                .and_then(|t| t.error())
                .map(JsValue::from)
                .unwrap_or_else(|| js_sys::Error::new("the browser cancelled the write").into());
            let _ = reject.call1(&JsValue::NULL, &why);
        });
        transaction.set_oncomplete(Some(complete.unchecked_ref()));
        transaction.set_onabort(Some(aborted.unchecked_ref()));
    });
    // Handled from now on, so an abort is never an unhandled rejection.
    JsFuture::from(promise)
}

/// Runs `action` in a transaction on the store; its result once the transaction has committed.
async fn transact(
    db: &IdbDatabase,
    mode: IdbTransactionMode,
    action: impl FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<JsValue, RecordingsError> {
    let transaction = db
        .transaction_with_str_and_mode(STORE, mode)
        .map_err(error)?;
    let commit = committed(&transaction);
    let store = transaction.object_store(STORE).map_err(error)?;
    let request = action(&store).map_err(error)?;
    let result = done(&request).await?;
    commit.await.map_err(error)?;
    Ok(result)
}

async fn run(
    mode: IdbTransactionMode,
    action: impl FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<JsValue, RecordingsError> {
    let db = open().await?;
    let result = transact(&db, mode, action).await;
    db.close();
    result
}

fn field(record: &JsValue, name: &str) -> JsValue {
    Reflect::get(record, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

fn stored(record: &JsValue) -> Stored {
    Stored {
        key: field(record, "key").as_string().unwrap_or_default(),
        question: field(record, "question").as_string().unwrap_or_default(),
        // Absent from recordings stored before saves were numbered.
        saved: field(record, "saved")
            .as_f64()
            .filter(|n| n.is_finite() && *n >= 0.0)
            .map_or(0, |n| n as u64),
        at: field(record, "at").as_f64().unwrap_or(0.0),
        size: field(record, "size").as_f64().unwrap_or(0.0),
        mime: field(record, "mime").as_string().unwrap_or_default(),
    }
}

/// The key of the recording of question `index` (from 0) of interview `interview`.
pub fn key(interview: &str, index: usize) -> String {
    format!("{interview}/{}", index + 1)
}

/// Stores (or replaces) a recording, as the last one saved.
pub async fn put(key: &str, question: &str, at: f64, blob: &Blob) -> Result<(), RecordingsError> {
    let saved = next_save(&list().await?);
    put_saved(key, question, saved, at, blob).await
}

async fn put_saved(
    key: &str,
    question: &str,
    saved: u64,
    at: f64,
    blob: &Blob,
) -> Result<(), RecordingsError> {
    let record = Object::new();
    for (name, value) in [
        ("key", JsValue::from_str(key)),
        ("question", JsValue::from_str(question)),
        ("saved", JsValue::from_f64(saved as f64)),
        ("at", JsValue::from_f64(at)),
        ("mime", JsValue::from_str(&blob.type_())),
        ("size", JsValue::from_f64(blob.size())),
        ("blob", blob.into()),
    ] {
        let _ = Reflect::set(&record, &name.into(), &value);
    }
    run(IdbTransactionMode::Readwrite, |s| s.put(&record)).await?;
    Ok(())
}

/// The audio of a recording, if it is stored.
pub async fn get(key: &str) -> Result<Option<Blob>, RecordingsError> {
    let record = run(IdbTransactionMode::Readonly, |s| s.get(&key.into())).await?;
    Ok(field(&record, "blob").dyn_into::<Blob>().ok())
}

/// Every stored recording, the last saved first.
pub async fn list() -> Result<Vec<Stored>, RecordingsError> {
    let all = run(IdbTransactionMode::Readonly, |s| s.get_all()).await?;
    let mut list: Vec<Stored> = all
        .dyn_into::<Array>()
        .map(|a| a.iter().map(|r| stored(&r)).collect())
        .unwrap_or_default();
    newest_first(&mut list);
    Ok(list)
}

pub async fn delete(key: &str) -> Result<(), RecordingsError> {
    run(IdbTransactionMode::Readwrite, |s| s.delete(&key.into())).await?;
    Ok(())
}

/// Every recording with its audio, for the export file.
pub async fn export_all() -> Result<Vec<RecordingFile>, RecordingsError> {
    let all = run(IdbTransactionMode::Readonly, |s| s.get_all()).await?;
    let mut out = Vec::new();
    for record in all
        .dyn_into::<Array>()
        .map(|a| a.to_vec())
        .unwrap_or_default()
    {
        let Ok(blob) = field(&record, "blob").dyn_into::<Blob>() else {
            continue;
        };
        let buffer = JsFuture::from(blob.array_buffer()).await.map_err(error)?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        let meta = stored(&record);
        out.push(RecordingFile {
            key: meta.key,
            question: meta.question,
            at: meta.at.max(0.0) as u64,
            mime: meta.mime,
            data: base64_encode(&bytes),
        });
    }
    Ok(out)
}

/// Stores the recordings of an imported file (replacing those with the same key), saved now
/// in the order they were recorded; returns how many were stored (damaged ones are skipped).
pub async fn import(files: &[RecordingFile]) -> Result<usize, RecordingsError> {
    let mut files: Vec<&RecordingFile> = files.iter().collect();
    files.sort_by_key(|f| f.at);
    let mut saved = next_save(&list().await?);
    let mut stored = 0;
    for file in files {
        let Some(bytes) = base64_decode(&file.data) else {
            continue;
        };
        let parts = Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(&file.mime);
        let Ok(blob) = Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
            continue;
        };
        put_saved(&file.key, &file.question, saved, file.at as f64, &blob).await?;
        saved += 1;
        stored += 1;
    }
    Ok(stored)
}

/// Deletes the recordings of an interview (when the interview is deleted).
pub async fn delete_interview(interview: &str) -> Result<(), RecordingsError> {
    let prefix = format!("{interview}/");
    for r in list().await?.iter().filter(|r| r.key.starts_with(&prefix)) {
        delete(&r.key).await?;
    }
    Ok(())
}

pub async fn clear() -> Result<(), RecordingsError> {
    run(IdbTransactionMode::Readwrite, |s| s.clear()).await?;
    Ok(())
}

/// Keeps the last `keep` recordings of `question` saved, deleting older ones.
pub async fn prune(question: &str, keep: usize) -> Result<(), RecordingsError> {
    for key in beyond(&list().await?, question, keep) {
        delete(&key).await?;
    }
    Ok(())
}
