"""Test-profile scenarios for the 2D viewer: coronal and sagittal reformats of the CT phantom
(in the Phantom^CT study, same Frame of Reference as the axial series), a CR image with
Imager Pixel Spacing only, and a prior CT study of the same patient for side-by-side review.

Each entry's `expected` block holds the geometry, where the phantom's markers and spheres lie
(voxel [column, row, slice], slices in spatial order along the normal), the orientation
letters an unrotated, unflipped view shows at each screen edge, and reference lines in image
coordinates (pixel centres at +0.5)."""

import math
import os

import numpy as np

import demo_dicom as dd
import demo_phantom as ph
import demo_studies as studies

# Reformat grids: 64 columns of 5 mm (x or y from -160 like the axial test grid), 40 rows of
# 7.5 mm running feet-wards from z = 142.5, so rows hit z = 90 (markers), 45, 0 and -45.
COLUMNS, ROWS = 64, 40
COLUMN_SPACING, ROW_SPACING = 5.0, 7.5
TOP_Z = 142.5
START = -160.0

CORONAL = {"name": "coronal", "row": [1.0, 0.0, 0.0], "column": [0.0, 0.0, -1.0],
           # Normal +y: planes y = -60 (markers) ... 50 (lung sphere), 10 mm apart.
           "offsets": [-60.0 + 10.0 * k for k in range(12)], "number": 4,
           "markers": {"left": "R", "right": "L", "top": "H", "bottom": "F"}}
SAGITTAL = {"name": "sagittal", "row": [0.0, 1.0, 0.0], "column": [0.0, 0.0, -1.0],
            # Normal -x: planes x = 50 ... -50, 12.5 mm apart; x = +-25 hold one marker each.
            "offsets": [-50.0 + 12.5 * k for k in range(9)], "number": 5,
            "markers": {"left": "A", "right": "P", "top": "H", "bottom": "F"}}

PRIOR_STUDY = dd.StudyInfo("ct-prior", studies.CT_STUDY.patient_name,
                           studies.CT_STUDY.patient_id, studies.CT_STUDY.birth_date,
                           studies.CT_STUDY.sex, "CT phantom, prior examination",
                           date="20230115", time="091500")
# Fewer, thicker-spaced slices than the current CT, still through every feature's z.
PRIOR_GRID = ph.AxialGrid(64, 5.0, 10, 15.0, -45.0, 7.5)

CR_SIZE = (112, 128)              # rows, columns
CR_IMAGER_SPACING = [0.5, 0.4]    # row spacing, column spacing (mm at the detector)
CR_MARKERS = [(20, 10), (95, 90)]  # (column, row): 75 columns x 0.4 mm, 80 rows x 0.5 mm
CR_VALUES = {"background": 200, "body": 1200, "marker": 4000}


def normal_of(plane):
    return np.cross(plane["row"], plane["column"])


def plane_position(plane, offset):
    """Centre of pixel (0, 0) of the reformat plane at `offset` along the axis it steps."""
    origin = np.array([START, START, TOP_Z])
    axis = np.abs(normal_of(plane)).argmax()
    origin[axis] = offset
    return [float(v) for v in origin]


def plane_points(plane, position):
    cols = np.arange(COLUMNS) * COLUMN_SPACING
    rows = np.arange(ROWS) * ROW_SPACING
    return (np.asarray(position)[None, None, :]
            + cols[None, :, None] * np.asarray(plane["row"])[None, None, :]
            + rows[:, None, None] * np.asarray(plane["column"])[None, None, :])


def spatial_positions(plane):
    """Slice positions sorted ascending along the normal, as a viewer sorts them."""
    normal = normal_of(plane)
    positions = [plane_position(plane, o) for o in plane["offsets"]]
    return sorted(positions, key=lambda p: float(np.dot(normal, p)))


def voxel_of(plane, positions, point):
    """[column, row, slice] of a point on a voxel centre of the reformat, else None."""
    for k, position in enumerate(positions):
        d = np.subtract(point, position)
        c = float(np.dot(d, plane["row"])) / COLUMN_SPACING
        r = float(np.dot(d, plane["column"])) / ROW_SPACING
        off = float(np.dot(d, normal_of(plane)))
        if abs(off) < 1e-6 and abs(c - round(c)) < 1e-6 and abs(r - round(r)) < 1e-6 \
                and 0 <= round(c) < COLUMNS and 0 <= round(r) < ROWS:
            return [round(c), round(r), k]
    return None


def stored(hu):
    return int(hu) - ph.CT_RESCALE_INTERCEPT


def features(plane, positions):
    markers = [{"position": m, "voxel": voxel_of(plane, positions, m), "hu": ph.HU_MARKER,
                "stored_value": stored(ph.HU_MARKER)} for m in ph.MARKERS]
    spheres = [{"name": s["name"], "centre": s["centre"], "radius": s["radius"], "hu": s["hu"],
                "voxel": voxel_of(plane, positions, s["centre"]), "stored_value": stored(s["hu"])}
               for s in ph.SPHERES]
    return markers, spheres


def reformat_geometry(plane, positions):
    spacing = abs(plane["offsets"][1] - plane["offsets"][0])
    return {"rows": ROWS, "columns": COLUMNS, "slices": len(positions),
            "pixel_spacing": [ROW_SPACING, COLUMN_SPACING], "slice_spacing": spacing,
            "slice_thickness": spacing, "orientation": plane["row"] + plane["column"],
            "normal": [float(v) + 0.0 for v in normal_of(plane)], "origin": positions[0],
            "slice_positions": positions}


def write_reformat(out_root, plane):
    name = plane["name"]
    series = dd.SeriesInfo(studies.CT_STUDY, name, plane["number"], name.title() + " reformat",
                           "CT", dd.CT_IMAGE, frame_of_reference_key="axial")
    # The CT template takes its square size from a grid; the reformat is not square.
    ds = studies.ct_template(series, ph.AxialGrid(COLUMNS, COLUMN_SPACING, 1, 1.0, 0.0, 1.0))
    ds.ImageType = ["DERIVED", "SECONDARY", "REFORMATTED"]
    ds.Rows, ds.Columns = ROWS, COLUMNS
    positions = spatial_positions(plane)
    spacing = abs(plane["offsets"][1] - plane["offsets"][0])
    directory = os.path.join(out_root, "scenarios", name)
    records = []
    for k, position in enumerate(positions):
        uid = series.instance_uid(k)
        ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = uid
        ds.InstanceNumber = k + 1
        dd.apply_plane(ds, position, plane["row"], plane["column"], [ROW_SPACING, COLUMN_SPACING],
                       spacing)
        hu = ph.ct_hu_at(plane_points(plane, position))
        dd.set_pixel_data(ds, (hu.astype(np.int32) - ph.CT_RESCALE_INTERCEPT).astype("<u2"))
        file_name = name[:2].upper() + dd.short_name(series.key, k, length=6) + ".dcm"
        dd.save(ds, os.path.join(directory, file_name))
        records.append({"file": file_name, "sop_instance_uid": str(uid), "instance_number": k + 1,
                        "position": position})
    return series, positions, records


def axial_marker_line():
    """Where the axial CT's marker slice (z = 90) cuts every reformat image: one row."""
    y = (TOP_Z - ph.MARKER_SLICE_Z) / ROW_SPACING + 0.5
    return {"other": "ct axial slice at z = 90 (the marker slice)",
            "image_line": [[0.0, y], [float(COLUMNS), y]]}


def reformat_entry(out_root, plane):
    series, positions, records = write_reformat(out_root, plane)
    directory = os.path.join(out_root, "scenarios", plane["name"])
    result = studies.series_manifest(series, directory, out_root, records)
    result["study"] = studies.CT_STUDY.manifest()
    result["geometry"] = reformat_geometry(plane, positions)
    markers, spheres = features(plane, positions)
    result["expected"] = {
        "plane": plane["name"], "orientation_markers": plane["markers"],
        "same_study_as": "ct", "same_frame_of_reference_as": "ct",
        "rescale": {"slope": 1.0, "intercept": float(ph.CT_RESCALE_INTERCEPT), "type": "HU"},
        "markers": markers, "spheres": spheres, "background_hu": ph.HU_AIR,
        "reference_lines": [axial_marker_line()]}
    return result


def line_in_axial(ct_grid, plane, offset):
    """Where the reformat plane at `offset` cuts an image of the axial CT: a vertical line
    (sagittal, x = offset) or a horizontal one (coronal, y = offset)."""
    at = (offset - ct_grid.x0) / ct_grid.spacing + 0.5
    size = float(ct_grid.size)
    if plane is SAGITTAL:
        return [[at, 0.0], [at, size]]
    return [[0.0, at], [size, at]]


def write_coronal(out_root, ct_grid):
    result = reformat_entry(out_root, CORONAL)
    # Both markers lie on the first coronal plane (y = -60), 10 columns apart.
    result["expected"]["marker_distance_mm"] = math.dist(*ph.MARKERS)
    result["expected"]["line_in_ct_axial"] = {
        "slice_index": 0, "image_line": line_in_axial(ct_grid, CORONAL, -60.0)}
    return result


def write_sagittal(out_root, ct_grid):
    result = reformat_entry(out_root, SAGITTAL)
    # One marker per plane: x = -25 and x = 25.
    k = [p[0] for p in result["geometry"]["slice_positions"]].index(-25.0)
    result["expected"]["line_in_ct_axial"] = {
        "slice_index": k, "image_line": line_in_axial(ct_grid, SAGITTAL, -25.0)}
    return result


def write_cr_imager_spacing(out_root):
    """A CR with Imager Pixel Spacing (non-square, at the detector) and no Pixel Spacing, no
    plane: a body rectangle and two 3x3 markers 50.0 mm apart at the detector."""
    study = dd.StudyInfo("scenario-cr_imager_spacing", "Scenario^CrImagerSpacing",
                         "FEN-SC-CRIMAGER", "20000101", "O", "Scenario cr imager spacing",
                         time="160000")
    series = dd.SeriesInfo(study, "cr_imager_spacing", 1, "Chest PA", "CR", dd.CR_IMAGE)
    ds = dd.new_instance(series, 0)
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    ds.BodyPartExamined = "CHEST"
    ds.ViewPosition = "PA"
    ds.ImagerPixelSpacing = dd.ds_list(CR_IMAGER_SPACING)
    ds.WindowCenter = "2000"
    ds.WindowWidth = "4000"
    rows, columns = CR_SIZE
    pixels = np.full(CR_SIZE, CR_VALUES["background"], dtype=np.uint16)
    pixels[8:rows - 8, 12:columns - 12] = CR_VALUES["body"]
    for column, row in CR_MARKERS:
        pixels[row - 1:row + 2, column - 1:column + 2] = CR_VALUES["marker"]
    dd.apply_mono_pixels(ds, pixels, 12)
    directory = os.path.join(out_root, "scenarios", "cr_imager_spacing")
    file_name = "CRIPS001.dcm"
    dd.save(ds, os.path.join(directory, file_name))
    (c0, r0), (c1, r1) = CR_MARKERS
    dx, dy = (c1 - c0) * CR_IMAGER_SPACING[1], (r1 - r0) * CR_IMAGER_SPACING[0]
    record = {"file": file_name, "sop_instance_uid": str(ds.SOPInstanceUID)}
    result = studies.series_manifest(series, directory, out_root, [record])
    result.pop("frame_of_reference_uid")
    result["study"] = study.manifest()
    result["geometry"] = {"rows": rows, "columns": columns,
                          "imager_pixel_spacing": CR_IMAGER_SPACING, "pixel_spacing": None}
    result["expected"] = {
        "spacing_source": "ImagerPixelSpacing", "has_pixel_spacing": False,
        "has_plane": False,
        "orientation_markers": {"left": "", "right": "", "top": "", "bottom": ""},
        "markers": [{"column": c, "row": r, "size_pixels": 3, "stored": CR_VALUES["marker"]}
                    for c, r in CR_MARKERS],
        "marker_distance_mm": round(math.hypot(dx, dy), 10),
        "marker_distance_pixels": math.hypot(c1 - c0, r1 - r0),
        "values": dict(CR_VALUES),
        "body_rectangle": {"columns": [12, columns - 13], "rows": [8, rows - 9]},
        "samples": [{"column": c, "row": r, "stored": int(pixels[r, c])}
                    for c, r in ((0, 0), (64, 56), *CR_MARKERS)]}
    return result


def write_prior_ct(out_root, ct_grid):
    """An earlier CT study of Phantom^CT sharing the current axial series' Frame of Reference,
    so a viewer can link the two by position."""
    series = dd.SeriesInfo(PRIOR_STUDY, "axial", 2, "Axial phantom (prior)", "CT", dd.CT_IMAGE,
                           frame_of_reference_key="axial",
                           frame_of_reference_study=studies.CT_STUDY.key)
    directory = os.path.join(out_root, "scenarios", "prior_ct")
    zs = [PRIOR_GRID.z(k) for k in range(PRIOR_GRID.slices)]
    records = studies.write_ct_series(series, PRIOR_GRID, directory, zs, name_prefix="PR")
    result = studies.series_manifest(series, directory, out_root, records)
    result["study"] = PRIOR_STUDY.manifest()
    result["geometry"] = PRIOR_GRID.manifest()
    current = [ct_grid.z(k) for k in range(ct_grid.slices)]
    result["expected"] = {
        "same_patient_as": "ct", "same_frame_of_reference_as": "ct",
        "earlier_than": "ct", "study_date": PRIOR_STUDY.date,
        "orientation_markers": {"left": "R", "right": "L", "top": "A", "bottom": "P"},
        "phantom": ph.ct_features_manifest(PRIOR_GRID),
        # For each prior slice, the current CT slice at the same z (spatial order indices).
        "matching_ct_slice": [current.index(z) for z in zs],
        # For each current slice, the nearest prior slice along z (ties: the lower index).
        "nearest_prior_slice": [min(range(len(zs)), key=lambda k: (abs(zs[k] - z), k))
                                for z in current]}
    return result


WRITERS = [write_coronal, write_sagittal, write_prior_ct]  # take (out_root, ct_grid)
PLAIN_WRITERS = [write_cr_imager_spacing]                   # take (out_root)
