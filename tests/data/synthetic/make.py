#!/usr/bin/env python3
"""Synthetic gold documents: 30 reports with realistic, varied values, and each rendered once.

So that the table readers are tested beyond the ten real tables, this writes
``syn-NN.gold.json`` (the gold format of tests/data/real) and ``syn-NN.<html|md|txt>`` (the
report rendered by one of the issue-11 layouts of `gongkai._render`, which the gold's
``notes`` name) for NN = 01…30. Seeded: the same files on every run.

What varies (the gold ``notes`` say which applies):

- template 2019 (report years 2019-2020) or 2021 (2021-2025);
- size: all-zero tables, small counts (natural persons dominant), medium, and large ones with
  3-4 digit counts (a city government); table 2's licensing / punishment counts up to 6 digits;
  fees in 万元 with decimals; 2019 本年增/减 with negative values and 采购总金额 with units;
- blank totals: the 总计 cells of some table-3 rows printed blank although their parts are not 0,
  recorded as gold 0 (DOMAIN §7.4) and listed in ``printed_blank`` (the renderer leaves them blank);
  the checks should raise ``T3_TOTAL_OMITTED``;
- sources whose published arithmetic does not add up (a row total one off, a table-4 group total
  printed 0 against non-zero parts, a 结转 figure that breaks the balance): recorded as printed,
  flagged in ``notes`` and listed (check codes of SPEC §3) in ``inconsistencies``.

Facts: ``proactive_total``, ``requests_received`` (= table 3 一、总计) and ``fees_yuan``, which the
rendered prose states (`gongkai._render._prose`). Where the chosen rendering drops blank cells,
``unscored`` lists the cells no reader can place (`gongkai._render.unscored`).

Run from the repository root (gongkai installed): ``python tests/data/synthetic/make.py``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from gongkai import _render
from gongkai._schema import REQUESTS_COLS, REQUESTS_ROWS_2019, REQUESTS_ROWS_2021, REVIEW_COLS, REVIEW_GROUPS

HERE = Path(__file__).resolve().parent
SEED = 20261202
N = 30

PARTS = REQUESTS_COLS[:6]
#: Relative frequency of each result row (real reports: mostly granted or not held).
RESULT_WEIGHTS = {
    "granted": 40,
    "partially_granted": 8,
    "denied_state_secret": 0.3,
    "denied_prohibited_by_law": 0.4,
    "denied_three_safeties": 0.3,
    "denied_third_party": 1.0,
    "denied_internal_affairs": 1.5,
    "denied_process_info": 2.0,
    "denied_enforcement_file": 0.5,
    "denied_query_matter": 1.5,
    "unavailable_not_held": 20,
    "unavailable_needs_creation": 3,
    "unavailable_unclear": 2,
    "not_processed_petition": 4,
    "not_processed_duplicate": 3,
    "not_processed_publication": 0.5,
    "not_processed_excessive": 0.5,
    "not_processed_confirmation": 0.5,
    "other": 3,
    "other_no_correction": 2,
    "other_unpaid_fee": 0.3,
    "other_other": 1.5,
}
APPLICANT_WEIGHTS = (0, 6, 0.4, 0.6, 1.5, 1.5)  # among the organisations (natural persons apart)

PLACES = ("青岚县", "云溪区", "梅林镇", "石门县", "东湖区", "临江市", "白沙镇", "南屏县", "北塘区", "枫桥镇", "安平市", "长宁县")
BODIES = (
    ("人民政府", "large"),
    ("人民政府办公室", "medium"),
    ("教育局", "small"),
    ("生态环境局", "medium"),
    ("市场监督管理局", "large"),
    ("民政局", "small"),
    ("自然资源局", "medium"),
    ("卫生健康委员会", "small"),
    ("住房和城乡建设局", "medium"),
    ("财政局", "small"),
)
#: The layouts the documents are rendered in (positional ones, and two that drop blank cells).
LAYOUTS = (
    "md-fullgrid",
    "html-split",
    "text-tabs",
    "text-layout",
    "md-extra-cell",
    "html-t2-order",
    "md-t4-groups",
    "text-t4-note",
    "text-label-typos",
    "text-t3-group-after",
)

BLANK_TOTALS = {5: "results", 12: "some", 19: "results", 26: "some"}
INCONSISTENT = {8: "row_sum", 17: "t4_group", 27: "balance"}
ZERO = {2, 23}
LARGE = {3, 14, 21, 29}


def multinomial(n: int, weights: list[float] | tuple[float, ...], rng: random.Random) -> list[int]:
    out = [0] * len(weights)
    if n <= 0 or not any(weights):
        return out
    for i in rng.choices(range(len(weights)), weights=weights, k=n):
        out[i] += 1
    return out


def applicants(n: int, rng: random.Random, np_share: tuple[float, float]) -> list[int]:
    """n requests over the six applicant columns, natural persons dominant."""
    if n <= 0:
        return [0] * 6
    natural = round(n * rng.uniform(*np_share))
    return [natural] + multinomial(n - natural, APPLICANT_WEIGHTS[1:], rng)


def table3(fmt: str, size: str, rng: random.Random) -> dict[str, dict[str, int]]:
    rows = REQUESTS_ROWS_2021 if fmt == "2021" else REQUESTS_ROWS_2019
    results = [r for r in rows if r not in ("new_received", "carried_over", "results_total", "carried_forward")]
    n = {"zero": 0, "small": rng.choice((0, 1, 2, 3, 5, 8, 12)), "medium": rng.randint(15, 160),
         "large": rng.randint(800, 4200)}[size]
    share = (0.85, 0.99) if size == "large" else (0.6, 1.0)
    new = applicants(n, rng, share)
    carried = applicants(rng.choice((0, 0, 0, max(1, n // 25))) if n else 0, rng, share)
    forward = [0] * 6
    if n and rng.random() < 0.6:
        forward = [round((new[c] + carried[c]) * rng.uniform(0, 0.08)) for c in range(6)]
    total = [new[c] + carried[c] - forward[c] for c in range(6)]
    weights = [RESULT_WEIGHTS[r] * rng.uniform(0.3, 1.7) for r in results]
    per_row = {r: [0] * 6 for r in results}
    for c in range(6):
        for r, k in zip(results, multinomial(total[c], weights, rng)):
            per_row[r][c] = k
    values = {"new_received": new, "carried_over": carried, "results_total": total, "carried_forward": forward}
    values.update(per_row)
    return {r: dict(zip(REQUESTS_COLS, values[r] + [sum(values[r])])) for r in rows}


def table4(size: str, rng: random.Random) -> dict[str, list[int]]:
    out = {}
    for g, scale in zip(REVIEW_GROUPS, (1.0, 0.5, 0.3)):
        count = {"zero": 0, "small": rng.choice((0, 0, 0, 1, 2)), "medium": rng.randint(0, 12),
                 "large": rng.randint(20, 380)}[size]
        parts = multinomial(round(count * scale), (5, 1, 2, 1.2), rng)
        out[g] = parts + [sum(parts)]
    return out


def money(rng: random.Random, hi: float) -> float | int:
    if rng.random() < 0.3:
        return 0
    value = round(rng.uniform(0.3, hi), rng.choice((1, 2, 2, 4)))
    return int(value) if value.is_integer() else value


def table2(fmt: str, size: str, government: bool, rng: random.Random) -> dict[str, dict[str, Any]]:
    big = {"zero": 0, "small": 1, "medium": 2, "large": 3}[size]
    decisions = lambda scale: 0 if not big else rng.randint(0, 10 ** (big + scale))  # noqa: E731
    if fmt == "2021":
        issued = rng.randint(0, 3) if government and big else 0
        n_issued = rng.randint(0, 6 * big)
        return {
            "rules": {"issued": issued, "repealed": rng.randint(0, issued), "in_force": issued + (rng.randint(3, 40) if issued else 0)},
            "normative_documents": {"issued": n_issued, "repealed": rng.randint(0, 4 * big), "in_force": n_issued + rng.randint(0, 60 * big)},
            "licensing": {"decisions": decisions(2)},
            "punishment": {"decisions": decisions(1)},
            "coercion": {"decisions": decisions(0)},
            "fees": {"amount_10k_yuan": money(rng, 10 ** (big + 1)) if big else 0},
        }
    made = rng.randint(0, 2) if government and big else 0
    n_made = rng.randint(0, 6 * big)

    def item(prev_hi: int, decisions_scale: int) -> dict[str, int]:
        prev = rng.randint(0, prev_hi) if big else 0
        change = rng.randint(-min(prev, 12), 8) if prev else 0
        return {"prev_items": prev, "change": change, "decisions": decisions(decisions_scale)}

    amount: Any = 0
    items = rng.randint(0, 12 * big)
    if items:
        amount = rng.choice((f"{rng.randint(5, 900) * 1000}元", f"{round(rng.uniform(1, 300), 2)}万元", rng.randint(10000, 990000)))
    return {
        "rules": {"new_made": made, "new_published": made, "total_published": made + (rng.randint(5, 60) if made else 0)},
        "normative_documents": {"new_made": n_made, "new_published": n_made, "total_published": n_made + rng.randint(0, 80 * big)},
        "licensing": item(300, 2),
        "other_services": item(80, 1),
        "punishment": item(600, 1),
        "coercion": item(40, 0),
        "fees": {"prev_items": rng.randint(0, 12) if big else 0, "change": rng.choice((0, 0, -1, -2, 1))},
        "procurement": {"items": items, "amount": amount},
    }


def report(i: int) -> tuple[dict, str]:
    rng = random.Random(SEED * 100 + i)
    fmt = "2019" if i % 5 in (0, 3) else "2021"
    year = rng.choice((2019, 2020)) if fmt == "2019" else rng.choice((2021, 2022, 2023, 2024, 2025))
    place = PLACES[i % len(PLACES)]
    body, size = BODIES[(i * 7) % len(BODIES)]
    if i in ZERO:
        size = "zero"
    elif i in LARGE:
        size = "large"
    elif size == "large":
        size = "medium"
    government = body.startswith("人民政府")
    agency = place + body
    notes = [f"Synthetic report (tests/data/synthetic/make.py, seed {SEED}, document {i}): {fmt} template, size {size}."]
    t2 = table2(fmt, size, government, rng)
    t3 = table3(fmt, size, rng)
    t4 = table4(size, rng)
    inconsistencies: list[str] = []
    printed_blank: list[str] = []
    if i in BLANK_TOTALS:
        results = [r for r in t3 if r not in ("new_received", "carried_over", "results_total", "carried_forward")]
        rows = results if BLANK_TOTALS[i] == "results" else ["new_received", *results[:6]]
        rows = [r for r in rows if any(t3[r][c] for c in PARTS)]
        if not rows:  # make sure there is something to leave blank
            t3["granted"]["natural_person"] += 2
            t3["new_received"]["natural_person"] += 2
            t3["results_total"]["natural_person"] += 2
            for r in ("granted", "new_received", "results_total"):
                t3[r]["total"] += 2
            rows = ["granted"]
        for r in rows:
            t3[r]["total"] = 0
            printed_blank.append(f"table3.{r}.total")
        inconsistencies.append("T3_TOTAL_OMITTED")
        notes.append(
            "BLANK TOTALS: the 总计 cell of " + ", ".join(rows) + " is printed blank although the row's parts are not"
            " all 0; recorded as 0 (listed in printed_blank); T3_TOTAL_OMITTED expected."
        )
    kind = INCONSISTENT.get(i)
    if kind == "row_sum":
        row = max((r for r in t3 if r not in ("new_received", "carried_over", "results_total", "carried_forward")),
                  key=lambda r: t3[r]["total"])
        if t3[row]["total"] == 0:
            t3[row]["natural_person"] = t3[row]["total"] = 1
            for r in ("new_received", "results_total"):
                t3[r]["natural_person"] += 1
                t3[r]["total"] += 1
        t3[row]["total"] += 1
        inconsistencies += ["T3_ROW_SUM", "T3_RESULTS_SUM"]
        notes.append(f"SOURCE INCONSISTENCY: table 3 row {row} prints total {t3[row]['total']}, one more than its parts"
                     " (T3_ROW_SUM; the 总计 column of the result rows then sums one more than （七）总计: T3_RESULTS_SUM).")
    elif kind == "t4_group":
        if sum(t4["review"][:4]) == 0:
            t4["review"] = [3, 1, 0, 0, 4]
        printed = t4["review"][4]
        t4["review"][4] = 0
        inconsistencies.append("T4_GROUP_SUM")
        notes.append(f"SOURCE INCONSISTENCY: table 4 行政复议 prints 总计 0 against parts summing to {printed} (T4_GROUP_SUM).")
    elif kind == "balance":
        t3["carried_forward"]["natural_person"] += 2
        t3["carried_forward"]["total"] += 2
        inconsistencies.append("T3_BALANCE")
        notes.append("SOURCE INCONSISTENCY: table 3 四、结转下年度继续办理 prints 2 more natural-person requests than the"
                     " balance 一 + 二 = （七） + 四 allows (T3_BALANCE on natural_person and total).")
    if fmt == "2019":
        negative = [k for k, v in t2.items() if isinstance(v.get("change"), int) and v["change"] < 0]
        if negative:
            notes.append("Table 2 本年增/减 negative for " + ", ".join(negative) + ".")
    if any(v > 999 for r in t3.values() for v in r.values()):
        notes.append("Large counts (4 digits) in table 3.")
    layout = LAYOUTS[i % len(LAYOUTS)]
    facts = {
        "proactive_total": rng.randint(30, 6000) if size != "zero" else rng.randint(5, 60),
        "requests_received": t3["new_received"]["total"] if t3["new_received"]["total"] or not printed_blank
        else sum(t3["new_received"][c] for c in PARTS),
        "fees_yuan": rng.choice((0, 0, 0, 15, 120.5)) if fmt == "2021" else 0,
    }
    gold: dict[str, Any] = {
        "source": {"repo": None, "path": None, "commit": None, "via": "synthetic"},
        "format": _render.source_format(layout),
        "template": fmt,
        "kind": "annual_report",
        "year": year,
        "agency": agency,
        "table2": t2,
        "table3": t3,
        "table4": t4,
        "facts": facts,
        "printed_blank": printed_blank,
        "inconsistencies": sorted(set(inconsistencies)),
    }
    hidden = _render.unscored(gold, layout)
    if hidden:
        keys = {"proactive": "table2", "requests": "table3", "review_litigation": "table4"}
        gold["unscored"] = sorted(f"{keys[t]}.{r}.{c}" for t, r, c in hidden)
        notes.append(f"{len(hidden)} cells listed in 'unscored': their blank cells vanish in this layout and the"
                     " arithmetic does not fix them.")
    notes.append(f"Document: the '{layout}' rendering of gongkai._render ({_render.RENDERINGS[layout]}).")
    gold["notes"] = " ".join(notes)
    return gold, layout


def main() -> int:
    for p in HERE.glob("syn-*"):
        p.unlink()
    for i in range(1, N + 1):
        gold, layout = report(i)
        stem = f"syn-{i:02d}"
        (HERE / f"{stem}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        (HERE / f"{stem}.{_render.extension(layout)}").write_bytes(_render.render(gold, layout))
        t3 = gold["table3"]
        print(f"{stem} {gold['template']} {gold['year']} {gold['agency']:<16} {layout:<20} new={t3['new_received']['total']:>5}"
              f" {' '.join(gold['inconsistencies'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
