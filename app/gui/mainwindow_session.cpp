// The doctor's session: signing in (OpenID Connect in the system browser), who is signed in and
// what that allows, bearer tokens on every archive request with one renewal when an archive
// refuses them, the idle lock, and signing out, which wipes every patient-related thing the
// window holds in memory.

#include "mainwindow.h"

#include "auth/oidcsession.h"
#include "dicomweb/dicomwebclient.h"
#include "gui/federationpanel.h"
#include "gui/idlelock.h"
#include "gui/searchpanel.h"
#include "settings.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace fenestra::app {

namespace {

// The roles that may search the archives (the provider's "role" claim).
const QStringList kSearchingRoles{QStringLiteral("physician"), QStringLiteral("radiologist"),
                                  QStringLiteral("gp")};

// The roles that may break the glass: hospital doctors, not general practitioners outside.
const QStringList kEmergencyRoles{QStringLiteral("physician"), QStringLiteral("radiologist")};

// A written reason, not a keystroke.
constexpr int kMinimumReasonLength = 10;

QString roleText(const QString& role)
{
    if (role == QLatin1String("physician"))
        return MainWindow::tr("physician");
    if (role == QLatin1String("radiologist"))
        return MainWindow::tr("radiologist");
    if (role == QLatin1String("gp"))
        return MainWindow::tr("general practitioner");
    return role;
}

} // namespace

void MainWindow::createSession()
{
    m_idle = new IdleWatcher(this);
    m_lock = new LockScreen(this);
    m_account = new QLabel(this);
    m_account->setObjectName(QStringLiteral("accountStatus"));
    statusBar()->addPermanentWidget(m_account);
    m_openBrowser = [](const QUrl& url) { QDesktopServices::openUrl(url); };
    // While emergency access lasts: a red bar above the views, with a way to end it now.
    m_emergencyBar = new QToolBar(this);
    m_emergencyBar->setObjectName(QStringLiteral("emergencyBanner"));
    m_emergencyBar->setMovable(false);
    m_emergencyBar->setStyleSheet(
        QStringLiteral("QToolBar { background: #b00020; } QLabel { color: white; "
                       "font-weight: bold; padding: 4px; }"));
    m_emergencyLabel = new QLabel(m_emergencyBar);
    m_emergencyBar->addWidget(m_emergencyLabel);
    auto* endNow = new QPushButton(m_emergencyBar);
    endNow->setObjectName(QStringLiteral("emergencyEnd"));
    m_emergencyBar->addWidget(endNow);
    connect(endNow, &QPushButton::clicked, this, [this] { endEmergencyAccess(); });
    addToolBarBreak(Qt::TopToolBarArea);
    addToolBar(Qt::TopToolBarArea, m_emergencyBar);
    m_emergencyBar->hide();
    connect(m_idle, &IdleWatcher::idle, this, [this] { lockSession(); });
    connect(m_lock, &LockScreen::signInRequested, this, [this] {
        if (m_session != nullptr)
            m_session->login();
    });
    connect(m_lock, &LockScreen::signOutRequested, this, [this] { signOut(); });
    updateAccountStatus();
}

void MainWindow::addAccountActions(QMenu* menu)
{
    m_signInAction = addAction(menu, QT_TR_NOOP("&Sign in..."),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), [this] {
                                   if (m_session != nullptr)
                                       m_session->login();
                               });
    m_signOutAction =
        addAction(menu, QT_TR_NOOP("Sign &out"), QKeySequence(), [this] { signOut(); });
    m_lockAction = addAction(menu, QT_TR_NOOP("&Lock now"), QKeySequence(Qt::CTRL | Qt::Key_L),
                             [this] { lockSession(); });
    menu->addSeparator();
    m_emergencyAction = addAction(menu, QT_TR_NOOP("&Emergency access (break the glass)..."),
                                  QKeySequence(), [this] { askEmergencyAccess(); });
    updateAccountStatus();
}

void MainWindow::setSession(net::OidcSession* session)
{
    m_session = session;
    if (session == nullptr) {
        m_search->setSearchAllowed(true);
        updateAccountStatus();
        return;
    }
    m_idle->setTimeout(std::chrono::minutes(m_settings.idleLockMinutes()));
    m_idle->pause(); // counts from the sign-in
    connect(session, &net::OidcSession::authorizationUrlReady, this, [this](const QUrl& url) {
        statusBar()->showMessage(tr("Continue signing in in your web browser\u2026"));
        m_openBrowser(url);
    });
    connect(session, &net::OidcSession::loggedIn, this,
            [this](const net::Identity& identity) { onSignedIn(identity); });
    connect(session, &net::OidcSession::loginFailed, this, [this](const net::Error& error) {
        statusBar()->clearMessage();
        showSessionMessage(tr("Sign-in failed"), error.detail);
    });
    connect(session, &net::OidcSession::tokensRefreshed, this,
            [this] { m_search->retryRefused(); });
    connect(session, &net::OidcSession::reauthenticationRequired, this,
            [this](const net::Error& reason) {
                m_search->failRefused(reason);
                updateAccountStatus();
                QMessageBox* box = showSessionMessage(
                    tr("Sign in again"), tr("Your session has ended: %1\nSign in again to go on; "
                                            "your open studies stay open.")
                                             .arg(reason.detail));
                box->setStandardButtons(QMessageBox::NoButton);
                QPushButton* signIn = box->addButton(tr("Sign in"), QMessageBox::AcceptRole);
                signIn->setObjectName(QStringLiteral("sessionSignIn"));
                box->addButton(tr("Later"), QMessageBox::RejectRole);
                connect(signIn, &QPushButton::clicked, this, [this] {
                    if (m_session != nullptr)
                        m_session->login();
                });
            });
    connect(session, &net::OidcSession::endSessionUrlReady, this,
            [this](const QUrl& url) { m_openBrowser(url); });
    connect(session, &net::OidcSession::stateChanged, this, [this] { updateAccountStatus(); });
    connect(session, &net::OidcSession::emergencyAccessStarted, this, [this] {
        updateEmergencyBanner();
        auditSession(net::audit::AuditEventKind::EmergencyOverrideStarted, m_emergencyReason);
    });
    connect(session, &net::OidcSession::emergencyAccessEnded, this, [this] {
        auditSession(net::audit::AuditEventKind::EmergencyOverrideStopped, m_emergencyReason);
        updateEmergencyBanner();
        statusBar()->showMessage(tr("Emergency access ended."), 8000);
    });
    connect(session, &net::OidcSession::emergencyAccessFailed, this,
            [this](const net::Error& error) {
                showSessionMessage(tr("Emergency access refused"), error.detail);
            });
    // Every archive request carries the doctor's access token, read when it is sent.
    net::RequestOptions options;
    options.authorization = session->authorizationProvider();
    m_requestOptions = options;
    m_search->setRequestOptions(options);
    for (net::DicomWebClient* client : std::as_const(m_clients))
        client->setOptions(options);
    connect(m_search, &SearchPanel::authorizationRefused, session,
            [session] { session->handleUnauthorized(); });
    connect(m_search, &SearchPanel::reauthenticationNeeded, session,
            [session] { session->handleUnauthorized(true); });
    updateAccountStatus();
}

void MainWindow::askEmergencyAccess()
{
    if (m_session == nullptr)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Emergency access"));
    auto* text = new QLabel(
        tr("Emergency access lets you see this patient's images at other hospitals without the "
           "patient's consent, for a short time. It is recorded and reviewed. Write why it is "
           "needed:"),
        &dialog);
    text->setWordWrap(true);
    auto* reason = new QPlainTextEdit(&dialog);
    reason->setObjectName(QStringLiteral("emergencyReason"));
    reason->setAccessibleName(tr("Reason for emergency access"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start emergency access"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(reason, &QPlainTextEdit::textChanged, &dialog, [reason, buttons] {
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(reason->toPlainText().trimmed().size() >= kMinimumReasonLength);
    });
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addWidget(reason);
    layout->addWidget(buttons);
    if (dialog.exec() == QDialog::Accepted)
        startEmergencyAccess(reason->toPlainText().trimmed());
}

bool MainWindow::startEmergencyAccess(const QString& reason)
{
    if (m_session == nullptr || reason.trimmed().size() < kMinimumReasonLength ||
        m_session->state() != net::OidcSession::State::LoggedIn)
        return false;
    m_emergencyReason = reason.trimmed();
    m_session->startEmergencyAccess(QStringLiteral("EMER"), m_emergencyReason);
    return true;
}

void MainWindow::endEmergencyAccess()
{
    if (m_session != nullptr)
        m_session->endEmergencyAccess();
}

void MainWindow::updateEmergencyBanner()
{
    const bool active = m_session != nullptr && m_session->isEmergencyAccess();
    m_emergencyBar->setVisible(active);
    if (active)
        m_emergencyLabel->setText(
            tr("Emergency access until %1: every access is recorded.")
                .arg(QLocale().toString(m_session->emergencyAccessUntil().toLocalTime().time(),
                                        QLocale::ShortFormat)));
}

void MainWindow::setBrowserLauncher(std::function<void(const QUrl&)> open)
{
    m_openBrowser = std::move(open);
}

void MainWindow::onSignedIn(const net::Identity& identity)
{
    statusBar()->clearMessage();
    // Another doctor at this desk: nothing of the previous one's patients may remain.
    if (!m_lockedSubject.isEmpty() && m_lockedSubject != identity.subject)
        wipePatientData();
    m_lockedSubject.clear();
    m_lock->unlock();
    m_idle->restart();
    updateAccountStatus();
    auditSession(net::audit::AuditEventKind::Login);
}

void MainWindow::updateAccountStatus()
{
    if (m_account == nullptr || m_search == nullptr)
        return;
    const bool signedIn =
        m_session != nullptr && m_session->state() == net::OidcSession::State::LoggedIn;
    if (m_signInAction != nullptr) {
        m_signInAction->setVisible(m_session != nullptr);
        m_signOutAction->setVisible(m_session != nullptr);
        m_lockAction->setVisible(m_session != nullptr);
        m_emergencyAction->setVisible(m_session != nullptr);
        if (!isLocked()) {
            m_signOutAction->setEnabled(m_session != nullptr &&
                                        m_session->state() != net::OidcSession::State::LoggedOut);
            m_lockAction->setEnabled(signedIn);
            m_emergencyAction->setEnabled(
                signedIn &&
                std::any_of(m_session->identity().roles.begin(), m_session->identity().roles.end(),
                            [](const QString& r) { return kEmergencyRoles.contains(r); }));
        }
    }
    if (m_session == nullptr) {
        m_account->setText(tr("No sign-in configured"));
        m_account->setToolTip(tr("Archives are asked without authentication."));
        return;
    }
    const net::Identity& who = m_session->identity();
    QStringList roles;
    for (const QString& role : who.roles)
        roles << roleText(role);
    const QString hospital =
        who.organisationName.isEmpty() ? who.organisation : who.organisationName;
    switch (m_session->state()) {
    case net::OidcSession::State::LoggedIn:
        m_account->setText(tr("%1 \u00b7 %2 \u00b7 %3")
                               .arg(who.name.isEmpty() ? who.username : who.name, hospital,
                                    roles.join(QStringLiteral(", "))));
        break;
    case net::OidcSession::State::LoggingIn:
        m_account->setText(tr("Signing in\u2026"));
        break;
    case net::OidcSession::State::NeedsLogin:
        m_account->setText(tr("Session ended: sign in again"));
        break;
    case net::OidcSession::State::LoggedOut:
        m_account->setText(tr("Not signed in"));
        break;
    }
    m_account->setToolTip({});
    // What the doctor may do follows from the token: searching needs a role that may search.
    const bool mayRole = std::any_of(who.roles.begin(), who.roles.end(),
                                     [](const QString& r) { return kSearchingRoles.contains(r); });
    QString refusal;
    if (!signedIn && m_session->state() != net::OidcSession::State::LoggingIn && !who.isValid())
        refusal = tr("Sign in to search the archives.");
    else if (who.isValid() && !mayRole)
        refusal = tr("Your role (%1) does not allow searching the archives.")
                      .arg(roles.join(QStringLiteral(", ")));
    m_search->setSearchAllowed(refusal.isEmpty(), refusal);
    // The search across hospitals follows the same rule.
    if (m_federation != nullptr) {
        m_federation->setEnabled(refusal.isEmpty());
        m_federation->setToolTip(refusal);
    }
}

bool MainWindow::isLocked() const
{
    return m_lock != nullptr && m_lock->isLocked();
}

void MainWindow::lockSession()
{
    if (m_session == nullptr || isLocked() ||
        m_session->state() == net::OidcSession::State::LoggedOut)
        return;
    m_lockedSubject = m_session->identity().subject;
    m_idle->pause();
    const int minutes = m_settings.idleLockMinutes();
    m_lock->lock(tr("Patient data stays hidden until you sign in again. (The window locks after "
                    "%n minutes without activity.)",
                    nullptr, minutes));
}

void MainWindow::signOut()
{
    if (m_session == nullptr)
        return;
    auditSession(net::audit::AuditEventKind::Logout); // while the doctor is still known
    m_session->logout(); // tokens wiped, provider session ended in the browser
    wipePatientData();
    m_lockedSubject.clear();
    m_idle->pause();
    m_lock->unlock(); // nothing is left to hide
    updateAccountStatus();
    statusBar()->showMessage(tr("Signed out."), 5000);
}

void MainWindow::wipePatientData()
{
    closeAll(); // studies, views, streams, thumbnails, measurements, decoded images
    m_search->clearResults();
    if (m_federation != nullptr)
        m_federation->clearResults();
    statusBar()->clearMessage();
    // A copied view is patient data in the clipboard.
    if (QClipboard* clipboard = QApplication::clipboard();
        clipboard != nullptr && clipboard->ownsClipboard())
        clipboard->clear();
}

QMessageBox* MainWindow::showSessionMessage(const QString& title, const QString& text)
{
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("sessionMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // not modal to the event loop: the window keeps working
    return box;
}

void MainWindow::retranslateSession()
{
    if (m_lock != nullptr)
        m_lock->retranslate();
    if (m_emergencyBar != nullptr) {
        m_emergencyBar->findChild<QPushButton*>(QStringLiteral("emergencyEnd"))
            ->setText(tr("End emergency access"));
        updateEmergencyBanner();
    }
    updateAccountStatus();
}

} // namespace fenestra::app
