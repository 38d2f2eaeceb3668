//! How much of the browser's storage the reader's progress uses, and how close the site is to
//! its quota: browsers give each site about 5 MiB of localStorage text (Chromium: 5,242,880
//! UTF-16 units of keys and values, measured), shared by everything the site stores.

use super::{Backend, KEY_PREFIX};

/// The UTF-16 units of keys and values a site may keep in localStorage.
pub const QUOTA_UNITS: usize = 5 * 1024 * 1024;
/// From this share of the quota on, the reader is warned and offered ways to free space.
pub const WARN_AT: f64 = 0.8;

/// Storage in use, in UTF-16 units (the browser counts text that way; two bytes each).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// The app's own keys and values.
    pub ours: usize,
    /// Everything the site stores in localStorage, the app's included.
    pub site: usize,
}

impl Usage {
    /// Counts every key and value of the backend; `None` when it cannot be read.
    pub fn of(backend: &impl Backend) -> Option<Usage> {
        let mut usage = Usage::default();
        for key in backend.keys().ok()? {
            let value = backend.get(&key).ok()?.unwrap_or_default();
            let units = utf16_len(&key).saturating_add(utf16_len(&value));
            usage.site = usage.site.saturating_add(units);
            if key.starts_with(KEY_PREFIX) {
                usage.ours = usage.ours.saturating_add(units);
            }
        }
        Some(usage)
    }

    /// The site's share of the quota, 0 to 1 (more if a browser allows more).
    pub fn share(&self) -> f64 {
        self.site as f64 / QUOTA_UNITS as f64
    }

    pub fn nearly_full(&self) -> bool {
        self.share() >= WARN_AT
    }
}

fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// Megabytes (1,000,000 bytes) of text held as UTF-16, one decimal: "1.9 MB".
pub fn megabytes(units: usize) -> String {
    format!("{:.1} MB", units as f64 * 2.0 / 1_000_000.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryBackend;

    #[test]
    fn counts_ours_and_the_sites_in_utf16_units() {
        let backend = MemoryBackend::new();
        backend.set("interview-practice/note/a", "é👋").unwrap();
        backend.set("someone-else", "xyz").unwrap();
        let usage = Usage::of(&backend).unwrap();
        // "é" is one unit, "👋" two; the key 25.
        assert_eq!(usage.ours, 25 + 3);
        assert_eq!(usage.site, 25 + 3 + 12 + 3);
        assert!(!usage.nearly_full());
        assert_eq!(megabytes(QUOTA_UNITS), "10.5 MB");
    }

    #[test]
    fn warns_from_eighty_percent() {
        let at = |share: f64| Usage {
            ours: 0,
            site: (QUOTA_UNITS as f64 * share) as usize,
        };
        assert!(!at(0.79).nearly_full());
        assert!(at(0.8).nearly_full());
        assert!(at(1.2).nearly_full());
    }

    #[test]
    fn unreadable_storage_has_no_usage() {
        let backend = MemoryBackend::new();
        backend.set_unavailable(true);
        assert_eq!(Usage::of(&backend), None);
    }
}
