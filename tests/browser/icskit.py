"""Reading back a reminder file as a calendar program would: the raw text against RFC 5545
(CRLF, lines of at most 75 octets folded between whole characters, escaped TEXT) and the
icalendar library's reading of it. Shared by the reminder and application tests."""
from __future__ import annotations

import datetime as dt
import re

import icalendar

UTC = dt.timezone.utc


def check_raw(raw: bytes) -> str:
    """The RFC 5545 rules a parser would forgive: CRLF only, every line at most 75 octets
    and whole UTF-8 on its own (no character split by folding), one calendar, one event."""
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"") and b"\r" not in raw.replace(b"\r\n", b"")
    lines = raw[:-2].split(b"\r\n")
    for line in lines:
        assert len(line) <= 75, line
        line.decode("utf-8")  # strict: a multi-byte character cut in two fails here
    text = raw.decode("utf-8")
    unfolded = re.sub(r"\r\n[ \t]", "", text).split("\r\n")
    assert unfolded[:5] == ["BEGIN:VCALENDAR", "VERSION:2.0", unfolded[2], "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    assert unfolded[2].startswith("PRODID:") and unfolded[-2] == "END:VCALENDAR" and unfolded[-1] == ""
    assert unfolded.count("BEGIN:VEVENT") == 1 and unfolded.count("END:VEVENT") == 1
    assert [n for n, line in enumerate(unfolded) if line.startswith("BEGIN:VCALENDAR")] == [0]
    for line in unfolded:
        if line.startswith(("SUMMARY:", "DESCRIPTION:")):
            assert_escaped(line.split(":", 1)[1])
    return text


def assert_escaped(value: str) -> None:
    """A TEXT value as RFC 5545 writes it: each backslash, semicolon and comma escaped, line
    breaks as \\n (icalendar itself would forgive a bare comma)."""
    bare = re.sub(r"\\[\\;,nN]", "", value)
    assert not re.search(r"[\\;,]", bare), value


def check_file(name: str, raw: bytes, day: dt.date, summary: str, url: str, instant: dt.datetime | None = None):
    """The downloaded file, raw and read back by icalendar; returns the event."""
    text = check_raw(raw)
    assert name == f"bounce-back-reminder-{day.isoformat()}.ics"
    calendar = icalendar.Calendar.from_ical(raw)
    assert calendar.name == "VCALENDAR" and str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN" and str(calendar["METHOD"]) == "PUBLISH" and calendar["PRODID"]
    [event] = [c for c in calendar.subcomponents if c.name == "VEVENT"]
    assert len(calendar.walk("VEVENT")) == 1
    assert "@" in str(event["UID"])
    stamp = event.decoded("DTSTAMP")
    assert isinstance(stamp, dt.datetime) and stamp.utcoffset() == dt.timedelta(0)
    assert re.search(r"\r\nDTSTAMP:\d{8}T\d{6}Z\r\n", text)
    if instant is not None:
        assert stamp == instant.astimezone(UTC)
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert type(start) is dt.date and start == day  # a date, not a date-time: all day
    assert type(end) is dt.date and end == day + dt.timedelta(days=1)
    assert f"\r\nDTSTART;VALUE=DATE:{day:%Y%m%d}\r\n" in text
    assert str(event["SUMMARY"]) == summary
    assert url in str(event["DESCRIPTION"])
    assert str(event["URL"]) == url
    return event
