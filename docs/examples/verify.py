"""Verifies that a request comes from the WhatsApp gateway (docs/CONTRACT.md §3). Python 3.8+, stdlib only."""
import hashlib
import hmac
import os
import re
import sys
import time

TOLERANCE_SECONDS = 300


def verify_gateway_signature(secret, headers, raw_body, now=None):
    """headers: a mapping (Flask's and Django's are case-insensitive); raw_body: bytes, exactly as received."""
    timestamp = headers.get("X-Vendin-Timestamp") or ""
    signature = headers.get("X-Vendin-Signature") or ""
    if not re.fullmatch(r"[0-9]{1,12}", timestamp):
        return False
    if abs((time.time() if now is None else now) - int(timestamp)) > TOLERANCE_SECONDS:
        return False
    if not re.fullmatch(r"v1=[0-9a-fA-F]{64}", signature):
        return False
    message = timestamp.encode("ascii") + b"." + raw_body
    expected = hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature[3:].lower())


if __name__ == "__main__":  # From a shell: INSTANCE_SECRET=... python3 verify.py <timestamp> <signature> < body.json
    given = {"X-Vendin-Timestamp": sys.argv[1], "X-Vendin-Signature": sys.argv[2]}
    ok = verify_gateway_signature(os.environ["INSTANCE_SECRET"], given, sys.stdin.buffer.read())
    print("valid" if ok else "invalid")
    sys.exit(0 if ok else 1)
