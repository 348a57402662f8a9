#!/usr/bin/python3
"""The test consent registry: FHIR R4 Consent resources from memory (integration tests only).

Started by tests/integration/support/consentregistry.cpp as
`/usr/bin/python3 consent_registry.py PORT` with the per-run control secret in the environment
variable FENESTRA_CONSENT_SECRET. Binds 127.0.0.1 only. Python 3 standard library only.

  GET    /fhir/Consent?patient:identifier=<system>|<value>   searchset Bundle (needs a bearer)
         (also patient.identifier=..., or patient=Patient/<id>)
  GET    /fhir/Consent/<id>                                  the resource
  PUT    /fhir/Consent/<id>     control: store (body: the Consent)
  DELETE /fhir/Consent/<id>     control: remove one
  DELETE /fhir/Consent          control: remove all
  PUT    /_control/delay        control: body = milliseconds before each search answer
  GET    /_control/stats        control: {"searches": n}
Control requests need "X-Fenestra-Harness: <secret>" (403 otherwise). Searches need an
"Authorization: Bearer <token>" header (401 otherwise); the token is not verified here.

Prints "fenestra-consent listening <base url>" when ready; exits 98 when the port is taken.
Logs method, path and status only: never a token, never a search value.
"""

import hmac
import json
import os
import signal
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FHIR_JSON = "application/fhir+json"

_store = {}
_lock = threading.Lock()
_state = {"delay": 0.0, "searches": 0}
_secret = os.environ.get("FENESTRA_CONSENT_SECRET", "").encode()


def outcome(code, text):
    return {"resourceType": "OperationOutcome",
            "issue": [{"severity": "error", "code": code, "diagnostics": text}]}


def patient_matches(consent, system, value, reference):
    patient = consent.get("patient") or {}
    if reference is not None:
        return patient.get("reference") == reference
    identifier = patient.get("identifier") or {}
    if identifier.get("value") != value:
        return False
    return system is None or identifier.get("system") == system


class Handler(BaseHTTPRequestHandler):
    server_version = "fenestra-consent/1"
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 (BaseHTTPRequestHandler's name)
        pass

    def _send(self, status, body, content_type=FHIR_JSON):
        data = json.dumps(body).encode() if not isinstance(body, bytes) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        path = urllib.parse.urlsplit(self.path).path
        print("%s %s %d" % (self.command, path + ("?..." if "?" in self.path else ""), status),
              flush=True)

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _is_control(self):
        given = (self.headers.get("X-Fenestra-Harness") or "").encode()
        return bool(_secret) and bool(given) and hmac.compare_digest(given, _secret)

    def _route(self):
        parts = urllib.parse.urlsplit(self.path)
        return parts.path.rstrip("/").split("/")[1:], urllib.parse.parse_qs(parts.query)

    def do_GET(self):
        path, query = self._route()
        if path == ["_control", "stats"]:
            if not self._is_control():
                return self._send(403, outcome("forbidden", "control needs the harness secret"))
            return self._send(200, {"searches": _state["searches"]}, "application/json")
        if path[:2] != ["fhir", "Consent"] or len(path) > 3:
            return self._send(404, outcome("not-found", "unknown path"))
        if len(path) == 3:
            with _lock:
                consent = _store.get(path[2])
            if consent is None:
                return self._send(404, outcome("not-found", "no such Consent"))
            return self._send(200, consent)
        scheme, _, token = (self.headers.get("Authorization") or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return self._send(401, outcome("login", "a bearer token is required"))
        return self._search(query)

    def _search(self, query):
        system = value = reference = None
        given = (query.get("patient:identifier") or query.get("patient.identifier") or [None])[0]
        if given is not None:
            system, bar, value = given.rpartition("|")
            if not bar:
                system = None
            elif not system:
                system = None
        elif query.get("patient"):
            reference = query["patient"][0]
            if "/" not in reference:
                reference = "Patient/" + reference
        else:
            return self._send(400, outcome("required", "search needs a patient parameter"))
        if _state["delay"] > 0:
            time.sleep(_state["delay"])
        with _lock:
            _state["searches"] += 1
            matches = [c for c in _store.values() if patient_matches(c, system, value, reference)]
        base = "http://%s:%d/fhir" % self.server.server_address[:2]
        bundle = {"resourceType": "Bundle", "type": "searchset", "total": len(matches),
                  "entry": [{"fullUrl": "%s/Consent/%s" % (base, c["id"]), "resource": c,
                             "search": {"mode": "match"}} for c in matches]}
        return self._send(200, bundle)

    def do_PUT(self):
        if not self._is_control():
            return self._send(403, outcome("forbidden", "control needs the harness secret"))
        path, _ = self._route()
        if path == ["_control", "delay"]:
            try:
                _state["delay"] = max(0, int(self._body() or b"0")) / 1000.0
            except ValueError:
                return self._send(400, outcome("invalid", "delay: milliseconds expected"))
            return self._send(204, b"")
        if path[:2] != ["fhir", "Consent"] or len(path) != 3:
            return self._send(404, outcome("not-found", "unknown path"))
        try:
            consent = json.loads(self._body())
        except ValueError:
            return self._send(400, outcome("invalid", "body is not JSON"))
        if not isinstance(consent, dict) or consent.get("resourceType") != "Consent":
            return self._send(400, outcome("invalid", "resourceType must be Consent"))
        consent["id"] = path[2]
        with _lock:
            created = path[2] not in _store
            _store[path[2]] = consent
        return self._send(201 if created else 200, consent)

    def do_DELETE(self):
        if not self._is_control():
            return self._send(403, outcome("forbidden", "control needs the harness secret"))
        path, _ = self._route()
        if path == ["fhir", "Consent"]:
            with _lock:
                _store.clear()
            return self._send(204, b"")
        if path[:2] != ["fhir", "Consent"] or len(path) != 3:
            return self._send(404, outcome("not-found", "unknown path"))
        with _lock:
            removed = _store.pop(path[2], None)
        if removed is None:
            return self._send(404, outcome("not-found", "no such Consent"))
        return self._send(204, b"")


def main():
    port = int(sys.argv[1])
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    except OSError as error:
        print("cannot listen on 127.0.0.1:%d: %s" % (port, error), flush=True)
        sys.exit(98 if error.errno == 98 else 1)
    server.daemon_threads = True
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print("fenestra-consent listening http://127.0.0.1:%d/fhir" % port, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
