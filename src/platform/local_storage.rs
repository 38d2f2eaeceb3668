//! The browser's localStorage as a storage `Backend`. Only `storage::Store` writes through it.

use wasm_bindgen::{JsCast, JsValue};

use crate::storage::{Backend, BackendError};

/// The key `probe` writes, reads back and removes (the app removes no other key on its own).
const PROBE_KEY: &str = "interview-practice/probe";

/// localStorage, known to work when `probe` returned it.
pub struct LocalStorage(web_sys::Storage);

/// What the start-up probe found.
pub enum Probe {
    /// Reads and writes work.
    Usable(LocalStorage),
    /// Reads work, but the quota is full: everything stored is still there to load, and saving
    /// is retried as changes come.
    Full(LocalStorage),
    /// Blocked (cookies blocked, a sandboxed iframe, some private modes) or broken (writes
    /// that do not read back).
    Blocked,
}

/// Whether this page can use localStorage. Reading does not depend on writing: a full
/// storage is still read. Never panics.
pub fn probe() -> Probe {
    let Some(storage) = storage() else {
        return Probe::Blocked;
    };
    if storage.length().is_err() {
        return Probe::Blocked;
    }
    let value = "probe";
    if let Err(thrown) = storage.set_item(PROBE_KEY, value) {
        return match to_backend_error(thrown) {
            BackendError::QuotaExceeded => Probe::Full(LocalStorage(storage)),
            _ => Probe::Blocked,
        };
    }
    let read_back = storage.get_item(PROBE_KEY).ok().flatten();
    if storage.remove_item(PROBE_KEY).is_err() || read_back.as_deref() != Some(value) {
        return Probe::Blocked;
    }
    Probe::Usable(LocalStorage(storage))
}

/// Whether localStorage holds a key that starts with `prefix` (false when it is blocked).
pub fn holds(prefix: &str) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    let length = storage.length().unwrap_or(0);
    (0..length).any(|i| {
        storage
            .key(i)
            .ok()
            .flatten()
            .is_some_and(|key| key.starts_with(prefix))
    })
}

/// The page's localStorage; `None` when it is blocked (`local_storage()` throws a
/// SecurityError) or missing.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

impl Backend for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.0.get_item(key).map_err(to_backend_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        self.0.set_item(key, value).map_err(to_backend_error)
    }

    fn remove(&self, key: &str) -> Result<(), BackendError> {
        self.0.remove_item(key).map_err(to_backend_error)
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        let length = self.0.length().map_err(to_backend_error)?;
        let mut keys = Vec::with_capacity(length as usize);
        for index in 0..length {
            // `None` only if another tab removed keys while we list: the rest are still listed.
            if let Some(key) = self.0.key(index).map_err(to_backend_error)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

/// What the browser threw, as a `BackendError`.
fn to_backend_error(thrown: JsValue) -> BackendError {
    if let Some(exception) = thrown.dyn_ref::<web_sys::DomException>() {
        let name = exception.name();
        return match name.as_str() {
            // Firefox used its own name and code before adopting the standard one.
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => BackendError::QuotaExceeded,
            _ if exception.code() == 22 || exception.code() == 1014 => BackendError::QuotaExceeded,
            // Storage was blocked or cleared after the probe.
            "SecurityError" => BackendError::Unavailable,
            _ => BackendError::Other(format!("{name}: {}", exception.message())),
        };
    }
    if let Some(error) = thrown.dyn_ref::<js_sys::Error>() {
        return BackendError::Other(String::from(error.message()));
    }
    BackendError::Other(thrown.as_string().unwrap_or_else(|| format!("{thrown:?}")))
}
