#!/usr/bin/env python3
"""Checks of the oracle's own parts that are not real Flask: the scenario validation, the
browser model (against the contract's "browser model" section) and compare.py.

    python3 -m unittest discover -s tests/oracle -p 'test_*.py'

Only the standard library is needed (Flask is not imported by these tests).
"""

import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import compare  # noqa: E402
import oracle  # noqa: E402

NOW = 1767225600


def names(jar, now=NOW):
    return [(c["name"], c["value"], c["expires"]) for c in jar.snapshot(now)]


class JarTests(unittest.TestCase):
    def test_default_path_is_the_request_directory(self):
        jar = oracle.Jar()
        jar.store("a=1", "/docs/page", NOW)
        self.assertEqual(jar.header("/docs/other", NOW), "a=1")
        self.assertIsNone(jar.header("/elsewhere", NOW))
        self.assertEqual(oracle.default_path("/"), "/")
        self.assertEqual(oracle.default_path("/page"), "/")

    def test_max_age_wins_over_expires(self):
        jar = oracle.Jar()
        jar.store("a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60", "/", NOW)
        self.assertEqual(names(jar), [("a", "1", NOW + 60)])

    def test_max_age_zero_or_past_expires_deletes(self):
        jar = oracle.Jar()
        jar.store("a=1", "/", NOW)
        jar.store("b=2", "/", NOW)
        jar.store("a=; Max-Age=0", "/", NOW)
        jar.store("b=; Expires=Thu, 01 Jan 1970 00:00:00 GMT", "/", NOW)
        self.assertEqual(names(jar), [])

    def test_expired_when_clock_reaches_expiry(self):
        jar = oracle.Jar()
        jar.store("a=1; Max-Age=10", "/", NOW)
        self.assertEqual(jar.header("/", NOW + 9), "a=1")
        self.assertIsNone(jar.header("/", NOW + 10))

    def test_replaced_cookie_keeps_its_place(self):
        jar = oracle.Jar()
        jar.store("a=1", "/", NOW)
        jar.store("b=2", "/", NOW)
        jar.store("a=3", "/", NOW)
        self.assertEqual(jar.header("/", NOW), "a=3; b=2")

    def test_longer_path_first_then_older(self):
        jar = oracle.Jar()
        jar.store("root=1", "/", NOW)
        jar.store("deep=2; Path=/a/b", "/", NOW)
        jar.store("mid=3; Path=/a", "/", NOW)
        self.assertEqual(jar.header("/a/b/c", NOW), "deep=2; mid=3; root=1")
        self.assertEqual(jar.header("/a/bc", NOW), "mid=3; root=1")

    def test_foreign_domain_rejected_localhost_accepted(self):
        jar = oracle.Jar()
        jar.store("a=1; Domain=example.com", "/", NOW)
        jar.store("b=2; Domain=.localhost", "/", NOW)
        self.assertEqual(jar.header("/", NOW), "b=2")

    def test_name_plus_value_over_4096_bytes_ignored(self):
        jar = oracle.Jar()
        jar.store("a=" + "x" * 4095, "/", NOW)
        jar.store("b=" + "x" * 4096, "/", NOW)
        self.assertEqual([c[0] for c in names(jar)], ["a"])

    def test_values_are_sent_raw_with_quotes(self):
        jar = oracle.Jar()
        jar.store('g="hello world\\073 ok"; Path=/', "/", NOW)
        self.assertEqual(jar.header("/", NOW), 'g="hello world\\073 ok"')

    def test_close_drops_session_cookies_only(self):
        jar = oracle.Jar()
        jar.store("s=1", "/", NOW)
        jar.store("p=2; Max-Age=100", "/", NOW)
        jar.close()
        self.assertEqual(names(jar), [("p", "2", NOW + 100)])

    def test_devtools_set_keeps_expiry_and_delete_removes_all_paths(self):
        jar = oracle.Jar()
        jar.store("s=1; Max-Age=100", "/", NOW)
        jar.store("s=2; Path=/admin", "/", NOW)
        jar.devtools_set("s", "edited")
        self.assertEqual(names(jar)[0], ("s", "edited", NOW + 100))
        jar.devtools_set("new", "v")
        self.assertEqual(names(jar)[-1], ("new", "v", None))
        jar.devtools_delete("s")
        self.assertEqual([c[0] for c in names(jar)], ["new"])

    def test_cookie_dates_parse_werkzeug_format(self):
        self.assertEqual(oracle.parse_cookie_date("Sun, 01 Feb 2026 00:00:00 GMT"), 1769904000)
        self.assertIsNone(oracle.parse_cookie_date("not a date"))


class ValidationTests(unittest.TestCase):
    def scenario(self, **overrides):
        data = {"version": 1, "code": "", "steps": []}
        data.update(overrides)
        return json.dumps(data)

    def test_minimal_scenario_uses_the_default_clock(self):
        self.assertEqual(oracle.parse_scenario(self.scenario())["clock"], NOW)

    def test_malformed_inputs_are_rejected(self):
        bad = [
            self.scenario(extra=1),
            self.scenario(version=True),
            self.scenario(clock="2026-01-01"),
            self.scenario(steps=[{"request": "GET"}]),
            self.scenario(steps=[{"request": {"method": "GET", "path": "/", "form": {}}}]),
            self.scenario(steps=[{"advance_clock": -1}]),
            self.scenario(steps=[{"close_browser": True, "delete_cookie": "x"}]),
            '{"version": 1, "version": 1, "code": "", "steps": []}',
            "[",
        ]
        for text in bad:
            with self.subTest(text=text):
                with self.assertRaises(oracle.Malformed):
                    oracle.parse_scenario(text)


class CompareTests(unittest.TestCase):
    def transcript(self, headers, jar=()):
        step = {"status": 200, "body": "", "headers": headers, "request_cookie": None,
                "redirects": [], "error": None, "jar": list(jar)}
        return {"startup_error": None, "steps": [step]}

    def test_header_rules(self):
        left = self.transcript([["Allow", "GET, POST"], ["Content-Length", "1"], ["Vary", "Cookie"]])
        right = self.transcript([["vary", "Cookie"], ["allow", "POST, GET"], ["Content-Length", "9"]])
        self.assertEqual(compare.compare(left, right), [])

    def test_set_cookie_order_counts(self):
        left = self.transcript([["Set-Cookie", "a=1"], ["Set-Cookie", "b=2"]])
        right = self.transcript([["Set-Cookie", "b=2"], ["Set-Cookie", "a=1"]])
        self.assertNotEqual(compare.compare(left, right), [])

    def test_jar_order_ignored(self):
        a = {"name": "a", "value": "1", "expires": None}
        b = {"name": "b", "value": "2", "expires": None}
        self.assertEqual(compare.compare(self.transcript([], [a, b]), self.transcript([], [b, a])), [])


if __name__ == "__main__":
    unittest.main()
