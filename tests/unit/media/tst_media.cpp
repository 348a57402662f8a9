// Importing media: DICOMDIR layouts, zip archives, duplicates, broken files, objects without
// pixels, cancellation and progress; checked against the generator's manifest.json.

#include "testdata.h"

#include "dicom/dicomreader.h"
#include "media/importer.h"

#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <atomic>
#include <map>

using namespace fenestra::viewer;
namespace td = fenestra::viewer::testdata;

namespace {

bool copyFolder(const QString& from, const QString& to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(source));
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(source, target))
            return false;
    }
    return true;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList sopUids(const StudyLibrary& library)
{
    QStringList uids;
    for (const auto& instance : library.instances())
        uids << instance->sopInstanceUid;
    uids.sort();
    return uids;
}

QStringList allFiles(const QString& folder)
{
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QFileInfo(it.next()).canonicalFilePath();
    files.sort();
    return files;
}

// The CT phantom's files, absolute, in name order.
QStringList ctFiles()
{
    const QDir dir(td::path(td::studySeries("ct")["directory"].toString()));
    QStringList files;
    for (const QString& name : dir.entryList(QDir::Files, QDir::Name))
        files << dir.filePath(name);
    return files;
}

// Writes a zip whose entries have exactly the given names (zipfile keeps them verbatim).
bool makeZip(const QString& zipPath, const QStringList& names, const QStringList& contents)
{
    QStringList args{QStringLiteral("-c"),
                     QStringLiteral("import sys, zipfile\n"
                                    "n = (len(sys.argv) - 2) // 2\n"
                                    "with zipfile.ZipFile(sys.argv[1], 'w') as z:\n"
                                    "    for i in range(n):\n"
                                    "        z.write(sys.argv[2 + n + i], sys.argv[2 + i])\n"),
                     zipPath};
    args << names << contents;
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), args);
    if (!python.waitForFinished(30000) || python.exitCode() != 0) {
        qWarning("python: %s", python.readAllStandardError().constData());
        return false;
    }
    return true;
}

QString errorName(const FileError& error)
{
    return QString::fromLatin1(errorCodeName(error.error.code));
}

// What one import says about an instance, for comparing two imports.
QString describe(const InstanceInfo& i)
{
    const Vec3 p = i.frames.empty() ? Vec3{} : i.frames.front().plane.position;
    return QStringList{i.sopInstanceUid,
                       i.source,
                       i.localPath,
                       i.series.instanceUid,
                       QString::number(i.instanceNumber),
                       QString::number(i.numberOfFrames),
                       td::toString(p),
                       QString::number(i.format.rows),
                       QString::number(i.format.columns)}
        .join(QLatin1Char('|'));
}

QStringList describeAll(const StudyLibrary& library)
{
    QStringList out;
    for (const auto& instance : library.instances())
        out << describe(*instance);
    out.sort();
    return out;
}

} // namespace

class TestMedia : public QObject
{
    Q_OBJECT

private slots:
    void cdFolder_readThroughDicomdir_unreferencedFileIgnored();
    void cdFolder_brokenDicomdir_scansEverythingWithWarning_data();
    void cdFolder_brokenDicomdir_scansEverythingWithWarning();
    void cdFolder_withoutDicomdir_scansEverything();
    void zip_importsEntriesNamedArchiveBangEntry();
    void zip_hostileEntryNames_stayInsideExtractionFolder();
    void zip_corrupt_failsWithArchiveUnreadableForThatZipOnly_data();
    void zip_corrupt_failsWithArchiveUnreadableForThatZipOnly();
    void duplicates_keepsOneInstanceAndCountsDuplicate();
    void bad_eachFileFailsWithManifestCode_goodFileOpens();
    void nopixels_listedByObjectKind_notAsErrors();
    void import_cancelledFromProgress_stopsEarlyWithFewerInstances();
    void import_notCancelled_progressReachesTotal();
    void ctFolder_parallelImport_sameInstancesAsFileByFile();
    void wholeTestProfile_onlyTheBadFilesFail();
};

void TestMedia::cdFolder_readThroughDicomdir_unreferencedFileIgnored()
{
    const QJsonObject cd = td::manifest()["studies"]["cd"].toObject();
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString media = tmp.filePath(QStringLiteral("cd"));
    QVERIFY(copyFolder(td::path(cd["directory"].toString()), media));
    const QString stray = ctFiles().front();
    QVERIFY(QFile::copy(stray, media + QStringLiteral("/DICOM/PT000000/STRAY0001")));

    const ImportResult result = importPaths({media});
    QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(QLatin1Char('\n'))));
    QVERIFY(result.library.errors().empty());
    QCOMPARE(int(result.library.instances().size()), cd["expected_files"].toInt());
    const QString strayUid = readDicomHeader(DicomSource::fromFile(stray))->sopInstanceUid;
    QVERIFY(!sopUids(result.library).contains(strayUid));

    // Each manifest series arrives whole, with its instance count.
    const QJsonArray series = cd["series"].toArray();
    std::map<QString, int> perSeries;
    for (const auto& instance : result.library.instances())
        ++perSeries[instance->series.instanceUid];
    QCOMPARE(qsizetype(perSeries.size()), series.size());
    for (const QJsonValue& s : series)
        QCOMPARE(perSeries[s["series_instance_uid"].toString()], s["expected_instances"].toInt());

    // Opening the DICOMDIR file itself reads the same directory.
    const ImportResult viaFile = importPaths({media + QStringLiteral("/DICOMDIR")});
    QCOMPARE(sopUids(viaFile.library), sopUids(result.library));
}

void TestMedia::cdFolder_brokenDicomdir_scansEverythingWithWarning_data()
{
    QTest::addColumn<QByteArray>("dicomdir"); // replaces the DICOMDIR's content

    const QJsonObject cd = td::manifest()["studies"]["cd"].toObject();
    const QByteArray original = readFile(td::path(cd["dicomdir"].toString()));
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage.append(char((i * 7919 + 13) & 0xff));
    QTest::newRow("garbage") << garbage;
    QTest::newRow("text") << QByteArray("this is not a DICOMDIR\n");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("truncatedInRecords") << original.left(original.size() / 2);
    QTest::newRow("notMediaDirectory") << readFile(ctFiles().front());
}

void TestMedia::cdFolder_brokenDicomdir_scansEverythingWithWarning()
{
    QFETCH(QByteArray, dicomdir);
    const QJsonObject cd = td::manifest()["studies"]["cd"].toObject();
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString media = tmp.filePath(QStringLiteral("cd"));
    QVERIFY(copyFolder(td::path(cd["directory"].toString()), media));
    QVERIFY(QFile::copy(ctFiles().front(), media + QStringLiteral("/DICOM/PT000000/STRAY0001")));
    QVERIFY(writeFile(media + QStringLiteral("/DICOMDIR"), dicomdir));

    const ImportResult result = importPaths({media});
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY2(result.warnings.front().contains(QLatin1String("DICOMDIR")),
             qPrintable(result.warnings.front()));
    QVERIFY(result.library.errors().empty()); // the DICOMDIR itself is not imported
    QCOMPARE(int(result.library.instances().size()), cd["expected_files"].toInt() + 1);
}

void TestMedia::cdFolder_withoutDicomdir_scansEverything()
{
    const QJsonObject cd = td::manifest()["studies"]["cd"].toObject();
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString media = tmp.filePath(QStringLiteral("cd"));
    QVERIFY(copyFolder(td::path(cd["directory"].toString()), media));
    QVERIFY(QFile::copy(ctFiles().front(), media + QStringLiteral("/DICOM/PT000000/STRAY0001")));
    QVERIFY(QFile::remove(media + QStringLiteral("/DICOMDIR")));

    const ImportResult result = importPaths({media});
    QVERIFY(result.warnings.isEmpty()); // a plain folder: nothing went wrong
    QVERIFY(result.library.errors().empty());
    QCOMPARE(int(result.library.instances().size()), cd["expected_files"].toInt() + 1);
}

void TestMedia::zip_importsEntriesNamedArchiveBangEntry()
{
    const QJsonObject scenario = td::scenario("zip");
    const QString zip = QDir(td::path(scenario["directory"].toString()))
                            .filePath(scenario["expected"]["archive"].toString());
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    ImportOptions options;
    options.extractionDir = tmp.path();

    const ImportResult result = importPaths({zip}, options);
    QVERIFY(result.library.errors().empty());
    QCOMPARE(int(result.library.instances().size()), scenario["expected"]["instances"].toInt());
    std::map<QString, QString> sourceByUid;
    for (const auto& instance : result.library.instances()) {
        sourceByUid[instance->sopInstanceUid] = instance->source;
        QVERIFY2(instance->localPath.startsWith(tmp.path()), qPrintable(instance->localPath));
        QVERIFY(QFileInfo::exists(instance->localPath));
    }
    for (const QJsonValue& v : scenario["instances"].toArray()) {
        const QString expected = zip + QLatin1Char('!') + v["archive_entry"].toString();
        QCOMPARE(sourceByUid[v["sop_instance_uid"].toString()], expected);
    }
}

void TestMedia::zip_hostileEntryNames_stayInsideExtractionFolder()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString zip = tmp.filePath(QStringLiteral("evil.zip"));
    const QString absoluteTarget = tmp.filePath(QStringLiteral("absolute.dcm"));
    const QStringList names{QStringLiteral("../evil.dcm"), QStringLiteral("../../evil2.dcm"),
                            QStringLiteral("a/../../../evil3.dcm"), absoluteTarget};
    const QStringList contents = ctFiles().mid(0, int(names.size()));
    QVERIFY(makeZip(zip, names, contents));
    // Deep enough that every "../" escape would still land inside tmp, where it is looked for.
    const QString extraction = tmp.filePath(QStringLiteral("out/deeper/extract"));
    QVERIFY(QDir().mkpath(extraction));

    ImportOptions options;
    options.extractionDir = extraction;
    const ImportResult result = importPaths({zip}, options);
    QVERIFY(result.library.errors().empty());
    QCOMPARE(result.library.instances().size(), std::size_t(names.size()));
    // Every entry arrives, named after its archive (libarchive shows hostile names normalised,
    // e.g. "a/../../../x" as "../../x" and "/abs/x" as "abs/x").
    QStringList sources;
    for (const auto& instance : result.library.instances()) {
        QVERIFY2(instance->source.startsWith(zip + QLatin1Char('!')), qPrintable(instance->source));
        sources << QFileInfo(instance->source).fileName();
    }
    sources.sort();
    QStringList expectedNames;
    for (const QString& name : names)
        expectedNames << QFileInfo(name).fileName();
    expectedNames.sort();
    QCOMPARE(sources, expectedNames);

    // Nothing was written anywhere but below the extraction folder.
    const QString extractionRoot = QFileInfo(extraction).canonicalFilePath() + QLatin1Char('/');
    for (const QString& file : allFiles(tmp.path())) {
        if (file == QFileInfo(zip).canonicalFilePath())
            continue;
        QVERIFY2(file.startsWith(extractionRoot), qPrintable(file));
    }
    QVERIFY(!QFileInfo::exists(absoluteTarget));
}

void TestMedia::zip_corrupt_failsWithArchiveUnreadableForThatZipOnly_data()
{
    QTest::addColumn<QByteArray>("content");
    const QJsonObject scenario = td::scenario("zip");
    const QByteArray good = readFile(QDir(td::path(scenario["directory"].toString()))
                                         .filePath(scenario["expected"]["archive"].toString()));
    QByteArray garbage("PK\x03\x04");
    for (int i = 0; i < 2048; ++i)
        garbage.append(char((i * 31 + 7) & 0xff));
    QTest::newRow("garbageAfterSignature") << garbage;
    QTest::newRow("notAZipAtAll") << QByteArray("hello, world\n");
    QTest::newRow("truncatedInFirstEntry") << good.left(200);
}

void TestMedia::zip_corrupt_failsWithArchiveUnreadableForThatZipOnly()
{
    QFETCH(QByteArray, content);
    const QJsonObject scenario = td::scenario("zip");
    const QString goodZip = QDir(td::path(scenario["directory"].toString()))
                                .filePath(scenario["expected"]["archive"].toString());
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString folder = tmp.filePath(QStringLiteral("in"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::copy(goodZip, folder + QStringLiteral("/good.zip")));
    QVERIFY(QFile::copy(ctFiles().front(), folder + QStringLiteral("/plain.dcm")));
    const QString broken = folder + QStringLiteral("/broken.zip");
    QVERIFY(writeFile(broken, content));

    ImportOptions options;
    options.extractionDir = tmp.filePath(QStringLiteral("out"));
    const ImportResult result = importPaths({folder}, options);
    QCOMPARE(result.library.errors().size(), std::size_t(1));
    QCOMPARE(result.library.errors().front().source, broken);
    QCOMPARE(result.library.errors().front().error.code, ErrorCode::ArchiveUnreadable);
    QCOMPARE(int(result.library.instances().size()), scenario["expected"]["instances"].toInt() + 1);
}

void TestMedia::duplicates_keepsOneInstanceAndCountsDuplicate()
{
    const QJsonObject scenario = td::scenario("duplicates");
    const QJsonObject expected = scenario["expected"].toObject();
    const QString folder = td::path(scenario["directory"].toString());
    QCOMPARE(int(QDir(folder).entryList(QDir::Files).size()), expected["files"].toInt());

    const ImportResult result = importPaths({folder});
    QVERIFY(result.library.errors().empty());
    QCOMPARE(int(result.library.instances().size()), expected["unique_instances"].toInt());
    QCOMPARE(result.library.duplicateCount(),
             expected["files"].toInt() - expected["unique_instances"].toInt());
    // Of the copies, the first by name is kept, whatever order the file system lists them in.
    QStringList copies;
    for (const QJsonValue& v : expected["duplicate_files"].toArray())
        copies << v.toString();
    copies.sort();
    const auto kept = std::ranges::find_if(result.library.instances(), [&](const auto& instance) {
        return instance->sopInstanceUid == expected["duplicate_sop_instance_uid"].toString();
    });
    QVERIFY(kept != result.library.instances().end());
    QCOMPARE(QFileInfo((*kept)->source).fileName(), copies.front());
    const std::vector<DisplaySet> sets = td::allDisplaySets(result.library);
    QCOMPARE(sets.size(), std::size_t(1));
    QVERIFY(sets.front().spacingIssues.empty());
}

void TestMedia::bad_eachFileFailsWithManifestCode_goodFileOpens()
{
    const QJsonObject scenario = td::scenario("bad");
    const QJsonObject expected = scenario["expected"].toObject();
    const QDir folder(td::path(scenario["directory"].toString()));

    const ImportResult result = importPaths({folder.path()});
    std::map<QString, QString> errorByFile;
    for (const FileError& error : result.library.errors())
        errorByFile[QFileInfo(error.source).fileName()] = errorName(error);
    const QJsonArray bad = expected["bad_files"].toArray();
    QCOMPARE(qsizetype(errorByFile.size()), bad.size());
    for (const QJsonValue& v : bad) {
        const QString file = v["file"].toString();
        QCOMPARE(QFileInfo(folder.filePath(file)).size(), v["size"].toInteger());
        QVERIFY2(errorByFile.contains(file), qPrintable(file + " gave no error"));
        QCOMPARE(errorByFile[file] + " " + file, v["expected_error"].toString() + " " + file);
    }

    const QJsonArray good = expected["good_files"].toArray();
    QCOMPARE(qsizetype(result.library.instances().size()), good.size());
    const auto& instance = result.library.instances().front();
    QCOMPARE(QFileInfo(instance->source).fileName(), good[0].toString());
    QCOMPARE(instance->sopInstanceUid, scenario["instances"][0]["sop_instance_uid"].toString());
    auto pixels = decodeDicomPixels(DicomSource::fromFile(instance->localPath));
    QVERIFY2(pixels.has_value(), qPrintable(td::errorText(pixels)));
}

void TestMedia::nopixels_listedByObjectKind_notAsErrors()
{
    const QJsonObject scenario = td::scenario("nopixels");
    const QString folder = td::path(scenario["directory"].toString());
    const QString ctFolder = td::path(td::studySeries("ct")["directory"].toString());

    const ImportResult result = importPaths({folder, ctFolder});
    QVERIFY(result.library.errors().empty());
    std::map<QString, std::shared_ptr<const InstanceInfo>> byUid;
    for (const auto& instance : result.library.instances())
        byUid[instance->sopInstanceUid] = instance;

    const std::map<QString, ObjectKind> kindByModality{{"SR", ObjectKind::StructuredReport},
                                                       {"KO", ObjectKind::KeyObjectSelection}};
    const QJsonArray objects = scenario["objects"].toArray();
    QCOMPARE(objects.size(), 2);
    for (const QJsonValue& v : objects) {
        const auto found = byUid.find(v["sop_instance_uid"].toString());
        QVERIFY(found != byUid.end());
        const InstanceInfo& info = *found->second;
        QCOMPARE(info.series.modality, v["modality"].toString());
        QCOMPARE(info.kind, kindByModality.at(v["modality"].toString()));
        QCOMPARE(info.sopClassUid, v["sop_class_uid"].toString());
        QVERIFY(!info.hasPixelData);
        auto pixels = decodeDicomPixels(DicomSource::fromFile(info.localPath));
        QVERIFY(!pixels.has_value());
        QCOMPARE(QString::fromLatin1(errorCodeName(pixels.error().code)),
                 v["expected_error"].toString());
    }

    // They sit in the CT study as series of their own, with no display sets.
    const auto tree = result.library.tree();
    QCOMPARE(tree.size(), std::size_t(1));
    QCOMPARE(tree.front().studies.size(), std::size_t(1));
    const StudyNode& study = tree.front().studies.front();
    QCOMPARE(study.info.instanceUid, scenario["study"]["study_instance_uid"].toString());
    QCOMPARE(study.series.size(), std::size_t(3));
    for (const SeriesNode& series : study.series) {
        const bool isCt =
            series.info.instanceUid == td::studySeries("ct")["series_instance_uid"].toString();
        QCOMPARE(series.displaySets.size(), std::size_t(isCt ? 1 : 0));
    }
}

void TestMedia::import_cancelledFromProgress_stopsEarlyWithFewerInstances()
{
    const QStringList files = ctFiles();
    QThreadPool pool;
    pool.setMaxThreadCount(2);
    std::atomic<bool> cancel{false};
    ImportOptions options;
    options.pool = &pool;
    options.cancel = &cancel;
    options.progress = [&](int done, int) {
        if (done >= 3)
            cancel = true;
    };

    const ImportResult result =
        importPaths({td::path(td::studySeries("ct")["directory"].toString())}, options);
    QVERIFY(result.cancelled);
    QVERIFY(result.library.errors().empty()); // skipped files are no failures
    QVERIFY(result.library.instances().size() >= 3);
    QVERIFY2(int(result.library.instances().size()) < files.size(),
             qPrintable(QString::number(result.library.instances().size())));
}

void TestMedia::import_notCancelled_progressReachesTotal()
{
    const QJsonObject ct = td::studySeries("ct");
    std::atomic<bool> cancel{false};
    std::atomic<int> calls{0};
    std::atomic<int> highest{0};
    std::atomic<int> reportedTotal{-1};
    ImportOptions options;
    options.cancel = &cancel;
    options.progress = [&](int done, int total) {
        ++calls;
        reportedTotal = total;
        int seen = highest.load();
        while (done > seen && !highest.compare_exchange_weak(seen, done)) {
        }
    };

    const ImportResult result = importPaths({td::path(ct["directory"].toString())}, options);
    QVERIFY(!result.cancelled);
    const int expected = ct["expected_files"].toInt();
    QCOMPARE(int(result.library.instances().size()), expected);
    QCOMPARE(reportedTotal.load(), expected);
    QCOMPARE(highest.load(), expected);
    QCOMPARE(calls.load(), expected);
}

void TestMedia::ctFolder_parallelImport_sameInstancesAsFileByFile()
{
    const QString folder = td::path(td::studySeries("ct")["directory"].toString());
    QThreadPool pool;
    pool.setMaxThreadCount(4);
    ImportOptions parallel;
    parallel.pool = &pool;
    const ImportResult fromFolder = importPaths({folder}, parallel);

    QThreadPool single;
    single.setMaxThreadCount(1);
    ImportOptions serial;
    serial.pool = &single;
    StudyLibrary oneByOne;
    QDirIterator it(folder, QDir::Files);
    while (it.hasNext()) {
        ImportResult one = importPaths({it.next()}, serial);
        QCOMPARE(one.library.instances().size(), std::size_t(1));
        oneByOne.merge(std::move(one.library));
    }

    QVERIFY(fromFolder.library.errors().empty());
    QCOMPARE(int(fromFolder.library.instances().size()),
             td::studySeries("ct")["expected_files"].toInt());
    QCOMPARE(describeAll(fromFolder.library), describeAll(oneByOne));
    const auto a = td::allDisplaySets(fromFolder.library);
    const auto b = td::allDisplaySets(oneByOne);
    QCOMPARE(a.size(), std::size_t(1));
    QCOMPARE(b.size(), std::size_t(1));
    QCOMPARE(td::frameSopUids(a.front()), td::frameSopUids(b.front()));
}

// Every syntax, photometric and layout the generator writes imports cleanly: the checks that
// reject broken files (e.g. a native file too small for its pixel data) reject nothing else.
void TestMedia::wholeTestProfile_onlyTheBadFilesFail()
{
    QTemporaryDir extraction;
    QVERIFY(extraction.isValid());
    ImportOptions options;
    options.extractionDir = extraction.path();
    QStringList folders;
    for (const QString& name : QDir(td::root()).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        folders << QDir(td::root()).filePath(name);
    const ImportResult result = importPaths(folders, options);

    QStringList failed;
    for (const FileError& error : result.library.errors())
        failed << QDir(td::root()).relativeFilePath(error.source) + QLatin1Char(' ') +
                      errorName(error);
    failed.sort();
    const QJsonObject bad = td::scenario("bad");
    QStringList expected;
    for (const QJsonValue& v : bad["expected"]["bad_files"].toArray())
        expected << bad["directory"].toString() + QLatin1Char('/') + v["file"].toString() +
                        QLatin1Char(' ') + v["expected_error"].toString();
    expected.sort();
    QCOMPARE(failed, expected);
    QVERIFY(result.warnings.isEmpty());
}

QTEST_GUILESS_MAIN(TestMedia)
#include "tst_media.moc"
