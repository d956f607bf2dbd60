import re, os, sys, subprocess
root = '/tmp/kb/src/keepalived-2.2.7'
files = []
for d in ['keepalived', 'lib']:
    for dp, dn, fn in os.walk(os.path.join(root, d)):
        files += [os.path.join(dp, f) for f in fn if f.endswith('.c')]
funcs = {}
params = {}
for f in files:
    src = open(f, errors='replace').read()
    for m in re.finditer(r'^([A-Za-z_][A-Za-z0-9_]*)\(([^)]*)\)\s*\n\{', src, re.M):
        name = m.group(1)
        start = m.end()
        end = src.find('\n}\n', start)
        funcs.setdefault(name, src[start:end])
        params.setdefault(name, m.group(2))
allstr = subprocess.run(['strings', '-n', '2', '/usr/sbin/keepalived'], capture_output=True, text=True).stdout.split('\n')
binstr = set()
for s_ in allstr:
    for i in range(len(s_)):
        binstr.add(s_[i:])
def uses_value_block(h, seen=None):
    seen = seen or set()
    if h in seen or h not in funcs: return False
    seen.add(h)
    body = funcs[h]
    if 'alloc_value_block' in body or 'read_value_block' in body: return True
    return False
# tree: list of [name, handler, children]
roots = []
state = {'sublevel': 0}
call_re = re.compile(r'\b(install_keyword_root|install_keyword_conditional|install_keyword|install_sublevel_end|install_sublevel)\s*\(([^;]*)\);|\b([a-z_][a-z0-9_]*)\s*\(("[^"]*")?[^;{}]*\);')
def installs(f, seen=None):
    seen = seen if seen is not None else set()
    if f in seen or f not in funcs: return False
    seen.add(f)
    b = funcs[f]
    if re.search(r'install_(keyword|sublevel)', b): return True
    return any(installs(c, seen) for c in set(re.findall(r'\b([a-z_][a-z0-9_]*)\s*\(', b)) if c.startswith('install'))
def run(fname, depth=0, lit=None):
    body = funcs.get(fname, '')
    if lit:
        pm = re.search(r'char\s*\*\s*([a-z_]+)', params.get(fname, ''))
        if pm:
            body = re.sub(r'install_keyword\(\s*' + pm.group(1) + r'\s*,', 'install_keyword("' + lit + '",', body)
    for m in call_re.finditer(body):
        if m.group(1):
            kind, args = m.group(1), m.group(2)
            if kind == 'install_sublevel': state['sublevel'] += 1
            elif kind == 'install_sublevel_end': state['sublevel'] -= 1
            else:
                am = re.match(r'\s*"([^"]+)"\s*,\s*&?\s*([A-Za-z0-9_]+|NULL)', args)
                if not am: continue
                name, h = am.group(1), am.group(2)
                node = [name, h, []]
                if kind == 'install_keyword_root':
                    roots.append(node); state['sublevel'] = 0
                else:
                    k = roots[-1]
                    for i in range(state['sublevel']): k = k[2][-1]
                    k[2].append(node)
        else:
            callee = m.group(3)
            if callee in funcs and callee != fname and depth < 6 and installs(callee):
                run(callee, depth + 1, m.group(4).strip('"') if m.group(4) else None)
groups = {}
for f, g in [('init_global_keywords', 'global'), ('init_vrrp_keywords', 'vrrp'), ('init_check_keywords', 'check'), ('add_track_file_keywords', 'track')]:
    before = len(roots)
    run(f)
    for r in roots[before:]:
        groups[id(r)] = g
def emit(node, ind):
    name, h, ch = node
    if name not in binstr:
        return
    kind = 'B' if ch else ('L' if uses_value_block(h) else 'V')
    print('  ' * ind + name + ' ' + kind)
    for c in ch: emit(c, ind + 1)
last = None
for r in roots:
    if groups[id(r)] != last:
        last = groups[id(r)]
        print('@' + last)
    emit(r, 0)
