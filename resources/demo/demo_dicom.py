"""DICOM building blocks shared by the demo generators: UIDs, patient/study/series
modules, pixel modules and file writing.

Everything here is deterministic: UIDs are hashes of a fixed namespace plus a key, dates
are fixed, so two runs of the generator produce byte-identical files.
"""

import hashlib
import os
from dataclasses import dataclass

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, UID

UID_NAMESPACE = "fenestra-demo/1"
MANUFACTURER = "Fenestra Synthetic"

# SOP classes used by the generator.
CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2"
ENHANCED_CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2.1"
MR_IMAGE = "1.2.840.10008.5.1.4.1.1.4"
US_MULTIFRAME_IMAGE = "1.2.840.10008.5.1.4.1.1.3.1"
CR_IMAGE = "1.2.840.10008.5.1.4.1.1.1"
SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7"
BASIC_TEXT_SR = "1.2.840.10008.5.1.4.1.1.88.11"
KEY_OBJECT_SELECTION = "1.2.840.10008.5.1.4.1.1.88.59"


def make_uid(*key):
    """A 2.25 UID derived from a hash of the key, so every run yields the same UIDs."""
    text = "/".join([UID_NAMESPACE, *map(str, key)])
    digest = hashlib.sha256(text.encode("ascii")).digest()
    return UID("2.25." + str(int.from_bytes(digest[:16], "big")))


def short_name(*key, length=8):
    """Upper-case hex name from a hash: lexical order is unrelated to the key's order."""
    text = "/".join([UID_NAMESPACE, "name", *map(str, key)])
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:length].upper()


def ds_str(value):
    """Decimal String text for a float (at most 16 characters). Callers put float(ds_str(v))
    into the manifest so the recorded ground truth equals what the file holds."""
    return format(round(float(value), 10) + 0.0, ".10g")


def ds_list(values):
    return [ds_str(v) for v in values]


@dataclass
class StudyInfo:
    """Patient and study identity shared by all series of one study."""

    key: str
    patient_name: str
    patient_id: str
    birth_date: str
    sex: str
    description: str
    date: str = "20240115"
    time: str = "093000"

    @property
    def study_uid(self):
        return make_uid(self.key, "study")

    def manifest(self):
        return {
            "patient_name": self.patient_name,
            "patient_id": self.patient_id,
            "study_instance_uid": str(self.study_uid),
            "study_description": self.description,
            "study_date": self.date,
        }


@dataclass
class SeriesInfo:
    """Series identity; the key is unique per series across the whole output."""

    study: StudyInfo
    key: str
    number: int
    description: str
    modality: str
    sop_class: str
    frame_of_reference_key: str = ""
    # Another study's key, for a series that shares that study's Frame of Reference (a prior
    # examination registered to the current one).
    frame_of_reference_study: str = ""

    @property
    def series_uid(self):
        return make_uid(self.study.key, self.key, "series")

    @property
    def frame_of_reference_uid(self):
        return make_uid(self.frame_of_reference_study or self.study.key,
                        self.frame_of_reference_key or self.key, "for")

    def instance_uid(self, index):
        return make_uid(self.study.key, self.key, "instance", index)


def new_dataset(sop_class, sop_instance, transfer_syntax=ExplicitVRLittleEndian):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = sop_instance
    meta.TransferSyntaxUID = transfer_syntax
    meta.ImplementationVersionName = "FENESTRA_DEMO"
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = sop_instance
    return ds


def new_instance(series, index, instance_number=None):
    """A dataset with the patient, study, series and SOP common modules filled in."""
    ds = new_dataset(series.sop_class, series.instance_uid(index))
    apply_study(ds, series.study)
    apply_series(ds, series)
    ds.InstanceNumber = instance_number if instance_number is not None else index + 1
    ds.ContentDate = series.study.date
    ds.ContentTime = series.study.time
    return ds


def apply_study(ds, study):
    ds.PatientName = study.patient_name
    ds.PatientID = study.patient_id
    ds.PatientBirthDate = study.birth_date
    ds.PatientSex = study.sex
    ds.StudyInstanceUID = study.study_uid
    ds.StudyDate = study.date
    ds.StudyTime = study.time
    ds.StudyID = "1"
    ds.StudyDescription = study.description
    ds.AccessionNumber = "FEN" + short_name(study.key, length=6)
    ds.ReferringPhysicianName = "Referrer^Demo"
    ds.InstitutionName = "Fenestra Test Hospital"


def apply_series(ds, series):
    ds.Modality = series.modality
    ds.SeriesInstanceUID = series.series_uid
    ds.SeriesNumber = series.number
    ds.SeriesDescription = series.description
    ds.SeriesDate = series.study.date
    ds.SeriesTime = series.study.time
    ds.Manufacturer = MANUFACTURER
    ds.ManufacturerModelName = "Phantom Generator"
    ds.SoftwareVersions = "1"
    if series.frame_of_reference_key or series.modality in ("CT", "MR"):
        ds.FrameOfReferenceUID = series.frame_of_reference_uid
        ds.PositionReferenceIndicator = ""


def apply_plane(ds, position, row_cos, col_cos, pixel_spacing, thickness):
    """Image Plane module. pixel_spacing is (row spacing, column spacing) as in DICOM."""
    ds.ImagePositionPatient = ds_list(position)
    ds.ImageOrientationPatient = ds_list(list(row_cos) + list(col_cos))
    ds.PixelSpacing = ds_list(pixel_spacing)
    ds.SliceThickness = ds_str(thickness)
    normal = np.cross(np.asarray(row_cos, float), np.asarray(col_cos, float))
    ds.SliceLocation = ds_str(float(np.dot(normal, position)))


def apply_mono_pixels(ds, pixels, bits_stored, photometric="MONOCHROME2"):
    """Image Pixel module for a single-frame or multi-frame grey image."""
    pixels = np.ascontiguousarray(pixels)
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = photometric
    ds.Rows, ds.Columns = pixels.shape[-2:]
    ds.BitsAllocated = pixels.dtype.itemsize * 8
    ds.BitsStored = bits_stored
    ds.HighBit = bits_stored - 1
    ds.PixelRepresentation = 1 if pixels.dtype.kind == "i" else 0
    set_pixel_data(ds, pixels.astype(pixels.dtype.newbyteorder("<"), copy=False))


def apply_rgb_pixels(ds, pixels):
    """Interleaved (PlanarConfiguration 0) 8-bit colour, shape (frames?, rows, cols, 3)."""
    ds.SamplesPerPixel = 3
    ds.PhotometricInterpretation = "RGB"
    ds.PlanarConfiguration = 0
    ds.Rows, ds.Columns = pixels.shape[-3:-1]
    ds.BitsAllocated = 8
    ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    set_pixel_data(ds, np.ascontiguousarray(pixels, dtype=np.uint8))


def set_pixel_data(ds, pixels):
    data = pixels.tobytes()
    ds.PixelData = data + (b"\0" if len(data) % 2 else b"")
    ds["PixelData"].VR = "OW" if pixels.dtype.itemsize > 1 else "OB"


def save(ds, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    ds.save_as(path, write_like_original=False)
    return path


def code_item(value, scheme, meaning):
    item = Dataset()
    item.CodeValue = value
    item.CodingSchemeDesignator = scheme
    item.CodeMeaning = meaning
    return item
