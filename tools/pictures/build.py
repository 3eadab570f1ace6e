# Redraw the picture library: python tools/pictures/build.py [OUT_DIR]. Writes every SVG, index.yaml,
# and a contact sheet (/tmp/sheet.html) to look at. The pictures are drawn in code in pics.py.
import sys, os, html
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # lib.py and pics.py sit beside this script
import importlib, pics
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'easyread_images')
os.makedirs(out, exist_ok=True)
names = sorted(pics.PICS)
for name in names:
    desc, kw, fn = pics.PICS[name]
    svg = pics.ROOT + '\n' + fn() + '\n</svg>\n'
    open(os.path.join(out, name + '.svg'), 'w').write(svg)
show = [x for x in names if not os.environ.get('ONLY') or x in os.environ['ONLY'].split(',')]
cells = ''.join(f'<div class="c"><img src="{out}/{n}.svg" width="96" height="96"><br>{html.escape(n)}</div>' for n in show)
big = ''.join(f'<div class="c"><img src="{out}/{n}.svg" width="200" height="200"><br>{html.escape(n)}</div>' for n in show)
css = '<style>body{font:13px sans-serif;background:#fff}.c{display:inline-block;width:128px;text-align:center;margin:6px 2px;vertical-align:top}.b .c{width:210px}</style>'
open('/tmp/sheet.html', 'w').write(f'<html>{css}<body>{cells}</body></html>')
open('/tmp/sheet_big.html', 'w').write(f'<html>{css}<body class="b">{big}</body></html>')
print(len(names), 'pictures')

def q(k):
    import re
    return k if re.fullmatch(r"[a-z0-9][a-z0-9 \-]*", k) and k not in ('yes', 'no', 'true', 'false', 'on', 'off', 'ok') else '"' + k.replace('"', '\\"') + '"'

def qd(d):
    return '"' + d.replace('"', '\\"') + '"' if (': ' in d or '#' in d or d[0] in '"\'&*!|>%@`[]{},?-') else d

lines = ['# Picture index: every picture the site may use, with its licence.', 'pictures:']
for name in names:
    desc, kw, fn = pics.PICS[name]
    lines += [f'  {name}:', f'    file: {name}.svg', f'    description: {qd(desc)}',
              f'    keywords: [{", ".join(q(k) for k in kw)}]', '    licence: CC0-1.0',
              '    author: wtfc_site contributors', '    source: drawn for wtfc_site', '    changed: false']
open(os.path.join(out, 'index.yaml'), 'w').write('\n'.join(lines) + '\n')
