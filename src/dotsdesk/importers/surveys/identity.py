"""Private identity recognised by what the values are, whatever the column is called.

A header can hide identity ("来自IP", "Custom Data 1", a column a researcher named "Q7") and a
header can look like identity when it is not ("来源" holds "手机提交", submitted from a phone).
So a column is identity when enough of its values are e-mail addresses, phone numbers, IP
addresses (also beside CJK text, as 问卷星 writes them), coordinates, or links to a person's
profile or payment page; and a header is read for what its words mean, not for a substring.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from dataclasses import dataclass

# The share of non-empty values that must look like identity: enough to outweigh a stray
# address pasted into an answer, low enough to catch a column where most people left it blank.
SHARE = 0.5
_SAMPLE = 500  # values looked at per column: identity columns are uniform
_LONGEST = 300  # characters: an address with its city, a profile link

_EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)
# A whole value that is a phone number: a mainland mobile, an international number with its
# "+", or a local number in groups. Digits only, so "手机提交" (submitted from a phone) never
# matches, and a bare run of digits is not taken for one unless it is a mainland mobile
# (survey tools' respondent ids are long bare numbers).
_PHONES = (
    re.compile(r"(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}", re.ASCII),
    re.compile(r"\+\d[\d ().-]{6,20}\d", re.ASCII),
    re.compile(r"\(?\d{2,4}\)?[ .-]\d{3,4}[ .-]\d{3,4}", re.ASCII),
)
_DATE_LIKE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}", re.ASCII)
_PHONE_LABEL = re.compile(r"^(?:tel|phone|mobile|cell|电话|手机)\s*[:：]?\s*", re.IGNORECASE)
# IPv4 anywhere (CJK text around it is common: "183.192.16.69(上海-上海)"), IPv6 as a token.
_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])", re.ASCII)
_IPV6 = re.compile(r"(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])", re.ASCII)
_COORDINATE = re.compile(r"^[+-]?\d{1,3}\.\d{4,}$")  # four decimals: metres, not a score
_PROFILE_URL = re.compile(
    r"(?:https?://)?(?:www\.|m\.)?"
    r"(?:twitter\.com|x\.com|facebook\.com|fb\.com|instagram\.com|linkedin\.com/in|github\.com"
    r"|weibo\.com|weibo\.cn|zhihu\.com/people|douban\.com/people|space\.bilibili\.com"
    r"|xiaohongshu\.com/user|t\.me|wa\.me|reddit\.com/u(?:ser)?"
    r"|paypal\.me|venmo\.com|cash\.app|buymeacoffee\.com|ko-fi\.com|patreon\.com)"
    r"/[^\s/]+",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"^@[A-Za-z0-9_.]{2,30}$")
# WeChat's own ids ("wxid_" and 14 letters or digits), and the shape of one a user chose: a
# letter, then 5 to 19 letters, digits, "_" or "-".
_WXID = re.compile(r"^wxid_[A-Za-z0-9]{6,}$")
_USER_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]{5,19}", re.ASCII)
_IDS_AT_LEAST = 8  # values before "all different" says anything

# A country, province or city (腾讯问卷's 地理位置) is a place many people share, not a person:
# coordinates and street addresses are.
# Header words, matched as whole words (Latin) or whole terms (Chinese), never as substrings of
# other words: "phone" in "headphones" or "手机" in "手机提交" is not a phone number.
_HEADER_FIELDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), field)
    for pattern, field in (
        (r"\be-?mail\b|邮箱|电子邮件|邮件地址", "email"),
        (r"\b(?:phone|mobile|cell ?phone|telephone|tel)\b|电话|手机号|^手机$|联系方式", "phone"),
        (r"\b(?:handle|user ?name|screen ?name|nick ?name)\b|昵称|用户名|网名", "handle"),
        (r"\bforum\b|论坛", "forum"),
        (r"\b(?:wechat|whatsapp|telegram|contact)\b|微信|^qq$|qq号|联系人", "contact"),
        (
            r"\b(?:your|full|first|last|given|family|sur|real|respondent'?s?|participant'?s?) ?"
            r"name\b|^names?\b|\brecipient|姓名|名字|真实姓名",
            "name",
        ),
        (
            r"\bip(?: ?address)?\b|\bipaddr\b|来自ip|\blatitude\b|\blongitude\b|\baddress\b"
            r"|住址|地址|经纬度",
            "other",
        ),
    )
)


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


@dataclass(frozen=True)
class Finding:
    field: str  # email/phone/contact/handle/name/other
    why: str


def header_field(header: str) -> str | None:
    """The identity field a header names by its words, if any."""
    text = _CAMEL.sub(" ", header.strip())  # "RecipientEmail" reads as two words
    for pattern, field in _HEADER_FIELDS:
        if pattern.search(text):
            return field
    return None


def scan_values(values: Sequence[str]) -> Finding | None:
    """Identity when at least half the (sampled) non-empty values look like one kind of it."""
    seen = [v.strip() for v in values[:_SAMPLE] if v.strip()]
    if not seen:
        return None
    # Two at least where there are two: one stray value of two is not a column of them.
    need = max(min(len(seen), 2), int(len(seen) * SHARE + 0.999))
    # An identity value is short; a long one is an answer, and reading megabytes of it for
    # digits and dots would take seconds.
    short = [v for v in seen if len(v) <= _LONGEST]
    for kind, test, field in _TESTS:
        if sum(1 for v in short if test(v)) >= need:
            return Finding(field, f"values look like {kind}")
    if _personal_ids(seen):
        return Finding("handle", "values look like user ids (WeChat, QQ, forums), one per person")
    return None


def _personal_ids(values: list[str]) -> bool:
    """A column of user ids under a plain header ("Q10": zhang_1988, kk-data92, ...): single
    tokens shaped like a WeChat id, nearly all different, and mostly with a digit or a
    separator in them (a column of distinct words is a list of job titles, not of people)."""
    if len(values) < _IDS_AT_LEAST:
        return False
    shaped = [v for v in values if _USER_ID.fullmatch(v)]
    marked = [v for v in shaped if any(ch.isdigit() or ch in "_-" for ch in v)]
    distinct = len(set(values)) >= 0.9 * len(values)
    return distinct and len(marked) >= 0.8 * len(values)


def _is_ip(value: str) -> bool:
    for found in _IPV4.findall(value):
        if all(int(part) <= 255 for part in found.split(".")):
            return True
    for found in _IPV6.findall(value):
        try:
            ipaddress.IPv6Address(found)
        except ValueError:
            continue
        return True
    return False


def _is_phone(value: str) -> bool:
    number = _PHONE_LABEL.sub("", value)
    if _DATE_LIKE.fullmatch(number):
        return False
    digits = sum(ch.isdigit() for ch in number)
    return 7 <= digits <= 15 and any(p.fullmatch(number) for p in _PHONES)


def _is_coordinate(value: str) -> bool:
    if not _COORDINATE.match(value):
        return False
    return abs(float(value)) <= 180


_TESTS = (
    ("e-mail addresses", lambda v: bool(_EMAIL.search(v)) and len(v) < 120, "email"),
    ("IP addresses", _is_ip, "other"),
    ("phone numbers", _is_phone, "phone"),
    ("links to profiles or payment pages", lambda v: bool(_PROFILE_URL.search(v)), "contact"),
    ("@handles", lambda v: bool(_HANDLE.match(v)), "handle"),
    ("WeChat ids", lambda v: bool(_WXID.match(v)), "contact"),
    ("map coordinates", _is_coordinate, "other"),
)
