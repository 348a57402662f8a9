"""Test-profile scenarios about pixel interpretation: MONOCHROME1, PALETTE COLOR, YBR_FULL,
YBR_FULL_422 and a VOI LUT table. Each records sample pixels with the value a correct
renderer produces."""

import os

import numpy as np
from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset

import demo_dicom as dd

SIZE = 64


def image_series(name, modality="OT", sop_class=dd.SECONDARY_CAPTURE):
    study = dd.StudyInfo("scenario-" + name, "Scenario^" + name.title().replace("_", ""),
                         "FEN-SC-" + name.upper()[:8], "20000101", "O", "Scenario " + name,
                         time="150000")
    return dd.SeriesInfo(study, name, 1, name.replace("_", " "), modality, sop_class)


def write_single(out_root, name, ds, expected):
    directory = os.path.join(out_root, "scenarios", name)
    file_name = name.upper().replace("_", "")[:6] + "01.dcm"
    dd.save(ds, os.path.join(directory, file_name))
    series = image_series(name, ds.Modality, ds.SOPClassUID)
    return {"series_instance_uid": str(ds.SeriesInstanceUID), "study": series.study.manifest(),
            "sop_class_uid": str(ds.SOPClassUID), "directory": f"scenarios/{name}",
            "expected_files": 1, "transfer_syntax": "1.2.840.10008.1.2.1",
            "instances": [{"file": file_name, "sop_instance_uid": str(ds.SOPInstanceUID)}],
            "expected": expected}


def ramp8():
    """Horizontal ramp: stored value = 4 * column (0..252)."""
    return np.tile((np.arange(SIZE) * 4).astype(np.uint8), (SIZE, 1))


def write_mono1(out_root):
    series = image_series("mono1", "CR", dd.CR_IMAGE)
    ds = dd.new_instance(series, 0)
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    ds.BodyPartExamined = "CHEST"
    ds.ViewPosition = "PA"
    ds.WindowCenter = "128"
    ds.WindowWidth = "256"
    dd.apply_mono_pixels(ds, ramp8(), 8, photometric="MONOCHROME1")
    samples = [{"column": c, "row": 10, "stored": 4 * c} for c in (0, 32, 63)]
    return write_single(out_root, "mono1", ds, {
        "photometric": "MONOCHROME1", "stored_formula": "4 * column",
        "window": {"center": 128.0, "width": 256.0},
        "samples": samples,
        "note": "MONOCHROME1: the lowest stored value displays brightest (column 0 white)"})


def palette_tables():
    index = np.arange(256, dtype=np.uint32)
    red = index * 257
    green = (255 - index) * 257
    blue = np.where(index >= 128, 65535, 0)
    return [t.astype("<u2") for t in (red, green, blue)]


def write_palette(out_root):
    series = image_series("palette")
    ds = dd.new_instance(series, 0)
    ds.ConversionType = "WSD"
    dd.apply_mono_pixels(ds, ramp8(), 8, photometric="PALETTE COLOR")
    tables = palette_tables()
    for colour, table in zip(("Red", "Green", "Blue"), tables):
        setattr(ds, f"{colour}PaletteColorLookupTableDescriptor", [256, 0, 16])
        ds[f"{colour}PaletteColorLookupTableDescriptor"].VR = "US"
        setattr(ds, f"{colour}PaletteColorLookupTableData", table.tobytes())
        ds[f"{colour}PaletteColorLookupTableData"].VR = "OW"
    samples = []
    for column in (0, 20, 32, 63):
        i = 4 * column
        samples.append({"column": column, "row": 5, "stored": i,
                        "rgb16": [int(t[i]) for t in tables],
                        "rgb8": [int(t[i]) >> 8 for t in tables]})
    return write_single(out_root, "palette", ds, {
        "photometric": "PALETTE COLOR", "lut_entries": 256, "lut_bits": 16,
        "lut_formulas": {"red": "i*257", "green": "(255-i)*257", "blue": "65535 if i>=128 else 0"},
        "samples": samples})


# Colour patches in a 4 x 2 grid of 16 x 32 blocks; block edges fall on even columns so
# 4:2:2 chroma subsampling does not mix two patches.
PATCH_COLOURS = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255),
                 (128, 128, 128), (255, 200, 0), (0, 180, 200), (90, 40, 160)]


def patch_image():
    rgb = np.zeros((SIZE, SIZE, 3), dtype=np.float64)
    for n, colour in enumerate(PATCH_COLOURS):
        row, col = divmod(n, 4)
        rgb[row * 32:(row + 1) * 32, col * 16:(col + 1) * 16] = colour
    return rgb


def rgb_to_ybr(rgb):
    """YBR_FULL as defined in PS3.3 C.7.6.3.1.2, as floats."""
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    y = 0.2990 * r + 0.5870 * g + 0.1140 * b
    cb = -0.1687 * r - 0.3313 * g + 0.5000 * b + 128
    cr = 0.5000 * r - 0.4187 * g - 0.0813 * b + 128
    return np.stack([y, cb, cr], axis=-1)


def ybr_to_rgb(ybr):
    y, cb, cr = (ybr[..., i].astype(np.float64) for i in range(3))
    r = y + 1.402 * (cr - 128)
    g = y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128)
    b = y + 1.772 * (cb - 128)
    return np.clip(np.round(np.stack([r, g, b], axis=-1)), 0, 255).astype(np.uint8)


def quantise(values):
    return np.clip(np.round(values), 0, 255).astype(np.uint8)


def colour_samples(stored_ybr):
    samples = []
    for n, colour in enumerate(PATCH_COLOURS):
        row, col = divmod(n, 4)
        r, c = row * 32 + 16, col * 16 + 8
        samples.append({"column": c, "row": r, "original_rgb": list(colour),
                        "stored_ybr": [int(v) for v in stored_ybr[r, c]],
                        "expected_rgb": [int(v) for v in ybr_to_rgb(stored_ybr[r, c])]})
    return samples


def colour_dataset(series, photometric):
    ds = dd.new_instance(series, 0)
    ds.ConversionType = "WSD"
    ds.SamplesPerPixel = 3
    ds.PhotometricInterpretation = photometric
    ds.PlanarConfiguration = 0
    ds.Rows = ds.Columns = SIZE
    ds.BitsAllocated = ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    return ds


def write_ybr_full(out_root):
    series = image_series("ybr_full")
    ds = colour_dataset(series, "YBR_FULL")
    ybr = quantise(rgb_to_ybr(patch_image()))
    dd.set_pixel_data(ds, ybr)
    return write_single(out_root, "ybr_full", ds, {
        "photometric": "YBR_FULL", "tolerance": 1, "samples": colour_samples(ybr),
        "pixel_data_bytes": SIZE * SIZE * 3})


def write_ybr_full_422(out_root):
    """Per horizontal pixel pair: Y1 Y2 Cb Cr, chroma averaged over the pair."""
    series = image_series("ybr_full_422")
    ds = colour_dataset(series, "YBR_FULL_422")
    ybr = rgb_to_ybr(patch_image())
    y = quantise(ybr[..., 0])
    chroma = quantise((ybr[:, 0::2, 1:] + ybr[:, 1::2, 1:]) / 2)
    packed = np.empty((SIZE, SIZE // 2, 4), dtype=np.uint8)
    packed[..., 0], packed[..., 1] = y[:, 0::2], y[:, 1::2]
    packed[..., 2:] = chroma
    dd.set_pixel_data(ds, packed)
    full = np.concatenate([y[..., None], np.repeat(chroma, 2, axis=1)], axis=-1)
    return write_single(out_root, "ybr_full_422", ds, {
        "photometric": "YBR_FULL_422", "tolerance": 1, "samples": colour_samples(full),
        "pixel_data_bytes": SIZE * SIZE * 2})


def voi_lut_table():
    """4096 entries, 16-bit output: a square-root curve, clearly not a linear window."""
    x = np.arange(4096, dtype=np.float64)
    return np.round(65535 * np.sqrt(x / 4095)).astype("<u2")


def write_voilut(out_root):
    series = image_series("voilut", "CR", dd.CR_IMAGE)
    ds = dd.new_instance(series, 0)
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    ds.BodyPartExamined = "HAND"
    stored = (np.arange(SIZE)[None, :] * 64 + np.arange(SIZE)[:, None]).astype(np.uint16)
    dd.apply_mono_pixels(ds, stored, 12)
    table = voi_lut_table()
    item = Dataset()
    item.add(DataElement(0x00283002, "US", [4096, 0, 16]))  # LUT Descriptor
    item.LUTExplanation = "SQRT"
    item.add(DataElement(0x00283006, "OW", table.tobytes()))  # LUT Data
    ds.VOILUTSequence = [item]
    samples = [{"column": c, "row": r, "stored": int(stored[r, c]),
                "lut_output": int(table[stored[r, c]])}
               for c, r in ((0, 0), (16, 0), (32, 5), (63, 63))]
    return write_single(out_root, "voilut", ds, {
        "lut_descriptor": [4096, 0, 16], "lut_formula": "round(65535*sqrt(x/4095))",
        "stored_formula": "64*column + row", "has_window": False, "samples": samples})


WRITERS = [write_mono1, write_palette, write_ybr_full, write_ybr_full_422, write_voilut]
