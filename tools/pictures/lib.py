"""Drawing helpers for the easy-read picture library (all hand-written geometry)."""
import math

K = '#1b1b1b'
S1, S2, S3 = '#f1c7a5', '#c68642', '#8d5524'
BLUE, GREEN, YEL, RED = '#2f6fb3', '#2e8540', '#f2c12e', '#c0392b'
GREY, WHITE = '#e6e6e6', '#ffffff'
BROWN = '#5c3a1e'   # hair only

ROOT = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200" '
        'fill="none" stroke="#1b1b1b" stroke-width="7" stroke-linecap="round" stroke-linejoin="round">')


def n(v):
    s = f"{v:.1f}"
    if s.endswith('.0'):
        s = s[:-2]
    if s == '-0':
        s = '0'
    return s


def _attrs(fill='none', sw=None, stroke=None, extra=''):
    a = ''
    if fill != 'none':
        a += f' fill="{fill}"'
    if sw == 0:
        stroke, sw = 'none', None
    elif sw is not None and sw < 6:
        sw = 6
    if stroke is not None:
        a += f' stroke="{stroke}"'
    if sw is not None:
        a += f' stroke-width="{n(sw)}"'
    return a + extra


def C(cx, cy, r, fill='none', sw=None, stroke=None):
    return f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r)}"{_attrs(fill, sw, stroke)}/>'


def E(cx, cy, rx, ry, fill='none', sw=None, stroke=None):
    return f'<ellipse cx="{n(cx)}" cy="{n(cy)}" rx="{n(rx)}" ry="{n(ry)}"{_attrs(fill, sw, stroke)}/>'


def R(x, y, w, h, fill='none', rx=0, sw=None, stroke=None):
    r = f' rx="{n(rx)}"' if rx else ''
    return f'<rect x="{n(x)}" y="{n(y)}" width="{n(w)}" height="{n(h)}"{r}{_attrs(fill, sw, stroke)}/>'


def P(d, fill='none', sw=None, stroke=None, extra=''):
    return f'<path d="{d}"{_attrs(fill, sw, stroke, extra)}/>'


def L(x1, y1, x2, y2, sw=None, stroke=None):
    return P(f"M{n(x1)} {n(y1)}L{n(x2)} {n(y2)}", sw=sw, stroke=stroke)


def poly(pts, fill='none', sw=None, stroke=None):
    d = 'M' + 'L'.join(f"{n(x)} {n(y)}" for x, y in pts) + 'Z'
    return P(d, fill, sw, stroke)


def G(body, transform):
    return f'<g transform="{transform}">' + ''.join(body) + '</g>'


def thick(d, w, colour):
    """An outlined thick line: dark stroke under a narrower coloured one."""
    return P(d, sw=w + 14) + P(d, sw=w, stroke=colour)


# ---------------------------------------------------------------- people

def bust(cx, base, s=1.0, skin=S1, shirt=BLUE, hair=None, hc=K):
    """Head and shoulders. base = bottom of the body. Height = 92*s."""
    top = base - 92 * s
    r = 21 * s
    hy = top + r
    by = top + 44 * s
    w = 36 * s
    q = 22 * s
    out = []
    if hair == 'long':
        out.append(P(f"M{n(cx-r-5*s)} {n(by+6*s)}V{n(hy)}A{n(r+5*s)} {n(r+5*s)} 0 0 1 {n(cx+r+5*s)} {n(hy)}"
                     f"V{n(by+6*s)}Z", hc))
    if hair == 'curly':
        out.append(C(cx, hy - 3 * s, r + 5 * s, hc))
    if hair == 'bun':
        out.append(C(cx, hy - r - 2 * s, 10 * s, hc))
    out.append(P(f"M{n(cx-w)} {n(base)}V{n(by+q)}Q{n(cx-w)} {n(by)} {n(cx-w+q)} {n(by)}"
                 f"H{n(cx+w-q)}Q{n(cx+w)} {n(by)} {n(cx+w)} {n(by+q)}V{n(base)}Z", shirt))
    out.append(C(cx, hy, r, skin))
    if hair in ('short', 'long', 'bun'):
        out.append(P(f"M{n(cx-r)} {n(hy+1)}A{n(r)} {n(r)} 0 0 1 {n(cx+r)} {n(hy+1)}"
                     f"Q{n(cx+r*0.25)} {n(hy-r*0.8)} {n(cx-r)} {n(hy+1)}Z", hc))
    if hair == 'curly':
        out.append(P(f"M{n(cx-r)} {n(hy)}A{n(r)} {n(r)} 0 0 1 {n(cx+r)} {n(hy)}"
                     f"Q{n(cx)} {n(hy-r*0.7)} {n(cx-r)} {n(hy)}Z", hc))
    return ''.join(out)


def head_geom(cx, base, s):
    top = base - 92 * s
    r = 21 * s
    return cx, top + r, r, top + 44 * s


def fig(cx, top, s=1.0, skin=S1, shirt=BLUE, legs=K, lhand=None, rhand=None, head=1.0, hair=None, hc=K):
    """A standing person. lhand/rhand are hand points (default: hanging)."""
    r = 18 * s * head
    hy = top + r
    t0 = hy + r + 3 * s
    t1 = t0 + 55 * s
    w = 22 * s
    out = []
    leg_w = 14 * s
    for dx in (-10 * s, 10 * s):
        out.append(thick(f"M{n(cx+dx)} {n(t1-10*s)}V{n(t1+45*s)}", leg_w, legs) if legs != K else
                   P(f"M{n(cx+dx)} {n(t1-10*s)}V{n(t1+45*s)}", sw=leg_w + 7))
    sh = t0 + 12 * s
    lh = lhand or (cx - 30 * s, t0 + 52 * s)
    rh = rhand or (cx + 30 * s, t0 + 52 * s)
    for (sx, (hx, hy2)) in ((cx - 15 * s, lh), (cx + 15 * s, rh)):
        out.append(thick(f"M{n(sx)} {n(sh)}L{n(hx)} {n(hy2)}", 12 * s, shirt))
    out.append(P(f"M{n(cx-w)} {n(t1)}V{n(t0+14*s)}Q{n(cx-w)} {n(t0)} {n(cx-w+14*s)} {n(t0)}"
                 f"H{n(cx+w-14*s)}Q{n(cx+w)} {n(t0)} {n(cx+w)} {n(t0+14*s)}V{n(t1)}Z", shirt))
    for (hx, hy2) in (lh, rh):
        out.append(C(hx, hy2, 7 * s, skin, sw=6))
    out.append(C(cx, hy, r, skin))
    if hair == 'short':
        out.append(P(f"M{n(cx-r)} {n(hy+1)}A{n(r)} {n(r)} 0 0 1 {n(cx+r)} {n(hy+1)}"
                     f"Q{n(cx+r*0.25)} {n(hy-r*0.8)} {n(cx-r)} {n(hy+1)}Z", hc))
    return ''.join(out)


# ---------------------------------------------------------------- shapes

def bubble(x0, y0, x1, y1, fill=WHITE, tail='left', r=18):
    """Speech bubble with a tail under it."""
    if tail == 'left':
        tb = x0 + r + 4
        ta = tb + 22
        tip = (tb - 6, y1 + 24)
    else:
        ta = x1 - r - 4
        tb = ta - 22
        tip = (ta + 6, y1 + 24)
    d = (f"M{n(x0+r)} {n(y0)}H{n(x1-r)}Q{n(x1)} {n(y0)} {n(x1)} {n(y0+r)}V{n(y1-r)}"
         f"Q{n(x1)} {n(y1)} {n(x1-r)} {n(y1)}H{n(ta)}L{n(tip[0])} {n(tip[1])}L{n(tb)} {n(y1)}"
         f"H{n(x0+r)}Q{n(x0)} {n(y1)} {n(x0)} {n(y1-r)}V{n(y0+r)}Q{n(x0)} {n(y0)} {n(x0+r)} {n(y0)}Z")
    return P(d, fill)


def dots3(cx, cy, gap=24, r=7):
    return ''.join(C(cx + k * gap, cy, r, K, stroke='none') for k in (-1, 0, 1))


def doc(x, y, w, h, fold=22, fill=WHITE, lines=None, lx0=None, lx1=None):
    d = (f"M{n(x)} {n(y)}H{n(x+w-fold)}L{n(x+w)} {n(y+fold)}V{n(y+h)}H{n(x)}Z")
    out = [P(d, fill), P(f"M{n(x+w-fold)} {n(y)}V{n(y+fold)}H{n(x+w)}", GREY)]
    for ly in lines or []:
        out.append(L(lx0 if lx0 is not None else x + 18, ly, lx1 if lx1 is not None else x + w - 18, ly, sw=6))
    return ''.join(out)


def star_pts(cx, cy, R_, r_, k=5, rot=-90):
    pts = []
    for i in range(2 * k):
        a = math.radians(rot + i * 180 / k)
        rr = R_ if i % 2 == 0 else r_
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def star(cx, cy, R_, fill=YEL, ratio=0.45):
    return poly(star_pts(cx, cy, R_, R_ * ratio), fill)


def heart(cx, cy, s=1.0, fill=RED):
    def p(x, y):
        return f"{n(cx + x * s)} {n(cy + y * s)}"
    d = (f"M{p(0, 40)}C{p(-60, 0)} {p(-70, -40)} {p(-45, -55)}C{p(-25, -67)} {p(-5, -55)} {p(0, -38)}"
         f"C{p(5, -55)} {p(25, -67)} {p(45, -55)}C{p(70, -40)} {p(60, 0)} {p(0, 40)}Z")
    return P(d, fill)


def arrow(x1, y1, x2, y2, fill=GREEN, sw=26, hw=60, hl=40):
    dx, dy = x2 - x1, y2 - y1
    ln = math.hypot(dx, dy)
    ux, uy = dx / ln, dy / ln
    nx, ny = -uy, ux
    bx, by = x2 - ux * hl, y2 - uy * hl
    s, h = sw / 2, hw / 2
    pts = [(x1 + nx * s, y1 + ny * s), (bx + nx * s, by + ny * s), (bx + nx * h, by + ny * h), (x2, y2),
           (bx - nx * h, by - ny * h), (bx - nx * s, by - ny * s), (x1 - nx * s, y1 - ny * s)]
    return poly(pts, fill)


def arc_arrow(cx, cy, r, a0, a1, fill, w=14, head=26, hl=30):
    """Clockwise arc from angle a0 to a1 (degrees, screen) with an arrow head at a1."""
    p0 = (cx + r * math.cos(math.radians(a0)), cy + r * math.sin(math.radians(a0)))
    p1 = (cx + r * math.cos(math.radians(a1)), cy + r * math.sin(math.radians(a1)))
    large = 1 if (a1 - a0) % 360 > 180 else 0
    d = f"M{n(p0[0])} {n(p0[1])}A{n(r)} {n(r)} 0 {large} 1 {n(p1[0])} {n(p1[1])}"
    a = math.radians(a1)
    tx, ty = -math.sin(a), math.cos(a)
    rx_, ry_ = math.cos(a), math.sin(a)
    tip = (p1[0] + tx * hl, p1[1] + ty * hl)
    pts = [(p1[0] + rx_ * head, p1[1] + ry_ * head), tip, (p1[0] - rx_ * head, p1[1] - ry_ * head)]
    return P(d, sw=w + 14) + P(d, sw=w, stroke=fill, extra=' stroke-linecap="butt"') + poly(pts, fill)


def gear(cx, cy, R_, teeth, fill, hole=None, rot=0):
    r_ = R_ - 14
    pts = []
    for i in range(teeth):
        a = 2 * math.pi * i / teeth + math.radians(rot)
        step = 2 * math.pi / teeth
        for frac, rr in ((-0.5, r_), (-0.22, r_), (-0.14, R_), (0.14, R_), (0.22, r_)):
            b = a + frac * step
            pts.append((cx + rr * math.cos(b), cy + rr * math.sin(b)))
    out = poly(pts, fill)
    out += C(cx, cy, hole if hole else R_ * 0.3, WHITE)
    return out


def tick_path(x1, y1, x2, y2, x3, y3):
    return f"M{n(x1)} {n(y1)}L{n(x2)} {n(y2)}L{n(x3)} {n(y3)}"


def clock(cx, cy, r, rim=BLUE, h=(-60,), m=0):
    out = [C(cx, cy, r, rim), C(cx, cy, r * 0.8, WHITE)]
    for a in (0, 90, 180, 270):
        ra = math.radians(a)
        out.append(L(cx + r * 0.68 * math.cos(ra), cy + r * 0.68 * math.sin(ra),
                     cx + r * 0.58 * math.cos(ra), cy + r * 0.58 * math.sin(ra), sw=6))
    ha = math.radians(h[0] - 90 + 90)  # h given as angle from 12 o'clock, clockwise
    ha = math.radians(h[0] - 90)
    ma = math.radians(m - 90)
    out.append(P(f"M{n(cx + r*0.55*math.cos(ma))} {n(cy + r*0.55*math.sin(ma))}L{n(cx)} {n(cy)}"
                 f"L{n(cx + r*0.38*math.cos(ha))} {n(cy + r*0.38*math.sin(ha))}", sw=8))
    out.append(C(cx, cy, 5, K, stroke='none'))
    return ''.join(out)


def magnifier(cx, cy, r, lens=WHITE, inner=''):
    a = math.radians(45)
    x0, y0 = cx + (r + 3) * math.cos(a), cy + (r + 3) * math.sin(a)
    x1, y1 = cx + (r + 42) * math.cos(a), cy + (r + 42) * math.sin(a)
    return (P(f"M{n(x0)} {n(y0)}L{n(x1)} {n(y1)}", sw=24) + C(cx, cy, r, lens) + inner +
            C(cx, cy, r, sw=8))


def briefcase(x, y, w, h, fill=S3):
    hx = w * 0.3
    return (P(f"M{n(x+hx)} {n(y)}V{n(y-h*0.18)}Q{n(x+hx)} {n(y-h*0.26)} {n(x+hx+8)} {n(y-h*0.26)}"
              f"H{n(x+w-hx-8)}Q{n(x+w-hx)} {n(y-h*0.26)} {n(x+w-hx)} {n(y-h*0.18)}V{n(y)}") +
            R(x, y, w, h, fill, rx=12) + L(x, y + h * 0.38, x + w, y + h * 0.38) +
            R(x + w / 2 - 11, y + h * 0.38 - 10, 22, 20, YEL, rx=4))


def pound(cx, cy, s=1.0, colour=K, sw=7):
    def p(x, y):
        return f"{n(cx + x * s)} {n(cy + y * s)}"
    d = (f"M{p(13, -15)}C{p(11, -27)} {p(-8, -28)} {p(-8, -12)}L{p(-8, 10)}"
         f"C{p(-8, 16)} {p(-12, 20)} {p(-16, 22)}L{p(16, 22)}M{p(-18, 0)}L{p(8, 0)}")
    return P(d, sw=sw, stroke=None if colour == K else colour)


def coin(cx, cy, r, fill=YEL):
    return C(cx, cy, r, fill) + C(cx, cy, r * 0.78, sw=5) + pound(cx, cy, r / 38)


def face(cx, cy, r, mouth, fill=YEL, brows=None, tear=False, sweat=False):
    s = r / 80
    out = [C(cx, cy, r, fill)]

    def p(x, y):
        return f"{n(cx + x * s)} {n(cy + y * s)}"
    out.append(C(cx - 28 * s, cy - 18 * s, 10 * s, K, stroke='none'))
    out.append(C(cx + 28 * s, cy - 18 * s, 10 * s, K, stroke='none'))
    if brows == 'worried':
        out.append(P(f"M{p(-46, -38)}L{p(-16, -50)}M{p(46, -38)}L{p(16, -50)}", sw=8))
    if brows == 'angry':
        out.append(P(f"M{p(-48, -52)}L{p(-14, -36)}M{p(48, -52)}L{p(14, -36)}", sw=8))
    if mouth == 'smile':
        out.append(P(f"M{p(-40, 18)}Q{p(0, 62)} {p(40, 18)}", sw=8))
    elif mouth == 'flat':
        out.append(P(f"M{p(-34, 32)}L{p(34, 32)}", sw=8))
    elif mouth == 'frown':
        out.append(P(f"M{p(-36, 48)}Q{p(0, 10)} {p(36, 48)}", sw=8))
    elif mouth == 'wavy':
        out.append(P(f"M{p(-40, 36)}Q{p(-30, 24)} {p(-20, 36)}T{p(0, 36)}T{p(20, 36)}T{p(40, 36)}", sw=7))
    elif mouth == 'tight':
        out.append(P(f"M{p(-30, 42)}Q{p(0, 24)} {p(30, 42)}", sw=8))
    if tear:
        out.append(P(f"M{p(-28, 0)}C{p(-42, 20)} {p(-40, 36)} {p(-28, 36)}C{p(-16, 36)} {p(-14, 20)} {p(-28, 0)}Z",
                     BLUE, sw=5))
    if sweat:
        out.append(P(f"M{p(58, -52)}C{p(46, -34)} {p(48, -22)} {p(58, -22)}C{p(68, -22)} {p(70, -34)} {p(58, -52)}Z",
                     BLUE, sw=5))
    return ''.join(out)


def house(x, y, w, h, wall=WHITE, roof=RED, door=BLUE, windows=True, chimney=True):
    """x,y = top-left of walls; roof rises above by 0.55*w."""
    out = []
    rh = w * 0.5
    if chimney:
        out.append(R(x + w * 0.68, y - rh * 0.95, w * 0.13, rh * 0.7, GREY))
    out.append(R(x, y, w, h, wall))
    out.append(poly([(x - w * 0.12, y + 4), (x + w / 2, y - rh), (x + w * 1.12, y + 4)], roof))
    dw = w * 0.24
    out.append(R(x + w / 2 - dw / 2, y + h - h * 0.5, dw, h * 0.5, door))
    if windows:
        ws = w * 0.2
        for wx in (x + w * 0.1, x + w * 0.9 - ws):
            out.append(R(wx, y + h * 0.2, ws, ws, WHITE if wall != WHITE else GREY))
    return ''.join(out)


def pin(cx, tipy, r, fill=RED):
    cy = tipy - r * 2.2
    d = (f"M{n(cx)} {n(tipy)}C{n(cx - r*0.5)} {n(tipy - r*0.8)} {n(cx - r)} {n(cy + r*0.6)} {n(cx - r)} {n(cy)}"
         f"A{n(r)} {n(r)} 0 0 1 {n(cx + r)} {n(cy)}C{n(cx + r)} {n(cy + r*0.6)} {n(cx + r*0.5)} {n(tipy - r*0.8)}"
         f" {n(cx)} {n(tipy)}Z")
    return P(d, fill) + C(cx, cy, r * 0.38, WHITE)


def checkbox(x, y, s, fill=WHITE):
    return R(x, y, s, s, fill, rx=5)
