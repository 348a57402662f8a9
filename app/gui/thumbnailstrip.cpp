#include "thumbnailstrip.h"

#include "dicom/dicomreader.h"
#include "errortext.h"
#include "image/framerenderer.h"

#include <QEvent>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPainter>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

namespace fenestra::app {

using namespace fenestra::viewer;

namespace {

constexpr int kKeyRole = Qt::UserRole + 1;
constexpr int kProgressRole = Qt::UserRole + 2;
constexpr int kImageRole = Qt::UserRole + 3;
constexpr int kLabelRole = Qt::UserRole + 4;
constexpr int kFrameCountRole = Qt::UserRole + 5;
constexpr int kCellWidth = ThumbnailStrip::kThumbnailSize + 24;

// What a worker renders: the middle frame of one display set.
struct Job
{
    std::shared_ptr<const InstanceInfo> instance;
    int frame = 0;
};

// The displayed shape of a frame: columns x rows stretched by the pixel spacing, if any.
QSizeF physicalSize(const InstanceInfo& instance, int frame, QSize pixels)
{
    const auto index = static_cast<std::size_t>(frame);
    if (instance.frames.empty())
        return pixels;
    const ImagePlane& plane = instance.frames[std::min(index, instance.frames.size() - 1)].plane;
    if (plane.spacingSource == SpacingSource::None || plane.rowSpacing <= 0 ||
        plane.columnSpacing <= 0)
        return pixels;
    return {pixels.width() * plane.columnSpacing, pixels.height() * plane.rowSpacing};
}

QImage renderThumbnail(const Job& job, QString* error)
{
    auto pixels = decodeDicomPixels(DicomSource{job.instance->source, job.instance->localPath, {}});
    if (!pixels) {
        *error = describeError(pixels.error());
        return {};
    }
    RenderOptions options;
    options.window = defaultWindow(*job.instance, job.frame, *pixels);
    const QImage full = renderFrame(*job.instance, *pixels, job.frame, options);
    if (full.isNull()) {
        *error = describeError(Error{ErrorCode::FrameOutOfRange, {}});
        return {};
    }
    const QSize target = physicalSize(*job.instance, job.frame, full.size())
                             .scaled(ThumbnailStrip::kThumbnailSize, ThumbnailStrip::kThumbnailSize,
                                     Qt::KeepAspectRatio)
                             .toSize()
                             .expandedTo(QSize(1, 1));
    return full.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

QPixmap placeholder()
{
    QPixmap pixmap(ThumbnailStrip::kThumbnailSize, ThumbnailStrip::kThumbnailSize);
    pixmap.fill(QColor(40, 40, 40));
    return pixmap;
}

// Draws the item as usual, then a progress bar over the lower edge of its thumbnail.
class ProgressDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const QVariant progress = index.data(kProgressRole);
        if (!progress.isValid())
            return;
        const int size = ThumbnailStrip::kThumbnailSize;
        const QRect icon(option.rect.center().x() - size / 2, option.rect.top() + 2, size, size);
        const QRect bar(icon.left() + 4, icon.bottom() - 10, icon.width() - 8, 7);
        painter->save();
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0, 0, 0, 170));
        painter->drawRect(bar);
        QRect done = bar.adjusted(1, 1, -1, -1);
        done.setWidth(static_cast<int>(done.width() * progress.toDouble()));
        painter->setBrush(option.palette.color(QPalette::Highlight));
        painter->drawRect(done);
        painter->restore();
    }
};

} // namespace

struct ThumbnailStrip::Rendered
{
    QImage image;
    QString error;
};

ThumbnailStrip::ThumbnailStrip(QWidget* parent) : QWidget(parent)
{
    m_list = new QListWidget(this);
    m_list->setViewMode(QListView::IconMode);
    m_list->setMovement(QListView::Static);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setWrapping(false);
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(true);
    m_list->setIconSize(QSize(kThumbnailSize, kThumbnailSize));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setItemDelegate(new ProgressDelegate(m_list));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    connect(m_list, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { emit activated(item->data(kKeyRole).toString()); });
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { emit activated(item->data(kKeyRole).toString()); });
    setOrientation(Qt::Horizontal);
    m_list->setAccessibleName(tr("Series thumbnails"));
    setAccessibleName(tr("Series thumbnails"));
}

ThumbnailStrip::~ThumbnailStrip()
{
    cancelRendering();
}

QString ThumbnailStrip::keyFor(const DisplaySet& displaySet)
{
    return displaySet.seriesInstanceUid + QLatin1Char('#') +
           QString::number(displaySet.indexInSeries);
}

void ThumbnailStrip::setOrientation(Qt::Orientation orientation)
{
    m_orientation = orientation;
    m_list->setFlow(orientation == Qt::Horizontal ? QListView::LeftToRight
                                                  : QListView::TopToBottom);
    updateGeometryForOrientation();
}

void ThumbnailStrip::updateGeometryForOrientation()
{
    // Room for the thumbnail and three lines of label.
    const int cellHeight = kThumbnailSize + 3 * fontMetrics().height() + 12;
    m_list->setGridSize(QSize(kCellWidth, cellHeight));
    const int frame = 2 * m_list->frameWidth();
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    if (m_orientation == Qt::Horizontal) {
        m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        m_list->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setMinimumSize(kCellWidth + frame, cellHeight + frame);
        setMaximumSize(QWIDGETSIZE_MAX, cellHeight + frame + scrollBar);
    } else {
        m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_list->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        setMinimumSize(kCellWidth + frame, cellHeight + frame);
        setMaximumSize(kCellWidth + frame + scrollBar, QWIDGETSIZE_MAX);
    }
}

namespace {

QString itemText(const QString& label, int frameCount)
{
    return ThumbnailStrip::tr("%1\n%n images", nullptr, frameCount).arg(label);
}

QString derivedLabel(const DisplaySet& displaySet)
{
    if (displaySet.frames.empty())
        return {};
    const SeriesInfo& series = displaySet.frames.front().instance->series;
    QString label = series.description.isEmpty()
                        ? ThumbnailStrip::tr("Series %1").arg(series.number)
                        : series.description;
    if (displaySet.indexInSeries > 0)
        label = ThumbnailStrip::tr("%1 (part %2)").arg(label).arg(displaySet.indexInSeries + 1);
    return label;
}

} // namespace

void ThumbnailStrip::setDisplaySets(const std::vector<ThumbnailEntry>& entries)
{
    clear();
    const QPixmap empty = placeholder();
    std::vector<Job> jobs;
    jobs.reserve(entries.size());
    for (const ThumbnailEntry& entry : entries) {
        const DisplaySet& ds = entry.displaySet;
        const QString label = entry.label.isEmpty() ? derivedLabel(ds) : entry.label;
        const int frameCount = static_cast<int>(ds.frames.size());
        auto* item = new QListWidgetItem(QIcon(empty), itemText(label, frameCount), m_list);
        item->setData(kKeyRole, entry.key);
        item->setData(kLabelRole, label);
        item->setData(kFrameCountRole, frameCount);
        item->setToolTip(label);
        item->setTextAlignment(Qt::AlignHCenter | Qt::AlignTop);
        const FrameRef* middle = ds.frames.empty() ? nullptr : &ds.frames[ds.frames.size() / 2];
        jobs.push_back(middle != nullptr ? Job{middle->instance, middle->frame} : Job{});
    }
    m_watcher = std::make_unique<QFutureWatcher<Rendered>>();
    connect(m_watcher.get(), &QFutureWatcher<Rendered>::resultReadyAt, this,
            &ThumbnailStrip::resultReady);
    connect(m_watcher.get(), &QFutureWatcher<Rendered>::finished, this,
            &ThumbnailStrip::renderingFinished);
    // Workers get copies (shared instances): nothing they touch belongs to the strip.
    m_watcher->setFuture(
        QtConcurrent::mapped(QThreadPool::globalInstance(), std::move(jobs), [](const Job& job) {
            Rendered result;
            if (job.instance != nullptr)
                result.image = renderThumbnail(job, &result.error);
            return result;
        }));
}

void ThumbnailStrip::addEntry(const QString& key, const QString& label, int frameCount)
{
    if (itemFor(key) != nullptr)
        return;
    auto* item = new QListWidgetItem(QIcon(placeholder()), itemText(label, frameCount), m_list);
    item->setData(kKeyRole, key);
    item->setData(kLabelRole, label);
    item->setData(kFrameCountRole, frameCount);
    item->setToolTip(label);
    item->setTextAlignment(Qt::AlignHCenter | Qt::AlignTop);
}

void ThumbnailStrip::setThumbnail(const QString& key, const QImage& image)
{
    QListWidgetItem* item = itemFor(key);
    if (item == nullptr || image.isNull())
        return;
    const QImage scaled =
        image.scaled(kThumbnailSize, kThumbnailSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    item->setIcon(QIcon(QPixmap::fromImage(scaled)));
    item->setData(kImageRole, scaled);
    emit thumbnailReady(key);
}

void ThumbnailStrip::resultReady(int index)
{
    QListWidgetItem* item = m_list->item(index);
    if (item == nullptr || m_watcher == nullptr)
        return;
    const Rendered rendered = m_watcher->resultAt(index);
    if (rendered.image.isNull()) {
        item->setToolTip(item->data(kLabelRole).toString() + QLatin1Char('\n') + rendered.error);
        return;
    }
    const QPixmap pixmap = QPixmap::fromImage(rendered.image);
    QIcon icon(pixmap);
    icon.addPixmap(pixmap, QIcon::Selected); // the image as it is, not tinted by the selection
    item->setIcon(icon);
    item->setData(kImageRole, rendered.image);
    emit thumbnailReady(item->data(kKeyRole).toString());
}

void ThumbnailStrip::cancelRendering()
{
    if (m_watcher == nullptr)
        return;
    // Queued results of the old batch must not reach the new items: drop the watcher itself.
    m_watcher->disconnect(this);
    m_watcher->cancel();
    m_watcher.reset();
}

void ThumbnailStrip::clear()
{
    cancelRendering();
    m_list->clear();
}

int ThumbnailStrip::count() const
{
    return m_list->count();
}

QStringList ThumbnailStrip::keys() const
{
    QStringList result;
    for (int i = 0; i < m_list->count(); ++i)
        result.append(m_list->item(i)->data(kKeyRole).toString());
    return result;
}

QListWidgetItem* ThumbnailStrip::itemFor(const QString& key) const
{
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(kKeyRole).toString() == key)
            return m_list->item(i);
    return nullptr;
}

QImage ThumbnailStrip::thumbnail(const QString& key) const
{
    const QListWidgetItem* item = itemFor(key);
    return item != nullptr ? item->data(kImageRole).value<QImage>() : QImage();
}

bool ThumbnailStrip::isRendering() const
{
    return m_watcher != nullptr && m_watcher->isRunning();
}

void ThumbnailStrip::setProgress(const QString& key, double fraction)
{
    QListWidgetItem* item = itemFor(key);
    if (item == nullptr)
        return;
    if (fraction >= 0.0 && fraction < 1.0)
        item->setData(kProgressRole, fraction);
    else
        item->setData(kProgressRole, QVariant());
}

double ThumbnailStrip::progress(const QString& key) const
{
    const QListWidgetItem* item = itemFor(key);
    const QVariant value = item != nullptr ? item->data(kProgressRole) : QVariant();
    return value.isValid() ? value.toDouble() : -1.0;
}

void ThumbnailStrip::setCurrent(const QString& key)
{
    QListWidgetItem* item = itemFor(key);
    if (item == nullptr)
        return;
    m_list->setCurrentItem(item);
    m_list->scrollToItem(item);
}

QString ThumbnailStrip::currentKey() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item != nullptr ? item->data(kKeyRole).toString() : QString();
}

void ThumbnailStrip::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_list->setAccessibleName(tr("Series thumbnails"));
        setAccessibleName(tr("Series thumbnails"));
        for (int i = 0; i < m_list->count(); ++i) {
            QListWidgetItem* item = m_list->item(i);
            item->setText(
                itemText(item->data(kLabelRole).toString(), item->data(kFrameCountRole).toInt()));
        }
    } else if (event->type() == QEvent::FontChange) {
        updateGeometryForOrientation();
    }
    QWidget::changeEvent(event);
}

} // namespace fenestra::app
