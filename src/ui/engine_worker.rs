//! The learner's requests run first in a Web Worker, so a runaway handler never freezes the tab
//! and "Stop" always works (issue 13). **Behind a switch, off by default:** the page uses it only
//! when its address has `?engine=worker` ([`enabled`]).
//!
//! How it works today (the "guard"): the worker loads the page's own wasm — the module the page
//! already compiled, posted to it (`wasm_bindgen::module()`), with the same glue script
//! (`js/engine-worker.js`), so there is no second download or compile — and keeps a [`Mirror`]:
//! a `Workspace` replayed from the page's start and log (kept in step by prefix: only the steps
//! it has not seen are run). A learner's action that runs the app's code ([`Guarded`]: Enter in
//! the address bar, a link or form, send again, Back/Forward/Reload) is sent to the worker as a
//! [`Job`] and runs there first while the page stays responsive; after [`SHOW_STOP_AFTER`] the
//! page shows "Running… Stop". When the worker answers, the page carries out the action itself,
//! as it always did (so lessons, rewind, step-through, links and saved work see no difference).
//! "Stop" ends the worker (`Worker.terminate`, the only way to stop a wasm loop), marks the action
//! "stopped by you" in the timeline without sending it, and the next job starts a new worker,
//! which replays the history without the runaway step — the engine is deterministic, so that
//! rebuilds exactly the state the page has.
//!
//! What is left before it can be on by default (the suggested end state: the `World` lives only
//! in the worker and the page renders the effects it sends back): an action that runs long *and
//! finishes* still runs a second time on the page, which then freezes for as long; code reloads,
//! session-mode switches, lesson steps and replays (links, saved work, rewinds of old entries)
//! still run only on the page. Moving those needs the reducer to take effects asynchronously.
//!
//! Why a worker and not a time check in the interpreter: a wall-clock limit inside the engine
//! would make a replay stop at a different place on a slower machine, and determinism is what
//! rewind, links and hand-ins rest on; ending the worker leaves the engine untouched.

use super::history::Start;
use super::state::{Action, Workspace};
use crate::browser::NavigationRequest;
use crate::flask::project::ProjectFiles;
use crate::scenario::share::{SHARE_VERSION, SharedState};

/// How long an action runs before the page offers "Running… Stop", in milliseconds (shorter
/// would flash the bar on ordinary requests, which take a few milliseconds).
pub const SHOW_STOP_AFTER: u64 = 300;

/// The learner's actions that run the app's code, and so go through the worker first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Guarded {
    /// Enter in the address bar.
    Navigate(String),
    /// A link clicked or a form submitted in the page.
    Send(NavigationRequest),
    /// Send the last request again.
    Resend,
    /// The browser's Back button.
    Back,
    /// The browser's Forward button.
    Forward,
    /// The browser's Reload button.
    Reload,
}

impl Guarded {
    /// The guarded form of `action`, if it runs the app's code.
    pub fn of(action: &Action) -> Option<Guarded> {
        Some(match action {
            Action::Navigate(address) if !address.trim().is_empty() => {
                Guarded::Navigate(address.clone())
            }
            Action::Send(request) => Guarded::Send(request.clone()),
            Action::Resend => Guarded::Resend,
            Action::Back => Guarded::Back,
            Action::Forward => Guarded::Forward,
            Action::Reload => Guarded::Reload,
            _ => return None,
        })
    }

    /// The page's action it stands for.
    pub fn action(&self) -> Action {
        match self {
            Guarded::Navigate(address) => Action::Navigate(address.clone()),
            Guarded::Send(request) => Action::Send(request.clone()),
            Guarded::Resend => Action::Resend,
            Guarded::Back => Action::Back,
            Guarded::Forward => Action::Forward,
            Guarded::Reload => Action::Reload,
        }
    }

    /// The action in the learner's words, for the timeline and the Stop bar.
    ///
    /// ```
    /// use session_playground::ui::engine_worker::Guarded;
    /// assert_eq!(Guarded::Navigate("/spin".into()).describe(), "GET /spin");
    /// assert_eq!(Guarded::Reload.describe(), "reload");
    /// ```
    pub fn describe(&self) -> String {
        match self {
            Guarded::Navigate(address) => format!("GET {}", address.trim()),
            Guarded::Send(request) => {
                format!("{} {}", request.method.to_ascii_uppercase(), request.url)
            }
            Guarded::Resend => "send again".into(),
            Guarded::Back => "back".into(),
            Guarded::Forward => "forward".into(),
            Guarded::Reload => "reload".into(),
        }
    }
}

/// What the worker is asked to run: where the workspace started, every step since, what the
/// editor holds, the profile on screen, and the action.
///
/// It crosses to the worker as text fields ([`Job::fields`]): the history in the share-link
/// JSON the page already writes and reads (`SharedState`), so the page carries no second
/// serialisation of steps (every serde derive adds to the wasm).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Job {
    /// The start and the log, as a share link carries them (code and settings always given).
    pub history: SharedState,
    /// The editor's text (a request is served by it, as on the page).
    pub code: String,
    /// The profile on screen.
    pub active: String,
    /// The action.
    pub action: Guarded,
}

impl Job {
    /// The job of carrying out `action` on `workspace` (the present, not a rewind on screen:
    /// acting while rewinding acts on the present, as the reducer does).
    pub fn new(workspace: &Workspace, action: Guarded) -> Job {
        let start = workspace.start_point();
        Job {
            history: SharedState {
                version: SHARE_VERSION,
                lesson: start.lesson.clone(),
                code: Some(start.code.clone()),
                settings: Some(start.settings.clone()),
                actions: workspace.log().to_vec(),
                ..SharedState::default()
            },
            code: workspace.code().to_string(),
            active: workspace.active_profile().to_string(),
            action,
        }
    }

    /// The job as named text fields (what `js/engine-worker.js` passes on unread).
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        let history = serde_json::to_string(&self.history).unwrap_or_default();
        let mut fields = vec![
            ("history", history),
            ("code", self.code.clone()),
            ("active", self.active.clone()),
        ];
        let kind = match &self.action {
            Guarded::Navigate(address) => {
                fields.push(("address", address.clone()));
                "navigate"
            }
            Guarded::Send(request) => {
                fields.push(("method", request.method.clone()));
                fields.push(("url", request.url.clone()));
                let form = request
                    .form
                    .iter()
                    .map(|(name, value)| format!("{}={}", escape(name), escape(value)))
                    .collect::<Vec<_>>()
                    .join("&");
                fields.push(("form", form));
                "send"
            }
            Guarded::Resend => "resend",
            Guarded::Back => "back",
            Guarded::Forward => "forward",
            Guarded::Reload => "reload",
        };
        fields.push(("kind", kind.to_string()));
        fields
    }

    /// The job read back from its fields, or why it cannot be.
    pub fn from_fields(field: impl Fn(&str) -> Option<String>) -> Result<Job, String> {
        let need = |name: &str| field(name).ok_or_else(|| format!("the job has no {name}"));
        let history: SharedState = serde_json::from_str(&need("history")?)
            .map_err(|error| format!("the job's history could not be read: {error}"))?;
        let action = match need("kind")?.as_str() {
            "navigate" => Guarded::Navigate(need("address")?),
            "send" => {
                let form = need("form")?;
                Guarded::Send(NavigationRequest {
                    method: need("method")?,
                    url: need("url")?,
                    form: form
                        .split('&')
                        .filter(|pair| !pair.is_empty())
                        .map(|pair| {
                            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                            (unescape(name), unescape(value))
                        })
                        .collect(),
                    ..NavigationRequest::default()
                })
            }
            "resend" => Guarded::Resend,
            "back" => Guarded::Back,
            "forward" => Guarded::Forward,
            "reload" => Guarded::Reload,
            other => {
                return Err(format!(
                    "the job's action {other:?} is not one the worker runs"
                ));
            }
        };
        Ok(Job {
            history,
            code: need("code")?,
            active: need("active")?,
            action,
        })
    }

    fn start(&self) -> Start {
        Start {
            code: self.history.code.clone().unwrap_or_default(),
            files: self
                .history
                .files
                .clone()
                .map(ProjectFiles::new)
                .unwrap_or_default(),
            settings: self.history.settings.clone().unwrap_or_default(),
            lesson: self.history.lesson.clone(),
        }
    }
}

/// `%`, `&` and `=` escaped, so form fields survive the `name=value&…` form (never shown).
fn escape(text: &str) -> String {
    text.replace('%', "%25")
        .replace('&', "%26")
        .replace('=', "%3D")
}

fn unescape(text: &str) -> String {
    text.replace("%3D", "=")
        .replace("%26", "&")
        .replace("%25", "%")
}

/// What the worker answers: how the mirror stands after the action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    /// Whether the mirror had to be rebuilt from the start (a new worker, or a history that is
    /// no longer a continuation of the last one: a rewind continued, a link opened).
    pub replayed: bool,
    /// The steps in the mirror's log afterwards.
    pub steps: usize,
    /// The summary of the timeline entry the action made, if it made one.
    pub summary: Option<String>,
    /// The notice the action left, if any.
    pub notice: Option<String>,
}

/// The worker's copy of the page's workspace (see the module doc).
#[derive(Default)]
pub struct Mirror {
    state: Option<Workspace>,
}

impl Mirror {
    /// Brings the copy to the job's history (running only what it has not seen, when it can),
    /// then carries out the job's action.
    pub fn run(&mut self, job: &Job) -> Reply {
        let start = job.start();
        let continues = self.state.as_ref().is_some_and(|state| {
            *state.start_point() == start && job.history.actions.starts_with(&state.log().slice())
        });
        let mut state = match self.state.take() {
            Some(mut state) if continues => {
                for step in job.history.actions[state.log().len()..].iter().cloned() {
                    state.step(step);
                }
                state
            }
            _ => Workspace::replay(&start, &job.history.actions),
        };
        state.edit_code(job.code.clone());
        state.select_profile(&job.active);
        let entries = state.timeline().len();
        let state = state.apply(job.action.action());
        let reply = Reply {
            replayed: !continues,
            steps: state.log().len(),
            summary: state
                .timeline()
                .iter()
                .skip(entries)
                .last()
                .map(|entry| entry.summary.clone()),
            notice: state.notice().map(str::to_string),
        };
        self.state = Some(state);
        reply
    }
}

/// Whether the page sends its guarded actions to the worker: only with `?engine=worker` in its
/// address, while the rest of the move is not done (see the module doc).
pub fn enabled() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|window| window.location().search().ok())
            .is_some_and(|query| {
                query
                    .trim_start_matches('?')
                    .split('&')
                    .any(|pair| pair == "engine=worker")
            })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        false
    }
}

pub use page::{EngineGuard, Stopped};

/// The worker's side: the entry point `js/engine-worker.js` calls.
#[cfg(target_arch = "wasm32")]
mod worker_side {
    use std::cell::RefCell;

    use wasm_bindgen::prelude::*;

    use super::{Job, Mirror};

    thread_local! {
        static MIRROR: RefCell<Mirror> = RefCell::new(Mirror::default());
    }

    /// Runs a job (an object of text fields, [`Job::fields`]) on this worker's mirror and answers
    /// with the summary of the entry it made (the page needs only to know it is done), or the
    /// reason the job could not be read.
    #[wasm_bindgen(js_name = engineRun)]
    pub fn engine_run(job: &JsValue) -> Result<Option<String>, JsValue> {
        let field = |name: &str| {
            js_sys::Reflect::get(job, &name.into())
                .ok()
                .and_then(|value| value.as_string())
        };
        let job = Job::from_fields(field).map_err(|why| JsValue::from_str(&why))?;
        let reply = MIRROR.with(|mirror| mirror.borrow_mut().run(&job));
        Ok(reply.summary)
    }
}

/// The page's side: the worker, the job in flight and Stop. (It compiles natively, where
/// [`super::enabled`] is false, so the root component needs no second version.)
mod page {
    use std::cell::RefCell;
    use std::rc::Rc;

    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use yew::Callback;

    use super::{Guarded, Job, Reply, SHOW_STOP_AFTER};
    use crate::ui::state::{Action, Workspace};

    /// Why a job has no reply: the learner pressed Stop after `seconds`, or the worker failed.
    #[derive(Clone, Debug, PartialEq)]
    pub enum Stopped {
        /// Stop was pressed.
        ByYou {
            /// How long the action had run.
            seconds: f64,
        },
        /// The worker could not start or run the job (the reason).
        Failed(String),
    }

    type Done = Box<dyn FnOnce(Result<Reply, Stopped>)>;

    struct InFlight {
        id: u32,
        started: f64,
        done: Done,
    }

    #[derive(Default)]
    struct Inner {
        worker: Option<web_sys::Worker>,
        on_message: Option<Closure<dyn FnMut(web_sys::MessageEvent)>>,
        in_flight: Option<InFlight>,
        next_id: u32,
    }

    /// The engine worker as the page holds it (cheap to clone: one shared state).
    #[derive(Clone, Default)]
    pub struct EngineGuard(Rc<RefCell<Inner>>);

    fn now() -> f64 {
        web_sys::window()
            .and_then(|window| window.performance())
            .map_or(0.0, |performance| performance.now())
    }

    /// The URL of the page's wasm-bindgen glue script (trunk preloads it with a
    /// `modulepreload` link; the worker imports the same file).
    fn glue_url() -> Option<String> {
        let document = web_sys::window()?.document()?;
        let links = document
            .query_selector_all("link[rel=modulepreload]")
            .ok()?;
        (0..links.length())
            .filter_map(|index| links.item(index))
            .filter_map(|node| node.dyn_into::<web_sys::HtmlLinkElement>().ok())
            .map(|link| link.href())
            .find(|href| href.ends_with(".js"))
    }

    impl EngineGuard {
        /// Where the root component sends every action: with the switch on, an action that runs
        /// the app's code goes to the worker first and `dispatch` gets it when the worker has
        /// run it (or `Action::StoppedByYou` if Stop ended it); `bar` gets what is running once
        /// it has run [`SHOW_STOP_AFTER`] ms, and `None` when it ends. Any other action (and
        /// every action with the switch off) is returned, to be dispatched at once.
        pub fn route(
            &self,
            action: Action,
            workspace: &Workspace,
            dispatch: &Callback<Action>,
            bar: &Callback<Option<String>>,
        ) -> Option<Action> {
            let Some(guarded) = Guarded::of(&action).filter(|_| super::enabled()) else {
                return Some(action);
            };
            if self.running().is_some() {
                return Some(Action::Notice(
                    "The last request is still running: wait for it, or press Stop.".into(),
                ));
            }
            let what = guarded.describe();
            let (done_dispatch, done_bar) = (dispatch.clone(), bar.clone());
            let job = Job::new(workspace, guarded.clone());
            let done_what = what.clone();
            let id = self.run(&job, move |result| {
                done_bar.emit(None);
                match result {
                    Ok(_) => done_dispatch.emit(guarded.action()),
                    Err(Stopped::ByYou { seconds }) => done_dispatch
                        .emit(Action::StoppedByYou(done_what, (seconds * 1000.0) as u64)),
                    // The worker could not run it: the page runs it, as without the switch.
                    Err(Stopped::Failed(why)) => {
                        web_sys::console::warn_1(&format!("engine worker: {why}").into());
                        done_dispatch.emit(guarded.action());
                    }
                }
            })?;
            let guard = self.clone();
            let bar = bar.clone();
            yew::platform::spawn_local(async move {
                yew::platform::time::sleep(std::time::Duration::from_millis(SHOW_STOP_AFTER)).await;
                if guard.running() == Some(id) {
                    bar.emit(Some(what));
                }
            });
            None
        }

        /// The id of the job in flight, if one is.
        pub fn running(&self) -> Option<u32> {
            self.0.borrow().in_flight.as_ref().map(|job| job.id)
        }

        /// Sends `job` to the worker (started if needed); `done` gets the reply, or why there is
        /// none. Returns the job's id; `None` if a job is already in flight (one at a time).
        pub fn run(
            &self,
            job: &Job,
            done: impl FnOnce(Result<Reply, Stopped>) + 'static,
        ) -> Option<u32> {
            if self.running().is_some() {
                return None;
            }
            let fields = js_sys::Object::new();
            for (name, value) in job.fields() {
                let _ = js_sys::Reflect::set(&fields, &name.into(), &value.into());
            }
            if let Err(why) = self.ensure_worker() {
                done(Err(Stopped::Failed(why)));
                return None;
            }
            let mut inner = self.0.borrow_mut();
            inner.next_id += 1;
            let id = inner.next_id;
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"id".into(), &id.into());
            let _ = js_sys::Reflect::set(&message, &"job".into(), &fields);
            let posted = inner
                .worker
                .as_ref()
                .map(|worker| worker.post_message(&message));
            if !matches!(posted, Some(Ok(()))) {
                drop(inner);
                done(Err(Stopped::Failed(
                    "the engine worker refused the job".into(),
                )));
                return None;
            }
            inner.in_flight = Some(InFlight {
                id,
                started: now(),
                done: Box::new(done),
            });
            Some(id)
        }

        /// "Stop": ends the worker at once (whatever it is running) and tells the job in flight.
        /// The next job starts a new worker, which replays the history it is sent.
        pub fn stop(&self) {
            let in_flight = {
                let mut inner = self.0.borrow_mut();
                if let Some(worker) = inner.worker.take() {
                    worker.terminate();
                }
                inner.on_message = None;
                inner.in_flight.take()
            };
            if let Some(job) = in_flight {
                let seconds = (now() - job.started) / 1000.0;
                (job.done)(Err(Stopped::ByYou { seconds }));
            }
        }

        fn ensure_worker(&self) -> Result<(), String> {
            if self.0.borrow().worker.is_some() {
                return Ok(());
            }
            let glue = glue_url().ok_or("the page's script was not found")?;
            let script = web_sys::Url::new_with_base("engine-worker.js", &glue)
                .map(|url| url.href())
                .map_err(|_| "the worker's address could not be made".to_string())?;
            let options = web_sys::WorkerOptions::new();
            options.set_type(web_sys::WorkerType::Module);
            let worker = web_sys::Worker::new_with_options(&script, &options)
                .map_err(|_| "the engine worker could not be started".to_string())?;
            let guard = self.clone();
            let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                move |event: web_sys::MessageEvent| guard.answered(&event.data()),
            );
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            // The module the page compiled, and the glue that binds it: nothing is fetched again.
            let hello = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&hello, &"glue".into(), &glue.into());
            let _ = js_sys::Reflect::set(&hello, &"module".into(), &wasm_bindgen::module());
            worker
                .post_message(&hello)
                .map_err(|_| "the engine worker could not be given the module".to_string())?;
            let mut inner = self.0.borrow_mut();
            inner.worker = Some(worker);
            inner.on_message = Some(on_message);
            Ok(())
        }

        fn answered(&self, data: &JsValue) {
            let field = |name: &str| js_sys::Reflect::get(data, &name.into()).ok();
            let id = field("id").and_then(|id| id.as_f64()).map(|id| id as u32);
            let job = {
                let mut inner = self.0.borrow_mut();
                match &inner.in_flight {
                    Some(job) if Some(job.id) == id => inner.in_flight.take(),
                    _ => None,
                }
            };
            let Some(job) = job else { return };
            // The worker's answer carries no data the page uses: it only says the job is done.
            let reply = match field("error").and_then(|error| error.as_string()) {
                None => Ok(Reply {
                    replayed: false,
                    steps: 0,
                    summary: field("reply").and_then(|reply| reply.as_string()),
                    notice: None,
                }),
                Some(why) => Err(Stopped::Failed(why)),
            };
            (job.done)(reply);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mirror_follows_the_page_and_rebuilds_when_the_history_is_not_a_continuation() {
        let page = Workspace::started();
        let mut mirror = Mirror::default();
        // A new worker replays the page's history, then runs the action as the page will.
        let reply = mirror.run(&Job::new(&page, Guarded::Navigate("/count".into())));
        let page = page.apply(Action::Navigate("/count".into()));
        assert!(reply.replayed);
        assert_eq!(reply.summary.as_deref(), Some("GET /count 200"));
        assert_eq!(reply.steps, page.log().len());
        // The page moved on (a clock step the worker never saw, a request): the worker runs only
        // what it has not seen, and its state is the page's — the visit count goes on.
        let page = page.apply(Action::AdvanceClockSeconds(5));
        let reply = mirror.run(&Job::new(&page, Guarded::Navigate("/count".into())));
        let page = page.apply(Action::Navigate("/count".into()));
        assert!(!reply.replayed);
        assert_eq!(reply.steps, page.log().len());
        assert_eq!(page.active_page().unwrap().body, "Visit number: 2");
        let mirrored = mirror.state.as_ref().unwrap();
        assert_eq!(mirrored.active_page(), page.active_page());
        assert_eq!(mirrored.browser, page.browser);
        // A history that is not a continuation (a fresh start): rebuilt from it.
        let fresh = Workspace::started();
        let reply = mirror.run(&Job::new(&fresh, Guarded::Navigate("/count".into())));
        assert!(reply.replayed);
        assert_eq!(reply.summary.as_deref(), Some("GET /count 200"));
    }

    #[test]
    fn only_actions_that_run_the_app_are_guarded_and_jobs_cross_as_json() {
        assert_eq!(Guarded::of(&Action::AdvanceClockSeconds(1)), None);
        assert_eq!(Guarded::of(&Action::Navigate("  ".into())), None);
        for action in [
            Action::Navigate("/a".into()),
            Action::Resend,
            Action::Back,
            Action::Forward,
            Action::Reload,
            Action::Send(NavigationRequest::get("/b")),
        ] {
            let guarded = Guarded::of(&action).expect("guarded");
            assert_eq!(guarded.action(), action);
        }
        let page = Workspace::started().apply(Action::Navigate("/count".into()));
        let form = vec![
            ("a&b".to_string(), "x=1%".to_string()),
            ("".into(), "".into()),
        ];
        for action in [
            Guarded::Reload,
            Guarded::Navigate("/x?y=1".into()),
            Guarded::Send(NavigationRequest {
                method: "POST".into(),
                url: "/login".into(),
                form,
                ..NavigationRequest::default()
            }),
        ] {
            let job = Job::new(&page, action);
            let fields = job.fields();
            let read = Job::from_fields(|name| {
                fields
                    .iter()
                    .find(|(field, _)| *field == name)
                    .map(|(_, value)| value.clone())
            });
            assert_eq!(read, Ok(job));
        }
        assert!(Job::from_fields(|_| None).is_err());
    }

    #[test]
    fn a_stopped_action_is_in_the_timeline_and_changes_nothing_else() {
        let page = Workspace::started().apply(Action::Navigate("/count".into()));
        let stopped = page.apply(Action::StoppedByYou("GET /spin".into(), 2_500));
        let entry = stopped.timeline().last().unwrap();
        assert_eq!(entry.summary, "GET /spin: stopped by you after 2.5 s");
        assert_eq!(stopped.log(), page.log());
        assert_eq!(stopped.browser, page.browser);
        assert!(
            stopped.notice().unwrap().starts_with(
                "Stopped: GET /spin was still running after 2.5 s, so it was not sent."
            )
        );
        // The entry can be viewed (the state right after it is the state before it).
        let viewed = stopped.apply(Action::ViewEntry(stopped.timeline().len() - 1));
        assert_eq!(
            viewed.shown().active_page().unwrap().body,
            "Visit number: 1"
        );
    }
}
