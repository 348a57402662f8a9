"""Independent re-read of a generated directory: every file parses, counts match the manifest,
and sampled pixels equal the recorded ground truth. Used by generate_demo.py --verify."""

import os
import zipfile

import numpy as np
import pydicom
from pydicom.fileset import FileSet

import demo_codecs


class Checker:
    def __init__(self, out):
        self.out = out
        self.problems = []

    def check(self, condition, message):
        if not condition:
            self.problems.append(message)
        return condition

    def read(self, *parts, pixels=True):
        path = os.path.join(self.out, *parts)
        try:
            return pydicom.dcmread(path, stop_before_pixels=not pixels)
        except Exception as error:  # any parse failure is a finding, not a crash
            self.problems.append(f"{path}: {error}")
            return None


def verify(out, manifest):
    demo_codecs.register_htj2k_uids()
    checker = Checker(out)
    studies = manifest["studies"]
    verify_ct(checker, studies["ct"]["series"][0])
    verify_mr(checker, studies["mr"]["series"][0])
    verify_us(checker, studies["us"]["series"][0])
    verify_cd(checker, studies["cd"])
    verify_syntaxes(checker, studies["syntaxes"])
    for name, entry in manifest.get("scenarios", {}).items():
        verify_scenario(checker, name, entry)
    verify_viewer_scenarios(checker, manifest)
    return checker.problems


def verify_file_count(checker, entry):
    directory = os.path.join(checker.out, entry["directory"])
    count = len([f for f in os.listdir(directory) if not f.startswith(".")])
    checker.check(count == entry["expected_files"],
                  f"{entry['directory']}: {count} files, expected {entry['expected_files']}")


def slice_pixels(checker, entry, k):
    """Pixels of the k-th slice in spatial order (records are kept in spatial order)."""
    ds = checker.read(entry["directory"], entry["instances"][k]["file"])
    return None if ds is None else ds.pixel_array


def verify_ct(checker, entry):
    verify_file_count(checker, entry)
    geometry, phantom = entry["geometry"], entry["phantom"]
    for k, record in enumerate(entry["instances"]):
        ds = checker.read(entry["directory"], record["file"], pixels=False)
        if ds is None:
            continue
        expected = [geometry["origin"][0], geometry["origin"][1], record["z"]]
        checker.check(np.allclose([float(v) for v in ds.ImagePositionPatient], expected),
                      f"ct slice {k}: position {ds.ImagePositionPatient} != {expected}")
    for sphere in phantom["spheres"]:
        i, j, k = sphere["voxel"]
        pixels = slice_pixels(checker, entry, k)
        checker.check(pixels is not None and pixels[j, i] == sphere["hu"] + 1024,
                      f"ct {sphere['name']}: voxel {sphere['voxel']} is not {sphere['hu']} HU")
    markers = phantom["markers"]
    k = phantom["marker_slice"]["index"]
    pixels = slice_pixels(checker, entry, k)
    for marker in markers:
        i, j, _ = marker["voxel"]
        block = pixels[j - 1:j + 2, i - 1:i + 2]
        checker.check(np.all(block == marker["hu"] + 1024), f"ct marker {marker['voxel']}")
    spacing = geometry["pixel_spacing"][0]
    distance = spacing * np.hypot(*np.subtract(markers[0]["voxel"][:2], markers[1]["voxel"][:2]))
    checker.check(abs(distance - phantom["marker_distance_mm"]) < 1e-9, "ct marker distance")
    checker.check(pixels[0, 0] == phantom["background_hu"] + 1024, "ct corner is not air")


def verify_mr(checker, entry):
    verify_file_count(checker, entry)
    orientation = entry["geometry"]["orientation"]
    for sample in entry["phantom"]["sample_voxels"]:
        i, j, k = sample["voxel"]
        ds = checker.read(entry["directory"], entry["instances"][k]["file"])
        if ds is None:
            continue
        checker.check(np.allclose([float(v) for v in ds.ImageOrientationPatient], orientation),
                      "mr orientation differs from the manifest")
        checker.check(ds.pixel_array[j, i] == sample["value"], f"mr voxel {sample['voxel']}")


def verify_us(checker, entry):
    verify_file_count(checker, entry)
    ds = checker.read(entry["directory"], entry["instances"][0]["file"])
    cine = entry["cine"]
    frames = ds.pixel_array
    checker.check(frames.shape == (cine["frames"], cine["rows"], cine["columns"], 3),
                  f"us shape {frames.shape}")
    for f, (col, row) in enumerate(cine["disc"]["centres_column_row"]):
        checker.check(list(frames[f, row, col]) == cine["disc"]["rgb"], f"us frame {f} disc")
        checker.check(list(frames[f, 0, 0]) == cine["background_rgb"], f"us frame {f} corner")


def verify_cd(checker, entry):
    fileset = FileSet(os.path.join(checker.out, entry["dicomdir"]))
    checker.check(len(fileset) == entry["expected_files"], "cd instance count")
    for instance in fileset:
        checker.check(os.path.isfile(instance.path), f"cd file missing: {instance.path}")
    for series in entry["series"]:
        found = fileset.find(SeriesInstanceUID=series["series_instance_uid"])
        checker.check(len(found) == series["expected_instances"], "cd series count")


def verify_syntaxes(checker, entry):
    references = {}
    for series in entry["series"]:
        verify_file_count(checker, series)
        for record in series["instances"]:
            ds = checker.read(series["directory"], record["file"])
            if ds is None:
                continue
            checker.check(ds.file_meta.TransferSyntaxUID == series["transfer_syntax"],
                          f"{series['name']}: transfer syntax {ds.file_meta.TransferSyntaxUID}")
            if series.get("reference"):
                references[record["sop_instance_uid"]] = ds.pixel_array
            elif ds.file_meta.TransferSyntaxUID.is_compressed is False or \
                    ds.file_meta.TransferSyntaxUID == "1.2.840.10008.1.2.5":
                reference = references[record["reference_sop_instance_uid"]]
                checker.check(np.array_equal(ds.pixel_array, reference),
                              f"{series['name']}: {record['file']} differs from the reference")


def verify_scenario(checker, name, entry):
    verify_file_count(checker, entry)
    if name == "bad":
        for bad in entry["expected"]["bad_files"]:
            path = os.path.join(checker.out, entry["directory"], bad["file"])
            checker.check(os.path.getsize(path) == bad["size"], f"bad/{bad['file']} size")
        return
    if name == "zip":
        with zipfile.ZipFile(os.path.join(checker.out, entry["directory"], "series.zip")) as z:
            checker.check(len(z.namelist()) == entry["expected"]["instances"], "zip entries")
        return
    records = entry.get("instances") or entry.get("objects")
    for record in records:
        checker.read(entry["directory"], record["file"])
    verify_samples(checker, name, entry)
    if name == "enhanced_ct":
        verify_enhanced(checker, entry)


def verify_samples(checker, name, entry):
    samples = entry.get("expected", {}).get("samples", [])
    if not samples:
        return
    ds = checker.read(entry["directory"], entry["instances"][0]["file"])
    raw = np.frombuffer(ds.PixelData, dtype=np.uint8)
    for s in samples:
        r, c = s["row"], s["column"]
        if name == "ybr_full":
            stored = raw.reshape(ds.Rows, ds.Columns, 3)[r, c]
            checker.check(list(stored) == s["stored_ybr"], f"{name} sample {r},{c}")
        elif name == "ybr_full_422":
            pair = raw.reshape(ds.Rows, ds.Columns // 2, 4)[r, c // 2]
            stored = [pair[c % 2], pair[2], pair[3]]
            checker.check([int(v) for v in stored] == s["stored_ybr"], f"{name} {r},{c}")
        elif name == "voilut":
            value = ds.pixel_array[r, c]
            lut = np.frombuffer(ds.VOILUTSequence[0].LUTData, dtype="<u2") \
                if isinstance(ds.VOILUTSequence[0].LUTData, bytes) \
                else np.asarray(ds.VOILUTSequence[0].LUTData)
            checker.check(value == s["stored"] and lut[value] == s["lut_output"], f"voilut {r},{c}")
        elif name == "palette":
            value = ds.pixel_array[r, c]
            red = np.frombuffer(ds.RedPaletteColorLookupTableData, dtype="<u2")
            checker.check(value == s["stored"] and red[value] == s["rgb16"][0], f"palette {r},{c}")
        else:
            checker.check(ds.pixel_array[r, c] == s["stored"], f"{name} sample {r},{c}")


def verify_enhanced(checker, entry):
    ds = checker.read(entry["directory"], entry["instances"][0]["file"])
    z = [float(g.PlanePositionSequence[0].ImagePositionPatient[2])
         for g in ds.PerFrameFunctionalGroupsSequence]
    checker.check(z == entry["expected"]["frame_z"], "enhanced frame positions")
    checker.check(all(a > b for a, b in zip(z, z[1:])), "enhanced frames not in reverse order")
    sphere = entry["expected"]["phantom"]["spheres"][0]
    i, j, k = sphere["voxel"]
    frame = entry["expected"]["frame_z"].index(sphere["centre"][2])
    checker.check(ds.pixel_array[frame, j, i] == sphere["stored_value"], "enhanced sphere")


# --- viewer scenarios: reformats, Imager Pixel Spacing, prior study --------------------------

def verify_viewer_scenarios(checker, manifest):
    scenarios = manifest.get("scenarios", {})
    ct = manifest["studies"]["ct"]
    for name in ("coronal", "sagittal"):
        if name in scenarios:
            verify_reformat(checker, name, scenarios[name], ct)
    if "prior_ct" in scenarios:
        verify_prior(checker, scenarios["prior_ct"], ct)
    if "cr_imager_spacing" in scenarios:
        verify_cr(checker, scenarios["cr_imager_spacing"])


def verify_voxels(checker, name, entry, features):
    for feature in features:
        i, j, k = feature["voxel"]
        ds = checker.read(entry["directory"], entry["instances"][k]["file"])
        checker.check(ds is not None and ds.pixel_array[j, i] == feature["stored_value"],
                      f"{name}: voxel {feature['voxel']} is not {feature['stored_value']}")


def verify_reformat(checker, name, entry, ct):
    geometry = entry["geometry"]
    checker.check(entry["frame_of_reference_uid"] == ct["series"][0]["frame_of_reference_uid"],
                  f"{name}: frame of reference differs from the axial CT")
    for k, record in enumerate(entry["instances"]):
        ds = checker.read(entry["directory"], record["file"], pixels=False)
        if ds is None:
            continue
        checker.check(np.allclose([float(v) for v in ds.ImageOrientationPatient],
                                  geometry["orientation"]), f"{name} {k}: orientation")
        checker.check(np.allclose([float(v) for v in ds.ImagePositionPatient],
                                  geometry["slice_positions"][k]), f"{name} {k}: position")
        checker.check(np.allclose([float(v) for v in ds.PixelSpacing], geometry["pixel_spacing"]),
                      f"{name} {k}: pixel spacing")
        checker.check(ds.StudyInstanceUID == ct["study"]["study_instance_uid"],
                      f"{name} {k}: not in the CT study")
        checker.check(ds.FrameOfReferenceUID == entry["frame_of_reference_uid"],
                      f"{name} {k}: frame of reference")
    expected = entry["expected"]
    verify_voxels(checker, name, entry, expected["markers"] + expected["spheres"])


def verify_prior(checker, entry, ct):
    ds = checker.read(entry["directory"], entry["instances"][0]["file"], pixels=False)
    if ds is None:
        return
    study = ct["study"]
    checker.check(ds.PatientID == study["patient_id"] and
                  str(ds.PatientName) == study["patient_name"], "prior_ct: another patient")
    checker.check(ds.StudyInstanceUID != study["study_instance_uid"], "prior_ct: same study")
    checker.check(ds.StudyDate < study["study_date"], "prior_ct: not earlier")
    checker.check(ds.FrameOfReferenceUID == ct["series"][0]["frame_of_reference_uid"],
                  "prior_ct: frame of reference differs from the current CT")
    phantom = entry["expected"]["phantom"]
    verify_voxels(checker, "prior_ct", entry,
                  [dict(s, stored_value=s["hu"] + 1024) for s in phantom["spheres"]]
                  + [dict(m, stored_value=m["hu"] + 1024) for m in phantom["markers"]])
    current_z = [r["z"] for r in ct["series"][0]["instances"]]
    for record, k in zip(entry["instances"], entry["expected"]["matching_ct_slice"]):
        checker.check(current_z[k] == record["z"], f"prior_ct: slice {record['z']} match")


def verify_cr(checker, entry):
    ds = checker.read(entry["directory"], entry["instances"][0]["file"])
    if ds is None:
        return
    expected = entry["expected"]
    checker.check("PixelSpacing" not in ds and "ImagerPixelSpacing" in ds,
                  "cr_imager_spacing: needs Imager Pixel Spacing and no Pixel Spacing")
    checker.check("ImageOrientationPatient" not in ds, "cr_imager_spacing: has a plane")
    row_mm, col_mm = (float(v) for v in ds.ImagerPixelSpacing)
    (a, b) = expected["markers"]
    for m in (a, b):
        c, r = m["column"], m["row"]
        checker.check(np.all(ds.pixel_array[r - 1:r + 2, c - 1:c + 2] == m["stored"]),
                      f"cr_imager_spacing: marker at {c},{r}")
    distance = np.hypot((b["column"] - a["column"]) * col_mm, (b["row"] - a["row"]) * row_mm)
    checker.check(abs(distance - expected["marker_distance_mm"]) < 1e-9,
                  f"cr_imager_spacing: markers {distance} mm apart")
