// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/auth/azureclicredential.h"

#include "engine/core/logging.h"
#include "engine/core/redaction.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <nlohmann/json.hpp>

namespace fm::auth {

namespace {

const QString kUseSecretInstead = QStringLiteral(
    "or sign in with an AAD application instead (--tenant-id, --client-id and FLEXMIGRATE_CLIENT_SECRET).");

Error cliError(const QString &code, const QString &message, const QString &fix)
{
    return Error::make(ErrorCategory::Auth, code, message, fix);
}

} // namespace

Expected<http::AccessToken> parseAzureCliToken(const QByteArray &json)
{
    const nlohmann::json doc = nlohmann::json::parse(json.constBegin(), json.constEnd(), nullptr, false);
    auto bad = [](const QString &why) {
        return fail(cliError(QStringLiteral("AzureCliBadOutput"), QStringLiteral("The Azure CLI printed an unusable token: %1.").arg(why),
                             QStringLiteral("Update the Azure CLI (az upgrade), ") + kUseSecretInstead));
    };
    if (doc.is_discarded() || !doc.is_object())
        return bad(QStringLiteral("not a JSON object"));
    const auto token = doc.find("accessToken");
    if (token == doc.end() || !token->is_string() || token->get<std::string>().empty())
        return bad(QStringLiteral("no accessToken"));
    http::AccessToken result;
    result.token = Secret(QString::fromStdString(token->get<std::string>()));
    // az >= 2.54 prints expires_on (POSIX seconds); older versions only expiresOn in local time.
    if (const auto it = doc.find("expires_on"); it != doc.end()) {
        const qint64 epoch = it->is_number() ? it->get<qint64>()
                                             : (it->is_string() ? QString::fromStdString(it->get<std::string>()).toLongLong() : 0);
        if (epoch > 0)
            result.expiresOn = QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC);
    }
    if (!result.expiresOn.isValid()) {
        if (const auto it = doc.find("expiresOn"); it != doc.end() && it->is_string()) {
            // "2026-11-25 16:00:00.000000", local time: drop the fraction, parse, convert.
            const QString text = QString::fromStdString(it->get<std::string>()).section(QLatin1Char('.'), 0, 0);
            const QDateTime local = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
            if (local.isValid())
                result.expiresOn = local.toUTC();
        }
    }
    if (!result.expiresOn.isValid())
        return bad(QStringLiteral("no expiry time"));
    return result;
}

AzureCliCredential::AzureCliCredential(Options options) : CachingCredential(options.cache), m_options(std::move(options)) {}

QString AzureCliCredential::findAzureCli()
{
    return QStandardPaths::findExecutable(QStringLiteral("az"));
}

QStringList AzureCliCredential::arguments(const QString &scope) const
{
    QString resource = scope;
    if (resource.endsWith(QLatin1String("/.default")))
        resource.chop(int(qstrlen("/.default")));
    QStringList args = {QStringLiteral("account"), QStringLiteral("get-access-token"), QStringLiteral("--resource"), resource,
                        QStringLiteral("--output"), QStringLiteral("json")};
    if (!m_options.tenantId.isEmpty())
        args << QStringLiteral("--tenant") << m_options.tenantId;
    return args;
}

void AzureCliCredential::fetchToken(const QStringList &scopes, FetchDone done)
{
    const QString program = m_options.program.isEmpty() ? findAzureCli() : m_options.program;
    if (program.isEmpty()) {
        done(fail(cliError(QStringLiteral("AzureCliNotFound"), QStringLiteral("The Azure CLI (az) is not installed or not on PATH."),
                           QStringLiteral("Install the Azure CLI and run az login, ") + kUseSecretInstead)));
        return;
    }
    if (scopes.size() != 1) {
        done(fail(Error::internal(QStringLiteral("The Azure CLI credential takes exactly one scope."))));
        return;
    }
    auto *process = new QProcess(anchor());
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    auto finished = std::make_shared<bool>(false);
    auto finishOnce = [process, finished, done](Expected<http::AccessToken> result) {
        if (*finished)
            return;
        *finished = true;
        process->deleteLater();
        done(std::move(result));
    };
    QObject::connect(timer, &QTimer::timeout, process, [process, finishOnce, timeoutMs = m_options.timeoutMs] {
        process->kill();
        finishOnce(fail(cliError(QStringLiteral("AzureCliTimeout"),
                                 QStringLiteral("az account get-access-token did not answer within %1 s.").arg(timeoutMs / 1000),
                                 QStringLiteral("Run it by hand to see what it waits for, ") + kUseSecretInstead)));
    });
    QObject::connect(process, &QProcess::errorOccurred, process, [process, finishOnce, program](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return; // crashes and exit codes are handled in finished()
        finishOnce(fail(cliError(QStringLiteral("AzureCliNotFound"),
                                 QStringLiteral("The Azure CLI could not be started (%1): %2").arg(program, process->errorString()),
                                 QStringLiteral("Check the Azure CLI installation, ") + kUseSecretInstead)));
    });
    QObject::connect(process, &QProcess::finished, process, [process, finishOnce](int exitCode, QProcess::ExitStatus status) {
        const QByteArray out = process->readAllStandardOutput();
        const QString err = redacted(QString::fromLocal8Bit(process->readAllStandardError()).trimmed());
        if (status != QProcess::NormalExit || exitCode != 0) {
            const QString firstLine = err.section(QLatin1Char('\n'), 0, 0).remove(QStringLiteral("ERROR: "));
            Error e;
            if (err.contains(QLatin1String("az login"), Qt::CaseInsensitive)) {
                e = cliError(QStringLiteral("AzureCliNotLoggedIn"), QStringLiteral("The Azure CLI is not signed in (or its sign-in expired)."),
                             QStringLiteral("Run az login (with --tenant <id> for a specific tenant), ") + kUseSecretInstead);
            } else {
                e = cliError(QStringLiteral("AzureCliFailed"), QStringLiteral("az account get-access-token failed (exit code %1).").arg(exitCode),
                             QStringLiteral("Run az account get-access-token yourself to see why, ") + kUseSecretInstead);
            }
            e.details = firstLine;
            logging::get("engine.auth")->warn("{}", e.toDisplayString());
            finishOnce(fail(e));
            return;
        }
        auto token = parseAzureCliToken(out);
        if (token)
            logging::get("engine.auth")->info("got a token from the Azure CLI, valid until {}", token->expiresOn.toString(Qt::ISODate));
        finishOnce(std::move(token));
    });
    timer->start(m_options.timeoutMs);
    process->setProgram(program);
    process->setArguments(arguments(scopes.first()));
    process->start(QIODevice::ReadOnly);
}

} // namespace fm::auth
