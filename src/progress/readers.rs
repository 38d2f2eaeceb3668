//! The decoders of stored records as a piece of the wasm of their own (`storage::readers`),
//! with the code that reads what is stored (`Ops`): fetched before a start-up that finds
//! records, and when a save or another tab's change first needs one. A first visit never
//! downloads them.

use crate::interview::Interview;
use crate::review::cache::MemoryCache;
use crate::review::record::Settings;
use crate::review::{Note, ReviewEvent};
use crate::storage::{readers, KEY_PREFIX};

use super::snapshot::Snapshot;
use super::state::{Found, ProgressState};
use super::AppBackend;

/// What reads the stored records into the progress: only ever run once the decoders are here,
/// so it comes with them.
pub struct Ops {
    /// `ProgressState::load`: a start-up that finds records.
    pub load: fn(AppBackend, Found, Option<&str>, bool, u64) -> ProgressState<AppBackend>,
    /// `ProgressState::reload_from_storage`: another tab's change.
    pub reload: fn(&mut ProgressState<AppBackend>, &str) -> bool,
    /// `ProgressState::readers_here`: what waited for the decoders.
    pub readers_here: fn(&mut ProgressState<AppBackend>) -> bool,
}

/// What `install_all` installs.
const HERE: Ops = Ops {
    load: ProgressState::load,
    reload: ProgressState::reload_from_storage,
    readers_here: ProgressState::readers_here,
};

/// `Ops`, once installed (in builds without pieces, always).
pub fn ops() -> Option<&'static Ops> {
    #[cfg(feature = "split")]
    return OPS.get();
    #[cfg(not(feature = "split"))]
    return Some(&HERE);
}

#[cfg(feature = "split")]
static OPS: std::sync::OnceLock<Ops> = std::sync::OnceLock::new();

/// Whether the decoders are installed.
pub fn here() -> bool {
    readers::here::<Interview>()
}

/// Downloads and installs the decoders; `false` when their piece could not be downloaded
/// (nothing is remembered: the next call tries again).
pub async fn fetch() -> bool {
    here() || install().await.is_ok()
}

/// `fetch`, when the browser's storage holds the app's records: a start-up reads them all.
pub async fn fetch_if_stored() {
    if crate::platform::local_storage::holds(KEY_PREFIX) {
        // Without them the start-up reads nothing it finds, and overwrites none of it
        // (`progress::state`): they are fetched again when something needs them.
        fetch().await;
    }
}

/// The piece could not be downloaded.
struct Missing;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Missing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Missing
    }
}

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(readers, wasm_split_path = ::leptos::wasm_split, fallible)]
fn install() -> Result<(), Missing> {
    install_all();
    Ok(())
}

#[cfg(not(feature = "split"))]
async fn install() -> Result<(), Missing> {
    install_all();
    Ok(())
}

/// Every kind of record the progress stores, and what reads them.
fn install_all() {
    #[cfg(feature = "split")]
    let _ = OPS.set(HERE);
    readers::install::<Interview>();
    readers::install::<ReviewEvent>();
    readers::install::<Note>();
    readers::install::<Settings>();
    readers::install::<Snapshot>();
    readers::install::<MemoryCache>();
}
