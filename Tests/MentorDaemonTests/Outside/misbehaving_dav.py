"""A CalDAV server that misbehaves, for mentord's followed-calendar tests.

Listens on 127.0.0.1 on a port of the kernel's choice, prints that port on a line, then serves until
it is killed. A PROPFIND anywhere says the address is a calendar collection that offers
sync-collection, so mentord takes it for CalDAV; then a REPORT under /garbage/ is answered with a
207 whose body is not XML, and one under /silent/ is read and never answered.
"""

import http.server
import socketserver
import sys
import threading

PROBE = """<?xml version="1.0" encoding="utf-8"?>
<d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
<d:response><d:href>{href}</d:href><d:propstat><d:prop>
<d:resourcetype><d:collection/><c:calendar/></d:resourcetype>
<d:supported-report-set><d:supported-report><d:report><d:sync-collection/></d:report></d:supported-report></d:supported-report-set>
</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
</d:multistatus>"""

GARBAGE = b"<d:multistatus xmlns:d='DAV:'><d:response><d:href>/garbage/a.ics</d:href><d:propstat>\x00\xff<<"

never = threading.Event()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)

    def reply(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_PROPFIND(self):
        self.read_body()
        self.reply(207, PROBE.format(href=self.path).encode())

    def do_REPORT(self):
        self.read_body()
        if self.path.startswith("/silent/"):
            never.wait(120)
            return
        self.reply(207, GARBAGE)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


server = Server(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
