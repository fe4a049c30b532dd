#!/usr/bin/env python3
"""Sums a wasm module's function bodies by crate (and by module of ours), deflated per group.

Usage: wasm_breakdown.py NAMED.wasm [GROUP]. NAMED.wasm must keep its "name" section (see
bench/wasm-breakdown.sh). With GROUP, also lists that group's largest items, generic arguments
folded. Reads the module's sections itself (import, code and name), so it needs nothing installed.
"""
import collections
import re
import sys
import zlib
data=open(sys.argv[1],'rb').read()
def leb(b,i):
    r=0;s=0
    while True:
        x=b[i];i+=1;r|=(x&0x7f)<<s;s+=7
        if x<0x80: return r,i
i=8;secs=[]
while i<len(data):
    sid=data[i];i+=1;size,i=leb(data,i);secs.append((sid,i,size));i+=size
nimports=0;names={};bodies=[]
for sid,off,size in secs:
    if sid==2:
        j=off;n,j=leb(data,j)
        for _ in range(n):
            l,j=leb(data,j);j+=l;l,j=leb(data,j);j+=l;kind=data[j];j+=1
            if kind==0: _,j=leb(data,j); nimports+=1
            elif kind==1: j+=1; fl,j=leb(data,j); _,j=leb(data,j); 
            elif kind==2: fl,j=leb(data,j); _,j=leb(data,j); 
            elif kind==3: j+=2
    if sid==10:
        j=off;n,j=leb(data,j)
        for _ in range(n):
            l,j=leb(data,j);bodies.append(data[j:j+l]);j+=l
    if sid==0:
        j=off;l,j=leb(data,j);nm=data[j:j+l];j+=l
        if nm==b'name':
            end=off+size
            while j<end:
                sub=data[j];j+=1;sl,j=leb(data,j);se=j+sl
                if sub==1:
                    k=j;n,k=leb(data,k)
                    for _ in range(n):
                        idx,k=leb(data,k);l,k=leb(data,k);names[idx]=data[k:k+l].decode('utf8','replace');k+=l
                j=se
def key(n):
    n=re.sub(r'::h[0-9a-f]{16}$','',n)
    m=re.match(r'^<?([A-Za-z_0-9]+)::([a-z_0-9]+)(?:::([a-z_0-9]+))?',n)
    if not m: return 'other'
    k=m.group(1)
    if k=='session_playground':
        k+='::'+m.group(2)
        if m.group(2) in ('python','flask','ui','scenario','browser') and m.group(3): k+='::'+m.group(3)
    return k
groups=collections.defaultdict(list)
for idx,b in enumerate(bodies):
    n=names.get(idx+nimports,'?')
    groups[key(n)].append(b)
tot=sum(len(b) for b in bodies)
rows=[]
for k,bs in groups.items():
    raw=b''.join(bs); rows.append((len(zlib.compress(raw,9)),len(raw),len(bs),k))
rows.sort(reverse=True)
print('code raw',tot,'sum gz by group',sum(r[0] for r in rows))
lvl=sys.argv[2] if len(sys.argv)>2 else ''
for r in rows[:70]: print(f"{r[0]:8,} {r[1]:9,} {r[2]:5} {r[3]}")
if lvl:
    items=[]
    for idx,b in enumerate(bodies):
        n=names.get(idx+nimports,'?')
        if key(n)==lvl: items.append((len(b),n))
    items.sort(reverse=True)
    agg=collections.Counter()
    for l,n in items:
        k=re.sub(r'::h[0-9a-f]{16}$','',n); k=re.sub(r'<[^<>]*>','<>',k); k=re.sub(r'<[^<>]*>','<>',k); k=re.sub(r'<[^<>]*>','<>',k)
        agg[k[:120]]+=l
    for k,v in agg.most_common(30): print(f"{v:8,} {k}")
