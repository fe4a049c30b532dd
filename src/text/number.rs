//! Numbers as the learner reads them.

/// `4123` → `"4,123"`: digits in groups of three, separated by commas (byte counts in the
/// browser's reasons, the interpreter's step budget).
///
/// ```
/// use session_playground::text::number::thousands;
/// assert_eq!(thousands(0), "0");
/// assert_eq!(thousands(999), "999");
/// assert_eq!(thousands(1_234_567), "1,234,567");
/// ```
pub fn thousands(number: u64) -> String {
    let digits = number.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
