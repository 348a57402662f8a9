// The annotation store keeps each study's measurements in its own file, named without any UID,
// and a damaged file spoils only its own study.

#include "gui/annotationstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using fenestra::app::AnnotationStore;
using fenestra::viewer::ErrorCode;
using fenestra::viewer::Measurement;
using fenestra::viewer::MeasurementKind;

class TestAnnotationStore : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void saveThenLoad_givesTheSameMeasurements();
    void unknownStudy_loadsAnEmptyList();
    void fileName_isTheSha256OfTheUidAndContainsNoUid();
    void corruptFile_isAnErrorForItsStudyOnly();
    void savingAnEmptyList_removesTheFile();
    void defaultDirectory_isUnderAppData();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::vector<Measurement> m_measurements;
};

namespace {
const QString kStudyA = QStringLiteral("2.25.24223022016453938048283449246119914034");
const QString kStudyB = QStringLiteral("1.2.840.113619.2.55.3.604688119");
} // namespace

void TestAnnotationStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_measurements = {
        {QUuid::createUuid(),
         MeasurementKind::Length,
         QStringLiteral("1.2.3.4"),
         0,
         {{10.5, 20.25}, {30, 40}},
         {}},
        {QUuid::createUuid(),
         MeasurementKind::Arrow,
         QStringLiteral("1.2.3.5"),
         3,
         {{1, 2}, {3, 4}},
         QStringLiteral("l\u00e9sion")},
    };
}

void TestAnnotationStore::saveThenLoad_givesTheSameMeasurements()
{
    const AnnotationStore store(m_dir->filePath(QStringLiteral("annotations")));
    const auto saved = store.save(kStudyA, m_measurements);
    QVERIFY2(saved.has_value(), qPrintable(saved ? QString() : saved.error().toString()));
    // Another store on the same folder (the next session) reads them back.
    const AnnotationStore next(m_dir->filePath(QStringLiteral("annotations")));
    const auto loaded = next.load(kStudyA);
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->size(), m_measurements.size());
    QVERIFY(*loaded == m_measurements);
}

void TestAnnotationStore::unknownStudy_loadsAnEmptyList()
{
    const AnnotationStore store(m_dir->path());
    const auto loaded = store.load(kStudyB);
    QVERIFY(loaded.has_value());
    QVERIFY(loaded->empty());
}

void TestAnnotationStore::fileName_isTheSha256OfTheUidAndContainsNoUid()
{
    const AnnotationStore store(m_dir->path());
    QVERIFY(store.save(kStudyA, m_measurements).has_value());
    const QStringList files = QDir(m_dir->path()).entryList(QDir::Files);
    QCOMPARE(files.size(), 1);
    const QString expected =
        QString::fromLatin1(
            QCryptographicHash::hash(kStudyA.toUtf8(), QCryptographicHash::Sha256).toHex()) +
        QStringLiteral(".json");
    QCOMPARE(files[0], expected);
    QVERIFY(!files[0].contains(QStringLiteral("2.25")));
    QCOMPARE(store.filePath(kStudyA), QDir(m_dir->path()).filePath(expected));
}

void TestAnnotationStore::corruptFile_isAnErrorForItsStudyOnly()
{
    const AnnotationStore store(m_dir->path());
    QVERIFY(store.save(kStudyA, m_measurements).has_value());
    QVERIFY(store.save(kStudyB, {m_measurements[0]}).has_value());
    QFile file(store.filePath(kStudyA));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\"version\":1,\"measurements\":[{\"kind\":");
    file.close();

    const auto broken = store.load(kStudyA);
    QVERIFY(!broken.has_value());
    QCOMPARE(broken.error().code, ErrorCode::Malformed);
    QVERIFY(!broken.error().detail.contains(kStudyA)); // never the UID, even in errors
    const auto other = store.load(kStudyB);
    QVERIFY(other.has_value());
    QCOMPARE(other->size(), std::size_t{1});
    QVERIFY(other->front() == m_measurements[0]);
    // Saving again replaces the damaged file.
    QVERIFY(store.save(kStudyA, m_measurements).has_value());
    QVERIFY(store.load(kStudyA).has_value());
}

void TestAnnotationStore::savingAnEmptyList_removesTheFile()
{
    const AnnotationStore store(m_dir->path());
    QVERIFY(store.save(kStudyA, m_measurements).has_value());
    QVERIFY(QFile::exists(store.filePath(kStudyA)));
    QVERIFY(store.save(kStudyA, {}).has_value());
    QVERIFY(!QFile::exists(store.filePath(kStudyA)));
    QVERIFY(store.load(kStudyA)->empty());
}

void TestAnnotationStore::defaultDirectory_isUnderAppData()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString appData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QCOMPARE(AnnotationStore::defaultDirectory(), appData + QStringLiteral("/annotations"));
    QCOMPARE(AnnotationStore().directory(), appData + QStringLiteral("/annotations"));
    QStandardPaths::setTestModeEnabled(false);
}

QTEST_GUILESS_MAIN(TestAnnotationStore)
#include "tst_annotationstore.moc"
