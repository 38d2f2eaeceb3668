//! One live tab per interview, through the Web Locks API: the tab running an interview holds
//! a lock named after it for as long as the page lives. The browser releases it when the tab
//! closes or crashes; another tab can take it over only explicitly (`steal`), and the first
//! tab then learns it lost the interview. Where the API is missing (older browsers, a frame
//! sandboxed without same-origin), nothing is locked and every tab may run it.

use js_sys::{Array, Function, Object, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The Web Locks API, which `web-sys` has only behind its unstable APIs.
#[wasm_bindgen]
extern "C" {
    /// `navigator.locks`.
    type LockManager;

    /// The navigator, as far as locks go.
    type LockNavigator;

    /// Reading it throws in an opaque-origin frame.
    #[wasm_bindgen(method, getter, catch)]
    fn locks(this: &LockNavigator) -> Result<Option<LockManager>, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn request(
        this: &LockManager,
        name: &str,
        options: &LockOptions,
        granted: &Function,
    ) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn query(this: &LockManager) -> Result<Promise, JsValue>;

    /// `{ ifAvailable }` or `{ steal }`.
    #[wasm_bindgen(extends = Object)]
    type LockOptions;

    #[wasm_bindgen(method, setter, js_name = ifAvailable)]
    fn set_if_available(this: &LockOptions, value: bool);

    #[wasm_bindgen(method, setter)]
    fn set_steal(this: &LockOptions, value: bool);

    /// What `query` resolves with.
    type LockManagerSnapshot;

    #[wasm_bindgen(method, getter)]
    fn held(this: &LockManagerSnapshot) -> Option<Array>;

    type LockInfo;

    #[wasm_bindgen(method, getter)]
    fn name(this: &LockInfo) -> Option<String>;
}

/// What came of asking for an interview's lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ownership {
    /// This tab holds it (or the browser has no locks: nothing to hold).
    Held,
    /// Another live tab holds it.
    Elsewhere,
    /// This tab held it, and another tab took it over.
    Lost,
}

fn lock_name(interview: &str) -> String {
    format!("interview-practice/interview/{interview}")
}

fn locks() -> Option<LockManager> {
    let navigator: LockNavigator = web_sys::window()?.navigator().unchecked_into();
    navigator.locks().ok().flatten()
}

/// Holds the interview's lock while the page lives; `steal` takes it from another tab.
/// `report` hears `Held` or `Elsewhere` once, then `Lost` if another tab takes it over.
pub fn hold(interview: &str, steal: bool, report: impl Fn(Ownership) + 'static) {
    let Some(locks) = locks() else {
        report(Ownership::Held);
        return;
    };
    let report = std::rc::Rc::new(report);
    let answered = std::rc::Rc::new(std::cell::Cell::new(false));
    let granted = {
        let (report, answered) = (report.clone(), answered.clone());
        Closure::once_into_js(move |lock: JsValue| -> JsValue {
            answered.set(true);
            if lock.is_null() {
                report(Ownership::Elsewhere);
                return JsValue::UNDEFINED;
            }
            report(Ownership::Held);
            // Never settles: the lock is held until the page goes away or is stolen.
            Promise::new(&mut |_, _| {}).into()
        })
    };
    let options: LockOptions = Object::new().unchecked_into();
    if steal {
        options.set_steal(true);
    } else {
        options.set_if_available(true);
    }
    match locks.request(&lock_name(interview), &options, granted.unchecked_ref()) {
        Ok(promise) => {
            wasm_bindgen_futures::spawn_local(async move {
                if JsFuture::from(promise).await.is_err() {
                    // Rejected after it was held: another tab stole it. Rejected before: the
                    // browser refuses locks here (a sandboxed or storage-blocked page), so
                    // there is nothing to hold and nobody to share with.
                    report(if answered.get() {
                        Ownership::Lost
                    } else {
                        Ownership::Held
                    });
                }
            });
        }
        Err(_) => report(Ownership::Held),
    }
}

/// The interviews whose locks other tabs (or this one) hold now.
pub async fn held() -> Vec<String> {
    let Some(locks) = locks() else {
        return Vec::new();
    };
    let Ok(promise) = locks.query() else {
        return Vec::new();
    };
    let Ok(snapshot) = JsFuture::from(promise).await else {
        return Vec::new();
    };
    let snapshot: LockManagerSnapshot = snapshot.unchecked_into();
    let prefix = lock_name("");
    snapshot
        .held()
        .map(|held| held.iter().collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|info| info.unchecked_into::<LockInfo>().name())
        .filter_map(|name| name.strip_prefix(&prefix).map(str::to_string))
        .collect()
}
