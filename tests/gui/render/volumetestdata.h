#pragma once

// Volumes for the 3D tests: the generated CT phantom (manifest.json describes its solids) and
// synthetic volumes built in memory from a function of the voxel index.

#include "core/displayset.h"
#include "core/volume.h"
#include "media/importer.h"
#include "media/volumeloader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>
#include <functional>
#include <memory>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace fenestra::viewer::testdata {

inline QJsonObject ctSeries()
{
    QFile file(QDir(QStringLiteral(FENESTRA_TEST_DATA)).filePath(QStringLiteral("manifest.json")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no manifest.json in %s: run the generate_test_data test first", FENESTRA_TEST_DATA);
    const QJsonObject manifest = QJsonDocument::fromJson(file.readAll()).object();
    return manifest["studies"]["ct"]["series"][0].toObject();
}

inline QJsonObject sphere(const QJsonObject& series, const QString& name)
{
    for (const QJsonValue& s : series["phantom"]["spheres"].toArray())
        if (s["name"].toString() == name)
            return s.toObject();
    qFatal("no sphere %s in the manifest", qPrintable(name));
}

inline Vec3 vec3(const QJsonValue& value)
{
    const QJsonArray a = value.toArray();
    return {a[0].toDouble(), a[1].toDouble(), a.size() > 2 ? a[2].toDouble() : 0.0};
}

// The CT phantom, every slice loaded; nullptr when it cannot be read.
inline std::shared_ptr<Volume> loadPhantom()
{
    const ImportResult imported =
        importPaths({QDir(QStringLiteral(FENESTRA_TEST_DATA)).filePath(QStringLiteral("ct"))});
    if (!imported.library.errors().empty() || imported.library.tree().empty())
        return nullptr;
    const DisplaySet set =
        imported.library.tree().at(0).studies.at(0).series.at(0).displaySets.at(0);
    auto loaded = loadVolume(set);
    if (!loaded || !loaded->errors.empty())
        return nullptr;
    return loaded->volume;
}

struct SyntheticGeometry
{
    int columns = 32, rows = 32, slices = 32;
    double columnSpacing = 1.0, rowSpacing = 1.0, sliceSpacing = 1.0;
    Vec3 origin;
    Vec3 rowDirection{1, 0, 0};
    Vec3 columnDirection{0, 1, 0};
    Rescale rescale;
};

// A signed 16-bit volume whose voxel (i, j, k) holds storedValue(i, j, k); every slice is
// loaded unless `loadSlice` says otherwise (unloaded slices keep the lowest value).
inline std::shared_ptr<Volume> makeVolume(const SyntheticGeometry& g,
                                          const std::function<qint16(int, int, int)>& storedValue,
                                          const std::function<bool(int)>& loadSlice = {})
{
    auto instance = std::make_shared<InstanceInfo>();
    const Vec3 normal = g.rowDirection.cross(g.columnDirection).normalized();
    for (int k = 0; k < g.slices; ++k) {
        FrameInfo frame;
        frame.plane.position = g.origin + normal * (k * g.sliceSpacing);
        frame.plane.rowDirection = g.rowDirection;
        frame.plane.columnDirection = g.columnDirection;
        frame.plane.rowSpacing = g.rowSpacing;
        frame.plane.columnSpacing = g.columnSpacing;
        frame.plane.hasPosition = true;
        frame.plane.hasOrientation = true;
        frame.rescale = g.rescale;
        instance->frames.push_back(frame);
    }
    DisplaySet set;
    set.format.rows = g.rows;
    set.format.columns = g.columns;
    set.format.isSigned = true;
    set.isSpatial = true;
    set.normal = normal;
    set.sliceSpacing = g.sliceSpacing;
    for (int k = 0; k < g.slices; ++k)
        set.frames.push_back({instance, k});
    auto created = Volume::create(set);
    if (!created)
        qFatal("synthetic volume: %s", qPrintable(created.error().toString()));
    std::shared_ptr<Volume> volume = *created;
    for (int k = 0; k < g.slices; ++k) {
        if (loadSlice && !loadSlice(k))
            continue;
        auto* out = reinterpret_cast<qint16*>(volume->slice(k).data());
        for (int j = 0; j < g.rows; ++j)
            for (int i = 0; i < g.columns; ++i)
                out[j * g.columns + i] = storedValue(i, j, k);
        volume->markLoaded(k);
    }
    return volume;
}

// Runs `create` while glibc fills every fresh heap allocation with `byte` (M_PERTURB): memory
// left as allocated then reads as that pattern instead of whatever the heap happened to hold,
// so a check that unloaded slices read as the lowest value fails every time they do not.
template <class F> auto withDirtyAllocations(unsigned char byte, F create)
{
#ifdef __GLIBC__
    mallopt(M_PERTURB, byte ^ 0xff); // glibc fills allocations with perturb ^ 0xff
    auto result = create();
    mallopt(M_PERTURB, 0);
    return result;
#else
    return create();
#endif
}

} // namespace fenestra::viewer::testdata
