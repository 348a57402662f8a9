#pragma once

#include "core/dicommodel.h"
#include "core/errors.h"
#include "core/pixelbuffer.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace fenestra::viewer {

// A DICOM object to read: a file on disk, or bytes already in memory (an archive member, a
// part received from the network). `name` identifies it in errors and in InstanceInfo::source.
struct DicomSource
{
    QString name;
    QString path;     // read from disk when bytes is empty
    QByteArray bytes; // Part 10 file, or a data set without meta header

    static DicomSource fromFile(const QString& path) { return {path, path, {}}; }
    static DicomSource fromBytes(QByteArray bytes, const QString& name)
    {
        return {name, {}, std::move(bytes)};
    }
};

// Reads the attributes of an object, stopping before its pixel data (fast: a folder scan
// reads only headers). Objects without pixels (SR, KOS, PR, RT) succeed with their kind set.
//
// Thread contract: reentrant; call from any thread.
Result<InstanceInfo> readDicomHeader(const DicomSource& source);

// Reads an object's attributes from DICOM JSON (PS3.18 F.2), as an archive's metadata endpoint
// returns them, through the same parser as readDicomHeader. The pixel data's bytes are not in
// the JSON: an image is described (format, geometry, windows) with hasPixelData set, ready for
// its bytes to arrive later. `name` becomes InstanceInfo::source.
//
// Thread contract: reentrant; call from any thread.
Result<InstanceInfo> readDicomJsonHeader(const QJsonObject& object, const QString& name);

// Decodes every frame of an object's pixel data into the normalised layout of PixelBuffer.
// Handles every transfer syntax GDCM 3.0 decodes, plus HTJ2K through OpenJPEG.
//
// Thread contract: reentrant; call from any thread.
Result<PixelBuffer> decodeDicomPixels(const DicomSource& source);

} // namespace fenestra::viewer
