//! Hand-ins: a learner's finished (or unfinished) lesson, handed to a teacher as a share link
//! that names them, and a short completion code the teacher can paste into a mark sheet.
//!
//! The code names the lesson, what the learner reached and a digest of the link's state:
//! `count.3of3.quiz-right.own-work.7GQ2K9XMAB`. The digest covers the code's claims and the
//! whole shared state (name, steps, quiz answer, "solution shown"), so a code edited by hand no
//! longer matches its link, and a link edited by hand no longer matches the code it carries.
//!
//! What this does *not* do: there is no secret in a static page, so someone who reads this
//! source can recompute a code for a link they edited. That cannot make work look done that is
//! not: `verify` recomputes the progress by replaying the link's steps, never trusting a claim —
//! the only way to a "3 of 3" is steps that meet the three goals. What a determined forger can
//! hide is "solution shown" (by removing it and recomputing the code).

use sha2::{Digest, Sha256};

use crate::scenario::lesson::Lesson;
use crate::scenario::saved::LessonProgress;
use crate::scenario::share::SharedState;

/// Crockford's base32 (no I, L, O, U): the digest's characters.
const DIGEST_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Characters of the digest (50 bits).
pub const DIGEST_CHARS: usize = 10;

/// The longest name a hand-in may carry, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// What a completion code says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompletionCode {
    /// The lesson's id.
    pub lesson: String,
    /// Goals met.
    pub met: usize,
    /// Goals in the lesson (those this build can check).
    pub total: usize,
    /// The quiz: `None` if the lesson has none, else whether the answer was right (`None`
    /// inside: not answered).
    pub quiz: Option<Option<bool>>,
    /// Whether the solution was shown before every goal was met.
    pub solution_shown: bool,
    /// The digest of the claims and the state.
    pub digest: String,
}

impl std::fmt::Display for CompletionCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let quiz = match self.quiz {
            None => "no-quiz",
            Some(None) => "quiz-unanswered",
            Some(Some(true)) => "quiz-right",
            Some(Some(false)) => "quiz-wrong",
        };
        let work = if self.solution_shown {
            "solution-shown"
        } else {
            "own-work"
        };
        write!(
            f,
            "{}.{}of{}.{quiz}.{work}.{}",
            self.lesson, self.met, self.total, self.digest
        )
    }
}

impl CompletionCode {
    /// Reads a code (surrounding spaces are ignored); `None` if it is not one.
    ///
    /// ```
    /// use session_playground::scenario::handin::CompletionCode;
    /// let code = CompletionCode::parse("count.2of3.quiz-right.own-work.7GQ2K9XMAB").unwrap();
    /// assert_eq!((code.lesson.as_str(), code.met, code.total, code.quiz), ("count", 2, 3, Some(Some(true))));
    /// assert_eq!(code.to_string(), "count.2of3.quiz-right.own-work.7GQ2K9XMAB");
    /// assert!(CompletionCode::parse("count.2of3").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<CompletionCode> {
        let parts: Vec<&str> = text.trim().split('.').collect();
        let [lesson, counts, quiz, work, digest] = parts.as_slice() else {
            return None;
        };
        if lesson.is_empty()
            || !lesson
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return None;
        }
        let (met, total) = counts.split_once("of")?;
        let quiz = match *quiz {
            "no-quiz" => None,
            "quiz-unanswered" => Some(None),
            "quiz-right" => Some(Some(true)),
            "quiz-wrong" => Some(Some(false)),
            _ => return None,
        };
        let solution_shown = match *work {
            "own-work" => false,
            "solution-shown" => true,
            _ => return None,
        };
        let digest = digest.to_ascii_uppercase();
        if digest.len() != DIGEST_CHARS || !digest.bytes().all(|b| DIGEST_ALPHABET.contains(&b)) {
            return None;
        }
        Some(CompletionCode {
            lesson: lesson.to_string(),
            met: met.parse().ok()?,
            total: total.parse().ok()?,
            quiz,
            solution_shown,
            digest,
        })
    }
}

/// Whether the quiz answer in `progress` is right: `None` if the lesson has no quiz, `Some(None)`
/// if it was not answered.
pub fn quiz_verdict(lesson: &Lesson, progress: &LessonProgress) -> Option<Option<bool>> {
    let quiz = lesson.quiz.as_ref()?;
    Some(progress.quiz_answer.map(|answer| {
        quiz.options
            .get(answer)
            .is_some_and(|option| option.correct)
    }))
}

/// The goals of `lesson` a hand-in counts (every session mode is available, so all of them).
fn checkable(lesson: &Lesson) -> impl Iterator<Item = &crate::scenario::goal::Goal> {
    lesson.goals.iter()
}

/// The completion code of `shared` (its own `hand_in_code` is left out of the digest), given the
/// progress its replay made in `lesson`.
///
/// ```
/// use session_playground::scenario::{builtin::builtin_lesson, handin::completion_code, saved::LessonProgress};
/// use session_playground::scenario::share::{SharedState, SHARE_VERSION};
/// let lesson = builtin_lesson("count").unwrap().unwrap();
/// let shared = SharedState { version: SHARE_VERSION, lesson: Some("count".into()), handed_in_by: Some("Ada".into()), ..SharedState::default() };
/// let progress = LessonProgress { goals_met: vec!["third".into()], quiz_answer: Some(1), ..LessonProgress::default() };
/// let code = completion_code(&shared, &lesson, &progress);
/// assert!(code.to_string().starts_with("count.1of3.quiz-right.own-work."), "{code}");
/// let renamed = SharedState { handed_in_by: Some("Bob".into()), ..shared.clone() };
/// assert_ne!(completion_code(&renamed, &lesson, &progress).digest, code.digest);
/// ```
pub fn completion_code(
    shared: &SharedState,
    lesson: &Lesson,
    progress: &LessonProgress,
) -> CompletionCode {
    let met = checkable(lesson)
        .filter(|goal| progress.goals_met.contains(&goal.id))
        .count();
    let total = checkable(lesson).count();
    let solution_shown = progress.solution_shown
        && !(progress.solved_before_solution && progress.all_met(&lesson.goals));
    let mut code = CompletionCode {
        lesson: lesson.id.clone(),
        met,
        total,
        quiz: quiz_verdict(lesson, progress),
        solution_shown,
        digest: String::new(),
    };
    let unsigned = SharedState {
        hand_in_code: None,
        ..shared.clone()
    };
    let mut hasher = Sha256::new();
    hasher.update(b"flask-session-playground hand-in 1\n");
    hasher.update(code.to_string().as_bytes());
    hasher.update(b"\n");
    hasher.update(
        serde_json::to_string(&unsigned)
            .unwrap_or_default()
            .as_bytes(),
    );
    let hash = hasher.finalize();
    let mut bits: u64 = 0;
    for byte in &hash[..8] {
        bits = (bits << 8) | u64::from(*byte);
    }
    code.digest = (0..DIGEST_CHARS)
        .map(|i| DIGEST_ALPHABET[((bits >> (59 - 5 * i)) & 31) as usize] as char)
        .collect();
    code
}

/// A hand-in name as the page keeps it: trimmed, control characters dropped, at most
/// [`MAX_NAME_CHARS`] characters; `None` if nothing is left.
///
/// ```
/// use session_playground::scenario::handin::clean_name;
/// assert_eq!(clean_name("  Ada\u{0}  Lovelace \n").as_deref(), Some("Ada  Lovelace"));
/// assert_eq!(clean_name(" \t"), None);
/// ```
pub fn clean_name(name: &str) -> Option<String> {
    let name: String = name
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect();
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}
