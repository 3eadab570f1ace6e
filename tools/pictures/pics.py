"""Every picture: name -> (description, keywords, svg body)."""
import math
from lib import *  # noqa

PICS = {}


def pic(name, desc, keywords):
    def deco(fn):
        PICS[name] = (desc, keywords, fn)
        return fn
    return deco


# ============================================================ people

@pic('person', 'One person, head and shoulders.',
     ['person', 'someone', 'myself', 'yourself', 'individual', 'member', 'members'])
def _():
    return bust(100, 185, 1.55, S2, BLUE, 'short')


@pic('people', 'Three people standing close together.',
     ['people', 'everyone', 'public', 'residents', 'citizens', 'population', 'the public'])
def _():
    return (bust(50, 185, 1.1, S1, GREEN, 'long', BROWN) + bust(150, 185, 1.1, S3, YEL, 'short') +
            bust(100, 190, 1.28, S2, BLUE, 'short', K))


@pic('group', 'A group of five people.',
     ['group', 'groups', 'team', 'teams', 'forum', 'network', 'crowd'])
def _():
    return (bust(40, 150, 0.92, S3, YEL, 'short') + bust(100, 140, 0.92, S1, RED, 'long', BROWN) +
            bust(160, 150, 0.92, S2, GREEN, 'curly') +
            bust(68, 190, 1.05, S1, BLUE, 'short', BROWN) + bust(132, 190, 1.05, S3, GREEN, 'bun'))


@pic('meeting', 'Three people sitting round a table, talking.',
     ['meeting', 'meetings', 'meet', 'met', 'get together', 'workshop', 'session'])
def _():
    return (bust(40, 170, 1.0, S3, GREEN, 'short') + bust(160, 170, 1.0, S1, RED, 'long', BROWN) +
            bust(100, 160, 1.0, S2, BLUE, 'bun') +
            P("M10 152V166A90 22 0 0 0 190 166V152Z", GREY) + E(100, 152, 90, 22, WHITE) +
            bubble(128, 12, 190, 52, WHITE, 'left', 14) + dots3(159, 32, 16, 5))


@pic('board', 'A row of four people behind a long desk.',
     ['board', 'boards', 'board members', 'trustees', 'committee', 'governors', 'directors'])
def _():
    return (bust(34, 150, 0.78, S1, BLUE, 'short') + bust(78, 150, 0.78, S3, BLUE, 'long') +
            bust(122, 150, 0.78, S2, BLUE, 'short', BROWN) + bust(166, 150, 0.78, S1, BLUE, 'curly', GREY) +
            R(10, 128, 180, 14, GREY, rx=4) + R(22, 142, 156, 42, S3) + L(100, 142, 100, 184, sw=6))


@pic('chair', 'A person sitting in a big chair, leading the meeting.',
     ['chair', 'chairs', 'chairperson', 'chaired', 'chairing', 'lead the meeting', 'leader', 'host'])
def _():
    return (R(42, 20, 116, 150, RED, rx=30) + bust(100, 168, 1.2, S3, YEL, 'short') +
            R(22, 110, 34, 66, RED, rx=12) + R(144, 110, 34, 66, RED, rx=12) +
            R(40, 164, 120, 16, RED, rx=6) + L(50, 182, 50, 192) + L(150, 182, 150, 192))


@pic('talk', 'A person talking, with a speech bubble.',
     ['talk', 'talks', 'talking', 'say', 'said', 'speak', 'tell', 'conversation', 'discuss'])
def _():
    return (bust(64, 194, 1.35, S1, GREEN, 'long', BROWN) +
            bubble(96, 10, 192, 76, WHITE, 'left') + dots3(144, 43))


@pic('listen', 'An ear with sound coming to it.',
     ['listen', 'listens', 'listening', 'listened', 'hear', 'heard', 'hearing'])
def _():
    ear = ("M84 88C80 40 150 26 156 82C158 108 136 116 132 136C128 164 100 176 86 156"
           "C80 146 94 134 90 122C86 112 84 104 84 88Z")
    return (P(ear, S2) + P("M104 90C104 66 134 64 134 86C134 102 118 104 116 120", sw=7) +
            P("M56 72Q70 100 56 128") + P("M34 56Q56 100 34 144"))


@pic('vote', 'A voting paper going into a ballot box.',
     ['vote', 'votes', 'voting', 'voted', 'election', 'elect', 'ballot', 'poll'])
def _():
    return (R(66, 16, 68, 88, WHITE, rx=4) + R(82, 34, 36, 36, sw=6) +
            P("M90 42L110 62M110 42L90 62", sw=7) +
            R(30, 96, 140, 84, BLUE, rx=8) + R(24, 86, 152, 18, GREY, rx=6) + L(70, 95, 130, 95, sw=8) +
            C(100, 142, 16, WHITE) + P(tick_path(92, 142, 98, 148, 108, 135), sw=6))


@pic('decide', 'A signpost pointing two ways.',
     ['decide', 'decides', 'decided', 'deciding', 'decision', 'decisions', 'agree', 'agreed'])
def _():
    return (R(92, 40, 16, 144, GREY) + L(60, 186, 140, 186) +
            P("M112 34H44L20 56L44 78H112Z", GREEN) + P("M88 88H156L180 110L156 132H88Z", BLUE) +
            C(100, 30, 9, GREY))


@pic('choice', 'Three options, with one chosen.',
     ['choice', 'choices', 'choose', 'chose', 'chosen', 'option', 'options', 'pick', 'prefer'])
def _():
    return (R(14, 76, 52, 76, GREY, rx=10) + R(134, 76, 52, 76, GREY, rx=10) +
            R(72, 54, 56, 84, YEL, rx=10) + C(100, 150, 28, GREEN) +
            thick(tick_path(87, 150, 96, 159, 113, 140), 6, WHITE) +
            C(40, 114, 10, WHITE) + R(150, 104, 20, 20, WHITE) + poly([(100, 76), (116, 104), (84, 104)], WHITE))


@pic('equal', 'Two people the same size with an equals sign between them.',
     ['equal', 'equally', 'equality', 'same', 'fair', 'fairly', 'fairness', 'as equals'])
def _():
    return (bust(50, 188, 1.05, S1, GREEN, 'short') + bust(150, 188, 1.05, S3, BLUE, 'long') +
            R(64, 26, 72, 18, YEL, rx=6) + R(64, 58, 72, 18, YEL, rx=6))


@pic('together', 'Three people holding hands.',
     ['together', 'join', 'joined', 'joining', 'unite', 'united', 'side by side', 'holding hands'])
def _():
    t = 24
    return (fig(40, t, 1.0, S3, GREEN, rhand=(70, 110)) +
            fig(160, t, 1.0, S1, YEL, lhand=(130, 110)) +
            fig(100, t, 1.0, S2, BLUE, lhand=(70, 110), rhand=(130, 110)) +
            C(70, 110, 9, S2, sw=6) + C(130, 110, 9, S2, sw=6))


@pic('help', 'A life ring, for help.',
     ['help', 'helps', 'helping', 'helped', 'support', 'supported', 'assist', 'assistance', 'ask for help', 'helpline'])
def _():
    out = [P("M100 22A78 78 0 1 1 99.9 22ZM100 62A38 38 0 1 0 100.1 62Z", WHITE, extra=' fill-rule="evenodd"')]
    for k in range(4):
        a0, a1 = math.radians(45 + 90 * k - 22), math.radians(45 + 90 * k + 22)
        Ro, Ri = 78, 38
        d = (f"M{n(100+Ro*math.cos(a0))} {n(100+Ro*math.sin(a0))}A{Ro} {Ro} 0 0 1 "
             f"{n(100+Ro*math.cos(a1))} {n(100+Ro*math.sin(a1))}L{n(100+Ri*math.cos(a1))} {n(100+Ri*math.sin(a1))}"
             f"A{Ri} {Ri} 0 0 0 {n(100+Ri*math.cos(a0))} {n(100+Ri*math.sin(a0))}Z")
        out.append(P(d, RED))
    return ''.join(out)


@pic('support-worker', 'A support worker with a staff badge, next to the person they support.',
     ['support worker', 'support workers', 'support staff', 'worker', 'workers', 'personal assistant', 'pa', 'key worker'])
def _():
    cx, hy, r, by = head_geom(64, 194, 1.4)
    return (bust(150, 194, 1.15, S1, YEL, 'long', BROWN) +
            bust(64, 194, 1.4, S3, GREEN, 'short') +
            P(f"M{n(cx-18)} {n(by+1)}L{n(cx)} {n(by+22)}L{n(cx+18)} {n(by+1)}", sw=6, stroke=WHITE) +
            R(cx - 15, by + 18, 30, 34, WHITE, rx=4) + L(cx - 6, by + 42, cx + 6, by + 42, sw=5) +
            C(cx, by + 30, 5, BLUE, sw=4))


@pic('carer', 'A carer with a heart badge, beside an older person.',
     ['carer', 'carers', 'unpaid carer', 'family carer', 'look after', 'looks after', 'caring for', 'caring role'])
def _():
    cx, hy, r, by = head_geom(60, 190, 1.2)
    return (bust(146, 190, 1.05, S1, RED, 'short', GREY) + bust(60, 190, 1.2, S2, BLUE, 'bun') +
            heart(cx, by + 44, 0.38, RED))


@pic('family', 'A family: two adults and two children.',
     ['family', 'families', 'parent', 'parents', 'relatives', 'mum', 'dad', 'your family', 'their family', 'brother', 'sister'])
def _():
    return (bust(58, 178, 1.35, S1, BLUE, 'short', BROWN) + bust(142, 178, 1.35, S1, RED, 'long', YEL) +
            bust(78, 188, 0.82, S1, GREEN, 'short', YEL) + bust(124, 188, 0.82, S1, YEL, 'long', BROWN))


@pic('children', 'Two children standing side by side.',
     ['children', 'child', 'kids', 'boy', 'girl', 'school', 'schools', 'son', 'daughter'])
def _():
    return (fig(62, 50, 0.86, S2, RED, head=1.35, hair='short', rhand=(100, 120)) +
            fig(138, 50, 0.86, S1, GREEN, head=1.35, hair='short', hc=BROWN, lhand=(100, 120)) +
            C(100, 120, 8, S1, sw=6))


@pic('young-people', 'Two young people, one with headphones and one with a cap.',
     ['young people', 'young person', 'youth', 'teenager', 'teenagers', 'teens', 'student', 'students'])
def _():
    a = bust(60, 194, 1.35, S3, RED, 'short')
    cx, hy, r, by = head_geom(60, 194, 1.35)
    a += P(f"M{n(cx-r-4)} {n(hy+2)}A{n(r+4)} {n(r+4)} 0 0 1 {n(cx+r+4)} {n(hy+2)}", sw=8)
    a += R(cx - r - 10, hy - 8, 12, 24, BLUE, rx=5) + R(cx + r - 2, hy - 8, 12, 24, BLUE, rx=5)
    b = bust(142, 194, 1.35, S1, GREEN)
    cx, hy, r, by = head_geom(142, 194, 1.35)
    b += P(f"M{n(cx-r-1)} {n(hy-4)}A{n(r+1)} {n(r+1)} 0 0 1 {n(cx+r+1)} {n(hy-4)}"
           f"H{n(cx+r+20)}Q{n(cx+r+22)} {n(hy+6)} {n(cx+r+10)} {n(hy+6)}H{n(cx-r)}Z", YEL)
    return b + a


@pic('friends', 'Two friends with a heart above them.',
     ['friend', 'friends', 'friendship', 'friendships', 'mates', 'relationship', 'relationships'])
def _():
    return (bust(66, 190, 1.2, S2, YEL, 'curly') + bust(134, 190, 1.2, S1, BLUE, 'short', BROWN) +
            heart(100, 48, 0.5))


@pic('advocate', 'One person speaking up for another person.',
     ['advocate', 'advocates', 'advocacy', 'self-advocate', 'self-advocacy', 'speaks for', 'on behalf'])
def _():
    return (bust(146, 194, 1.15, S1, YEL, 'long', BROWN) + bust(64, 194, 1.3, S3, GREEN, 'short') +
            bubble(40, 8, 156, 56, WHITE, 'left', 14) + P("M60 26H136M60 42H116", sw=6))



# ============================================================ places, health, money, travel

@pic('home', 'A house with a red roof.',
     ['home', 'homes', 'house', 'houses', 'housing', 'live', 'lives', 'living', 'flat', 'where you live'])
def _():
    return house(40, 92, 120, 86)


@pic('community', 'Houses and a tree in a neighbourhood.',
     ['community', 'communities', 'local', 'area', 'neighbourhood', 'town', 'village', 'local area'])
def _():
    return (R(150, 110, 12, 70, S3) + C(156, 92, 30, GREEN) +
            house(22, 112, 62, 66, YEL, BLUE, RED, chimney=False) +
            house(92, 96, 66, 82, WHITE, RED, GREEN, chimney=False) + L(8, 180, 192, 180))


@pic('council', 'A council building with columns.',
     ['council', 'councils', 'local authority', 'local government', 'civic', 'councillor', 'councillors', 'county'])
def _():
    out = [poly([(18, 70), (100, 22), (182, 70)], GREY), R(24, 70, 152, 16, GREY)]
    for x in (38, 72, 112, 146):
        out.append(R(x, 86, 16, 68, WHITE))
    out += [R(18, 154, 164, 13, GREY), R(8, 167, 184, 13, GREY), C(100, 52, 9, YEL, sw=6)]
    return ''.join(out)


@pic('hospital', 'A large hospital building with a health cross.',
     ['hospital', 'hospitals', 'ward', 'wards', 'a&e', 'emergency', 'inpatient', 'operation'])
def _():
    out = [R(14, 96, 40, 82, GREY), R(146, 96, 40, 82, GREY), R(50, 40, 100, 138, WHITE)]
    for y in (112, 140):
        out += [R(24, y, 20, 16, BLUE, sw=5), R(156, y, 20, 16, BLUE, sw=5)]
    for x in (62, 120):
        out.append(R(x, 112, 18, 16, BLUE, sw=5))
    out.append(R(84, 140, 32, 38, BLUE))
    out.append(P("M89 50H111V66H127V88H111V104H89V88H73V66H89Z", BLUE))
    out.append(L(6, 179, 194, 179))
    return ''.join(out)


@pic('nhs-building', 'A health centre with a blue sign over the door.',
     ['nhs', 'health service', 'health centre', 'clinic', 'clinics', 'practice', 'health services'])
def _():
    return (R(20, 72, 160, 106, WHITE) + R(30, 36, 140, 36, BLUE, rx=6) +
            P("M94 44H106V48H110V60H106V64H94V60H90V48H94Z", WHITE, sw=5) +
            R(34, 98, 34, 30, GREY) + R(132, 98, 34, 30, GREY) +
            R(80, 110, 40, 68, GREY) + L(100, 110, 100, 178, sw=6) + L(8, 179, 192, 179))


@pic('doctor', 'A doctor in a white coat with a stethoscope.',
     ['doctor', 'doctors', 'gp', 'gps', 'surgery', 'appointment', 'appointments', 'health check', 'health checks'])
def _():
    cx, hy, r, by = head_geom(100, 192, 1.55)
    return (bust(100, 192, 1.55, S1, WHITE, 'short', BROWN) +
            P(f"M84 {n(by+1)}L100 {n(by+34)}L116 {n(by+1)}Z", BLUE) +
            L(100, by + 34, 100, 192, sw=6) +
            P(f"M76 {n(by+3)}C72 {n(by+40)} 88 {n(by+56)} 112 {n(by+56)}", sw=6) +
            P(f"M124 {n(by+3)}C130 {n(by+20)} 130 {n(by+36)} 124 {n(by+46)}", sw=6) +
            C(118, by + 54, 10, GREY, sw=6))


@pic('nurse', 'A nurse in a blue uniform with a watch pinned on.',
     ['nurse', 'nurses', 'nursing', 'health visitor', 'district nurse', 'practice nurse', 'midwife'])
def _():
    cx, hy, r, by = head_geom(100, 192, 1.55)
    return (bust(100, 192, 1.55, S3, BLUE, 'bun') +
            P(f"M82 {n(by+1)}L100 {n(by+28)}L118 {n(by+1)}", sw=7, stroke=WHITE) +
            L(134, by + 14, 134, by + 24, sw=5) + C(134, by + 34, 11, WHITE, sw=6) +
            L(134, by + 34, 134, by + 29, sw=4) + R(58, by + 32, 22, 6, WHITE, sw=4))


@pic('medicine', 'A medicine bottle and tablets.',
     ['medicine', 'medicines', 'medication', 'tablets', 'pills', 'prescription', 'prescriptions', 'pharmacy', 'chemist'])
def _():
    out = [R(36, 70, 80, 108, WHITE, rx=10), R(30, 36, 92, 36, GREY, rx=6)]
    out += [L(48, 44, 48, 64, sw=5), L(66, 44, 66, 64, sw=5), L(84, 44, 84, 64, sw=5), L(102, 44, 102, 64, sw=5)]
    out += [R(48, 100, 56, 48, BLUE), P("M68 124H84M76 116V132", sw=7, stroke=WHITE)]
    out.append(G([R(-34, -16, 68, 32, WHITE, rx=16), P("M0 -16H-18A16 16 0 0 0 -18 16H0Z", RED)],
                 "translate(150 140) rotate(-40)"))
    out += [C(158, 62, 20, YEL), L(144, 62, 172, 62, sw=6)]
    return ''.join(out)


@pic('money', 'A bank note and a pound coin.',
     ['money', 'cash', 'pounds', 'cost', 'costs', 'budget', 'funding', 'benefits', 'afford', 'price'])
def _():
    return (R(14, 40, 136, 78, GREEN, rx=8) + C(82, 79, 22, WHITE) + R(26, 52, 112, 54, sw=5, rx=4) +
            coin(140, 132, 46) + C(58, 150, 24, YEL) + C(58, 150, 17, sw=5))


@pic('pay', 'A bank card and a coin, for paying.',
     ['pay', 'pays', 'paying', 'payment', 'payments', 'expenses', 'refund', 'card', 'reimburse'])
def _():
    return (R(14, 44, 150, 96, BLUE, rx=12) + R(32, 68, 34, 28, YEL, rx=4) + L(32, 82, 66, 82, sw=4) +
            P("M90 66Q98 78 90 90M104 60Q116 78 104 96", sw=6, stroke=WHITE) +
            P("M32 118H62M76 118H106", sw=7, stroke=WHITE) + coin(148, 146, 38))


@pic('job', 'A work bag (briefcase).',
     ['job', 'jobs', 'work', 'works', 'working life', 'employment', 'employer', 'career', 'volunteer', 'volunteering'])
def _():
    return briefcase(22, 66, 156, 108)


@pic('paid-work', 'A briefcase and a pound coin: work you are paid for.',
     ['paid work', 'paid job', 'wage', 'wages', 'salary', 'earn', 'earns', 'earning', 'income', 'living wage'])
def _():
    return briefcase(12, 52, 130, 92) + coin(146, 144, 42)


@pic('training', 'A person next to a board with a chart on it, teaching.',
     ['training', 'train', 'trained', 'course', 'courses', 'teach', 'teaching', 'learn', 'learning', 'skills'])
def _():
    return (L(92, 112, 80, 184) + L(170, 112, 182, 184) + R(72, 20, 120, 92, WHITE, rx=6) +
            R(88, 66, 18, 32, BLUE, sw=5) + R(114, 50, 18, 48, GREEN, sw=5) + R(140, 36, 18, 62, YEL, sw=5) +
            bust(44, 194, 1.2, S1, RED, 'long', BROWN) + L(76, 140, 102, 62, sw=6))


@pic('travel', 'A car, for travel.',
     ['travel', 'travels', 'travelling', 'journey', 'journeys', 'car', 'cars', 'drive', 'lift', 'transport', 'taxi'])
def _():
    return (P("M52 100L72 58H132L156 100Z", BLUE) + P("M70 96L82 68H100V96ZM110 96V68H128L144 96Z", WHITE, sw=5) +
            R(14, 96, 172, 50, BLUE, rx=16) + R(160, 108, 20, 10, YEL, rx=3, sw=5) +
            C(56, 146, 21, K) + C(56, 146, 8, GREY, sw=0) + C(146, 146, 21, K) + C(146, 146, 8, GREY, sw=0) +
            L(6, 178, 194, 178))


@pic('bus', 'A bus.',
     ['bus', 'buses', 'coach', 'public transport', 'bus stop', 'bus pass', 'by bus'])
def _():
    out = [R(10, 36, 180, 124, RED, rx=16)]
    for x in (24, 62, 100):
        out.append(R(x, 52, 30, 40, WHITE, rx=4))
    out += [R(140, 52, 38, 96, GREY, rx=4), L(159, 52, 159, 148, sw=5), L(10, 112, 134, 112, sw=6)]
    out += [C(52, 160, 20, K), C(52, 160, 8, GREY, sw=0), C(118, 160, 20, K), C(118, 160, 8, GREY, sw=0)]
    return ''.join(out)


@pic('food', 'A plate with a knife and fork.',
     ['food', 'eat', 'eating', 'meal', 'meals', 'lunch', 'dinner', 'breakfast', 'snacks', 'cooking'])
def _():
    return (C(100, 100, 56, WHITE) + C(100, 100, 36, GREY, sw=6) +
            P("M22 34V62Q22 74 30 76V170", sw=8) + P("M38 34V62Q38 74 30 76", sw=8) + L(30, 34, 30, 62, sw=7) +
            P("M172 170V112H182V58Q182 32 172 30Q160 40 160 78V112H172", GREY))


@pic('address', 'A house with a map pin: where someone lives.',
     ['address', 'addresses', 'postcode', 'location', 'find us', 'directions', 'venue', 'map pin'])
def _():
    return house(16, 112, 92, 66, WHITE, RED, BLUE, chimney=False) + pin(146, 170, 34) + L(8, 179, 192, 179)

# ============================================================ papers, communication

@pic('document', 'A sheet of paper with writing on it.',
     ['document', 'documents', 'paper', 'papers', 'report', 'reports', 'form', 'forms', 'leaflet', 'page'])
def _():
    return doc(42, 16, 116, 168, 28, WHITE, [64, 88, 112, 136, 160])


@pic('policy', 'An official paper with a seal on it.',
     ['policy', 'policies', 'strategy', 'official', 'guidance', 'framework', 'procedure', 'charter'])
def _():
    return (doc(30, 14, 116, 164, 26, WHITE, [58, 82, 106], lx0=48, lx1=128) + L(48, 130, 92, 130, sw=6) +
            poly([(132, 150), (122, 190), (138, 180), (146, 192), (150, 152)], RED) +
            poly([(150, 150), (156, 190), (166, 178), (180, 186), (166, 148)], RED) +
            star(150, 138, 36, YEL, 0.72) + C(150, 138, 14, WHITE, sw=6))


@pic('minutes', 'Meeting notes: a paper with a speech bubble.',
     ['minutes', 'note', 'note taker', 'notes of the meeting', 'write up', 'summary', 'what was said', 'action log'])
def _():
    return (doc(22, 40, 106, 146, 24, WHITE, [84, 108, 132, 156], lx0=40, lx1=110) +
            bubble(104, 12, 190, 64, YEL, 'left', 14) + dots3(147, 38, 18, 6))


@pic('easy-read', 'An easy read page: a picture beside each short line.',
     ['easy read', 'easy-read', 'easy', 'accessible information', 'accessible format', 'easy to read', 'plain english', 'simple words'])
def _():
    out = [doc(30, 14, 140, 172, 26, WHITE)]
    for i, (y, col) in enumerate(((40, BLUE), (86, GREEN), (132, YEL))):
        out.append(R(46, y, 34, 34, col, rx=4, sw=6))
        out.append(L(96, y + 8, 150 if i else 132, y + 8, sw=6))
        out.append(L(96, y + 26, 136, y + 26, sw=6))
    out.append(C(63, 51, 5, WHITE, sw=4) + P("M54 68Q63 56 72 68", sw=4))
    out.append(P("M52 112L63 98L74 112Z", WHITE, sw=4))
    out.append(C(63, 149, 8, WHITE, sw=4))
    return ''.join(out)


@pic('read', 'An open book.',
     ['read', 'reads', 'reading', 'book', 'books', 'booklet', 'guide', 'look through'])
def _():
    return (P("M12 60V168Q58 158 100 178Q142 158 188 168V60", BLUE) +
            P("M100 48Q70 30 24 36V152Q70 146 100 164Z", WHITE) + P("M100 48Q130 30 176 36V152Q130 146 100 164Z", WHITE) +
            P("M42 64Q64 60 84 70M42 88Q64 84 84 94M42 112Q64 108 84 118M116 70Q136 60 158 64"
              "M116 94Q136 84 158 88M116 118Q136 108 158 112", sw=6))


@pic('write', 'A pencil writing a line.',
     ['write', 'writes', 'writing', 'wrote', 'written', 'fill in', 'sign', 'signed', 'pen', 'pencil'])
def _():
    pencil = [poly([(0, 0), (30, -14), (30, 14)], S1), poly([(0, 0), (11, -5), (11, 5)], K),
              R(30, -14, 74, 28, YEL), L(30, 0, 104, 0, sw=5), R(104, -14, 14, 28, GREY), R(118, -14, 18, 28, RED, rx=6)]
    return P("M12 166C28 146 40 178 56 158S80 148 92 156", sw=8) + G(pencil, "translate(96 150) rotate(-52)")


@pic('story', 'A speech bubble with a person in it: someone telling their story.',
     ['story', 'stories', 'experience', 'experiences', 'my story', 'lived experience', 'life story', 'what happened'])
def _():
    return (bubble(12, 18, 188, 150, WHITE, 'left', 22) + bust(62, 130, 0.85, S3, GREEN, 'short') +
            P("M106 60H166M106 84H166M106 108H146", sw=7))


@pic('hard-words', 'A book with a question mark on it: words that are hard to understand.',
     ['hard words', 'hard word', 'difficult words', 'word list', 'meaning', 'meanings', 'glossary', 'jargon'])
def _():
    return (R(56, 20, 110, 164, RED, rx=8) + R(38, 20, 26, 164, RED, rx=8) + L(64, 20, 64, 184) +
            thick("M88 76C88 54 138 52 138 78C138 98 112 96 112 118", 10, WHITE) + C(112, 148, 10, WHITE))


@pic('short-forms', 'A long bar made short, for short forms of words.',
     ['short forms', 'short form', 'abbreviation', 'abbreviations', 'initials', 'acronym', 'acronyms', 'stands for'])
def _():
    out = [R(12, 24, 176, 44, BLUE, rx=22)]
    for x in (40, 70, 100, 130, 160):
        out.append(C(x, 46, 8, WHITE, sw=5))
    out.append(arrow(100, 80, 100, 128, YEL, 22, 54, 30))
    out.append(R(58, 134, 84, 44, GREEN, rx=22))
    out += [C(86, 156, 8, WHITE, sw=5), C(114, 156, 8, WHITE, sw=5)]
    return ''.join(out)


@pic('contact', 'A contact card with a person and their details.',
     ['contact', 'contacts', 'contact us', 'get in touch', 'details', 'contact details', 'who to ask'])
def _():
    return (R(12, 40, 176, 120, WHITE, rx=14) + C(60, 100, 34, GREY) +
            C(60, 90, 12, S2, sw=6) + P("M38 124Q38 106 60 106Q82 106 82 124", BLUE, sw=6) +
            P("M110 78H168M110 100H168M110 122H150", sw=7))


@pic('information', 'The information sign: a letter i in a circle.',
     ['information', 'info', 'find out', 'find out more', 'facts', 'learn about', 'more information'])
def _():
    return C(100, 100, 82, BLUE) + thick("M100 90V150", 18, WHITE) + C(100, 56, 13, WHITE)


@pic('news', 'A newspaper.',
     ['news', 'newsletter', 'newsletters', 'newspaper', 'bulletin', 'headlines', 'announcement', 'announce'])
def _():
    return (R(14, 40, 30, 128, GREY, rx=6) + R(26, 26, 160, 150, WHITE, rx=6) + R(42, 42, 128, 22, K) +
            R(42, 80, 56, 62, BLUE, sw=6) + P("M114 84H170M114 104H170M114 124H170M114 144H170M42 160H170", sw=6))


@pic('letter', 'An envelope with a stamp.',
     ['letter', 'letters', 'post', 'posted', 'by post', 'in the post', 'envelope', 'mail', 'stamp'])
def _():
    return (R(14, 46, 172, 114, WHITE, rx=8) + R(142, 58, 30, 36, RED, rx=3) + C(157, 76, 7, WHITE, sw=4) +
            P("M50 112H118M50 130H118M50 148H96", sw=6))


@pic('email', 'An envelope with the at sign, for email.',
     ['email', 'emails', 'emailed', 'e-mail', 'inbox', 'message', 'messages', 'online message'])
def _():
    at = ("M154 132m10 0a10 10 0 1 0 0 .1zM164 122v14q0 8 8 8q8 0 8-12a26 26 0 1 0-12 22")
    return (R(10, 30, 150, 104, WHITE, rx=8) + P("M12 34L85 90L158 34", sw=7) +
            C(150, 138, 44, BLUE) + P(at, sw=6, stroke=WHITE))


@pic('phone', 'A mobile phone ringing.',
     ['phone', 'phones', 'call', 'calls', 'ring', 'telephone', 'mobile', 'text', 'text message'])
def _():
    return (R(54, 16, 84, 168, K, rx=14) + R(64, 36, 64, 118, WHITE, rx=4, sw=0) + C(96, 168, 7, WHITE, sw=0) +
            P("M152 64Q164 80 152 96M166 52Q186 80 166 108", sw=7) + P("M40 64Q28 80 40 96M26 52Q6 80 26 108", sw=7) +
            R(76, 56, 40, 8, BLUE, sw=0) + R(76, 76, 40, 8, BLUE, sw=0) + R(76, 96, 26, 8, BLUE, sw=0))


@pic('website', 'A web page in a browser window.',
     ['website', 'websites', 'web page', 'online', 'internet', 'web', 'link', 'links', 'site'])
def _():
    return (R(10, 28, 180, 144, WHITE, rx=10) + P("M10 58V38Q10 28 20 28H180Q190 28 190 38V58Z", GREY) +
            C(28, 43, 5, RED, sw=4) + C(44, 43, 5, YEL, sw=4) + C(60, 43, 5, GREEN, sw=4) +
            R(26, 74, 64, 52, BLUE, sw=6) + P("M32 120L50 98L62 112L70 104L84 120Z", GREEN, sw=4) +
            P("M104 82H172M104 102H172M104 122H150M26 148H172", sw=6))


@pic('computer', 'A computer screen.',
     ['computer', 'computers', 'laptop', 'laptops', 'ipad', 'screen', 'device', 'devices', 'digital'])
def _():
    return (P("M84 136L78 162H122L116 136Z", GREY) + R(54, 160, 92, 14, GREY, rx=4) +
            R(14, 24, 172, 116, K, rx=10) + R(26, 36, 148, 92, BLUE, sw=0) +
            R(40, 50, 50, 36, WHITE, sw=5) + P("M104 56H156M104 74H156M40 104H156", sw=6, stroke=WHITE))


@pic('print', 'A printer with paper coming out.',
     ['print', 'prints', 'printed', 'printing', 'printer', 'copy', 'copies', 'paper copy'])
def _():
    return (R(50, 18, 100, 60, WHITE) + R(14, 66, 172, 80, GREY, rx=12) + C(164, 88, 7, GREEN, sw=5) +
            L(40, 118, 160, 118) + R(50, 118, 100, 68, WHITE) + P("M66 140H134M66 160H118", sw=6))


@pic('camera', 'A camera.',
     ['camera', 'cameras', 'photo', 'photos', 'photograph', 'picture', 'pictures', 'film', 'video'])
def _():
    return (R(62, 38, 48, 28, GREY, rx=6) + R(14, 58, 172, 110, GREY, rx=16) +
            C(100, 114, 42, WHITE) + C(100, 114, 25, BLUE) + C(92, 106, 6, WHITE, sw=0) + R(146, 72, 24, 14, YEL, rx=3, sw=5))


@pic('photo-consent', 'A photo of a person with a tick: it is okay to take a photo.',
     ['photo consent', 'consent', 'take your photo', 'take photos', 'photos of you', 'permission', 'say yes', 'photo permission'])
def _():
    return (R(14, 22, 136, 116, WHITE, rx=6) + R(28, 36, 108, 88, BLUE, sw=6) +
            bust(82, 124, 0.72, S2, YEL, 'short') +
            C(146, 142, 40, GREEN) + thick(tick_path(128, 142, 141, 155, 166, 127), 9, WHITE))


@pic('record', 'A folder holding papers: records that are kept.',
     ['record', 'records', 'recorded', 'file', 'files', 'folder', 'keep a record', 'personal data', 'personal information'])
def _():
    return (P("M14 40H68L82 56H186V176H14Z", YEL) + R(30, 44, 140, 70, WHITE) + P("M48 64H150M48 84H132", sw=6) +
            P("M14 84H186V176H14Z", YEL))


@pic('quote', 'Big quotation marks: what someone said, in their own words.',
     ['quote', 'quotes', 'quotation', 'in their words', 'in their own words', 'someone said', 'we heard'])
def _():
    q = "M{x} 134a26 26 0 1 1 0 .1zM{x2} 128C{x3} 92 {x4} 62 {x5} 48"
    return (P("M40 132A28 28 0 1 0 68 104C68 88 74 68 96 54L86 40C54 58 40 90 40 132Z", BLUE) +
            P("M112 132A28 28 0 1 0 140 104C140 88 146 68 168 54L158 40C126 58 112 90 112 132Z", BLUE))


@pic('speak-up', 'A megaphone: speaking up so people hear you.',
     ['speak up', 'speaking up', 'speaks up', 'raise', 'voice', 'voices', 'campaign', 'have your say', 'be heard'])
def _():
    return (P("M76 116L86 162H108L98 112Z", GREY) + R(16, 74, 34, 52, RED, rx=6) +
            P("M46 80L136 36V164L46 120Z", YEL) + E(136, 100, 14, 64, WHITE) +
            P("M164 60L184 46M168 100H190M164 140L184 154", sw=7))


@pic('feedback', 'A feedback form with three faces to choose from.',
     ['feedback', 'tell us', 'what you think', 'views', 'opinion', 'opinions', 'comments', 'survey', 'questionnaire'])
def _():
    out = [doc(24, 12, 152, 176, 26, WHITE)]
    out += [face(58, 70, 19, 'smile', YEL), face(100, 70, 19, 'flat', YEL), face(142, 70, 19, 'frown', YEL)]
    out.append(C(58, 70, 27, sw=5, stroke=GREEN))
    out.append(P("M44 122H156M44 146H156M44 170H120", sw=6))
    return ''.join(out)


@pic('complain', 'A person with a speech bubble with an exclamation mark: making a complaint.',
     ['complain', 'complains', 'complaint', 'complaints', 'complaining', 'not happy with', 'concern', 'concerns'])
def _():
    return (bust(62, 194, 1.35, S2, BLUE, 'short') + bubble(98, 8, 190, 86, RED, 'left') +
            thick("M144 26V52", 8, WHITE) + C(144, 70, 7, WHITE, sw=5))


@pic('question', 'A question mark.',
     ['question', 'questions', 'ask', 'asks', 'asked', 'asking', 'why', 'not sure', 'enquiry'])
def _():
    return (C(100, 100, 82, BLUE) + thick("M72 72C72 36 130 34 130 70C130 96 100 94 100 120", 16, WHITE) +
            C(100, 152, 12, WHITE))


@pic('time-to-talk', 'A clock and a speech bubble: time to talk.',
     ['time to talk', 'questions time', 'chat', 'open discussion', 'any other business', 'aob', 'talk time'])
def _():
    return bubble(92, 12, 190, 78, WHITE, 'left') + dots3(141, 45, 22, 6) + clock(70, 128, 58, GREEN, (-60,), 0)


@pic('thank-you', 'A speech bubble with a heart: saying thank you.',
     ['thank you', 'thanks', 'thank', 'thanked', 'grateful', 'appreciate', 'appreciated', 'well done'])
def _():
    return bubble(12, 16, 188, 150, WHITE, 'left', 24) + heart(100, 86, 0.95)


@pic('welcome', 'A hand waving hello.',
     ['welcome', 'welcomed', 'hello', 'hi', 'introduction', 'introduce', 'introductions', 'wave', 'new members'])
def _():
    fingers = [R(-36, -72, 17, 70, S1, rx=8.5), R(-17, -84, 17, 82, S1, rx=8.5), R(2, -80, 17, 78, S1, rx=8.5),
               R(21, -62, 16, 60, S1, rx=8)]
    thumb = G([R(-10, -36, 20, 60, S1, rx=10)], "translate(-36 18) rotate(-48)")
    palm = P("M-38 -16H38V30Q38 60 0 60Q-38 60 -38 30Z", S1)
    cuff = R(-30, 58, 60, 28, BLUE, rx=4)
    hand = G(fingers + [thumb, cuff, palm], "translate(106 100) rotate(-12)")
    return hand + P("M30 46Q22 70 30 94M168 30Q180 54 176 80", sw=7)

# ============================================================ marks, status

@pic('tick', 'A big tick.',
     ['tick', 'ticks', 'ticked', 'yes', 'correct', 'true', 'approved', 'tick the box'])
def _():
    return thick("M30 106L78 154L170 52", 22, GREEN)


@pic('cross', 'A big cross.',
     ['cross', 'crossed', 'wrong', 'incorrect', 'false', 'stop', 'refused', 'not right'])
def _():
    return thick("M46 46L154 154M154 46L46 154", 22, RED)


@pic('done', 'A box with a tick in it: done.',
     ['done', 'finished', 'complete', 'completed', 'achieved', 'ready', 'happened', 'all done'])
def _():
    return R(22, 52, 120, 120, WHITE, rx=14) + thick("M48 106L82 140L172 36", 16, GREEN)


@pic('not-done', 'A box with a cross in it: not done.',
     ['not done', 'not finished', 'not complete', 'incomplete', 'did not happen', 'missed', 'not yet'])
def _():
    return R(40, 40, 120, 120, WHITE, rx=14) + thick("M72 72L128 128M128 72L72 128", 14, RED)


@pic('check', 'A clipboard with ticked boxes: checking.',
     ['check', 'checks', 'checked', 'checking', 'make sure', 'test', 'tested', 'inspect', 'audit'])
def _():
    out = [R(34, 26, 132, 162, S3, rx=10), R(48, 44, 104, 132, WHITE, sw=6), R(72, 14, 56, 26, GREY, rx=6)]
    for y in (60, 98, 136):
        out.append(R(58, y, 24, 24, WHITE, rx=3, sw=6))
        out.append(P(tick_path(62, y + 12, 69, y + 19, 86, y - 4), sw=7, stroke=GREEN))
        out.append(L(94, y + 12, 138, y + 12, sw=6))
    return ''.join(out)


@pic('to-do', 'A list with empty boxes: things to do.',
     ['to do', 'to do list', 'list', 'lists', 'tasks', 'task', 'jobs to do', 'next steps', 'things to do'])
def _():
    out = [doc(36, 14, 128, 172, 26, WHITE)]
    for y in (46, 92, 138):
        out.append(R(54, y, 28, 28, WHITE, rx=4, sw=7))
        out.append(L(96, y + 14, 146, y + 14, sw=7))
    return ''.join(out)


@pic('rules', 'A list with ticks and a cross: what you should and should not do.',
     ['rule', 'rules', 'must', 'must not', 'allowed', 'not allowed', 'ground rules', 'behaviour', 'code of conduct'])
def _():
    out = [R(26, 22, 148, 166, WHITE, rx=8), C(100, 22, 10, RED)]
    for y, ok in ((64, True), (108, False), (152, True)):
        if ok:
            out.append(C(56, y, 17, GREEN, sw=6) + P(tick_path(47, y, 54, y + 7, 66, y - 7), sw=6, stroke=WHITE))
        else:
            out.append(C(56, y, 17, RED, sw=6) + P(f"M49 {y-7}L63 {y+7}M63 {y-7}L49 {y+7}", sw=6, stroke=WHITE))
        out.append(L(86, y, 154, y, sw=7))
    return ''.join(out)


@pic('warning', 'A warning sign: a triangle with an exclamation mark.',
     ['warning', 'warnings', 'careful', 'be careful', 'danger', 'risk', 'risks', 'important', 'alert'])
def _():
    return (P("M100 22L186 170H14Z", YEL, sw=8) + P("M100 70V118", sw=16) + C(100, 146, 10, K, stroke='none'))


@pic('star', 'A star.',
     ['star', 'stars', 'best', 'great', 'excellent', 'special', 'highlight', 'gold star'])
def _():
    return star(100, 106, 88, YEL, 0.46)


@pic('heart', 'A heart.',
     ['heart', 'hearts', 'love', 'loved', 'kind', 'kindness', 'matters', 'feelings', 'what matters'])
def _():
    return heart(100, 104, 1.35)


@pic('safe', 'A shield with a tick: keeping safe.',
     ['safe', 'safety', 'safely', 'keep safe', 'safeguarding', 'protect', 'protected', 'protection', 'secure'])
def _():
    return (P("M100 14L168 40V92C168 138 138 166 100 186C62 166 32 138 32 92V40Z", GREEN) +
            thick("M68 98L92 122L134 72", 10, WHITE))


@pic('rights', 'Balanced scales: fairness and rights.',
     ['rights', 'right to', 'human rights', 'law', 'legal', 'justice', 'equality act', 'entitled'])
def _():
    out = [R(92, 38, 16, 128, GREY), R(50, 166, 100, 16, GREY, rx=4), L(26, 48, 174, 48, sw=9), C(100, 36, 10, YEL)]
    for x in (40, 160):
        out.append(P(f"M{x} 48L{x-24} 112M{x} 48L{x+24} 112", sw=5))
        out.append(P(f"M{x-32} 112H{x+32}C{x+32} 140 {x-32} 140 {x-32} 112Z", YEL))
    return ''.join(out)


@pic('power', 'A strong arm: having power.',
     ['power', 'powerful', 'strong', 'strength', 'influence', 'in control', 'empower', 'empowered', 'confidence'])
def _():
    arm = ("M40 112C60 80 100 72 124 96L128 66H164L166 150C166 170 154 178 134 178H40Z")
    return (P(arm, S2) + P("M64 128C78 114 100 112 116 126", sw=6) +
            R(108, 16, 74, 60, S2, rx=22) + P("M108 36H132M108 56H132", sw=6) +
            R(12, 100, 36, 82, BLUE, rx=6))


@pic('idea', 'A light bulb: an idea.',
     ['idea', 'ideas', 'think', 'thinking', 'thought', 'suggest', 'suggestion', 'suggestions', 'imagine'])
def _():
    return (P("M100 26C56 26 44 76 66 102C76 114 78 122 78 134H122C122 122 124 114 134 102C156 76 144 26 100 26Z", YEL) +
            P("M90 134V106Q100 92 110 106V134", sw=6) +
            R(78, 134, 44, 18, GREY, rx=4) + R(82, 152, 36, 16, GREY, rx=4) + P("M92 168Q100 182 108 168", sw=7) +
            P("M100 4V12M28 32L36 40M172 32L164 40M10 90H20M180 90H190", sw=7))


@pic('goal', 'A target with an arrow in the middle: a goal.',
     ['goal', 'goals', 'aim', 'aims', 'target', 'targets', 'outcome', 'outcomes', 'want to achieve'])
def _():
    return (C(92, 108, 76, RED) + C(92, 108, 54, WHITE) + C(92, 108, 32, RED) + C(92, 108, 12, WHITE) +
            L(96, 104, 166, 34, sw=8) + poly([(166, 34), (160, 12), (180, 12), (188, 20), (188, 40)], BLUE, sw=6))


@pic('success', 'A trophy: success.',
     ['success', 'successful', 'succeed', 'win', 'winning', 'award', 'awards', 'celebrate', 'proud'])
def _():
    return (P("M62 46H38C36 82 54 98 72 96M138 46H162C164 82 146 98 128 96", sw=8) +
            R(70, 150, 60, 20, YEL) + R(56, 168, 88, 18, S3, rx=4) + R(92, 118, 16, 34, YEL) +
            P("M58 22H142V66C142 102 124 120 100 120C76 120 58 102 58 66Z", YEL) + star(100, 66, 22, WHITE, 0.45))


@pic('change', 'A square changing into a circle: change.',
     ['change', 'changes', 'changed', 'changing', 'different', 'improve', 'improvement', 'improvements', 'new way'])
def _():
    return R(8, 70, 58, 58, BLUE, rx=6) + arrow(74, 99, 136, 99, YEL, 22, 50, 28) + C(166, 99, 28, GREEN)


@pic('update', 'Two arrows going round: an update.',
     ['update', 'updates', 'updated', 'latest', 'progress', 'since last time', 'refresh', 'catch up'])
def _():
    return arc_arrow(100, 100, 64, 200, 330, GREEN) + arc_arrow(100, 100, 64, 20, 150, BLUE)


@pic('review', 'A paper with a magnifying glass: looking again.',
     ['review', 'reviews', 'reviewed', 'reviewing', 'look again', 'look back', 'evaluate', 'evaluation', 'assess'])
def _():
    return (doc(18, 12, 112, 158, 24, WHITE, [52, 76, 100], lx0=36, lx1=102) +
            magnifier(120, 120, 36, WHITE, P("M100 112H140M100 130H130", sw=6)))


@pic('search', 'A magnifying glass: looking for something.',
     ['search', 'searched', 'searching', 'look for', 'find', 'finding', 'found', 'explore'])
def _():
    return magnifier(84, 84, 56, WHITE, P("M52 70Q58 52 76 46", sw=7, stroke=GREY))


@pic('look', 'An eye.',
     ['look', 'looks', 'looking', 'see', 'seen', 'watch', 'watching', 'notice', 'observe'])
def _():
    return (P("M12 100Q100 14 188 100Q100 186 12 100Z", WHITE) + C(100, 100, 36, BLUE) + C(100, 100, 16, K) +
            C(110, 90, 6, WHITE, stroke='none'))


@pic('action', 'A big arrow moving forward: action.',
     ['action', 'act', 'acting', 'take action', 'make it happen', 'move forward', 'get going', 'start'])
def _():
    return arrow(48, 150, 176, 40, GREEN, 34, 84, 56) + P("M18 122L44 100M30 170L56 148M70 186L90 168", sw=8)


@pic('share', 'Two people with arrows going both ways between them: sharing.',
     ['share', 'shares', 'shared', 'sharing', 'exchange', 'pass on', 'give and take', 'swap'])
def _():
    return (bust(44, 192, 0.98, S3, YEL, 'short') + bust(156, 192, 0.98, S1, GREEN, 'long', BROWN) +
            arrow(24, 36, 176, 36, BLUE, 18, 46, 30) + arrow(176, 80, 24, 80, RED, 18, 46, 30))


@pic('handshake', 'Two hands shaking: an agreement.',
     ['handshake', 'shake hands', 'agreement', 'agreements', 'deal', 'promise', 'commitment', 'sign up'])
def _():
    return (R(4, 92, 36, 66, BLUE, rx=6) + R(160, 58, 36, 66, GREEN, rx=6) +
            R(34, 102, 112, 48, S1, rx=22) + R(58, 64, 108, 50, S3, rx=22) +
            R(56, 94, 20, 50, S3, rx=10) + R(76, 96, 20, 52, S3, rx=10) + R(96, 96, 20, 50, S3, rx=10) +
            R(116, 94, 20, 42, S3, rx=10) +
            G([R(0, -11, 66, 22, S1, rx=11)], "translate(74 70) rotate(-12)"))


@pic('partnership', 'Two jigsaw pieces that fit together: a partnership.',
     ['partnership', 'partnerships', 'partner', 'partners', 'work together', 'working together', 'team up', 'fit together'])
def _():
    return (G([P("M0 0H78V28A20 20 0 1 1 78 68V96H0Z", BLUE)], "translate(14 62) rotate(-8)") +
            G([P("M0 0H72V96H0V72A22 22 0 1 0 0 24Z", GREEN)], "translate(112 46) rotate(-8)"))


@pic('co-production', 'Two people writing one plan together: co-production.',
     ['co-production', 'co-produce', 'co-produced', 'coproduction', 'co-design', 'design together', 'make together',
      'equal partners'])
def _():
    return (bust(40, 150, 0.95, S3, GREEN, 'short') + bust(160, 150, 0.95, S1, YEL, 'long', BROWN) +
            R(48, 46, 104, 140, WHITE, rx=6) + P("M66 78H134", sw=8, stroke=GREEN) + P("M66 104H134", sw=8, stroke=BLUE) +
            P("M66 130H120", sw=8, stroke=GREEN) + P("M66 156H110", sw=8, stroke=BLUE) +
            G([poly([(0, 0), (16, -7), (16, 7)], S1), R(16, -7, 46, 14, YEL)], "translate(116 164) rotate(-35)") +
            G([poly([(0, 0), (16, -7), (16, 7)], S1), R(16, -7, 46, 14, RED)], "translate(84 164) rotate(-145)"))

# ============================================================ feelings

@pic('happy', 'A smiling face: happy.',
     ['happy', 'happier', 'glad', 'pleased', 'good', 'enjoy', 'enjoyed', 'smile', 'smiling'])
def _():
    return face(100, 100, 82, 'smile')


@pic('okay', 'A face with a straight mouth: okay.',
     ['okay', 'ok', 'all right', 'alright', 'so-so', 'in the middle', 'fine', 'not bad'])
def _():
    return face(100, 100, 82, 'flat')


@pic('unhappy', 'A face with a turned-down mouth: unhappy.',
     ['unhappy', 'not happy', 'did not like', "didn't like", 'dislike', 'bad', 'poor', 'not good'])
def _():
    return face(100, 100, 82, 'frown')


@pic('sad', 'A sad face with a tear.',
     ['sad', 'sadness', 'upset', 'cry', 'crying', 'lonely', 'loneliness', 'hurt', 'grief'])
def _():
    return face(100, 100, 82, 'frown', brows='worried', tear=True)


@pic('worried', 'A worried face.',
     ['worried', 'worry', 'worries', 'anxious', 'anxiety', 'nervous', 'scared', 'afraid', 'stress', 'stressed'])
def _():
    return face(100, 100, 82, 'wavy', brows='worried', sweat=True)


@pic('angry', 'An angry face.',
     ['angry', 'anger', 'cross with', 'annoyed', 'frustrated', 'frustrating', 'furious', 'mad', 'unfair'])
def _():
    return face(100, 100, 82, 'tight', fill=RED, brows='angry')


# ============================================================ time

def _calendar(cells_fill=GREY, mark=None):
    out = [R(22, 34, 156, 146, WHITE, rx=10), P("M22 70V44Q22 34 32 34H168Q178 34 178 44V70Z", RED)]
    out += [thick("M62 22V46", 4, GREY), thick("M138 22V46", 4, GREY)]
    for r_ in range(3):
        for c in range(4):
            x, y = 38 + c * 33, 84 + r_ * 31
            fill = cells_fill
            out.append(R(x, y, 24, 22, fill, rx=3, sw=5))
    if mark:
        x, y = mark
        out.append(R(x - 8, y - 7, 40, 36, YEL, rx=4, sw=7))
        out.append(E(x + 12, y + 11, 34, 30, sw=8, stroke=RED))
    return ''.join(out)


@pic('calendar', 'A calendar.',
     ['calendar', 'calendars', 'month', 'months', 'year', 'dates', 'diary', 'schedule', 'timetable'])
def _():
    return _calendar()


@pic('date', 'A calendar with one day circled: the date.',
     ['date', 'day', 'days', 'deadline', 'save the date', 'next meeting date', 'on the day'])
def _():
    return _calendar(GREY, (104, 115))


@pic('clock', 'A clock.',
     ['clock', 'clocks', "o'clock", 'hour', 'hours', 'minute', 'start time', 'finish time', 'what time'])
def _():
    return clock(100, 100, 84, BLUE, (60,), 0)


@pic('time', 'An egg timer: time going by.',
     ['time', 'times', 'how long', 'long time', 'wait', 'waiting', 'waited', 'waiting list'])
def _():
    return (P("M62 36H138C138 76 108 88 108 100C108 112 138 124 138 164H62C62 124 92 112 92 100C92 88 62 76 62 36Z", WHITE) +
            P("M76 56H124C118 74 104 82 100 90C96 82 82 74 76 56Z", YEL, stroke='none') +
            P("M70 160C78 138 94 132 100 130C106 132 122 138 130 160Z", YEL, stroke='none') +
            L(100, 96, 100, 128, sw=5, stroke=YEL) +
            P("M62 36H138C138 76 108 88 108 100C108 112 138 124 138 164H62C62 124 92 112 92 100C92 88 62 76 62 36Z") +
            R(46, 20, 108, 18, S3, rx=6) + R(46, 162, 108, 18, S3, rx=6))


@pic('late', 'A clock with a warning mark: late.',
     ['late', 'later', 'delay', 'delayed', 'behind', 'overdue', 'running late', 'postponed'])
def _():
    return clock(86, 112, 74, BLUE, (150,), 240) + C(160, 42, 30, RED) + thick("M160 26V44", 6, WHITE) + C(160, 58, 5, WHITE, sw=4)


@pic('future', 'A road going towards the rising sun: the future.',
     ['future', 'in future', 'next year', 'years to come', 'ahead', 'long term', 'hope', 'hopes', 'vision'])
def _():
    out = [C(100, 96, 40, YEL)]
    for a in (-160, -130, -100, -80, -50, -20):
        ra = math.radians(a)
        out.append(L(100 + 52 * math.cos(ra), 96 + 52 * math.sin(ra), 100 + 70 * math.cos(ra), 96 + 70 * math.sin(ra), sw=7))
    out.append(P("M8 100H192V182H8Z", GREEN))
    out.append(P("M52 182L94 100H106L148 182Z", GREY))
    out.append(P("M100 116V128M100 142V158M100 170V182", sw=6, stroke=WHITE))
    return ''.join(out)


# ============================================================ numbers and progress

@pic('chart', 'A bar chart.',
     ['chart', 'charts', 'graph', 'graphs', 'results', 'figures', 'statistics', 'data', 'trend'])
def _():
    return (R(40, 110, 32, 66, BLUE) + R(86, 76, 32, 100, GREEN) + R(132, 38, 32, 138, YEL) +
            P("M22 20V176H186"))


@pic('numbers', 'The numbers 1, 2 and 3.',
     ['numbers', 'number', 'how many', 'count', 'counted', 'total', 'amount', 'percent', 'per cent'])
def _():
    out = []
    for i, (x, col) in enumerate(((12, BLUE), (74, GREEN), (136, YEL))):
        out.append(R(x, 56, 54, 84, WHITE, rx=10))
    out.append(P("M28 80L42 68V128", sw=9))
    out.append(P("M88 82C88 62 116 60 116 80C116 98 88 108 88 126H118", sw=9))
    out.append(P("M150 72C156 62 180 62 180 80C180 92 172 96 162 96C174 96 182 102 182 112C182 132 158 134 150 122", sw=9))
    return ''.join(out)


@pic('doing-well', 'A star with a tick: doing well.',
     ['doing well', 'good practice', 'working well', 'very good', 'on track', 'going great'])
def _():
    return star(100, 108, 92, YEL, 0.5) + thick("M70 110L92 132L132 88", 10, WHITE)


@pic('getting-there', 'A half-filled circle with an arrow going up: getting there.',
     ['getting there', 'some progress', 'partly', 'part done', 'on the way', 'improving', 'halfway'])
def _():
    return (C(100, 100, 80, WHITE) + P("M100 20A80 80 0 0 0 100 180Z", YEL) + C(100, 100, 80) +
            L(100, 20, 100, 180, sw=6) + arrow(140, 150, 140, 46, GREEN, 20, 50, 30))


@pic('more-to-do', 'Steps going up to a flag, with a person at the bottom: more to do.',
     ['more to do', 'still to do', 'needs work', 'not there yet', 'long way to go', 'to improve', 'next steps to take'])
def _():
    return (P("M10 184V152H52V120H94V88H136V56H186V184Z", GREY) +
            L(162, 56, 162, 10) + poly([(162, 12), (124, 24), (162, 36)], RED) +
            fig(30, 68, 0.58, S2, BLUE))


@pic('working', 'A thumbs up: this is working.',
     ['going well', 'positive', 'thumbs up', 'what works', 'what is working', 'helpful', 'goes well', 'good things'])
def _():
    return (R(20, 92, 36, 86, BLUE, rx=6) +
            P("M56 96H82L96 40Q102 22 116 28Q128 34 124 58L118 86H160Q176 88 174 106L166 162Q162 178 146 178H56Z", S2) +
            P("M118 86V86M122 110H172M120 134H168M120 158H162", sw=6) + L(82, 96, 82, 178, sw=6))


@pic('not-working', 'A thumbs down: this is not working.',
     ['not working', "isn't working", 'not going well', 'negative', 'thumbs down', 'problem', 'problems', 'barrier', 'barriers'])
def _():
    return G([R(20, 92, 36, 86, RED, rx=6),
              P("M56 96H82L96 40Q102 22 116 28Q128 34 124 58L118 86H160Q176 88 174 106L166 162Q162 178 146 178H56Z", S3),
              P("M122 110H172M120 134H168M120 158H162", sw=6), L(82, 96, 82, 178, sw=6)],
             "rotate(180 100 100)")

# ============================================================ Working Together for Change steps

@pic('prepare', 'A toolbox: getting ready.',
     ['prepare', 'prepares', 'prepared', 'preparing', 'preparation', 'get ready', 'getting ready', 'plan ahead', 'before the meeting'])
def _():
    return (R(95, 46, 10, 36, GREY, sw=6) + R(84, 10, 32, 42, YEL, rx=12) +
            G([R(-7, -64, 14, 74, GREY), C(0, -66, 16, GREY), R(-6, -86, 12, 20, WHITE, sw=0)], "translate(146 98) rotate(20)") +
            P("M70 76V58Q70 50 78 50H122Q130 50 130 58V76", sw=8) +
            R(18, 76, 164, 100, RED, rx=10) + R(18, 76, 164, 26, RED, rx=6) + R(88, 94, 24, 20, YEL, rx=4))


@pic('collect', 'Notes and speech bubbles going into a box: collecting what people say.',
     ['collect', 'collects', 'collected', 'collecting', 'gather', 'gathered', 'gathering', 'get views', 'stories collected'])
def _():
    return (bubble(14, 10, 84, 54, YEL, 'right', 12) + bubble(112, 22, 184, 66, BLUE, 'left', 12) +
            dots3(49, 32, 16, 5) + dots3(148, 44, 16, 5) +
            arrow(100, 70, 100, 116, GREEN, 16, 40, 22) +
            P("M20 118H180L164 186H36Z", S3) + L(40, 140, 160, 140, sw=6))


@pic('theme', 'Sticky notes sorted into two groups: finding themes.',
     ['theme', 'key themes', 'main themes', 'common themes', 'sort', 'sorted', 'sorting', 'group together', 'common', 'patterns', 'topics', 'topic'])
def _():
    out = [R(8, 30, 88, 140, WHITE, rx=14, sw=6), R(104, 30, 88, 140, WHITE, rx=14, sw=6)]
    for (x, y) in ((20, 44), (54, 68), (24, 106)):
        out.append(R(x, y, 32, 32, YEL, rx=3, sw=6))
    out.append(R(52, 124, 32, 32, YEL, rx=3, sw=6))
    for (x, y) in ((116, 46), (148, 62), (118, 100), (150, 120)):
        out.append(R(x, y, 32, 32, BLUE, rx=3, sw=6))
    return ''.join(out)


HEAD = ("M58 186V150C38 136 30 116 32 94C34 52 66 22 108 22C148 22 172 50 170 86L184 114"
        "C186 120 182 124 174 124V144C174 156 164 162 150 160L136 158V186Z")


@pic('understand', 'A head with a tick in it: understanding.',
     ['understand', 'understands', 'understanding', 'understood', 'make sense', 'makes sense', 'realise', 'know why'])
def _():
    return P(HEAD, S2) + C(98, 88, 40, WHITE) + thick(tick_path(78, 90, 94, 106, 120, 72), 8, GREEN)


@pic('identify-success', 'A magnifying glass finding a star: seeing what success looks like.',
     ['identify success', 'what good looks like', 'success looks like', 'measure', 'measures', 'evidence', 'signs of success'])
def _():
    return magnifier(84, 84, 62, WHITE, star(84, 86, 40, YEL, 0.46))


@pic('plan', 'A map with a route from a start point to a flag: a plan.',
     ['plan', 'plans', 'planned', 'planning', 'steps', 'route', 'map', 'roadmap', 'action plan', 'how we will'])
def _():
    return (poly([(12, 44), (70, 28), (70, 164), (12, 180)], WHITE) +
            poly([(70, 28), (130, 44), (130, 180), (70, 164)], GREY) +
            poly([(130, 44), (188, 28), (188, 164), (130, 180)], WHITE) +
            P("M38 150C60 130 52 104 86 104S128 78 146 72", sw=7, stroke=RED, extra=' stroke-dasharray="1 15"') +
            C(38, 150, 10, BLUE) + L(150, 82, 150, 36) + poly([(150, 38), (178, 48), (150, 60)], GREEN))


@pic('implement', 'Two cogs turning together: putting the plan into action.',
     ['implement', 'implemented', 'implementing', 'implementation', 'put into practice', 'carry out', 'deliver', 'delivery', 'make changes'])
def _():
    return gear(130, 120, 58, 10, GREEN, 18, 0) + gear(56, 62, 40, 8, BLUE, 13, 22)


# ============================================================ identity

@pic('learning-disability', 'A person with a thought bubble full of shapes: a person with a learning disability.',
     ['learning disability', 'learning disabilities', 'learning difficulty', 'learning difficulties',
      'people with a learning disability', 'disabled', 'disability', 'disabilities'])
def _():
    return (bust(62, 194, 1.35, S1, GREEN, 'short', BROWN) +
            C(104, 94, 6, WHITE) + C(118, 76, 9, WHITE) +
            E(144, 46, 46, 36, WHITE) + C(124, 46, 11, RED, sw=6) + R(138, 36, 20, 20, BLUE, sw=6) +
            poly([(170, 34), (182, 56), (158, 56)], YEL, sw=6))


@pic('autism', 'The infinity sign, used by many autistic people.',
     ['autism', 'autistic', 'autistic people', 'autistic person', 'neurodivergent', 'neurodiversity', 'asd', 'asperger'])
def _():
    d = "M100 100C78 62 24 60 24 100C24 140 78 138 100 100C122 62 176 60 176 100C176 140 122 138 100 100Z"
    return P(d, sw=36) + P(d, sw=20, stroke=YEL)


# ============================================================ health and care

@pic('health', 'A heart with a heartbeat line: health.',
     ['health', 'healthy', 'health and care', 'wellbeing', 'well-being', 'physical health', 'body', 'fitness', 'keep well'])
def _():
    return heart(100, 104, 1.35) + thick("M14 100H62L76 70L96 136L114 84L124 104H186", 7, WHITE)


@pic('mental-health', 'A head with a heart inside: mental health.',
     ['mental health', 'mental wellbeing', 'emotional', 'emotions', 'mind', 'mental illness', 'feel better', 'talking therapy'])
def _():
    return P(HEAD, S1) + heart(100, 90, 0.62)


@pic('care', 'A hand holding a heart: care and support.',
     ['care', 'social care', 'care and support', 'care home', 'care services', 'care plan', 'personal care', 'support at home'])
def _():
    hand = ("M36 130H64L80 98Q88 84 100 92Q108 98 104 112L98 130H166Q182 130 182 145Q182 158 168 158H152"
            "Q160 164 154 172Q148 180 136 180H36Z")
    return (R(6, 124, 34, 62, BLUE, rx=6) + P(hand, S2) + P("M112 158H150", sw=6) + heart(126, 68, 0.68))


@pic('wheelchair', 'A person using a wheelchair: access for disabled people.',
     ['wheelchair', 'wheelchairs', 'wheelchair user', 'accessible', 'access', 'step-free', 'ramp', 'disabled access', 'accessibility'])
def _():
    return (C(90, 134, 46, sw=9) + C(90, 134, 8, K) +
            P("M50 70V124H128L142 170H172", sw=9) +
            thick("M76 66L80 112H124L138 158", 20, BLUE) + thick("M78 80L108 100", 12, BLUE) +
            C(108, 100, 8, S2, sw=6) + C(70, 38, 18, S2))
