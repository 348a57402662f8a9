#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace fenestra::test {

// What one run of the `fenestra` binary printed and returned.
struct CliRun
{
    bool finished = false; // started and exited normally within the time limit
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the fenestra binary built with the tests, with `arguments`, waiting up to two minutes.
CliRun runFenestra(const QStringList& arguments);

// Shorthand for the many JSON keys and arguments below.
inline QString key(const char* text)
{
    return QString::fromLatin1(text);
}

QJsonObject parseJson(const QString& text);

// The ground truth written by generate_demo.py next to the test data.
QJsonObject loadManifest();
// Absolute path of an entry of the test data folder.
QString testDataPath(const QString& relative);
// manifest["studies"][study]["series"][index]
QJsonObject manifestSeries(const QJsonObject& manifest, const char* study, int index = 0);
// manifest["studies"][study]["study"]
QJsonObject manifestStudy(const QJsonObject& manifest, const char* study);
// manifest["scenarios"][scenario]["expected"]
QJsonObject manifestScenarioExpectation(const QJsonObject& manifest, const char* scenario);
// SOP Instance UIDs of a manifest series, ascending z (the display order of an axial stack).
QStringList sopUidsBySpatialOrder(const QJsonObject& manifestSeries);

// DICOM PS3.3 C.11.2.1.2.1, the linear VOI function, onto 0..255. Written out here rather than
// taken from the renderer so that the tests check the renderer instead of repeating it.
double linearWindow(double x, double center, double width);

// Every series object of a `fenestra info --json` document, flattened over patients/studies.
QList<QJsonObject> jsonSeries(const QJsonObject& info);
// Every instance object of a `fenestra info --json` document, by SOP Instance UID.
QHash<QString, QJsonObject> jsonInstances(const QJsonObject& info);

} // namespace fenestra::test
