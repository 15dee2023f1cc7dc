"""The compose stack's sample webhook receiver: checks both mediahooks signatures of every POST with
nothing but the Python standard library, and prints one line per request with its verdict.

Paths decide the answer, so the demo webhooks can show retries and dead letters:
  /fail...  -> 500 (retried on the schedule, then dead-lettered)
  /gone...  -> 410 (dead-lettered at once)
  anything else -> 204 when both signatures verify, 401 otherwise
GET /health answers 200; GET /metrics gives request counts in the Prometheus text format.

Settings (environment): RECEIVER_PORT (8000), RECEIVER_SECRETS (comma-separated whsec_... secrets;
the first is the primary, used for the hex signature), RECEIVER_SIGNATURE_HEADER
(X-FP-Webhook-Signature-Hmac-Sha-256), RECEIVER_TOLERANCE_SECONDS (300).
A development tool: it speaks plain HTTP and trusts its network.
"""

import base64
import collections
import hashlib
import hmac
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(os.environ.get("RECEIVER_PORT", "8000"))
SECRETS = [s.strip() for s in os.environ.get("RECEIVER_SECRETS", "").split(",") if s.strip()]
SIGNATURE_HEADER = os.environ.get("RECEIVER_SIGNATURE_HEADER", "X-FP-Webhook-Signature-Hmac-Sha-256")
TOLERANCE = int(os.environ.get("RECEIVER_TOLERANCE_SECONDS", "300"))
MAX_BODY = 1 << 20

counts = collections.Counter()
attempts = collections.Counter()
lock = threading.Lock()


def hex_signature_ok(body, header):
    """SPEC: lowercase hex HMAC-SHA256 of the raw body, keyed with the UTF-8 bytes of the primary secret string."""
    if not SECRETS or not header:
        return False
    expected = hmac.new(SECRETS[0].encode("utf-8"), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header.strip())


def standard_signature_ok(body, webhook_id, timestamp, header):
    """Standard Webhooks: v1,<base64 HMAC-SHA256 of "id.timestamp.body">, keyed with the decoded part of a secret."""
    if not (webhook_id and timestamp and header):
        return False
    try:
        if abs(time.time() - int(timestamp)) > TOLERANCE:
            return False
    except ValueError:
        return False
    signed = webhook_id.encode() + b"." + timestamp.encode() + b"." + body
    offered = [part.split(",", 1)[1] for part in header.split() if part.startswith("v1,")]
    for secret in SECRETS:
        key = base64.b64decode(secret[len("whsec_"):] if secret.startswith("whsec_") else secret)
        expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
        if any(hmac.compare_digest(expected, candidate) for candidate in offered):
            return True
    return False


class Handler(BaseHTTPRequestHandler):
    server_version = "mediahooks-demo-receiver"

    def do_GET(self):
        if self.path == "/health":
            self.answer(200, b"ok\n")
        elif self.path == "/metrics":
            with lock:
                lines = ["# TYPE mediahooks_demo_receiver_requests_total counter"]
                lines += ['mediahooks_demo_receiver_requests_total{verdict="%s",status="%d"} %d' % (v, s, n)
                          for (v, s), n in sorted(counts.items())]
            self.answer(200, ("\n".join(lines) + "\n").encode(), "text/plain; version=0.0.4")
        else:
            self.answer(404, b"not found\n")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(min(length, MAX_BODY))
        webhook_id = self.headers.get("webhook-id", "")
        hex_ok = hex_signature_ok(body, self.headers.get(SIGNATURE_HEADER))
        std_ok = standard_signature_ok(body, webhook_id, self.headers.get("webhook-timestamp", ""),
                                       self.headers.get("webhook-signature", ""))
        verified = hex_ok and std_ok
        if self.path.startswith("/fail"):
            status = 500
        elif self.path.startswith("/gone"):
            status = 410
        else:
            status = 204 if verified else 401
        try:
            event = json.loads(body)
            what = "%s %s" % (event.get("event_type"), event.get("event_id"))
        except ValueError:
            what = "unparsable body"
        verdict = "verified" if verified else "REJECTED(hex=%s,standard=%s)" % (hex_ok, std_ok)
        with lock:
            attempts[webhook_id] += 1
            attempt = attempts[webhook_id]
            counts[("verified" if verified else "rejected", status)] += 1
        print("%s %s -> %s (attempt %d, answered %d, webhook-id %s)"
              % (verdict, what, self.path, attempt, status, webhook_id), flush=True)
        self.answer(status, b"")

    def answer(self, status, body, content_type="text/plain"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def log_message(self, *args):
        pass  # one line per delivery is printed above; the default access log would double it


if __name__ == "__main__":
    if not SECRETS:
        sys.exit("RECEIVER_SECRETS is empty: give the organization's whsec_... secret(s)")
    print("demo receiver on :%d, %d secret(s), hex header %s" % (PORT, len(SECRETS), SIGNATURE_HEADER), flush=True)
    ThreadingHTTPServer(("0.0.0.0", PORT), Handler).serve_forever()
