#!/usr/bin/env python3
"""Another local process that pipelines requests and never reads the answers.

Each socket shrinks its receive buffer (SO_RCVBUF 1024, which Node's net.Socket cannot
set) before connecting, sends `pipelined` GETs of one asset in one go and never reads, so
the server's answers pile up on its side. A socket the server closes is opened again, for
the whole run. Stops by itself after `duration_ms`, or when stdin closes; prints what it
did as JSON on stdout.

Argument: one JSON object {port, host_header, path, sockets, pipelined, duration_ms}.
"""
import json
import select
import socket
import sys
import time

plan = json.loads(sys.argv[1])
request = (
    f"GET {plan['path']} HTTP/1.1\r\nHost: {plan['host_header']}\r\n\r\n".encode()
    * plan["pipelined"]
)
deadline = time.monotonic() + plan["duration_ms"] / 1000
TCP_ESTABLISHED = 1
report = {"connects": 0, "connectFailures": 0, "closedByServer": 0, "bytesSent": 0}


def open_one():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
    sock.settimeout(2)
    try:
        sock.connect(("127.0.0.1", plan["port"]))
    except OSError:
        report["connectFailures"] += 1
        sock.close()
        return None
    sock.setblocking(False)
    report["connects"] += 1
    return [sock, 0]


held = [open_one() for _ in range(plan["sockets"])]
stdin_open = True
while time.monotonic() < deadline and stdin_open:
    for index, entry in enumerate(held):
        if entry is None:
            held[index] = open_one()
            continue
        sock, sent = entry
        if sent >= len(request):
            # Everything is sent: a socket the server closed or reset is noticed by its
            # TCP state, without reading (a peek would see the unread answer, not the end).
            state = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 1)[0]
            if state != TCP_ESTABLISHED:
                report["closedByServer"] += 1
                sock.close()
                held[index] = None
            continue
        try:
            written = sock.send(request[sent:])
            entry[1] += written
            report["bytesSent"] += written
        except BlockingIOError:
            pass
        except OSError:
            report["closedByServer"] += 1
            sock.close()
            held[index] = None
    readable, _, _ = select.select([sys.stdin], [], [], 0.1)
    if readable and sys.stdin.read(1) == "":
        stdin_open = False

for entry in held:
    if entry is not None:
        entry[0].close()
print(json.dumps(report))
