#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace fenestra::bench {

// One measured load of a series folder, taken inside the process that did the work.
struct LoadMeasurement
{
    double wallMs = 0;                     // the load itself, without process start-up
    long baselineKb = 0;                   // VmRSS before the load (libraries, Qt, VTK)
    long peakKb = 0;                       // VmHWM after the load: the process's peak resident set
    std::optional<std::uint64_t> checksum; // of the volume's modality values, when one is built
    long long voxels = 0;
    QString detail; // dimensions, or an error
};

// Reads every file of the folder into memory, one after the other, and drops it: the I/O floor.
LoadMeasurement measurePlainRead(const QString& folder);

// importPaths + buildDisplaySets + loadVolume on the global thread pool.
LoadMeasurement measureFenestra(const QString& folder);

// gdcm::IPPSorter (file order along the slice normal) + vtkGDCMImageReader into one
// vtkImageData, rows in file order (FileLowerLeft on), rescale applied by the reader.
LoadMeasurement measureVtkGdcm(const QString& folder);

// A FNV-1a hash over each voxel's modality value (stored * slope + intercept, rounded, as a
// 32-bit integer), in the order i fastest, then j, then k; equal volumes hash equally whatever
// the storage type.
class VoxelHash
{
public:
    void add(double modalityValue);
    std::uint64_t value() const { return m_hash; }

private:
    std::uint64_t m_hash = 14695981039346656037ull;
};

} // namespace fenestra::bench
