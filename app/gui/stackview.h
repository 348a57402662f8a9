#pragma once

#include "core/displayset.h"
#include "image/framerenderer.h"

#include <QCache>
#include <QImage>
#include <QWidget>

namespace fenestra::app {

// Shows one display set as a scrollable stack: wheel, arrow and page keys, Home/End.
// Frames are decoded on demand and the rendered images cached.
//
// Thread contract: GUI thread only.
class StackView : public QWidget
{
    Q_OBJECT
public:
    explicit StackView(QWidget* parent = nullptr);

    void setDisplaySet(const viewer::DisplaySet& displaySet);
    int currentIndex() const { return m_index; }
    void setCurrentIndex(int index);

signals:
    void statusChanged(const QString& message);

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    QImage frameImage(int index);

    viewer::DisplaySet m_displaySet;
    int m_index = 0;
    QCache<int, QImage> m_cache{64};
    QString m_error;
};

} // namespace fenestra::app
