"""An IHE PDI style CD: cd/DICOMDIR plus cd/DICOM/<8-char dirs>/<8-char files>, written with
pydicom's FileSet."""

import contextlib
import os
import tempfile

from pydicom.fileset import FileInstance, FileSet

import demo_dicom as dd
import demo_phantom as ph
import demo_studies as studies

CD_STUDY = dd.StudyInfo("cd", "Phantom^CD", "FEN-CD-001", "19650606", "F",
                        "Exported CD with CT and MR", time="131500")


@contextlib.contextmanager
def file_ids_under(folder):
    """pydicom names files PTxxxxxx/STxxxxxx/SExxxxxx/IMxxxxxx under the DICOMDIR; IHE PDI
    wants them under DICOM/. FileSet has no option for a prefix, so wrap the File ID it
    computes while writing."""
    original = FileInstance.FileID
    FileInstance.FileID = property(lambda self: os.path.join(folder, original.fget(self)))
    try:
        yield
    finally:
        FileInstance.FileID = original


def write_cd(out_root, ct_grid, mr_size, mr_spacing):
    cd_dir = os.path.join(out_root, "cd")
    with tempfile.TemporaryDirectory() as staging:
        ct_series = dd.SeriesInfo(CD_STUDY, "ct", 1, "CT phantom for CD", "CT", dd.CT_IMAGE)
        ct_records = studies.write_ct_series(ct_series, ct_grid, os.path.join(staging, "ct"),
                                             [ct_grid.z(k) for k in range(ct_grid.slices)])
        mr = studies.write_mr_study(staging, mr_size, mr_spacing, study=CD_STUDY, subdir="mr")
        fileset = FileSet()
        fileset.ID = "FENESTRA_DEMO"
        fileset.UID = dd.make_uid(CD_STUDY.key, "fileset")  # pydicom would pick a random one
        for sub in ("ct", "mr"):
            for name in sorted(os.listdir(os.path.join(staging, sub))):
                fileset.add(os.path.join(staging, sub, name))
        with file_ids_under("DICOM"):
            fileset.write(cd_dir)
    return cd_manifest(cd_dir, ct_series, ct_grid, ct_records, mr)


def cd_manifest(cd_dir, ct_series, ct_grid, ct_records, mr):
    reread = FileSet(os.path.join(cd_dir, "DICOMDIR"))
    files = sorted(os.path.relpath(i.path, cd_dir) for i in reread)
    for path in files:
        parts = path.split(os.sep)
        if parts[0] != "DICOM" or any(len(p) > 8 or p != p.upper() or "." in p for p in parts):
            raise RuntimeError(f"CD file id {path} is not IHE PDI conformant")
    mr_series = mr["series"][0]
    by_series = {}
    for instance in reread:
        by_series.setdefault(str(instance.SeriesInstanceUID), []).append(
            os.path.relpath(instance.path, cd_dir))
    return {
        "study": CD_STUDY.manifest(),
        "directory": "cd",
        "dicomdir": "cd/DICOMDIR",
        "expected_files": len(files),
        "files": files,
        "series": [
            {"series_instance_uid": str(ct_series.series_uid), "modality": "CT",
             "expected_instances": len(ct_records), "geometry": ct_grid.manifest(),
             "transfer_syntax": "1.2.840.10008.1.2.1",
             "files": sorted(by_series[str(ct_series.series_uid)])},
            {"series_instance_uid": mr_series["series_instance_uid"], "modality": "MR",
             "expected_instances": mr_series["expected_files"],
             "geometry": mr_series["geometry"], "transfer_syntax": "1.2.840.10008.1.2.1",
             "files": sorted(by_series[mr_series["series_instance_uid"]])},
        ],
    }



CD_CT_GRID_DEMO = ph.AxialGrid(128, 2.0, 60, 5.0, -150.0, 5.0)
CD_CT_GRID_TEST = ph.AxialGrid(32, 8.0, 10, 30.0, -135.0, 5.0)
