//! Scenarios and lessons. A scenario (contract `scenario-v1`) is a Flask app plus what a learner
//! does in the virtual browsers; a lesson (version 2) adds the text, a quiz, explained steps and
//! goals. This is the headless form of the playground, used by `session-playground run`/`check`,
//! by the fidelity tests against real Flask, and by the page's lesson panel.
//!
//! - [`parse`]: the v1 scenario file, validated exactly as the contract says (every malformed
//!   file is a [`parse::Malformed`] naming what and where);
//! - [`world`]: the one engine: a [`World`] (browser, server, clock) and
//!   [`World::apply`], which carries out a step for every front end and returns its [`Effect`];
//! - [`run`]: replaying v1 steps through a [`World`] into a [`run::Transcript`];
//! - [`transcript`]: the transcript's records (plain data);
//! - [`pretty`]: the transcript's text, laid out as the oracle writes it;
//! - [`compare`]: the contract's rules for comparing two transcripts;
//! - [`action`]: one learner action (v1's and the page's) and its file form;
//! - [`lesson`]: the lesson file (v2, a superset of v1) and [`lesson::parse_lesson`];
//! - [`state`]: [`LessonState`], the plain snapshot goals are checked on;
//! - [`goal`]: goals and the pure [`goal::check`];
//! - [`code_query`]: questions about the code, answered on the syntax tree;
//! - [`predict`]: predict, then see (a question before a scripted step, answered by it);
//! - [`play`]: the native lesson runner ([`play::Player`], [`play::play_solution`]);
//! - [`markdown`]: lesson Markdown to inert HTML;
//! - [`share`]: share links (`encode`/`decode`);
//! - [`saved`]: the saved-work document (localStorage, export/import);
//! - [`builtin`]: the built-in lessons, embedded from `lessons/`;
//! - [`check`]: `session-playground check FILE...`.

pub mod action;
pub mod builtin;
pub mod check;
pub mod code_query;
pub mod compare;
pub mod goal;
pub mod handin;
pub mod lesson;
pub mod link_lesson;
pub mod markdown;
pub mod mode_code;
pub mod parse;
pub mod play;
pub mod predict;
pub mod pretty;
pub mod run;
pub mod saved;
pub mod share;
pub mod state;
pub mod transcript;
pub mod world;

pub use action::{Action, SessionMode, Step};
pub use goal::{Goal, GoalCheck, GoalResult, GoalStatus, check};
pub use lesson::{Lesson, Settings, parse_lesson};
pub use parse::{Malformed, Scenario, parse_scenario};
pub use run::{Transcript, run_scenario};
pub use state::LessonState;
pub use world::{Effect, EffectKind, World};
