"""One small CT series written in Explicit VR Little Endian as the reference, and copies of it
in every transfer syntax the viewer should read. Each copy is decoded again here and compared
with the reference, so the manifest's lossless/tolerance claims are measured, not assumed."""

import os
import tempfile
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pydicom
from pydicom.encaps import encapsulate

import demo_codecs as codecs
import demo_dicom as dd
import demo_phantom as ph
import demo_studies as studies

SYNTAX_STUDY = dd.StudyInfo("syntaxes", "Phantom^Syntaxes", "FEN-TS-001", "19750505", "O",
                            "Transfer syntax matrix", time="121500")
GRID = ph.AxialGrid(128, 2.0, 8, 5.0, -15.0, 5.0)

# name, transfer syntax UID, encoder, encoder options, max abs error allowed (None: measured)
SYNTAXES_16BIT = [
    ("implicit_le", "1.2.840.10008.1.2", "pydicom", [], 0),
    ("explicit_be", "1.2.840.10008.1.2.2", "pydicom", [], 0),
    ("deflated", "1.2.840.10008.1.2.1.99", "gdcm", ["--deflated"], 0),
    ("rle", "1.2.840.10008.1.2.5", "gdcm", ["--rle"], 0),
    ("jpeg_lossless_sv1", "1.2.840.10008.1.2.4.70", "gdcm", ["--jpeg"], 0),
    ("jpegls_lossless", "1.2.840.10008.1.2.4.80", "gdcm", ["--jpegls"], 0),
    ("jpegls_near_lossless", "1.2.840.10008.1.2.4.81", "gdcm", ["--jpegls", "--lossy", "-e", "3"],
     3),
    ("j2k_lossless", "1.2.840.10008.1.2.4.90", "gdcm", ["--j2k"], 0),
    ("j2k_lossy", "1.2.840.10008.1.2.4.91", "gdcm", ["--j2k", "--lossy", "-q", "80"], None),
    ("htj2k_lossless", codecs.HTJ2K_LOSSLESS, "ojph", ["-reversible", "true",
                                                       "-prog_order", "LRCP"], 0),
    ("htj2k_lossless_rpcl", codecs.HTJ2K_LOSSLESS_RPCL, "ojph", ["-reversible", "true",
                                                                 "-prog_order", "RPCL"], 0),
    ("htj2k_lossy", codecs.HTJ2K_LOSSY, "ojph", ["-qstep", "0.001"], None),
]
# For codecs without an error bound, the tolerance is the error measured through GDCM plus
# this much, since another conforming decoder may round the inverse transform differently.
DECODER_SLACK = 2
SYNTAXES_8BIT = [
    ("jpeg_baseline", "1.2.840.10008.1.2.4.50", "gdcm", ["--jpeg", "--lossy", "-q", "90"], None),
]


def reference_z():
    return [GRID.z(k) for k in range(GRID.slices)]


def write_sc8_series(series, directory):
    """8-bit MONOCHROME2 Secondary Capture of the same slab, windowed at 40/400, so the
    baseline (8-bit only) JPEG process has an input."""
    records = []
    for index, z in enumerate(reference_z()):
        ds = dd.new_instance(series, index)
        ds.ImageType = ["DERIVED", "SECONDARY"]
        ds.ConversionType = "WSD"
        dd.apply_plane(ds, [GRID.x0, GRID.x0, z], [1, 0, 0], [0, 1, 0],
                       [GRID.spacing, GRID.spacing], GRID.thickness)
        hu = ph.ct_slice_hu(GRID, z).astype(np.float64)
        grey = np.clip(np.round((hu - (40 - 200)) * 255.0 / 400.0), 0, 255).astype(np.uint8)
        dd.apply_mono_pixels(ds, grey, 8)
        name = "SC" + dd.short_name(series.key, index, length=6) + ".dcm"
        dd.save(ds, os.path.join(directory, name))
        records.append({"file": name, "sop_instance_uid": str(ds.SOPInstanceUID), "z": z,
                        "instance_number": index + 1})
    return records


def write_source(series, directory, eight_bit):
    if eight_bit:
        return write_sc8_series(series, directory)
    return studies.write_ct_series(series, GRID, directory, reference_z())


def encode_pydicom(src, dst, uid):
    ds = pydicom.dcmread(src)
    pixels = ds.pixel_array  # decode before the endianness flags change
    ds.file_meta.TransferSyntaxUID = uid
    if uid == "1.2.840.10008.1.2":
        ds.is_implicit_VR, ds.is_little_endian = True, True
    else:  # Big Endian: pydicom writes OW bytes as given, so swap them here.
        ds.is_implicit_VR, ds.is_little_endian = False, False
        ds.PixelData = pixels.astype(">u2").tobytes()
    ds.save_as(dst, write_like_original=False)


def encode_ojph(src, dst, uid, options):
    ds = pydicom.dcmread(src)
    codestream = codecs.htj2k_encode(ds.pixel_array, ds.BitsStored, options)
    if uid == codecs.HTJ2K_LOSSLESS_RPCL:
        codestream = codecs.add_tlm_marker(codestream)
    ds.file_meta.TransferSyntaxUID = uid
    ds.PixelData = encapsulate([codestream])
    ds["PixelData"].VR = "OB"
    ds["PixelData"].is_undefined_length = True
    if uid == codecs.HTJ2K_LOSSY:
        ds.LossyImageCompression = "01"
        ds.LossyImageCompressionMethod = "ISO_15444_15"
        ratio = ds.Rows * ds.Columns * 2 / len(codestream)
        ds.LossyImageCompressionRatio = dd.ds_str(round(ratio, 3))
    ds.save_as(dst, write_like_original=False)


def encode_gdcm(src, dst, options, sop_uid):
    codecs.gdcm_convert(src, dst, options)
    ds = pydicom.dcmread(dst)
    if ds.SOPInstanceUID != sop_uid:  # lossy gdcmconv mints a random UID; keep ours
        ds.SOPInstanceUID = sop_uid
        ds.file_meta.MediaStorageSOPInstanceUID = sop_uid
        ds.save_as(dst, write_like_original=True)


# pydicom decodes these itself; the JPEG family goes through GDCM (OpenJPEG, CharLS, ljpeg).
PYDICOM_DECODABLE = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99",
                     "1.2.840.10008.1.2.5"}


def decode(path, uid):
    ds = pydicom.dcmread(path)
    if uid in (codecs.HTJ2K_LOSSLESS, codecs.HTJ2K_LOSSLESS_RPCL, codecs.HTJ2K_LOSSY):
        frame = next(pydicom.encaps.generate_pixel_data_frame(ds.PixelData))
        return codecs.htj2k_decode(frame)
    if uid in PYDICOM_DECODABLE:
        return ds.pixel_array
    return codecs.gdcm_decode(path)


def convert_one(spec, src, dst, sop_uid, reference):
    name, uid, encoder, options, _ = spec
    if encoder == "pydicom":
        encode_pydicom(src, dst, uid)
    elif encoder == "ojph":
        encode_ojph(src, dst, uid, options)
    else:
        encode_gdcm(src, dst, options, sop_uid)
    header = pydicom.dcmread(dst, stop_before_pixels=True)
    if header.file_meta.TransferSyntaxUID != uid or header.SOPInstanceUID != sop_uid:
        raise RuntimeError(f"{name}: {dst} has syntax {header.file_meta.TransferSyntaxUID}")
    error = np.abs(decode(dst, uid).astype(np.int32) - reference.astype(np.int32))
    return int(error.max()), float(error.mean())


def write_syntax_series(spec, number, source_records, source_dir, out_root, eight_bit, pool):
    name, uid, encoder, options, tolerance = spec
    series = dd.SeriesInfo(SYNTAX_STUDY, name, number, f"Slab {name}", "OT" if eight_bit else "CT",
                           dd.SECONDARY_CAPTURE if eight_bit else dd.CT_IMAGE, "slab")
    directory = os.path.join(out_root, "syntaxes", name)
    os.makedirs(directory, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        records = write_source(series, tmp, eight_bit)
        jobs = []
        for ref, rec in zip(source_records, records):
            reference = pydicom.dcmread(os.path.join(source_dir, ref["file"])).pixel_array
            jobs.append(pool.submit(convert_one, spec, os.path.join(tmp, rec["file"]),
                                    os.path.join(directory, rec["file"]),
                                    rec["sop_instance_uid"], reference))
        errors = [job.result() for job in jobs]
    max_error = max(e[0] for e in errors)
    if tolerance is not None and max_error > tolerance:
        raise RuntimeError(f"{name}: max error {max_error} exceeds {tolerance}")
    for ref, rec in zip(source_records, records):
        rec["reference_file"] = ref["file"]
        rec["reference_sop_instance_uid"] = ref["sop_instance_uid"]
    entry = studies.series_manifest(series, directory, out_root, records, uid)
    entry.update({"name": name, "encoder": encoder, "encoder_options": options,
                  "lossless": tolerance == 0, "bits_stored": 8 if eight_bit else 12,
                  "tolerance_max_abs": max_error + DECODER_SLACK if tolerance is None
                  else tolerance,
                  "measured_max_abs_error": max_error,
                  "measured_mean_abs_error": round(sum(e[1] for e in errors) / len(errors), 4)})
    return entry


def write_reference(out_root, name, number, eight_bit):
    series = dd.SeriesInfo(SYNTAX_STUDY, name, number, f"Slab {name} reference",
                           "OT" if eight_bit else "CT",
                           dd.SECONDARY_CAPTURE if eight_bit else dd.CT_IMAGE, "slab")
    directory = os.path.join(out_root, "syntaxes", name)
    records = write_source(series, directory, eight_bit)
    entry = studies.series_manifest(series, directory, out_root, records)
    entry.update({"name": name, "encoder": "pydicom", "lossless": True, "reference": True,
                  "bits_stored": 8 if eight_bit else 12})
    return entry, records, directory


def write_syntaxes(out_root):
    codecs.register_htj2k_uids()
    entries = []
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for eight_bit, ref_name, specs, first in ((False, "explicit_le", SYNTAXES_16BIT, 10),
                                                  (True, "explicit_le_8bit", SYNTAXES_8BIT, 40)):
            ref_entry, ref_records, ref_dir = write_reference(out_root, ref_name, first, eight_bit)
            entries.append(ref_entry)
            for offset, spec in enumerate(specs, start=1):
                entry = write_syntax_series(spec, first + offset, ref_records, ref_dir,
                                            out_root, eight_bit, pool)
                entry["reference_series"] = ref_name
                entries.append(entry)
    return {"study": SYNTAX_STUDY.manifest(), "geometry": GRID.manifest(), "series": entries}


