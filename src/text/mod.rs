//! Pure helpers every layer may use (the bottom layer, beside [`crate::http`]): it depends on
//! nothing in the crate, reads no clock, and has no state.
//!
//! - [`calendar`]: the proleptic Gregorian calendar (days since 1970-01-01 to a date and back,
//!   leap years, weekdays), month and day names, and the HTTP date format;
//! - [`html`]: HTML escaping as markupsafe does it;
//! - [`number`]: numbers as the learner reads them (`4,123`);
//! - [`order`]: the one stable sort (a copy of the standard one per element type was heavy);
//! - [`repr`]: Python's `repr` of `bytes`.

pub mod calendar;
pub mod html;
pub mod number;
pub mod order;
pub mod repr;
