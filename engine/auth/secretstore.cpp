// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/auth/secretstore.h"

#include "engine/core/logging.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#ifdef FLEXMIGRATE_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace fm::auth {

namespace {

Error unavailable(const QString &details = {})
{
    Error e = Error::make(ErrorCategory::Io, QStringLiteral("KeychainUnavailable"),
                          QStringLiteral("No system keychain is available to keep the secret."),
                          QStringLiteral("Start a keyring (e.g. GNOME Keyring or KWallet on Linux), or pass the secret each time "
                                         "through FLEXMIGRATE_CLIENT_SECRET or --client-secret-file."));
    e.details = details;
    return e;
}

template<typename T>
void post(QObject *context, std::function<void(Expected<T>)> done, Expected<T> result)
{
    QPointer<QObject> guard(context);
    if (!guard)
        return;
    QMetaObject::invokeMethod(context, [done = std::move(done), result = std::move(result)] { done(result); }, Qt::QueuedConnection);
}

#ifdef FLEXMIGRATE_HAVE_QTKEYCHAIN
Error fromKeychain(QKeychain::Error error, const QString &text, const QString &key)
{
    switch (error) {
    case QKeychain::EntryNotFound:
        return Error::make(ErrorCategory::Io, QStringLiteral("SecretNotFound"),
                           QStringLiteral("No secret is stored for %1.").arg(key),
                           QStringLiteral("Store it first, or pass it through FLEXMIGRATE_CLIENT_SECRET or --client-secret-file."));
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return Error::make(ErrorCategory::Io, QStringLiteral("KeychainAccessDenied"),
                           QStringLiteral("The system keychain refused access: %1").arg(text),
                           QStringLiteral("Unlock the keychain and allow FlexMigrate to use it."));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return unavailable(text);
    default:
        return Error::make(ErrorCategory::Io, QStringLiteral("KeychainError"), QStringLiteral("The system keychain failed: %1").arg(text),
                           QStringLiteral("Check that a keyring (GNOME Keyring, KWallet) is running and unlocked, or pass the secret "
                                          "through FLEXMIGRATE_CLIENT_SECRET or --client-secret-file."));
    }
}
#endif

} // namespace

SecretStore::SecretStore(QString service) : m_service(std::move(service)) {}

QString SecretStore::aadSecretKey(const QString &tenantId, const QString &clientId)
{
    return QStringLiteral("aad/%1/%2").arg(tenantId.toLower(), clientId.toLower());
}

bool SecretStore::isAvailable()
{
#ifdef FLEXMIGRATE_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

void SecretStore::store(const QString &key, const Secret &secret, QObject *context, std::function<void(Expected<void>)> done) const
{
#ifdef FLEXMIGRATE_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain file
    job->setKey(key);
    job->setTextData(secret.reveal());
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, job, [guard, key, done = std::move(done)](QKeychain::Job *j) {
        Expected<void> result;
        if (j->error() != QKeychain::NoError)
            result = fail(fromKeychain(j->error(), j->errorString(), key));
        else
            logging::get("engine.auth")->info("stored the secret {} in the system keychain", key);
        post<void>(guard.data(), done, result);
    });
    job->start();
#else
    Q_UNUSED(key);
    Q_UNUSED(secret);
    post<void>(context, std::move(done), fail(unavailable(QStringLiteral("built without QtKeychain"))));
#endif
}

void SecretStore::read(const QString &key, QObject *context, std::function<void(Expected<Secret>)> done) const
{
#ifdef FLEXMIGRATE_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, job, [guard, key, done = std::move(done)](QKeychain::Job *j) {
        Expected<Secret> result = Secret();
        if (j->error() != QKeychain::NoError)
            result = fail(fromKeychain(j->error(), j->errorString(), key));
        else
            result = Secret(static_cast<QKeychain::ReadPasswordJob *>(j)->textData());
        post<Secret>(guard.data(), done, result);
    });
    job->start();
#else
    Q_UNUSED(key);
    post<Secret>(context, std::move(done), fail(unavailable(QStringLiteral("built without QtKeychain"))));
#endif
}

void SecretStore::remove(const QString &key, QObject *context, std::function<void(Expected<void>)> done) const
{
#ifdef FLEXMIGRATE_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, job, [guard, key, done = std::move(done)](QKeychain::Job *j) {
        Expected<void> result;
        if (j->error() != QKeychain::NoError)
            result = fail(fromKeychain(j->error(), j->errorString(), key));
        post<void>(guard.data(), done, result);
    });
    job->start();
#else
    Q_UNUSED(key);
    post<void>(context, std::move(done), fail(unavailable(QStringLiteral("built without QtKeychain"))));
#endif
}

} // namespace fm::auth
