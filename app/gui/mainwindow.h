#pragma once

#include "media/importer.h"

#include <QFutureWatcher>
#include <QMainWindow>

#include <atomic>
#include <memory>

class QListWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace fenestra::app {

class StackView;

// The study browser and a stack view. Imports run on the thread pool; their results arrive
// through a QFutureWatcher owned by the window, so a closed window is never called back.
//
// Thread contract: GUI thread only.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openPaths(const QStringList& paths);

signals:
    // The paths of openPaths() are in the browser and the first display set is shown.
    void opened();

private:
    void createMenus();
    void importFinished();
    void populateTree();
    void showSelected(QTreeWidgetItem* item);

    QTreeWidget* m_tree = nullptr;
    QListWidget* m_errors = nullptr;
    StackView* m_view = nullptr;
    QFutureWatcher<viewer::ImportResult> m_importWatcher;
    std::shared_ptr<std::atomic<bool>> m_cancelImport;
    std::vector<viewer::ImportResult> m_imports;
    std::vector<viewer::PatientNode> m_patients;
};

} // namespace fenestra::app
