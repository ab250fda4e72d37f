// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/http/httpclient.h"

#include "engine/http/armerror.h"
#include "engine/http/bearertokenpolicy.h"
#include "engine/http/logpolicy.h"
#include "engine/http/requestidpolicy.h"

#include <QBuffer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace fm::http {

namespace {

bool isRetryableNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    // A TLS failure or a refused proxy login will not fix itself on retry.
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        return false;
    default:
        return true;
    }
}

} // namespace

// ---------------------------------------------------------------- HttpJob

HttpJob::HttpJob(std::shared_ptr<const Pipeline> pipeline, Request request, QObject *parent)
    : Job(parent)
    , m_pipeline(std::move(pipeline))
    , m_request(std::move(request))
    , m_outcome(fail(Error::internal(QStringLiteral("The HTTP call has not finished."))))
{
    // Connected first, so the outcome is set before any user slot runs, also when
    // Job::cancel() ends the job before doStart() ran.
    connect(this, &Job::finished, this, [this] {
        if (!m_completed) {
            m_completed = true;
            m_outcome = fail(error().value_or(Error::cancelled()));
        }
    });
}

HttpJob::~HttpJob()
{
    m_cancelled = true;
    dropReply();
}

void HttpJob::doStart()
{
    invoke(0, m_request, [this](Expected<Response> outcome) { complete(std::move(outcome)); });
}

void HttpJob::doCancel()
{
    m_cancelled = true;
    if (m_waitTimer)
        m_waitTimer->stop();
    dropReply();
    complete(fail(Error::cancelled()));
}

void HttpJob::dropReply()
{
    if (m_timeoutTimer)
        m_timeoutTimer->stop();
    if (QNetworkReply *reply = m_reply.data()) {
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
}

void HttpJob::wait(int ms, std::function<void()> then)
{
    if (isCancelled())
        return;
    const auto &hook = m_pipeline->options.delayHook;
    const int actual = hook ? hook(ms) : ms;
    if (!m_waitTimer) {
        m_waitTimer = new QTimer(this);
        m_waitTimer->setSingleShot(true);
    }
    disconnect(m_waitTimer, &QTimer::timeout, this, nullptr);
    connect(m_waitTimer, &QTimer::timeout, this, [this, then = std::move(then)] {
        if (!isCancelled())
            then();
    });
    m_waitTimer->start(std::max(0, actual));
}

QDateTime HttpJob::now() const
{
    const auto &clock = m_pipeline->options.clock;
    return clock ? clock() : QDateTime::currentDateTimeUtc();
}

void HttpJob::invoke(size_t index, Request request, ResponseCallback done)
{
    if (isCancelled())
        return;
    if (index < m_pipeline->policies.size()) {
        m_pipeline->policies[index]->send(std::move(request), *this,
                                          [this, index](Request next, ResponseCallback nextDone) {
                                              invoke(index + 1, std::move(next), std::move(nextDone));
                                          },
                                          std::move(done));
        return;
    }
    transport(request, std::move(done));
}

void HttpJob::transport(const Request &request, ResponseCallback done)
{
    QNetworkAccessManager *nam = m_pipeline->nam.data();
    if (!nam) {
        done(fail(Error::internal(QStringLiteral("The network access manager is gone."))));
        return;
    }
    QNetworkRequest qreq(request.url);
    for (const auto &h : request.headers)
        qreq.setRawHeader(h.first, h.second);
    // Never follow redirects silently: a redirect to another host would carry the bearer token along.
    qreq.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);

    QNetworkReply *reply = request.body.isEmpty() && (request.method == "GET" || request.method == "HEAD" || request.method == "DELETE")
        ? nam->sendCustomRequest(qreq, request.method)
        : nam->sendCustomRequest(qreq, request.method, request.body);
    m_reply = reply;
    auto timedOut = std::make_shared<bool>(false);

    if (!m_timeoutTimer) {
        m_timeoutTimer = new QTimer(this);
        m_timeoutTimer->setSingleShot(true);
    }
    disconnect(m_timeoutTimer, &QTimer::timeout, this, nullptr);
    connect(m_timeoutTimer, &QTimer::timeout, this, [reply, timedOut] {
        *timedOut = true;
        reply->abort(); // emits finished, handled below
    });
    m_timeoutTimer->start(std::max(1, request.timeoutMs));

    // If the NAM dies first it deletes the reply without finished(); don't hang.
    connect(reply, &QObject::destroyed, this, [this, done] {
        if (m_reply.isNull() && !isCancelled() && m_timeoutTimer && m_timeoutTimer->isActive()) {
            m_timeoutTimer->stop();
            done(fail(Error::make(ErrorCategory::Network, QStringLiteral("ConnectionAborted"),
                                  QStringLiteral("The network connection was closed before the response arrived."))));
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, timedOut, done, url = request.url, method = request.method] {
        disconnect(reply, &QObject::destroyed, this, nullptr);
        if (m_reply == reply)
            m_reply = nullptr;
        if (m_timeoutTimer)
            m_timeoutTimer->stop();
        reply->deleteLater();
        if (isCancelled())
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (*timedOut) {
            Error e = Error::make(ErrorCategory::Network, QStringLiteral("Timeout"),
                                  QStringLiteral("%1 %2 got no answer in time.").arg(QString::fromLatin1(method), url.host()));
            e.retryable = true;
            done(fail(e));
            return;
        }
        if (status == 0 && reply->error() != QNetworkReply::NoError) {
            Error e = Error::make(ErrorCategory::Network, QStringLiteral("NetworkError"),
                                  QStringLiteral("Could not reach %1: %2").arg(url.host(), reply->errorString()),
                                  QStringLiteral("Check the network connection, proxy and firewall, and that the endpoint is right."));
            e.details = QStringLiteral("QNetworkReply error %1").arg(int(reply->error()));
            e.retryable = isRetryableNetworkError(reply->error());
            done(fail(e));
            return;
        }
        Response response;
        response.status = status;
        response.url = url;
        for (const auto &pair : reply->rawHeaderPairs())
            response.headers.append({pair.first, pair.second});
        response.body = reply->readAll();
        done(std::move(response));
    });
}

void HttpJob::complete(Expected<Response> outcome)
{
    if (m_completed || isFinished())
        return;
    if (outcome && outcome->status >= 400 && !m_request.errorStatusAsResponse)
        outcome = fail(errorFromResponse(*outcome));
    m_completed = true;
    m_outcome = std::move(outcome);
    if (m_outcome)
        finish();
    else
        finish(m_outcome.error());
}

// ---------------------------------------------------------------- HttpClient

HttpClient::HttpClient(QNetworkAccessManager *nam, std::shared_ptr<TokenCredential> credential, Options options, QObject *parent)
    : QObject(parent), m_pipeline(std::make_shared<Pipeline>())
{
    m_pipeline->nam = nam;
    m_pipeline->options = std::move(options);
    const Options &o = m_pipeline->options;
    m_pipeline->policies.push_back(std::make_shared<RequestIdPolicy>(o.userAgent));
    if (credential)
        m_pipeline->policies.push_back(std::make_shared<BearerTokenPolicy>(std::move(credential), o.scopes));
    m_pipeline->policies.push_back(std::make_shared<RetryPolicy>(o.retry));
    m_pipeline->policies.push_back(std::make_shared<LogPolicy>());
}

HttpClient::~HttpClient() = default;

HttpJob *HttpClient::send(Request request, QObject *parent)
{
    auto *job = new HttpJob(m_pipeline, std::move(request), parent);
    job->start();
    return job;
}

const HttpClient::Options &HttpClient::options() const
{
    return m_pipeline->options;
}

QNetworkAccessManager *HttpClient::networkAccessManager() const
{
    return m_pipeline->nam.data();
}

void call(HttpClient *client, Request request, QObject *context, std::function<void(Expected<Response>)> done)
{
    HttpJob *job = client->send(std::move(request), context);
    QObject::connect(job, &Job::finished, context, [job, done = std::move(done)] {
        Expected<Response> outcome = job->outcome();
        job->deleteLater();
        done(std::move(outcome));
    });
}

} // namespace fm::http
