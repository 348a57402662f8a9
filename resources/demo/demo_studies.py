"""The three primary studies: axial CT phantom, oblique MR and multi-frame RGB ultrasound."""

import os

import numpy as np

import demo_dicom as dd
import demo_phantom as ph

CT_STUDY = dd.StudyInfo("ct", "Phantom^CT", "FEN-CT-001", "19700101", "O",
                        "CT phantom with spheres and markers")
MR_STUDY = dd.StudyInfo("mr", "Phantom^MR", "FEN-MR-001", "19800202", "F",
                        "MR oblique phantom", time="101500")
US_STUDY = dd.StudyInfo("us", "Phantom^US", "FEN-US-001", "19900303", "M",
                        "Ultrasound cine loop", time="111500")


def ct_template(series, grid):
    """A CT dataset with everything that does not change from slice to slice."""
    ds = dd.new_instance(series, 0)
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.BodyPartExamined = "PHANTOM"
    ds.PatientPosition = "HFS"
    ds.KVP = "120"
    ds.XRayTubeCurrent = 200
    ds.ExposureTime = 500
    ds.Exposure = 100
    ds.ConvolutionKernel = "STANDARD"
    ds.AcquisitionNumber = 1
    ds.WindowCenter = ["40", "400"]
    ds.WindowWidth = ["400", "2000"]
    ds.WindowCenterWidthExplanation = ["SOFT TISSUE", "BONE"]
    ds.RescaleIntercept = str(ph.CT_RESCALE_INTERCEPT)
    ds.RescaleSlope = "1"
    ds.RescaleType = "HU"
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows = ds.Columns = grid.size
    ds.BitsAllocated = 16
    ds.BitsStored = 12
    ds.HighBit = 11
    ds.PixelRepresentation = 0
    return ds


def write_ct_series(series, grid, directory, z_values, name_prefix="CT"):
    """One file per slice, named by a hash so lexical order is unrelated to position.
    Returns one record per file, in spatial order."""
    ds = ct_template(series, grid)
    records = []
    for index, z in enumerate(z_values):
        uid = series.instance_uid(index)
        ds.SOPInstanceUID = uid
        ds.file_meta.MediaStorageSOPInstanceUID = uid
        ds.InstanceNumber = index + 1
        dd.apply_plane(ds, [grid.x0, grid.x0, z], [1, 0, 0], [0, 1, 0],
                       [grid.spacing, grid.spacing], grid.thickness)
        dd.set_pixel_data(ds, ph.ct_slice_stored(grid, z))
        name = name_prefix + dd.short_name(series.key, index, length=6) + ".dcm"
        dd.save(ds, os.path.join(directory, name))
        records.append({"file": name, "sop_instance_uid": str(uid), "z": float(z),
                        "instance_number": index + 1})
    return records


def series_manifest(series, directory, out_root, records, transfer_syntax="1.2.840.10008.1.2.1"):
    return {
        "series_instance_uid": str(series.series_uid),
        "series_description": series.description,
        "modality": series.modality,
        "sop_class_uid": series.sop_class,
        "frame_of_reference_uid": str(series.frame_of_reference_uid),
        "directory": os.path.relpath(directory, out_root),
        "expected_files": len(records),
        "transfer_syntax": transfer_syntax,
        "instances": records,
    }


def ct_axial_series():
    return dd.SeriesInfo(CT_STUDY, "axial", 2, "Axial phantom", "CT", dd.CT_IMAGE)


def write_ct_study(out_root, grid):
    series = ct_axial_series()
    directory = os.path.join(out_root, "ct")
    records = write_ct_series(series, grid, directory, [grid.z(k) for k in range(grid.slices)])
    entry = series_manifest(series, directory, out_root, records)
    entry["geometry"] = grid.manifest()
    entry["rescale"] = {"slope": 1.0, "intercept": float(ph.CT_RESCALE_INTERCEPT), "type": "HU"}
    entry["bits"] = {"allocated": 16, "stored": 12, "signed": False}
    entry["phantom"] = ph.ct_features_manifest(grid)
    return {"study": CT_STUDY.manifest(), "series": [entry]}


def mr_geometry(size, spacing, slices, slice_spacing):
    """Oblique stack centred on the origin: 20 deg about x, then 10 deg about y."""
    rot = ph.rotation_y(10.0) @ ph.rotation_x(20.0)
    # Round through the DS text so the geometry used for pixels equals what the file holds.
    row = [float(dd.ds_str(v)) for v in rot[:, 0]]
    col = [float(dd.ds_str(v)) for v in rot[:, 1]]
    normal = np.cross(row, col)
    half = (size - 1) / 2 * spacing
    origin0 = -half * np.asarray(row) - half * np.asarray(col) \
        - (slices - 1) / 2 * slice_spacing * normal
    origins = [[float(dd.ds_str(v)) for v in origin0 + k * slice_spacing * normal]
               for k in range(slices)]
    return {"rows": size, "columns": size, "slices": slices,
            "pixel_spacing": [spacing, spacing], "slice_spacing": slice_spacing,
            "slice_thickness": slice_spacing - 1.0, "orientation": row + col,
            "normal": [float(v) for v in normal], "rotation_degrees": {"x": 20.0, "y": 10.0},
            "slice_positions": origins}


def mr_template(series, geom):
    ds = dd.new_instance(series, 0)
    ds.ImageType = ["ORIGINAL", "PRIMARY", "M", "ND"]
    ds.BodyPartExamined = "PHANTOM"
    ds.PatientPosition = "HFS"
    ds.ScanningSequence = "SE"
    ds.SequenceVariant = "NONE"
    ds.ScanOptions = ""
    ds.MRAcquisitionType = "2D"
    ds.SequenceName = "se2d1"
    ds.RepetitionTime = "500"
    ds.EchoTime = "15"
    ds.EchoTrainLength = 1
    ds.NumberOfAverages = "1"
    ds.ImagingFrequency = "63.87"
    ds.ImagedNucleus = "1H"
    ds.MagneticFieldStrength = "1.5"
    ds.FlipAngle = "90"
    ds.PixelBandwidth = "130"
    ds.SpacingBetweenSlices = dd.ds_str(geom["slice_spacing"])
    ds.WindowCenter = "800"
    ds.WindowWidth = "1600"
    return ds


def write_mr_series(series, geom, directory):
    ds = mr_template(series, geom)
    row, col = geom["orientation"][:3], geom["orientation"][3:]
    records = []
    for k, origin in enumerate(geom["slice_positions"]):
        uid = series.instance_uid(k)
        ds.SOPInstanceUID = uid
        ds.file_meta.MediaStorageSOPInstanceUID = uid
        ds.InstanceNumber = k + 1
        dd.apply_plane(ds, origin, row, col, geom["pixel_spacing"], geom["slice_thickness"])
        pixels = ph.mr_slice_values(origin, row, col, geom["pixel_spacing"][0], geom["rows"])
        dd.apply_mono_pixels(ds, pixels, 12)
        name = "MR" + dd.short_name(series.key, k, length=6) + ".dcm"
        dd.save(ds, os.path.join(directory, name))
        records.append({"file": name, "sop_instance_uid": str(uid), "instance_number": k + 1})
    return records


def mr_sample_voxels(geom):
    """Expected values at a few voxels, computed with the same function that wrote them."""
    samples = []
    size, spacing = geom["rows"], geom["pixel_spacing"][0]
    row, col = geom["orientation"][:3], geom["orientation"][3:]
    for k in (0, len(geom["slice_positions"]) // 2, len(geom["slice_positions"]) - 1):
        values = ph.mr_slice_values(geom["slice_positions"][k], row, col, spacing, size)
        for i, j in ((0, 0), (size // 2, size // 2), (size // 3, size // 2)):
            samples.append({"voxel": [i, j, k], "value": int(values[j, i])})
    return samples


def write_mr_study(out_root, size, spacing, slices=24, study=MR_STUDY, subdir="mr"):
    series = dd.SeriesInfo(study, "oblique", 3, "T1 SE oblique", "MR", dd.MR_IMAGE)
    geom = mr_geometry(size, spacing, slices, 6.0)
    directory = os.path.join(out_root, subdir)
    records = write_mr_series(series, geom, directory)
    entry = series_manifest(series, directory, out_root, records)
    entry["geometry"] = geom
    entry["bits"] = {"allocated": 16, "stored": 12, "signed": False}
    entry["mr"] = {"repetition_time": 500.0, "echo_time": 15.0}
    entry["phantom"] = {"background": ph.MR_BACKGROUND, "objects": [ph.MR_BODY, ph.MR_LESION],
                        "sample_voxels": mr_sample_voxels(geom)}
    return {"study": study.manifest(), "series": [entry]}


def write_us_study(out_root, frames, width, height, radius):
    series = dd.SeriesInfo(US_STUDY, "cine", 1, "Cine loop", "US", dd.US_MULTIFRAME_IMAGE)
    ds = dd.new_instance(series, 0)
    ds.ImageType = ["ORIGINAL", "PRIMARY", "ABDOMINAL", ""]
    ds.BodyPartExamined = "ABDOMEN"
    ds.LossyImageCompression = "00"
    ds.NumberOfFrames = frames
    ds.FrameIncrementPointer = (0x0018, 0x1063)
    ds.FrameTime = "33.3"
    ds.RecommendedDisplayFrameRate = 30
    ds.CineRate = 30
    ds.TransducerType = "CURVED LINEAR"
    dd.apply_rgb_pixels(ds, ph.us_frames(frames, width, height, radius))
    directory = os.path.join(out_root, "us")
    name = "US" + dd.short_name(series.key, 0, length=6) + ".dcm"
    dd.save(ds, os.path.join(directory, name))
    record = {"file": name, "sop_instance_uid": str(ds.SOPInstanceUID), "instance_number": 1}
    entry = series_manifest(series, directory, out_root, [record])
    entry.pop("frame_of_reference_uid")
    centres = [ph.us_disc_centre(f, frames, width, height) for f in range(frames)]
    entry["cine"] = {
        "frames": frames, "rows": height, "columns": width, "photometric": "RGB",
        "planar_configuration": 0, "frame_time_ms": 33.3, "recommended_frame_rate": 30,
        "cine_rate": 30, "background_rgb": list(ph.US_BACKGROUND),
        "disc": {"radius": radius, "rgb": list(ph.US_DISC_COLOUR),
                 "centres_column_row": [list(c) for c in centres]},
    }
    return {"study": US_STUDY.manifest(), "series": [entry]}
