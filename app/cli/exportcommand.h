#pragma once

#include <QStringList>

namespace fenestra::app {

// `fenestra export PATH... --series UID [--frame N] [--window CENTER,WIDTH] --out FILE.png`:
// renders image N (1-based, in display order; default 1) of the series' first display set
// through the viewer's 2D pipeline and writes it.
//
// With `--plane axial|coronal|sagittal [--offset MM] [--slab MM --slab-mode max|min|mean]`
// instead of --frame, loads the display set as a volume and writes a multiplanar reformat: the
// patient plane through the volume centre moved MM along its normal, optionally a thick slab
// (maximum, minimum or mean intensity), windowed like the series' own images.
//
// Returns the process exit code: 0 written, 1 usage error or nothing written (unknown series,
// a series that is not a volume, ...), 2 written but some slices of the volume failed to load.
// Thread contract: call from the main thread of a QCoreApplication.
int runExportCommand(const QStringList& arguments);

} // namespace fenestra::app
