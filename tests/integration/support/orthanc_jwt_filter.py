# An Orthanc archive that demands a valid OpenID Connect access token (integration tests).
#
# Loaded by Orthanc's Python plugin (Debian orthanc-python; python3-jwt, python3-cryptography)
# as "PythonScript"; tests/integration/support/orthancserver.h starts it with
# OrthancServer::Options::pythonScript and the "FenestraAuth" section described in
# fenestra_jwt.py (the check itself lives there, shared with orthanc_policy.py).
#
# Every request needs "Authorization: Bearer <JWT>" signed (RS256) by one of the provider's
# keys, with our issuer and audience, not expired. The harness's own requests (readiness,
# upload) carry "X-Fenestra-Harness: <FenestraHarnessSecret>" instead. Anything else is refused:
# when this filter returns False Orthanc answers 403 Forbidden (never 401: Orthanc's filter
# cannot choose the status), so a client must treat 401 and 403 alike. Orthanc's own
# authentication stays off: it knows only Basic and would reject Bearer tokens.
#
# Each refusal is logged with its reason (never the token): "fenestra-auth: refused GET
# /dicom-web/studies: token expired".

import json
import os
import sys

import orthanc

_config = json.loads(orthanc.GetConfiguration())
# fenestra_jwt.py sits next to this script.
sys.path.insert(0, os.path.dirname(os.path.abspath(_config["PythonScript"])))

import fenestra_jwt  # noqa: E402 (after the path is set)

_verifier = fenestra_jwt.Verifier(_config)

_METHODS = {orthanc.HttpMethod.GET: "GET", orthanc.HttpMethod.POST: "POST",
            orthanc.HttpMethod.PUT: "PUT", orthanc.HttpMethod.DELETE: "DELETE"}


def _filter(uri, **request):
    reason = _verifier.refusal(fenestra_jwt.lower_headers(request))
    if reason is None:
        return True
    method = _METHODS.get(request.get("method"), request.get("method"))
    orthanc.LogWarning("fenestra-auth: refused %s %s: %s" % (method, uri, reason))
    return False


orthanc.RegisterIncomingHttpRequestFilter(_filter)
