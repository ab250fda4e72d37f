// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/job.h"
#include "engine/http/httppolicy.h"
#include "engine/http/request.h"
#include "engine/http/retrypolicy.h"
#include "engine/http/tokencredential.h"

#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace fm::http {

struct Pipeline;

/**
 * @brief One HTTP call through the policy chain. Finishes exactly once;
 * destroying it aborts the request and any wait (STYLE rule 5).
 *
 * Outcome: a Response for 1xx-3xx (and for >= 400 when the request set
 * errorStatusAsResponse); otherwise an Error (see errorFromResponse()), a
 * Network error (retryable) or Error::cancelled().
 */
class HttpJob : public fm::Job, private PipelineCall
{
    Q_OBJECT
public:
    HttpJob(std::shared_ptr<const Pipeline> pipeline, Request request, QObject *parent = nullptr);
    ~HttpJob() override;

    /** Valid after finished(). */
    const Expected<Response> &outcome() const { return m_outcome; }
    const Request &request() const { return m_request; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    // PipelineCall
    bool isCancelled() const override { return m_cancelled || isFinished(); }
    QObject *context() override { return this; }
    void wait(int ms, std::function<void()> then) override;
    QDateTime now() const override;

    void invoke(size_t index, Request request, ResponseCallback done);
    void transport(const Request &request, ResponseCallback done);
    void complete(Expected<Response> outcome);
    void dropReply();

    std::shared_ptr<const Pipeline> m_pipeline;
    Request m_request;
    Expected<Response> m_outcome;
    bool m_completed = false;
    bool m_cancelled = false;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_waitTimer = nullptr;
    QTimer *m_timeoutTimer = nullptr;
};

/**
 * @brief Async HTTP over QNetworkAccessManager with the Azure policy chain:
 * request id + user agent -> bearer token -> retry -> log -> transport.
 * Lives on the event loop of its thread; never blocks.
 */
class HttpClient : public QObject
{
    Q_OBJECT
public:
    struct Options {
        RetryOptions retry;
        /** Empty: "FlexMigrate/<version>". */
        QByteArray userAgent;
        /** Scopes asked of the credential, e.g. {CloudProfile::scope()}. */
        QStringList scopes;
        /** UTC now, for Retry-After dates; default QDateTime::currentDateTimeUtc. */
        std::function<QDateTime()> clock;
        /**
         * Tests: receives every planned wait (retry backoff, LRO poll interval) in ms
         * and returns the ms actually waited, so delays can be asserted without sleeping.
         */
        std::function<int(int plannedMs)> delayHook;
    };

    /** nam must outlive the client; credential may be null (no bearer, e.g. the token endpoint). */
    HttpClient(QNetworkAccessManager *nam, std::shared_ptr<TokenCredential> credential, Options options = {}, QObject *parent = nullptr);
    ~HttpClient() override;

    /** Starts the call; the job is owned by parent (or by the caller when parent is null). */
    HttpJob *send(Request request, QObject *parent = nullptr);

    const Options &options() const;
    QNetworkAccessManager *networkAccessManager() const;

private:
    std::shared_ptr<Pipeline> m_pipeline;
};

/**
 * @brief Convenience for typed clients: sends, then calls done once on context's
 * thread with the outcome; nothing is called (and the request is aborted) when
 * context is destroyed first.
 */
void call(HttpClient *client, Request request, QObject *context, std::function<void(Expected<Response>)> done);

/** The shared parts of an HttpClient; jobs keep it alive while they run. */
struct Pipeline {
    QPointer<QNetworkAccessManager> nam;
    std::vector<std::shared_ptr<HttpPolicy>> policies;
    HttpClient::Options options;
};

} // namespace fm::http
