//! The workspace model behind the page: what the learner has open, as one value, and the pure
//! transitions between its states. Components dispatch [`Action`]s; [`Workspace::apply`] is the
//! only place state changes, so it is tested here without a browser.
//!
//! The browser, server and clock parts are still thin: they become views of the `browser` and
//! `flask` layers as those land.

use std::rc::Rc;

use yew::Reducible;

/// The virtual time the playground starts at: 2026-01-01T00:00:00Z, in Unix seconds.
pub const DEFAULT_CLOCK_START: i64 = 1_767_225_600;

/// One virtual browser as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileView {
    /// The name in the profile switcher, e.g. `Alice`.
    pub name: String,
    /// False after "Close browser" until "Open browser".
    pub open: bool,
}

/// Everything the page shows, as one value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workspace {
    /// The app's source, as the editor holds it.
    pub code: String,
    /// The virtual browsers; the first is active at load.
    pub profiles: Vec<ProfileView>,
    /// Index into `profiles` of the browser the panes show.
    pub active_profile: usize,
    /// The virtual clock, Unix seconds (never the wall clock).
    pub clock_now: i64,
}

/// What a learner can do to the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The editor's text changed.
    EditCode(String),
    /// The profile switcher chose another browser (an index into `profiles`).
    SelectProfile(usize),
    /// "Close browser" on the active profile.
    CloseBrowser,
    /// "Open browser" on the active profile.
    OpenBrowser,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            code: super::SEED_APP.to_string(),
            profiles: ["Alice", "Bob"]
                .into_iter()
                .map(|name| ProfileView { name: name.to_string(), open: true })
                .collect(),
            active_profile: 0,
            clock_now: DEFAULT_CLOCK_START,
        }
    }
}

impl Workspace {
    /// The state after `action`; `self` is left as it was (rewind and replay rely on that).
    pub fn apply(&self, action: Action) -> Workspace {
        let mut next = self.clone();
        match action {
            Action::EditCode(code) => next.code = code,
            Action::SelectProfile(index) => {
                // A stale index (e.g. from an old event) is ignored rather than trusted.
                if index < next.profiles.len() {
                    next.active_profile = index;
                }
            }
            Action::CloseBrowser => next.profiles[next.active_profile].open = false,
            Action::OpenBrowser => next.profiles[next.active_profile].open = true,
        }
        next
    }

    /// The browser the panes show.
    pub fn active(&self) -> &ProfileView {
        &self.profiles[self.active_profile]
    }
}

impl Reducible for Workspace {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

/// Formats Unix seconds as `YYYY-MM-DDTHH:MM:SSZ` (the `clock-now` contract).
///
/// ```
/// use session_playground::ui::state::format_instant;
/// assert_eq!(format_instant(1_767_225_600), "2026-01-01T00:00:00Z");
/// assert_eq!(format_instant(0), "1970-01-01T00:00:00Z");
/// ```
pub fn format_instant(unix_seconds: i64) -> String {
    let days = unix_seconds.div_euclid(86_400);
    let seconds_of_day = unix_seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        seconds_of_day / 3600,
        seconds_of_day % 3600 / 60,
        seconds_of_day % 60
    )
}

/// Days since 1970-01-01 to a proleptic-Gregorian (year, month, day) (Howard Hinnant's method).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_profile_is_active_and_open_at_load() {
        let workspace = Workspace::default();
        assert_eq!(workspace.active().name, "Alice");
        assert!(workspace.profiles.iter().all(|profile| profile.open));
        assert_eq!(format_instant(workspace.clock_now), "2026-01-01T00:00:00Z");
    }

    #[test]
    fn closing_affects_only_the_active_profile() {
        let closed = Workspace::default().apply(Action::CloseBrowser);
        assert!(!closed.profiles[0].open);
        assert!(closed.profiles[1].open);
        let switched = closed.apply(Action::SelectProfile(1));
        assert!(switched.active().open);
        let reopened = switched.apply(Action::SelectProfile(0)).apply(Action::OpenBrowser);
        assert!(reopened.active().open);
    }

    #[test]
    fn apply_leaves_the_original_untouched() {
        let before = Workspace::default();
        let after = before.apply(Action::EditCode("print(1)\n".to_string()));
        assert_eq!(before.code, SEED_APP_FOR_TESTS);
        assert_eq!(after.code, "print(1)\n");
    }

    const SEED_APP_FOR_TESTS: &str = crate::ui::SEED_APP;

    #[test]
    fn out_of_range_profile_is_ignored() {
        let workspace = Workspace::default().apply(Action::SelectProfile(7));
        assert_eq!(workspace.active_profile, 0);
    }

    #[test]
    fn instants_format_across_leap_years_and_before_1970() {
        // 2024-02-29T12:34:56Z and 1969-12-31T23:59:59Z, computed from the calendar rules.
        assert_eq!(format_instant(1_709_210_096), "2024-02-29T12:34:56Z");
        assert_eq!(format_instant(-1), "1969-12-31T23:59:59Z");
    }
}
