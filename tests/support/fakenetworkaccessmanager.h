// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QPointer>
#include <QUrl>

#include <deque>
#include <functional>
#include <optional>

namespace fm::test {

/** @brief One request as the fake saw it. */
struct RecordedRequest {
    QByteArray method;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    /** Case-insensitive; empty when absent. */
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
};

/** @brief A canned answer: an HTTP response, a transport error, a hang, optionally delayed. */
struct FakeResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /** Not NoError: the reply fails with this transport error and no HTTP status. */
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    /** Never answers until aborted (timeouts, cancellation). */
    bool hang = false;
    int delayMs = 0;

    FakeResponse &header(const QByteArray &name, const QByteArray &value)
    {
        headers.append(qMakePair(name, value));
        return *this;
    }
    /** status + body with Content-Type: application/json. */
    static FakeResponse json(int status, const QByteArray &body);
    static FakeResponse empty(int status);
    static FakeResponse networkError(QNetworkReply::NetworkError error = QNetworkReply::ConnectionRefusedError);
    static FakeResponse hanging();
};

/**
 * @brief A QNetworkAccessManager that never touches the network: it records
 * every request (method, URL, headers, body) and answers from a handler or a
 * FIFO queue. Unexpected requests get HTTP 599 with an explanatory body, so a
 * test fails loudly instead of hanging.
 */
class FakeNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT
public:
    /** Returns an answer, or nullopt to fall back to the queue. */
    using Handler = std::function<std::optional<FakeResponse>(const RecordedRequest &)>;

    explicit FakeNetworkAccessManager(QObject *parent = nullptr);

    void enqueue(FakeResponse response);
    void setHandler(Handler handler);
    /** Every request so far, oldest first. */
    const QList<RecordedRequest> &requests() const { return m_requests; }
    int queued() const { return int(m_queue.size()); }
    /** Replies created but not finished (hanging or delayed). */
    int openReplies() const;
    void clear();

signals:
    void requestRecorded(int index);

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    QList<RecordedRequest> m_requests;
    std::deque<FakeResponse> m_queue;
    Handler m_handler;
    QList<QPointer<QNetworkReply>> m_replies;
};

} // namespace fm::test
