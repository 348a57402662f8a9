#include "exportcommand.h"

#include "dicom/dicomreader.h"
#include "image/framerenderer.h"
#include "media/importer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QImage>
#include <QTextStream>

namespace fenestra::app {

using namespace fenestra::viewer;

namespace {

struct ExportText
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
};

const DisplaySet* findDisplaySet(const std::vector<PatientNode>& tree, const QString& seriesUid)
{
    for (const PatientNode& p : tree)
        for (const StudyNode& st : p.studies)
            for (const SeriesNode& s : st.series)
                if (s.info.instanceUid == seriesUid && !s.displaySets.empty())
                    return &s.displaySets.front();
    return nullptr;
}

std::optional<WindowLevel> parseWindow(const QString& text, bool& ok)
{
    ok = true;
    if (text.isEmpty())
        return std::nullopt;
    const QStringList parts = text.split(QLatin1Char(','));
    bool okCenter = false;
    bool okWidth = false;
    const double center = parts.value(0).toDouble(&okCenter);
    const double width = parts.value(1).toDouble(&okWidth);
    ok = parts.size() == 2 && okCenter && okWidth && width > 0;
    return WindowLevel{center, width};
}

struct ExportRequest
{
    QStringList paths;
    QString seriesUid;
    int frame = 1;
    std::optional<WindowLevel> window;
    QString out;
};

int render(const ExportRequest& request, QTextStream& err)
{
    const ImportResult imported = importPaths(request.paths);
    const std::vector<PatientNode> tree = imported.library.tree();
    const DisplaySet* ds = findDisplaySet(tree, request.seriesUid);
    if (ds == nullptr) {
        err << ExportText::tr("fenestra export: no images of series %1").arg(request.seriesUid)
            << '\n';
        return 1;
    }
    if (request.frame < 1 || request.frame > static_cast<int>(ds->frames.size())) {
        err << ExportText::tr("fenestra export: image %1 out of range 1..%2")
                   .arg(request.frame)
                   .arg(ds->frames.size())
            << '\n';
        return 1;
    }
    const FrameRef& ref = ds->frames[static_cast<std::size_t>(request.frame - 1)];
    auto pixels = decodeDicomPixels(DicomSource{ref.instance->source, ref.instance->localPath, {}});
    if (!pixels) {
        err << ExportText::tr("fenestra export: %1: %2")
                   .arg(ref.instance->source, pixels.error().toString())
            << '\n';
        return 1;
    }
    RenderOptions options;
    options.window = request.window;
    const QImage image = renderFrame(*ref.instance, *pixels, ref.frame, options);
    if (image.isNull() || !image.save(request.out)) {
        err << ExportText::tr("fenestra export: cannot write %1").arg(request.out) << '\n';
        return 1;
    }
    return 0;
}

} // namespace

int runExportCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        ExportText::tr("Render one image of a series to PNG or JPEG."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 ExportText::tr("Files, folders, DICOMDIR or zip archives."));
    const QCommandLineOption series(QStringLiteral("series"),
                                    ExportText::tr("Series Instance UID."), QStringLiteral("uid"));
    const QCommandLineOption frame(QStringLiteral("frame"),
                                   ExportText::tr("Image number in display order, from 1."),
                                   QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption window(QStringLiteral("window"),
                                    ExportText::tr("Window center and width."),
                                    QStringLiteral("center,width"));
    const QCommandLineOption out(QStringLiteral("out"), ExportText::tr("Output image file."),
                                 QStringLiteral("file"));
    parser.addOptions({series, frame, window, out});
    parser.process(arguments);
    QTextStream err(stderr);

    ExportRequest request;
    request.paths = parser.positionalArguments();
    request.seriesUid = parser.value(series);
    request.out = parser.value(out);
    bool frameOk = false;
    request.frame = parser.value(frame).toInt(&frameOk);
    bool windowOk = false;
    request.window = parseWindow(parser.value(window), windowOk);
    if (request.paths.isEmpty() || request.seriesUid.isEmpty() || request.out.isEmpty() ||
        !frameOk || !windowOk) {
        err << ExportText::tr("usage: fenestra export PATH... --series UID [--frame N] "
                              "[--window CENTER,WIDTH] --out FILE.png")
            << '\n';
        return 1;
    }
    return render(request, err);
}

} // namespace fenestra::app
