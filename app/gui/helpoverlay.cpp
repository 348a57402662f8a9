#include "helpoverlay.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>

namespace fenestra::app {

namespace {

constexpr int kMargin = 32;
constexpr int kColumnWidth = 380;
constexpr int kColumnGap = 32;
const QColor kSheet(0, 0, 0, 200); // dark enough to read on, light enough to see the images
const QColor kHeading(120, 190, 255);
const QColor kKeys(255, 220, 120);

// "&Open files..." -> "Open files"; "R&&D" -> "R&D".
QString plainText(QString text)
{
    const int tab = text.indexOf(QLatin1Char('\t'));
    if (tab >= 0)
        text.truncate(tab);
    const QChar placeholder(0xE000); // private use: never in a label
    text.replace(QStringLiteral("&&"), QString(placeholder));
    text.remove(QLatin1Char('&'));
    text.replace(placeholder, QLatin1Char('&'));
    if (text.endsWith(QStringLiteral("...")))
        text.chop(3);
    else if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    return text.trimmed();
}

bool isClosingKey(int key)
{
    return key == Qt::Key_Escape || key == Qt::Key_F1;
}

} // namespace

HelpOverlay::HelpOverlay(QWidget* parent) : QWidget(parent)
{
    Q_ASSERT(parent != nullptr);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_NoSystemBackground);
    parent->installEventFilter(this);
    retranslate();
    hide();
}

void HelpOverlay::addGroup(const QString& category, const QList<QAction*>& actions)
{
    Group group{category, {}, {}};
    for (QAction* action : actions)
        group.actions.append(action);
    m_groups.push_back(std::move(group));
    retranslate();
}

void HelpOverlay::addMenu(QMenu* menu)
{
    m_groups.push_back(Group{{}, {}, menu});
    retranslate();
}

void HelpOverlay::clearGroups()
{
    m_groups.clear();
    retranslate();
}

std::vector<HelpOverlay::Entry> HelpOverlay::entries() const
{
    std::vector<Entry> result;
    for (const Group& group : m_groups) {
        QList<QPointer<QAction>> actions = group.actions;
        QString category = group.category;
        if (group.menu != nullptr) {
            category = plainText(group.menu->title());
            actions.clear();
            for (QAction* action : group.menu->actions())
                actions.append(action);
        }
        for (const QPointer<QAction>& action : actions) {
            if (action == nullptr || action->isSeparator() || !action->isVisible() ||
                action->menu() != nullptr || action->text().isEmpty())
                continue;
            QStringList keys;
            for (const QKeySequence& key : action->shortcuts())
                keys.append(key.toString(QKeySequence::NativeText));
            result.push_back(
                Entry{category, plainText(action->text()), keys.join(QStringLiteral(", "))});
        }
    }
    return result;
}

void HelpOverlay::toggle()
{
    if (isVisible())
        dismiss();
    else
        open();
}

void HelpOverlay::open()
{
    m_previousFocus = QApplication::focusWidget();
    setGeometry(parentWidget()->rect());
    retranslate();
    show();
    raise();
    setFocus(Qt::OtherFocusReason);
}

void HelpOverlay::dismiss()
{
    hide();
    if (m_previousFocus != nullptr)
        m_previousFocus->setFocus(Qt::OtherFocusReason);
}

void HelpOverlay::retranslate()
{
    setAccessibleName(tr("Keyboard shortcuts"));
    QStringList lines;
    for (const Entry& entry : entries())
        lines.append(entry.shortcut.isEmpty()
                         ? tr("%1: %2").arg(entry.category, entry.text)
                         : tr("%1: %2, %3").arg(entry.category, entry.text, entry.shortcut));
    setAccessibleDescription(lines.join(QLatin1Char('\n')));
    update();
}

bool HelpOverlay::event(QEvent* event)
{
    // Claim Escape and F1 before window shortcuts do, so the key closes the sheet exactly once.
    if (event->type() == QEvent::ShortcutOverride &&
        isClosingKey(static_cast<QKeyEvent*>(event)->key())) {
        event->accept();
        return true;
    }
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    return QWidget::event(event);
}

bool HelpOverlay::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void HelpOverlay::keyPressEvent(QKeyEvent* event)
{
    if (isClosingKey(event->key())) {
        dismiss();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void HelpOverlay::mousePressEvent(QMouseEvent* event)
{
    dismiss();
    event->accept();
}

void HelpOverlay::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), kSheet);
    QFont titleFont = font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    const int titleHeight = QFontMetrics(titleFont).height();
    const int lineHeight = fontMetrics().height();
    painter.setPen(Qt::white);
    painter.setFont(titleFont);
    painter.drawText(QRect(kMargin, kMargin, width() - 2 * kMargin, titleHeight), Qt::AlignHCenter,
                     tr("Keyboard shortcuts"));
    painter.setFont(font());
    painter.drawText(
        QRect(kMargin, height() - kMargin - lineHeight, width() - 2 * kMargin, lineHeight),
        Qt::AlignHCenter, tr("Press Esc or F1 to close"));
    const QRect area = rect().adjusted(kMargin, kMargin + titleHeight + lineHeight, -kMargin,
                                       -(kMargin + 2 * lineHeight));
    paintColumnEntries(painter, entries(), area);
}

// Lays the entries out in columns, a heading above each category; returns how many fit.
int HelpOverlay::paintColumnEntries(QPainter& painter, const std::vector<Entry>& list,
                                    QRect area) const
{
    const int lineHeight = fontMetrics().height();
    const int columnWidth = std::min(kColumnWidth, area.width());
    QFont bold = font();
    bold.setBold(true);
    int x = area.left();
    int y = area.top();
    QString category;
    int painted = 0;
    for (const Entry& entry : list) {
        bool heading = painted == 0 || entry.category != category;
        if (y + (heading ? 2 : 1) * lineHeight > area.bottom() && y > area.top()) {
            x += columnWidth + kColumnGap;
            y = area.top();
            heading = true; // a continued category is named again at the top of its column
        }
        if (x + columnWidth > area.right() + 1 && x > area.left())
            break; // no room left: the rest stays in the accessible description
        if (heading) {
            painter.setFont(bold);
            painter.setPen(kHeading);
            painter.drawText(QRect(x, y, columnWidth, lineHeight), Qt::AlignLeft, entry.category);
            painter.setFont(font());
            y += lineHeight;
            category = entry.category;
        }
        const QRect line(x, y, columnWidth, lineHeight);
        const int keysWidth = fontMetrics().horizontalAdvance(entry.shortcut);
        painter.setPen(Qt::white);
        painter.drawText(
            line.adjusted(0, 0, -(keysWidth + 12), 0), Qt::AlignLeft,
            fontMetrics().elidedText(entry.text, Qt::ElideRight, columnWidth - keysWidth - 12));
        painter.setPen(kKeys);
        painter.drawText(line, Qt::AlignRight, entry.shortcut);
        y += lineHeight;
        ++painted;
    }
    return painted;
}

} // namespace fenestra::app
