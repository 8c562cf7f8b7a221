#!/usr/bin/env python3
"""Checks captured webhook deliveries with the official Standard Webhooks
library (PyPI `standardwebhooks`), not with bizseal's own code.

Usage: verify_webhooks.py CAPTURED.json

CAPTURED.json: {"secret": "whsec_...", "deliveries": [{"headers": {...},
"body": "..."}, ...]}. Prints one line per delivery and exits 0 when every
signature verifies and every body has `type`, `timestamp` and `data`;
exits 1 on the first failure, 3 when the library is not installed.
"""

import json
import sys

try:
    from standardwebhooks.webhooks import Webhook
except ImportError:
    print("the standardwebhooks package is not installed (pip install standardwebhooks)",
          file=sys.stderr)
    sys.exit(3)


def main(path):
    with open(path, encoding="utf-8") as f:
        captured = json.load(f)
    hook = Webhook(captured["secret"])
    for i, d in enumerate(captured["deliveries"]):
        try:
            payload = hook.verify(d["body"].encode("utf-8"), d["headers"])
        except Exception as e:  # the library's WebhookVerificationError and kin
            print(f"delivery {i} ({d['headers'].get('webhook-id')}): {e}", file=sys.stderr)
            return 1
        missing = {"type", "timestamp", "data"} - set(payload)
        if missing:
            print(f"delivery {i}: body lacks {sorted(missing)}", file=sys.stderr)
            return 1
        print(f"ok {d['headers']['webhook-id']} {payload['type']}")
    print(f"verified {len(captured['deliveries'])}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
