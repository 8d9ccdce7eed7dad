#!/usr/bin/env python3
"""Writes durations.json: [seconds, isodate.duration_isoformat(timedelta(seconds=seconds))] pairs, the ISO 8601 text
the SDK sends for timeouts given in seconds. Documentation of how the fixture was made; the tests never run it.

    pip install isodate   # 0.7.2 when generated
    python3 generate_durations.py
"""
import json
from datetime import timedelta
from pathlib import Path

import isodate

SECONDS = [
    0, 1, 2, 9, 10, 30, 59, 60, 61, 90, 119, 120, 600, 601, 1800, 3599, 3600, 3601, 3660, 3661, 3700, 5400, 7200,
    7260, 36000, 43200, 86399, 86400, 86401, 86460, 90000, 90061, 93784, 172800, 259199, 604800, 1209600, 2592000,
    31536000, 31622400, 123456789, 1000000000, -1, -30, -60, -3600, -3700, -86400, -90061,
]

pairs = [[n, isodate.duration_isoformat(timedelta(seconds=n))] for n in SECONDS]
Path(__file__).with_name("durations.json").write_text("[\n" + ",\n".join(json.dumps(p) for p in pairs) + "\n]\n")
