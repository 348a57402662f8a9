// Measurements: the list of the active view's, and the local annotation store that keeps them
// with their study between sessions.

#include "mainwindow.h"

#include "gui/measurementlist.h"
#include "widgets/imageview.h"

#include <QDockWidget>
#include <QSet>
#include <QStatusBar>

namespace fenestra::app {

using namespace fenestra::viewer;

namespace {

QSet<QString> sopInstancesOf(const DisplaySet& displaySet)
{
    QSet<QString> uids;
    for (const FrameRef& f : displaySet.frames)
        uids.insert(f.instance->sopInstanceUid);
    return uids;
}

} // namespace

QString MainWindow::studyOf(const ImageView& view) const
{
    if (!view.hasDisplaySet())
        return {};
    return view.displaySet().frames.front().instance->study.instanceUid;
}

void MainWindow::loadMeasurements(ImageView& view)
{
    const QString study = studyOf(view);
    if (study.isEmpty())
        return;
    if (!m_measurements.contains(study)) {
        auto loaded = m_annotations.load(study);
        if (!loaded)
            statusBar()->showMessage(tr("The saved measurements of this study cannot be read."),
                                     8000);
        m_measurements.insert(study, loaded ? std::move(*loaded) : std::vector<Measurement>{});
    }
    const QSet<QString> shown = sopInstancesOf(view.displaySet());
    std::vector<Measurement> mine;
    for (const Measurement& m : m_measurements.value(study))
        if (shown.contains(m.sopInstanceUid))
            mine.push_back(m);
    const QSignalBlocker blocker(&view); // loading is not an edit
    view.setMeasurements(std::move(mine));
}

void MainWindow::saveMeasurements(ImageView& view)
{
    const QString study = studyOf(view);
    if (study.isEmpty())
        return;
    // The study's list: those of other display sets as they were, then this view's.
    const QSet<QString> shown = sopInstancesOf(view.displaySet());
    std::vector<Measurement> all;
    for (const Measurement& m : m_measurements.value(study))
        if (!shown.contains(m.sopInstanceUid))
            all.push_back(m);
    all.insert(all.end(), view.measurements().begin(), view.measurements().end());
    m_measurements.insert(study, all);
    if (auto saved = m_annotations.save(study, all); !saved)
        statusBar()->showMessage(tr("The measurements could not be saved."), 8000);
    // Other views on the same display set show the same measurements.
    for (ImageView* other : views())
        if (other != &view && studyOf(*other) == study)
            loadMeasurements(*other);
}

void MainWindow::refreshMeasurementList()
{
    ImageView* view = activeView();
    if (view == nullptr || !view->hasDisplaySet()) {
        m_measurementList->clear();
        return;
    }
    m_measurementList->setSummaryFunction(
        [view](const Measurement& m) { return view->measurementSummary(m); });
    const DisplaySet ds = view->displaySet();
    m_measurementList->setFrameFunction([ds](const Measurement& m) {
        for (std::size_t i = 0; i < ds.frames.size(); ++i)
            if (ds.frames[i].instance->sopInstanceUid == m.sopInstanceUid &&
                ds.frames[i].frame == m.frame)
                return static_cast<int>(i);
        return -1;
    });
    m_measurementList->setMeasurements(view->measurements());
    if (!view->measurements().empty())
        m_docks[2]->show();
}

} // namespace fenestra::app
