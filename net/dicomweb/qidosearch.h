#pragma once

#include "dicomjson.h"
#include "dicomwebrequest.h"

#include <optional>
#include <vector>

namespace fenestra::net {

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
    std::vector<SeriesRecord> m_series;
    std::vector<InstanceRecord> m_instances;
};

} // namespace fenestra::net
