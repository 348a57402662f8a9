#!/usr/bin/env python3
"""Writes the DICOM JSON (PS3.18 F.2) of each DICOM file given, as an archive's metadata
endpoint would return it: pixel data as a BulkDataURI, other large binary values inline.

Usage: dicom-to-json.py OUT_DIR FILE...   (one OUT_DIR/<n>.json per file, n = 0, 1, ...)"""
import json
import sys
from pathlib import Path

import pydicom


def bulk(element):
    return f"http://127.0.0.1/bulk/{element.tag:08X}"


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for n, name in enumerate(sys.argv[2:]):
        ds = pydicom.dcmread(name)
        has_pixels = "PixelData" in ds
        if has_pixels:
            del ds.PixelData
        obj = ds.to_json_dict(bulk_data_threshold=1 << 20, bulk_data_element_handler=bulk)
        if has_pixels:
            obj["7FE00010"] = {"vr": "OW", "BulkDataURI": "http://127.0.0.1/bulk/7FE00010"}
        (out / f"{n}.json").write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
