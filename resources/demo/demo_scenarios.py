"""Test-profile scenarios about series structure: ordering, gaps, irregular spacing, mixed
sizes, duplicates, broken files, padding and archives. Each returns its manifest entry with
what a test should expect."""

import io
import os
import zipfile

import numpy as np

import demo_dicom as dd
import demo_phantom as ph
import demo_studies as studies

GRID = ph.AxialGrid(64, 5.0, 16, 5.0, -40.0, 5.0)
SMALL_GRID = ph.AxialGrid(32, 10.0, 6, 10.0, -25.0, 10.0)


def scenario_study(name):
    title = name.replace("_", " ").title().replace(" ", "")
    return dd.StudyInfo("scenario-" + name, "Scenario^" + title, "FEN-SC-" + name.upper()[:8],
                        "20000101", "O", "Scenario " + name, time="140000")


def ct_series(name, description="Axial"):
    return dd.SeriesInfo(scenario_study(name), name, 1, description, "CT", dd.CT_IMAGE)


def entry(name, out_root, series, records, expected, grid=GRID):
    result = studies.series_manifest(series, os.path.join(out_root, "scenarios", name),
                                     out_root, records)
    result["study"] = series.study.manifest()
    result["geometry"] = grid.manifest()
    result["expected"] = expected
    return result


def write_shuffled(out_root):
    series = ct_series("shuffled")
    zs = [GRID.z(k) for k in range(GRID.slices)]
    records = studies.write_ct_series(series, GRID, scenario_dir(out_root, "shuffled"), zs)
    lexical = sorted(records, key=lambda r: r["file"])
    expected = {"slices": len(zs), "sorted_z": zs, "slice_spacing": GRID.slice_spacing,
                "lexical_order_is_spatial": [r["z"] for r in lexical] == zs}
    return entry("shuffled", out_root, series, records, expected)


def write_missing_slice(out_root):
    series = ct_series("missing_slice")
    zs = [GRID.z(k) for k in range(20) if k != 10]
    records = studies.write_ct_series(series, GRID, scenario_dir(out_root, "missing_slice"), zs)
    expected = {"slices": 19, "missing_index": 10, "missing_z": GRID.z(10),
                "gap_between_z": [GRID.z(9), GRID.z(11)], "gap_mm": 2 * GRID.slice_spacing,
                "nominal_spacing": GRID.slice_spacing}
    return entry("missing_slice", out_root, series, records, expected)


def write_irregular(out_root):
    series = ct_series("irregular")
    steps = [2.0] * 5 + [3.0] + [2.0] * 5
    zs = list(np.cumsum([-10.0] + steps))
    records = studies.write_ct_series(series, GRID, scenario_dir(out_root, "irregular"), zs)
    expected = {"slices": len(zs), "z": [float(z) for z in zs], "steps": steps,
                "irregular_step_index": 5, "irregular_step_mm": 3.0, "nominal_spacing": 2.0}
    return entry("irregular", out_root, series, records, expected)


def write_localizer(ds, series, index, orientation, position):
    """A 32x32 localizer in the same series: ramp content, 10 mm pixels."""
    uid = series.instance_uid(100 + index)
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = uid
    ds.InstanceNumber = index + 1
    ds.ImageType = ["ORIGINAL", "PRIMARY", "LOCALIZER"]
    ds.Rows = ds.Columns = 32
    dd.apply_plane(ds, position, orientation[:3], orientation[3:], [10.0, 10.0], 10.0)
    ramp = (np.arange(32 * 32, dtype=np.uint16).reshape(32, 32) % 1024 + 24)
    dd.set_pixel_data(ds, ramp)
    return uid


def write_mixed_sizes(out_root):
    series = ct_series("mixed_sizes", "Localizers and axials")
    directory = scenario_dir(out_root, "mixed_sizes")
    zs = [GRID.z(k) for k in range(12)]
    records = studies.write_ct_series(series, GRID, directory, zs)
    ds = studies.ct_template(series, GRID)
    localizers = [("sagittal", [0, 1, 0, 0, 0, -1], [0.0, -160.0, 160.0]),
                  ("sagittal", [0, 1, 0, 0, 0, -1], [-30.0, -160.0, 160.0]),
                  ("sagittal", [0, 1, 0, 0, 0, -1], [30.0, -160.0, 160.0])]
    for index, (label, orientation, position) in enumerate(localizers):
        uid = write_localizer(ds, series, index, orientation, position)
        name = "LO" + dd.short_name("mixed", index, length=6) + ".dcm"
        dd.save(ds, os.path.join(directory, name))
        records.append({"file": name, "sop_instance_uid": str(uid), "rows": 32, "columns": 32,
                        "orientation": orientation, "position": position, "kind": label})
    expected = {"files": 15, "stacks": [{"rows": 64, "columns": 64, "count": 12,
                                         "orientation": [1, 0, 0, 0, 1, 0]},
                                        {"rows": 32, "columns": 32, "count": 3,
                                         "image_type": "LOCALIZER"}]}
    return entry("mixed_sizes", out_root, series, records, expected)


def write_duplicates(out_root):
    series = ct_series("duplicates")
    directory = scenario_dir(out_root, "duplicates")
    zs = [GRID.z(k) for k in range(6)]
    records = studies.write_ct_series(series, GRID, directory, zs)
    copy_name = "DUP" + dd.short_name("duplicate", length=5) + ".dcm"
    with open(os.path.join(directory, records[2]["file"]), "rb") as f:
        data = f.read()
    with open(os.path.join(directory, copy_name), "wb") as f:
        f.write(data)
    expected = {"files": 7, "unique_instances": 6,
                "duplicate_sop_instance_uid": records[2]["sop_instance_uid"],
                "duplicate_files": [records[2]["file"], copy_name]}
    result = entry("duplicates", out_root, series, records, expected)
    result["expected_files"] = 7
    return result


def write_bad(out_root):
    """Broken files next to one good slice, each with the error code the reader should give."""
    series = ct_series("bad")
    directory = scenario_dir(out_root, "bad")
    records = studies.write_ct_series(series, GRID, directory, [0.0], name_prefix="GOOD")
    with open(os.path.join(directory, records[0]["file"]), "rb") as f:
        good = f.read()
    pixel_bytes = GRID.size * GRID.size * 2
    files = {
        "IM000001.dcm": (good[:len(good) - pixel_bytes // 2], "Truncated",
                         "cut in the middle of the pixel data"),
        "IM000002.dcm": (np.random.default_rng(1234).bytes(4096), "NotDicom", "random bytes"),
        "IM000003.dcm": (b"", "NotDicom", "empty file"),
        "IM000004.dcm": (short_pixel_file(series), "Truncated",
                         "header claims 512x512x16 bit, pixel data holds 8192 bytes"),
    }
    bad = []
    for name, (data, error, why) in files.items():
        with open(os.path.join(directory, name), "wb") as f:
            f.write(data)
        bad.append({"file": name, "expected_error": error, "description": why,
                    "size": len(data)})
    result = entry("bad", out_root, series, records,
                   {"good_files": [records[0]["file"]], "bad_files": bad})
    result["expected_files"] = 5
    return result


def short_pixel_file(series):
    ds = studies.ct_template(series, GRID)
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = series.instance_uid(99)
    ds.Rows = ds.Columns = 512
    dd.apply_plane(ds, [-128.0, -128.0, 5.0], [1, 0, 0], [0, 1, 0], [0.5, 0.5], 5.0)
    ds.PixelData = np.full(4096, 1024, dtype="<u2").tobytes()
    ds["PixelData"].VR = "OW"
    buffer = io.BytesIO()
    ds.save_as(buffer, write_like_original=False)
    return buffer.getvalue()


def write_padding(out_root):
    """Signed CT slice, stored = HU, with the area outside a 150 mm circle set to the Pixel
    Padding Value as scanners do outside the reconstruction circle."""
    series = ct_series("padding")
    ds = studies.ct_template(series, GRID)
    padding = -2000
    ds.PixelRepresentation = 1
    ds.BitsStored = 16
    ds.HighBit = 15
    ds.RescaleIntercept = "0"
    ds.PixelPaddingValue = padding
    dd.apply_plane(ds, [GRID.x0, GRID.x0, 0.0], [1, 0, 0], [0, 1, 0],
                   [GRID.spacing, GRID.spacing], GRID.thickness)
    hu = ph.ct_slice_hu(GRID, 0.0)
    coords = GRID.x0 + np.arange(GRID.size) * GRID.spacing
    outside = coords[None, :] ** 2 + coords[:, None] ** 2 > 150.0 ** 2
    hu[outside] = padding
    dd.set_pixel_data(ds, hu.astype("<i2"))
    ds["PixelPaddingValue"].VR = "SS"
    name = "PAD" + dd.short_name("padding", length=5) + ".dcm"
    dd.save(ds, os.path.join(scenario_dir(out_root, "padding"), name))
    records = [{"file": name, "sop_instance_uid": str(ds.SOPInstanceUID), "z": 0.0}]
    expected = {"pixel_padding_value": padding, "padded_pixels": int(outside.sum()),
                "padded_voxel": [0, 0, 0], "water_voxel": [GRID.size // 2, GRID.size // 2, 0],
                "signed": True, "rescale_intercept": 0.0, "padding_circle_radius_mm": 150.0}
    return entry("padding", out_root, series, records, expected)


def write_zip(out_root):
    series = ct_series("zip")
    directory = scenario_dir(out_root, "zip")
    staging = os.path.join(directory, ".staging")
    zs = [SMALL_GRID.z(k) for k in range(SMALL_GRID.slices)]
    records = studies.write_ct_series(series, SMALL_GRID, staging, zs)
    archive = os.path.join(directory, "series.zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for rec in sorted(records, key=lambda r: r["file"]):
            # A fixed timestamp keeps the archive byte-identical between runs.
            info = zipfile.ZipInfo("export/series/" + rec["file"], (2024, 1, 15, 9, 30, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(os.path.join(staging, rec["file"]), "rb") as f:
                zf.writestr(info, f.read())
            os.remove(os.path.join(staging, rec["file"]))
    os.rmdir(staging)
    for rec in records:
        rec["archive_entry"] = "export/series/" + rec["file"]
    result = entry("zip", out_root, series, records,
                   {"archive": "series.zip", "instances": len(records)}, SMALL_GRID)
    result["expected_files"] = 1
    return result


def scenario_dir(out_root, name):
    path = os.path.join(out_root, "scenarios", name)
    os.makedirs(path, exist_ok=True)
    return path


WRITERS = [write_shuffled, write_missing_slice, write_irregular, write_mixed_sizes,
           write_duplicates, write_bad, write_padding, write_zip]
