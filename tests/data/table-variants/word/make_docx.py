import json, re, html, copy
from docx import Document
from docx.shared import Pt, Cm
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

import os
SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..') + '/'
OUT = os.path.dirname(os.path.abspath(__file__)) + '/'
COLS = ['natural_person','commercial','research','social_welfare','legal_services','other_org','total']

# (key, level-labels) : tuple of (col0, col1, col2) labels; None means merged with left/above
ROWS = [
 ('new_received', '一、本年新收政府信息公开申请数量'),
 ('carried_over', '二、上年结转政府信息公开申请数量'),
 ('granted', '（一）予以公开'),
 ('partially_granted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'),
 ('denied_state_secret', '1.属于国家秘密'),
 ('denied_prohibited_by_law', '2.其他法律行政法规禁止公开'),
 ('denied_three_safeties', '3.危及“三安全一稳定”'),
 ('denied_third_party', '4.保护第三方合法权益'),
 ('denied_internal_affairs', '5.属于三类内部事务信息'),
 ('denied_process_info', '6.属于四类过程性信息'),
 ('denied_enforcement_file', '7.属于行政执法案卷'),
 ('denied_query_matter', '8.属于行政查询事项'),
 ('unavailable_not_held', '1.本机关不掌握相关政府信息'),
 ('unavailable_needs_creation', '2.没有现成信息需要另行制作'),
 ('unavailable_unclear', '3.补正后申请内容仍不明确'),
 ('not_processed_petition', '1.信访举报投诉类申请'),
 ('not_processed_duplicate', '2.重复申请'),
 ('not_processed_publication', '3.要求提供公开出版物'),
 ('not_processed_excessive', '4.无正当理由大量反复申请'),
 ('not_processed_confirmation', '5.要求行政机关确认或重新出具已获取信息'),
 ('other_no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
 ('other_unpaid_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
 ('other_other', '3.其他'),
 ('results_total', '（七）总计'),
 ('carried_forward', '四、结转下年度继续办理'),
]
GROUPS = [(4, 8, '（三）不予公开'), (12, 3, '（四）无法提供'), (15, 5, '（五）不予处理'), (20, 3, '（六）其他处理')]
T4SUB = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']

def set_cell(cell, text, size, bold=False, align=WD_ALIGN_PARAGRAPH.CENTER):
    cell.text = ''
    p = cell.paragraphs[0]
    p.alignment = align
    r = p.add_run(text)
    r.font.size = Pt(size); r.bold = bold
    r.font.name = 'Times New Roman'
    r._element.rPr.rFonts.set(qn('w:eastAsia'), '宋体')

def vtext(cell):
    tcPr = cell._tc.get_or_add_tcPr()
    td = OxmlElement('w:textDirection'); td.set(qn('w:val'), 'tbRlV'); tcPr.append(td)

def repeat_header(row):
    trPr = row._tr.get_or_add_trPr()
    e = OxmlElement('w:tblHeader'); e.set(qn('w:val'), 'true'); trPr.append(e)

def row_height(row, cm):
    row.height = Cm(cm)

def fmt(v, opt):
    z = opt.get('zero', '0')
    if v == 0:
        if z == 'mixed':
            opt['_k'] = opt.get('_k', 0) + 1
            return '' if opt['_k'] % 3 else '0'
        return z
    return str(v)

def widths(table, ws):
    table.autofit = False
    for row in table.rows:
        for i, c in enumerate(row.cells):
            pass
    # set grid widths
    grid = table._tbl.tblGrid
    for i, gc in enumerate(grid.findall(qn('w:gridCol'))):
        gc.set(qn('w:w'), str(int(ws[i] * 567)))
    for row in table.rows:
        for i, tc in enumerate(row._tr.findall(qn('w:tc'))):
            pass

def set_col_widths(table, ws):
    widths(table, ws)
    for row in table.rows:
        for j, cell in enumerate(row.cells):
            cell.width = Cm(ws[j])

def t3_header(doc, size, ws):
    t = doc.add_table(rows=3, cols=10); t.style = 'Table Grid'
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    c = t.cell(0, 0).merge(t.cell(2, 2)); set_cell(c, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', size)
    c = t.cell(0, 3).merge(t.cell(0, 9)); set_cell(c, '申请人情况', size, True)
    c = t.cell(1, 3).merge(t.cell(2, 3)); set_cell(c, '自然人', size)
    c = t.cell(1, 4).merge(t.cell(1, 8)); set_cell(c, '法人或其他组织', size)
    c = t.cell(1, 9).merge(t.cell(2, 9)); set_cell(c, '总计', size)
    for j, w in enumerate(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']):
        set_cell(t.cell(2, 4 + j), w, size)
    return t

def t3_body(t, gold, idx_from, idx_to, size, opt, off):
    """append rows idx_from..idx_to-1 of ROWS to table t; off = number of rows already in t"""
    n = idx_to - idx_from
    for _ in range(n):
        t.add_row()
    base = off
    for k in range(idx_from, idx_to):
        key, lab = ROWS[k]
        r = base + (k - idx_from)
        vals = gold['table3'][key]
        for j, col in enumerate(COLS):
            set_cell(t.cell(r, 3 + j), fmt(vals[col], opt), size)
        if key in ('new_received', 'carried_over', 'carried_forward'):
            c = t.cell(r, 0).merge(t.cell(r, 2)); set_cell(c, lab, size, align=WD_ALIGN_PARAGRAPH.LEFT)
        elif key in ('granted', 'partially_granted', 'results_total'):
            c = t.cell(r, 1).merge(t.cell(r, 2)); set_cell(c, lab, size, align=WD_ALIGN_PARAGRAPH.LEFT)
        else:
            set_cell(t.cell(r, 2), lab, size, align=WD_ALIGN_PARAGRAPH.LEFT)
        if opt.get('rowh'):
            row_height(t.rows[r], opt['rowh'])
    # group merges (col 1)
    for start, cnt, lab in GROUPS:
        s, e = max(start, idx_from), min(start + cnt, idx_to)
        if s < e:
            c = t.cell(base + s - idx_from, 1).merge(t.cell(base + e - 1 - idx_from, 1))
            set_cell(c, lab, size)
    # 三、本年度办理结果 over rows 2..23
    s, e = max(2, idx_from), min(24, idx_to)
    if s < e:
        c = t.cell(base + s - idx_from, 0).merge(t.cell(base + e - 1 - idx_from, 0))
        set_cell(c, '三、本年度办理结果', size)
        if opt.get('vertical'):
            vtext(c)

def t4(doc, gold, size, opt):
    t = doc.add_table(rows=4, cols=15); t.style = 'Table Grid'
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    c = t.cell(0, 0).merge(t.cell(1, 4)); set_cell(c, '行政复议', size, True)
    c = t.cell(0, 5).merge(t.cell(0, 14)); set_cell(c, '行政诉讼', size, True)
    c = t.cell(1, 5).merge(t.cell(1, 9)); set_cell(c, '未经复议直接起诉', size)
    c = t.cell(1, 10).merge(t.cell(1, 14)); set_cell(c, '复议后起诉', size)
    for j in range(15):
        set_cell(t.cell(2, j), T4SUB[j % 5], size)
    vals = gold['table4']['review'] + gold['table4']['litigation_direct'] + gold['table4']['litigation_after_review']
    for j, v in enumerate(vals):
        set_cell(t.cell(3, j), fmt(v, opt), size)
    return t

def page_break(doc):
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

def para(doc, text, size=14, indent=True, bold=False, align=None):
    p = doc.add_paragraph()
    if indent: p.paragraph_format.first_line_indent = Pt(size * 2)
    if align is not None: p.alignment = align
    r = p.add_run(text); r.font.size = Pt(size); r.bold = bold
    r.font.name = 'Times New Roman'
    r._element.rPr.rFonts.set(qn('w:eastAsia'), '仿宋_GB2312')
    return p

def texts(h):
    src = open(SRC + h + '.html', encoding='utf-8').read()
    title = html.unescape(re.search(r'<title>(.*?)</title>', src, re.S).group(1)).strip()
    body = re.sub(r'<table.*?</table>', '', src, flags=re.S)
    ps = [html.unescape(re.sub(r'<[^>]+>', '', m[1])).strip() for m in re.findall(r'<(p|h[1-6])[^>]*>(.*?)</\1>', body, re.S)]
    ps = [re.sub(r'\s+', '', p) for p in ps]
    ps = [p for p in ps if len(p) > 25 and not re.match(r'^[一二三四五六七]、', p) and p != title]
    return title, ps

def landscape(doc):
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = sec.page_height, sec.page_width

def portrait(doc):
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = sec.page_height, sec.page_width

EVEN3 = [1.2, 1.4, 4.0] + [1.2] * 7
UNEVEN3 = [0.9, 2.2, 5.5, 1.0, 1.6, 0.9, 1.4, 2.1, 0.8, 1.3]
UNEVEN4 = [0.8, 1.5, 1.0, 1.2, 0.9, 1.4, 0.8, 1.0, 1.1, 0.9, 1.6, 0.8, 1.2, 1.0, 0.9]

def build(h, d, opt):
    gold = json.load(open(SRC + h + '.gold.json', encoding='utf-8'))
    title, ps = texts(h)
    doc = Document()
    st = doc.styles['Normal']; st.font.size = Pt(12)
    st.font.name = 'Times New Roman'; st.element.rPr.rFonts.set(qn('w:eastAsia'), '宋体')
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    tp = para(doc, title, 20, False, True, WD_ALIGN_PARAGRAPH.CENTER)
    size = opt.get('size', 10.5)
    # paragraphs: ps[0]=intro, then headings/paragraphs in order
    def heading(text):
        para(doc, text, 16, True, True)
    rest = list(ps)
    para(doc, rest[0])
    heading('一、总体情况')
    for x in rest[1:-2]: para(doc, x)
    heading('二、主动公开政府信息情况')
    para(doc, '本年度主动公开政府信息情况详见本机关政府信息公开专栏。')
    rest = ['三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', rest[-2], '六、其他需要报告的事项', rest[-1]]
    if opt.get('landscape'):
        landscape(doc)
    heading(rest.pop(0))  # 三、
    if opt.get('unit'):
        para(doc, '单位：件', 12, False, False, WD_ALIGN_PARAGRAPH.RIGHT)
    ws3 = UNEVEN3 if opt.get('uneven') else EVEN3
    if opt.get('landscape'):
        ws3 = [w * 1.3 for w in ws3]
    t = t3_header(doc, size, ws3)
    if opt.get('repeat'):
        for r in t.rows[:3]: repeat_header(r)
    if opt.get('split3'):
        t3_body(t, gold, 0, 12, size, opt, 3)
        set_col_widths(t, ws3)
        if opt.get('split3') == 'break':
            page_break(doc)
        else:
            doc.add_paragraph()
        t2 = doc.add_table(rows=0, cols=10); t2.style = 'Table Grid'; t2.alignment = WD_TABLE_ALIGNMENT.CENTER
        t3_body(t2, gold, 12, len(ROWS), size, opt, 0)
        set_col_widths(t2, ws3)
    else:
        t3_body(t, gold, 0, len(ROWS), size, opt, 3)
        set_col_widths(t, ws3)
    while rest and not rest[0].startswith('四、'):
        para(doc, rest.pop(0))
    if opt.get('break4'):
        page_break(doc)
    heading(rest.pop(0))  # 四、
    t4t = t4(doc, gold, size, opt)
    ws4 = UNEVEN4 if opt.get('uneven') else [1.06] * 15
    if opt.get('landscape'):
        ws4 = [w * 1.5 for w in ws4]
    set_col_widths(t4t, ws4)
    if opt.get('landscape'):
        portrait(doc)
    for x in rest:
        if re.match(r'^[一二三四五六七]、', x): heading(x)
        else: para(doc, x)
    doc.save(OUT + d + '.docx')
    g = {k: gold[k] for k in ('year', 'agency', 'kind', 'template', 'table3', 'table4')}
    g['source'] = d + '.docx'; g['format'] = 'docx'
    g['notes'] = 'from %s; variant: %s' % (h, ', '.join('%s=%s' % kv for kv in opt.items() if not kv[0].startswith('_')))
    json.dump(g, open(OUT + d + '.gold.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
    for fmt_, sub, ext in (('pdf', 'pdf/', 'pdf'), ('doc', 'doc/', 'doc')):
        g2 = dict(g); g2['format'] = fmt_; g2['source'] = d + '.' + ext
        json.dump(g2, open(OUT + sub + d + '.gold.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=1)

VARIANTS = [
 ('h01', 'd01', {'zero': '0'}),
 ('h02', 'd02', {'zero': ''}),
 ('h03', 'd03', {'zero': '0', 'break4': True}),
 ('h04', 'd04', {'zero': '0', 'split3': 'break'}),
 ('h05', 'd05', {'zero': '0', 'landscape': True}),
 ('h06', 'd06', {'zero': '0', 'uneven': True}),
 ('h07', 'd07', {'zero': '', 'size': 7.5}),
 ('h09', 'd08', {'zero': '0', 'rowh': 1.1, 'repeat': True}),
 ('h11', 'd09', {'zero': '', 'split3': 'para', 'landscape': True, 'uneven': True, 'unit': True}),
 ('h12', 'd10', {'zero': 'mixed', 'vertical': True, 'size': 9, 'break4': True}),
]
for h, d, opt in VARIANTS:
    build(h, d, opt)
    print(d, h, opt)
