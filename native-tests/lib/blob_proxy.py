#!/usr/bin/env python3
"""A tiny HTTP proxy in front of a plain-http registry, for pull tests that need a bad network.

    blob_proxy.py --upstream http://127.0.0.1:PORT --port-file FILE --log FILE
                  [--cut-once-after BYTES] [--rate BYTES_PER_SECOND] [--min-size BYTES]

Every request is forwarded to the upstream registry as it came (method, path, headers, body),
and logged as one line: "METHOD PATH range=<Range header or -> status=<upstream status>".
The first answer to a GET of each blob of at least --min-size bytes (default 1 MiB) may be
damaged; later answers for the same blob are sent whole, at full speed:
  --cut-once-after N  it sends N body bytes, then the connection is closed (a broken download)
  --rate R            it is sent at about R bytes per second (a slow network)
Only the standard library is used.
"""
import argparse
import http.client
import http.server
import os
import sys
import threading
import time
import urllib.parse

HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade"}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--upstream", required=True)
    p.add_argument("--port-file", required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--cut-once-after", type=int, default=-1)
    p.add_argument("--rate", type=int, default=0)
    p.add_argument("--min-size", type=int, default=1 << 20)
    args = p.parse_args()
    upstream = urllib.parse.urlsplit(args.upstream)
    lock = threading.Lock()
    first_done = set()

    def log(line):
        with lock:
            with open(args.log, "a") as f:
                f.write(line + "\n")

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
            headers["Host"] = upstream.netloc
            conn = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=120)
            conn.request(self.command, self.path, body=body, headers=headers)
            resp = conn.getresponse()
            size = int(resp.getheader("Content-Length") or 0)
            log("%s %s range=%s status=%d" % (self.command, self.path,
                                              self.headers.get("Range", "-"), resp.status))
            self.send_response_only(resp.status, resp.reason)
            for k, v in resp.getheaders():
                if k.lower() not in HOP_BY_HOP:
                    self.send_header(k, v)
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command == "HEAD":
                conn.close()
                return
            damaged = False
            if self.command == "GET" and "/blobs/sha256:" in self.path and size >= args.min_size:
                with lock:
                    damaged = self.path not in first_done
                    first_done.add(self.path)
            cut = args.cut_once_after if damaged else -1
            sent = 0
            start = time.monotonic()
            while True:
                chunk = resp.read(16384)
                if not chunk:
                    break
                if cut >= 0 and sent + len(chunk) >= cut:
                    self.wfile.write(chunk[: cut - sent])
                    self.wfile.flush()
                    log("CUT %s after=%d" % (self.path, cut))
                    break
                self.wfile.write(chunk)
                sent += len(chunk)
                if damaged and args.rate > 0:
                    ahead = sent / args.rate - (time.monotonic() - start)
                    if ahead > 0:
                        time.sleep(ahead)
            self.wfile.flush()
            conn.close()
            self.close_connection = True

        do_GET = do_HEAD = do_PUT = do_POST = do_PATCH = do_DELETE = forward

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(args.port_file + ".tmp", args.port_file)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
