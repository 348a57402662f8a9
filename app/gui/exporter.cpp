#include "exporter.h"

#include "widgets/imageview.h"

#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace fenestra::app {

namespace {

QString save(const QImage& image, const QString& file, const QString& format)
{
    if (image.isNull())
        return Exporter::tr("Nothing to export: the image is not loaded.");
    QSaveFile out(file);
    const QByteArray fmt = format.toLower() == QLatin1String("png") ? "PNG" : "JPEG";
    if (!out.open(QIODevice::WriteOnly) || !image.save(&out, fmt.constData(), 95) || !out.commit())
        return Exporter::tr("Could not write %1: %2")
            .arg(QDir::toNativeSeparators(file), out.errorString());
    return {};
}

} // namespace

QString Exporter::fileNameFor(int index, const QString& format)
{
    return QStringLiteral("image-%1.%2").arg(index + 1, 4, 10, QLatin1Char('0')).arg(format);
}

QString Exporter::run(viewer::ImageView& view, const ExportRequest& request,
                      const std::function<bool(int, int)>& progress)
{
    if (!view.hasDisplaySet())
        return tr("Nothing to export: the view is empty.");
    if (request.scope == ExportScope::CurrentView)
        return save(view.renderToImage(request.withAnnotations), request.target, request.format);
    if (!QDir().mkpath(request.target))
        return tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(request.target));
    const QDir dir(request.target);
    const int total = view.frameCount();
    for (int i = 0; i < total; ++i) {
        if (progress && !progress(i, total))
            return tr("Export cancelled.");
        const QString error = save(view.renderFrameImage(i, request.withAnnotations),
                                   dir.filePath(fileNameFor(i, request.format)), request.format);
        if (!error.isEmpty())
            return error;
    }
    if (progress)
        progress(total, total);
    return {};
}

void Exporter::copyToClipboard(viewer::ImageView& view, bool withAnnotations)
{
    const QImage image = view.renderToImage(withAnnotations);
    if (!image.isNull())
        QApplication::clipboard()->setImage(image);
}

} // namespace fenestra::app
