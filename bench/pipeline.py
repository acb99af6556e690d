"""The same job without gongkai: what a competent Python user would write today.

``extract(path)`` decodes the file (BOM, then a declared ``<meta charset>``,
then strict UTF-8, then charset-normalizer), extracts the main text with
BeautifulSoup over lxml (scripts, styles and page chrome removed, the block with
the most paragraph text kept), reads every ``<table>`` of it into a DataFrame
with ``pandas.read_html`` (rowspan/colspan expanded), converts Traditional to
Simplified with OpenCC, and finds the title, year, agency, headings, table 3's
new-request total and a few prose facts with regular expressions (Chinese
numerals through cn2an). Dependencies: bench/requirements.txt.
"""

from __future__ import annotations

import codecs
import io
import re
import warnings
from pathlib import Path
from typing import Any

import cn2an
import opencc
import pandas as pd
from bs4 import BeautifulSoup
from charset_normalizer import from_bytes

warnings.filterwarnings("ignore")

_T2S = opencc.OpenCC("t2s")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}
_CHROME = ["script", "style", "noscript", "nav", "header", "footer", "iframe", "form", "head"]
_CN = "零〇一二三四五六七八九十百千万两"
_NUM = rf"(\d+(?:\.\d+)?|[{_CN}]+)"
_TITLE = re.compile(r"[^\n。]{0,60}?(\d{4})\s*年(?:度)?[^\n。]{0,40}?政府信息公开(?:工作)?(?:年度)?(?:工作)?报告")
_TITLE_LABEL = re.compile(r"^(?:标题|文件名称|名称)\s*[:：]\s*", re.M)
_HEADING = re.compile(r"(?:^|(?<=[。\s]))([一二三四五六七八九十]{1,3}、[^。，,\d\n]{2,30}?(?:情况|措施|事项|问题|概述))")
_SUBHEADING = re.compile(r"[（(]([一二三四五六七八九十]{1,3})[）)]([^。，,\n]{2,24})")
_NEW_ROW = re.compile(r"本年新收政府信息公开申请数量\s*((?:\d+\s*){1,7})")
_FACTS = {
    "proactive_total": re.compile(rf"主动公开(?:政府)?信息(?:共|总数|数量)?[为达]?{_NUM}\s*[条件]"),
    "requests_received": re.compile(rf"(?:收到|受理)[^。，]{{0,12}}?申请(?:共|总数)?[为达]?{_NUM}\s*[件条份]"),
    "reviews": re.compile(rf"行政复议(?:案件)?{_NUM}\s*[件起]"),
    "lawsuits": re.compile(rf"行政诉讼(?:案件)?{_NUM}\s*[件起]"),
}


def decode(raw: bytes) -> tuple[str, str]:
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8"
    m = _META_CHARSET.search(raw[:4096])
    if m:
        label = m.group(1).decode("ascii").lower()
        label = _ALIASES.get(label, label)
        try:
            return raw.decode(label), label
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None:
        return raw.decode("gb18030", errors="replace"), "gb18030"
    enc = _ALIASES.get(best.encoding, best.encoding)
    if enc in ("gb2312", "gbk", "hz", "big5", "cp949", "euc_kr", "euc_jp", "shift_jis", "cp932"):
        # Chinese government pages in a legacy encoding are GBK/GB18030 far more often than not.
        try:
            return raw.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            pass
    return str(best), enc


def _number(text: str) -> float | None:
    text = text.strip()
    if text.replace(".", "", 1).isdigit():
        return float(text)
    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError):
        return None


def _main_block(soup: BeautifulSoup) -> Any:
    best, best_len = soup, 0
    for block in soup.find_all(["body", "div", "article", "td", "section"]):
        n = sum(len(p.get_text()) for p in block.find_all(["p", "table"], recursive=False))
        if n > best_len:
            best, best_len = block, n
    return best


def _table3_total(frames: list[pd.DataFrame]) -> float | None:
    for df in frames:
        for row in df.itertuples(index=False):
            cells = ["" if pd.isna(c) else str(c).strip() for c in row]
            if any("本年新收" in c for c in cells):
                numbers = [c for c in cells if re.fullmatch(r"\d+(?:\.0)?", c)]
                return float(numbers[-1]) if numbers else None
    return None


def extract(path: str | Path) -> dict[str, Any]:
    raw = Path(path).read_bytes()
    text, encoding = decode(raw)
    is_html = bool(re.search(r"<(?:html|body|div|p|table|br)\b", text[:4096], re.I))
    frames: list[pd.DataFrame] = []
    title = None
    if is_html:
        soup = BeautifulSoup(text, "lxml")
        if soup.title and soup.title.string:
            title = soup.title.string.strip()
        for tag in soup(_CHROME):
            tag.decompose()
        main = _main_block(soup)
        for table in main.find_all("table"):
            try:
                frames.extend(pd.read_html(io.StringIO(str(table))))
            except ValueError:
                pass
        text = main.get_text("\n", strip=True)
    text = _T2S.convert(text)
    if title:
        title = _T2S.convert(title)
    frames = [df.map(lambda v: _T2S.convert(v) if isinstance(v, str) else v) for df in frames]
    head = _TITLE_LABEL.sub("", text[:3000])
    m = _TITLE.search(title or "") or _TITLE.search(head)
    year = agency = None
    if m:
        title = m.group(0).strip(" •·:：")
        year = int(m.group(1))
        before = title[: title.find(m.group(1))].strip(" •·:：")
        if before:
            agency = before
        else:
            after = re.match(r"\d{4}\s*年(?:度)?(.+?)政府信息公开", title)
            agency = after.group(1) if after else None
    headings = _HEADING.findall(text) + ["（%s）%s" % s for s in _SUBHEADING.findall(text)]
    new_total = _table3_total(frames)
    if new_total is None:
        m = _NEW_ROW.search(text)
        if m:
            numbers = m.group(1).split()
            new_total = float(numbers[-1]) if len(numbers) == 7 else None
    facts = {}
    for key, rx in _FACTS.items():
        m = rx.search(text)
        if m:
            facts[key] = _number(m.group(1))
    return {
        "encoding": encoding,
        "format": "html" if is_html else "text",
        "title": title,
        "year": year,
        "agency": agency,
        "headings": headings,
        "tables": frames,
        "new_received_total": new_total,
        "facts": facts,
        "text": text,
    }
