//! Python's `repr` of values every layer shows (an itsdangerous error message, the interpreter).

/// `repr(data)` for Python `bytes` (`b'...'`): single quotes unless the bytes hold `'` and no
/// `"`; `\\`, `\t`, `\n`, `\r` and the quote escaped; other bytes outside printable ASCII as
/// `\xNN`.
///
/// ```
/// use session_playground::text::repr::bytes_repr;
/// assert_eq!(bytes_repr(b"ab\x00'"), "b\"ab\\x00'\"");
/// assert_eq!(bytes_repr(b"\xff"), "b'\\xff'");
/// ```
pub fn bytes_repr(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &byte in data {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b if b == quote => {
                out.push('\\');
                out.push(b as char);
            }
            b if !(0x20..0x7f).contains(&b) => out.push_str(&format!("\\x{b:02x}")),
            b => out.push(b as char),
        }
    }
    out.push(quote as char);
    out
}
