"""Writes the sixteen table-variant pages of this folder (hNN.html) and their gold (README.md).

    python make.py    # then render each page as the README says
"""
import json, random, html, os, copy
OUT = os.path.dirname(os.path.abspath(__file__))
COLS = ["natural_person","commercial","research","social_welfare","legal_services","other_org","total"]
COLN = ["自然人","商业企业","科研机构","社会公益组织","法律服务机构","其他","总计"]
# structure
def L(k, t): return ("leaf", k, t)
def G(t, ch): return ("group", t, ch)
STRUCT = [
 L("new_received","一、本年新收政府信息公开申请数量"),
 L("carried_over","二、上年结转政府信息公开申请数量"),
 G("三、本年度办理结果", [
   L("granted","（一）予以公开"),
   L("partially_granted","（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
   G("（三）不予公开", [
     L("denied_state_secret","1.属于国家秘密"),
     L("denied_prohibited_by_law","2.其他法律行政法规禁止公开"),
     L("denied_three_safeties","3.危及“三安全一稳定”"),
     L("denied_third_party","4.保护第三方合法权益"),
     L("denied_internal_affairs","5.属于三类内部事务信息"),
     L("denied_process_info","6.属于四类过程性信息"),
     L("denied_enforcement_file","7.属于行政执法案卷"),
     L("denied_query_matter","8.属于行政查询事项")]),
   G("（四）无法提供", [
     L("unavailable_not_held","1.本机关不掌握相关政府信息"),
     L("unavailable_needs_creation","2.没有现成信息需要另行制作"),
     L("unavailable_unclear","3.补正后申请内容仍不明确")]),
   G("（五）不予处理", [
     L("not_processed_petition","1.信访举报投诉类申请"),
     L("not_processed_duplicate","2.重复申请"),
     L("not_processed_publication","3.要求提供公开出版物"),
     L("not_processed_excessive","4.无正当理由大量反复申请"),
     L("not_processed_confirmation","5.要求行政机关确认或重新出具已获取信息")]),
   G("（六）其他处理", [
     L("other_no_correction","1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
     L("other_unpaid_fee","2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
     L("other_other","3.其他")]),
   L("results_total","（七）总计")]),
 L("carried_forward","四、结转下年度继续办理"),
]
ROWKEYS = ["new_received","carried_over","granted","partially_granted","denied_state_secret","denied_prohibited_by_law","denied_three_safeties","denied_third_party","denied_internal_affairs","denied_process_info","denied_enforcement_file","denied_query_matter","unavailable_not_held","unavailable_needs_creation","unavailable_unclear","not_processed_petition","not_processed_duplicate","not_processed_publication","not_processed_excessive","not_processed_confirmation","other_no_correction","other_unpaid_fee","other_other","results_total","carried_forward"]
OUTCOMES = ROWKEYS[2:23]

def gen_numbers(rng, scale=1):
    t3 = {k:{} for k in ROWKEYS}
    weights = {"natural_person":1.0,"commercial":0.5,"research":0.12,"social_welfare":0.15,"legal_services":0.3,"other_org":0.25}
    rowmax = {"granted":20,"partially_granted":8,"unavailable_not_held":15,"not_processed_petition":4,"not_processed_duplicate":5,"other_other":4,"denied_third_party":3,"denied_process_info":3,"unavailable_unclear":3,"other_no_correction":4}
    for c in COLS[:6]:
        w = weights[c]
        for k in OUTCOMES:
            m = rowmax.get(k, 2)
            v = 0
            if rng.random() < (0.75*w if k in rowmax else 0.25*w):
                v = rng.randint(1, max(1, int(m*scale*(w if c!="natural_person" else 1))))
            t3[k][c] = v
        tot = sum(t3[k][c] for k in OUTCOMES)
        t3["results_total"][c] = tot
        cf = rng.randint(0, 3) if rng.random() < 0.6*w else 0
        t3["carried_forward"][c] = cf
        co = rng.randint(0, min(3, tot+cf)) if rng.random() < 0.5*w else 0
        t3["carried_over"][c] = co
        t3["new_received"][c] = tot + cf - co
    for k in ROWKEYS:
        t3[k]["total"] = sum(t3[k][c] for c in COLS[:6])
    t4 = {}
    for g in ["review","litigation_direct","litigation_after_review"]:
        a = [rng.choice([0,0,1,2,3,5]) for _ in range(4)]
        if g=="litigation_after_review" and rng.random()<0.5: a=[0,0,0,0]
        t4[g] = a + [sum(a)]
    return t3, t4

# ---------------- label layouts: produce rows of cells -----------------
def cell(text, rs=1, cs=1, kind="label", **kw):
    d = dict(text=text, rs=rs, cs=cs, kind=kind); d.update(kw); return d

def count_leaves(node):
    if node[0]=="leaf": return 1
    return sum(count_leaves(c) for c in node[2])

def layout_rows(v, t3):
    """returns list of (labelcells, key or None)"""
    lay = v["labels"]; R = v.get("relabel", lambda s: s)
    out = []
    if lay == "split3":
        for n in STRUCT:
            if n[0]=="leaf": out.append(([cell(R(n[2]),cs=3)], n[1])); continue
            first = True
            for m in n[2]:
                pre = [cell(R(n[1]), rs=count_leaves(n))] if first else []
                first = False
                if m[0]=="leaf": out.append((pre+[cell(R(m[2]),cs=2)], m[1])); continue
                f2 = True
                for c in m[2]:
                    pre2 = pre + ([cell(R(m[1]), rs=len(m[2]))] if f2 else [])
                    f2 = False; pre = []
                    out.append((pre2+[cell(R(c[2]))], c[1]))
    elif lay == "split3_unmerged":
        for n in STRUCT:
            if n[0]=="leaf": out.append(([cell(R(n[2])), cell(""), cell("")], n[1])); continue
            first = True
            for m in n[2]:
                c1 = cell(R(n[1]) if first else ""); first = False
                if m[0]=="leaf": out.append(([c1, cell(R(m[2])), cell("")], m[1])); continue
                f2 = True
                for c in m[2]:
                    c2 = cell(R(m[1]) if f2 else ""); f2 = False
                    out.append(([c1, c2, cell(R(c[2]))], c[1])); c1 = cell("")
    elif lay == "split2":   # 三 as its own full-width row
        for n in STRUCT:
            if n[0]=="leaf": out.append(([cell(R(n[2]),cs=2)], n[1])); continue
            out.append(([cell(R(n[1]), cs=2)], "FULLROW"))
            for m in n[2]:
                if m[0]=="leaf": out.append(([cell(R(m[2]),cs=2)], m[1])); continue
                f2 = True
                for c in m[2]:
                    pre = [cell(R(m[1]), rs=len(m[2]))] if f2 else []; f2 = False
                    out.append((pre+[cell(R(c[2]))], c[1]))
    elif lay == "split2b":  # col1 = 三 rowspan, col2 = group header rows + items
        for n in STRUCT:
            if n[0]=="leaf": out.append(([cell(R(n[2]),cs=2)], n[1])); continue
            nrows = sum(1 if m[0]=="leaf" else 1+len(m[2]) for m in n[2])
            first = True
            for m in n[2]:
                pre = [cell(R(n[1]), rs=nrows)] if first else []; first = False
                if m[0]=="leaf": out.append((pre+[cell(R(m[2]))], m[1])); continue
                out.append((pre+[cell(R(m[1]))], "BLANK"))
                for c in m[2]:
                    out.append(([cell(R(c[2]))], c[1]))
    elif lay == "single":
        ind = v.get("indent", "")
        for n in STRUCT:
            if n[0]=="leaf": out.append(([cell(R(n[2]))], n[1])); continue
            out.append(([cell(R(n[1]))], "BLANK"))
            for m in n[2]:
                if m[0]=="leaf": out.append(([cell(ind+R(m[2]))], m[1])); continue
                out.append(([cell(ind+R(m[1]))], "BLANK"))
                for c in m[2]:
                    out.append(([cell(ind+ind+R(c[2]))], c[1]))
    return out

NLAB = {"split3":3,"split3_unmerged":3,"split2":2,"split2b":2,"single":1}

def zfmt(v, n, rng):
    if n != 0: 
        s = str(n)
        if v.get("fullwidth"): s = s.translate(str.maketrans("0123456789","０１２３４５６７８９"))
        return s
    z = v.get("zero","0")
    if z == "mixed": return rng.choice(["","0"])
    return z

def header_rows(v):
    nl = NLAB[v["labels"]]; h = v["header"]; hb = v.get("hbr", False)
    subs = ["商业企业","科研机构","社会公益组织","法律服务机构","其他"]
    if hb: subs = ["商业<br>企业","科研<br>机构","社会公益<br>组织","法律服务<br>机构","其他"]
    corner = v.get("corner", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    H = lambda t, rs=1, cs=1: cell(t, rs, cs, kind="head")
    if h == "HS":
        return [[H(corner,3,nl), H("申请人情况",1,7)],
                [H("自然人",2), H("法人或其他组织",1,5), H("总计",2)],
                [H(s) for s in subs]]
    if h == "HC":
        return [[H("申请人情况",2,nl), H("自然人",2), H("法人或其他组织",1,5), H("总计",2)],
                [H(s) for s in subs]]
    if h == "HC3":  # corner 申请人情况 rs3 cs3, third header row = column numbers? no: blank 申请人情况 row
        return [[H("申请人情况",3,nl), H("自然人",2), H("法人或其他组织",1,5), H("总计",2)],
                [H(s) for s in subs],
                [H(""), H(""), H(""), H(""), H(""), H(""), H("")]][:2] + []
    if h == "HF":
        return [[H("",1,nl)] + [H(s) for s in ["自然人"]+subs+["总计"]]]
    if h == "HS_unmerged":
        return [[H(corner,1,nl), H("申请人情况"), H(""),H(""),H(""),H(""),H(""),H("")],
                [H("",1,nl), H("自然人"), H("法人或其他组织"), H(""),H(""),H(""),H(""), H("总计")],
                [H("",1,nl), H("")] + [H(s) for s in subs] + [H("")]]
    raise ValueError(h)

def table3_grid(v, t3, rng):
    hdr = header_rows(v)
    body = []
    ncols = NLAB[v["labels"]] + 7
    for labs, key in layout_rows(v, t3):
        if key == "FULLROW":
            labs[0]["cs"] = ncols; body.append(labs); continue
        if key == "BLANK":
            body.append(labs + [cell(v.get("blankrow",""), kind="num") for _ in range(7)]); continue
        nums = [cell(zfmt(v, t3[key][c], rng), kind="num") for c in COLS]
        body.append(labs + nums)
    sp = v.get("spacer")
    if sp is not None:
        # insert an empty column after label columns
        hdr[0].insert(1, cell("", rs=len(hdr), kind="head", spacer=True))
        for r in body:
            if r[0]["cs"] == ncols: r[0]["cs"] += 1; continue
            # position: after label cells (cells kind label)
            i = max(i for i, c in enumerate(r) if c["kind"]=="label") + 1
            r.insert(i, cell("", kind="num", spacer=True))
    return hdr, body

# ---------------- table 4 ------------------
RES = ["结果维持","结果纠正","其他结果","尚未审结","总计"]
def t4_tables(v, t4, rng):
    lay = v["t4"]; H = lambda t, rs=1, cs=1: cell(t, rs, cs, kind="head")
    N = lambda n: cell(zfmt(v, n, rng), kind="num")
    allnums = t4["review"] + t4["litigation_direct"] + t4["litigation_after_review"]
    if lay == "A":  # one table, 3-row header
        return [[[H("行政复议",2,5), H("行政诉讼",1,10)],
                 [H("未经复议直接起诉",1,5), H("复议后起诉",1,5)],
                 [H(r) for r in RES*3],
                 [N(x) for x in allnums]]]
    if lay == "D":  # two header rows
        return [[[H("行政复议",1,5), H("行政诉讼（未经复议直接起诉）",1,5), H("行政诉讼（复议后起诉）",1,5)],
                 [H(r) for r in RES*3],
                 [N(x) for x in allnums]]]
    if lay == "B":  # split in two tables
        return [[[H("行政复议",1,5)], [H(r) for r in RES], [N(x) for x in t4["review"]]],
                [[H("行政诉讼",1,10)], [H("未经复议直接起诉",1,5), H("复议后起诉",1,5)], [H(r) for r in RES*2],
                 [N(x) for x in t4["litigation_direct"]+t4["litigation_after_review"]]]]
    if lay == "V":  # vertical, simple header
        rows = [[H(""), H("行政复议"), H("未经复议直接起诉"), H("复议后起诉")]]
        for i, r in enumerate(RES):
            rows.append([cell(r), N(t4["review"][i]), N(t4["litigation_direct"][i]), N(t4["litigation_after_review"][i])])
        return [rows]
    if lay == "V2":  # vertical with 行政诉讼 group header
        rows = [[H("",2), H("行政复议",2), H("行政诉讼",1,2)], [H("未经复议直接起诉"), H("复议后起诉")]]
        for i, r in enumerate(RES):
            rows.append([cell(r), N(t4["review"][i]), N(t4["litigation_direct"][i]), N(t4["litigation_after_review"][i])])
        return [rows]
    raise ValueError(lay)

# ---------------- serialisation ------------------
def esc(t):
    # keep <br> markup
    parts = t.split("<br>")
    return "<br>".join(html.escape(p, quote=False) for p in parts)

def td_plain(c, v):
    tag = "td"
    if c["kind"] == "head" and v.get("th_head"): tag = "th"
    if c["kind"] == "label" and v.get("th_labels"): tag = "th"
    a = ""
    if c["rs"] > 1: a += f' rowspan="{c["rs"]}"'
    if c["cs"] > 1: a += f' colspan="{c["cs"]}"'
    if v.get("align") and c["kind"] == "num": a += ' align="center"'
    if c.get("spacer"): a += ' width="8" style="border:none"'
    t = c["text"]
    if v.get("pad") and c["kind"] == "num": t = "&nbsp;" + esc(t) + "&nbsp;"
    else: t = esc(t)
    if v.get("pad") and c["kind"] == "num" and c["text"] == "": t = "&nbsp;"
    return f"<{tag}{a}>{t}</{tag}>"

SPANSTYLE = "font-size:10.5pt;font-family:仿宋_GB2312;mso-hansi-font-family:宋体;color:black"
def td_word(c, v, rng):
    a = ""
    if c["rs"] > 1: a += f' rowspan={c["rs"]}'
    if c["cs"] > 1: a += f' colspan={c["cs"]}'
    w = 60 if c["kind"] == "num" else 120
    style = "border:solid windowtext 1.0pt;border-top:none;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt"
    if c.get("spacer"): style = "border:none;padding:0cm 0cm 0cm 0cm"; w = 6
    al = "center" if c["kind"] != "label" else "left"
    t = c["text"]
    if t == "":
        inner = f'<span lang=EN-US style=\'{SPANSTYLE}\'><o:p>&nbsp;</o:p></span>'
    elif c["kind"] == "num" and v.get("splitdigits") and len(t) > 1:
        inner = "".join(f"<span lang=EN-US style='{SPANSTYLE}'>{ch}</span>" for ch in t)
    elif c["kind"] == "num":
        inner = f"<span lang=EN-US style='{SPANSTYLE}'>{esc(t)}</span>"
    else:
        # split label runs at a random point (Word runs)
        if len(t) > 4 and "<br>" not in t:
            k = rng.randint(1, len(t)-1)
            inner = f"<span style='{SPANSTYLE}'>{esc(t[:k])}</span><span style='{SPANSTYLE};mso-bidi-font-weight:bold'>{esc(t[k:])}</span>"
        else:
            inner = f"<span style='{SPANSTYLE}'>{esc(t)}</span>"
    return (f"<td width={w}{a} valign=top style='{style}'>\n"
            f"  <p class=MsoNormal align={al} style='text-align:{al};line-height:14.0pt;mso-line-height-rule:exactly'>{inner}</p>\n  </td>")

def table_html(rows, v, rng, extra_attrs="", caption=None, tail_rows=None, thead_n=0):
    word = v.get("word")
    if word:
        s = ("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=610 "
             "style='width:457.5pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;"
             "mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n")
    else:
        s = f'<table border="1" cellspacing="0" cellpadding="2"{extra_attrs}>\n'
    if caption: s += f"<caption>{caption}</caption>\n"
    for i, r in enumerate(rows):
        if thead_n and i == 0: s += "<thead>\n"
        if thead_n and i == thead_n: s += "</thead>\n<tbody>\n"
        if word:
            s += f" <tr style='mso-yfti-irow:{i};height:20.0pt'>\n  " + "\n  ".join(td_word(c, v, rng) for c in r) + "\n </tr>\n"
        else:
            s += "<tr>" + "".join(td_plain(c, v) for c in r) + "</tr>\n"
    if thead_n: s += "</tbody>\n"
    if tail_rows:
        for tr in tail_rows: s += tr + "\n"
    s += "</table>\n"
    return s

def title(v, t):
    st = v.get("titles", "p")
    if st == "h3": return f"<h3>{t}</h3>\n"
    if st == "word": return f"<p class=MsoNormal style='text-indent:32.0pt'><b><span style='font-size:16.0pt;font-family:黑体'>{t}</span></b></p>\n"
    if st == "strong": return f"<p style=\"text-indent:2em\"><strong>{t}</strong></p>\n"
    return f"<p>{t}</p>\n"

def para(v, t):
    if v.get("titles") == "word":
        return f"<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>{t}</span></p>\n"
    return f'<p style="text-indent:2em">{t}</p>\n'

def table1(v, rng):
    H = lambda t, rs=1, cs=1: cell(t, rs, cs, kind="head")
    N = lambda n: cell(str(n), kind="num")
    rows = [[H("第二十条第（一）项",1,4)],
            [H("信息内容"), H("本年制发件数"), H("本年废止件数"), H("现行有效件数")],
            [cell("规章"), N(0), N(0), N(0)],
            [cell("行政规范性文件"), N(rng.randint(0,9)), N(rng.randint(0,3)), N(rng.randint(10,60))],
            [H("第二十条第（五）项",1,4)],
            [H("信息内容"), H("本年处理决定数量",1,3)],
            [cell("行政许可"), cell(str(rng.randint(0,900)), cs=3, kind="num")],
            [H("第二十条第（六）项",1,4)],
            [H("信息内容"), H("本年处理决定数量",1,3)],
            [cell("行政处罚"), cell(str(rng.randint(0,300)), cs=3, kind="num")],
            [cell("行政强制"), cell(str(rng.randint(0,30)), cs=3, kind="num")],
            [H("第二十条第（八）项",1,4)],
            [H("信息内容"), H("本年收费金额（单位：万元）",1,3)],
            [cell("行政事业性收费"), cell("0", cs=3, kind="num")]]
    return table_html(rows, v, rng)

def build(v):
    rng = random.Random(v["seed"])
    t3, t4 = gen_numbers(rng, v.get("scale", 1))
    agency = v["agency"]; year = v.get("year", 2023)
    hdr, body = table3_grid(v, t3, rng)
    rows3 = hdr + body
    tail = None
    if v.get("notesrow"):
        nc = NLAB[v["labels"]] + 7 + (1 if v.get("spacer") is not None else 0)
        tail = [f'<tr><td colspan="{nc}" style="text-align:left">注：本表数据统计口径为{year}年1月1日至12月31日；“总计”列为自然人与法人或其他组织各列之和。</td></tr>']
    s = ['<!DOCTYPE html>\n<html><head><meta charset="utf-8">' if not v.get("word") else
         '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">\n<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15 (filtered)">',
         f"<title>{agency}{year}年政府信息公开工作年度报告</title></head><body>\n"]
    if v.get("word"): s.append("<div class=WordSection1 style='layout-grid:15.6pt'>\n")
    if v.get("layouttable"):
        s.append('<table width="100%" border="0" cellpadding="0" cellspacing="0" class="main"><tr><td class="left_nav" width="200">首页 &gt; 政务公开 &gt; 年度报告</td><td class="content">\n')
    s.append(f'<h1 style="text-align:center">{agency}{year}年政府信息公开工作年度报告</h1>\n')
    s.append(para(v, f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。报告所列数据统计期限自{year}年1月1日起至{year}年12月31日止。"))
    s.append(title(v, "一、总体情况"))
    s.append(para(v, f"{year}年，{agency}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《条例》，主动公开政府信息{rng.randint(100,900)}条，全年共收到政府信息公开申请{t3['new_received']['total']}件，均在法定期限内答复。"))
    s.append(title(v, "二、主动公开政府信息情况"))
    if not v.get("not1"): s.append(table1(v, rng))
    s.append(title(v, "三、收到和处理政府信息公开申请情况"))
    unit = v.get("unit")
    if unit == "p": s.append('<p style="text-align:right">单位：件</p>\n')
    t3html = table_html(rows3, v, rng, caption=("单位：件" if unit == "caption" else None), tail_rows=tail,
                        thead_n=(len(hdr) if v.get("thead") else 0))
    if v.get("split3at"):
        # split body into two tables (page break) at a row index that is not inside a rowspan
        k = v["split3at"]
        rows3 = copy.deepcopy(rows3)
        for ri in range(k):
            for c in rows3[ri]:
                if c["kind"] == "label" and ri + c["rs"] > k:
                    rem = ri + c["rs"] - k
                    c["rs"] = k - ri
                    rows3[k].insert(0, cell("", rs=rem))
        s.append(table_html(rows3[:k], v, rng))
        s.append('<p style="page-break-before:always">&nbsp;</p>\n')
        s.append(table_html(rows3[k:], v, rng))
    else:
        s.append(t3html)
    s.append(title(v, "四、政府信息公开行政复议、行政诉讼情况"))
    if unit: s.append('<p style="text-align:right">单位：件</p>\n')
    for tb in t4_tables(v, t4, rng):
        s.append(table_html(tb, v, rng))
        s.append("<p>&nbsp;</p>\n" if not v.get("word") else "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n")
    s.append(title(v, "五、存在的主要问题及改进情况"))
    s.append(para(v, f"{year}年，我单位政府信息公开工作取得了一定成效，但也存在一些不足，主要是公开内容不够全面，解读形式较为单一。下一步，将进一步加强业务培训，提升公开质量。"))
    s.append(title(v, "六、其他需要报告的事项"))
    s.append(para(v, f"本年度未收取信息处理费。{year}年共办理人大代表建议{rng.randint(1,30)}件、政协提案{rng.randint(1,30)}件。"))
    if v.get("layouttable"): s.append("</td></tr></table>\n")
    if v.get("word"): s.append("</div>\n")
    s.append("</body></html>\n")
    name = v["name"]
    with open(os.path.join(OUT, name + ".html"), "w", encoding="utf-8") as f: f.write("".join(s))
    gold = {"source": name + ".html", "format": "html", "template": "2021", "kind": "annual_report", "year": year,
            "agency": agency, "table3": {k: {c: t3[k][c] for c in COLS} for k in ROWKEYS}, "table4": t4,
            "notes": v["desc"]}
    with open(os.path.join(OUT, name + ".gold.json"), "w", encoding="utf-8") as f: json.dump(gold, f, ensure_ascii=False, indent=1)
    # sanity
    for k in ROWKEYS: assert t3[k]["total"] == sum(t3[k][c] for c in COLS[:6])
    for c in COLS:
        assert t3["new_received"][c] + t3["carried_over"][c] == t3["results_total"][c] + t3["carried_forward"][c]
        assert t3["results_total"][c] == sum(t3[k][c] for k in OUTCOMES)
    return gold

def relabel_A(s):
    m = {"（一）予以公开":"1.予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）":"2.部分公开（区分处理的，只计这一情形，不计其他情形）",
         "（三）不予公开":"3.不予公开","（四）无法提供":"4.无法提供","（五）不予处理":"5.不予处理","（六）其他处理":"6.其他处理","（七）总计":"7.总计",
         "2.其他法律行政法规禁止公开":"(2)法律行政法规禁止公开", "3.危及“三安全一稳定”":"(3)危及\"三安全一稳定\""}
    if s in m: return m[s]
    import re
    mm = re.match(r"^(\d)\.(.*)$", s)
    if mm: return f"({mm.group(1)}){mm.group(2)}"
    return s

def relabel_B(s):
    m = {"3.危及“三安全一稳定”":"3.危及「三安全一稳定」", "2.其他法律行政法规禁止公开":"2.其他法律行政法规禁止",
         "（二）部分公开（区分处理的，只计这一情形，不计其他情形）":"（二）部分公开",
         "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请":"1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",
         "四、结转下年度继续办理":"四、结转下年度继续办理的政府信息公开申请数量"}
    return m.get(s, s)

def relabel_vertical(s):
    m = {"三、本年度办理结果":"三<br>、<br>本<br>年<br>度<br>办<br>理<br>结<br>果", "（三）不予公开":"（三）<br>不予<br>公开",
         "（四）无法提供":"（四）<br>无法<br>提供","（五）不予处理":"（五）<br>不予<br>处理","（六）其他处理":"（六）<br>其他<br>处理",
         "3.危及“三安全一稳定”":"3.危及‘三安全一稳定’"}
    return m.get(s, s)

VARIANTS = [
 dict(name="h01", seed=101, agency="江川市临河区人民政府办公室", header="HS", labels="split3", zero="0", t4="A", titles="p",
      desc="baseline national layout: 3-row header with 勾稽 corner rs3 cs3, labels in 3 columns with rowspans, zeros 0, t4 one table 3-row header"),
 dict(name="h02", seed=102, agency="青州省水利厅", header="HC", labels="single", zero="", t4="B", titles="h3",
      desc="corner 申请人情况 rs2 cs1, single label column with group rows (blank numbers), zeros blank, t4 split into two tables, h3 titles"),
 dict(name="h03", seed=103, agency="安平县市场监督管理局", header="HS", labels="split3", zero="0", t4="A", titles="word", word=True, splitdigits=True, scale=3,
      desc="Word filtered HTML: td>p>span, digits split over spans, WordSection1 div"),
 dict(name="h04", seed=104, agency="宁远市自然资源和规划局", header="HS", labels="split3", zero="—", t4="D", relabel=relabel_A,
      desc="labels renumbered （一）->1., 1.->(1), 其他法律行政法规禁止公开 shortened, ASCII quotes; zeros em dash; t4 two-row header"),
 dict(name="h05", seed=105, agency="东华市教育局", header="HS", labels="split2", zero="/", t4="V",
      desc="labels in 2 columns, 三、本年度办理结果 as full-width row; zeros '/'; t4 vertical (row per result)"),
 dict(name="h06", seed=106, agency="西岭县人民政府", header="HS", labels="split3", zero="0", t4="A", unit="caption", notesrow=True,
      desc="caption 单位：件, notes row under table 3 with colspan, 单位 paragraph before t4"),
 dict(name="h07", seed=107, agency="南山市卫生健康委员会", header="HS", labels="split3", zero="0", t4="A", spacer=True,
      desc="empty spacer column between label columns and numbers"),
 dict(name="h08", seed=108, agency="北溪区住房和城乡建设局", header="HS_unmerged", labels="split3_unmerged", zero="0", t4="D",
      desc="merges lost: group labels only in first row, empty cells below; header unmerged with empty cells"),
 dict(name="h09", seed=109, agency="临江市公安局", header="HF", labels="single", zero="mixed", t4="V2", indent="\u3000",
      desc="flat one-row header (no 法人或其他组织 group), single label column with ideographic-space indent, zeros mixed blank/0, t4 vertical with 行政诉讼 group"),
 dict(name="h10", seed=110, agency="云台县交通运输局", header="HS", labels="split3", zero="0", t4="A", thead=True, th_head=True, th_labels=True, pad=True, align=True,
      desc="thead/tbody, th for header and row labels, numbers padded with &nbsp;"),
 dict(name="h11", seed=111, agency="长宁市生态环境局", header="HS", labels="split3", zero="0", t4="B", split3at=3+12,
      desc="table 3 split into two tables at a page break (after 不予公开 items up to 8), second table without header"),
 dict(name="h12", seed=112, agency="平阳县财政局", header="HC", labels="split2b", zero="", t4="A", relabel=relabel_B, titles="strong",
      desc="col1 三、本年度办理结果 rowspan, col2 group header rows with blank numbers then items; labels shortened/other quotes"),
 dict(name="h13", seed=113, agency="丰县人力资源和社会保障局", header="HC", labels="split3", zero="0", t4="B", word=True, splitdigits=True, titles="word", scale=6,
      desc="Word markup with HC header, t4 split two tables, larger numbers split over digit spans"),
 dict(name="h14", seed=114, agency="海州市民政局", header="HS", labels="split3", zero="0", t4="A", hbr=True, relabel=relabel_vertical,
      desc="<br> line breaks inside header words and vertical labels (三<br>、<br>本<br>年...)"),
 dict(name="h15", seed=115, agency="桐城区农业农村局", header="HS", labels="split3", zero="0", t4="V", fullwidth=True, unit="p",
      desc="full-width digits for numbers, 单位：件 paragraph, t4 vertical"),
 dict(name="h16", seed=116, agency="金沙县应急管理局", header="HS", labels="split3", zero="0", t4="V2", layouttable=True, not1=True, titles="h3",
      desc="whole content inside a CMS layout table (nested table), no table 1"),
]

if __name__ == "__main__":
    for v in VARIANTS:
        build(v)
        print(v["name"], "ok")
