#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QString>

#include <functional>

namespace fenestra::viewer {
class ImageView;
}

namespace fenestra::app {

enum class ExportScope
{
    CurrentView,    // what the view shows now
    WholeDisplaySet // every frame of the view's display set, one file each
};

struct ExportRequest
{
    ExportScope scope = ExportScope::CurrentView;
    bool withAnnotations = true;
    QString format = QStringLiteral("png"); // "png" or "jpg"
    QString target;                         // a file for CurrentView, a folder for WholeDisplaySet
};

// Writes views to image files. File names carry no patient data: a whole display set goes to
// image-0001.png, image-0002.png ... in display order.
//
// Thread contract: GUI thread only (it renders through the view).
class Exporter
{
    Q_DECLARE_TR_FUNCTIONS(Exporter)

public:
    // Returns an empty string on success, else a translated message for the user.
    static QString run(viewer::ImageView& view, const ExportRequest& request,
                       const std::function<bool(int done, int total)>& progress = {});
    static void copyToClipboard(viewer::ImageView& view, bool withAnnotations);
    static QString fileNameFor(int index, const QString& format);
};

} // namespace fenestra::app
