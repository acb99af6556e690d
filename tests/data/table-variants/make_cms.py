# Wrap four table-variants pages the way government CMS sites wrap article content.
import json, re, pathlib
SRC = pathlib.Path('/work/main/tests/data/table-variants')
OUT = pathlib.Path(__file__).resolve().parent
PLAN = {  # new page: (base page, site, font style variant, notes)
    'h17': ('h01', '江川市临河区人民政府', 'a'),
    'h18': ('h02', '青州省人民政府', 'b'),
    'h19': ('h05', '东华市人民政府', 'a'),
    'h20': ('h13', '丰县人民政府', 'b'),
}

def body_of(html):
    m = re.search(r'<body[^>]*>(.*)</body>', html, re.S)
    return m.group(1)

def title_of(html):
    return re.search(r'<title>(.*?)</title>', html, re.S).group(1)

def fontify(body, variant):
    # paragraphs: put text in <font> (simple pages only: Word pages keep their spans)
    body = re.sub(r'<p( [^>]*)?>(.*?)</p>', lambda m: f'<p{m.group(1) or ""}><font face="仿宋_GB2312" style="font-size:16px">{m.group(2)}</font></p>', body, flags=re.S)
    # cells: inline style + <font>
    def cell(m):
        tag, attrs, inner = m.group(1), m.group(2), m.group(3)
        style = ' style="border:1px solid #000000; text-align:center; vertical-align:middle; padding:2px 4px"' if variant == 'a' else ' style="BORDER-RIGHT: windowtext 1pt solid; BORDER-BOTTOM: windowtext 1pt solid; TEXT-ALIGN: center"'
        if variant == 'a':
            inner = f'<font size="2" face="宋体">{inner}</font>'
        else:
            inner = f'<font style="font-size:14px" color="#333333"><span style="font-family:宋体">{inner}</span></font>'
        return f'<{tag}{attrs}{style}>{inner}</{tag}>'
    body = re.sub(r'<(td|th)((?: [^>]*)?)>(.*?)</\1>', cell, body, flags=re.S)
    body = re.sub(r'<table border="1" cellspacing="0" cellpadding="2">', '<table border="1" cellspacing="0" cellpadding="0" width="600" align="center" style="border-collapse:collapse; width:600px; font-size:14px">', body)
    body = re.sub(r'<h1 style="text-align:center">(.*?)</h1>', r'<p align="center" style="margin:10px 0"><b><font size="5" color="#c00000">\1</font></b></p>', body)
    return body

SIDEBAR = '''<table width="100%" border="0" cellspacing="0" cellpadding="0" class="sidebar">
<tr><td class="side_title" style="background:#1f5fa8;color:#fff;font-weight:bold;padding:6px">政务公开</td></tr>
<tr><td style="padding:4px 8px"><a href="/zwgk/zfxxgkzn/">政府信息公开指南</a></td></tr>
<tr><td style="padding:4px 8px"><a href="/zwgk/zfxxgkzd/">政府信息公开制度</a></td></tr>
<tr><td style="padding:4px 8px"><a href="/zwgk/fdzdgknr/">法定主动公开内容</a></td></tr>
<tr><td style="padding:4px 8px"><a href="/zwgk/ndbg/" class="on"><font color="#c00000">政府信息公开年报</font></a></td></tr>
<tr><td style="padding:4px 8px"><a href="/zwgk/ndbg/2022/">· 2022年度报告</a></td></tr>
<tr><td style="padding:4px 8px"><a href="/zwgk/ndbg/2021/">· 2021年度报告</a></td></tr>
<tr><td style="padding:4px 8px"><a href="/zwgk/ysqgk/">依申请公开（受理电话：0857-2231146）</a></td></tr>
<tr><td style="padding:4px 8px"><a href="/hdjl/">互动交流</a></td></tr>
</table>'''

def page(name, base, site, variant):
    html = (SRC / f'{base}.html').read_text(encoding='utf-8')
    title = title_of(html)
    body = body_of(html)
    body = fontify(body, variant) if base != 'h13' else body.replace('<h1 style="text-align:center">', '<h1 style="text-align:center"><font face="方正小标宋简体">').replace('</h1>', '</font></h1>')
    if base == 'h13':
        # CMS editors keep Word markup but the CMS adds font wrappers around each table
        body = re.sub(r'(<table class=MsoNormalTable)', r'<font face="宋体" size="2">\1', body)
        body = re.sub(r'(</table>)', r'\1</font>', body)
    return f'''<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{title}_年度报告_{site}</title>
<style type="text/css">body{{margin:0;font-family:"微软雅黑"}} .left{{width:220px}} .main td{{font-size:14px}}</style>
<script type="text/javascript">var _hmt = _hmt || []; var siteid = "5205000001";</script></head>
<body style="margin:0;background:#f2f2f2">
<table width="1000" align="center" border="0" cellspacing="0" cellpadding="0" class="header" style="background:#1f5fa8">
<tr><td height="90"><font color="#ffffff" size="6"><b>{site}</b></font></td><td align="right"><font color="#ffffff" size="2">2024年3月12日 星期二 | <a href="/">首页</a> | <a href="/wza/">无障碍</a> | <a href="/m/">移动版</a></font></td></tr>
<tr><td colspan="2" style="background:#174c88;padding:4px"><a href="/"><font color="#fff">首页</font></a>&nbsp;&nbsp;<a href="/zwgk/"><font color="#fff">政务公开</font></a>&nbsp;&nbsp;<a href="/bsfw/"><font color="#fff">办事服务</font></a>&nbsp;&nbsp;<a href="/hdjl/"><font color="#fff">互动交流</font></a></td></tr>
</table>
<table width="1000" align="center" border="0" cellspacing="0" cellpadding="0" style="background:#ffffff">
<tr>
<td class="left" valign="top" width="220" style="border-right:1px solid #ddd">
{SIDEBAR}
</td>
<td class="main" valign="top" style="padding:10px 20px">
<table width="100%" border="0" cellspacing="0" cellpadding="0" class="article">
<tr><td class="position" style="font-size:12px;color:#666;padding:6px 0;border-bottom:1px solid #ddd">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></td></tr>
<tr><td class="info" align="center" style="font-size:12px;color:#888;padding:8px 0">发布时间：2024-01-18 09:30 &nbsp; 来源：{site}办公室 &nbsp; 浏览次数：1523 &nbsp; 【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</td></tr>
<tr><td class="content" id="zoom" style="font-size:16px;line-height:28px;padding:10px 0">
{body}
</td></tr>
<tr><td align="right" style="padding:10px 0"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></td></tr>
</table>
</td>
</tr>
</table>
<table width="1000" align="center" border="0" cellspacing="0" cellpadding="0" class="footer" style="background:#e5e5e5">
<tr><td align="center" style="padding:12px;font-size:12px;line-height:22px"><font color="#555">主办单位：{site}办公室 &nbsp; 联系电话：0857-2231146<br>网站标识码：5205000001 &nbsp; 黔ICP备12008532号-1 &nbsp; 黔公网安备 52050002000123号</font></td></tr>
</table>
</body></html>
'''

for name, (base, site, variant) in PLAN.items():
    (OUT / f'{name}.html').write_text(page(name, base, site, variant), encoding='utf-8')
    g = json.loads((SRC / f'{base}.gold.json').read_text(encoding='utf-8'))
    g['source'] = f'{name}.html'; g['format'] = 'html'
    g['notes'] = f'{base} wrapped by a CMS: header/sidebar/footer layout tables, article nested two deep, inline styles, <font> tags in cells/paragraphs (variant {variant}); base notes: ' + g.get('notes', '')
    (OUT / f'{name}.gold.json').write_text(json.dumps(g, ensure_ascii=False, indent=1), encoding='utf-8')
print('ok')
