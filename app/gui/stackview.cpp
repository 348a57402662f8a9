#include "stackview.h"

#include "dicom/dicomreader.h"
#include "errortext.h"

#include <QKeyEvent>
#include <QPainter>
#include <QWheelEvent>

namespace fenestra::app {

using namespace fenestra::viewer;

StackView::StackView(QWidget* parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Image stack"));
    setMinimumSize(256, 256);
    QPalette p = palette();
    p.setColor(QPalette::Window, Qt::black);
    setPalette(p);
    setAutoFillBackground(true);
}

void StackView::setDisplaySet(const DisplaySet& displaySet)
{
    m_displaySet = displaySet;
    m_cache.clear();
    m_error.clear();
    setCurrentIndex(static_cast<int>(m_displaySet.frames.size()) / 2);
}

void StackView::setCurrentIndex(int index)
{
    const int count = static_cast<int>(m_displaySet.frames.size());
    if (count == 0)
        return;
    m_index = std::clamp(index, 0, count - 1);
    emit statusChanged(tr("Image %1 of %2").arg(m_index + 1).arg(count));
    update();
}

QImage StackView::frameImage(int index)
{
    if (QImage* cached = m_cache.object(index))
        return *cached;
    const FrameRef& ref = m_displaySet.frames[static_cast<std::size_t>(index)];
    auto pixels = decodeDicomPixels(DicomSource{ref.instance->source, ref.instance->localPath, {}});
    if (!pixels) {
        m_error = tr("This image cannot be shown: %1").arg(describeError(pixels.error()));
        return {};
    }
    m_error.clear();
    auto* image = new QImage(renderFrame(*ref.instance, *pixels, ref.frame));
    const QImage copy = *image;
    m_cache.insert(index, image);
    return copy;
}

void StackView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (m_displaySet.frames.empty())
        return;
    const QImage image = frameImage(m_index);
    if (image.isNull()) {
        painter.setPen(Qt::white);
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_error);
        return;
    }
    const QSize fitted = image.size().scaled(size(), Qt::KeepAspectRatio);
    const QRect target(QPoint((width() - fitted.width()) / 2, (height() - fitted.height()) / 2),
                       fitted);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(target, image);
    painter.setPen(Qt::white);
    painter.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignLeft | Qt::AlignBottom,
                     tr("Image %1 of %2").arg(m_index + 1).arg(m_displaySet.frames.size()));
}

void StackView::wheelEvent(QWheelEvent* event)
{
    const int steps = event->angleDelta().y() / 120;
    setCurrentIndex(m_index - steps);
    event->accept();
}

void StackView::keyPressEvent(QKeyEvent* event)
{
    const int count = static_cast<int>(m_displaySet.frames.size());
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Left:
        setCurrentIndex(m_index - 1);
        break;
    case Qt::Key_Down:
    case Qt::Key_Right:
        setCurrentIndex(m_index + 1);
        break;
    case Qt::Key_PageUp:
        setCurrentIndex(m_index - std::max(1, count / 10));
        break;
    case Qt::Key_PageDown:
        setCurrentIndex(m_index + std::max(1, count / 10));
        break;
    case Qt::Key_Home:
        setCurrentIndex(0);
        break;
    case Qt::Key_End:
        setCurrentIndex(count - 1);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace fenestra::app
