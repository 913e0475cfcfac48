#!/usr/bin/env python3
# Records vttest's output on a pseudo-terminal (80x24), pressing keys and marking where each screen is complete.
# Used to make menu1-menu2.bin/.json (vttest 2.7, Debian package `vttest`):
#   python3 record.py session "1\n" $(for i in $(seq 1 6); do printf '\r '; done) "2\n" $(for i in $(seq 1 16); do printf '\r '; done)
# then the marks were named by hand in menu1-menu2.json. It answers vttest's DA query as a VT100 with AVO.
import os, pty, select, sys, time, struct, fcntl, termios, json
def run(keys, out):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ['TERM'] = 'xterm'
        os.execvp('vttest', ['vttest', '24x80.80'])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
    data = bytearray(); marks = []
    def drain(quiet=0.6):
        end = time.time() + 10
        last = time.time()
        while time.time() < end:
            r, _, _ = select.select([fd], [], [], 0.1)
            if r:
                try: b = os.read(fd, 65536)
                except OSError: return False
                if not b: return False
                data.extend(b); last = time.time()
            elif time.time() - last > quiet: return True
        return True
    drain()
    os.write(fd, b'\x1b[?1;2c')
    drain()
    marks.append(len(data))
    for k in keys:
        os.write(fd, k.encode())
        if not drain(): break
        marks.append(len(data))
    try: os.kill(pid, 9)
    except: pass
    open(out + '.bin', 'wb').write(bytes(data))
    json.dump(marks, open(out + '.json', 'w'))
    print(out, len(data), marks)
run(sys.argv[2:], sys.argv[1])
