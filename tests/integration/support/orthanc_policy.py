# The access policy of one hospital's archive in the test federation (integration tests).
#
# Loaded by Orthanc's Python plugin as "PythonScript" (tests/integration/support/federation.h
# starts it). It checks the bearer token exactly as orthanc_jwt_filter.py does (the shared
# fenestra_jwt.py, section "FenestraAuth"), then decides with this section:
#
#   "FenestraPolicy": {
#     "Tenant": "hospital-a",                     # this archive's tenant id
#     "ConsentRegistry": "http://127.0.0.1:<port>/fhir",
#     "NationalIdIssuer": "LU-RNPP",              # issuer in Other Patient IDs Sequence
#     "NationalIdSystem": "urn:fenestra:id:lu-rnpp",  # the same id's FHIR system
#     "ConsentCacheMilliseconds": 1000,           # how long a registry answer is reused
#     "RegistryTimeoutSeconds": 3
#   }
#
# The rules, for a request with a valid token ("organisation" = the requesting tenant,
# "extensions.ihe_iua.purpose_of_use" = the purpose, an HL7 v3 ActReason code):
#  1. the archive's own hospital (organisation == Tenant): everything, as before;
#  2. break-glass: purpose EMER or ETREAT with a "break_glass" claim carrying a reason: any GET
#     under /dicom-web/, logged as "fenestra-policy: break-glass by <sub> from <org>: <reason>"
#     (never a patient name or id); break-glass overrides a recorded refusal (deny) too;
#  3. another hospital: GET under /dicom-web/ only, and only for patients whose consent allows
#     it. The request is mapped to this archive's patients with Orthanc's own lookups:
#       studies/<uid>[/...]                 the study's patient (unknown UID: refused, so that
#                                           a refusal never tells which UIDs exist here);
#       studies, series, instances (QIDO)   every patient the query can match: the same query
#                                           through /tools/find, the engine the DICOMweb
#                                           plugin's QIDO uses. No match: allowed (an empty
#                                           answer). DECISION: a search that would match any
#                                           patient without consent is refused as a whole
#                                           (403), not filtered (a filter cannot rewrite
#                                           answers): a search across all patients from
#                                           another hospital therefore succeeds only when
#                                           every patient it matches consented. Name the
#                                           patient (PatientID=<local id>, or
#                                           00101000=<national id>: Other Patient IDs by tag)
#                                           to search one. Only the query keys listed in
#                                           _QIDO_KEYS are re-applied (see there).
#     Each patient's national id (Other Patient IDs Sequence item with NationalIdIssuer) is
#     looked up in the consent registry (GET Consent?patient:identifier=<system>|<id>, with the
#     requesting doctor's bearer token, answers cached ConsentCacheMilliseconds). The request
#     passes only if an active permit covers this archive (custodian) and the requesting
#     organisation (recipient) for the purpose, within its period, and no active deny does;
#  4. everything else is refused: Orthanc answers 403.
# Consent semantics (shared with net/consent/fhirconsent.h): see _decision() below.
#
# Each refusal is logged as "fenestra-policy: refused <METHOD> <path with UIDs elided>:
# <reason>"; tokens, names, patient ids and UIDs never reach the log.

import datetime
import json
import os
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import orthanc

_config = json.loads(orthanc.GetConfiguration())
sys.path.insert(0, os.path.dirname(os.path.abspath(_config["PythonScript"])))

import fenestra_jwt  # noqa: E402 (after the path is set)

_verifier = fenestra_jwt.Verifier(_config)
_policy = _config.get("FenestraPolicy", {})
_tenant = _policy.get("Tenant", "")
_registry = _policy.get("ConsentRegistry", "").rstrip("/")
_issuer = _policy.get("NationalIdIssuer", "LU-RNPP")
_system = _policy.get("NationalIdSystem", "urn:fenestra:id:lu-rnpp")
_cache_seconds = _policy.get("ConsentCacheMilliseconds", 1000) / 1000.0
_registry_timeout = _policy.get("RegistryTimeoutSeconds", 3)

EMERGENCY = {"EMER", "ETREAT"}
# ETREAT (emergency treatment) is a specialisation of TREAT in HL7 v3 ActReason.
_IMPLIED = {"ETREAT": {"TREAT"}}
_RECIPIENT_ROLES = {"PRCP", "IRCP", "INF", "DELEGATEE", "GRANTEE"}
_QIDO_LEVELS = {"studies": "Study", "series": "Series", "instances": "Instance"}

_METHODS = {orthanc.HttpMethod.GET: "GET", orthanc.HttpMethod.POST: "POST",
            orthanc.HttpMethod.PUT: "PUT", orthanc.HttpMethod.DELETE: "DELETE"}

_lock = threading.Lock()
_consent_cache = {}   # national id -> (monotonic time, [Consent])
_national_ids = {}    # Orthanc patient id -> national id ("" when it has none)


class Refused(Exception):
    pass


# --- consent evaluation --------------------------------------------------------------------

def _parse_time(text, end):
    """A FHIR date or dateTime as an aware UTC datetime (a bare date: its start, or its end)."""
    if not text:
        return None
    if len(text) == 10:
        day = datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.timezone.utc)
        return day + datetime.timedelta(days=1) if end else day
    parsed = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.timezone.utc)


def _tenant_of(actor):
    reference = actor.get("reference") or {}
    if reference.get("reference", "").startswith("Organization/"):
        return reference["reference"][len("Organization/"):]
    return (reference.get("identifier") or {}).get("value")


def _covers(provision, requesting, holding):
    """The actors: role CST names custodians (who hold the data), PRCP/IRCP/... recipients,
    no role both; an empty side is unrestricted; no actors at all covers every organisation."""
    custodians, recipients = set(), set()
    for actor in provision.get("actor") or []:
        codes = {c.get("code") for r in [actor.get("role") or {}] for c in r.get("coding") or []}
        tenant = _tenant_of(actor)
        if "CST" in codes:
            custodians.add(tenant)
        elif codes & _RECIPIENT_ROLES:
            recipients.add(tenant)
        else:
            custodians.add(tenant)
            recipients.add(tenant)
    return ((not custodians or holding in custodians)
            and (not recipients or requesting in recipients))


def _purpose_ok(provision, purpose):
    codes = {p.get("code") for p in provision.get("purpose") or []}
    return not codes or purpose in codes or bool(_IMPLIED.get(purpose, set()) & codes)


def _in_period(provision, now):
    period = provision.get("period") or {}
    start, end = _parse_time(period.get("start"), False), _parse_time(period.get("end"), True)
    return (start is None or now >= start) and (end is None or now < end)


def _ended(provision, now):
    end = _parse_time((provision.get("period") or {}).get("end"), True)
    return end is not None and now >= end


def _provision_type(provision, requesting, holding, purpose, now, inherited):
    """permit/deny of the innermost matching provision (nested ones are exceptions)."""
    if not (_covers(provision, requesting, holding) and _purpose_ok(provision, purpose)
            and _in_period(provision, now)):
        return None
    decision = provision.get("type", inherited)
    for nested in provision.get("provision") or []:
        inner = _provision_type(nested, requesting, holding, purpose, now, decision)
        if inner is not None:
            decision = inner
    return decision


def _decision(consents, requesting, holding, purpose, now):
    """None when allowed, else the reason. Only active consents count; a deny beats a permit."""
    permits = denies = 0
    expired = withdrawn = False
    for consent in consents:
        status = consent.get("status")
        provision = consent.get("provision") or {}
        if status in ("inactive", "rejected"):
            withdrawn = True
            continue
        if status != "active":
            continue
        kind = _provision_type(provision, requesting, holding, purpose, now, "permit")
        if kind == "deny":
            denies += 1
        elif kind == "permit":
            permits += 1
        elif _ended(provision, now):
            expired = True
    if denies:
        return "consent denies access"
    if permits:
        return None
    if expired:
        return "consent expired"
    if withdrawn:
        return "consent withdrawn"
    return "no consent on record"


# --- registry ------------------------------------------------------------------------------

def _consents(national_id, authorization):
    now = time.monotonic()
    with _lock:
        cached = _consent_cache.get(national_id)
    if cached and now - cached[0] < _cache_seconds:
        return cached[1]
    query = urllib.parse.urlencode({"patient:identifier": "%s|%s" % (_system, national_id)})
    request = urllib.request.Request("%s/Consent?%s" % (_registry, query), headers={
        "Accept": "application/fhir+json", "Authorization": authorization})
    try:
        with urllib.request.urlopen(request, timeout=_registry_timeout) as answer:
            bundle = json.load(answer)
    except urllib.error.HTTPError as error:
        raise Refused("consent registry answered HTTP %d" % error.code)
    except (OSError, ValueError) as error:
        raise Refused("consent registry unavailable (%s)" % type(error).__name__)
    if bundle.get("resourceType") != "Bundle":
        raise Refused("consent registry answered no Bundle")
    consents = [e.get("resource") or {} for e in bundle.get("entry") or []]
    consents = [c for c in consents if c.get("resourceType") == "Consent"]
    with _lock:
        _consent_cache[national_id] = (now, consents)
    return consents


# --- mapping a request to this archive's patients ------------------------------------------

def _get_json(uri):
    return json.loads(orthanc.RestApiGet(uri))


def _national_id(patient):
    with _lock:
        if patient in _national_ids:
            return _national_ids[patient]
    value = ""
    instances = _get_json("/patients/%s/instances" % patient)
    if instances:
        tags = _get_json("/instances/%s/simplified-tags" % instances[0]["ID"])
        for item in tags.get("OtherPatientIDsSequence") or []:
            if item.get("IssuerOfPatientID") == _issuer and item.get("PatientID"):
                value = item["PatientID"]
    with _lock:
        _national_ids[patient] = value
    return value


def _study_patient(uid):
    try:
        found = json.loads(orthanc.RestApiPost("/tools/lookup", uid))
    except Exception:  # noqa: BLE001 (Orthanc raises its own error type)
        found = []
    studies = [f["ID"] for f in found if f.get("Type") == "Study"]
    if not studies:
        raise Refused("unknown study")
    return {_get_json("/studies/%s" % studies[0])["ParentPatient"]}


# The QIDO keys the policy re-applies through /tools/find: main DICOM tags, which the DICOMweb
# plugin's QIDO applies the same way, plus Other Patient IDs (0010,1000) by its tag (the plugin
# ignores the retired keyword). Every other key is left out of the policy's query: it can then
# only match MORE patients than the real search, never fewer, so a constraint the plugin might
# not apply can never hide a patient from the consent check.
_QIDO_KEYS = {
    "PatientID": "0010,0020", "PatientName": "0010,0010", "PatientBirthDate": "0010,0030",
    "PatientSex": "0010,0040", "StudyInstanceUID": "0020,000D", "StudyDate": "0008,0020",
    "AccessionNumber": "0008,0050", "StudyID": "0020,0010", "StudyDescription": "0008,1030",
    "ReferringPhysicianName": "0008,0090", "SeriesInstanceUID": "0020,000E",
    "Modality": "0008,0060", "SeriesNumber": "0020,0011", "SOPInstanceUID": "0008,0018",
    "InstanceNumber": "0020,0013",
}
_QIDO_TAGS = set(_QIDO_KEYS.values()) | {"0010,1000"}


def _tag_key(key):
    """The policy's tag for a QIDO key ("PatientID" or "00100020"), None when not re-applied."""
    if re.fullmatch(r"[0-9A-Fa-f]{8}", key):
        tag = "%s,%s" % (key[:4].upper(), key[4:].upper())
        return tag if tag in _QIDO_TAGS else None
    return _QIDO_KEYS.get(key)


def _qido_patients(level, arguments, study_uid=None):
    query = {_tag_key(k): v for k, v in arguments.items() if _tag_key(k) is not None}
    if study_uid:
        query["0020,000D"] = study_uid
    body = {"Level": level, "Query": query, "CaseSensitive": False}
    try:
        found = json.loads(orthanc.RestApiPost("/tools/find", json.dumps(body)))
    except Exception:  # noqa: BLE001
        raise Refused("search cannot be evaluated")
    plural = {"Study": "studies", "Series": "series", "Instance": "instances"}[level]
    return {_get_json("/%s/%s/patient" % (plural, resource))["ID"] for resource in found}


def _patients(uri, arguments):
    parts = [p for p in uri.split("/") if p]
    if len(parts) < 2 or parts[0] != "dicom-web":
        raise Refused("only DICOMweb for other hospitals")
    resource = parts[1:]
    if len(resource) == 1 and resource[0] in _QIDO_LEVELS:
        return _qido_patients(_QIDO_LEVELS[resource[0]], arguments)
    if resource[0] == "studies" and len(resource) >= 2:
        return _study_patient(resource[1])
    raise Refused("not a patient resource")


# --- the filter ----------------------------------------------------------------------------

def _purpose(claims):
    purpose = (((claims.get("extensions") or {}).get("ihe_iua") or {}).get("purpose_of_use"))
    return purpose.get("code") if isinstance(purpose, dict) else purpose


def _elided(uri):
    return re.sub(r"/(studies|series|instances|bulk)/[^/?]+", r"/\1/...", uri)


def _decide(method, uri, headers, arguments):
    """None when the request may pass, else the reason."""
    if _verifier.is_harness(headers):
        return None
    reason, claims = _verifier.check(headers)
    if reason is not None:
        return reason
    organisation = claims.get("organisation")
    if organisation and organisation == _tenant:
        return None
    if method != "GET":
        return "other hospitals may only read"
    purpose = _purpose(claims)
    glass = claims.get("break_glass") or {}
    if purpose in EMERGENCY:
        if not str(glass.get("reason", "")).strip():
            return "emergency purpose without a break-glass reason"
        if not uri.startswith("/dicom-web/"):
            return "only DICOMweb for other hospitals"
        orthanc.LogWarning("fenestra-policy: break-glass by %s from %s: %s"
                           % (claims.get("sub"), organisation, glass["reason"]))
        return None
    now = datetime.datetime.now(datetime.timezone.utc)
    try:
        for patient in _patients(uri, arguments):
            national_id = _national_id(patient)
            if not national_id:
                return "patient without a national identifier"
            refusal = _decision(_consents(national_id, headers["authorization"]),
                                organisation, _tenant, purpose, now)
            if refusal is not None:
                return refusal
    except Refused as error:
        return str(error)
    return None


def _filter(uri, **request):
    method = _METHODS.get(request.get("method"), str(request.get("method")))
    try:
        reason = _decide(method, uri, fenestra_jwt.lower_headers(request),
                         request.get("get") or {})
    except Exception as error:  # noqa: BLE001 (never let a bug open the archive)
        reason = "policy error (%s)" % type(error).__name__
    if reason is None:
        return True
    orthanc.LogWarning("fenestra-policy: refused %s %s: %s" % (method, _elided(uri), reason))
    return False


orthanc.RegisterIncomingHttpRequestFilter(_filter)
