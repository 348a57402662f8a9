# The bearer-token check shared by the Orthanc Python scripts of the integration tests
# (orthanc_jwt_filter.py, orthanc_policy.py): python3-jwt, python3-cryptography. Not a plugin
# itself: those scripts put this directory on sys.path and import it.
#
# Verifier(config) reads Orthanc's configuration (a dict):
#
#   "FenestraAuth": {
#     "Issuer":   "http://127.0.0.1:<port>",   # "iss" must equal it
#     "Audience": "urn:fenestra:archive",      # "aud" must contain it
#     "JwksFile": "/tmp/.../jwks.json",        # the provider's public keys, or
#     "JwksUrl":  "http://127.0.0.1:<port>/jwks",
#     "LeewaySeconds": 0                       # clock skew allowed on exp/iat/nbf
#   },
#   "FenestraHarnessSecret": "..."             # the harness's own requests pass with it
#
# and checks a request's headers: the harness's secret header, or "Authorization: Bearer <JWT>"
# signed (RS256) by one of the provider's keys, with our issuer and audience, not expired.
# Reasons are short English phrases for the archive's log; never the token.

import hmac
import json
import os
import urllib.request

import jwt

ALGORITHMS = ["RS256"]

# The provider is local: never through a proxy from the environment (PyJWKClient uses urlopen).
urllib.request.install_opener(urllib.request.build_opener(urllib.request.ProxyHandler({})))


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


_REASONS = [
    (jwt.ExpiredSignatureError, "token expired"),
    (jwt.InvalidAudienceError, "wrong audience"),
    (jwt.InvalidIssuerError, "wrong issuer"),
    (jwt.InvalidSignatureError, "bad signature"),
    (jwt.InvalidAlgorithmError, "algorithm not allowed"),
    (jwt.InvalidKeyError, "unknown signing key"),
    (jwt.ImmatureSignatureError, "token not yet valid"),
]


class Verifier:
    """Checks the harness secret or the bearer token of one request."""

    def __init__(self, config):
        self._auth = config.get("FenestraAuth", {})
        self._harness_secret = config.get("FenestraHarnessSecret", "").encode()
        has_keys = self._auth.get("JwksFile") or self._auth.get("JwksUrl")
        self._keys = _Keys(self._auth) if has_keys else None

    def is_harness(self, headers):
        """True for the harness's own requests. headers: lowercase names."""
        given = headers.get("x-fenestra-harness", "").encode()
        return bool(self._harness_secret) and bool(given) and hmac.compare_digest(
            given, self._harness_secret)

    def verify(self, token):
        """The token's claims when it is valid for this archive, else raises jwt.PyJWTError."""
        return jwt.decode(
            token,
            self._keys.key_for(token),
            algorithms=ALGORITHMS,
            issuer=self._auth.get("Issuer"),
            audience=self._auth.get("Audience"),
            leeway=self._auth.get("LeewaySeconds", 0),
            options={"require": ["exp", "iat", "iss", "aud", "sub"]},
        )

    def check(self, headers):
        """(reason, claims): reason None when the bearer token is valid (claims then set)."""
        if self._keys is None:
            return "no FenestraAuth configuration", None
        scheme, _, token = headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return "no bearer token", None
        try:
            return None, self.verify(token.strip())
        except jwt.MissingRequiredClaimError as error:
            return "missing claim %s" % error.claim, None
        except jwt.PyJWTError as error:
            # The specific reasons first: InvalidSignatureError is also a DecodeError.
            for kind, reason in _REASONS:
                if isinstance(error, kind):
                    return reason, None
            if isinstance(error, jwt.DecodeError):
                return "malformed token", None
            return "invalid token (%s)" % type(error).__name__, None

    def refusal(self, headers):
        """Why this request may not pass (None: it may). headers: lowercase names."""
        if self.is_harness(headers):
            return None
        return self.check(headers)[0]


def lower_headers(request):
    return {k.lower(): v for k, v in request.get("headers", {}).items()}
