"""Test-profile scenarios about object types: an Enhanced CT multi-frame file with frames in
reverse spatial order, and objects without pixels (Basic Text SR, Key Object Selection)."""

import os

import numpy as np
from pydicom.dataset import Dataset

import demo_dicom as dd
import demo_phantom as ph
import demo_scenarios as scn
import demo_studies as studies

ENHANCED_GRID = ph.AxialGrid(64, 5.0, 16, 5.0, -40.0, 5.0)


def item(**attributes):
    ds = Dataset()
    for key, value in attributes.items():
        setattr(ds, key, value)
    return ds


def enhanced_shared_groups(grid):
    shared = Dataset()
    shared.PixelMeasuresSequence = [item(PixelSpacing=dd.ds_list([grid.spacing] * 2),
                                         SliceThickness=dd.ds_str(grid.thickness),
                                         SpacingBetweenSlices=dd.ds_str(grid.slice_spacing))]
    shared.PlaneOrientationSequence = [item(ImageOrientationPatient=dd.ds_list([1, 0, 0, 0, 1, 0]))]
    shared.PixelValueTransformationSequence = [item(
        RescaleIntercept=str(ph.CT_RESCALE_INTERCEPT), RescaleSlope="1", RescaleType="HU")]
    shared.FrameVOILUTSequence = [item(WindowCenter="40", WindowWidth="400")]
    shared.CTImageFrameTypeSequence = [item(FrameType=["ORIGINAL", "PRIMARY", "AXIAL", "NONE"])]
    return shared


def enhanced_frame_group(grid, z, in_stack_position):
    group = Dataset()
    group.PlanePositionSequence = [item(ImagePositionPatient=dd.ds_list([grid.x0, grid.x0, z]))]
    group.FrameContentSequence = [item(StackID="1", InStackPositionNumber=in_stack_position,
                                       DimensionIndexValues=[1, in_stack_position],
                                       FrameAcquisitionNumber=1)]
    return group


def enhanced_dimensions(ds, series):
    organization = dd.make_uid(series.study.key, series.key, "dimensions")
    ds.DimensionOrganizationSequence = [item(DimensionOrganizationUID=organization)]
    ds.DimensionIndexSequence = [
        item(DimensionOrganizationUID=organization, DimensionIndexPointer=0x00209056,
             FunctionalGroupPointer=0x00209111, DimensionDescriptionLabel="Stack ID"),
        item(DimensionOrganizationUID=organization, DimensionIndexPointer=0x00209057,
             FunctionalGroupPointer=0x00209111, DimensionDescriptionLabel="In-Stack Position"),
    ]


def write_enhanced_ct(out_root):
    grid = ENHANCED_GRID
    series = dd.SeriesInfo(scn.scenario_study("enhanced_ct"), "enhanced_ct", 1, "Enhanced axial",
                           "CT", dd.ENHANCED_CT_IMAGE)
    ds = dd.new_instance(series, 0)
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL", "NONE"]
    ds.ContentQualification = "PRODUCT"
    ds.BurnedInAnnotation = "NO"
    ds.PresentationLUTShape = "IDENTITY"
    ds.AcquisitionNumber = 1
    ds.AcquisitionDateTime = series.study.date + series.study.time
    ds.KVP = "120"
    ds.PatientPosition = "HFS"
    enhanced_dimensions(ds, series)
    ds.SharedFunctionalGroupsSequence = [enhanced_shared_groups(grid)]
    # Frame f holds slice k = n-1-f: the file runs from the highest z down.
    ks = list(range(grid.slices))[::-1]
    ds.PerFrameFunctionalGroupsSequence = [enhanced_frame_group(grid, grid.z(k), k + 1)
                                           for k in ks]
    ds.NumberOfFrames = len(ks)
    frames = np.stack([ph.ct_slice_stored(grid, grid.z(k)) for k in ks])
    dd.apply_mono_pixels(ds, frames, 12)
    directory = os.path.join(out_root, "scenarios", "enhanced_ct")
    name = "ENHCT001.dcm"
    dd.save(ds, os.path.join(directory, name))
    records = [{"file": name, "sop_instance_uid": str(ds.SOPInstanceUID)}]
    expected = {"frames": len(ks), "frame_z": [grid.z(k) for k in ks],
                "frame_in_stack_position": [k + 1 for k in ks],
                "stored_order": "descending z (reverse spatial)",
                "sorted_frame_order": list(range(len(ks)))[::-1],
                "phantom": ph.ct_features_manifest(grid)}
    return scn.entry("enhanced_ct", out_root, series, records, expected, grid)


def sr_common(ds):
    ds.ValueType = "CONTAINER"
    ds.ContinuityOfContent = "SEPARATE"
    ds.CompletionFlag = "COMPLETE"
    ds.VerificationFlag = "UNVERIFIED"
    ds.ReferencedPerformedProcedureStepSequence = []
    ds.PerformedProcedureCodeSequence = []


def write_text_sr(directory, study):
    series = dd.SeriesInfo(study, "report", 90, "Report", "SR", dd.BASIC_TEXT_SR)
    ds = dd.new_instance(series, 0)
    sr_common(ds)
    ds.ConceptNameCodeSequence = [dd.code_item("18748-4", "LN", "Diagnostic Imaging Report")]
    finding = item(RelationshipType="CONTAINS", ValueType="TEXT",
                   TextValue="Water phantom with bone insert and three spheres. No artefacts.")
    finding.ConceptNameCodeSequence = [dd.code_item("121071", "DCM", "Finding")]
    ds.ContentSequence = [finding]
    name = "SR" + dd.short_name("report", length=6) + ".dcm"
    dd.save(ds, os.path.join(directory, name))
    return {"file": name, "sop_instance_uid": str(ds.SOPInstanceUID),
            "sop_class_uid": dd.BASIC_TEXT_SR, "series_instance_uid": str(series.series_uid),
            "modality": "SR", "expected_error": "NoPixelData"}


def write_kos(directory, study, ct_series, ct_indices):
    series = dd.SeriesInfo(study, "keyobjects", 91, "Key images", "KO", dd.KEY_OBJECT_SELECTION)
    ds = dd.new_instance(series, 0)
    sr_common(ds)
    del ds.CompletionFlag, ds.VerificationFlag  # not part of the KOS document module
    ds.ConceptNameCodeSequence = [dd.code_item("113000", "DCM", "Of Interest")]
    ds.ContentTemplateSequence = [item(MappingResource="DCMR", TemplateIdentifier="2010")]
    refs = [item(ReferencedSOPClassUID=dd.CT_IMAGE,
                 ReferencedSOPInstanceUID=ct_series.instance_uid(i)) for i in ct_indices]
    ds.CurrentRequestedProcedureEvidenceSequence = [item(
        StudyInstanceUID=study.study_uid,
        ReferencedSeriesSequence=[item(SeriesInstanceUID=ct_series.series_uid,
                                       ReferencedSOPSequence=refs)])]
    content = []
    for ref in refs:
        image = item(RelationshipType="CONTAINS", ValueType="IMAGE", ReferencedSOPSequence=[ref])
        content.append(image)
    ds.ContentSequence = content
    name = "KO" + dd.short_name("keyobjects", length=6) + ".dcm"
    dd.save(ds, os.path.join(directory, name))
    return {"file": name, "sop_instance_uid": str(ds.SOPInstanceUID),
            "sop_class_uid": dd.KEY_OBJECT_SELECTION, "series_instance_uid": str(series.series_uid),
            "modality": "KO", "expected_error": "NoPixelData",
            "referenced_sop_instance_uids": [str(r.ReferencedSOPInstanceUID) for r in refs]}


def write_nopixels(out_root, ct_grid):
    """An SR and a KOS in the main CT study, the KOS pointing at the sphere and marker slices."""
    study = studies.CT_STUDY
    ct_series = studies.ct_axial_series()
    features = ph.ct_features_manifest(ct_grid)
    indices = [features["spheres"][0]["voxel"][2], features["marker_slice"]["index"]]
    directory = os.path.join(out_root, "scenarios", "nopixels")
    objects = [write_text_sr(directory, study), write_kos(directory, study, ct_series, indices)]
    return {"directory": "scenarios/nopixels", "study": study.manifest(),
            "expected_files": len(objects), "objects": objects,
            "expected": {"same_study_as": "ct", "referenced_series": str(ct_series.series_uid)}}
