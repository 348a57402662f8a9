#include "loadmethods.h"

#include "core/displayset.h"
#include "media/importer.h"
#include "media/volumeloader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <gdcmIPPSorter.h>
#include <vtkGDCMImageReader.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkStringArray.h>

#include <cmath>
#include <fstream>
#include <string>
#include <vector>

namespace fenestra::bench {

using namespace fenestra::viewer;

namespace {

long statusKb(const char* field)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(field) + ':';
    while (std::getline(status, line))
        if (line.rfind(prefix, 0) == 0)
            return std::stol(line.substr(prefix.size()));
    return -1;
}

QStringList filesOf(const QString& folder)
{
    QStringList files;
    const QDir dir(folder);
    for (const QString& name : dir.entryList(QDir::Files, QDir::Name))
        files.append(dir.filePath(name));
    return files;
}

template <class T>
void hashVoxels(VoxelHash& hash, const T* data, long long count, double slope, double intercept)
{
    for (long long i = 0; i < count; ++i)
        hash.add(data[i] * slope + intercept);
}

std::uint64_t hashVolume(const Volume& v)
{
    VoxelHash hash;
    const long long count = static_cast<long long>(v.columns()) * v.rows() * v.slices();
    const double slope = v.rescale().slope;
    const double intercept = v.rescale().intercept;
    const void* data = v.data();
    switch (v.scalarType()) {
    case ScalarType::UInt8:
        hashVoxels(hash, static_cast<const quint8*>(data), count, slope, intercept);
        break;
    case ScalarType::Int8:
        hashVoxels(hash, static_cast<const qint8*>(data), count, slope, intercept);
        break;
    case ScalarType::UInt16:
        hashVoxels(hash, static_cast<const quint16*>(data), count, slope, intercept);
        break;
    case ScalarType::Int16:
        hashVoxels(hash, static_cast<const qint16*>(data), count, slope, intercept);
        break;
    }
    return hash.value();
}

std::optional<std::uint64_t> hashImageData(vtkImageData* image, long long count)
{
    VoxelHash hash;
    void* data = image->GetScalarPointer();
    switch (image->GetScalarType()) {
    case VTK_UNSIGNED_CHAR:
        hashVoxels(hash, static_cast<const unsigned char*>(data), count, 1, 0);
        break;
    case VTK_SHORT:
        hashVoxels(hash, static_cast<const short*>(data), count, 1, 0);
        break;
    case VTK_UNSIGNED_SHORT:
        hashVoxels(hash, static_cast<const unsigned short*>(data), count, 1, 0);
        break;
    case VTK_INT:
        hashVoxels(hash, static_cast<const int*>(data), count, 1, 0);
        break;
    case VTK_FLOAT:
        hashVoxels(hash, static_cast<const float*>(data), count, 1, 0);
        break;
    case VTK_DOUBLE:
        hashVoxels(hash, static_cast<const double*>(data), count, 1, 0);
        break;
    default:
        return std::nullopt;
    }
    return hash.value();
}

} // namespace

void VoxelHash::add(double modalityValue)
{
    const auto v = static_cast<std::int32_t>(std::lround(modalityValue));
    for (int b = 0; b < 4; ++b) {
        m_hash ^= static_cast<std::uint64_t>((static_cast<std::uint32_t>(v) >> (8 * b)) & 0xffu);
        m_hash *= 1099511628211ull;
    }
}

LoadMeasurement measurePlainRead(const QString& folder)
{
    LoadMeasurement m;
    const QStringList files = filesOf(folder);
    m.baselineKb = statusKb("VmRSS");
    QElapsedTimer timer;
    timer.start();
    qint64 bytes = 0;
    for (const QString& path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            m.detail = QStringLiteral("cannot read %1").arg(path);
            return m;
        }
        bytes += file.readAll().size();
    }
    m.wallMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    m.peakKb = statusKb("VmHWM");
    m.detail =
        QStringLiteral("%1 files, %2 MB").arg(files.size()).arg(double(bytes) / 1e6, 0, 'f', 1);
    return m;
}

LoadMeasurement measureFenestra(const QString& folder)
{
    LoadMeasurement m;
    m.baselineKb = statusKb("VmRSS");
    QElapsedTimer timer;
    timer.start();
    const ImportResult imported = importPaths({folder});
    const std::vector<DisplaySet> sets = buildDisplaySets(imported.library.instances());
    if (sets.empty() || !imported.library.errors().empty()) {
        m.detail = QStringLiteral("import failed: %1 display sets, %2 errors")
                       .arg(sets.size())
                       .arg(imported.library.errors().size());
        return m;
    }
    auto loaded = loadVolume(sets.front());
    m.wallMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    m.peakKb = statusKb("VmHWM");
    if (!loaded || !loaded->errors.empty()) {
        m.detail = loaded ? loaded->errors.front().error.toString() : loaded.error().toString();
        return m;
    }
    const Volume& v = *loaded->volume;
    m.voxels = static_cast<long long>(v.columns()) * v.rows() * v.slices();
    m.checksum = hashVolume(v);
    m.detail = QStringLiteral("%1x%2x%3").arg(v.columns()).arg(v.rows()).arg(v.slices());
    return m;
}

LoadMeasurement measureVtkGdcm(const QString& folder)
{
    LoadMeasurement m;
    std::vector<std::string> names;
    for (const QString& path : filesOf(folder))
        names.push_back(QFile::encodeName(path).toStdString());
    m.baselineKb = statusKb("VmRSS");
    QElapsedTimer timer;
    timer.start();
    gdcm::IPPSorter sorter;
    sorter.SetComputeZSpacing(true);
    if (!sorter.Sort(names)) {
        m.detail = QStringLiteral("gdcm::IPPSorter failed");
        return m;
    }
    vtkNew<vtkStringArray> sorted;
    for (const std::string& name : sorter.GetFilenames())
        sorted->InsertNextValue(name);
    vtkNew<vtkGDCMImageReader> reader;
    reader->SetFileNames(sorted);
    reader->FileLowerLeftOn(); // keep DICOM row order; the default flips rows for VTK
    reader->Update();
    m.wallMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    m.peakKb = statusKb("VmHWM");
    vtkImageData* image = reader->GetOutput();
    int dims[3] = {0, 0, 0};
    image->GetDimensions(dims);
    m.voxels = static_cast<long long>(dims[0]) * dims[1] * dims[2];
    // The reader applies Rescale Slope/Intercept itself (its output holds modality values).
    m.checksum = hashImageData(image, m.voxels);
    m.detail = QStringLiteral("%1x%2x%3 %4, reader shift %5 scale %6")
                   .arg(dims[0])
                   .arg(dims[1])
                   .arg(dims[2])
                   .arg(QString::fromLatin1(image->GetScalarTypeAsString()))
                   .arg(reader->GetShift())
                   .arg(reader->GetScale());
    return m;
}

} // namespace fenestra::bench
