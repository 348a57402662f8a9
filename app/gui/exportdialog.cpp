#include "exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace fenestra::app {

ExportDialog::ExportDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Export images"));
    m_view = new QRadioButton(tr("The &view as shown"), this);
    m_series = new QRadioButton(tr("Every image of the &series"), this);
    m_view->setChecked(true);
    m_format = new QComboBox(this);
    m_format->addItem(tr("PNG (lossless)"), QStringLiteral("png"));
    m_format->addItem(tr("JPEG"), QStringLiteral("jpg"));
    m_format->setAccessibleName(tr("Image format"));
    m_annotations = new QCheckBox(tr("Include &annotations and measurements"), this);
    m_annotations->setChecked(true);
    m_target = new QLineEdit(this);
    m_target->setAccessibleName(tr("Destination"));
    auto* browse = new QPushButton(tr("&Browse..."), this);

    auto* targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(m_view);
    form->addRow(m_series);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(m_annotations);
    form->addRow(tr("&Destination:"), targetRow);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_target, &QLineEdit::textChanged, this, &ExportDialog::updateOk);
    updateOk();
}

ExportRequest ExportDialog::request() const
{
    ExportRequest r;
    r.scope = m_series->isChecked() ? ExportScope::WholeDisplaySet : ExportScope::CurrentView;
    r.format = m_format->currentData().toString();
    r.withAnnotations = m_annotations->isChecked();
    r.target = m_target->text().trimmed();
    return r;
}

void ExportDialog::setRequest(const ExportRequest& request)
{
    (request.scope == ExportScope::WholeDisplaySet ? m_series : m_view)->setChecked(true);
    m_format->setCurrentIndex(qMax(0, m_format->findData(request.format)));
    m_annotations->setChecked(request.withAnnotations);
    m_target->setText(request.target);
}

void ExportDialog::browse()
{
    const QString start = m_target->text().isEmpty() ? QDir::homePath() : m_target->text();
    QString chosen;
    if (m_series->isChecked()) {
        chosen = QFileDialog::getExistingDirectory(this, tr("Export the series into"), start);
    } else {
        const QString format = m_format->currentData().toString();
        chosen = QFileDialog::getSaveFileName(this, tr("Export the view"), start,
                                              format == QLatin1String("png")
                                                  ? tr("PNG images (*.png)")
                                                  : tr("JPEG images (*.jpg *.jpeg)"));
    }
    if (!chosen.isEmpty())
        m_target->setText(chosen);
}

void ExportDialog::updateOk()
{
    m_ok->setEnabled(!m_target->text().trimmed().isEmpty());
}

} // namespace fenestra::app
