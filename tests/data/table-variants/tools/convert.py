"""Converts the pages of ../ (h01-h20.html) with the HTML-to-text tools pipelines use, one folder
each, every output beside its gold. markitdown's are ../hNN.mk.md. Tools: markitdown 0.1.9,
html2text 2025.4.15, markdownify 1.2.3, trafilatura 2.3.1 (with lxml_html_clean), inscriptis
2.7.6, beautifulsoup4 4.15.0, pandas 3.1.1 (read_html, to_markdown / to_string with the index).
"""
import json, pathlib, sys, io, traceback
# (trafilatura needs lxml_html_clean)
from markitdown import MarkItDown
from html2text import HTML2Text
from markdownify import markdownify
import trafilatura
from inscriptis import get_text
from bs4 import BeautifulSoup, NavigableString
import pandas as pd

TV = pathlib.Path(__file__).resolve().parent
CMS = TV
OUT = TV / 'tools'
pages = [(TV / f'h{n:02d}.html', TV / f'h{n:02d}.gold.json') for n in range(1, 17)]
pages += [(CMS / f'h{n}.html', CMS / f'h{n}.gold.json') for n in range(17, 21)]

md = MarkItDown()

def h2t(html, bw=None):
    h = HTML2Text()
    if bw is not None:
        h.body_width = bw
    return h.handle(html)

def pandas_join(html, how):
    soup = BeautifulSoup(html, 'lxml')
    for t in soup.find_all('table'):
        if t.find('table') is not None:
            continue  # layout table: left as page text
        try:
            df = pd.read_html(io.StringIO(str(t)))[0]
            s = df.to_markdown() if how == 'md' else df.to_string()
        except Exception as e:
            s = f'[read_html failed: {e}]'
        t.replace_with(NavigableString('\n\n' + s + '\n\n'))
    for x in soup(['script', 'style', 'title']):
        x.decompose()
    return soup.get_text('\n')

def bs(html, sep):
    soup = BeautifulSoup(html, 'lxml')
    return soup.get_text(sep)

TOOLS = {
    'html2text': ('md', lambda p, h: h2t(h)),
    'html2text-bw0': ('md', lambda p, h: h2t(h, 0)),
    'markdownify': ('md', lambda p, h: markdownify(h)),
    'trafilatura-md': ('md', lambda p, h: trafilatura.extract(h, include_tables=True, output_format='markdown')),
    'trafilatura-txt': ('txt', lambda p, h: trafilatura.extract(h, include_tables=True, output_format='txt')),
    'inscriptis': ('txt', lambda p, h: get_text(h)),
    'bs4-lines': ('txt', lambda p, h: bs(h, '\n')),
    'bs4-space': ('txt', lambda p, h: bs(h, ' ')),
    'pandas-md': ('md', lambda p, h: pandas_join(h, 'md')),
    'pandas-string': ('txt', lambda p, h: pandas_join(h, 'str')),
}
for tool, (ext, fn) in TOOLS.items():
    d = OUT / tool
    d.mkdir(exist_ok=True)
    for page, gold in pages:
        html = page.read_text(encoding='utf-8')
        try:
            out = fn(page, html)
        except Exception:
            traceback.print_exc(); out = None
        if out is None:
            print(f'{tool} {page.name}: no output'); out = ''
        stem = page.stem
        (d / f'{stem}.{ext}').write_text(out, encoding='utf-8')
        g = json.loads(gold.read_text(encoding='utf-8'))
        g['source'] = f'{stem}.{ext}'
        g['format'] = 'markdown' if ext == 'md' else 'text'
        (d / f'{stem}.gold.json').write_text(json.dumps(g, ensure_ascii=False, indent=1), encoding='utf-8')
    print(tool, 'done')
