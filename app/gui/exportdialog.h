#pragma once

#include "exporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QRadioButton;

namespace fenestra::app {

// Asks what to export (the view or the whole display set), the format, whether annotations
// are burnt in, and where to.
//
// Thread contract: GUI thread only.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportDialog(QWidget* parent = nullptr);

    ExportRequest request() const;
    void setRequest(const ExportRequest& request);

private:
    void browse();
    void updateOk();

    QRadioButton* m_view = nullptr;
    QRadioButton* m_series = nullptr;
    QComboBox* m_format = nullptr;
    QCheckBox* m_annotations = nullptr;
    QLineEdit* m_target = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace fenestra::app
