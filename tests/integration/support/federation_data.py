#!/usr/bin/python3
"""The demo patients of the test federation (tests/integration/support/federation.h).

Run by the harness as `/usr/bin/python3 federation_data.py --source TEST_DATA --out DIR
--tenants hospital-a,hospital-b,hospital-c`: copies the test data's ct, mr and us studies
(resources/demo/generate_demo.py, manifest.json) with pydicom into DIR/<tenant>/<patient>/...,
giving each copy the patient's identity at that hospital and new Study/Series/SOP Instance UIDs
(deterministic: a hash of patient, tenant and source UID), except marc's shared study, which
keeps the same UIDs at both hospitals that hold it. Writes DIR/federation.json last (its
presence means the directory is complete).

Identity in each file:
  Patient ID (0010,0020)            the hospital's local id
  Issuer of Patient ID (0010,0021)  the tenant id
  Other Patient IDs Sequence (0010,1002), one item: Patient ID = national id,
      Issuer of Patient ID = NATIONAL_ISSUER, Type of Patient ID = TEXT
  Other Patient IDs (0010,1000)     the national id (retired, but QIDO-matchable in Orthanc)
The national id is Luxembourg's 13-digit matricule: YYYYMMDD + 3-digit sequence + Luhn check
digit + Verhoeff check digit (both over the first 11 digits).
"""

import argparse
import hashlib
import json
import os
import sys
import uuid

import pydicom
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence

VERSION = 1
NATIONAL_ISSUER = "LU-RNPP"

# Verhoeff's dihedral-group tables.
_D = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
      [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
      [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
      [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
      [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_P = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
      [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
      [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
      [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def luhn_digit(payload):
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return str((10 - total % 10) % 10)


def verhoeff_digit(payload):
    c = 0
    for i, ch in enumerate(reversed(payload)):
        c = _D[c][_P[(i + 1) % 8][int(ch)]]
    return str(_INV[c])


def national_id(birth_date, sequence):
    payload = "%s%03d" % (birth_date, sequence)
    return payload + luhn_digit(payload) + verhoeff_digit(payload)


# key, name, birth date, sex, national sequence, {tenant index: (local id, source study)}.
# Tenant indexes refer to --tenants (0: hospital-a, ...). marc's "shared" copies keep their UIDs.
PATIENTS = [
    ("anna", "Muller^Anna", "19720314", "F", 123,
     {0: ("A-100234", "ct"), 1: ("HB-5521", "mr"), 2: ("C0093", "us")}),
    ("marc", "Weber^Marc", "19581102", "M", 457,
     {0: ("A-100871", "us"), 1: ("HB-6010", "mr:shared"), 2: ("C0150", "mr:shared")}),
    ("jean1", "Schmit^Jean", "19850620", "M", 210, {0: ("A-100777", "mr")}),
    ("jean2", "Schmit^Jean", "19850620", "M", 884, {1: ("HB-7002", "us")}),
]


def derived_uid(*parts):
    digest = hashlib.sha256("/".join(parts).encode()).digest()
    return "2.25.%d" % uuid.UUID(bytes=digest[:16]).int


def source_files(source, key):
    with open(os.path.join(source, "manifest.json"), encoding="utf-8") as handle:
        manifest = json.load(handle)
    study = manifest["studies"][key]
    files = []
    for series in study["series"]:
        directory = os.path.join(source, series.get("directory", key))
        names = series.get("files") or sorted(os.listdir(directory))
        files += [os.path.join(directory, os.path.basename(n)) for n in names]
    return sorted(set(files))


def rewrite(ds, patient, tenant, local_id, salt, institution):
    key, name, birth, sex, _, _ = patient[:6]
    nin = patient[6]
    ds.PatientName = name
    ds.PatientID = local_id
    ds.IssuerOfPatientID = tenant
    ds.PatientBirthDate = birth
    ds.PatientSex = sex
    item = Dataset()
    item.PatientID = nin
    item.IssuerOfPatientID = NATIONAL_ISSUER
    item.TypeOfPatientID = "TEXT"
    ds.OtherPatientIDsSequence = Sequence([item])
    ds.add_new(0x00101000, "LO", nin)  # Other Patient IDs (retired)
    ds.InstitutionName = institution
    ds.AccessionNumber = hashlib.sha1((salt + key).encode()).hexdigest()[:12].upper()
    for attribute in ("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID",
                      "FrameOfReferenceUID"):
        if attribute in ds:
            setattr(ds, attribute, derived_uid(salt, key, attribute, str(ds[attribute].value)))
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID


def copy_study(source, out, tenants, patient, tenant_index, local_id, study_key):
    key = patient[0]
    tenant = tenants[tenant_index]
    shared = study_key.endswith(":shared")
    study_key = study_key.split(":")[0]
    salt = "shared" if shared else tenant
    institution = "Hospital " + tenant.rsplit("-", 1)[-1].upper()
    target = os.path.join(out, tenant, key)
    os.makedirs(target, exist_ok=True)
    study = {"studyUid": "", "seriesUids": [], "sopInstanceUids": [], "files": []}
    for index, path in enumerate(source_files(source, study_key)):
        ds = pydicom.dcmread(path)
        rewrite(ds, patient, tenant, local_id, salt, institution)
        name = os.path.join(target, "%s%04d.dcm" % (study_key.upper(), index))
        ds.save_as(name, write_like_original=False)
        study["studyUid"] = str(ds.StudyInstanceUID)
        if str(ds.SeriesInstanceUID) not in study["seriesUids"]:
            study["seriesUids"].append(str(ds.SeriesInstanceUID))
        study["sopInstanceUids"].append(str(ds.SOPInstanceUID))
        study["files"].append(os.path.abspath(name))
    return study


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--tenants", default="hospital-a,hospital-b,hospital-c")
    args = parser.parse_args()
    tenants = args.tenants.split(",")
    if len(tenants) < 3:
        sys.exit("federation_data.py: at least three tenants are needed")
    done = os.path.join(args.out, "federation.json")
    if os.path.exists(done):
        with open(done, encoding="utf-8") as handle:
            previous = json.load(handle)
        if previous.get("version") == VERSION and previous.get("tenants") == tenants:
            return
    patients = []
    for entry in PATIENTS:
        key, name, birth, sex, sequence, holdings = entry
        patient = entry + (national_id(birth, sequence),)
        record = {"key": key, "patientName": name, "birthDate": birth, "sex": sex,
                  "nationalId": patient[6], "localIds": {}, "studies": {}}
        for tenant_index, (local_id, study_key) in sorted(holdings.items()):
            tenant = tenants[tenant_index]
            record["localIds"][tenant] = local_id
            record["studies"][tenant] = [copy_study(args.source, args.out, tenants, patient,
                                                    tenant_index, local_id, study_key)]
        patients.append(record)
    with open(done + ".part", "w", encoding="utf-8") as handle:
        json.dump({"version": VERSION, "tenants": tenants, "nationalIssuer": NATIONAL_ISSUER,
                   "patients": patients}, handle, indent=1)
    os.replace(done + ".part", done)


if __name__ == "__main__":
    main()
