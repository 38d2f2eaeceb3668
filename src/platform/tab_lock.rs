//! One live tab per interview, through the Web Locks API: the tab running an interview holds
//! a lock named after it for as long as the page lives. The browser releases it when the tab
//! closes or crashes; another tab can take it over only explicitly (`steal`), and the first
//! tab then learns it lost the interview. Where the API is missing (older browsers, a frame
//! sandboxed without same-origin), nothing is locked and every tab may run it, as before.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

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

fn locks() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    // Reading `navigator.locks` throws in an opaque-origin frame.
    let locks = Reflect::get(&navigator, &"locks".into()).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then_some(locks)
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
    let options = Object::new();
    let flag = if steal { "steal" } else { "ifAvailable" };
    let _ = Reflect::set(&options, &flag.into(), &true.into());
    let request = Reflect::get(&locks, &"request".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    let Some(request) = request else {
        report(Ownership::Held);
        return;
    };
    let args = Array::of3(&lock_name(interview).into(), &options, &granted);
    match Reflect::apply(&request, &locks, &args) {
        Ok(promise) => {
            let promise: Promise = promise.unchecked_into();
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
    let Ok(query) = Reflect::get(&locks, &"query".into()).and_then(|f| f.dyn_into::<Function>())
    else {
        return Vec::new();
    };
    let Ok(promise) = query.call0(&locks) else {
        return Vec::new();
    };
    let Ok(snapshot) = JsFuture::from(Promise::from(promise)).await else {
        return Vec::new();
    };
    let held = Reflect::get(&snapshot, &"held".into()).unwrap_or(JsValue::UNDEFINED);
    let prefix = lock_name("");
    Array::from(&held)
        .iter()
        .filter_map(|info| Reflect::get(&info, &"name".into()).ok()?.as_string())
        .filter_map(|name| name.strip_prefix(&prefix).map(str::to_string))
        .collect()
}
