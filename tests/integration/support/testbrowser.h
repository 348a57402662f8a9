#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>
#include <memory>

class QNetworkAccessManager;

namespace fenestra::integration {

// The doctor's browser in tests: a user agent with its own cookie jar that plays the system
// browser against our OpenID Connect provider (tests/integration/oidc/provider.mjs). It follows
// redirects itself, fills in the provider's login form (and its consent form, when the provider
// shows one) and stops at the redirect to the client's loopback redirect URI (RFC 8252:
// http://127.0.0.1:<port>/...). Cookies persist across calls, like a real browser's: a second
// authorize() within the provider's session signs in without the login form (single sign-on)
// until endSession() or clearCookies().
//
// It only ever talks to 127.0.0.1 (anything else is refused as an error), with no proxy.
//
// Thread contract: one thread (the test's). Every call blocks in a local QEventLoop, so a
// client under test that lives on the same thread (its loopback listener, its token requests)
// keeps running while the browser waits.
class TestBrowser
{
public:
    struct Options
    {
        // After the provider redirects to the loopback redirect URI, also GET that URL, as the
        // system browser would, so the client listening there receives the code. Off for a
        // test that exchanges the code itself (no one listens on the redirect port).
        bool deliverRedirect = true;
        // What the consent form answers when the provider shows one (false: "deny").
        bool grantConsent = true;
        std::chrono::milliseconds timeout{15000}; // for each whole call
        int maxSteps = 20;                        // redirects and forms per call
    };

    TestBrowser();
    explicit TestBrowser(Options options);
    ~TestBrowser();
    TestBrowser(const TestBrowser&) = delete;
    TestBrowser& operator=(const TestBrowser&) = delete;

    // Opens authorizationUrl and signs in as user/password. Returns the URL the provider
    // redirected to on 127.0.0.1 (the client's redirect URI with ?code=...&state=... on success,
    // or ?error=...&state=... when the provider refuses), after delivering it when
    // Options::deliverRedirect. An empty QUrl on failure (*error says why: the provider did
    // not answer, refused the login, showed a page with no form, too many steps...).
    // The login form is filled only when the provider shows it (no session yet).
    QUrl authorize(const QUrl& authorizationUrl, const QString& user, const QString& password,
                   QString* error = nullptr);

    // RP-initiated logout: opens logoutUrl (the provider's end_session_endpoint with
    // id_token_hint / post_logout_redirect_uri / state), confirms the provider's "sign out?"
    // form, and follows to the end (delivering a loopback post_logout_redirect_uri when
    // Options::deliverRedirect). True when the provider confirmed the logout: it redirected to
    // the post-logout redirect URI or showed its "signed out" page.
    bool endSession(const QUrl& logoutUrl, QString* error = nullptr);

    // The loopback URL of the last redirect (as returned) and, when it was delivered, the
    // client's answer to it (status 0 when not delivered or nobody answered).
    QUrl lastRedirect() const { return m_lastRedirect; }
    int lastRedirectStatus() const { return m_lastRedirectStatus; }
    QByteArray lastRedirectBody() const { return m_lastRedirectBody; }
    // Every URL requested by the last call, in order (for assertions on the flow).
    QList<QUrl> history() const { return m_history; }
    // The last page the provider showed (for error messages and assertions).
    QByteArray lastPage() const { return m_lastPage; }

    // Forgets the provider's session (a new browser profile).
    void clearCookies();

private:
    struct Response;
    struct Form;
    static Form parseForm(const QByteArray& page);
    Response send(const QUrl& url, const QByteArray& method = "GET", const QByteArray& body = {});
    bool isLoopbackRedirectTarget(const QUrl& url, const QUrl& providerOrigin) const;
    QUrl deliver(const QUrl& redirect);

    Options m_options;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QUrl m_lastRedirect;
    int m_lastRedirectStatus = 0;
    QByteArray m_lastRedirectBody;
    QList<QUrl> m_history;
    QByteArray m_lastPage;
};

} // namespace fenestra::integration
