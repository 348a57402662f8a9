#!/usr/bin/python3
"""Write synthetic DICOM studies with known content plus manifest.json, the ground truth the
tests check pixels and geometry against.

    generate_demo.py --out DIR [--profile demo|test] [--force] [--verify]

Runs with Debian's python3 (pydicom 2.3.1, numpy) and needs gdcmconv (libgdcm-tools) and
ojph_compress/ojph_expand (openjph-tools). Output is deterministic. When DIR/manifest.json
already comes from this generator version and profile, nothing is rewritten, so build
fixtures can call this on every run.
"""

import argparse
import json
import os
import shutil
import sys
import time

# The generator modules live next to this script. They are imported only when something must
# be written, so the up-to-date check (run on every build) stays fast. No __pycache__ in the
# source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

GENERATOR = "fenestra/resources/demo/generate_demo.py"
# Bump whenever the output changes, so existing output directories are regenerated.
GENERATOR_VERSION = 4
OWNED_ENTRIES = ["ct", "mr", "us", "cd", "syntaxes", "scenarios", "manifest.json"]

PROFILE_NAMES = ["demo", "test"]
REQUIRED_TOOLS = [("gdcmconv", "libgdcm-tools"), ("ojph_compress", "openjph-tools"),
                  ("ojph_expand", "openjph-tools")]


def profile_config(profile):
    import demo_cd
    import demo_phantom as ph

    if profile == "demo":
        # 512 px at 0.5 mm (256 mm field of view, not 250) so the two markers 50.0 mm apart
        # are exactly 100 pixels apart; a 250 mm field would put them 102.4 pixels apart.
        return {"ct": ph.AxialGrid(512, 0.5, 300, 1.0, -150.0, 1.0),
                "mr": (256, 0.9375), "us": (30, 320, 240, 30), "cd": demo_cd.CD_CT_GRID_DEMO,
                "scenarios": False}
    # Same physical phantom on a coarse grid: 5 mm pixels put the markers 10 pixels apart,
    # 7.5 mm slices cover the same 300 mm and still hit every sphere centre.
    return {"ct": ph.AxialGrid(64, 5.0, 40, 7.5, -150.0, 7.5),
            "mr": (48, 5.0), "us": (8, 64, 48, 8), "cd": demo_cd.CD_CT_GRID_TEST,
            "scenarios": True}


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="output directory")
    parser.add_argument("--profile", choices=PROFILE_NAMES, default="demo")
    parser.add_argument("--force", action="store_true", help="regenerate even if up to date")
    parser.add_argument("--verify", action="store_true",
                        help="re-read every file and check it against the manifest")
    return parser.parse_args(argv)


def read_manifest(out):
    try:
        with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def is_up_to_date(manifest, profile):
    return (manifest is not None and manifest.get("generator") == GENERATOR
            and manifest.get("version") == GENERATOR_VERSION
            and manifest.get("profile") == profile and manifest.get("complete") is True)


def check_tools():
    missing = [f"{tool} (Debian package {package})" for tool, package in REQUIRED_TOOLS
               if shutil.which(tool) is None]
    if missing:
        sys.exit("missing tools: " + ", ".join(missing) + "; run installer/setup.sh")


def clear_previous_output(out, manifest, force):
    """Delete only what this generator writes, and only where it wrote before (or --force),
    so a mistyped --out cannot wipe someone's folder."""
    present = [e for e in OWNED_ENTRIES if os.path.lexists(os.path.join(out, e))]
    ours = manifest is not None and manifest.get("generator") == GENERATOR
    if present and not ours and not force:
        sys.exit(f"{out} holds {', '.join(present)} not written by this generator; "
                 "use --force to replace them")
    for entry in present:
        path = os.path.join(out, entry)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.remove(path)


def timed(label, timings, function, *args):
    start = time.monotonic()
    result = function(*args)
    timings[label] = round(time.monotonic() - start, 2)
    print(f"  {label:<12} {timings[label]:6.2f} s", flush=True)
    return result


def generate(out, profile):
    import numpy
    import pydicom

    import demo_cd
    import demo_studies
    import demo_syntaxes

    config = profile_config(profile)
    timings = {}
    studies = {
        "ct": timed("ct", timings, demo_studies.write_ct_study, out, config["ct"]),
        "mr": timed("mr", timings, demo_studies.write_mr_study, out, *config["mr"]),
        "us": timed("us", timings, demo_studies.write_us_study, out, *config["us"]),
        "cd": timed("cd", timings, demo_cd.write_cd, out, config["cd"], *config["mr"]),
        "syntaxes": timed("syntaxes", timings, demo_syntaxes.write_syntaxes, out),
    }
    scenarios = {}
    if config["scenarios"]:
        scenarios = timed("scenarios", timings, write_scenarios, out, config["ct"])
    return {
        "generator": GENERATOR, "version": GENERATOR_VERSION, "profile": profile,
        "complete": True,
        "tools": {"pydicom": pydicom.__version__, "numpy": numpy.__version__},
        "conventions": {
            "coordinates": "DICOM patient coordinates (LPS), millimetres",
            "voxel": "[column i, row j, slice k], 0-based; k in spatial order (ascending "
                     "along the slice normal), not file or instance order",
            "stored_value": "CT stored value = HU + 1024 (slope 1, intercept -1024)",
            "regions": "a voxel takes the value of the region containing its centre; later "
                       "regions (bone, spheres, markers) override earlier ones",
        },
        "studies": studies,
        "scenarios": scenarios,
    }


def write_scenarios(out, ct_grid):
    import demo_scenarios
    import demo_scenarios_image
    import demo_scenarios_objects
    import demo_scenarios_viewer

    result = {}
    for writer in (demo_scenarios.WRITERS + demo_scenarios_image.WRITERS
                   + [demo_scenarios_objects.write_enhanced_ct]
                   + demo_scenarios_viewer.PLAIN_WRITERS):
        name = writer.__name__.removeprefix("write_")
        result[name] = writer(out)
    result["nopixels"] = demo_scenarios_objects.write_nopixels(out, ct_grid)
    for writer in demo_scenarios_viewer.WRITERS:
        result[writer.__name__.removeprefix("write_")] = writer(out, ct_grid)
    result["gantry_tilt"] = write_gantry_tilt(out)
    return result


# A CT acquired with the gantry tilted 20 degrees about x: every image plane is tilted (rows
# along x, columns along (0, cos t, -sin t)) while the table moves the slices along z, so the
# step between slices is not along the image normal (a sheared stack). The CT phantom's solids
# are sampled on it, at their patient positions.
GANTRY_TILT_DEGREES = 20.0
GANTRY_GRID = {"size": 64, "spacing": 5.0, "slices": 40, "slice_step": 7.5, "x0": -160.0,
               "y0": -160.0, "z0": -150.0}


def gantry_tilt_geometry():
    import math

    import demo_dicom as dd

    t = math.radians(GANTRY_TILT_DEGREES)
    g = GANTRY_GRID
    # Through the DS text, so the geometry used for the pixels is what the files hold.
    row = [1.0, 0.0, 0.0]
    column = [0.0, float(dd.ds_str(math.cos(t))), float(dd.ds_str(-math.sin(t)))]
    normal = [row[1] * column[2] - row[2] * column[1], row[2] * column[0] - row[0] * column[2],
              row[0] * column[1] - row[1] * column[0]]
    positions = [[g["x0"], g["y0"], g["z0"] + k * g["slice_step"]] for k in range(g["slices"])]
    return {"rows": g["size"], "columns": g["size"], "slices": g["slices"],
            "pixel_spacing": [g["spacing"], g["spacing"]], "slice_thickness": g["slice_step"],
            "orientation": row + column, "normal": [v + 0.0 for v in normal],
            "gantry_tilt_degrees": GANTRY_TILT_DEGREES, "origin": positions[0],
            # The true step between slices (the table's), and its part along the normal.
            "slice_vector": [0.0, 0.0, g["slice_step"]],
            "spacing_along_normal": g["slice_step"] * normal[2],
            "slice_positions": positions}


def gantry_voxel(geometry, point):
    """Continuous [column, row, slice] of a patient point in the sheared grid."""
    spacing = geometry["pixel_spacing"][0]
    column = geometry["orientation"][3:]
    x0, y0, z0 = geometry["origin"]
    i = (point[0] - x0) / spacing
    j = (point[1] - y0) / (spacing * column[1])
    k = (point[2] - z0 - j * spacing * column[2]) / geometry["slice_vector"][2]
    return [round(v, 6) for v in (i, j, k)]


def write_gantry_tilt(out_root):
    import numpy as np

    import demo_dicom as dd
    import demo_phantom as ph
    import demo_studies as studies

    study = dd.StudyInfo("scenario-gantry_tilt", "Scenario^GantryTilt", "FEN-SC-GANTRY",
                         "19700101", "O", "Scenario gantry tilt", time="170000")
    series = dd.SeriesInfo(study, "gantry_tilt", 2, "Axial, gantry tilt 20 deg", "CT",
                           dd.CT_IMAGE)
    geometry = gantry_tilt_geometry()
    size, spacing = geometry["columns"], geometry["pixel_spacing"][0]
    ds = studies.ct_template(series, ph.AxialGrid(size, spacing, 1, 1.0, 0.0, 1.0))
    ds.GantryDetectorTilt = dd.ds_str(GANTRY_TILT_DEGREES)
    row, column = geometry["orientation"][:3], geometry["orientation"][3:]
    steps = np.arange(size) * spacing
    directory = os.path.join(out_root, "scenarios", "gantry_tilt")
    records = []
    for k, position in enumerate(geometry["slice_positions"]):
        uid = series.instance_uid(k)
        ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = uid
        ds.InstanceNumber = k + 1
        dd.apply_plane(ds, position, row, column, geometry["pixel_spacing"],
                       geometry["slice_thickness"])
        points = (np.asarray(position)[None, None, :]
                  + steps[None, :, None] * np.asarray(row)[None, None, :]
                  + steps[:, None, None] * np.asarray(column)[None, None, :])
        hu = ph.ct_hu_at(points).astype(np.int32)
        dd.set_pixel_data(ds, (hu - ph.CT_RESCALE_INTERCEPT).astype("<u2"))
        name = "GT" + dd.short_name(series.key, k, length=6) + ".dcm"
        dd.save(ds, os.path.join(directory, name))
        records.append({"file": name, "sop_instance_uid": str(uid), "instance_number": k + 1,
                        "position": position})
    result = studies.series_manifest(series, directory, out_root, records)
    result["study"] = study.manifest()
    result["geometry"] = geometry
    result["rescale"] = {"slope": 1.0, "intercept": float(ph.CT_RESCALE_INTERCEPT), "type": "HU"}
    spheres = [dict(s, voxel=gantry_voxel(geometry, s["centre"]),
                    stored_value=s["hu"] - ph.CT_RESCALE_INTERCEPT) for s in ph.SPHERES]
    result["expected"] = {"phantom": {
        "background_hu": ph.HU_AIR, "regions": [ph.WATER_CYLINDER, ph.BONE_CYLINDER],
        "spheres": spheres,
        "markers": [{"position": m, "half_size_mm": list(ph.MARKER_HALF_SIZE_MM),
                     "hu": ph.HU_MARKER} for m in ph.MARKERS]}}
    return result


def write_manifest(out, manifest):
    path = os.path.join(out, "manifest.json")
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
        f.write("\n")
    os.replace(path + ".tmp", path)  # the manifest appears only once everything is written


def directory_size(path):
    total = 0
    for root, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return total


def main(argv):
    args = parse_args(argv)
    out = os.path.abspath(args.out)
    manifest = read_manifest(out)
    if is_up_to_date(manifest, args.profile) and not args.force:
        print(f"{out}: up to date ({args.profile} profile, version {GENERATOR_VERSION})")
    else:
        check_tools()
        os.makedirs(out, exist_ok=True)
        clear_previous_output(out, manifest, args.force)
        # A stub first: an interrupted run leaves output that is ours but not complete, so
        # the next run regenerates it without needing --force.
        write_manifest(out, {"generator": GENERATOR, "version": GENERATOR_VERSION,
                             "profile": args.profile, "complete": False})
        print(f"Writing the {args.profile} profile to {out}")
        start = time.monotonic()
        manifest = generate(out, args.profile)
        write_manifest(out, manifest)
        print(f"Done in {time.monotonic() - start:.1f} s, "
              f"{directory_size(out) / 1e6:.1f} MB")
    if args.verify:
        import demo_verify
        problems = demo_verify.verify(out, manifest)
        for problem in problems:
            print("FAIL:", problem)
        print(f"verify: {'OK' if not problems else str(len(problems)) + ' problem(s)'}")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
