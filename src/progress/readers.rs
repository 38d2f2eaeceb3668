//! The readers' piece of the wasm: everything that reads stored records, as one table
//! (`state::Readers`) that the piece installs once. Fetched before a start-up that finds
//! records, and when a save or another tab's change first needs it; a first visit never
//! downloads it. Builds without the `split` feature (native and browser tests) have it
//! installed from the start.

use super::state::Readers;
use super::AppBackend;
use crate::storage::KEY_PREFIX;

/// The installed table, if its piece is here.
pub fn installed() -> Option<&'static Readers<AppBackend>> {
    #[cfg(feature = "split")]
    return INSTALLED.get();
    #[cfg(not(feature = "split"))]
    return Some(INSTALLED.get_or_init(Readers::here));
}

static INSTALLED: std::sync::OnceLock<Readers<AppBackend>> = std::sync::OnceLock::new();

/// Downloads and installs the table; `None` when its piece could not be downloaded (nothing is
/// remembered: the next call tries again).
pub async fn fetch() -> Option<&'static Readers<AppBackend>> {
    #[cfg(feature = "split")]
    if INSTALLED.get().is_none() {
        install().await.ok()?;
    }
    installed()
}

/// `fetch`, when the browser's storage holds the app's records: a start-up reads them all.
pub async fn fetch_if_stored() {
    if crate::platform::local_storage::holds(KEY_PREFIX) {
        // Without it the start-up reads nothing it finds, and overwrites none of it
        // (`ProgressState::unread`): it is fetched again when something needs it.
        fetch().await;
    }
}

/// The piece could not be downloaded.
#[cfg(feature = "split")]
struct Missing;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Missing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Missing
    }
}

/// The piece's entry point: only code reached from here is in it.
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(readers, wasm_split_path = ::leptos::wasm_split, fallible)]
fn install() -> Result<(), Missing> {
    let _ = INSTALLED.set(Readers::here());
    Ok(())
}
