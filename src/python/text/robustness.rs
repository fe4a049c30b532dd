//! Test-only: feeds every entry point odd and extreme inputs from a
//! seeded generator and checks that nothing panics (the playground runs
//! untrusted code in the page's only thread).

use num_bigint::BigInt;

use super::civil_time::{self, CivilDateTime};
use super::fixtures::TestValue;
use super::json_text::{self, DumpOptions};
use super::percent_format::PercentArgs;
use super::*;

/// xorshift64*: deterministic, no OS randomness.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn text(&mut self, alphabet: &[&str], max: usize) -> String {
        let length = self.below(max + 1);
        (0..length)
            .map(|_| alphabet[self.below(alphabet.len())])
            .collect()
    }
    fn int(&mut self) -> i64 {
        const EDGES: [i64; 9] = [
            i64::MIN,
            i64::MIN + 1,
            -1_000_000,
            -1,
            0,
            1,
            7,
            1_000_000,
            i64::MAX,
        ];
        if self.below(2) == 0 {
            EDGES[self.below(EDGES.len())]
        } else {
            self.next() as i64 >> self.below(64)
        }
    }
}

const SPEC: &[&str] = &[
    "<",
    ">",
    "^",
    "=",
    "+",
    "-",
    " ",
    "z",
    "#",
    "0",
    "1",
    "9",
    ",",
    "_",
    ".",
    "e",
    "f",
    "g",
    "%",
    "x",
    "c",
    "s",
    "d",
    "n",
    "X",
    "b",
    "o",
    "E",
    "G",
    "F",
    "\u{e9}",
    "{",
    "}",
    "99999999999999999999",
    "\0",
];
const TEXT: &[&str] = &[
    "a",
    "Z",
    " ",
    "\t",
    "\n",
    "\r",
    "%",
    "(",
    ")",
    "*",
    ".",
    "-",
    "+",
    "0",
    "5",
    "{",
    "}",
    "[",
    "]",
    "!",
    ":",
    "r",
    "s",
    "d",
    "x",
    "f",
    "\u{3a3}",
    "\u{df}",
    "\u{1f600}",
    "\u{663}",
    "\"",
    "\\",
    "u",
    "e",
    "_",
    ",",
];

fn values(rng: &mut Rng) -> Vec<TestValue> {
    let pool = [
        TestValue::Int(BigInt::from(rng.int())),
        TestValue::Int(num_traits::pow(BigInt::from(10u8), 30)),
        TestValue::Float(f64::from_bits(rng.next())),
        TestValue::Float(f64::NAN),
        TestValue::Str(rng.text(TEXT, 4)),
        TestValue::None,
        TestValue::Bool(true, BigInt::from(1u8)),
    ];
    (0..rng.below(4))
        .map(|_| pool[rng.below(pool.len())].clone())
        .collect()
}

#[test]
fn no_entry_point_panics_on_odd_input() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..10_000 {
        let spec = rng.text(SPEC, 6);
        let text = rng.text(TEXT, 12);
        let n = rng.int();
        let _ = format_float(f64::from_bits(rng.next()), &spec);
        let _ = format_int(&BigInt::from(n), &spec);
        let _ = format_str(&text, &spec);
        let _ = float_repr::round_float(f64::from_bits(rng.next()), n);
        let _ = float_repr::round_float_to_int(f64::from_bits(rng.next()));
        let _ = parse_int(&text, n % 40);
        let _ = parse_float(&text);
        let args = values(&mut rng);
        let _ = percent_format(&text, PercentArgs::Tuple(&args));
        // Widths past MAX_TEXT_LEN are refused; smaller ones really pad,
        // so keep most of them small to keep the test fast.
        let width = if round % 100 == 0 { n } else { n % 4096 };
        let _ = str_methods::center(&text, width, '*');
        let _ = str_methods::ljust(&text, width, '*');
        let _ = str_methods::rjust(&text, width, '*');
        let _ = str_methods::zfill(&text, width);
        let _ = str_methods::expandtabs(&text, n % 64);
        let _ = str_methods::find(&text, "a", Some(n), Some(rng.int()));
        let _ = str_methods::count(&text, "", Some(rng.int()), Some(n));
        let _ = str_methods::startswith(&text, &["", "a"], Some(n), Some(rng.int()));
        let _ = str_methods::split(&text, Some("a"), n);
        let _ = str_methods::rsplit(&text, None, n);
        let _ = str_methods::replace(&text, "", "xy", n);
        let _ = (
            str_methods::title(&text),
            str_methods::lower(&text),
            str_methods::swapcase(&text),
        );
        let _ = json_text::loads(&text);
        let _ = codecs::decode(text.as_bytes(), "ascii", "replace");
        let _ = codecs::encode(&text, "latin-1", "backslashreplace");
        let _ = civil_time::timedelta_str(n as i128 * rng.int() as i128);
        let t = CivilDateTime::from_unix_micros(rng.int() >> 8);
        let _ = civil_time::strftime(&t, &text, None);
        let _ = civil_time::http_date(n);
        let _ = iso_parse::datetime_fromisoformat(&text);
        let _ = iso_parse::date_fromisoformat(&text);
        let _ = strptime::strptime(&text, &spec);
        let _ = strptime::strptime(&spec, &text);
        let _ = (url_text::unquote(&text), url_text::quote_plus(&text, &spec));
        let _ = email_date::parsedate_to_datetime(&text);
        let _ = email_date::parsedate_to_datetime(&format!("1 Jan 2000 1:2 {n}"));
        let _ = url_text::parse_qsl(&text, url_text::QueryOptions::default());
    }
}

#[test]
fn deep_json_is_refused_not_overflowed() {
    let doc = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let error = json_text::loads(&doc).unwrap_err();
    assert_eq!(error.kind, PyErrorKind::RecursionError);
    let mut deep = json_text::Json::Null;
    for _ in 0..json_text::MAX_DEPTH + 5 {
        deep = json_text::Json::Array(vec![deep]);
    }
    let error = json_text::dumps(&deep, &DumpOptions::default()).unwrap_err();
    assert_eq!(error.kind, PyErrorKind::RecursionError);
}
