#include "archiveconfig.h"

namespace fenestra::net {

namespace {

bool startsWithScheme(const QString& text)
{
    return text.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

Result<QUrl> parseBaseUrl(const QString& text)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return fail(ErrorCode::InvalidUrl,
                    QStringLiteral("not an http or https URL: \"%1\"").arg(text.trimmed()));
    if (url.host().isEmpty())
        return fail(ErrorCode::InvalidUrl, QStringLiteral("URL without a host"));
    if (url.hasQuery() || url.hasFragment())
        return fail(ErrorCode::InvalidUrl,
                    QStringLiteral("an archive URL has no query or fragment"));
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url;
}

} // namespace

Result<ArchiveConfig> parseArchiveArgument(const QString& text)
{
    QString name;
    QString urlText = text.trimmed();
    const qsizetype equals = urlText.indexOf(QLatin1Char('='));
    if (!startsWithScheme(urlText) && equals >= 0) {
        name = urlText.left(equals).trimmed();
        urlText = urlText.mid(equals + 1);
        if (name.isEmpty())
            return fail(ErrorCode::InvalidUrl, QStringLiteral("empty archive name"));
    }
    const Result<QUrl> url = parseBaseUrl(urlText);
    if (!url)
        return std::unexpected(url.error());
    if (name.isEmpty())
        name = url->port() > 0 ? QStringLiteral("%1:%2").arg(url->host()).arg(url->port())
                               : url->host();
    return ArchiveConfig{name, *url};
}

QUrl archiveUrl(const ArchiveConfig& archive, const QString& path)
{
    QUrl url = archive.baseUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    return url;
}

} // namespace fenestra::net
