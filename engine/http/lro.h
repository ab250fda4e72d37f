// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/job.h"
#include "engine/http/request.h"

#include <QPointer>

class QTimer;

namespace fm::http {

class HttpClient;
class HttpJob;

/** @brief Poll intervals when the service sends no Retry-After, and their upper bound. */
struct LroOptions {
    int defaultIntervalMs = 10000;
    int maxIntervalMs = 120000;
};

/**
 * @brief Follows an ARM long-running operation to its end (azure-api.md §5.3;
 * Azure SDK `azure/core/operation.hpp`, STYLE rule 6).
 *
 * From the initial 200/201/202 response it picks, in this order:
 * `Azure-AsyncOperation` (poll; body `status` Succeeded|Failed|Canceled|other),
 * `Location` (poll; 202 = running, 200/201/204 = done with the result), or
 * `properties.provisioningState` of a PUT/PATCH body (GET the resource until
 * terminal). Unknown status values mean "still running", never an error.
 * Waits honour Retry-After, else the default interval. When the operation
 * succeeded the outcome is the final resource (GET after PUT/PATCH), the
 * Location result (POST/DELETE), or the last response.
 *
 * cancel() stops following (it does not cancel the operation in Azure);
 * resumeToken() can be saved and resume() continues polling later, e.g. after
 * a restart.
 */
class LroPoller : public fm::Job
{
    Q_OBJECT
public:
    using Options = LroOptions;

    enum class Kind { Done, AsyncOperation, Location, ProvisioningState };

    /** method and resourceUrl are those of the initial request; started already. */
    static LroPoller *fromResponse(HttpClient *client, const QByteArray &method, const QUrl &resourceUrl, const Response &initial,
                                   QObject *parent = nullptr, Options options = {});
    /** Continues from resumeToken(); started already. A malformed token is a Validation error. */
    static Expected<LroPoller *> resume(HttpClient *client, const QString &token, QObject *parent = nullptr, Options options = {});

    ~LroPoller() override;

    /** A JSON string with what polling needs (URLs and method, no credentials). */
    QString resumeToken() const;
    Kind kind() const { return m_kind; }
    /** The last status seen ("InProgress", "Succeeded", a provisioningState, ...). */
    QString status() const { return m_status; }
    /** Valid after finished(). */
    const Expected<Response> &outcome() const { return m_outcome; }

signals:
    /** A poll returned; percentComplete is -1 when the service did not say. */
    void progress(const QString &status, int percentComplete);

protected:
    void doStart() override;
    void doCancel() override;

private:
    LroPoller(HttpClient *client, Options options, QObject *parent);
    void scheduleNext(const Response &last);
    void poll();
    void onPollResponse(const Response &response);
    void finalGet(const QUrl &url);
    void succeed(Response response);
    void complete(Expected<Response> outcome);

    QPointer<HttpClient> m_client;
    Options m_options;
    Kind m_kind = Kind::Done;
    QByteArray m_method;
    QUrl m_resourceUrl;
    QUrl m_pollUrl;
    QUrl m_finalUrl; ///< Location given next to Azure-AsyncOperation (POST/DELETE result)
    QUrl m_finalGetUrl;
    std::optional<Response> m_initial;
    QString m_status;
    bool m_finalStep = false;
    Expected<Response> m_outcome;
    bool m_completed = false;
    QPointer<HttpJob> m_job;
    QTimer *m_timer = nullptr;
};

/** "Succeeded", "Failed", "Canceled" (case-insensitive; also "Cancelled"). */
bool isTerminalOperationStatus(const QString &status);

} // namespace fm::http
