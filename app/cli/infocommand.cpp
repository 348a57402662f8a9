#include "infocommand.h"

#include "dicom/dicomreader.h"
#include "infojson.h"
#include "media/importer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QMutex>
#include <QTextStream>
#include <QtConcurrent/QtConcurrentMap>

namespace fenestra::app {

using namespace fenestra::viewer;

namespace {

struct InfoText
{
    Q_DECLARE_TR_FUNCTIONS(InfoCommand)
};

struct Decoded
{
    QHash<QString, QStringList> hashes;
    QHash<QString, FileError> errors;
};

// Decodes every image in parallel and hashes each frame's bytes (normalised stored values).
Decoded decodeAll(const StudyLibrary& library)
{
    Decoded decoded;
    QMutex mutex;
    QtConcurrent::blockingMap(
        library.instances(), [&](const std::shared_ptr<const InstanceInfo>& i) {
            if (!i->hasPixelData)
                return;
            auto pixels = decodeDicomPixels(DicomSource{i->source, i->localPath, {}});
            QStringList hashes;
            if (pixels) {
                for (int f = 0; f < pixels->frameCount(); ++f) {
                    const auto frame = pixels->frame(f);
                    hashes.append(QString::fromLatin1(
                        QCryptographicHash::hash(
                            QByteArrayView(reinterpret_cast<const char*>(frame.data()),
                                           static_cast<qsizetype>(frame.size())),
                            QCryptographicHash::Sha256)
                            .toHex()));
                }
            }
            const QMutexLocker lock(&mutex);
            if (pixels)
                decoded.hashes.insert(i->sopInstanceUid, hashes);
            else
                decoded.errors.insert(i->sopInstanceUid, FileError{i->source, pixels.error()});
        });
    return decoded;
}

QString geometryLine(const DisplaySet& ds, int index)
{
    QString line = InfoText::tr("Display set %1: %2 x %3, %4 frames, %5")
                       .arg(index + 1)
                       .arg(ds.format.columns)
                       .arg(ds.format.rows)
                       .arg(ds.frames.size())
                       .arg(photometricToString(ds.format.photometric));
    if (ds.isSpatial && !ds.frames.empty()) {
        const ImagePlane& p = ds.frames.front().info().plane;
        line += InfoText::tr(", spacing %1 x %2 x %3 mm, normal (%4, %5, %6)")
                    .arg(p.columnSpacing, 0, 'f', 3)
                    .arg(p.rowSpacing, 0, 'f', 3)
                    .arg(ds.sliceSpacing, 0, 'f', 3)
                    .arg(ds.normal.x, 0, 'f', 3)
                    .arg(ds.normal.y, 0, 'f', 3)
                    .arg(ds.normal.z, 0, 'f', 3);
    }
    for (const SpacingIssue& issue : ds.spacingIssues) {
        const QString kind = issue.kind == SpacingIssueKind::Gap ? InfoText::tr("gap")
                             : issue.kind == SpacingIssueKind::Irregular
                                 ? InfoText::tr("irregular spacing")
                                 : InfoText::tr("duplicate position");
        line += InfoText::tr("; %1 after frame %2: %3 mm (expected %4 mm)")
                    .arg(kind)
                    .arg(issue.afterFrame + 1)
                    .arg(issue.actual, 0, 'f', 2)
                    .arg(issue.expected, 0, 'f', 2);
    }
    return line;
}

void printSeries(QTextStream& out, const SeriesNode& s)
{
    out << "    "
        << InfoText::tr("Series %1 %2 \"%3\" %4: %5 objects")
               .arg(s.info.number)
               .arg(s.info.modality, s.info.description, s.info.instanceUid)
               .arg(s.instances.size())
        << '\n';
    for (std::size_t d = 0; d < s.displaySets.size(); ++d)
        out << "      " << geometryLine(s.displaySets[d], static_cast<int>(d)) << '\n';
    for (const auto& i : s.instances) {
        if (!i->hasPixelData)
            out << "      "
                << InfoText::tr("%1 (no pixels): %2").arg(objectKindToString(i->kind), i->source)
                << '\n';
    }
}

void printText(QTextStream& out, const ImportResult& result, const Decoded& decoded)
{
    for (const PatientNode& p : result.library.tree()) {
        out << InfoText::tr("Patient %1, ID %2, born %3, sex %4")
                   .arg(p.info.name, p.info.id, p.info.birthDate, p.info.sex)
            << '\n';
        for (const StudyNode& st : p.studies) {
            out << "  "
                << InfoText::tr("Study %1 \"%2\" %3")
                       .arg(st.info.date, st.info.description, st.info.instanceUid)
                << '\n';
            for (const SeriesNode& s : st.series)
                printSeries(out, s);
        }
    }
    if (result.library.duplicateCount() > 0)
        out << InfoText::tr("%1 duplicate objects ignored").arg(result.library.duplicateCount())
            << '\n';
    for (const QString& warning : result.warnings)
        out << InfoText::tr("Warning: %1").arg(warning) << '\n';
    for (const FileError& e : result.library.errors())
        out << InfoText::tr("Error: %1: %2").arg(e.source, e.error.toString()) << '\n';
    for (const FileError& e : decoded.errors)
        out << InfoText::tr("Error: %1: %2").arg(e.source, e.error.toString()) << '\n';
}

} // namespace

int runInfoCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        InfoText::tr("Describe DICOM files, folders, media and archives."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 InfoText::tr("Files, folders, DICOMDIR or zip archives."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  InfoText::tr("Print JSON with frame hashes."));
    parser.addOption(json);
    parser.process(arguments);
    const QStringList paths = parser.positionalArguments();
    QTextStream err(stderr);
    if (paths.isEmpty()) {
        err << InfoText::tr("fenestra info: no path given") << '\n';
        return 1;
    }
    const ImportResult result = importPaths(paths);
    const Decoded decoded = decodeAll(result.library);
    QTextStream out(stdout);
    if (parser.isSet(json))
        out << QJsonDocument(infoToJson(result, decoded.hashes, decoded.errors)).toJson();
    else
        printText(out, result, decoded);
    if (result.library.instances().empty())
        return 1;
    return result.library.errors().empty() && decoded.errors.isEmpty() ? 0 : 2;
}

} // namespace fenestra::app
