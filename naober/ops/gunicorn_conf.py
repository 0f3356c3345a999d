"""gunicorn settings for Naober (`gunicorn -c python:naober.ops.gunicorn_conf naober.wsgi`).

Sized for a small machine (2 cores): one process per core, each with a few threads, because a
request mostly waits on the database. Every value can be changed through the environment.
The access log is the app's own: one JSON line per request with its request id
(naober.ops.middleware), so gunicorn's is off.
"""

import os

bind = os.environ.get("WEB_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_WORKERS", str(os.cpu_count() or 2)))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "4"))
# A request that takes longer than this is stuck: its process is replaced.
timeout = int(os.environ.get("WEB_TIMEOUT", "30"))
# On SIGTERM or a reload (SIGHUP), requests in progress get this long to finish.
graceful_timeout = int(os.environ.get("WEB_GRACEFUL_TIMEOUT", "20"))
keepalive = 5
# Replace each process after this many requests (with jitter), so memory cannot creep up.
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "warning").lower()
# The proxy in front (nginx, Caddy) is on the same machine; see docs/operations.md.
forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES", "127.0.0.1") or "127.0.0.1"
