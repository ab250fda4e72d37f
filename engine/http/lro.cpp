// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/http/lro.h"

#include "engine/core/logging.h"
#include "engine/core/numeric.h"
#include "engine/http/armerror.h"
#include "engine/http/httpclient.h"
#include "engine/http/logpolicy.h"

#include <QTimer>

#include <algorithm>

#include <nlohmann/json.hpp>

namespace fm::http {

namespace {

QString kindName(LroPoller::Kind kind)
{
    switch (kind) {
    case LroPoller::Kind::Done: return QStringLiteral("done");
    case LroPoller::Kind::AsyncOperation: return QStringLiteral("asyncOperation");
    case LroPoller::Kind::Location: return QStringLiteral("location");
    case LroPoller::Kind::ProvisioningState: return QStringLiteral("provisioningState");
    }
    return {};
}

std::optional<LroPoller::Kind> kindFromName(const QString &name)
{
    for (auto k : {LroPoller::Kind::AsyncOperation, LroPoller::Kind::Location, LroPoller::Kind::ProvisioningState}) {
        if (kindName(k) == name)
            return k;
    }
    return std::nullopt;
}

QString jsonString(const nlohmann::json &doc, std::initializer_list<const char *> path)
{
    const nlohmann::json *node = &doc;
    for (const char *key : path) {
        if (!node->is_object())
            return {};
        const auto it = node->find(key);
        if (it == node->end())
            return {};
        node = &*it;
    }
    return node->is_string() ? QString::fromStdString(node->get<std::string>()) : QString();
}

/** properties.provisioningState, or empty when absent / body not JSON. */
QString provisioningState(const QByteArray &body)
{
    const nlohmann::json doc = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (doc.is_discarded())
        return {};
    return jsonString(doc, {"properties", "provisioningState"});
}

bool isSucceeded(const QString &s)
{
    return s.compare(QLatin1String("Succeeded"), Qt::CaseInsensitive) == 0;
}

bool isUsablePollUrl(const QUrl &url)
{
    return url.isValid() && !url.isRelative() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

} // namespace

bool isTerminalOperationStatus(const QString &status)
{
    for (const char *t : {"Succeeded", "Failed", "Canceled", "Cancelled"}) {
        if (status.compare(QLatin1String(t), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

LroPoller::LroPoller(HttpClient *client, Options options, QObject *parent)
    : Job(parent)
    , m_client(client)
    , m_options(options)
    , m_outcome(fail(Error::internal(QStringLiteral("The operation has not finished."))))
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &LroPoller::poll);
    connect(this, &Job::finished, this, [this] {
        if (!m_completed) {
            m_completed = true;
            m_outcome = fail(error().value_or(Error::cancelled()));
        }
    });
}

LroPoller::~LroPoller()
{
    delete m_job.data(); // aborts a poll in flight
}

LroPoller *LroPoller::fromResponse(HttpClient *client, const QByteArray &method, const QUrl &resourceUrl, const Response &initial,
                                   QObject *parent, Options options)
{
    auto *p = new LroPoller(client, options, parent);
    p->m_method = method.toUpper();
    p->m_resourceUrl = resourceUrl;
    p->m_initial = initial;
    const QUrl async(QString::fromLatin1(initial.header("Azure-AsyncOperation")));
    const QUrl location(QString::fromLatin1(initial.header("Location")));
    const bool accepted = initial.status == 200 || initial.status == 201 || initial.status == 202;
    if (accepted && isUsablePollUrl(async)) {
        p->m_kind = Kind::AsyncOperation;
        p->m_pollUrl = async;
        if (isUsablePollUrl(location))
            p->m_finalUrl = location;
    } else if ((initial.status == 202 || initial.status == 201) && isUsablePollUrl(location)) {
        p->m_kind = Kind::Location;
        p->m_pollUrl = location;
    } else if ((p->m_method == "PUT" || p->m_method == "PATCH") && (initial.status == 200 || initial.status == 201)) {
        const QString state = provisioningState(initial.body);
        p->m_status = state;
        if (!state.isEmpty() && !isTerminalOperationStatus(state)) {
            p->m_kind = Kind::ProvisioningState;
            p->m_pollUrl = resourceUrl;
        }
    }
    p->start();
    return p;
}

Expected<LroPoller *> LroPoller::resume(HttpClient *client, const QString &token, QObject *parent, Options options)
{
    auto bad = [](const QString &why) {
        return fail(Error::validation(QStringLiteral("InvalidResumeToken"),
                                      QStringLiteral("The saved operation token cannot be used: %1.").arg(why),
                                      QStringLiteral("Look the resource up again instead of resuming the operation.")));
    };
    const QByteArray utf8 = token.toUtf8();
    const nlohmann::json doc = nlohmann::json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return bad(QStringLiteral("it is not JSON"));
    const auto kind = kindFromName(jsonString(doc, {"kind"}));
    if (!kind)
        return bad(QStringLiteral("unknown kind \"%1\"").arg(jsonString(doc, {"kind"})));
    const QUrl pollUrl(jsonString(doc, {"pollUrl"}));
    if (!isUsablePollUrl(pollUrl))
        return bad(QStringLiteral("the polling URL is missing or not absolute"));
    const QString method = jsonString(doc, {"method"});
    if (method.isEmpty())
        return bad(QStringLiteral("the method is missing"));
    auto *p = new LroPoller(client, options, parent);
    p->m_kind = *kind;
    p->m_method = method.toUpper().toLatin1();
    p->m_pollUrl = pollUrl;
    p->m_resourceUrl = QUrl(jsonString(doc, {"resourceUrl"}));
    p->m_finalUrl = QUrl(jsonString(doc, {"finalUrl"}));
    p->start();
    return p;
}

QString LroPoller::resumeToken() const
{
    nlohmann::json doc = {
        {"v", 1},
        {"kind", kindName(m_kind).toStdString()},
        {"method", m_method.toStdString()},
        {"resourceUrl", m_resourceUrl.toString(QUrl::FullyEncoded).toStdString()},
        {"pollUrl", m_pollUrl.toString(QUrl::FullyEncoded).toStdString()},
    };
    if (m_finalUrl.isValid() && !m_finalUrl.isEmpty())
        doc["finalUrl"] = m_finalUrl.toString(QUrl::FullyEncoded).toStdString();
    return QString::fromStdString(doc.dump());
}

void LroPoller::doStart()
{
    if (!m_client) {
        complete(fail(Error::internal(QStringLiteral("The HTTP client is gone."))));
        return;
    }
    if (m_kind == Kind::Done) {
        // Nothing to follow: the initial response is the result (or the error).
        Response initial = m_initial.value_or(Response{});
        if (initial.status >= 400)
            complete(fail(errorFromResponse(initial)));
        else
            complete(std::move(initial));
        return;
    }
    if (m_initial)
        scheduleNext(*m_initial);
    else
        poll(); // resumed: ask right away
}

void LroPoller::doCancel()
{
    m_timer->stop();
    delete m_job.data();
    complete(fail(Error::cancelled()));
}

void LroPoller::scheduleNext(const Response &last)
{
    int ms = m_options.defaultIntervalMs;
    bool ok = false;
    const int after = last.header("Retry-After").trimmed().toInt(&ok);
    if (ok && after >= 0)
        ms = after * 1000;
    ms = std::clamp(ms, 0, m_options.maxIntervalMs);
    const auto &hook = m_client ? m_client->options().delayHook : std::function<int(int)>();
    m_timer->start(std::max(0, hook ? hook(ms) : ms));
}

void LroPoller::poll()
{
    if (isFinished())
        return;
    if (!m_client) {
        complete(fail(Error::internal(QStringLiteral("The HTTP client went away while an operation was being followed."))));
        return;
    }
    m_job = m_client->send(Request::get(m_finalStep ? m_finalGetUrl : m_pollUrl), this);
    HttpJob *job = m_job.data();
    connect(job, &Job::finished, this, [this, job] {
        const Expected<Response> outcome = job->outcome();
        job->deleteLater();
        if (isFinished())
            return;
        if (!outcome) {
            complete(fail(outcome.error()));
            return;
        }
        if (m_finalStep)
            complete(outcome);
        else
            onPollResponse(*outcome);
    });
}

void LroPoller::onPollResponse(const Response &response)
{
    switch (m_kind) {
    case Kind::AsyncOperation: {
        const auto doc = response.json();
        if (!doc) {
            complete(fail(doc.error()));
            return;
        }
        m_status = jsonString(*doc, {"status"});
        int percent = -1;
        if (doc->is_object() && doc->contains("percentComplete") && (*doc)["percentComplete"].is_number())
            percent = int(std::clamp<qint64>(wholeNumber((*doc)["percentComplete"].get<double>()).value_or(-1), -1, 100));
        emit progress(m_status, percent);
        if (m_status.isEmpty()) {
            Error e = Error::make(ErrorCategory::Arm, QStringLiteral("MalformedOperationStatus"),
                                  QStringLiteral("The operation status from %1 has no \"status\".").arg(m_pollUrl.host()));
            e.requestId = response.requestId();
            complete(fail(e));
            return;
        }
        if (!isTerminalOperationStatus(m_status)) {
            scheduleNext(response);
            return;
        }
        if (!isSucceeded(m_status)) {
            Error e = Error::make(ErrorCategory::Arm, QStringLiteral("Operation%1").arg(m_status),
                                  QStringLiteral("The Azure operation ended with status %1.").arg(m_status));
            if (doc->is_object() && doc->contains("error"))
                readArmErrorObject((*doc)["error"], e);
            e.requestId = response.requestId();
            e.correlationId = response.correlationId();
            complete(fail(e));
            return;
        }
        // Succeeded: fetch the result where ARM keeps it (async-operations.md).
        if (m_method == "PUT" || m_method == "PATCH") {
            if (isUsablePollUrl(m_resourceUrl)) {
                finalGet(m_resourceUrl);
                return;
            }
        } else if (m_method == "POST" && isUsablePollUrl(m_finalUrl)) {
            finalGet(m_finalUrl);
            return;
        }
        succeed(response);
        return;
    }
    case Kind::Location:
        if (response.status == 202) {
            m_status = QStringLiteral("InProgress");
            emit progress(m_status, -1);
            scheduleNext(response);
            return;
        }
        m_status = QStringLiteral("Succeeded");
        emit progress(m_status, 100);
        if ((m_method == "PUT" || m_method == "PATCH") && isUsablePollUrl(m_resourceUrl)) {
            finalGet(m_resourceUrl);
            return;
        }
        succeed(response);
        return;
    case Kind::ProvisioningState: {
        const QString state = provisioningState(response.body);
        m_status = state.isEmpty() ? QStringLiteral("Succeeded") : state; // absent = done (async-operations.md)
        emit progress(m_status, -1);
        if (!isTerminalOperationStatus(m_status)) {
            scheduleNext(response);
            return;
        }
        if (!isSucceeded(m_status)) {
            Error e = Error::make(ErrorCategory::Arm, QStringLiteral("Provisioning%1").arg(m_status),
                                  QStringLiteral("Provisioning of %1 ended with state %2.").arg(m_resourceUrl.path(), m_status));
            e.requestId = response.requestId();
            complete(fail(e));
            return;
        }
        succeed(response);
        return;
    }
    case Kind::Done:
        succeed(response);
        return;
    }
}

void LroPoller::finalGet(const QUrl &url)
{
    m_finalStep = true;
    m_finalGetUrl = url;
    poll();
}

void LroPoller::succeed(Response response)
{
    complete(std::move(response));
}

void LroPoller::complete(Expected<Response> outcome)
{
    if (m_completed || isFinished())
        return;
    m_completed = true;
    m_outcome = std::move(outcome);
    logging::get("engine.http")->info("operation {} {} ended: {}", QString::fromLatin1(m_method), LogPolicy::loggableUrl(m_resourceUrl),
                                      m_outcome ? QStringLiteral("ok") : m_outcome.error().toDisplayString());
    if (m_outcome)
        finish();
    else
        finish(m_outcome.error());
}

} // namespace fm::http
