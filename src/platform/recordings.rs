//! Recordings of spoken answers, kept on this device in IndexedDB (database
//! `interview-practice`, object store `recordings`), one record per answer:
//! `{ key: "<interview id>/<question number>", question, saved, at, mime, size, blob }`, where
//! `saved` numbers the saves on this device (see `interview::recordings`).
//! Every failure is a typed error; nothing panics.

pub use crate::interview::recordings::Stored;
use crate::interview::recordings::{beyond, newest_first, next_save};
use crate::transfer::export::{base64_decode, base64_encode, RecordingFile};
use idb::{
    Database, DatabaseEvent, Factory, KeyPath, ObjectStore, ObjectStoreParams, TransactionMode,
    TransactionResult,
};
use js_sys::{Array, Object, Reflect};
use std::fmt;
use std::future::IntoFuture;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

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

/// What the browser threw or failed with: its `name` says which of ours it is.
fn exception(value: &JsValue) -> RecordingsError {
    let name = Reflect::get(value, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" => RecordingsError::Full,
        "SecurityError" | "InvalidStateError" => RecordingsError::Blocked,
        _ => RecordingsError::Failed(
            Reflect::get(value, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .filter(|m| !m.is_empty())
                .unwrap_or(name),
        ),
    }
}

fn error(error: idb::Error) -> RecordingsError {
    use idb::Error as E;
    match error {
        E::DomException(thrown) => exception(&thrown.into()),
        E::IndexedDbOpenFailed(thrown)
        | E::TransactionOpenFailed(thrown)
        | E::ObjectStoreNotFound(thrown)
        | E::UpdateFailed(thrown)
        | E::GetFailed(thrown)
        | E::GetAllKeysFailed(thrown)
        | E::DeleteFailed(thrown)
        | E::ClearFailed(thrown) => exception(&thrown),
        other => RecordingsError::Failed(other.to_string()),
    }
}

async fn open() -> Result<Database, RecordingsError> {
    let factory = Factory::new().map_err(|_| RecordingsError::Blocked)?;
    let mut request = factory.open(DATABASE, Some(1)).map_err(error)?;
    request.on_upgrade_needed(|event| {
        if let Ok(db) = event.database() {
            let mut options = ObjectStoreParams::new();
            options.key_path(Some(KeyPath::new_single("key")));
            let _ = db.create_object_store(STORE, options);
        }
    });
    request.await.map_err(error)
}

/// Runs `action` in a transaction on the store; its result once the transaction has committed.
/// A write is stored only once its transaction commits: Chromium checks the site's quota then,
/// after the request itself has succeeded, so full storage shows only here.
async fn transact<R, T>(
    db: &Database,
    mode: TransactionMode,
    action: impl FnOnce(&ObjectStore) -> Result<R, idb::Error>,
) -> Result<T, RecordingsError>
where
    R: IntoFuture<Output = Result<T, idb::Error>>,
{
    let transaction = db.transaction(&[STORE], mode).map_err(error)?;
    let store = transaction.object_store(STORE).map_err(error)?;
    let request = action(&store).map_err(error)?;
    // Listened to before the request can settle, so neither its commit nor its abort is missed.
    let committed = transaction.into_future();
    let result = match request.await {
        Ok(result) => result,
        Err(failed) => {
            // The failed request aborts the transaction after this returns: its handlers stay
            // for that abort (dropped, they would be called after being freed).
            std::mem::forget(committed);
            return Err(error(failed));
        }
    };
    match committed.await.map_err(error)? {
        TransactionResult::Committed => Ok(result),
        TransactionResult::Aborted => Err(store.transaction().error().map_or_else(
            || RecordingsError::Failed("the browser cancelled the write".into()),
            |why| exception(&why.into()),
        )),
    }
}

async fn run<R, T>(
    mode: TransactionMode,
    action: impl FnOnce(&ObjectStore) -> Result<R, idb::Error>,
) -> Result<T, RecordingsError>
where
    R: IntoFuture<Output = Result<T, idb::Error>>,
{
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
    run(TransactionMode::ReadWrite, |s| s.put(&record, None)).await?;
    Ok(())
}

/// The audio of a recording, if it is stored.
pub async fn get(key: &str) -> Result<Option<Blob>, RecordingsError> {
    let record = run(TransactionMode::ReadOnly, |s| s.get(JsValue::from(key))).await?;
    Ok(record.and_then(|r| field(&r, "blob").dyn_into::<Blob>().ok()))
}

/// Every stored recording, the last saved first.
pub async fn list() -> Result<Vec<Stored>, RecordingsError> {
    let all = run(TransactionMode::ReadOnly, |s| s.get_all(None, None)).await?;
    let mut list: Vec<Stored> = all.iter().map(stored).collect();
    newest_first(&mut list);
    Ok(list)
}

pub async fn delete(key: &str) -> Result<(), RecordingsError> {
    run(TransactionMode::ReadWrite, |s| s.delete(JsValue::from(key))).await?;
    Ok(())
}

/// Every recording with its audio, for the export file.
pub async fn export_all() -> Result<Vec<RecordingFile>, RecordingsError> {
    let all = run(TransactionMode::ReadOnly, |s| s.get_all(None, None)).await?;
    let mut out = Vec::new();
    for record in all {
        let Ok(blob) = field(&record, "blob").dyn_into::<Blob>() else {
            continue;
        };
        let buffer = JsFuture::from(blob.array_buffer())
            .await
            .map_err(|e| exception(&e))?;
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
    crate::sorting::by_key(&mut files, |f| f.at);
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
    run(TransactionMode::ReadWrite, |s| s.clear()).await?;
    Ok(())
}

/// Keeps the last `keep` recordings of `question` saved, deleting older ones.
pub async fn prune(question: &str, keep: usize) -> Result<(), RecordingsError> {
    for key in beyond(&list().await?, question, keep) {
        delete(&key).await?;
    }
    Ok(())
}
