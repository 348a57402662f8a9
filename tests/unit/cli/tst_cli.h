#pragma once

#include <QJsonObject>
#include <QObject>
#include <QTemporaryDir>

// Runs the real `fenestra` binary with QProcess on the synthetic studies and checks its output
// against the generator's manifest. `info` tests are in tst_cli_info.cpp, `export` tests in
// tst_cli_export.cpp, `export --plane` tests in tst_cli_export_mpr.cpp.
class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void infoJson_ctPhantom_treeMatchesManifest();
    void infoJson_ctPhantom_displaySetGeometryMatchesManifest();
    void infoJson_syntaxMatrix_opensEveryFileWithExitZero();
    void infoJson_losslessSyntax_frameHashesEqualReference_data();
    void infoJson_losslessSyntax_frameHashesEqualReference();
    void infoJson_badScenario_listsEachErrorWithCodeAndKeepsGoodFile();
    void infoText_ctPhantom_printsTreeAndGeometry();
    void infoText_badScenario_printsOneErrorLinePerBadFile();
    void info_missingPath_exitsOneWithFileNotFound();
    void usageError_exitsOneWithMessage_data();
    void usageError_exitsOneWithMessage();

    void exportCt_window_greyFollowsLinearVoiFunction_data();
    void exportCt_window_greyFollowsLinearVoiFunction();
    void export_unknownSeries_exitsOneWithMessage();
    void export_frameOutOfRange_exitsOneWithMessage_data();
    void export_frameOutOfRange_exitsOneWithMessage();
    void exportUs_cineFrame_keepsDiscColour_data();
    void exportUs_cineFrame_keepsDiscColour();

    void exportPlane_throughSoftSphere_greyFollowsWindow_data();
    void exportPlane_throughSoftSphere_greyFollowsWindow();
    void exportAxialSlab_wholeVolume_equalsProjectionOfPhantom_data();
    void exportAxialSlab_wholeVolume_equalsProjectionOfPhantom();
    void exportPlane_ultrasoundCine_isNotAVolumeAndExitsOne();
    void exportPlane_badOption_exitsOneWithMessage_data();
    void exportPlane_badOption_exitsOneWithMessage();

private:
    QJsonObject m_manifest;
    QJsonObject m_syntaxesInfo; // `fenestra info --json` of the syntaxes/ folder
    int m_syntaxesExitCode = -1;
    QTemporaryDir m_outDir;
};
