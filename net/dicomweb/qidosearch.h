#pragma once

#include "dicomjson.h"
#include "dicomwebrequest.h"

#include <optional>
#include <vector>

namespace fenestra::net {

// An identifier of the patient besides the primary Patient ID: an item of Other Patient IDs
// Sequence (0010,1002), with its Issuer of Patient ID (0010,0021) and Type of Patient ID
// (0010,0022), or a value of the retired Other Patient IDs (0010,1000), which names no issuer
// (then `issuer` is empty). Orthanc 1.10 returns 0010,1000 in QIDO answers but never the
// sequence; other servers may return either.
struct OtherPatientId
{
    QString id;
    QString issuer;
    QString type;
};

// The patient identifiers of one study record of a QIDO answer, besides Patient ID: its Issuer
// of Patient ID (0010,0021, empty when absent) and the other IDs. Ask for them with the include
// fields in kPatientIdentifierFields.
struct PatientIdentifiers
{
    QString issuerOfPatientId;
    QList<OtherPatientId> otherIds;
};
// IssuerOfPatientID, OtherPatientIDsSequence and OtherPatientIDs (0010,1000, retired: by tag).
inline const QStringList kPatientIdentifierFields = {QStringLiteral("IssuerOfPatientID"),
                                                     QStringLiteral("OtherPatientIDsSequence"),
                                                     QStringLiteral("00101000")};
// The identifiers of each dataset of a DICOM JSON array, in order (one entry per dataset, as
// parseStudies gives records); fails like parseStudies on a body that is not an array of objects.
Result<std::vector<PatientIdentifiers>> parsePatientIdentifiers(const QByteArray& json);

enum class QidoLevel
{
    Studies,
    Series,
    Instances
};

// One QIDO-RS search. When finished() has been emitted with status Clean, the records of its
// level are available; HTTP 204 and an empty array both give no records. Any other status:
// no records, outcome().error says why.
//
// Thread contract: that of DicomWebRequest.
class QidoSearch : public DicomWebRequest
{
    Q_OBJECT

public:
    QidoLevel level() const { return m_level; }
    const std::vector<StudyRecord>& studies() const { return m_studies; }
    // The patient identifiers of each study record, index for index with studies().
    const std::vector<PatientIdentifiers>& studyIdentifiers() const { return m_identifiers; }
    const std::vector<SeriesRecord>& series() const { return m_series; }
    const std::vector<InstanceRecord>& instances() const { return m_instances; }
    // Number of records of this search's level.
    int resultCount() const;
    // True when the results came from the literal-value retry (QueryDialect::Auto).
    bool usedLiteralValues() const { return m_usedLiteral; }

private:
    friend class DicomWebClient;
    QidoSearch(QidoLevel level, QNetworkAccessManager* manager, QNetworkRequest request,
               RequestOptions options, std::optional<QUrl> literalRetry, QObject* parent);

    void consume(QByteArrayView chunk) override;
    void complete() override;
    Result<int> parseBody();

    QidoLevel m_level;
    std::optional<QUrl> m_literalRetry;
    bool m_usedLiteral = false;
    QByteArray m_body; // a search answer is small JSON: parsed once complete
    std::vector<StudyRecord> m_studies;
    std::vector<PatientIdentifiers> m_identifiers;
    std::vector<SeriesRecord> m_series;
    std::vector<InstanceRecord> m_instances;
};

} // namespace fenestra::net
