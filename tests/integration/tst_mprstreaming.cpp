// MPR of a series still streaming from an archive (real Orthanc behind a slow link): Ctrl+M
// pressed before the archive has even described the series opens the MPR layout, which shows
// the volume as soon as it is described; the coronal view shows the slices that arrived (and
// the lowest value, black, where they have not), fills in as the rest arrives, and ends with
// exactly the pixels of the same series opened from disk through MPR.

#include "archivetest.h"
#include "support/faultproxy.h"

#include "core/volume.h"
#include "gui/mainwindow.h"
#include "media/importer.h"
#include "media/volumeloader.h"
#include "render/mprreslicer.h"
#include "render/vtkviewport.h"
#include "settings.h"
#include "widgets/imageview.h"
#include "widgets/mprview.h"
#include "widgets/mprviewgroup.h"
#include "widgets/mprviewreslice.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QScreen>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <chrono>
#include <cmath>
#include <cstring>

using namespace fenestra;
using namespace fenestra::integration;
using namespace std::chrono_literals;
using viewer::MprAxis;
using viewer::MprView;

namespace {

constexpr double kWaterHu = 0.0;
const viewer::WindowLevel kWindow{0, 400}; // water mid grey, the lowest value black

// PS3.3 C.11.2.1.2.1, written out here rather than taken from the library.
int expectedGrey(double value, double center, double width)
{
    if (value <= center - 0.5 - (width - 1.0) / 2.0)
        return 0;
    if (value > center - 0.5 + (width - 1.0) / 2.0)
        return 255;
    return static_cast<int>(std::lround(((value - (center - 0.5)) / (width - 1.0) + 0.5) * 255.0));
}

bool hasArchiveStudy(const app::MainWindow& window)
{
    for (const QTreeWidget* tree : window.findChildren<QTreeWidget*>())
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            if (tree->topLevelItem(i)->text(0).endsWith(QLatin1String("(archive)")))
                return true;
    return false;
}

std::vector<bool> loadedSlices(const viewer::Volume& volume)
{
    std::vector<bool> loaded;
    for (int k = 0; k < volume.slices(); ++k)
        loaded.push_back(volume.isLoaded(k));
    return loaded;
}

// One pixel of the coronal frame in the water (x = -20 mm, every z of the water cylinder), and
// the continuous slice index of the axial volume it lies on.
struct WaterPixel
{
    QPointF image;
    double slice = 0.0;
};

std::vector<WaterPixel> waterColumn(const MprView& view, const viewer::Volume& volume)
{
    const viewer::ImagePlane plane = view.currentPlane();
    const int column =
        static_cast<int>(std::floor((-20.0 - plane.position.x) / plane.columnSpacing));
    std::vector<WaterPixel> pixels;
    for (int row = 0; row < view.displaySet().format.rows; ++row) {
        const viewer::Vec3 p = plane.position +
                               plane.rowDirection * (column * plane.columnSpacing) +
                               plane.columnDirection * (row * plane.rowSpacing);
        if (std::abs(p.z) > 130.0) // the water cylinder spans z -140..140
            continue;
        const double k = (p - volume.origin()).dot(volume.sliceDirection()) / volume.sliceSpacing();
        pixels.push_back({QPointF(column + 0.5, row + 0.5), k});
    }
    return pixels;
}

bool allLoaded(const std::vector<bool>& loaded, double k)
{
    for (int s = static_cast<int>(std::floor(k)) - 1; s <= static_cast<int>(std::ceil(k)) + 1; ++s)
        if (s < 0 || s >= static_cast<int>(loaded.size()) || !loaded[static_cast<std::size_t>(s)])
            return false;
    return true;
}

// The coronal view shows what the volume holds now: a volume-data update after `loaded` was
// read, then nothing pending.
bool showsDataAfter(MprView& view)
{
    QSignalSpy changed(view.group(), &viewer::MprViewGroup::volumeDataChanged);
    view.group()->volumeUpdated();
    return (!changed.isEmpty() || changed.wait(5000)) &&
           QTest::qWaitFor([&view] { return view.isSettled(); }, 10000);
}

} // namespace

class TestMprStreaming : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void ctrlM_beforeTheSeriesIsDescribed_waits_thenFillsInLikeFromDisk();

private:
    std::unique_ptr<OrthancServer> m_orthanc;
    std::unique_ptr<FaultProxy> m_proxy;
    QMap<QString, ManifestStudy> m_studies;
};

void TestMprStreaming::initTestCase()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/Orthanc")))
        QSKIP("Orthanc is not installed (Debian package orthanc, orthanc-dicomweb)");
    m_studies = readManifest(QStringLiteral(FENESTRA_TEST_DATA));
    QVERIFY(m_studies.contains(QStringLiteral("ct")));
    m_orthanc = std::make_unique<OrthancServer>();
    QVERIFY2(m_orthanc->start(), qPrintable(m_orthanc->lastError()));
    QCOMPARE(uploadStudies(*m_orthanc, m_studies, {QStringLiteral("ct")}), 40);
    m_proxy = std::make_unique<FaultProxy>();
    QVERIFY(m_proxy->listen(m_orthanc->httpPort()));
}

void TestMprStreaming::cleanupTestCase()
{
    m_proxy.reset();
    m_orthanc.reset();
}

void TestMprStreaming::ctrlM_beforeTheSeriesIsDescribed_waits_thenFillsInLikeFromDisk()
{
    QTemporaryDir dir;
    app::Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    app::MainWindow window(settings, dir.filePath(QStringLiteral("notes")));
    window.resize(1400, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    // A slow link: the series' description takes seconds, its 40 slices about ten more.
    m_proxy->setLatency(300ms);
    m_proxy->setBandwidth(40'000);
    const ManifestStudy ct = m_studies.value(QStringLiteral("ct"));
    const net::ArchiveConfig archive{
        QStringLiteral("Hospital A"),
        QUrl(QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(m_proxy->port()))};
    window.openRemoteStudy(archive, ct.studyUid, true);
    // The series list is in and the stream has started; the description is still in transit.
    QVERIFY(QTest::qWaitFor([&] { return hasArchiveStudy(window); }, 30000));
    viewer::ImageView* grid = window.activeView();
    QVERIFY(!grid->hasDisplaySet());

    grid->setFocus();
    QTest::keyClick(&window, Qt::Key_M, Qt::ControlModifier);
    QVERIFY(window.isMprActive());
    const QList<MprView*> views = window.mprViews();
    QCOMPARE(views.size(), 3);
    MprView* coronal = views[1];
    QVERIFY(!coronal->group()->hasVolume()); // waiting for the description

    // Described: the live volume, before most of its slices.
    QVERIFY(QTest::qWaitFor([&] { return coronal->group()->hasVolume(); }, 30000));
    QVERIFY(window.isMprActive());
    const std::shared_ptr<const viewer::Volume> volume = coronal->group()->volume();
    QCOMPARE(volume->slices(), 40);
    QVERIFY(volume->loadedCount() < volume->slices() / 2);
    coronal->setInterpolation(false); // each screen pixel shows one reformatted pixel
    coronal->setWindowLevel(kWindow);
    const int water = expectedGrey(kWaterHu, kWindow.center, kWindow.width);

    // Part of the series in: the coronal view shows the arrived slices as water and the slices
    // still to come as the lowest value (black), never anything else.
    QVERIFY(QTest::qWaitFor([&] { return volume->loadedCount() >= 8; }, 60000));
    const std::vector<bool> before = loadedSlices(*volume);
    QVERIFY(showsDataAfter(*coronal));
    const std::vector<WaterPixel> column = waterColumn(*coronal, *volume);
    QVERIFY(column.size() >= 40);
    std::vector<int> greys;
    for (const WaterPixel& pixel : column)
        greys.push_back(coronal->displayedGrey(pixel.image));
    const std::vector<bool> after = loadedSlices(*volume);
    QVERIFY2(std::count(after.begin(), after.end(), false) >= 8, "the series arrived too fast");
    const QImage partial = window.screen()->grabWindow(window.winId()).toImage();
    int shownWater = 0;
    int shownMissing = 0;
    for (std::size_t i = 0; i < column.size(); ++i) {
        const double k = column[i].slice;
        if (allLoaded(before, k)) {
            QCOMPARE(greys[i], water);
            ++shownWater;
        } else if (!after[static_cast<std::size_t>(std::lround(k))]) {
            QCOMPARE(greys[i], 0);
            ++shownMissing;
        }
    }
    qInfo("partly streamed: %d of %d slices, %d water pixels shown, %d black (to come)",
          static_cast<int>(std::count(before.begin(), before.end(), true)), volume->slices(),
          shownWater, shownMissing);
    QVERIFY(shownWater > 0);
    QVERIFY(shownMissing > 0);

    // Everything in: the water column is whole.
    m_proxy->setBandwidth(0);
    m_proxy->setLatency(0ms);
    QVERIFY(QTest::qWaitFor([&] { return volume->loadedCount() == volume->slices(); }, 120000));
    QVERIFY(showsDataAfter(*coronal));
    for (const WaterPixel& pixel : waterColumn(*coronal, *volume))
        QCOMPARE(coronal->displayedGrey(pixel.image), water);

    // The same series from disk through MPR: the same voxels, the same reformat, the same screen.
    const viewer::ImportResult imported = viewer::importPaths(ct.files());
    const viewer::DisplaySet local =
        imported.library.tree().at(0).studies.at(0).series.at(0).displaySets.at(0);
    auto loaded = viewer::loadVolume(local);
    QVERIFY(loaded.has_value() && loaded->errors.empty());
    const viewer::Volume& disk = *loaded->volume;
    QCOMPARE(volume->byteCount(), disk.byteCount());
    QVERIFY((volume->origin() - disk.origin()).length() < 1e-9);
    QVERIFY(std::memcmp(volume->data(), disk.data(), disk.byteCount()) == 0);
    const viewer::MprSlice slice =
        coronal->group()->geometry().slice(MprAxis::Coronal, coronal->currentIndex());
    const auto streamed =
        viewer::resliceArrived(*volume, viewer::toMprPlane(slice), 0.0, viewer::SlabMode::None, {});
    const auto fromDisk = viewer::reslice(disk, viewer::toMprPlane(slice));
    QVERIFY(streamed.has_value() && fromDisk.has_value());
    QVERIFY(std::ranges::equal(streamed->frame(0), fromDisk->frame(0)));

    viewer::MprViewGroup group;
    MprView diskView(&group, MprAxis::Coronal);
    diskView.resize(coronal->size());
    diskView.show();
    QVERIFY(QTest::qWaitForWindowExposed(&diskView));
    group.setVolume(loaded->volume, local);
    group.setCentre(coronal->group()->geometry().centre());
    diskView.setInterpolation(false);
    diskView.setWindowLevel(kWindow);
    QVERIFY(QTest::qWaitFor([&] { return diskView.isSettled(); }, 10000));
    QCOMPARE(diskView.currentIndex(), coronal->currentIndex());
    const QImage shownStreamed = coronal->renderToImage(false);
    const QImage shownDisk = diskView.renderToImage(false);
    QCOMPARE(shownStreamed.size(), shownDisk.size());
    QVERIFY2(shownStreamed == shownDisk, "the streamed reformat differs from the one from disk");

    QDir().mkpath(QStringLiteral("/tmp/fen/shots"));
    partial.save(QStringLiteral("/tmp/fen/shots/mpr_streaming_partial.png"));
    window.screen()
        ->grabWindow(window.winId())
        .toImage()
        .save(QStringLiteral("/tmp/fen/shots/mpr_streaming_complete.png"));
}

int main(int argc, char* argv[])
{
    if (!qEnvironmentVariableIsSet("QT_XCB_GL_INTEGRATION"))
        qputenv("QT_XCB_GL_INTEGRATION", "xcb_glx");
    QSurfaceFormat::setDefaultFormat(viewer::VtkViewport::surfaceFormat());
    QApplication app(argc, argv);
    TestMprStreaming test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mprstreaming.moc"
