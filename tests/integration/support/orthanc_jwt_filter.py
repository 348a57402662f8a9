# An Orthanc archive that demands a valid OpenID Connect access token (integration tests).
#
# Loaded by Orthanc's Python plugin (Debian orthanc-python; python3-jwt, python3-cryptography)
# as "PythonScript"; tests/integration/support/orthancserver.h starts it with
# OrthancServer::Options::pythonScript and this configuration section:
#
#   "FenestraAuth": {
#     "Issuer":   "http://127.0.0.1:<port>",   # "iss" must equal it
#     "Audience": "urn:fenestra:archive",      # "aud" must contain it
#     "JwksFile": "/tmp/.../jwks.json",        # the provider's public keys, or
#     "JwksUrl":  "http://127.0.0.1:<port>/jwks",
#     "LeewaySeconds": 0                       # clock skew allowed on exp/iat/nbf
#   }
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

import hmac
import json
import os
import urllib.request

import jwt
import orthanc

ALGORITHMS = ["RS256"]

_config = json.loads(orthanc.GetConfiguration())
_auth = _config.get("FenestraAuth", {})
_harness_secret = _config.get("FenestraHarnessSecret", "").encode()


class _Keys:
    """The provider's signing keys, re-read when the JWKS file changes."""

    def __init__(self, auth):
        self._file = auth.get("JwksFile")
        self._client = jwt.PyJWKClient(auth["JwksUrl"]) if auth.get("JwksUrl") else None
        self._stamp = None
        self._set = None

    def key_for(self, token):
        if jwt.get_unverified_header(token).get("alg") not in ALGORITHMS:
            raise jwt.InvalidAlgorithmError("algorithm not allowed")
        if self._client is not None:
            return self._client.get_signing_key_from_jwt(token).key
        stamp = os.stat(self._file).st_mtime_ns
        if stamp != self._stamp:
            with open(self._file, encoding="utf-8") as jwks:
                self._set = jwt.PyJWKSet.from_dict(json.load(jwks))
            self._stamp = stamp
        kid = jwt.get_unverified_header(token).get("kid")
        for key in self._set.keys:
            if key.key_id == kid:
                return key.key
        raise jwt.InvalidKeyError("unknown signing key")


# The provider is local: never through a proxy from the environment (PyJWKClient uses urlopen).
urllib.request.install_opener(urllib.request.build_opener(urllib.request.ProxyHandler({})))

_keys = _Keys(_auth) if (_auth.get("JwksFile") or _auth.get("JwksUrl")) else None


def verify(token):
    """The token's claims when it is valid for this archive, else raises jwt.PyJWTError."""
    return jwt.decode(
        token,
        _keys.key_for(token),
        algorithms=ALGORITHMS,
        issuer=_auth.get("Issuer"),
        audience=_auth.get("Audience"),
        leeway=_auth.get("LeewaySeconds", 0),
        options={"require": ["exp", "iat", "iss", "aud", "sub"]},
    )


def refusal(headers):
    """Why this request may not pass (None: it may). headers: lowercase names."""
    harness = headers.get("x-fenestra-harness", "").encode()
    if _harness_secret and harness and hmac.compare_digest(harness, _harness_secret):
        return None
    if _keys is None:
        return "no FenestraAuth configuration"
    scheme, _, token = headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return "no bearer token"
    try:
        verify(token.strip())
    except jwt.ExpiredSignatureError:
        return "token expired"
    except jwt.InvalidAudienceError:
        return "wrong audience"
    except jwt.InvalidIssuerError:
        return "wrong issuer"
    except jwt.InvalidSignatureError:
        return "bad signature"
    except jwt.InvalidAlgorithmError:
        return "algorithm not allowed"
    except jwt.InvalidKeyError:
        return "unknown signing key"
    except jwt.ImmatureSignatureError:
        return "token not yet valid"
    except jwt.MissingRequiredClaimError as error:
        return "missing claim %s" % error.claim
    except jwt.DecodeError:
        return "malformed token"
    except jwt.PyJWTError as error:
        return "invalid token (%s)" % type(error).__name__
    return None


_METHODS = {orthanc.HttpMethod.GET: "GET", orthanc.HttpMethod.POST: "POST",
            orthanc.HttpMethod.PUT: "PUT", orthanc.HttpMethod.DELETE: "DELETE"}


def _filter(uri, **request):
    reason = refusal({k.lower(): v for k, v in request.get("headers", {}).items()})
    if reason is None:
        return True
    method = _METHODS.get(request.get("method"), request.get("method"))
    orthanc.LogWarning("fenestra-auth: refused %s %s: %s" % (method, uri, reason))
    return False


orthanc.RegisterIncomingHttpRequestFilter(_filter)
