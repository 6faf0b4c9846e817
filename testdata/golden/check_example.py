# An independent check of the example goldens: recomputes the 2023/24 Q2 report of the
# example project from its raw xlsx and csv files (own XML reader, PyYAML for the catalogue,
# no qpr code) and compares every KPI of the qpr pack with the golden JSON: value,
# value_period, stale, target, floor, rag, rag_previous, history, and the regression
# direction of travel (CS02's spc direction is taken from the JSON, not recomputed).
#
#   python3 testdata/golden/check_example.py \
#       testdata/golden/example-qpr-2023-24-Q2.json testdata/golden/example-ced-2023-24-Q2.json
#
# It prints the counts it finds and "mismatches 0" when the goldens agree with it.
import sys, os, re, csv, json, math, zipfile, datetime
import xml.etree.ElementTree as ET
import yaml
ROOT=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'example')
M='{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
RID='{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'
cat=yaml.safe_load(open(ROOT+'/catalogue.yaml'))
inds={i['code']:i for i in cat['indicators']}

def qkey(label):
    m=re.fullmatch(r'(?i)\s*(?:Q(\d)\s+(\d{4})[/-](\d{2})|(\d{4})[/-](\d{2})\s*Q(\d))\s*',label)
    if not m: return None
    if m.group(1): return ('Q',int(m.group(2)),int(m.group(1)))
    return ('Q',int(m.group(4)),int(m.group(6)))
def mkey_from_month(y,mo): return ('M',y,mo)
def quarter_of_month(y,mo):  # April year start
    fy = y if mo>=4 else y-1
    return ('Q',fy,(mo-4)%12//3+1)

obs={}  # code -> {key: value or None}
def put(code,key,val):
    obs.setdefault(code,{})
    assert key not in obs[code], (code,key)
    obs[code][key]=val
def parse_val(s,pct):
    s=s.strip()
    if s.lower() in ('n/a','na','-','..','*'): return None
    v=float(s.replace(',','').rstrip('%'))
    return float(f'{v*100:.10g}') if pct else v
def period_key(s, is_date):
    if is_date:
        d=datetime.date(1899,12,30)+datetime.timedelta(days=int(float(s)))
        return mkey_from_month(d.year,d.month)
    k=qkey(s)
    if k: return k
    m=re.fullmatch(r'(\d{4})-(\d{2})',s.strip())
    if m: return mkey_from_month(int(m.group(1)),int(m.group(2)))
    raise ValueError(s)

def read_xlsx(path):
    z=zipfile.ZipFile(path)
    ss=[]
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall(M+'si'):
            ss.append(''.join(t.text or '' for t in si.iter(M+'t')))
    st=ET.fromstring(z.read('xl/styles.xml'))
    fmts={int(n.get('numFmtId')):n.get('formatCode') for n in st.iter(M+'numFmt')}
    xfs=[int(x.get('numFmtId','0')) for x in st.find(M+'cellXfs').findall(M+'xf')]
    def kind(sidx):
        if sidx is None: return ''
        f=xfs[int(sidx)]; code=fmts.get(f,'')
        if f in (9,10) or '%' in code: return 'pct'
        if f in range(14,23) or re.search(r'[dy]',code or ''): return 'date'
        return ''
    wb=ET.fromstring(z.read('xl/workbook.xml'))
    rels={r.get('Id'):r.get('Target') for r in ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))}
    for s in wb.find(M+'sheets'):
        t=rels[s.get(RID)].lstrip('/')
        if not t.startswith('xl/'): t='xl/'+t
        rows=[]
        for row in ET.fromstring(z.read(t)).iter(M+'row'):
            cells={}
            for c in row.findall(M+'c'):
                col=re.match(r'[A-Z]+',c.get('r')).group(0)
                v=c.find(M+'v')
                if c.get('t')=='s': val=ss[int(v.text)]
                elif c.get('t')=='inlineStr': val=''.join(x.text or '' for x in c.iter(M+'t'))
                elif v is not None: val=v.text
                else: continue
                cells[col]=(val,kind(c.get('s')),c.get('t') in ('s','inlineStr'))
            rows.append(cells)
        yield s.get('name'), rows

def table(rows):
    header=rows[0]; cols={v[0].lower():k for k,v in header.items()}
    if 'value' in cols and 'period' in cols:
        for r in rows[1:]:
            if cols['value'] not in r: continue
            pv=r[cols['period']]
            key=period_key(pv[0], pv[1]=='date' and not pv[2])
            vv=r[cols['value']]
            put(r[cols['code']][0], key, parse_val(vv[0], vv[1]=='pct' and not vv[2]))
    elif 'value' not in cols and ('context' in cols or 'actions' in cols):
        return
    else:
        for r in rows[1:]:
            code=r['A'][0]
            for col,hv in header.items():
                if col=='A' or col not in r: continue
                put(code, period_key(hv[0],False), parse_val(r[col][0], r[col][1]=='pct' and not r[col][2]))

for f in sorted(os.listdir(ROOT+'/data')):
    p=ROOT+'/data/'+f
    if f.endswith('.xlsx'):
        for name,rows in read_xlsx(p): table(rows)
    elif f.endswith('.csv'):
        rows=list(csv.reader(open(p)))
        h=[x.lower() for x in rows[0]]
        for r in rows[1:]:
            d=dict(zip(h,r)); put(d['code'], period_key(d['period'],False), parse_val(d['value'],False))

def qadd(k,n):
    i=k[1]*4+k[2]-1+n; return ('Q',i//4,i%4+1)
def months(q):
    out=[]
    for j in range(3):
        mo=4+(q[2]-1)*3+j; y=q[1]
        if mo>12: mo-=12; y+=1
        out.append(('M',y,mo))
    return out
def qvalue(code,q):
    i=inds[code]; o=obs.get(code,{})
    if i.get('frequency','quarterly')=='quarterly':
        return o.get(q)
    pres=[o[m] for m in months(q) if o.get(m) is not None]
    if not pres: return None
    agg=i.get('aggregate','last')
    if agg=='sum': return float(f'{sum(pres):.10g}')
    if agg=='mean': return float(f'{sum(pres)/len(pres):.10g}')
    return pres[-1]
def reported(code,q):
    v=qvalue(code,q)
    if v is not None: return v,q
    lag=inds[code].get('max_lag',1)
    for n in range(1,lag+1):
        v=qvalue(code,qadd(q,-n))
        if v is not None: return v,qadd(q,-n)
    return None,None
def fylabel(fy): return f'{fy}/{(fy+1)%100:02d}'
def thresholds(code,fy):
    i=inds[code]
    if 'thresholds' in i:
        best=None
        for lab,th in i['thresholds'].items():
            y=int(lab[:4])
            if y<=fy and (best is None or y>best[0]): best=(y,th)
        return best[1] if best else None
    if 'target' in i: return {'target':i['target'],'floor':i.get('floor')}
    return None
def rag(code,v,fy):
    if v is None: return 'no_data'
    th=thresholds(code,fy)
    if th is None: return 'not_rated'
    t,f=th['target'],th.get('floor'); hi=inds[code]['polarity']=='higher'
    if (hi and v>=t) or (not hi and v<=t): return 'green'
    if f is None: return 'red'
    if (hi and v>=f) or (not hi and v<=f): return 'amber'
    return 'red'

def betacf(a,b,x):
    qab,qap,qam=a+b,a+1,a-1; c=1; d=1-qab*x/qap; d=1/d if abs(d)>1e-300 else 1e300; h=d
    for m in range(1,300):
        m2=2*m; aa=m*(b-m)*x/((qam+m2)*(a+m2))
        d=1+aa*d; d=1/d if abs(d)>1e-300 else 1e300; c=1+aa/c; h*=d*c
        aa=-(a+m)*(qab+m)*x/((a+m2)*(qap+m2))
        d=1+aa*d; d=1/d if abs(d)>1e-300 else 1e300; c=1+aa/c; de=d*c; h*=de
        if abs(de-1)<1e-15: break
    return h
def ibeta(a,b,x):
    if x<=0: return 0.0
    if x>=1: return 1.0
    bt=math.exp(math.lgamma(a+b)-math.lgamma(a)-math.lgamma(b)+a*math.log(x)+b*math.log(1-x))
    if x<(a+1)/(a+b+2): return bt*betacf(a,b,x)/a
    return 1-bt*betacf(b,a,1-x)/b
def trend(code,q,window=8,alpha=0.05):
    i=inds[code]; o=obs.get(code,{})
    first=qadd(q,-(window-1)); pts=[]
    if i.get('frequency','quarterly')=='quarterly':
        for n in range(window):
            v=o.get(qadd(first,n))
            if v is not None: pts.append((n,v))
    else:
        pos=0
        for n in range(window):
            for m in months(qadd(first,n)):
                v=o.get(m)
                if v is not None: pts.append((pos,v))
                pos+=1
    n=len(pts)
    if n<3: return 'insufficient'
    xs=[p[0] for p in pts]; ys=[p[1] for p in pts]
    mx=sum(xs)/n; my=sum(ys)/n
    sxx=sum((x-mx)**2 for x in xs); sxy=sum((x-mx)*(y-my) for x,y in pts)
    b=sxy/sxx; a=my-b*mx
    sse=sum((y-a-b*x)**2 for x,y in pts)
    if sse<=1e-18*max(1,sum(y*y for y in ys)):
        p=0.0 if abs(b)>0 else 1.0
    else:
        se=math.sqrt(sse/(n-2)/sxx); t=b/se; df=n-2
        p=ibeta(df/2,0.5,df/(df+t*t))
    if p>=alpha or b==0: return 'stable'
    up=b>0
    return 'improving' if up==(i['polarity']=='higher') else 'worsening'

Q2=('Q',2023,2); Q1=('Q',2023,1)
rep=json.load(open(sys.argv[1]))
byc={x['code']:x for x in rep['indicators']}
from collections import Counter
cnt={k:Counter() for k in ('rag','rag_prev','trend','trend_prev')}
mism=0
for code,i in inds.items():
    if i.get('type','kpi')!='kpi' or 'qpr' not in i.get('tags',[]): continue
    v,frm=reported(code,Q2); r=rag(code,v,2023)
    vp,_=reported(code,Q1); rp=rag(code,vp,2023)
    method=(i.get('trend') or {}).get('method','regression')
    if method=='regression':
        t=trend(code,Q2); tp=trend(code,Q1)
    else:
        t=byc[code]['trend']['direction']; tp=byc[code]['trend_previous']
        print('trend of',code,'by',method,'taken from the report, not recomputed')
    cnt['rag'][r]+=1; cnt['rag_prev'][rp]+=1; cnt['trend'][t]+=1; cnt['trend_prev'][tp]+=1
    j=byc[code]
    hist=[(fylabel(k[1])+' Q'+str(k[2]), qvalue(code,k), rag(code,qvalue(code,k),k[1])) for k in [qadd(Q2,-n) for n in range(4,-1,-1)]]
    jh=[(h['period'],h['value'],h['rag']) for h in j['history']]
    th=thresholds(code,2023)
    checks=[('value',j['value'],v),('rag',j['rag'],r),('rag_previous',j['rag_previous'],rp),('trend',j['trend']['direction'],t),
            ('trend_previous',j['trend_previous'],tp),('history',jh,hist),('target',j['target'],th['target']),('floor',j['floor'],th.get('floor')),
            ('value_period',j['value_period'],fylabel(frm[1])+' Q'+str(frm[2]) if frm else None),('stale',j['stale'],frm is not None and frm!=Q2)]
    for name,got,want in checks:
        if got!=want: mism+=1; print('MISMATCH',code,name,'report',got,'independent',want)
print({k:dict(v) for k,v in cnt.items()})
print('mismatches',mism)
# activity indicators and the ced pack
def expected(code,fy):
    i=inds[code]; best=None
    for lab,r in (i.get('expected') or {}).items():
        y=int(lab[:4])
        if y<=fy and (best is None or y>best[0]): best=(y,r)
    return best[1] if best else None
act=Counter()
for code,i in inds.items():
    if i.get('type')!='activity' or 'qpr' not in i.get('tags',[]): continue
    v,_=reported(code,Q2); ex=expected(code,2023)
    s='no_data' if v is None else 'not_rated' if ex is None else 'above' if v>ex['upper'] else 'below' if v<ex['lower'] else 'within'
    act[s]+=1
    if byc[code]['activity']!=s or byc[code]['value']!=v: print('MISMATCH activity',code,byc[code]['activity'],s)
print('activity',dict(act))
ced=json.load(open(sys.argv[2]))
codes=[c for c,i in inds.items() if i['directorate']=='CED']
print('ced pack codes match catalogue order:',[x['code'] for x in ced['indicators']]==codes, codes)
c=Counter(rag(code,reported(code,Q2)[0],2023) for code in codes if inds[code].get('type','kpi')=='kpi')
print('ced rag',dict(c), ced['summary']['rag'])
