#pragma once

#include "core/displayset.h"

#include <QImage>
#include <QWidget>

#include <memory>
#include <vector>

class QListWidget;
class QListWidgetItem;
template <typename T> class QFutureWatcher;

namespace fenestra::app {

// One display set to show as a thumbnail.
struct ThumbnailEntry
{
    QString key;   // see ThumbnailStrip::keyFor()
    QString label; // e.g. the series description; empty: derived from the series
    viewer::DisplaySet displaySet;
};

// The display sets of the open studies as a row (or column) of thumbnails: the middle image of
// each, in its default window, at most kThumbnailSize pixels on its longer side (pixel spacing
// honoured), its label and image count below. The images are decoded and rendered on the
// global thread pool; results come back through a watcher the strip owns, so a cleared or
// destroyed strip is never called back, and clear() cancels what has not started.
// setProgress() draws a progress bar over a thumbnail (series still arriving).
//
// Thread contract: GUI thread only.
class ThumbnailStrip : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kThumbnailSize = 96;

    explicit ThumbnailStrip(QWidget* parent = nullptr);
    ~ThumbnailStrip() override;

    // "<Series Instance UID>#<index in series>": unique among display sets.
    static QString keyFor(const viewer::DisplaySet& displaySet);

    // Horizontal (the default): one row, scrolling sideways; vertical: one column.
    void setOrientation(Qt::Orientation orientation);
    Qt::Orientation orientation() const { return m_orientation; }

    void setDisplaySets(const std::vector<ThumbnailEntry>& entries);
    void clear();

    int count() const;
    QStringList keys() const;                   // in display order
    QImage thumbnail(const QString& key) const; // null until rendered (or when it failed)
    bool isRendering() const;

    // An entry whose picture the caller supplies (a series streaming from an archive), added
    // after the others without touching them; setThumbnail() sets its picture, scaled.
    void addEntry(const QString& key, const QString& label, int frameCount);
    void setThumbnail(const QString& key, const QImage& image);
    bool contains(const QString& key) const { return itemFor(key) != nullptr; }

    // A fraction in [0, 1) shows a bar over the thumbnail; anything else removes it.
    void setProgress(const QString& key, double fraction);
    double progress(const QString& key) const; // -1 without a bar

    void setCurrent(const QString& key); // selects and scrolls to it; emits nothing
    QString currentKey() const;

    QListWidget* listWidget() const { return m_list; }

signals:
    // The user chose a thumbnail: click, Enter or double-click.
    void activated(const QString& key);
    void thumbnailReady(const QString& key);
    void renderingFinished();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Rendered;
    void cancelRendering();
    void resultReady(int index);
    QListWidgetItem* itemFor(const QString& key) const;
    void updateGeometryForOrientation();

    QListWidget* m_list = nullptr;
    Qt::Orientation m_orientation = Qt::Horizontal;
    std::unique_ptr<QFutureWatcher<Rendered>> m_watcher;
};

} // namespace fenestra::app
