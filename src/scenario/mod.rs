//! Scenarios (contract `scenario-v1`): a Flask app plus what a learner does in the virtual
//! browsers goes in, a transcript of what the server answered and what each browser kept comes
//! out. This is the headless form of the playground, used by `session-playground run` and by
//! the fidelity tests against real Flask.
//!
//! - [`parse`]: the scenario file, validated exactly as the contract says (every malformed file
//!   is a [`parse::Malformed`] naming what and where);
//! - [`run`]: replaying the steps through [`crate::browser::Browser`] and
//!   [`crate::flask::FlaskServer`] into a [`run::Transcript`];
//! - [`pretty`]: the transcript's text, laid out as the oracle writes it;
//! - [`compare`]: the contract's rules for comparing two transcripts.

pub mod compare;
pub mod parse;
pub mod pretty;
pub mod run;

pub use parse::{Malformed, Scenario, Step, StepAction, parse_scenario};
pub use run::{CliOutcome, Transcript, run_cli, run_path, run_scenario};
