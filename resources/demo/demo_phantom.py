"""The synthetic objects the studies show, as pure numpy functions of patient coordinates.

Voxels take the value of the region containing the voxel centre (no partial volume), so a
test can predict every pixel exactly from the manifest.
"""

import math
from dataclasses import dataclass

import numpy as np

HU_AIR = -1000
HU_WATER = 0
HU_BONE = 1000
HU_MARKER = 2000
CT_RESCALE_INTERCEPT = -1024

# All CT phantom features in patient coordinates (mm, LPS). Sphere and marker centres are
# multiples of 5 mm in x/y and 15 mm in z so they fall on voxel centres of every grid below.
WATER_CYLINDER = {"name": "water", "shape": "cylinder", "centre_xy": [0.0, 0.0],
                  "radius": 100.0, "z_range": [-140.0, 140.0], "hu": HU_WATER}
BONE_CYLINDER = {"name": "bone", "shape": "cylinder", "centre_xy": [60.0, 0.0],
                 "radius": 15.0, "z_range": [-140.0, 140.0], "hu": HU_BONE}
SPHERES = [
    {"name": "sphere_soft", "centre": [-50.0, 0.0, 0.0], "radius": 20.0, "hu": 100},
    {"name": "sphere_dense", "centre": [0.0, -50.0, 45.0], "radius": 15.0, "hu": 300},
    {"name": "sphere_lung", "centre": [0.0, 50.0, -45.0], "radius": 20.0, "hu": -500},
]
MARKER_SLICE_Z = 90.0
MARKERS = [[-25.0, -60.0, MARKER_SLICE_Z], [25.0, -60.0, MARKER_SLICE_Z]]


@dataclass
class AxialGrid:
    """An axial voxel grid: pixel (column i, row j) of slice k sits at
    (x0 + i*spacing, y0 + j*spacing, z0 + k*slice_spacing)."""

    size: int
    spacing: float
    slices: int
    slice_spacing: float
    z0: float
    thickness: float

    @property
    def x0(self):
        return -self.size / 2 * self.spacing

    def z(self, k):
        return self.z0 + k * self.slice_spacing

    def index_of(self, point):
        """Voxel index (i, j, k) of a patient point that lies on a voxel centre, else None."""
        i = (point[0] - self.x0) / self.spacing
        j = (point[1] - self.x0) / self.spacing
        k = (point[2] - self.z0) / self.slice_spacing
        idx = [round(i), round(j), round(k)]
        exact = all(abs(a - b) < 1e-6 for a, b in zip(idx, (i, j, k)))
        inside = 0 <= idx[0] < self.size and 0 <= idx[1] < self.size and 0 <= idx[2] < self.slices
        return idx if exact and inside else None

    def manifest(self):
        return {
            "rows": self.size, "columns": self.size, "slices": self.slices,
            "pixel_spacing": [self.spacing, self.spacing],
            "slice_spacing": self.slice_spacing, "slice_thickness": self.thickness,
            "origin": [self.x0, self.x0, self.z0],
            "orientation": [1.0, 0.0, 0.0, 0.0, 1.0, 0.0],
        }


def ct_slice_hu(grid, z):
    """Hounsfield units of the phantom on the axial plane z, shape (rows, columns)."""
    coords = grid.x0 + np.arange(grid.size) * grid.spacing
    x = coords[np.newaxis, :]
    y = coords[:, np.newaxis]
    hu = np.full((grid.size, grid.size), HU_AIR, dtype=np.int16)
    for cyl in (WATER_CYLINDER, BONE_CYLINDER):
        if cyl["z_range"][0] <= z <= cyl["z_range"][1]:
            cx, cy = cyl["centre_xy"]
            hu[(x - cx) ** 2 + (y - cy) ** 2 <= cyl["radius"] ** 2] = cyl["hu"]
    for sphere in SPHERES:
        cx, cy, cz = sphere["centre"]
        r2 = sphere["radius"] ** 2 - (z - cz) ** 2
        if r2 >= 0:
            hu[(x - cx) ** 2 + (y - cy) ** 2 <= r2] = sphere["hu"]
    if abs(z - MARKER_SLICE_Z) < 1e-6:
        for marker in MARKERS:
            i = round((marker[0] - grid.x0) / grid.spacing)
            j = round((marker[1] - grid.x0) / grid.spacing)
            hu[j - 1:j + 2, i - 1:i + 2] = HU_MARKER
    return hu


# The markers as solids, for planes other than the axial test grid's: boxes that cover exactly
# the 3x3 pixels of one 7.5 mm slice that ct_slice_hu marks on the test-profile grid.
MARKER_HALF_SIZE_MM = (7.5, 7.5, 3.75)


def ct_hu_at(points):
    """Hounsfield units of the phantom at patient points, shape (..., 3) -> (...). Agrees with
    ct_slice_hu on the test-profile axial grid; used for reformatted (coronal, sagittal)
    planes."""
    points = np.asarray(points, dtype=np.float64)
    x, y, z = points[..., 0], points[..., 1], points[..., 2]
    hu = np.full(points.shape[:-1], HU_AIR, dtype=np.int16)
    for cyl in (WATER_CYLINDER, BONE_CYLINDER):
        cx, cy = cyl["centre_xy"]
        inside = (x - cx) ** 2 + (y - cy) ** 2 <= cyl["radius"] ** 2
        hu[inside & (z >= cyl["z_range"][0]) & (z <= cyl["z_range"][1])] = cyl["hu"]
    for sphere in SPHERES:
        cx, cy, cz = sphere["centre"]
        hu[(x - cx) ** 2 + (y - cy) ** 2 + (z - cz) ** 2 <= sphere["radius"] ** 2] = sphere["hu"]
    hx, hy, hz = MARKER_HALF_SIZE_MM
    for mx, my, mz in MARKERS:
        hu[(abs(x - mx) <= hx) & (abs(y - my) <= hy) & (abs(z - mz) <= hz)] = HU_MARKER
    return hu


def ct_slice_stored(grid, z):
    """Stored values (HU - intercept) as unsigned 16-bit, 12 bits used."""
    return (ct_slice_hu(grid, z).astype(np.int32) - CT_RESCALE_INTERCEPT).astype(np.uint16)


def ct_features_manifest(grid):
    """The phantom description plus voxel indices of the features on this grid."""
    spheres = [dict(s, voxel=grid.index_of(s["centre"]),
                    stored_value=s["hu"] - CT_RESCALE_INTERCEPT) for s in SPHERES]
    markers = [{"position": m, "voxel": grid.index_of(m), "size_pixels": 3, "hu": HU_MARKER}
               for m in MARKERS]
    return {
        "background_hu": HU_AIR,
        "regions": [WATER_CYLINDER, BONE_CYLINDER],
        "spheres": spheres,
        "markers": markers,
        "marker_slice": {"z": MARKER_SLICE_Z,
                         "index": grid.index_of(MARKERS[0])[2] if grid.index_of(MARKERS[0])
                         else None},
        "marker_distance_mm": math.dist(MARKERS[0], MARKERS[1]),
    }


# ---------------------------------------------------------------------------------------
# Oblique MR: a body sphere with a bright lesion, sampled on a rotated grid.

MR_BODY = {"name": "body", "centre": [0.0, 0.0, 0.0], "radius": 100.0, "value": 600}
MR_LESION = {"name": "lesion", "centre": [20.0, -15.0, 10.0], "radius": 25.0, "value": 1500}
MR_BACKGROUND = 0


def rotation_x(deg):
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return np.array([[1, 0, 0], [0, c, -s], [0, s, c]])


def rotation_y(deg):
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return np.array([[c, 0, s], [0, 1, 0], [-s, 0, c]])


def mr_slice_values(origin, row_cos, col_cos, spacing, size):
    """MR signal on one oblique plane; origin is the centre of pixel (0, 0)."""
    steps = np.arange(size) * spacing
    pts = (np.asarray(origin)[None, None, :]
           + steps[None, :, None] * np.asarray(row_cos)[None, None, :]
           + steps[:, None, None] * np.asarray(col_cos)[None, None, :])
    values = np.full((size, size), MR_BACKGROUND, dtype=np.uint16)
    for obj in (MR_BODY, MR_LESION):
        dist2 = np.sum((pts - np.asarray(obj["centre"])) ** 2, axis=2)
        values[dist2 <= obj["radius"] ** 2] = obj["value"]
    return values


# ---------------------------------------------------------------------------------------
# Ultrasound cine: a coloured disc moving left to right over a dark background.

US_BACKGROUND = (16, 16, 16)
US_DISC_COLOUR = (230, 60, 20)


def us_disc_centre(frame, frames, width, height):
    """Integer pixel centre (column, row) of the disc in a frame."""
    t = frame / max(frames - 1, 1)
    col = round(width * (0.2 + 0.6 * t))
    row = round(height * (0.5 + 0.2 * math.sin(2 * math.pi * t)))
    return col, row


def us_frames(frames, width, height, radius):
    """RGB frames, shape (frames, rows, columns, 3)."""
    out = np.empty((frames, height, width, 3), dtype=np.uint8)
    out[...] = US_BACKGROUND
    rows = np.arange(height)[:, None]
    cols = np.arange(width)[None, :]
    for f in range(frames):
        c, r = us_disc_centre(f, frames, width, height)
        out[f][(cols - c) ** 2 + (rows - r) ** 2 <= radius ** 2] = US_DISC_COLOUR
    return out
