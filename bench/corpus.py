"""Builds the benchmark corpus: variants of the hand-checked samples in a folder.

    python bench/corpus.py OUT_DIR [--docs 10000]

Every sample in tests/data/real and tests/data/seeds (text and HTML, each with a
gold file) is turned into variants along four axes:

* encoding: UTF-8 or GB18030 (HTML pages with a ``<head>`` declare it in
  ``<meta charset>``; text files and bare HTML fragments declare nothing, so
  the parser has to detect it);
* script: Simplified, or Traditional through a character map made by reversing
  src/data/opencc/TSCharacters.txt (the first Traditional form of each
  Simplified character);
* shape: the file as it is; the report wrapped into an HTML fragment
  (paragraphs, and, when the gold file has them, tables 2–4 as ``<table>`` in
  the official layout, filled from the gold values); or that page padded to
  45–55 KB with CMS chrome (head, stylesheets and scripts, navigation, a
  breadcrumb, a sidebar, a metadata panel, a footer);
* chrome: every document gets its own random chrome, so no two files are the same.

Two more shapes are real-page-like, made by ``gongkai._render`` from every gold file
with tables (tests/data/real, seeds and synthetic):

* ``word``: Word's "save as web page" (``html-word``, and ``html-split`` with table 3
  cut at a page break and a few paragraphs per section): ~65–80 KB of uppercase tags,
  MsoNormal paragraphs and digits one per ``<SPAN>``;
* ``cms``: a rendering's body (``html-spans``, ``html-padded``, ``html-t2-order`` or
  ``html-word``) inside CMS furniture padded to 65–75 KB.

Both come in UTF-8 and GB18030 (declared), Simplified and Traditional. The shapes take
turns, so each is a fifth of the corpus. Documents are written into one folder per
shape (``OUT_DIR/word/...``, so ``cargo run --release --example stages -- OUT_DIR/word``
profiles one shape), with ``manifest.json`` (per document: file, source slug,
encoding, script, shape, rendering, size, and whether its title names the gold agency)
at the top; returns the manifest.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "tests" / "data" / "real", ROOT / "tests" / "data" / "seeds"]
#: Gold files rendered as Word and CMS pages (the ones with tables).
RENDER_SOURCES = SOURCES + [ROOT / "tests" / "data" / "synthetic"]
TS_CHARACTERS = ROOT / "src" / "data" / "opencc" / "TSCharacters.txt"
SHAPES_TEXT = ("text", "html", "html50k")
SHAPES_HTML = ("html", "html50k")
SHAPES = ("text", "html", "html50k", "word", "cms")
#: Renderings per real-page-like shape; those before the "|" title the report 某某局…, not with the gold agency.
WORD_RENDERINGS = ("html-word", "html-split")
CMS_RENDERINGS = ("html-spans", "html-padded", "html-t2-order", "html-word")
CLASSIC_TITLE = ("html-word", "html-spans", "html-padded")


def s2t_table() -> dict[int, str]:
    """Simplified → Traditional, per character: TSCharacters.txt (Traditional → Simplified) reversed."""
    table: dict[int, str] = {}
    for line in TS_CHARACTERS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        trad, simps = line.split("\t", 1)
        for simp in simps.split():
            if len(simp) == 1 and simp != trad and len(trad) == 1:
                table.setdefault(ord(simp), trad)
    return table


def samples() -> list[dict]:
    out = []
    for folder in SOURCES:
        for gold_path in sorted(folder.glob("*.gold.json")):
            slug = gold_path.name[: -len(".gold.json")]
            doc = next(p for p in folder.iterdir() if p.name.startswith(slug + ".") and not p.name.endswith(".json"))
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            out.append({"slug": slug, "path": doc, "gold": gold, "is_html": doc.suffix == ".html"})
    return out


# ---------------------------------------------------------------------------
# Tables from gold values, drawn in the official layout by gongkai.display


def _cell(value) -> dict:
    if value is None:
        return {"value": None, "raw": "", "state": "blank"}
    return {"value": value, "raw": str(value), "state": "number"}


def _gold_tables(gold: dict) -> dict:
    from gongkai._schema import REVIEW_COLS

    tables: dict = {}
    fmt = gold.get("template") if gold.get("template") in ("2019", "2021") else "2021"
    if gold.get("table2"):
        cells = {row: {col: _cell(v) for col, v in cols.items()} for row, cols in gold["table2"].items()}
        tables["proactive"] = {"format": fmt, "cells": cells}
    if gold.get("table3"):
        cells = {row: {col: _cell(v) for col, v in cols.items()} for row, cols in gold["table3"].items()}
        tables["requests"] = {"format": fmt, "cells": cells}
    if gold.get("table4"):
        cells = {g: dict(zip(REVIEW_COLS, map(_cell, vals))) for g, vals in gold["table4"].items()}
        tables["review_litigation"] = {"format": fmt, "cells": cells}
    return tables


_ATTRS = re.compile(r' (?:data-cell|data-row|class|title)="[^"]*"')


def _table_html(key: str, tables: dict) -> str:
    from gongkai import display

    fake = SimpleNamespace(tables=tables)
    draw = {"proactive": display.proactive_html, "requests": display.requests_html, "review_litigation": display.review_html}
    out = draw[key](fake, flagged={})  # type: ignore[arg-type]
    out = out.split("<p>Rows beyond")[0]
    out = _ATTRS.sub("", out).replace("<th", "<td").replace("</th>", "</td>")
    return out.replace("<table>", '<table border="1" cellspacing="0" cellpadding="0" style="width:600px">')


# Where a table's text starts, when the parser's span starts a little later (header words).
_TABLE_LEAD = {
    "proactive": ("第二十条",),
    "requests": ("（本列数据", "(本列数据", "申请人情况"),
    "review_litigation": ("行政复议行政诉讼", "行政复议 行政诉讼"),
}


def _paragraphs(text: str) -> list[str]:
    out = []
    for line in text.split("\n"):
        line = line.strip()
        # Long flattened lines (text copied from a page) become paragraphs of a few sentences.
        while len(line) > 400:
            cut = line.find("。", 200)
            if cut < 0 or cut > len(line) - 20:
                break
            out.append(line[: cut + 1])
            line = line[cut + 1 :]
        if line:
            out.append(line)
    return out


def wrap_body(sample: dict) -> tuple[str, str]:
    """(title, HTML body) of a text sample: its text as paragraphs, its tables (if gold has them) as <table>."""
    import gongkai

    report = gongkai.extract(sample["path"])
    text = report["text"]
    title = report.get("title") or text.split("\n", 1)[0]
    gold_tables = _gold_tables(sample["gold"])
    cuts = []
    for key, found in (report.get("tables") or {}).items():
        if not found or key not in gold_tables:
            continue
        start, end = found["span"]
        window = text[max(0, start - 160) : start]
        for lead in _TABLE_LEAD[key]:
            at = window.find(lead)
            if at >= 0:
                start = max(0, start - 160) + at
                break
        cuts.append((start, end, key))
    cuts.sort()
    parts: list[str] = []
    pos = 0
    for start, end, key in cuts:
        if start < pos:
            continue
        parts.extend(f"<p>{html.escape(p)}</p>" for p in _paragraphs(text[pos:start]))
        parts.append(_table_html(key, gold_tables))
        pos = end
    parts.extend(f"<p>{html.escape(p)}</p>" for p in _paragraphs(text[pos:]))
    return title, "\n".join(parts)


# ---------------------------------------------------------------------------
# CMS chrome

_SECTIONS = ["首页", "政务公开", "政务服务", "互动交流", "走进本区", "新闻中心", "政策文件", "政策解读", "数据开放", "专题专栏"]
_LINKS = [
    "政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "机构职能", "领导信息", "规划计划",
    "财政预决算", "重大项目", "公共资源配置", "社会公益事业", "建议提案办理", "人事信息", "统计信息", "应急管理",
    "依申请公开", "政策问答", "在线访谈", "征集调查", "网上信访", "市长信箱", "办事指南", "便民服务", "常见问题",
]
_JS = """
(function(w, d) {
  var cfg = { siteId: "%(site)s", columnId: %(col)d, tracker: "/analytics/collect", sampleRate: 0.%(rate)d };
  function q(sel) { return Array.prototype.slice.call(d.querySelectorAll(sel)); }
  function setFont(size) { q(".article-content p").forEach(function (p) { p.style.fontSize = size + "px"; }); }
  function share(target) { var url = encodeURIComponent(w.location.href); var t = encodeURIComponent(d.title);
    w.open("/share?to=" + target + "&url=" + url + "&title=" + t, "_blank", "width=600,height=400"); }
  function track(evt) { var img = new Image(); img.src = cfg.tracker + "?site=" + cfg.siteId + "&c=" + cfg.columnId +
    "&e=" + evt + "&r=" + Math.random(); }
  d.addEventListener("DOMContentLoaded", function () {
    q(".font-size a").forEach(function (a) { a.addEventListener("click", function (e) { e.preventDefault();
      setFont(parseInt(a.getAttribute("data-size"), 10)); }); });
    q(".share a").forEach(function (a) { a.addEventListener("click", function (e) { e.preventDefault();
      share(a.getAttribute("data-to")); }); });
    if (w.innerWidth < 768) { d.body.className += " mobile"; }
    track("view");
  });
  w.__cms = { setFont: setFont, share: share, track: track, version: "%(ver)s" };
})(window, document);
"""


def _nav(rng: random.Random) -> str:
    items = []
    for name in _SECTIONS:
        subs = rng.sample(_LINKS, 6)
        sub = "".join(f'<li><a href="/{rng.randrange(10**6):06d}/index.html" target="_blank">{s}</a></li>' for s in subs)
        items.append(f'<li class="nav-item"><a href="/{rng.randrange(10**4):04d}/">{name}</a><ul class="sub">{sub}</ul></li>')
    return f'<div class="header"><div class="logo"><a href="/"><img src="/images/logo.png" alt="门户网站"></a></div>' \
        f'<div class="search"><form action="/search" method="get"><input type="text" name="q" placeholder="请输入关键词">' \
        f'<button type="submit">搜索</button></form></div><ul class="nav">{"".join(items)}</ul></div>'


def _sidebar(rng: random.Random) -> str:
    links = "".join(
        f'<li><a href="/zwgk/{rng.randrange(10**6):06d}.html" title="{s}">{s}</a></li>' for s in rng.sample(_LINKS, 12)
    )
    return f'<div class="sidebar"><h3>政府信息公开</h3><ul>{links}</ul></div>'


def _footer(rng: random.Random) -> str:
    return (
        '<div class="footer"><ul class="links"><li><a href="/about">关于我们</a></li><li><a href="/map">网站地图</a></li>'
        '<li><a href="/contact">联系我们</a></li><li><a href="/privacy">隐私声明</a></li></ul>'
        f"<p>主办单位：人民政府办公室　承办单位：大数据中心　网站标识码：{rng.randrange(10**9, 10**10)}</p>"
        f"<p>ICP备{rng.randrange(10**7, 10**8)}号-1　公网安备 {rng.randrange(10**13, 10**14)}号</p>"
        "<p>建议使用1920×1080分辨率浏览本网站</p></div>"
    )


def _scripts(rng: random.Random, size: int) -> str:
    out = []
    total = 0
    while total < size:
        js = _JS % {"site": f"{rng.randrange(16**8):08x}", "col": rng.randrange(9999), "rate": rng.randrange(10, 99),
                    "ver": f"{rng.randrange(9)}.{rng.randrange(99)}"}
        out.append(f'<script type="text/javascript">{js}</script>')
        total += len(js)
    return "\n".join(out)


def page(title: str, body: str, charset: str, rng: random.Random, target: int) -> str:
    """``body`` inside a CMS page of about ``target`` bytes (UTF-8 length, before encoding)."""
    head_fixed = (
        f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>{html.escape(title)}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="stylesheet" href="/css/common.css?v={rng.randrange(999)}"><link rel="stylesheet" href="/css/article.css">'
        '<style>.article-content p{text-indent:2em;line-height:2}.article-content table{margin:0 auto}</style>'
    )
    crumbs = '<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/nb/">政府信息公开年报</a></div>'
    tools = ('<div class="tools"><span class="font-size">字号：<a href="#" data-size="18">大</a> <a href="#" data-size="16">中</a> '
             '<a href="#" data-size="14">小</a></span><span class="share">分享到：<a href="#" data-to="weibo">微博</a> '
             '<a href="#" data-to="wechat">微信</a></span><a href="javascript:window.print()">打印</a> '
             '<a href="javascript:window.close()">关闭</a></div>')
    article = f'<div class="article"><h1 class="title">{html.escape(title)}</h1><div class="article-content">{body}</div>{tools}</div>'
    chrome = _nav(rng) + crumbs + '<div class="main">' + _sidebar(rng) + article + "</div>" + _footer(rng)
    rest = head_fixed + "</head><body>" + chrome + "</body></html>"
    used = len(rest.encode("utf-8"))
    scripts = _scripts(rng, max(0, target - used))
    return head_fixed + scripts + "</head><body>" + chrome + _scripts(rng, 0) + "</body></html>"


def bare(body: str) -> str:
    """An HTML fragment as crawlers store it (no head, nothing declared)."""
    return f'<div class="article-content">\n{body}\n</div>\n'


def rendered_golds() -> list[tuple[str, dict]]:
    """(slug, gold) of every gold file with tables to render, in a fixed order."""
    from gongkai import _render

    out = []
    for folder in RENDER_SOURCES:
        for gold_path in sorted(folder.glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            if _render.renderable(gold):
                out.append((gold_path.name[: -len(".gold.json")], gold))
    return out


_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S | re.I)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S | re.I)


def real_like(gold: dict, shape: str, rendering: str, enc: str, rng: random.Random) -> str:
    """A Word page as saved, or a rendering's body inside CMS furniture (see the module's docstring)."""
    from gongkai import _render

    page_text = _render.render(gold, rendering).decode("utf-8")
    if shape == "word":
        if enc == "gb18030":
            page_text = page_text.replace("charset=utf-8", "charset=gb2312", 1)
        return page_text
    title = html.unescape(_TITLE.search(page_text).group(1))  # type: ignore[union-attr]
    body = _BODY.search(page_text).group(1)  # type: ignore[union-attr]
    return page(title, body, "gb18030" if enc == "gb18030" else "utf-8", rng, rng.randrange(65_000, 75_000))


def build(out: Path, docs: int = 10_000, seed: int = 6) -> list[dict]:
    out.mkdir(parents=True, exist_ok=True)
    s2t = s2t_table()
    items = samples()
    golds = rendered_golds()
    bodies: dict[str, tuple[str, str]] = {}
    for s in items:
        if s["is_html"]:
            raw = s["path"].read_text(encoding="utf-8")
            bodies[s["slug"]] = (s["gold"].get("title") or re.sub(r"<[^>]+>", "", raw.split("</p>", 1)[0]), raw)
        else:
            bodies[s["slug"]] = wrap_body(s)
    # Per shape, the variants it cycles through: (slug, sample or gold, rendering, encoding, script).
    combos: dict[str, list[tuple]] = {shape: [] for shape in SHAPES}
    for s in items:
        for shape in SHAPES_HTML if s["is_html"] else SHAPES_TEXT:
            for enc in ("utf-8", "gb18030"):
                for script in ("simplified", "traditional"):
                    combos[shape].append((s["slug"], s, None, enc, script))
    for shape, renderings in (("word", WORD_RENDERINGS), ("cms", CMS_RENDERINGS)):
        for rendering in renderings:
            for slug, gold in golds:
                for enc in ("utf-8", "gb18030"):
                    for script in ("simplified", "traditional"):
                        combos[shape].append((slug, gold, rendering, enc, script))
    for shape in SHAPES:
        (out / shape).mkdir(exist_ok=True)
        # Spread each shape's variants over the corpus rather than one gold after another.
        random.Random(seed).shuffle(combos[shape])
    manifest = []
    for i in range(docs):
        shape = SHAPES[i % len(SHAPES)]
        slug, src, rendering, enc, script = combos[shape][(i // len(SHAPES)) % len(combos[shape])]
        rng = random.Random(seed * 1_000_003 + i)
        if shape == "text":
            content = src["path"].read_text(encoding="utf-8")
            suffix = ".txt"
        elif shape in ("word", "cms"):
            content = real_like(src, shape, rendering, enc, rng)
            suffix = ".html"
        else:
            title, body = bodies[slug]
            if shape == "html":
                content = bare(body) + f"<!-- page {i} -->\n"
            else:
                content = page(title, body, "gb18030" if enc == "gb18030" else "utf-8", rng, rng.randrange(45_000, 55_000))
            suffix = ".html"
        if script == "traditional":
            content = content.translate(s2t)
        data = content.encode(enc)
        name = f"{shape}/{i:05d}_{slug[:24]}_{rendering or shape}_{enc}_{script[:4]}{suffix}"
        (out / name).write_bytes(data)
        manifest.append({
            "file": name, "slug": slug, "shape": shape, "rendering": rendering, "encoding": enc, "script": script,
            "size": len(data), "agency": rendering not in CLASSIC_TITLE,
        })
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False))
    return manifest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=10_000)
    args = parser.parse_args()
    manifest = build(args.out, args.docs)
    size = sum(m["size"] for m in manifest)
    print(f"{len(manifest)} documents, {size / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
